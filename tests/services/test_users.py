"""Staff accounts: passwords are stored as argon2 hashes and checked."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pal_desktop.domain.enums import UserRole
from pal_desktop.errors import ValidationError
from pal_desktop.services import users
from pal_desktop.storage.models import User


def test_a_user_signs_in_with_the_right_password_only(db):
    created = users.create_user(db, "Anna.Kowalska", "Anna Kowalska", "Źródło-2024!", UserRole.ADMIN)
    assert created.login == "anna.kowalska" and created.role is UserRole.ADMIN
    with db.reading() as session:
        stored = session.scalar(select(User.password_hash))
    assert stored.startswith("$argon2") and "Źródło" not in stored
    assert users.authenticate(db, "anna.kowalska", "Źródło-2024!") == created
    assert users.authenticate(db, "anna.kowalska", "zle-haslo") is None
    assert users.authenticate(db, "nikt", "Źródło-2024!") is None


@pytest.mark.parametrize(("login", "password", "field"), [
    ("łukasz", "dlugiehaslo", "login"),
    ("ab", "dlugiehaslo", "login"),
    ("jan.nowak", "krótkie", "password"),
])
def test_bad_accounts_are_refused(db, login, password, field):
    with pytest.raises(ValidationError) as error:
        users.create_user(db, login, "", password)
    assert error.value.field == field
    assert users.list_users(db) == []


def test_a_login_is_taken_once(db):
    users.create_user(db, "jan.nowak", "Jan Nowak", "dlugiehaslo")
    with pytest.raises(ValidationError, match="już zajęty"):
        users.create_user(db, "Jan.Nowak", "Jan Nowak", "innehaslo1")
