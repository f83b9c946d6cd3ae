"""What the window remembers for each person at this PC: its size, the last tab, column widths, splitters and
the last choices of print dialogs.

Kept in an INI file in the per-user config folder (``okno.ini``), one group per signed-in login, so two
staff sharing a PC each find the window as they left it. Nothing here is personal data of participants.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from pal_desktop import paths
from pal_desktop.actor import current_actor

FILE_NAME = "okno.ini"


def _settings(per_user: bool = True) -> QSettings:
    settings = QSettings(str(paths.config_dir() / FILE_NAME), QSettings.Format.IniFormat)
    if per_user:
        login = current_actor.principal().login or "_"
        settings.beginGroup("user-" + "".join(ch if ch.isalnum() else "_" for ch in login))
    else:
        settings.beginGroup("window")  # before anyone signs in: the window's place on this PC's screen
    return settings


def value(key: str, default=None, kind=None, *, per_user: bool = True):
    settings = _settings(per_user)
    if not settings.contains(key):
        return default
    return settings.value(key, default, type=kind) if kind is not None else settings.value(key, default)


def set_value(key: str, data, *, per_user: bool = True) -> None:
    settings = _settings(per_user)
    settings.setValue(key, data)
    settings.sync()


def state(key: str, *, per_user: bool = True) -> QByteArray | None:
    """A saved ``saveGeometry``/``saveState`` blob, or None the first time."""
    data = value(key, per_user=per_user)
    return data if isinstance(data, QByteArray) and not data.isEmpty() else None


def flag(key: str, default: bool = False, *, per_user: bool = True) -> bool:
    data = value(key, default, per_user=per_user)
    return data if isinstance(data, bool) else str(data).lower() in ("true", "1")


def number(key: str, default: int) -> int:
    try:
        return int(value(key, default))
    except (TypeError, ValueError):
        return default


__all__ = ["flag", "number", "set_value", "state", "value"]
