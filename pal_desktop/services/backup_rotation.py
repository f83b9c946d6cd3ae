"""Which backups to keep (7 daily, 4 weekly, 12 monthly), how old the last good one is, and the daily backup.

The state lives in the folder itself: a backup's time is in its name, so a folder copied to another PC, or
cleaned by hand, tells the truth without a record of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from pal_desktop import config
from pal_desktop.errors import PalError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import backup
from pal_desktop.storage.db import Database, sqlite_path

DAILY, WEEKLY, MONTHLY = 7, 4, 12
# The window warns when the newest good backup is older than this.
STALE_AFTER = dt.timedelta(days=7)
_NAME = re.compile(r"^pal-kopia-(\d{4}-\d{2}-\d{2}-\d{6})(?:-\d+)?\.(?:sqlite3|dump)$")


def backup_time(path: Path) -> dt.datetime | None:
    """The time in a backup's name, or None for a file that is not one of ours."""
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        return dt.datetime.strptime(match.group(1), backup.STAMP)
    except ValueError:
        return None


def list_backups(folder: Path) -> list[tuple[dt.datetime, Path]]:
    """The folder's backups, newest first."""
    found = []
    for path in folder.iterdir():
        when = backup_time(path)
        if when is not None and path.is_file():
            found.append((when, path))
    return sorted(found, reverse=True)


def to_keep(backups: list[tuple[dt.datetime, Path]]) -> set[Path]:
    """Newest backup of each of the last 7 days, 4 ISO weeks and 12 months that have one."""
    keep: set[Path] = set()
    for count, key in ((DAILY, lambda when: when.date()),
                       (WEEKLY, lambda when: when.isocalendar()[:2]),
                       (MONTHLY, lambda when: (when.year, when.month))):
        seen = []
        for when, path in backups:  # newest first: the first of each period is its newest
            period = key(when)
            if period not in seen:
                if len(seen) == count:
                    break
                seen.append(period)
                keep.add(path)
    return keep


def rotate(folder: Path) -> list[Path]:
    """Delete backups outside the rotation; returns what was deleted. Other files are never touched."""
    backups = list_backups(folder)
    keep = to_keep(backups)
    removed = []
    for _when, path in backups:
        if path not in keep:
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass  # a file in use stays until next time; the rotation must not stop a backup
    return removed


def automatic_backups_apply(db: Database) -> bool:
    """The window backs up a database file by itself; a PostgreSQL server's administrator schedules pg_dump."""
    return sqlite_path(db.url) is not None


@dataclass(frozen=True)
class BackupStatus:
    folder: Path
    reachable: bool
    last: dt.datetime | None

    def stale(self, now: dt.datetime) -> bool:
        return self.last is None or now - self.last > STALE_AFTER

    def needs_warning(self, now: dt.datetime) -> bool:
        return not self.reachable or self.stale(now)


def backup_status(db: Database | None = None, folder: Path | None = None) -> BackupStatus:
    """The newest backup in the folder and whether the folder can be reached at all."""
    folder = folder or backup.backup_folder()
    try:
        reachable = folder.is_dir()
        backups = list_backups(folder) if reachable else []
    except OSError:
        reachable, backups = False, []
    return BackupStatus(folder, reachable, backups[0][0] if backups else None)


def automatic_backup(db: Database, now: dt.datetime | None = None, folder: Path | None = None) -> Path | None:
    """Back up and rotate, unless a backup was already made today; returns the new file or None.

    Raises PalError when the folder cannot be reached or the copy fails.
    """
    now = now or dt.datetime.now()
    folder = folder or backup.backup_folder()
    if not folder.is_dir() and not config.load().backup_folder and folder == backup.backup_folder():
        folder.mkdir(parents=True, exist_ok=True)  # the default folder is ours to make; a chosen one is not
    status = backup_status(db, folder)
    if status.last is not None and status.last.date() == now.date():
        return None
    if not status.reachable:
        raise PalError(QT_TRANSLATE_NOOP(
            "Backup", "Folder kopii „{folder}” jest niedostępny (odłączony dysk lub udział sieciowy?). "
                      "Podłącz go albo wybierz inny w ustawieniach."), folder=str(folder))
    path = backup.backup_database(db, folder, now=now, automatic=True)
    rotate(folder)
    return path
