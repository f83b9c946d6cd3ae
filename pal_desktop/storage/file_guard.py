"""The SQLite file under an open database must stay the file that was opened, or nothing is written.

A pulled USB stick or a lost share used to go unnoticed: the pooled connection kept writing into the moved
file (or into nothing), the next connection let SQLite create a new empty file at the old path, and the
office saw "no such table" in English, then an empty database at the next start. So:

- every connection after the first opens the file with ``mode=rw`` (``ro`` for a read-only file), so a
  missing file is an error instead of a new empty database; only the very first connection of an engine
  made for a file that did not exist yet may create it (``mode=rwc``: a new database);
- the file's identity is remembered when it is first seen and checked at the start of every write
  transaction (``check_before_write``, called by ``Database.session()``) and of every read
  (``check_before_read``): moved, deleted or replaced means a Polish DatabaseError and nothing written;
- a file without write permission opens read-only and every write is refused with a Polish message.

The identity is (st_dev, st_ino) where the file system has inode numbers (Linux, macOS, NTFS); where it
reports none (st_ino 0: some network shares and FAT drives on Windows) it is the file's creation time.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, event

from pal_desktop.errors import DatabaseError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.storage import network_paths
from pal_desktop.storage.network_paths import sqlite_uri, uri_of  # noqa: F401 - their old home


def file_identity(path: Path) -> tuple | None:
    """What makes this file this file (not its size or time of change); None when there is no file."""
    try:
        info = path.stat()
    except OSError:
        return None
    if info.st_ino:
        return ("inode", info.st_dev, info.st_ino)
    created = getattr(info, "st_birthtime", None)
    if created is None and os.name == "nt":
        created = info.st_ctime  # the creation time on Windows
    return ("created", created)


def is_read_only_file(path: Path) -> bool:
    """A file marked read-only (no write permission bits, the Windows read-only attribute) or not writable by
    this user. The mark counts even for an administrator who could write anyway: it says "do not change"."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_IMODE(mode) & 0o222) or not os.access(path, os.W_OK)


@dataclass
class FileGuard:
    path: Path
    may_create: bool
    read_only: bool
    identity: tuple | None = None
    #: On a network share: opened by its plain path, with the rollback journal (see network_paths).
    network: bool = False
    _location: str = field(default="", repr=False)

    def connect(self, params: dict) -> sqlite3.Connection:
        """A DBAPI connection to the file, never creating it unless this engine is making a new database."""
        if self.read_only:
            mode = "ro"
        elif self.identity is None and self.may_create and not self.path.exists():
            mode = "rwc"
        else:
            mode = "rw"
        if self.identity is not None and file_identity(self.path) != self.identity:
            raise self.vanished()
        try:
            connection = network_paths.connect(self.path, mode, network=self.network,
                                               timeout=params.get("timeout", 5.0),
                                               check_same_thread=params.get("check_same_thread", False))
        except sqlite3.OperationalError as exc:
            if not self.path.exists():
                raise self.vanished() from exc
            raise
        if self.identity is None:
            self.identity = file_identity(self.path)
        return connection

    def vanished(self) -> DatabaseError:
        return DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Plik bazy „{path}” zniknął albo został przeniesiony (np. odłączono pendrive albo dysk "
                        "sieciowy); nic nie zostało zapisane. Podłącz go z powrotem i spróbuj ponownie albo "
                        "uruchom program jeszcze raz i wybierz bazę."), path=str(self.path))

    def check(self, writing: bool = True) -> None:
        if writing and self.read_only:
            raise DatabaseError(QT_TRANSLATE_NOOP(
                "Database", "Baza „{path}” jest otwarta tylko do odczytu (plik jest oznaczony jako tylko do "
                            "odczytu albo nie masz prawa zapisu); nic nie zostało zapisane."), path=str(self.path))
        if self.identity is None:
            if not self.may_create and not self.path.exists():
                raise self.vanished()
            return
        if file_identity(self.path) != self.identity:
            raise self.vanished()


_GUARDS: weakref.WeakKeyDictionary[Engine, FileGuard] = weakref.WeakKeyDictionary()


def watch(engine: Engine, path: Path) -> FileGuard:
    """Guard the SQLite file ``path`` behind ``engine``: its connections and its write transactions."""
    path = Path(path)
    exists = path.exists()
    guard = FileGuard(path=path, may_create=not exists, read_only=exists and is_read_only_file(path),
                      identity=file_identity(path) if exists else None,
                      network=network_paths.is_network_path(path))
    _GUARDS[engine] = guard

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect, _record, _args, params):  # returning a connection replaces the driver's connect
        return guard.connect(params)

    return guard


def guard_of(engine: Engine) -> FileGuard | None:
    return _GUARDS.get(engine)


def check_before_write(engine: Engine) -> None:
    """Raise a Polish DatabaseError, before anything is written, when the file is read-only or is no longer
    the file that was opened; the pooled connections to the lost file are let go."""
    _check(engine, writing=True)


def check_before_read(engine: Engine) -> None:
    """The same before a read: a lost file gives the Polish message, not SQLite's "no such table"."""
    _check(engine, writing=False)


def _check(engine: Engine, writing: bool) -> None:
    guard = _GUARDS.get(engine)
    if guard is None:  # PostgreSQL, an in-memory database
        return
    try:
        guard.check(writing)
    except DatabaseError:
        if not guard.read_only:
            engine.dispose()
        raise


def is_on_network_share(engine: Engine) -> bool:
    guard = _GUARDS.get(engine)
    return guard is not None and guard.network


def is_read_only(engine: Engine) -> bool:
    guard = _GUARDS.get(engine)
    return guard is not None and guard.read_only
