"""How many held events have their signed attendance list scanned, and which have not (what an auditor asks
about). Kept apart from the scan reading so the events list can ask without loading the image libraries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from pal_desktop.domain.enums import EventStatus
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Event, ScannedListEvent


@dataclass(frozen=True)
class SignedListCount:
    held: int
    with_signed_list: int
    #: Held events with no scanned list, newest first: what an auditor would ask about.
    missing: list[int]


def signed_list_count(db: Database, programme_id: int, *, today: dt.date | None = None,
                      date_from: dt.date | None = None) -> SignedListCount:
    """"Listy podpisane: 118 z 120 wydarzeń": held events (from ``date_from``, up to today) and those with a
    scanned list."""
    today = today or dt.date.today()
    with db.reading() as session:
        query = select(Event.id).where(
            Event.programme_id == programme_id, Event.status == EventStatus.HELD, Event.event_date <= today)
        if date_from is not None:
            query = query.where(Event.event_date >= date_from)
        held = list(session.scalars(query.order_by(Event.event_date.desc(), Event.id.desc())))
        scanned = set(session.scalars(select(func.distinct(ScannedListEvent.event_id))
                                      .where(ScannedListEvent.event_id.in_(held)))) if held else set()
    return SignedListCount(len(held), len(scanned), [event_id for event_id in held if event_id not in scanned])
