"""Opening and initialising the office's database, and describing what is in it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from pal_desktop import config
from pal_desktop.errors import DatabaseMissingError, PalError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import programmes as programme_service
from pal_desktop.storage import file_guard, network_paths
from pal_desktop.storage.db import Database, default_url, normalise_url, resolve_url, sqlite_path
from pal_desktop.storage.migrate import current_revision, open_database
from pal_desktop.storage.models import (
    Animator,
    Attendance,
    Event,
    Household,
    Participant,
    Programme,
    ScheduleTask,
    Volunteer,
)

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Opened:
    db: Database
    created: bool
    upgraded_from: str | None
    backup: Path | None


def open_app_database(url: str | None = None, *, create: bool = True) -> Opened:
    """Open the database (``--db``/``PAL_DATABASE_URL``/config/default), migrating it as needed.

    A new database gets the schema, the editable event types and the built-in Kłobuck programme in one
    transaction, so the application is useful from its first start. A database an older version left half
    made (killed between its schema and its programme) is finished here.
    """
    result = open_database(resolve_url(url), create=create, seed=_seed)
    db = result.database
    try:
        if not result.created and _half_initialised(db):
            try:
                initialise(db)
            except PalError as error:  # e.g. a role that may not write: it opens as it is, the next one finishes
                _log.warning("the database %s stays without its built-in programme: %s", db.location, error)
    except BaseException:
        db.dispose()
        raise
    return Opened(db, result.created, result.upgraded_from, result.backup)


def _seed(connection) -> None:
    """What ``initialise`` writes, on the new schema's connection and inside its transaction."""
    with Session(bind=connection, expire_on_commit=False) as session:  # joins the open transaction
        programme_service.add_missing_event_types(session)
        programme_service.add_builtin_programme(session)
        session.flush()


def _half_initialised(db: Database) -> bool:
    """The schema is there but not what ``init`` writes after it (no programme can be deleted, so a
    database without any was never finished); a read-only file stays as it is."""
    if file_guard.is_read_only(db.engine):
        return False
    with db.reading() as session:
        return session.scalar(select(Programme.id).limit(1)) is None


# How many SQLite files the window remembers having opened on this PC.
REMEMBERED_DATABASES = 20


def open_window_database(url: str | None = None, *, create_missing: bool = False) -> Opened:
    """The database the window opens: as ``open_app_database``, but a lost one is never silently replaced.

    A missing folder, or a missing file that this PC has opened before (a pulled USB stick, a lost share),
    raises DatabaseMissingError, so that the window can offer to try again, to choose another database or to
    open the default one; ``create_missing`` (the user's explicit choice) creates it anyway. A file never
    opened here is created, as on the first start.
    """
    resolved = resolve_url(url)
    path = sqlite_path(resolved)
    if path is not None and not create_missing:
        if not path.parent.is_dir():
            raise DatabaseMissingError(QT_TRANSLATE_NOOP(
                "Database", "Folder bazy danych „{folder}” nie istnieje albo jest niedostępny (np. odłączono "
                            "pendrive albo dysk sieciowy)."), folder=str(path.parent))
        if not path.exists() and _key(path) in config.load().opened_databases:
            raise DatabaseMissingError(QT_TRANSLATE_NOOP(
                "Database", "Nie ma pliku bazy „{path}”, który był już otwierany na tym komputerze: został "
                            "przeniesiony, usunięty albo jest na odłączonym dysku. Pusta baza nie zostanie "
                            "utworzona w jego miejscu."), path=str(path))
    opened = open_app_database(resolved)
    if path is not None:
        _remember(path)
    return opened


def default_database_url() -> str:
    """The default SQLite file of this user, whatever the config or PAL_DATABASE_URL say."""
    return default_url()


def _key(path: Path) -> str:
    return str(path.expanduser().resolve())


def _remember(path: Path) -> None:
    local = config.load()
    key = _key(path)
    if local.opened_databases[:1] == [key]:
        return
    local.opened_databases = [key, *(known for known in local.opened_databases if known != key)]
    local.opened_databases = local.opened_databases[:REMEMBERED_DATABASES]
    try:
        config.save(local)
    except OSError:  # not remembering costs only the dialog after a later loss; opening must not fail for it
        pass


def is_read_only(db: Database) -> bool:
    """The database's file is read-only: it shows data, and every save is refused with a Polish message."""
    return file_guard.is_read_only(db.engine)


def on_network_share(db: Database) -> bool:
    """The open SQLite file lies on a network share: one PC at a time may use it (no WAL there)."""
    return file_guard.is_on_network_share(db.engine)


def is_network_location(text: str) -> bool:
    """A database location as typed in the settings (a path or a ``sqlite:///`` URL) lies on a network share;
    False for PostgreSQL, the default file and what cannot be parsed."""
    text = text.strip()
    if not text:
        return False
    try:
        path = sqlite_path(normalise_url(text))
    except (ArgumentError, ValueError, OSError):
        return False
    return path is not None and network_paths.is_network_path(path)


def initialise(db: Database) -> tuple[int, bool]:
    """Idempotent: event types and the built-in programme; returns (programme id, created now)."""
    programme_service.ensure_event_types(db)
    return programme_service.load_builtin_programme(db)


def database_info(db: Database) -> dict:
    """What ``pal-desktop info --json`` prints: location, schema version, counts and programmes."""
    with db.reading() as session:
        def count(model) -> int:
            return session.scalar(select(func.count()).select_from(model)) or 0

        counts = {
            "participants": count(Participant),
            "households": count(Household),
            "animators": count(Animator),
            "volunteers": count(Volunteer),
            "events": count(Event),
            "attendance_records": count(Attendance),
            "schedule_tasks": count(ScheduleTask),
            "programmes": count(Programme),
        }
    programmes = [
        {"id": p.id, "title": p.title, "subtitle": p.subtitle, "start": p.start.isoformat(),
         "end": p.end.isoformat(), "tasks": p.tasks, "active": p.is_active}
        for p in programme_service.list_programmes(db)
    ]
    return {
        "database": db.location,
        "backend": db.backend,
        "schema_version": current_revision(db.engine),
        # A file on a share: the commands and the settings warn that one PC at a time may use it.
        "network_share": on_network_share(db),
        "counts": counts,
        "programmes": programmes,
    }
