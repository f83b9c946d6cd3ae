"""Backups made by staff: a consistent copy of the database, taken while the program runs, checked before use.

A copy is written under a temporary name through SQLite's backup API (consistent even while others write,
WAL included), checked with ``integrity_check`` and its tables counted, and only then renamed, so a file
named like a backup always is one. On PostgreSQL the same is done by ``pg_dump`` when it is installed.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from pal_desktop import config, paths
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import PalError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.progress import ProgressCallback, report
from pal_desktop.services.access_control import require
from pal_desktop.services.access_log import BACKUP, log_access
from pal_desktop.storage import network_paths
from pal_desktop.storage.db import Database, sqlite_path

PREFIX = "pal-kopia-"
STAMP = "%Y-%m-%d-%H%M%S"
SQLITE_SUFFIX = ".sqlite3"
PG_SUFFIX = ".dump"
# Pages copied per step: small enough that progress moves and Cancel is heard, large enough to be quick.
PAGES_PER_STEP = 256


def backup_folder() -> Path:
    """The folder chosen in the settings, or the "kopie" folder in the data folder."""
    chosen = config.load().backup_folder
    return Path(chosen) if chosen else paths.backup_dir()


def unique_backup_path(folder: Path, now: dt.datetime | None = None, suffix: str = SQLITE_SUFFIX) -> Path:
    """pal-kopia-YYYY-MM-DD-HHMMSS.sqlite3, with -2, -3… when that second is already taken."""
    stem = PREFIX + (now or dt.datetime.now()).strftime(STAMP)
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists() or candidate.with_name(candidate.name + ".tmp").exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def default_backup_path() -> Path:
    return unique_backup_path(backup_folder())


def check_sqlite_copy(path: Path) -> dict[str, int]:
    """``integrity_check`` must say ok; returns the row count of every table (a copy that reads at all)."""
    connection = network_paths.connect(path.resolve(), "ro")
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise PalError(QT_TRANSLATE_NOOP(
                "Backup", "Kopia „{path}” jest uszkodzona (sprawdzenie spójności: {verdict})."),
                path=str(path), verdict=verdict)
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}
    finally:
        connection.close()


def copy_sqlite(source: Path, destination: Path, progress: ProgressCallback | None = None) -> None:
    """Copy ``source`` into ``destination`` with the backup API; Cancel leaves ``destination`` as it was."""
    reader = network_paths.connect(source.resolve(), "ro")
    try:
        writer = sqlite3.connect(destination)
        try:
            def step(_status, remaining, total):
                report(progress, total - remaining, total)
            reader.backup(writer, pages=PAGES_PER_STEP if progress else -1, progress=step if progress else None)
        finally:
            writer.close()
    finally:
        reader.close()


def _resolve_target(target: Path | str | None, now: dt.datetime | None, suffix: str) -> Path:
    if target is None:
        folder = backup_folder()
        if not folder.is_dir():
            if config.load().backup_folder:
                raise PalError(QT_TRANSLATE_NOOP(
                    "Backup", "Folder kopii „{folder}” jest niedostępny (odłączony dysk lub udział sieciowy?). "
                              "Podłącz go albo wybierz inny w ustawieniach."), folder=str(folder))
            folder.mkdir(parents=True, exist_ok=True)
        return unique_backup_path(folder, now, suffix)
    target = Path(target)
    if target.is_dir():
        return unique_backup_path(target, now, suffix)
    return target


def pg_tool(name: str) -> str:
    """The path of ``pg_dump``/``pg_restore``, or a Polish message saying what to install."""
    found = shutil.which(name)
    if found is None:
        raise PalError(QT_TRANSLATE_NOOP(
            "Backup", "Do kopii bazy PostgreSQL potrzebny jest program {tool}, którego nie znaleziono. Zainstaluj "
                      "narzędzia klienckie PostgreSQL (np. „PostgreSQL Command Line Tools” z instalatora "
                      "postgresql.org albo pakiet postgresql-client) w wersji serwera i dodaj ich folder do "
                      "zmiennej PATH."), tool=name)
    return found


def libpq_url(url: str) -> str:
    """SQLAlchemy's postgresql+psycopg://… as the postgresql://… the PostgreSQL tools understand."""
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest if scheme.startswith("postgres") else url


def _backup_postgres(db: Database, target: Path | str | None, now: dt.datetime | None) -> Path:
    tool = pg_tool("pg_dump")
    path = _resolve_target(target, now, PG_SUFFIX)
    temporary = path.with_name(path.name + ".tmp")
    result = subprocess.run([tool, "--format=custom", "--no-owner", f"--file={temporary}", libpq_url(db.url)],
                            capture_output=True, text=True, encoding="utf-8", errors="replace")
    if result.returncode != 0:
        temporary.unlink(missing_ok=True)
        raise PalError(QT_TRANSLATE_NOOP("Backup", "Program pg_dump nie zrobił kopii: {reason}"),
                       reason=result.stderr.strip())
    temporary.replace(path)
    return path


def backup_database(db: Database, target: Path | str | None = None, *, now: dt.datetime | None = None,
                    progress: ProgressCallback | None = None, automatic: bool = False) -> Path:
    """Copy the database to ``target`` (a file, a folder, or by default the backups folder); returns the file.

    Nothing is left under the backup's name unless the copy passed ``integrity_check``. A copy asked for
    needs the backup permission; the ``automatic`` ones (the daily one at close, the safety copy before a
    restore) are made for every role, into the office's own backup folder, and are logged the same way.
    """
    if not automatic:
        require(Permission.BACKUP)
    source = sqlite_path(db.url)
    if source is None:
        written = _backup_postgres(db, target, now)
        log_access(db, BACKUP, "database", file=written.name)
        return written
    target = _resolve_target(target, now, SQLITE_SUFFIX)
    if target.exists() and target.resolve() == source.resolve():
        raise PalError(QT_TRANSLATE_NOOP("Backup", "Kopia nie może zastąpić samej bazy — wybierz inny plik."))
    if not target.parent.is_dir():
        raise PalError(QT_TRANSLATE_NOOP("Backup", "Folder „{folder}” nie istnieje."), folder=str(target.parent))
    temporary = target.with_name(target.name + ".tmp")
    try:
        temporary.unlink(missing_ok=True)
        copy_sqlite(source, temporary, progress)
        check_sqlite_copy(temporary)
        paths.make_private(temporary)
        os.replace(temporary, target)
    except (sqlite3.Error, OSError) as exc:
        temporary.unlink(missing_ok=True)
        raise PalError(QT_TRANSLATE_NOOP(
            "Backup", "Nie udało się zapisać kopii w „{path}”: {reason}. Sprawdź miejsce na dysku i uprawnienia."),
            path=str(target), reason=str(exc)) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    log_access(db, BACKUP, "database", file=target.name)
    return target


def save_backup_folder(text: str) -> str:
    """Keep the chosen backup folder in this PC's settings ("" = the default); it must exist when chosen."""
    from pal_desktop.errors import ValidationError

    folder = text.strip()
    if folder:
        path = Path(folder).expanduser()
        if not path.is_dir():
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Backup", "Folder kopii „{folder}” nie istnieje albo jest niedostępny."), field="backup_folder",
                folder=folder)
        folder = str(path.resolve())
    local = config.load()
    if local.backup_folder != folder:
        local.backup_folder = folder
        try:
            config.save(local)
        except OSError as exc:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Backup", "Nie można zapisać ustawień w pliku „{path}”: {reason}."), field="backup_folder",
                path=str(config.config_path()), reason=exc.strerror or str(exc)) from exc
    return folder
