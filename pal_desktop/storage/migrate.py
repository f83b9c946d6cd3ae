"""Bringing a database to the schema this version of PAL Desktop expects.

Opening an older database upgrades it with Alembic after a backup copy of the file; a database written by
a newer version is refused and left untouched; a database of some other program is refused too.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from pal_desktop import paths
from pal_desktop.errors import DatabaseError
from pal_desktop.messages import QT_TRANSLATE_NOOP
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
SCHEMA_HEAD = "0016"


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
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
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


def open_database(url: str, *, create: bool = True) -> OpenResult:
    """Open ``url`` and bring it to the current schema (creating it when empty and ``create`` is set).

    Raises DatabaseError, leaving the file as it was, when the database cannot be opened, belongs to
    another program, or was written by a newer version of PAL Desktop.
    """
    location = describe(url)
    path = sqlite_path(url)
    existed = path is not None and path.exists() and path.stat().st_size > 0
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
            _upgrade(engine, location)
        if path is not None and state.revision is None:
            paths.make_private_database(path)
        return OpenResult(Database(url, engine), created=state.revision is None,
                          upgraded_from=state.revision if state.revision not in (None, head) else None,
                          backup=backup)
    except BaseException:
        engine.dispose()
        raise


def _inspect_read_only(path: Path, location: str) -> SchemaState:
    """Read the schema revision without writing a byte (no WAL switch, no journal)."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
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


def _upgrade(engine: Engine, location: str, revision: str = "head", *, down: bool = False) -> None:
    from alembic import command

    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)
    except OperationalError as exc:
        raise translate_operational_error(exc, location) from exc
    except SQLAlchemyError as exc:  # pragma: no cover - a migration bug, not the user's doing
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Aktualizacja bazy „{location}” nie powiodła się: {reason}. Baza pozostała w poprzedniej "
                        "wersji."), location=location, reason=str(exc)) from exc


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
