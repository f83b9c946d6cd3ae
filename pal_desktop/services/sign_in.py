"""Signing in, out and back in after a screen lock; one's own password change.

Failed attempts are counted on the account and each one after the third makes the next attempt wait longer
(5 s doubling up to 5 minutes), kept in the database so that restarting the program does not reset it.
Every sign-in, failed sign-in, sign-out and lock is logged with the account as the actor.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from pal_desktop.actor import current_actor
from pal_desktop.domain.permissions import Principal
from pal_desktop.errors import SignInError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.users import UserInfo, check_password, hasher, info_of
from pal_desktop.storage import audit_chain, file_guard
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import User
from pal_desktop.storage.models.base import utcnow

FREE_ATTEMPTS = 3
FIRST_PAUSE_S = 5
LONGEST_PAUSE_S = 300
SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, LOCK = "sign_in", "sign_in_failed", "sign_out", "lock"

WRONG = QT_TRANSLATE_NOOP("SignIn", "Nieprawidłowy login lub hasło.")


@dataclass(frozen=True)
class SignedIn:
    principal: Principal
    user: UserInfo

    @property
    def must_change_password(self) -> bool:
        return self.user.must_change_password


def pause_after(failures: int) -> int:
    """Seconds the next attempt must wait after ``failures`` failed attempts in a row."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(FIRST_PAUSE_S * 2 ** (failures - FREE_ATTEMPTS), LONGEST_PAUSE_S)


def _as_utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _log(session, actor: str, action: str, record_id: int | None, **facts) -> None:
    if session.info.get("pal_unlogged"):
        return
    audit_chain.append(session.connection(), [{
        "actor": actor[:64], "action": action, "table_name": "app_user", "record_id": record_id,
        "subject_ids": "", "changes": json.dumps(facts, ensure_ascii=False) if facts else ""}])


def _append(db: Database, actor: str, action: str, record_id: int | None, **facts) -> None:
    if file_guard.is_read_only(db.engine):
        return
    with db.session(log_only=True) as session:
        _log(session, actor, action, record_id, **facts)


def principal_of(user: UserInfo) -> Principal:
    return Principal.signed_in(user.login, user.role, user.cash_permission, user.full_name)


def check_credentials(db: Database, login: str, password: str, *, now: dt.datetime | None = None) -> SignedIn:
    """The account when ``password`` is right, else SignInError; the attempt is counted and logged."""
    now = now or utcnow()
    login = login.strip().lower()[:64]
    if file_guard.is_read_only(db.engine):  # a copy on a CD: nothing can be counted or logged there
        with db.reading() as session:
            session.info["pal_unlogged"] = True
            outcome = _attempt(session, login, password, now)
    else:
        with db.session(log_only=True) as session:
            # The refusal is raised after the commit: the count and the log entry must stay.
            outcome = _attempt(session, login, password, now)
    if isinstance(outcome, SignInError):
        raise outcome
    return outcome


def _attempt(session, login: str, password: str, now: dt.datetime) -> SignedIn | SignInError:
    user = session.scalar(select(User).where(User.login == login))
    if user is None:
        _log(session, login or "?", SIGN_IN_FAILED, None, reason="unknown_login")
        return SignInError(WRONG, field="login")
    session.info["pal_self_service"] = user.id
    wait = pause_after(user.failed_sign_ins)
    if wait and user.last_failed_at is not None:
        left = wait - int((now - _as_utc(user.last_failed_at)).total_seconds())
        if left > 0:
            return SignInError(QT_TRANSLATE_NOOP(
                "SignIn", "Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za {seconds} s."),
                field="password", seconds=left)
    if not user.active:
        _log(session, login, SIGN_IN_FAILED, user.id, reason="disabled")
        return SignInError(QT_TRANSLATE_NOOP(
            "SignIn", "Konto „{login}” jest wyłączone. Poproś administratora o jego włączenie."),
            field="login", login=login)
    try:
        hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        user.failed_sign_ins += 1
        user.last_failed_at = now
        _log(session, login, SIGN_IN_FAILED, user.id, reason="password", failures=user.failed_sign_ins)
        return SignInError(WRONG, field="password")
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    if user.failed_sign_ins:
        user.failed_sign_ins = 0
    user.last_sign_in_at = now
    info = info_of(user)
    return SignedIn(principal_of(info), info)


def sign_in(db: Database, login: str, password: str, *, now: dt.datetime | None = None) -> SignedIn:
    """Check the password and act as that account in this whole process from now on."""
    signed = check_credentials(db, login, password, now=now)
    current_actor.set_for_process(signed.principal)
    _append(db, signed.user.login, SIGN_IN, signed.user.id, role=signed.user.role.value)
    return signed


def sign_out(db: Database | None) -> None:
    """Nobody acts any more: until the next sign-in every service refuses."""
    who = current_actor.principal()
    if db is not None and who.role is not None:
        _append(db, who.login, SIGN_OUT, None)
    current_actor.set_for_process(Principal.nobody())


def log_lock(db: Database) -> None:
    _append(db, current_actor.principal().login, LOCK, None)


def unlock(db: Database, password: str, *, now: dt.datetime | None = None) -> SignedIn:
    """Back to work after a screen lock: the signed-in account's own password, counted like a sign-in."""
    return check_credentials(db, current_actor.principal().login, password, now=now)


def change_own_password(db: Database, old_password: str, new_password: str, repeated: str | None = None) -> None:
    """The signed-in account's new password; the old one is asked for again."""
    login = current_actor.principal().login
    if repeated is not None and repeated != new_password:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „Powtórz hasło” różni się od nowego hasła."),
                              field="repeated")
    check_password(new_password, "new_password")
    if new_password == old_password:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Nowe hasło musi być inne niż dotychczasowe."),
                              field="new_password")
    signed = check_credentials(db, login, old_password)
    with db.session(log_only=True) as session:
        session.info["pal_self_service"] = signed.user.id
        user = session.get(User, signed.user.id)
        user.password_hash = hasher.hash(new_password)
        user.must_change_password = False
