"""The PostgreSQL password lives in the system's credential store (keyring: the Windows Credential Manager,
the Secret Service on Linux), never in the settings file and never on screen after it was typed.

The settings file keeps the address without the password ("postgresql://pal_app@server/pal"); opening the
database looks the password up by user, server and database. An address given on the command line or in
PAL_DATABASE_URL with its password inline is used as given (IT's scripts, the tests) and stored nowhere.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from pal_desktop.errors import DatabaseError
from pal_desktop.messages import QT_TRANSLATE_NOOP

SERVICE = "PAL Desktop"
_log = logging.getLogger(__name__)


def _parsed(url: str):
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    return parsed if parsed.get_backend_name() == "postgresql" else None


def account(url: str) -> str | None:
    """The key the password is stored under: "user@server:port/database" (None: not a PostgreSQL address)."""
    parsed = _parsed(url)
    if parsed is None or not parsed.username:
        return None
    return f"{parsed.username}@{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


def without_password(url: str) -> str:
    parsed = _parsed(url)
    if parsed is None or parsed.password is None:
        return url
    return parsed._replace(password=None).render_as_string(hide_password=False)  # set() keeps on None


def _backend():
    import keyring  # imported here: the window's start does not pay for it on SQLite

    return keyring


def remember(url: str, password: str | None = None) -> str:
    """Store the password (given, or the one inside ``url``) in the credential store; returns the address
    without it, which is what the settings file may keep. Raises DatabaseError when there is no store."""
    parsed = _parsed(url)
    if parsed is None:
        return url
    password = password if password else parsed.password
    key = account(url)
    if not password or key is None:
        return without_password(url)
    try:
        _backend().set_password(SERVICE, key, password)
    except Exception as exc:  # noqa: BLE001 - every backend has its own errors (no store, locked, refused)
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Nie można zapisać hasła do bazy PostgreSQL w menedżerze poświadczeń systemu ({reason}). "
                        "Hasło nie zostało zapisane w pliku ustawień; poproś informatyka o skonfigurowanie "
                        "menedżera poświadczeń albo podawaj adres z hasłem w zmiennej PAL_DATABASE_URL."),
            reason=str(exc) or type(exc).__name__) from exc
    return without_password(url)


def stored_password(url: str) -> str | None:
    key = account(url)
    if key is None:
        return None
    try:
        return _backend().get_password(SERVICE, key)
    except Exception as exc:  # noqa: BLE001 - no store: connect without, PostgreSQL then says what it misses
        _log.warning("no password from the credential store for %s: %s", key, exc)
        return None


def with_password(url: str) -> str:
    """The address to connect with: the stored password added when the address has none."""
    parsed = _parsed(url)
    if parsed is None or parsed.password is not None:
        return url
    password = stored_password(url)
    if not password:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)


def forget(url: str) -> None:
    key = account(url)
    if key is None:
        return
    try:
        _backend().delete_password(SERVICE, key)
    except Exception as exc:  # noqa: BLE001 - nothing stored, or no store: nothing to forget
        _log.info("nothing forgotten for %s: %s", key, exc)


__all__ = ["SERVICE", "account", "forget", "remember", "stored_password", "with_password", "without_password"]
