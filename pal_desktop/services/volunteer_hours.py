"""Volunteer hours: logging the days worked, reading them back with their totals and the value of the work,
the choices of the hours form, and the hours of every volunteer in a period (the summary and the gala).

Hours are logged only within an agreement, at most 24 on one day; their value is the hours × the hourly
rate of the organisation's settings.

Each public function is one transaction; a refusal names the field in Polish and leaves nothing half-saved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select

from pal_desktop.domain.text import sort_key
from pal_desktop.domain.volunteering import (
    FIELD_LABELS,
    MAX_DAY_HOURS,
    _d,
    _decimal,
    check_period,
    hours_text,
    parse_hours,
    work_value,
)
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.conflicts import refuse_stale
from pal_desktop.services.formatting import format_money
from pal_desktop.services.input_limits import check_input
from pal_desktop.services.volunteers import _volunteer
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Event, ScheduleTask, Volunteer, VolunteerAgreement, VolunteerHours

NO_RATE = QT_TRANSLATE_NOOP("Volunteers", "brak stawki w ustawieniach")


# ---- The hourly rate -----------------------------------------------------------------------------------


def hour_rate(db: Database) -> Decimal | None:
    """The value of one hour of volunteer work from the organisation's settings ("35,00"), or None."""
    from pal_desktop.services.organisation import get_organisation

    text = get_organisation(db).volunteer_hour_rate.replace(",", ".").replace("zł", "").strip()
    if not text:
        return None
    try:
        rate = Decimal(text)
    except InvalidOperation:
        return None
    return rate if rate > 0 else None


def value_text(hours: Decimal, rate: Decimal | None) -> str:
    """ "437,50 zł", or "brak stawki w ustawieniach" when the settings give no hourly rate."""
    value = work_value(hours, rate)
    return NO_RATE if value is None else format_money(value)


# ---- Hours -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HoursInput:
    volunteer_id: int
    work_date: dt.date | None
    hours: Decimal | str | float | int
    activity: str = ""
    task_id: int | None = None
    event_id: int | None = None
    #: The version the form loaded (an edit of an entry someone else saved since is refused).
    version: int | None = None


HOURS_LABELS = {"volunteer_id": "Wolontariusz", "work_date": "Data", "hours": "Godziny", "activity": "Czynności",
                "task_id": "Zadanie", "event_id": "Wydarzenie"}


@dataclass(frozen=True)
class HoursRow:
    id: int
    work_date: dt.date
    hours: Decimal
    activity: str
    task_id: int | None
    task_name: str
    event_id: int | None
    event_title: str
    agreement_number: str
    outside_agreement: bool


def _check_hours(session, data: HoursInput, hours_id: int | None, today: dt.date) -> tuple[Decimal, int, int | None]:
    """(hours, the covering agreement's id, the task's id) or ValidationError naming the field."""
    volunteer = _volunteer(session, data.volunteer_id)
    if data.work_date is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „{label}” nie może być puste."),
                              field="work_date", label=FIELD_LABELS["work_date"])
    amount = parse_hours(data.hours)
    if data.work_date > today:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Nie można zapisać godzin z przyszłą datą ({date})."), field="work_date",
            date=_d(data.work_date))
    agreement_id = session.scalar(select(VolunteerAgreement.id).where(
        VolunteerAgreement.volunteer_id == volunteer.id, VolunteerAgreement.start_date <= data.work_date,
        VolunteerAgreement.end_date >= data.work_date)
        .order_by(VolunteerAgreement.start_date.desc(), VolunteerAgreement.id.desc()).limit(1))
    if agreement_id is None:
        periods = [f"{_d(a.start_date)}–{_d(a.end_date)}" for a in session.execute(
            select(VolunteerAgreement.start_date, VolunteerAgreement.end_date)
            .where(VolunteerAgreement.volunteer_id == volunteer.id).order_by(VolunteerAgreement.start_date))]
        if periods:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Dzień {date} nie mieści się w żadnym porozumieniu wolontariusza ({periods}) — godzin "
                              "poza porozumieniem nie zapisuje się."), field="work_date", date=_d(data.work_date),
                periods=", ".join(periods))
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Wolontariusz nie ma jeszcze porozumienia — najpierw zapisz porozumienie, potem godziny."),
            field="work_date")
    logged = _decimal(session.scalar(select(func.sum(VolunteerHours.hours)).where(
        VolunteerHours.volunteer_id == volunteer.id, VolunteerHours.work_date == data.work_date,
        VolunteerHours.id != (hours_id or 0))))
    if logged + amount > MAX_DAY_HOURS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "W dniu {date} zapisano już {logged} godz.; z tym wpisem byłoby {total} godz., a doba ma "
                          "24 godziny."), field="hours", date=_d(data.work_date), logged=hours_text(logged),
            total=hours_text(logged + amount))
    task_id = data.task_id
    if data.event_id is not None:
        event = session.get(Event, data.event_id)
        if event is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Nie ma wybranego wydarzenia."), field="event_id")
        if event.event_date != data.work_date:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Wydarzenie „{title}” odbyło się {event_date}, a wpis ma datę {date}."),
                field="event_id", title=event.title, event_date=_d(event.event_date), date=_d(data.work_date))
        task_id = task_id or event.task_id
    if task_id is not None and session.get(ScheduleTask, task_id) is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Nie ma wybranego zadania harmonogramu."),
                              field="task_id")
    # The typed hours are text here (parse_hours read them); the activity's length and characters from its column.
    check_input(VolunteerHours, {"activity": data.activity.strip()}, FIELD_LABELS)
    return amount, agreement_id, task_id


def add_hours(db: Database, data: HoursInput, *, today: dt.date | None = None) -> int:
    """Log hours worked on one date (within an agreement, at most 24 a day)."""
    today = today or dt.date.today()
    with db.session() as session:
        amount, agreement_id, task_id = _check_hours(session, data, None, today)
        entry = VolunteerHours(volunteer_id=data.volunteer_id, agreement_id=agreement_id, task_id=task_id,
                               event_id=data.event_id, work_date=data.work_date, hours=amount,
                               activity=" ".join(data.activity.split()))
        session.add(entry)
        session.flush()
        return entry.id


def add_hours_many(db: Database, entries: list[HoursInput], *, today: dt.date | None = None) -> list[int]:
    """Log several days in one transaction: one refused entry saves none of them."""
    today = today or dt.date.today()
    ids = []
    with db.session() as session:
        for entry in entries:
            amount, agreement_id, task_id = _check_hours(session, entry, None, today)
            row = VolunteerHours(volunteer_id=entry.volunteer_id, agreement_id=agreement_id, task_id=task_id,
                                 event_id=entry.event_id, work_date=entry.work_date, hours=amount,
                                 activity=" ".join(entry.activity.split()))
            session.add(row)
            session.flush()
            ids.append(row.id)
    return ids


def _hours_shown(value) -> str:
    try:
        return hours_text(parse_hours(value))
    except (ValueError, ArithmeticError, ValidationError):
        return str(value)


def update_hours(db: Database, hours_id: int, data: HoursInput, *, today: dt.date | None = None,
                 base: HoursInput | None = None) -> None:
    """Save an edit; ``base`` (the entry as the form loaded it) refuses a stale one with what changed."""
    today = today or dt.date.today()
    with db.session() as session:
        entry = session.get(VolunteerHours, hours_id)
        if entry is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma wpisu godzin o numerze {id}."), id=hours_id)
        refuse_stale(entry, base, data, HOURS_LABELS, shown={"hours": _hours_shown})
        data = replace(data, volunteer_id=entry.volunteer_id)
        amount, agreement_id, task_id = _check_hours(session, data, hours_id, today)
        entry.work_date, entry.hours, entry.agreement_id = data.work_date, amount, agreement_id
        entry.task_id, entry.event_id, entry.activity = task_id, data.event_id, " ".join(data.activity.split())


def delete_hours(db: Database, hours_id: int) -> None:
    with db.session() as session:
        entry = session.get(VolunteerHours, hours_id)
        if entry is not None:
            session.delete(entry)


def get_hours(db: Database, hours_id: int) -> HoursInput:
    with db.reading() as session:
        entry = session.get(VolunteerHours, hours_id)
        if entry is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma wpisu godzin o numerze {id}."), id=hours_id)
        return HoursInput(entry.volunteer_id, entry.work_date, _decimal(entry.hours), entry.activity, entry.task_id,
                          entry.event_id, entry.version)


def _covered(day: dt.date, periods: list[tuple[dt.date, dt.date]]) -> bool:
    return any(start <= day <= end for start, end in periods)


def hours_of(db: Database, volunteer_id: int, date_from: dt.date | None = None,
             date_to: dt.date | None = None) -> list[HoursRow]:
    """The logged days of a volunteer (optionally of a period), oldest first."""
    with db.reading() as session:
        statement = (select(VolunteerHours, ScheduleTask.name, ScheduleTask.position, Event.title,
                            VolunteerAgreement.number)
                     .outerjoin(ScheduleTask, ScheduleTask.id == VolunteerHours.task_id)
                     .outerjoin(Event, Event.id == VolunteerHours.event_id)
                     .outerjoin(VolunteerAgreement, VolunteerAgreement.id == VolunteerHours.agreement_id)
                     .where(VolunteerHours.volunteer_id == volunteer_id))
        if date_from is not None:
            statement = statement.where(VolunteerHours.work_date >= date_from)
        if date_to is not None:
            statement = statement.where(VolunteerHours.work_date <= date_to)
        rows = session.execute(statement.order_by(VolunteerHours.work_date, VolunteerHours.id)).all()
        periods = [(a.start_date, a.end_date) for a in session.execute(
            select(VolunteerAgreement.start_date, VolunteerAgreement.end_date)
            .where(VolunteerAgreement.volunteer_id == volunteer_id))]
    result = []
    for entry, task_name, position, event_title, number in rows:
        task = f"{position}. {task_name}" if task_name else ""
        result.append(HoursRow(entry.id, entry.work_date, _decimal(entry.hours), entry.activity, entry.task_id, task,
                               entry.event_id, event_title or "", number or "",
                               not _covered(entry.work_date, periods)))
    return result


@dataclass(frozen=True)
class HoursTotals:
    total: Decimal
    days: int
    value: Decimal | None
    value_text: str
    #: (month "05.2021", hours), oldest first.
    per_month: list[tuple[str, Decimal]] = field(default_factory=list)
    #: (task "6. świadczenie pomocy...", hours), by task number; "" for hours without a task.
    per_task: list[tuple[str, Decimal]] = field(default_factory=list)


def totals(rows: list[HoursRow], rate: Decimal | None, task_rates: dict[int, Decimal] | None = None) -> HoursTotals:
    """``rate`` is the single rate; ``task_rates`` the tasks' own (services.volunteer_rates)."""
    from pal_desktop.services.volunteer_rates import valued

    total = sum((r.hours for r in rows), Decimal("0.00"))
    by_task: dict[int | None, Decimal] = {}
    for r in rows:
        by_task[r.task_id] = by_task.get(r.task_id, Decimal(0)) + r.hours
    value = valued(by_task, task_rates or {}, rate)
    months: dict[tuple[int, int], Decimal] = {}
    tasks: dict[str, Decimal] = {}
    for r in rows:
        key = (r.work_date.year, r.work_date.month)
        months[key] = months.get(key, Decimal(0)) + r.hours
        tasks[r.task_name] = tasks.get(r.task_name, Decimal(0)) + r.hours

    def task_order(name: str) -> tuple:
        number = name.split(".", 1)[0]
        return (0, int(number), name) if number.isdigit() else (1, 0, name)

    return HoursTotals(
        total=total, days=len({r.work_date for r in rows}), value=value,
        value_text=NO_RATE if value is None else format_money(value),
        per_month=[(f"{month:02d}.{year}", months[(year, month)]) for year, month in sorted(months)],
        per_task=[(name, tasks[name]) for name in sorted(tasks, key=task_order)])


def hours_totals(db: Database, volunteer_id: int, date_from: dt.date | None = None,
                 date_to: dt.date | None = None) -> HoursTotals:
    """Totals of a volunteer: all hours, per month and per task, and their value at the tasks' rates."""
    from pal_desktop.services.volunteer_rates import task_rates

    return totals(hours_of(db, volunteer_id, date_from, date_to), hour_rate(db), task_rates(db))


def hours_months(db: Database, volunteer_id: int) -> list[tuple[int, int]]:
    """(year, month) pairs in which the volunteer has hours, newest first."""
    with db.reading() as session:
        days = session.scalars(select(VolunteerHours.work_date).where(VolunteerHours.volunteer_id == volunteer_id)
                               .distinct()).all()
    return sorted({(d.year, d.month) for d in days}, reverse=True)


# ---- Choices for the hours form ----------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    id: int
    text: str


def task_choices(db: Database, programme_id: int | None) -> list[Choice]:
    if programme_id is None:
        return []
    with db.reading() as session:
        tasks = session.execute(select(ScheduleTask.id, ScheduleTask.position, ScheduleTask.name)
                                .where(ScheduleTask.programme_id == programme_id, ScheduleTask.parent_id.is_(None))
                                .order_by(ScheduleTask.position, ScheduleTask.id)).all()
    return [Choice(t.id, f"{t.position}. {t.name}") for t in tasks]


def event_choices(db: Database, day: dt.date | None, programme_id: int | None = None) -> list[Choice]:
    """Events held on ``day`` (for hours worked at an event)."""
    if day is None:
        return []
    with db.reading() as session:
        statement = select(Event.id, Event.title, Event.start_time).where(Event.event_date == day)
        if programme_id is not None:
            statement = statement.where(Event.programme_id == programme_id)
        events = session.execute(statement.order_by(Event.start_time, Event.id)).all()
    return [Choice(e.id, (e.start_time.strftime("%H:%M") + " " if e.start_time else "") + e.title) for e in events]


# ---- Every volunteer in a period ---------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodHours:
    volunteer_id: int
    first_name: str
    last_name: str
    hours: Decimal
    days: int
    value: Decimal | None
    #: Place in the ranking (people with equal hours share a place).
    place: int = 0

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def period_hours(db: Database, date_from: dt.date, date_to: dt.date) -> list[PeriodHours]:
    """Volunteers with hours in the period, most hours first (the gala ranking), with the value of their work."""
    check_period(date_from, date_to)
    rate = hour_rate(db)
    with db.reading() as session:
        rows = session.execute(
            select(Volunteer.id, Volunteer.first_name, Volunteer.last_name, func.sum(VolunteerHours.hours),
                   func.count(func.distinct(VolunteerHours.work_date)))
            .join(VolunteerHours, VolunteerHours.volunteer_id == Volunteer.id)
            .where(VolunteerHours.work_date >= date_from, VolunteerHours.work_date <= date_to)
            .group_by(Volunteer.id, Volunteer.first_name, Volunteer.last_name)).all()
        per_task: dict[int, dict[int | None, Decimal]] = {}
        for vid, task_id, hours in session.execute(
                select(VolunteerHours.volunteer_id, VolunteerHours.task_id, func.sum(VolunteerHours.hours))
                .where(VolunteerHours.work_date >= date_from, VolunteerHours.work_date <= date_to)
                .group_by(VolunteerHours.volunteer_id, VolunteerHours.task_id)):
            per_task.setdefault(vid, {})[task_id] = _decimal(hours)
    from pal_desktop.services.volunteer_rates import task_rates, valued

    rates = task_rates(db)
    ordered = sorted(rows, key=lambda r: (-_decimal(r[3]), sort_key(r[2], r[1]), r[0]))
    result: list[PeriodHours] = []
    for index, (vid, first, last, total, days) in enumerate(ordered, start=1):
        total = _decimal(total)
        place = result[-1].place if result and result[-1].hours == total else index
        result.append(PeriodHours(vid, first, last, total, days, valued(per_task.get(vid, {}), rates, rate), place))
    return result


def period_task_totals(db: Database, date_from: dt.date, date_to: dt.date) -> list[tuple[str, Decimal]]:
    """(task "6. …" or "", hours) of all volunteers in the period, by task number."""
    check_period(date_from, date_to)
    with db.reading() as session:
        rows = session.execute(
            select(ScheduleTask.position, ScheduleTask.name, func.sum(VolunteerHours.hours))
            .outerjoin(ScheduleTask, ScheduleTask.id == VolunteerHours.task_id)
            .where(VolunteerHours.work_date >= date_from, VolunteerHours.work_date <= date_to)
            .group_by(ScheduleTask.position, ScheduleTask.name)).all()
    ordered = sorted(rows, key=lambda r: (r[0] is None, r[0] or 0, r[1] or ""))
    return [(f"{position}. {name}" if name else "", _decimal(total)) for position, name, total in ordered]


def period_month_totals(db: Database, date_from: dt.date, date_to: dt.date) -> list[tuple[int, int, Decimal]]:
    """(year, month, hours) of all volunteers in the period, oldest first."""
    check_period(date_from, date_to)
    with db.reading() as session:
        rows = session.execute(select(VolunteerHours.work_date, VolunteerHours.hours).where(
            VolunteerHours.work_date >= date_from, VolunteerHours.work_date <= date_to)).all()
    months: dict[tuple[int, int], Decimal] = {}
    for day, hours in rows:
        months[(day.year, day.month)] = months.get((day.year, day.month), Decimal(0)) + _decimal(hours)
    return [(year, month, months[(year, month)]) for year, month in sorted(months)]


__all__ = [
    "NO_RATE", "Choice", "HoursInput", "HoursRow", "HoursTotals", "PeriodHours", "add_hours", "add_hours_many",
    "delete_hours", "event_choices", "get_hours", "hour_rate", "hours_months", "hours_of", "hours_totals",
    "period_hours", "period_month_totals", "period_task_totals", "task_choices", "totals", "update_hours",
    "value_text",
]
