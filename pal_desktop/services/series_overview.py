"""The series of a programme at a glance: meetings, who is enrolled, and the attendance over the meetings held.

The rate follows the organisation's rule (``AttendanceRules``): an excused absence is counted on its own and
lowers the rate only where the organisation says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from pal_desktop.domain.enums import AttendanceStatus, EnrolmentStatus
from pal_desktop.services.attendance import AttendanceRules, Rate, _expected, _rate, attendance_rules
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Enrolment, Event, EventSeries


@dataclass(frozen=True)
class SeriesSummary:
    series_id: int
    title: str
    first: dt.date | None
    last: dt.date | None
    meetings: int
    #: Meetings whose attendance is recorded.
    held: int
    #: People enrolled (not on a waiting list) on at least one meeting.
    enrolled: int
    rate: Rate


def series_overview(db: Database, programme_id: int, rules: AttendanceRules | None = None) -> list[SeriesSummary]:
    """Every series of the programme, the earliest first."""
    rules = rules or attendance_rules(db)
    with db.reading() as session:
        series = session.execute(select(EventSeries.id, EventSeries.title)
                                 .where(EventSeries.programme_id == programme_id)).all()
        meetings: dict[int, list[tuple[int, dt.date]]] = {}
        for event_id, series_id, day in session.execute(
                select(Event.id, Event.series_id, Event.event_date)
                .where(Event.series_id.in_([s.id for s in series])).order_by(Event.event_date)).all():
            meetings.setdefault(series_id, []).append((event_id, day))
        enrolled = dict(session.execute(
            select(Event.series_id, func.count(func.distinct(Enrolment.participant_id)))
            .join(Event, Event.id == Enrolment.event_id)
            .where(Event.series_id.in_([s.id for s in series]), Enrolment.status == EnrolmentStatus.ENROLLED.value)
            .group_by(Event.series_id)).all())
        result = []
        for series_id, title in series:
            own = meetings.get(series_id, [])
            counts: dict = {}
            held = set()
            for event_id, _pid, status in _expected(session, [m[0] for m in own]):
                held.add(event_id)
                counts[AttendanceStatus(status)] = counts.get(AttendanceStatus(status), 0) + 1
            result.append(SeriesSummary(series_id, title, own[0][1] if own else None, own[-1][1] if own else None,
                                        len(own), len(held), enrolled.get(series_id, 0), _rate(counts, rules)))
    return sorted(result, key=lambda s: (s.first or dt.date.max, s.series_id))
