"""Bringing a database to the schema this version of PAL Desktop expects.

Opening an older database upgrades it with Alembic after a backup copy of the file; a database written by
a newer version is refused and left untouched; a database of some other program, or an empty (0-byte)
file, is refused too, without a byte written (no WAL switch, no journal, no -wal/-shm beside it).

On SQLite the upgrade runs with foreign keys off: a batch migration rebuilds a table by copying it and
dropping the original, and with foreign keys on that DROP deletes (ON DELETE CASCADE) every child row, e.g.
all attendance, enrolments and household members of a rebuilt ``participant``. PRAGMA foreign_keys is
ignored inside a transaction, so it is switched off on the bare connection before the migration's
transaction begins; ``PRAGMA foreign_key_check`` runs before the commit (anything dangling rolls it all
back) and foreign keys are on again after. A new database gets its schema and its first data (``seed``)
in that same one transaction, so a kill during ``init`` leaves either nothing or everything.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from pal_desktop import paths
from pal_desktop.errors import DatabaseError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.storage import network_paths
from pal_desktop.storage.db import (
    Database,
    create_db_engine,
    describe,
    sqlite_path,
    translate_operational_error,
)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: The newest revision in migrations/versions (a test keeps it equal to Alembic's head). Knowing it without
#: Alembic lets an up-to-date database open without importing Alembic at all, which saves a quarter of a
#: second of start-up.
SCHEMA_HEAD = "0019"


def alembic_config(url: str | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def script_directory():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return SCHEMA_HEAD


def known_revisions() -> set[str]:
    return {script.revision for script in script_directory().walk_revisions()}


def _read_revision(connection, tables) -> str | None:
    if "alembic_version" not in tables:
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return _read_revision(connection, inspect(connection).get_table_names())


@dataclass(frozen=True)
class SchemaState:
    """What we found in a database before touching it."""

    revision: str | None
    has_tables: bool

    @property
    def is_empty(self) -> bool:
        return not self.has_tables


def inspect_schema(engine: Engine) -> SchemaState:
    try:
        with engine.connect() as connection:
            tables = inspect(connection).get_table_names()
            revision = _read_revision(connection, tables)
    except OperationalError as exc:
        raise translate_operational_error(exc, describe(str(engine.url))) from exc
    return SchemaState(revision=revision, has_tables=bool(tables))


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """Copy a SQLite database aside (consistently, WAL included) before it is upgraded."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = paths.backup_dir() / f"{path.stem}-przed-aktualizacja-{revision or 'brak'}-{stamp}{path.suffix}"
    source = network_paths.connect(path.resolve(), "ro")
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    paths.make_private(target)
    return target


@dataclass(frozen=True)
class OpenResult:
    database: Database
    created: bool
    upgraded_from: str | None
    backup: Path | None


#: Fills a new database's first rows (event types, the built-in programme) on the migration's connection,
#: inside its transaction; given by the services, which know what a new database holds.
Seed = Callable[[Connection], None]


def open_database(url: str, *, create: bool = True, seed: Seed | None = None) -> OpenResult:
    """Open ``url`` and bring it to the current schema (creating it when empty and ``create`` is set, with
    ``seed`` run in the schema's own transaction).

    Raises DatabaseError, leaving the file as it was, when the database cannot be opened, belongs to
    another program, is an empty file, or was written by a newer version of PAL Desktop.
    """
    location = describe(url)
    path = sqlite_path(url)
    existed = path is not None and path.exists()
    if path is not None and not path.exists() and not create:
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Baza „{location}” nie istnieje. Utwórz ją poleceniem: pal-desktop init"),
            location=location)
    engine = create_db_engine(url)
    try:
        if path is not None and existed:
            state = _inspect_read_only(path, location)
        else:
            state = inspect_schema(engine)
        head = head_revision()
        if state.revision not in (None, head) and state.revision not in known_revisions():
            raise DatabaseError(QT_TRANSLATE_NOOP(
                "Database", "Baza „{location}” pochodzi z nowszej wersji PAL Desktop (schemat {revision}). "
                            "Zainstaluj najnowszą wersję programu; baza pozostała nietknięta."),
                location=location, revision=state.revision)
        if state.revision is None and state.has_tables:
            raise DatabaseError(QT_TRANSLATE_NOOP(
                "Database", "Baza „{location}” zawiera tabele innego programu, a nie PAL Desktop. Wskaż inny plik "
                            "albo pustą bazę; baza pozostała nietknięta."), location=location)
        if state.revision is None and not create:
            raise DatabaseError(QT_TRANSLATE_NOOP(
                "Database", "Baza „{location}” jest pusta. Utwórz ją poleceniem: pal-desktop init"),
                location=location)
        backup = None
        if state.revision is not None and state.revision != head and path is not None:
            backup = backup_sqlite(path, state.revision)
        if state.revision != head:
            _upgrade(engine, location, seed=seed if state.revision is None else None)
        if path is not None and state.revision is None:
            paths.make_private_database(path)
        return OpenResult(Database(url, engine), created=state.revision is None,
                          upgraded_from=state.revision if state.revision not in (None, head) else None,
                          backup=backup)
    except BaseException:
        engine.dispose()
        raise


def _inspect_read_only(path: Path, location: str) -> SchemaState:
    """Read the schema revision without writing a byte (no WAL switch, no journal, no -shm)."""
    path = path.resolve()
    try:
        if network_paths.is_network_path(path) or Path(f"{path}-journal").exists():
            # A share (no URI there), or a hot journal a read-only connection cannot roll back: SQLite's own
            # recovery may write, nothing of ours does (query_only).
            connection = network_paths.connect(path, "rw")
            connection.execute("PRAGMA query_only = ON")
        elif Path(f"{path}-wal").exists():
            # In use, or commits of a killed writer still in the -wal: read through it.
            connection = network_paths.connect(path, "ro", network=False)
        else:
            # Nothing outside the file: immutable reads it without creating -wal/-shm for a WAL-mode file.
            connection = sqlite3.connect(f"{network_paths.sqlite_uri(path)}?mode=ro&immutable=1", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise translate_operational_error(exc, location) from exc
    return SchemaState(revision=revision, has_tables=bool(tables - {"sqlite_sequence"}))


def _upgrade(engine: Engine, location: str, revision: str = "head", *, down: bool = False,
             seed: Seed | None = None) -> None:
    from alembic import command

    config = alembic_config()
    try:
        with migration_transaction(engine, location) as connection:
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)
            if seed is not None:
                seed(connection)
    except OperationalError as exc:
        raise translate_operational_error(exc, location) from exc
    except SQLAlchemyError as exc:  # pragma: no cover - a migration bug, not the user's doing
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Aktualizacja bazy „{location}” nie powiodła się: {reason}. Baza pozostała w poprzedniej "
                        "wersji."), location=location, reason=str(exc)) from exc


@contextmanager
def migration_transaction(engine: Engine, location: str) -> Iterator[Connection]:
    """The one transaction a schema change runs in (also for Alembic run on its own, see env.py): on SQLite
    with foreign keys off, checked before the commit, and on again after."""
    sqlite = engine.dialect.name == "sqlite"
    # pal_write: BEGIN IMMEDIATE, so that a second PC opening the same old file waits, then finds it done.
    with engine.connect().execution_options(pal_write=True) as connection:
        if sqlite:
            _set_foreign_keys(connection, on=False)
        try:
            with connection.begin():
                yield connection
                if sqlite:
                    _refuse_dangling_rows(connection, location)
        finally:
            if sqlite:
                _foreign_keys_on_or_discard(connection)


def _set_foreign_keys(connection: Connection, *, on: bool) -> None:
    """PRAGMA foreign_keys on the DBAPI connection itself: through SQLAlchemy the statement would begin a
    transaction first, inside which SQLite ignores the pragma."""
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")
    finally:
        cursor.close()


def _foreign_keys_on_or_discard(connection: Connection) -> None:
    """Foreign keys on again; a connection where that fails (a lost share, a full disk) must never go back to
    the pool with them off, so it is thrown away (the next one is made with them on)."""
    try:
        _set_foreign_keys(connection, on=True)
    except (sqlite3.Error, SQLAlchemyError):
        connection.invalidate()


def _refuse_dangling_rows(connection: Connection, location: str) -> None:
    """Raise (so that the whole upgrade rolls back) when a row points at a row that is not there."""
    dangling: dict[tuple[str, str], int] = {}
    for row in connection.exec_driver_sql("PRAGMA foreign_key_check"):
        key = (row[0], row[2])
        dangling[key] = dangling.get(key, 0) + 1
    if not dangling:
        return
    details = "; ".join(f"tabela „{table}” → „{parent}”: {count}" for (table, parent), count in sorted(dangling.items()))
    raise DatabaseError(QT_TRANSLATE_NOOP(
        "Database", "Aktualizacja bazy „{location}” została cofnięta, bo po niej wiersze wskazywałyby "
                    "nieistniejące rekordy ({details}). Baza pozostała w poprzedniej wersji i nic nie zostało "
                    "utracone; zgłoś to dostawcy programu."),
        location=location, details=details, table=sorted(dangling)[0][0])


def upgrade_to(url: str, revision: str) -> None:
    """Upgrade to a given revision (tests use it to build a database of an older version)."""
    engine = create_db_engine(url)
    try:
        _upgrade(engine, describe(url), revision)
    finally:
        engine.dispose()


def downgrade_to(url: str, revision: str) -> None:
    """Take the schema back to an older revision (tests of the migrations use it)."""
    engine = create_db_engine(url)
    try:
        _upgrade(engine, describe(url), revision, down=True)
    finally:
        engine.dispose()
