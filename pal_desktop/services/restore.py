"""Restoring a backup: what it holds, refusing what is not ours, and writing it back without a corrupt file.

Copying a backup over the database file by hand leaves a surviving ``-wal`` to be replayed over it, which
corrupts it. Here the backup's content is written into the live database through SQLite's backup API, so
SQLite itself handles the WAL, after the current state was backed up.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import PalError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.progress import ProgressCallback, report, scaled
from pal_desktop.services import backup
from pal_desktop.services.access_control import require
from pal_desktop.services.backup_rotation import backup_time
from pal_desktop.storage import network_paths
from pal_desktop.storage.db import sqlite_path
from pal_desktop.storage.migrate import head_revision, known_revisions

COUNTED = ("participant", "event", "attendance")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made: dt.datetime
    revision: str
    participants: int
    events: int
    attendance: int

    @property
    def older_schema(self) -> bool:
        return self.revision != head_revision()


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    safety_backup: Path | None


def _not_ours(path: Path) -> PalError:
    return PalError(QT_TRANSLATE_NOOP(
        "Backup", "Plik „{path}” nie jest kopią bazy PAL Desktop; niczego nie przywrócono."), path=str(path))


def describe_backup(file: Path | str, *, check: bool = True) -> BackupInfo:
    """Date, schema revision and counts of a SQLite backup; PalError for a foreign, broken or newer file.

    ``check=False`` skips ``integrity_check`` (seconds on a city's database), for a quick look in the window's
    thread; the restore itself always checks.
    """
    path = Path(file)
    if not path.is_file():
        raise PalError(QT_TRANSLATE_NOOP("Backup", "Nie znaleziono pliku „{path}”."), path=str(path))
    try:
        if check:
            backup.check_sqlite_copy(path)
        connection = network_paths.connect(path.resolve(), "ro")
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables or "participant" not in tables:
                raise _not_ours(path)
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            counts = [connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if table in tables else 0
                      for table in COUNTED]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise _not_ours(path) from exc
    revision = row[0] if row else None
    if revision is None:
        raise _not_ours(path)
    if revision != head_revision() and revision not in known_revisions():
        raise PalError(QT_TRANSLATE_NOOP(
            "Backup", "Kopia „{path}” pochodzi z nowszej wersji PAL Desktop (schemat {revision}). Zainstaluj "
                      "najnowszą wersję programu; niczego nie przywrócono."), path=str(path), revision=revision)
    made = backup_time(path) or dt.datetime.fromtimestamp(path.stat().st_mtime)
    return BackupInfo(path, made, revision, *counts)


def _is_pal_database(path: Path) -> bool:
    try:
        describe_backup(path)
    except PalError:
        return False
    return True


def restore_database(db_url: str, file: Path | str, *, progress: ProgressCallback | None = None) -> RestoreResult:
    """Replace the database at ``db_url`` with the backup ``file``; returns what was restored.

    The caller closes its own engine first (other PCs should not be working then). The current state is
    backed up first; an older backup is upgraded in a temporary copy before anything is written, so Cancel
    or a failure leaves the database as it was.
    """
    require(Permission.RESTORE)
    target = sqlite_path(db_url)
    if target is None:
        return _restore_postgres(db_url, Path(file), progress)
    info = describe_backup(file)
    source = Path(file)
    if target.exists() and source.resolve() == target.resolve():
        raise PalError(QT_TRANSLATE_NOOP("Backup", "Wybrany plik jest samą bazą, a nie kopią."))
    report(progress, 0, 100)
    safety = None
    if target.exists() and target.stat().st_size > 0 and _is_pal_database(target):
        from pal_desktop.storage.db import Database, create_db_engine

        engine = create_db_engine(db_url)
        try:
            safety = backup.backup_database(Database(db_url, engine), progress=scaled(progress, 0, 40), automatic=True)
        finally:
            engine.dispose()
    staged = target.with_name(target.name + ".przywracanie.tmp")
    try:
        staged.unlink(missing_ok=True)
        backup.copy_sqlite(source, staged, scaled(progress, 40, 70))
        if info.older_schema:
            from pal_desktop.storage.migrate import open_database

            opened = open_database("sqlite:///" + staged.as_posix(), create=False)
            opened.database.dispose()
        backup.check_sqlite_copy(staged)
        report(progress, 80, 100)
        # From here on nothing may be cancelled: the backup API writes the staged copy into the live file in
        # one transaction (a failure rolls back), and SQLite itself reconciles a surviving -wal/-shm.
        writer = sqlite3.connect(target)
        try:
            reader = network_paths.connect(staged.resolve(), "ro")
            try:
                reader.backup(writer)
            finally:
                reader.close()
            writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            writer.close()
    except sqlite3.Error as exc:
        raise PalError(QT_TRANSLATE_NOOP(
            "Backup", "Nie udało się przywrócić kopii: {reason}. Baza pozostała bez zmian."),
            reason=str(exc)) from exc
    finally:
        for leftover in (staged, staged.with_name(staged.name + "-wal"), staged.with_name(staged.name + "-shm")):
            leftover.unlink(missing_ok=True)
    report(progress, 100, 100)
    return RestoreResult(describe_backup(target), safety)


def _restore_postgres(db_url: str, file: Path, progress: ProgressCallback | None) -> RestoreResult:
    tool = backup.pg_tool("pg_restore")
    if not file.is_file():
        raise PalError(QT_TRANSLATE_NOOP("Backup", "Nie znaleziono pliku „{path}”."), path=str(file))
    from pal_desktop.storage.db import Database, create_db_engine

    engine = create_db_engine(db_url)
    try:
        safety = backup.backup_database(Database(db_url, engine), automatic=True)
    finally:
        engine.dispose()
    report(progress, 50, 100)
    result = subprocess.run([tool, "--clean", "--if-exists", "--no-owner", "--single-transaction",
                             f"--dbname={backup.libpq_url(db_url)}", str(file)],
                            capture_output=True, text=True, encoding="utf-8", errors="replace")
    if result.returncode != 0:
        raise PalError(QT_TRANSLATE_NOOP("Backup", "Program pg_restore nie przywrócił kopii: {reason}"),
                       reason=result.stderr.strip())
    report(progress, 100, 100)
    made = dt.datetime.fromtimestamp(file.stat().st_mtime)
    return RestoreResult(BackupInfo(file, made, head_revision(), 0, 0, 0), safety)
