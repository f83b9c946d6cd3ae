"""Local preferences of this PC and user, kept in a small JSON file in the per-user config folder.

Organisation-wide settings (name, address, logos, the active programme) live in the database instead,
so that every PC sharing a PostgreSQL database sees the same. Only what belongs to one PC is here.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from pal_desktop import paths

CONFIG_VERSION = 1
FILE_NAME = "ustawienia.json"


@dataclass
class LocalConfig:
    #: The database this PC opens when no --db or PAL_DATABASE_URL is given ("" = the default SQLite file).
    database_url: str = ""
    #: Language of the interface: "pl" (the source language) or "en".
    language: str = "pl"
    #: The login of the person working on this PC, used for "who changed it" when there is no sign-in.
    user_login: str = ""
    #: Show whole PESEL numbers in the participant list (masked by default: only the birth-date part shows).
    show_full_pesel: bool = False
    #: The SQLite files the window has opened on this PC: one of them missing at start has been lost (a pulled
    #: USB stick), not never made, so it is not silently created again.
    opened_databases: list = field(default_factory=list)
    #: Where backups go and are rotated ("" = the "kopie" folder in the data folder): a network drive, a USB disk.
    backup_folder: str = ""
    #: Minutes without a key press or mouse move after which the window locks (0 = never).
    lock_after_minutes: int = 10
    version: int = CONFIG_VERSION


def config_path() -> Path:
    return paths.config_dir() / FILE_NAME


LANGUAGES = ("pl", "en")


def load() -> LocalConfig:
    """This PC's preferences; a missing, unreadable or odd file gives the defaults for what is wrong in it.

    The file is hand-editable, so anything may be in it (a list instead of an object, a number where a path
    belongs): every command reads it before the crash handler exists, so it must never raise.
    """
    path = config_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return LocalConfig()
    if not isinstance(raw, dict):
        return LocalConfig()
    defaults = LocalConfig()
    values = {}
    for known in fields(LocalConfig):
        value = raw.get(known.name, getattr(defaults, known.name))
        expected = type(getattr(defaults, known.name))
        # bool is an int in Python: a "version": true or "show_full_pesel": 1 is not what was meant.
        if type(value) is not expected:
            value = getattr(defaults, known.name)
        if isinstance(value, list):
            value = [item for item in value if isinstance(item, str)]
        values[known.name] = value
    if values["language"] not in LANGUAGES:
        values["language"] = defaults.language
    return LocalConfig(**values)


def save(config: LocalConfig) -> None:
    """Write atomically, so that a crash never leaves half a file."""
    import os
    import tempfile  # only when saving: it costs the start of the window a few milliseconds

    path = config_path()
    text = json.dumps(asdict(config), ensure_ascii=False, indent=2)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".ustawienia-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
