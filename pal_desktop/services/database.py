"""Opening and initialising the office's database, and describing what is in it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from pal_desktop.services import programmes as programme_service
from pal_desktop.storage.db import Database, resolve_url
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


@dataclass(frozen=True)
class Opened:
    db: Database
    created: bool
    upgraded_from: str | None
    backup: Path | None


def open_app_database(url: str | None = None, *, create: bool = True) -> Opened:
    """Open the database (``--db``/``PAL_DATABASE_URL``/config/default), migrating it as needed.

    A new database gets the schema, the editable event types and the built-in Kłobuck programme, so the
    application is useful from its first start.
    """
    result = open_database(resolve_url(url), create=create)
    db = result.database
    if result.created:
        initialise(db)
    return Opened(db, result.created, result.upgraded_from, result.backup)


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
        "counts": counts,
        "programmes": programmes,
    }
