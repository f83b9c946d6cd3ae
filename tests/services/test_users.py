"""Staff accounts: passwords are stored as argon2 hashes and checked."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pal_desktop.domain.enums import UserRole
from pal_desktop.errors import SignInError, ValidationError
from pal_desktop.services import sign_in, users
from pal_desktop.storage.models import User


def test_a_user_signs_in_with_the_right_password_only(db):
    created = users.create_user(db, "Anna.Kowalska", "Anna Kowalska", "Źródło-2024!", UserRole.ADMIN)
    assert created.login == "anna.kowalska" and created.role is UserRole.ADMIN
    with db.reading() as session:
        stored = session.scalar(select(User.password_hash))
    assert stored.startswith("$argon2") and "Źródło" not in stored
    assert sign_in.check_credentials(db, "anna.kowalska", "Źródło-2024!").user == created
    for login, password in (("anna.kowalska", "zle-haslo"), ("nikt", "Źródło-2024!")):
        with pytest.raises(SignInError):
            sign_in.check_credentials(db, login, password)


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
    users.create_user(db, "jan.nowak", "Jan Nowak", "dlugiehaslo", UserRole.ADMIN)
    with pytest.raises(ValidationError, match="już zajęty"):
        users.create_user(db, "Jan.Nowak", "Jan Nowak", "innehaslo1")
