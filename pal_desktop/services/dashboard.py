"""The Raporty dashboard: the indicators, the participants' structure and the activity per month of the
active programme for a chosen period, and the records behind each figure (drill-down).

Qt-free like every service: each function opens its own read session and returns frozen values, counted by
SQL aggregates (report_figures), so the tab recomputes off the UI thread in well under a second.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, extract, func, select

from pal_desktop.domain.enums import AttendanceStatus, EventStatus, Sex, SupportReason
from pal_desktop.errors import NotFoundError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import access_log, report_figures
from pal_desktop.services.indicators import IndicatorValue, indicator_values
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import (
    Attendance,
    Event,
    EventType,
    HouseholdMember,
    Participant,
    ParticipantReason,
    Programme,
    Volunteer,
    VolunteerHours,
)


class PeriodChoice(enum.Enum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half"
    PROGRAMME = "programme"
    CUSTOM = "custom"


def period_dates(choice: PeriodChoice, today: dt.date, programme_start: dt.date, programme_end: dt.date,
                 start: dt.date | None = None, end: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The first and last day of this month / quarter / half-year (containing ``today``), of the programme,
    or the dates given for CUSTOM (the programme's where missing)."""
    if choice == PeriodChoice.PROGRAMME:
        return programme_start, programme_end
    if choice == PeriodChoice.CUSTOM:
        return start or programme_start, end or programme_end
    months = {PeriodChoice.MONTH: 1, PeriodChoice.QUARTER: 3, PeriodChoice.HALF_YEAR: 6}[choice]
    first_month = (today.month - 1) // months * months + 1
    first = dt.date(today.year, first_month, 1)
    after = dt.date(today.year + (first_month + months - 1) // 12, (first_month + months - 1) % 12 + 1, 1)
    return first, after - dt.timedelta(days=1)


@dataclass(frozen=True)
class Structure:
    covered: report_figures.BySex
    joined: report_figures.BySex
    left: report_figures.BySex
    completed_as_planned: report_figures.BySex
    #: (band label, by sex) of the people covered; the last band is "brak danych".
    by_age: tuple[tuple[str, report_figures.BySex], ...]
    #: (reason, people covered giving it), every reason, in the act's order.
    by_reason: tuple[tuple[SupportReason, int], ...]
    households: int


@dataclass(frozen=True)
class MonthActivity:
    month: dt.date  # the first day
    held: int
    planned: int
    #: Present of the marks counted in the held events (as the indicators count it); None without marks.
    attendance_rate: Decimal | None
    volunteer_hours: Decimal


@dataclass(frozen=True)
class Dashboard:
    programme_id: int
    start: dt.date
    end: dt.date
    indicators: tuple[IndicatorValue, ...]
    structure: Structure
    months: tuple[MonthActivity, ...]


def _months(start: dt.date, end: dt.date) -> list[dt.date]:
    months, month = [], dt.date(start.year, start.month, 1)
    while month <= end:
        months.append(month)
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def _programme_dates(db: Database, programme_id: int) -> tuple[dt.date, dt.date]:
    with db.reading() as session:
        programme = session.get(Programme, programme_id)
        if programme is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma programu o numerze {id}."), id=programme_id)
        return programme.start_date, programme.end_date


def dashboard(db: Database, programme_id: int, choice: PeriodChoice = PeriodChoice.PROGRAMME,
              start: dt.date | None = None, end: dt.date | None = None, today: dt.date | None = None) -> Dashboard:
    """Every figure of the dashboard for the chosen period."""
    today = today or dt.date.today()
    start, end = period_dates(choice, today, *_programme_dates(db, programme_id), start, end)
    report = indicator_values(db, programme_id, start, end)  # refuses an end before the start
    people = report.people.figures
    covered = report_figures.people_conditions(programme_id, start, end)["covered"]
    with db.reading() as session:
        reasons = dict(session.execute(
            select(ParticipantReason.reason, func.count(Participant.id.distinct()))
            .join(Participant, Participant.id == ParticipantReason.participant_id)
            .where(covered).group_by(ParticipantReason.reason)).all())
        households = session.scalar(
            select(func.count(HouseholdMember.household_id.distinct()))
            .join(Participant, Participant.id == HouseholdMember.participant_id).where(covered)) or 0
        year, month = extract("year", Event.event_date), extract("month", Event.event_date)
        own = and_(Event.programme_id == programme_id, Event.event_date.between(start, end))
        events = session.execute(select(year, month, Event.status, func.count(Event.id)).where(own)
                                 .group_by(year, month, Event.status)).all()
        marks = session.execute(
            select(year, month, Attendance.status, func.count(Attendance.id))
            .join(Event, Event.id == Attendance.event_id).where(own, Event.status == EventStatus.HELD)
            .group_by(year, month, Attendance.status)).all()
        hours_year, hours_month = extract("year", VolunteerHours.work_date), extract("month", VolunteerHours.work_date)
        hours = session.execute(
            select(hours_year, hours_month, func.sum(VolunteerHours.hours))
            .where(report_figures.volunteer_scope(programme_id), VolunteerHours.work_date.between(start, end))
            .group_by(hours_year, hours_month)).all()
    from pal_desktop.services.attendance import attendance_rules

    excused_counts = attendance_rules(db).excused_lowers_rate
    held, planned, present, counted, worked = {}, {}, {}, {}, {}
    for y, m, status, n in events:
        key = (int(y), int(m))
        if status == EventStatus.HELD:
            held[key] = held.get(key, 0) + n
        elif status == EventStatus.PLANNED:
            planned[key] = planned.get(key, 0) + n
    for y, m, status, n in marks:
        key = (int(y), int(m))
        if status == AttendanceStatus.PRESENT:
            present[key] = present.get(key, 0) + n
        if status != AttendanceStatus.EXCUSED or excused_counts:
            counted[key] = counted.get(key, 0) + n
    for y, m, total in hours:
        worked[(int(y), int(m))] = Decimal(total or 0).quantize(Decimal("0.01"))
    months = []
    for first in _months(start, end):
        key = (first.year, first.month)
        rate = Decimal(present.get(key, 0)) / counted[key] if counted.get(key) else None
        months.append(MonthActivity(first, held.get(key, 0), planned.get(key, 0), rate,
                                    worked.get(key, Decimal("0.00"))))
    structure = Structure(people.covered, people.joined, people.left, people.completed_as_planned, people.by_age,
                          tuple((reason, reasons.get(reason, 0)) for reason in SupportReason), households)
    return Dashboard(programme_id, start, end, tuple(report.indicators), structure, tuple(months))


# ---- Drill-down: the records behind a figure

@dataclass(frozen=True)
class PersonLine:
    id: int
    name: str
    sex: Sex | None
    birth_date: dt.date | None
    start_date: dt.date | None
    end_date: dt.date | None


@dataclass(frozen=True)
class EventLine:
    id: int
    event_date: dt.date
    title: str
    event_type: str
    status: EventStatus


@dataclass(frozen=True)
class HoursLine:
    work_date: dt.date
    volunteer: str
    hours: Decimal


#: The people figures one can open: the keys of report_figures.people_conditions plus these.
AGE, REASON, HOUSEHOLDS = "age", "reason", "households"


def people_behind(db: Database, programme_id: int, start: dt.date, end: dt.date, figure: str,
                  sex: Sex | None | str = "any", detail=None) -> tuple[PersonLine, ...]:
    """The people a people-figure counts: ``figure`` is a people indicator ("covered", "joined", "left",
    "completed_as_planned"...), AGE with ``detail`` the band's index (-1: no birth date), REASON with
    ``detail`` a SupportReason, or HOUSEHOLDS; ``sex`` narrows to one column of a breakdown by sex."""
    conditions = report_figures.people_conditions(programme_id, start, end)
    covered = conditions["covered"]
    query = select(Participant.id, Participant.last_name, Participant.first_name, Participant.sex,
                   Participant.birth_date, Participant.start_date, Participant.end_date)
    if figure == AGE:
        from pal_desktop.services.report_figures import age_bands, band_expression

        with db.reading() as session:
            bands = age_bands(session.get(Programme, programme_id).funding_period)
        query = query.where(covered, band_expression(bands) == int(detail))
    elif figure == REASON:
        query = query.where(covered, Participant.id.in_(
            select(ParticipantReason.participant_id).where(ParticipantReason.reason == SupportReason(detail))))
    elif figure == HOUSEHOLDS:
        query = query.where(covered, Participant.id.in_(
            select(HouseholdMember.participant_id).where(HouseholdMember.participant_id.is_not(None))))
    else:
        query = query.where(conditions[figure])
    if sex != "any":
        query = query.where(Participant.sex.is_(None) if sex is None else Participant.sex == sex)
    with db.reading() as session:
        rows = session.execute(query.order_by(Participant.last_name, Participant.first_name, Participant.id)).all()
    lines = tuple(PersonLine(r.id, f"{r.last_name} {r.first_name}".strip(), r.sex, r.birth_date, r.start_date,
                             r.end_date) for r in rows)
    access_log.log_access(db, access_log.VIEW, "dashboard:" + figure, [line.id for line in lines],
                          count=len(lines))
    return lines


def events_behind(db: Database, programme_id: int, start: dt.date, end: dt.date, measure: str = "",
                  status: EventStatus | None = EventStatus.HELD) -> tuple[EventLine, ...]:
    """The events an event-count counts: of the type named in ``measure`` ("events:warsztat"; any type if
    empty) in the period, with ``status`` (None: any)."""
    query = (select(Event.id, Event.event_date, Event.title, EventType.name, Event.status)
             .join(EventType, EventType.id == Event.event_type_id, isouter=True)
             .where(Event.programme_id == programme_id, Event.event_date.between(start, end)))
    if measure.startswith("events:"):
        query = query.where(EventType.name == measure.split(":", 1)[1])
    if status is not None:
        query = query.where(Event.status == status)
    with db.reading() as session:
        rows = session.execute(query.order_by(Event.event_date, Event.id)).all()
    return tuple(EventLine(r[0], r[1], r[2], r[3] or "", EventStatus(r[4])) for r in rows)


def hours_behind(db: Database, programme_id: int, start: dt.date, end: dt.date) -> tuple[HoursLine, ...]:
    """The volunteers' hours the volunteering indicator sums."""
    with db.reading() as session:
        rows = session.execute(
            select(VolunteerHours.work_date, Volunteer.last_name, Volunteer.first_name, VolunteerHours.hours)
            .join(Volunteer, Volunteer.id == VolunteerHours.volunteer_id)
            .where(report_figures.volunteer_scope(programme_id), VolunteerHours.work_date.between(start, end))
            .order_by(VolunteerHours.work_date, VolunteerHours.id)).all()
    return tuple(HoursLine(r[0], f"{r[1]} {r[2]}".strip(), Decimal(r[3]).quantize(Decimal("0.01"))) for r in rows)


__all__ = ["AGE", "Dashboard", "EventLine", "HOUSEHOLDS", "HoursLine", "MonthActivity", "PeriodChoice",
           "PersonLine", "REASON", "Structure", "dashboard", "events_behind", "hours_behind", "people_behind",
           "period_dates"]
