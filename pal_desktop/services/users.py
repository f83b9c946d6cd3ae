"""Staff accounts: logins with argon2-hashed passwords, a role and the separate cash permission.

Only an administrator manages accounts, except the first one: a database without accounts lets anybody
create its administrator (the window's first start, or the first ``pal-desktop user add``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from sqlalchemy import func, select

from pal_desktop.domain.enums import UserRole
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.access_control import require
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import User

MIN_PASSWORD_LENGTH = 8
LOGIN_PATTERN = re.compile(r"^[a-z0-9._-]{3,64}$")
hasher = PasswordHasher()


@dataclass(frozen=True)
class UserInfo:
    id: int
    login: str
    full_name: str
    role: UserRole
    active: bool
    cash_permission: bool = False
    must_change_password: bool = False


def info_of(user: User) -> UserInfo:
    return UserInfo(user.id, user.login, user.full_name, user.role, user.active, bool(user.cash_permission),
                    bool(user.must_change_password))


def check_password(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Hasło” musi mieć co najmniej {min} znaków."), field=field,
            min=MIN_PASSWORD_LENGTH)


def normal_login(login: str) -> str:
    login = login.strip().lower()
    if not LOGIN_PATTERN.match(login):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Login” może zawierać tylko małe litery bez polskich znaków, cyfry, kropkę, "
                          "myślnik i podkreślenie (3-64 znaki)."), field="login")
    return login


def has_accounts(db: Database) -> bool:
    with db.reading() as session:
        return bool(session.scalar(select(func.count()).select_from(User)))


def _create(session, login: str, full_name: str, password: str, role: UserRole, cash: bool,
            must_change: bool = False) -> UserInfo:
    if session.scalar(select(User.id).where(User.login == login)) is not None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Login „{login}” jest już zajęty."), field="login", login=login)
    user = User(login=login, full_name=full_name.strip()[:200], password_hash=hasher.hash(password), role=role,
                cash_permission=cash and role is UserRole.STAFF, must_change_password=must_change)
    session.add(user)
    session.flush()
    return info_of(user)


def create_user(db: Database, login: str, full_name: str, password: str,
                role: UserRole = UserRole.STAFF, *, cash: bool = False, must_change: bool = False) -> UserInfo:
    """A new account (administrator only; the first account of a database is its administrator).

    ``must_change``: the password was given by the administrator, its owner sets their own at sign-in."""
    login = normal_login(login)
    check_password(password)
    with db.session() as session:
        if session.scalar(select(func.count()).select_from(User)):
            require(Permission.USERS)
        elif role is not UserRole.ADMIN:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pierwsze konto w bazie musi być kontem administratora (rola „administrator”)."),
                field="role")
        return _create(session, login, full_name, password, role, cash, must_change)


def create_first_administrator(db: Database, login: str, full_name: str, password: str) -> UserInfo:
    """The administrator of a database that has no accounts; refused once any account exists."""
    login = normal_login(login)
    check_password(password)
    with db.session() as session:
        if session.scalar(select(func.count()).select_from(User)):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "W bazie są już konta użytkowników: nowe konto dodaje administrator."), field="login")
        return _create(session, login, full_name, password, UserRole.ADMIN, False)


def list_users(db: Database) -> list[UserInfo]:
    require(Permission.USERS)
    with db.reading() as session:
        return [info_of(u) for u in session.scalars(select(User).order_by(User.login))]


def _user(session, login: str) -> User:
    user = session.scalar(select(User).where(User.login == login.strip().lower()))
    if user is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma konta „{login}”."), field="login", login=login)
    return user


def _keep_an_administrator(session, user: User, role: UserRole, active: bool) -> None:
    if user.role is not UserRole.ADMIN or (role is UserRole.ADMIN and active):
        return
    others = session.scalar(select(func.count()).select_from(User).where(
        User.role == UserRole.ADMIN, User.active.is_(True), User.id != user.id))
    if not others:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "„{login}” to jedyny czynny administrator: bez niego nikt nie zarządzałby kontami. "
                          "Najpierw nadaj rolę administratora innemu kontu."), field="role", login=user.login)


def update_user(db: Database, login: str, *, role: UserRole | None = None, cash: bool | None = None,
                full_name: str | None = None, active: bool | None = None) -> UserInfo:
    """Change an account's role, cash permission, name or whether it may sign in (administrator only)."""
    require(Permission.USERS)
    with db.session() as session:
        user = _user(session, login)
        new_role = role if role is not None else user.role
        new_active = active if active is not None else user.active
        _keep_an_administrator(session, user, new_role, new_active)
        user.role, user.active = new_role, new_active
        if cash is not None:
            user.cash_permission = cash
        if new_role is not UserRole.STAFF:
            user.cash_permission = False
        if full_name is not None:
            user.full_name = full_name.strip()[:200]
        if new_active:
            user.failed_sign_ins = 0
        return info_of(user)


def reset_password(db: Database, login: str, new_password: str) -> UserInfo:
    """An administrator sets a temporary password; its owner must change it at the next sign-in."""
    require(Permission.USERS)
    check_password(new_password)
    with db.session() as session:
        user = _user(session, login)
        user.password_hash = hasher.hash(new_password)
        user.must_change_password = True
        user.failed_sign_ins = 0
        return info_of(user)
