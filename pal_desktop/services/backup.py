"""Backups made by staff: a consistent copy of the SQLite database, taken while the program runs."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from pal_desktop import paths
from pal_desktop.errors import PalError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.access_log import BACKUP, log_access
from pal_desktop.storage.db import Database, sqlite_path


def default_backup_path() -> Path:
    return paths.backup_dir() / f"pal-kopia-{dt.datetime.now().strftime('%Y-%m-%d-%H%M')}.sqlite3"


def backup_database(db: Database, target: Path | str | None = None) -> Path:
    """Copy the database to ``target`` (default: the backups folder) with SQLite's online backup API.

    The copy is consistent even while others write (WAL included), and is written under a temporary name
    first, so a failure never leaves a half-written file that looks like a backup.
    """
    source = sqlite_path(db.url)
    if source is None:
        raise PalError(QT_TRANSLATE_NOOP(
            "Backup", "Kopię bazy na serwerze PostgreSQL wykonuje informatyk (np. poleceniem pg_dump); program "
                      "kopiuje tylko bazę w pliku."))
    target = Path(target) if target else default_backup_path()
    if target.resolve() == source.resolve():
        raise PalError(QT_TRANSLATE_NOOP("Backup", "Kopia nie może zastąpić samej bazy — wybierz inny plik."))
    if not target.parent.is_dir():
        raise PalError(QT_TRANSLATE_NOOP("Backup", "Folder „{folder}” nie istnieje."), folder=str(target.parent))
    temporary = target.with_name(target.name + ".tmp")
    try:
        reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            writer = sqlite3.connect(temporary)
            try:
                reader.backup(writer)
            finally:
                writer.close()
        finally:
            reader.close()
        paths.make_private(temporary)
        temporary.replace(target)
    except (sqlite3.Error, OSError) as exc:
        temporary.unlink(missing_ok=True)
        raise PalError(QT_TRANSLATE_NOOP(
            "Backup", "Nie udało się zapisać kopii w „{path}”: {reason}. Sprawdź miejsce na dysku i uprawnienia."),
            path=str(target), reason=str(exc)) from exc
    log_access(db, BACKUP, "database", file=target.name)
    return target
