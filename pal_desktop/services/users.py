"""Staff accounts: logins with argon2-hashed passwords and a role."""

from __future__ import annotations

import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from pal_desktop.domain.enums import UserRole
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import User

MIN_PASSWORD_LENGTH = 8
LOGIN_PATTERN = re.compile(r"^[a-z0-9._-]{3,64}$")
_hasher = PasswordHasher()


@dataclass(frozen=True)
class UserInfo:
    id: int
    login: str
    full_name: str
    role: UserRole
    active: bool


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.login, user.full_name, user.role, user.active)


def create_user(db: Database, login: str, full_name: str, password: str,
                role: UserRole = UserRole.STAFF) -> UserInfo:
    login = login.strip().lower()
    if not LOGIN_PATTERN.match(login):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Login” może zawierać tylko małe litery bez polskich znaków, cyfry, kropkę, "
                          "myślnik i podkreślenie (3-64 znaki)."), field="login")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Hasło” musi mieć co najmniej {min} znaków."), field="password",
            min=MIN_PASSWORD_LENGTH)
    with db.session() as session:
        if session.scalar(select(User.id).where(User.login == login)) is not None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Login „{login}” jest już zajęty."), field="login", login=login)
        user = User(login=login, full_name=full_name.strip(), password_hash=_hasher.hash(password), role=role)
        session.add(user)
        session.flush()
        return _info(user)


def authenticate(db: Database, login: str, password: str) -> UserInfo | None:
    """The user when the password matches an active account, else None (without saying which part failed)."""
    with db.session() as session:
        user = session.scalar(select(User).where(User.login == login.strip().lower()))
        if user is None or not user.active:
            return None
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        return _info(user)


def list_users(db: Database) -> list[UserInfo]:
    with db.reading() as session:
        return [_info(u) for u in session.scalars(select(User).order_by(User.login))]
