"""Events under the schedule: plan them (one by one or as a weekly series), find them, and who led them.

Enrolment lives in ``services.enrolment`` and attendance with its rates in ``services.attendance``; their
public names are importable from here too (``events.enrol``, ``events.attendance_sheet``...), as callers
have always used them.

Each public function is one transaction. Refusals name the field in Polish and leave nothing half-saved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import and_, func, or_, select

from pal_desktop.domain import calendar as days
from pal_desktop.domain import validation as rules
from pal_desktop.domain.enums import (
    AttendanceStatus,
    EnrolmentStatus,
    EventStatus,
    LeaderKind,
)
from pal_desktop.errors import ConflictError, NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.attendance import LOW_ATTENDANCE as LOW_ATTENDANCE
from pal_desktop.services.attendance import AttendanceRules as AttendanceRules
from pal_desktop.services.attendance import Rate as Rate
from pal_desktop.services.attendance import SheetRow as SheetRow
from pal_desktop.services.attendance import add_walk_in as add_walk_in
from pal_desktop.services.attendance import attendance_rules as attendance_rules
from pal_desktop.services.attendance import attendance_sheet as attendance_sheet
from pal_desktop.services.attendance import event_rate as event_rate
from pal_desktop.services.attendance import mark_all_present as mark_all_present
from pal_desktop.services.attendance import record_attendance as record_attendance
from pal_desktop.services.attendance import series_rates as series_rates
from pal_desktop.services.enrolment import LEFT_PROGRAMME as LEFT_PROGRAMME
from pal_desktop.services.enrolment import EnrolmentResult as EnrolmentResult
from pal_desktop.services.enrolment import Scope as Scope
from pal_desktop.services.enrolment import copy_enrolment as copy_enrolment
from pal_desktop.services.enrolment import copy_series_enrolment_into
from pal_desktop.services.enrolment import enrol as enrol
from pal_desktop.services.enrolment import enrol_household as enrol_household
from pal_desktop.services.enrolment import find_people as find_people
from pal_desktop.services.enrolment import leave_series as leave_series
from pal_desktop.services.enrolment import no_event as _no_event
from pal_desktop.services.enrolment import unenrol as unenrol
from pal_desktop.services.input_limits import check_input
from pal_desktop.storage import keyset
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import (
    Animator,
    Attendance,
    Enrolment,
    Event,
    EventSeries,
    EventStaff,
    EventType,
    Programme,
    ScheduleTask,
    Volunteer,
    VolunteerAgreement,
    VolunteerHours,
)


def _d(value: dt.date) -> str:
    return value.strftime("%d.%m.%Y")


# ---- Event types (the editable list) ------------------------------------------------------------------


@dataclass(frozen=True)
class EventTypeOption:
    id: int
    name: str
    active: bool


def event_types(db: Database, *, include_inactive: bool = False) -> list[EventTypeOption]:
    with db.reading() as session:
        statement = select(EventType).order_by(EventType.position, EventType.name)
        if not include_inactive:
            statement = statement.where(EventType.active.is_(True))
        return [EventTypeOption(t.id, t.name, t.active) for t in session.scalars(statement)]


def add_event_type(db: Database, name: str) -> int:
    name = rules.check_required(name, "name", QT_TRANSLATE_NOOP("Fields", "Rodzaj wydarzenia"))
    with db.session() as session:
        existing = session.scalar(select(EventType).where(func.lower(EventType.name) == name.lower()))
        if existing is not None:
            existing.active = True
            return existing.id
        position = (session.scalar(select(func.max(EventType.position))) or 0) + 1
        event_type = EventType(name=name, position=position)
        session.add(event_type)
        session.flush()
        return event_type.id


def rename_event_type(db: Database, type_id: int, name: str) -> None:
    name = rules.check_required(name, "name", QT_TRANSLATE_NOOP("Fields", "Rodzaj wydarzenia"))
    with db.session() as session:
        event_type = session.get(EventType, type_id)
        if event_type is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma rodzaju wydarzenia o numerze {id}."), id=type_id)
        clash = session.scalar(select(EventType.id).where(func.lower(EventType.name) == name.lower(),
                                                          EventType.id != type_id))
        if clash is not None:
            raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Rodzaj wydarzenia „{name}” już jest na liście."),
                                  field="name", name=name)
        event_type.name = name


def set_event_type_active(db: Database, type_id: int, active: bool) -> None:
    """Hide a type from new events (events that use it keep it)."""
    with db.session() as session:
        event_type = session.get(EventType, type_id)
        if event_type is not None:
            event_type.active = active


# ---- Events ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventInput:
    title: str
    event_date: dt.date
    programme_id: int | None = None
    event_type_id: int | None = None
    task_id: int | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str = ""
    leader_kind: LeaderKind | None = None
    leader_name: str = ""
    leader_animator_id: int | None = None
    leader_volunteer_id: int | None = None
    capacity: int | None = None
    status: EventStatus = EventStatus.PLANNED
    notes: str = ""
    #: "z udziałem dzieci": its leader and helpers need the checks of art. 21 (services.child_protection).
    with_children: bool = False


@dataclass(frozen=True)
class EventDetail(EventInput):
    id: int = 0
    version: int = 1
    series_id: int | None = None
    type_name: str = ""
    task_name: str = ""
    leader: str = ""
    enrolled: int = 0
    waiting: int = 0
    #: For a meeting of a series: its number (from 1) and the series' meetings, first and last date.
    series_number: int = 0
    series_total: int = 0
    series_first: dt.date | None = None
    series_last: dt.date | None = None


def _check_event(session, data: EventInput, event_id: int | None = None) -> None:
    rules.check_required(data.title, "title", QT_TRANSLATE_NOOP("Fields", "Temat"))
    if data.start_time and data.end_time and data.end_time <= data.start_time:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Godzina zakończenia ({end}) musi być późniejsza niż godzina rozpoczęcia ({start})."),
            field="end_time", start=data.start_time.strftime("%H:%M"), end=data.end_time.strftime("%H:%M"))
    programme = session.get(Programme, data.programme_id)
    if programme is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Najpierw utwórz program."), field="programme")
    if not programme.start_date <= data.event_date <= programme.end_date:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Data {date} jest poza okresem programu ({start} – {end})."), field="event_date",
            date=_d(data.event_date), start=_d(programme.start_date), end=_d(programme.end_date))
    if data.task_id is not None:
        task = session.get(ScheduleTask, data.task_id)
        if task is None or task.programme_id != programme.id:
            raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Wybrane zadanie nie należy do tego programu."),
                                  field="task_id")
        if not task.start_date <= data.event_date <= task.end_date:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Data {date} jest poza terminem zadania „{task}” ({start} – {end})."),
                field="event_date", date=_d(data.event_date), task=task.name, start=_d(task.start_date),
                end=_d(task.end_date))
    if data.capacity is not None:
        if data.capacity < 1:
            raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Liczba miejsc musi być większa od zera."),
                                  field="capacity")
        if event_id is not None:
            enrolled = session.scalar(select(func.count()).select_from(Enrolment).where(
                Enrolment.event_id == event_id, Enrolment.status == EnrolmentStatus.ENROLLED.value)) or 0
            if data.capacity < enrolled:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Validation", "Liczba miejsc ({capacity}) nie może być mniejsza niż liczba zapisanych osób "
                                  "({enrolled}). Najpierw wypisz nadmiarowe osoby."), field="capacity",
                    capacity=data.capacity, enrolled=enrolled)
    if data.status == EventStatus.HELD and data.event_date > dt.date.today():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Wydarzenie z przyszłą datą nie mogło się jeszcze odbyć."), field="status")
    check_input(Event, data, {"title": QT_TRANSLATE_NOOP("Fields", "Temat")})  # lengths, control characters


def _with_programme(db: Database, data: EventInput) -> EventInput:
    data = replace(data, title=" ".join(data.title.split()), place=data.place.strip(),
                   leader_name=data.leader_name.strip(), notes=data.notes.strip())
    if data.programme_id is not None:
        return data
    from pal_desktop.services.programmes import active_programme

    active = active_programme(db)
    if active is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Najpierw utwórz program."), field="programme")
    return replace(data, programme_id=active.id)


_EVENT_FIELDS = ("programme_id", "event_type_id", "task_id", "title", "event_date", "start_time", "end_time", "place",
                 "leader_kind", "leader_name", "leader_animator_id", "leader_volunteer_id", "capacity", "status",
                 "notes", "with_children")


def _apply(event: Event, data: EventInput) -> None:
    for name in _EVENT_FIELDS:
        setattr(event, name, getattr(data, name))


def validate_event(db: Database, data: EventInput, event_id: int | None = None) -> list[ValidationError]:
    data = _with_programme(db, data)
    with db.reading() as session:
        try:
            _check_event(session, data, event_id)
        except ValidationError as error:
            return [error]
    return []


def create_event(db: Database, data: EventInput) -> int:
    data = _with_programme(db, data)
    with db.session() as session:
        _check_event(session, data)
        event = Event()
        _apply(event, data)
        session.add(event)
        session.flush()
        return event.id


def update_event(db: Database, event_id: int, data: EventInput, expected_version: int | None = None) -> None:
    data = _with_programme(db, data)
    with db.session() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise _no_event(event_id)
        if expected_version is not None and event.version != expected_version:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "Errors", "Ktoś inny zmienił ten rekord w międzyczasie. Odśwież widok i wprowadź zmianę ponownie; "
                          "nic nie zostało zapisane."))
        _check_event(session, data, event_id)
        _apply(event, data)


def delete_event(db: Database, event_id: int) -> None:
    with db.session() as session:
        event = session.get(Event, event_id)
        if event is not None:
            session.delete(event)


def _leader_text(session, event: Event) -> str:
    if event.leader_animator_id:
        animator = session.get(Animator, event.leader_animator_id)
        if animator:
            return f"{animator.first_name} {animator.last_name}"
    if event.leader_volunteer_id:
        volunteer = session.get(Volunteer, event.leader_volunteer_id)
        if volunteer:
            return f"{volunteer.first_name} {volunteer.last_name}"
    return event.leader_name


def get_event(db: Database, event_id: int) -> EventDetail:
    with db.reading() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise _no_event(event_id)
        counts = dict(session.execute(select(Enrolment.status, func.count()).where(Enrolment.event_id == event_id)
                                      .group_by(Enrolment.status)).all())
        task = session.get(ScheduleTask, event.task_id) if event.task_id else None
        series: dict = {}
        if event.series_id is not None:
            meetings = session.execute(select(Event.id, Event.event_date).where(Event.series_id == event.series_id)
                                       .order_by(Event.event_date, Event.id)).all()
            series = dict(series_number=[m.id for m in meetings].index(event.id) + 1, series_total=len(meetings),
                          series_first=meetings[0].event_date, series_last=meetings[-1].event_date)
        return EventDetail(
            **{name: getattr(event, name) for name in _EVENT_FIELDS}, id=event.id, version=event.version,
            series_id=event.series_id, type_name=event.event_type.name if event.event_type else "",
            task_name=task.name if task else "", leader=_leader_text(session, event),
            enrolled=counts.get(EnrolmentStatus.ENROLLED.value, 0), waiting=counts.get(EnrolmentStatus.WAITING.value, 0),
            **series)


# ---- Series ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesResult:
    series_id: int
    event_ids: list[int]
    skipped_holidays: list[tuple[dt.date, str]]


def create_series(db: Database, data: EventInput, sessions: int, *, every_weeks: int = 1,
                  skip_holidays: bool = True) -> SeriesResult:
    """``sessions`` weekly sessions from ``data.event_date`` (each an event of its own, editable alone)."""
    if not 1 <= sessions <= 200:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Liczba spotkań w cyklu musi być od 1 do 200."),
                              field="sessions")
    if not 1 <= every_weeks <= 8:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Odstęp między spotkaniami musi wynosić od 1 do 8 "
                                                              "tygodni."), field="every_weeks")
    data = _with_programme(db, data)
    dates, skipped = days.series_dates(data.event_date, sessions, every_weeks=every_weeks,
                                       skip_holidays=skip_holidays)
    with db.session() as session:
        for day in dates:  # every session must fit the programme and the task
            _check_event(session, replace(data, event_date=day))
        weekday = ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela")[
            data.event_date.weekday()]
        series = EventSeries(programme_id=data.programme_id, task_id=data.task_id, event_type_id=data.event_type_id,
                             title=data.title, recurrence=f"co {every_weeks} tydz., {weekday}, {sessions} spotkań"
                             if every_weeks > 1 else f"co tydzień, {weekday}, {sessions} spotkań")
        session.add(series)
        session.flush()
        ids = []
        for day in dates:
            event = Event(series_id=series.id)
            _apply(event, replace(data, event_date=day))
            session.add(event)
            session.flush()
            ids.append(event.id)
        return SeriesResult(series.id, ids, [(day, days.holiday_name(day) or "") for day in skipped])


def series_events(db: Database, series_id: int) -> list[tuple[int, dt.date]]:
    with db.reading() as session:
        return [(r.id, r.event_date) for r in session.execute(
            select(Event.id, Event.event_date).where(Event.series_id == series_id).order_by(Event.event_date))]


def add_series_meeting(db: Database, series_id: int, event_date: dt.date) -> int:
    """One more meeting of a series, like the meeting nearest to it, with the enrolment of the meeting before
    it (so that the series' people are on its list without being enrolled again)."""
    with db.session() as session:
        if session.get(EventSeries, series_id) is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma cyklu zajęć o numerze {id}."), id=series_id)
        meetings = list(session.scalars(select(Event).where(Event.series_id == series_id)))
        if not meetings:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma cyklu zajęć o numerze {id}."), id=series_id)
        if any(m.event_date == event_date for m in meetings):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Cykl ma już spotkanie w dniu {date}."), field="event_date", date=_d(event_date))
        model = min(meetings, key=lambda m: (abs((m.event_date - event_date).days), m.id))
        data = EventInput(**{name: getattr(model, name) for name in _EVENT_FIELDS})
        data = replace(data, event_date=event_date, status=EventStatus.PLANNED)
        _check_event(session, data)
        event = Event(series_id=series_id)
        _apply(event, data)
        session.add(event)
        session.flush()
        copy_series_enrolment_into(session, event)
        return event.id


# ---- Finding events ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventQuery:
    programme_id: int | None = None
    task_id: int | None = None
    event_type_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    leader: str = ""
    text: str = ""


@dataclass(frozen=True)
class EventRow:
    id: int
    event_date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    title: str
    type_name: str
    task_position: int | None
    place: str
    leader: str
    enrolled: int
    present: int
    status: EventStatus
    series_id: int | None


def _event_filters(statement, query: EventQuery):
    if query.programme_id is not None:
        statement = statement.where(Event.programme_id == query.programme_id)
    if query.task_id is not None:
        statement = statement.where(Event.task_id == query.task_id)
    if query.event_type_id is not None:
        statement = statement.where(Event.event_type_id == query.event_type_id)
    if query.date_from is not None:
        statement = statement.where(Event.event_date >= query.date_from)
    if query.date_to is not None:
        statement = statement.where(Event.event_date <= query.date_to)
    if query.text.strip():
        pattern = f"%{query.text.strip()}%"
        statement = statement.where(or_(Event.title.ilike(pattern), Event.place.ilike(pattern)))
    if query.leader.strip():
        pattern = f"%{query.leader.strip()}%"
        statement = statement.where(or_(
            Event.leader_name.ilike(pattern),
            Event.leader_animator_id.in_(select(Animator.id).where(
                (Animator.first_name + " " + Animator.last_name).ilike(pattern))),
            Event.leader_volunteer_id.in_(select(Volunteer.id).where(
                (Volunteer.first_name + " " + Volunteer.last_name).ilike(pattern)))))
    return statement


def count_events(db: Database, query: EventQuery) -> int:
    with db.reading() as session:
        return session.scalar(_event_filters(select(func.count()).select_from(Event), query)) or 0


def _page_order() -> tuple:
    return (Event.event_date, Event.start_time, Event.id)


def list_events(db: Database, query: EventQuery, offset: int = 0, limit: int = 200, *,
                after: EventRow | None = None) -> list[EventRow]:
    """A page of events by date and hour; ``after`` (the last row shown) reads the next page by keyset."""
    enrolled = (select(func.count()).where(Enrolment.event_id == Event.id,
                                           Enrolment.status == EnrolmentStatus.ENROLLED.value)
                .correlate(Event).scalar_subquery())
    present = (select(func.count()).where(Attendance.event_id == Event.id,
                                          Attendance.status == AttendanceStatus.PRESENT.value)
               .correlate(Event).scalar_subquery())
    statement = _event_filters(
        select(Event, EventType.name, ScheduleTask.position, enrolled.label("enrolled"), present.label("present"),
               Animator.first_name, Animator.last_name, Volunteer.first_name, Volunteer.last_name)
        .outerjoin(EventType, EventType.id == Event.event_type_id)
        .outerjoin(ScheduleTask, ScheduleTask.id == Event.task_id)
        .outerjoin(Animator, Animator.id == Event.leader_animator_id)
        .outerjoin(Volunteer, Volunteer.id == Event.leader_volunteer_id), query
    ).order_by(*keyset.ordering(_page_order(), descending=False)).limit(limit)
    if after is not None:
        statement = statement.where(keyset.after(_page_order(), (after.event_date, after.start_time, after.id),
                                                 descending=False))
    elif offset:
        statement = statement.offset(offset)
    with db.reading() as session:
        rows = session.execute(statement).all()
        return [EventRow(e.id, e.event_date, e.start_time, e.end_time, e.title, type_name or "", position, e.place,
                         _leader_name(e, (a_first, a_last), (v_first, v_last)), enrolled_count, present_count,
                         e.status, e.series_id)
                for e, type_name, position, enrolled_count, present_count, a_first, a_last, v_first, v_last in rows]


def _leader_name(event: Event, animator: tuple, volunteer: tuple) -> str:
    """As _leader_text, from names joined into the list's query (one query per page, not one per row)."""
    if event.leader_animator_id and animator[0] is not None:
        return f"{animator[0]} {animator[1]}"
    if event.leader_volunteer_id and volunteer[0] is not None:
        return f"{volunteer[0]} {volunteer[1]}"
    return event.leader_name


def starting_day(db: Database, programme_id: int | None, period: tuple[dt.date, dt.date] | None,
                 today: dt.date) -> dt.date:
    """The day the events tab opens at: today when the programme is running; else the day of its last event
    so far (or its start, or its end)."""
    if period is None:
        return today
    start, end = period
    if start <= today <= end:
        return today
    with db.reading() as session:
        last = session.scalar(select(func.max(Event.event_date)).where(Event.programme_id == programme_id,
                                                                       Event.event_date <= today))
    if last is not None:
        return last
    return start if today < start else end


def events_by_day(db: Database, programme_id: int, first: dt.date, last: dt.date) -> dict[dt.date, list[EventRow]]:
    """The events of a date range (a month of the calendar view), by day."""
    result: dict[dt.date, list[EventRow]] = {}
    for row in list_events(db, EventQuery(programme_id=programme_id, date_from=first, date_to=last), limit=5000):
        result.setdefault(row.event_date, []).append(row)
    return result


# ---- Animators and volunteers at an event -------------------------------------------------------------


def add_staff(db: Database, event_id: int, *, animator_id: int | None = None, volunteer_id: int | None = None,
              role: str = "", hours=None) -> int:
    """Who led or helped; a volunteer's hours at the event are logged for them (within an agreement)."""
    if (animator_id is None) == (volunteer_id is None):
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Wybierz animatora albo wolontariusza."),
                              field="person")
    with db.session() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise _no_event(event_id)
        staff = EventStaff(event_id=event_id, animator_id=animator_id, volunteer_id=volunteer_id, role=role.strip())
        session.add(staff)
        if volunteer_id is not None and hours:
            from decimal import Decimal, InvalidOperation

            try:
                amount = Decimal(str(hours).replace(",", "."))
            except InvalidOperation:
                amount = Decimal(-1)
            if not Decimal(0) < amount <= Decimal(24):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Validation", "Liczba godzin musi być większa od zera i nie większa niż 24."), field="hours")
            agreement = session.scalar(select(VolunteerAgreement.id).where(
                VolunteerAgreement.volunteer_id == volunteer_id,
                and_(VolunteerAgreement.start_date <= event.event_date,
                     VolunteerAgreement.end_date >= event.event_date)))
            if agreement is None:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Validation", "Wolontariusz nie ma porozumienia obejmującego dzień {date} — godzin nie można "
                                  "zapisać."), field="hours", date=_d(event.event_date))
            session.add(VolunteerHours(volunteer_id=volunteer_id, agreement_id=agreement, event_id=event_id,
                                       task_id=event.task_id, work_date=event.event_date, hours=amount,
                                       activity=event.title[:300]))
        session.flush()
        return staff.id


def remove_staff(db: Database, staff_id: int) -> None:
    """Take someone off an event; a volunteer's hours logged for that event go with them (one transaction)."""
    with db.session() as session:
        staff = session.get(EventStaff, staff_id)
        if staff is None:
            return
        if staff.volunteer_id is not None:
            for hours in session.scalars(select(VolunteerHours).where(VolunteerHours.event_id == staff.event_id,
                                                                      VolunteerHours.volunteer_id == staff.volunteer_id)):
                session.delete(hours)
        session.delete(staff)


def event_staff(db: Database, event_id: int) -> list[tuple[int, str, str]]:
    """(staff id, name, role) of the animators and volunteers at an event."""
    with db.reading() as session:
        result = []
        for staff in session.scalars(select(EventStaff).where(EventStaff.event_id == event_id).order_by(EventStaff.id)):
            person = session.get(Animator, staff.animator_id) if staff.animator_id else \
                session.get(Volunteer, staff.volunteer_id)
            kind = "animator" if staff.animator_id else "wolontariusz"
            name = f"{person.first_name} {person.last_name}" if person else ""
            result.append((staff.id, name, staff.role or kind))
        return result

