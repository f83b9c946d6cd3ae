"""Who is enrolled on which meeting: one event, a whole series, or the meetings of a series from a date on.

The enrolment rows of each meeting are the one source of truth: the list of a meeting, its attendance window,
its printed list and the series' rates all read them. Enrolling "for the series" writes a row on every meeting
of the scope (each meeting keeps its own capacity and waiting list); leaving "from a date" removes the rows of
the later meetings; a meeting added to a series later takes the enrolment of the meeting before it. Meetings
whose attendance is already recorded are left as they were (what happened there is history).

Each public function is one transaction. Refusals name the field in Polish and leave nothing half-saved.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from sqlalchemy import select

from pal_desktop.domain.enums import EnrolmentStatus, ParticipantStatus
from pal_desktop.domain.text import fold, sort_key
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Attendance, Enrolment, Event, HouseholdMember, Participant

LEFT_PROGRAMME = (ParticipantStatus.COMPLETED.value, ParticipantStatus.DROPPED_OUT.value)


def no_event(event_id: int) -> NotFoundError:
    return NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma wydarzenia o numerze {id}."), id=event_id)


class Scope(enum.Enum):
    """Which meetings an enrolment (or a removal) covers."""

    MEETING = "meeting"
    """Only the meeting the window was opened on."""
    SERIES = "series"
    """Every meeting of its series."""
    FROM_DATE = "from_date"
    """The meetings of its series on or after a date."""


@dataclass(frozen=True)
class EnrolmentResult:
    #: Newly enrolled on at least one meeting of the scope.
    enrolled: list[int] = field(default_factory=list)
    #: Put on the waiting list of at least one meeting (places ran out there).
    waiting: list[int] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)
    #: Already on every meeting of the scope: nothing written for them.
    already: list[int] = field(default_factory=list)
    double_booked: list[tuple[int, str]] = field(default_factory=list)
    #: The dates of the meetings written to.
    meetings: list[dt.date] = field(default_factory=list)
    #: Meetings of the scope left as they were because their attendance is already recorded.
    skipped: list[dt.date] = field(default_factory=list)
    #: Per person on a waiting list: the dates of those meetings.
    waiting_on: dict[int, list[dt.date]] = field(default_factory=dict)


@dataclass(frozen=True)
class LeaveResult:
    removed: list[dt.date] = field(default_factory=list)
    #: Meetings where the person's attendance is recorded: their enrolment stays with the record.
    kept: list[dt.date] = field(default_factory=list)
    #: (date, participant id) of those who moved up from a waiting list into the freed place.
    promoted: list[tuple[dt.date, int]] = field(default_factory=list)


def _overlaps(a_start, a_end, b_start, b_end) -> bool:
    if a_start is None or b_start is None:
        return True  # no hours: the same day counts as the same time
    a_end = a_end or a_start
    b_end = b_end or b_start
    return a_start < b_end and b_start < a_end or a_start == b_start


def _recorded(session, event_ids: list[int]) -> set[int]:
    if not event_ids:
        return set()
    return set(session.scalars(select(Attendance.event_id).where(Attendance.event_id.in_(event_ids)).distinct()))


def _target_meetings(session, event: Event, scope: Scope, from_date: dt.date | None) -> tuple[list[Event],
                                                                                              list[dt.date]]:
    """The meetings a scope covers, and the dates of those skipped because their attendance is recorded."""
    if scope == Scope.MEETING or event.series_id is None:
        return [event], []
    if scope == Scope.FROM_DATE and from_date is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Podaj datę, od której obowiązuje zapis na cykl."),
                              field="from_date")
    statement = select(Event).where(Event.series_id == event.series_id)
    if scope == Scope.FROM_DATE:
        statement = statement.where(Event.event_date >= from_date)
    meetings = list(session.scalars(statement.order_by(Event.event_date, Event.id)))
    recorded = _recorded(session, [m.id for m in meetings])
    if not meetings:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Cykl nie ma spotkań od dnia {date}."),
                              field="from_date", date=from_date.strftime("%d.%m.%Y") if from_date else "")
    return ([m for m in meetings if m.id not in recorded],
            [m.event_date for m in meetings if m.id in recorded])


def enrol(db: Database, event_id: int, participant_ids: list[int], *, scope: Scope = Scope.MEETING,
          from_date: dt.date | None = None) -> EnrolmentResult:
    """Enrol people on a meeting or on the meetings of its series; over a meeting's capacity they go to its
    waiting list; people who left the programme are refused."""
    result = EnrolmentResult()
    with db.session() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise no_event(event_id)
        meetings, skipped = _target_meetings(session, event, scope, from_date)
        result.meetings.extend(m.event_date for m in meetings)
        result.skipped.extend(skipped)
        wanted = list(dict.fromkeys(participant_ids))
        people = {p.id: p for p in session.scalars(select(Participant).where(Participant.id.in_(wanted)))}
        allowed = []
        for pid in wanted:
            person = people.get(pid)
            if person is None:
                result.refused.append((pid, QT_TRANSLATE_NOOP("Validation", "nie ma takiej osoby w rejestrze")))
            elif person.status in LEFT_PROGRAMME:
                result.refused.append((pid, QT_TRANSLATE_NOOP("Validation", "osoba zakończyła udział w programie")))
            else:
                allowed.append(pid)
        new_enrolled: set[int] = set()
        new_waiting: set[int] = set()
        for meeting in meetings:
            enrolled, waiting, booked = _enrol_on(session, meeting, allowed)
            new_enrolled.update(enrolled)
            new_waiting.update(waiting)
            for pid in waiting:
                result.waiting_on.setdefault(pid, []).append(meeting.event_date)
            for entry in booked:
                if entry not in result.double_booked:
                    result.double_booked.append(entry)
        for pid in allowed:
            if pid in new_enrolled:
                result.enrolled.append(pid)
            if pid in new_waiting:
                result.waiting.append(pid)
            if pid not in new_enrolled and pid not in new_waiting and meetings:
                result.already.append(pid)
    return result


def _enrol_on(session, event: Event, participant_ids: list[int]) -> tuple[list[int], list[int], list[tuple[int, str]]]:
    """Write the enrolments of one meeting: (enrolled, put on the waiting list, double-booked elsewhere)."""
    existing = dict(session.execute(select(Enrolment.participant_id, Enrolment.status)
                                    .where(Enrolment.event_id == event.id)).all())
    enrolled_now = sum(1 for s in existing.values() if s == EnrolmentStatus.ENROLLED.value)
    same_day = session.execute(
        select(Enrolment.participant_id, Event.title, Event.start_time, Event.end_time)
        .join(Event, Event.id == Enrolment.event_id)
        .where(Event.event_date == event.event_date, Event.id != event.id,
               Enrolment.participant_id.in_(participant_ids),
               Enrolment.status == EnrolmentStatus.ENROLLED.value)).all()
    enrolled, waiting, booked = [], [], []
    for pid in participant_ids:
        if pid in existing:
            continue
        for other_pid, title, start, end in same_day:
            if other_pid == pid and _overlaps(event.start_time, event.end_time, start, end):
                booked.append((pid, title))
        if event.capacity is not None and enrolled_now >= event.capacity:
            session.add(Enrolment(event_id=event.id, participant_id=pid, status=EnrolmentStatus.WAITING))
            waiting.append(pid)
        else:
            session.add(Enrolment(event_id=event.id, participant_id=pid, status=EnrolmentStatus.ENROLLED))
            enrolled_now += 1
            enrolled.append(pid)
    session.flush()
    return enrolled, waiting, booked


def enrol_household(db: Database, event_id: int, household_id: int, *, scope: Scope = Scope.MEETING,
                    from_date: dt.date | None = None) -> EnrolmentResult:
    with db.reading() as session:
        ids = [pid for pid in session.scalars(select(HouseholdMember.participant_id).where(
            HouseholdMember.household_id == household_id, HouseholdMember.participant_id.is_not(None)))]
    return enrol(db, event_id, ids, scope=scope, from_date=from_date)


def copy_enrolment(db: Database, source_event_id: int, event_id: int, *, attendees_only: bool = False,
                   scope: Scope = Scope.MEETING, from_date: dt.date | None = None) -> EnrolmentResult:
    """Enrol the people enrolled on another event (or only those who came to it)."""
    people = enrolment_candidates(db, event_id, CandidateSource.ATTENDEES if attendees_only
                                  else CandidateSource.ENROLLED, source_event_id)
    return enrol(db, event_id, [c.participant_id for c in people], scope=scope, from_date=from_date)


def _promote_first_waiting(session, event_id: int) -> int | None:
    waiting = session.scalar(select(Enrolment).where(Enrolment.event_id == event_id,
                                                     Enrolment.status == EnrolmentStatus.WAITING.value)
                             .order_by(Enrolment.created_at, Enrolment.id).limit(1))
    if waiting is None:
        return None
    waiting.status = EnrolmentStatus.ENROLLED
    return waiting.participant_id


def unenrol(db: Database, event_id: int, participant_id: int) -> int | None:
    """Remove someone from one meeting; the first person on its waiting list takes the place (their id)."""
    with db.session() as session:
        enrolment = session.scalar(select(Enrolment).where(Enrolment.event_id == event_id,
                                                           Enrolment.participant_id == participant_id))
        if enrolment is None:
            return None
        was_enrolled = enrolment.status == EnrolmentStatus.ENROLLED
        session.delete(enrolment)
        session.flush()
        return _promote_first_waiting(session, event_id) if was_enrolled else None


def leave_series(db: Database, event_id: int, participant_id: int, *,
                 from_date: dt.date | None = None) -> LeaveResult:
    """Take someone off the meetings of ``event_id``'s series (all, or those on or after ``from_date``).

    A meeting where their attendance is recorded keeps their enrolment; each freed place goes to the first
    person on that meeting's waiting list."""
    result = LeaveResult()
    with db.session() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise no_event(event_id)
        if event.series_id is None:
            meetings = [event]
        else:
            statement = select(Event).where(Event.series_id == event.series_id)
            if from_date is not None:
                statement = statement.where(Event.event_date >= from_date)
            meetings = list(session.scalars(statement.order_by(Event.event_date, Event.id)))
        marked = set(session.scalars(select(Attendance.event_id).where(
            Attendance.participant_id == participant_id, Attendance.event_id.in_([m.id for m in meetings]))))
        for meeting in meetings:
            enrolment = session.scalar(select(Enrolment).where(Enrolment.event_id == meeting.id,
                                                               Enrolment.participant_id == participant_id))
            if enrolment is None:
                continue
            if meeting.id in marked:
                result.kept.append(meeting.event_date)
                continue
            was_enrolled = enrolment.status == EnrolmentStatus.ENROLLED
            session.delete(enrolment)
            session.flush()
            result.removed.append(meeting.event_date)
            promoted = _promote_first_waiting(session, meeting.id) if was_enrolled else None
            if promoted is not None:
                result.promoted.append((meeting.event_date, promoted))
    return result


def copy_series_enrolment_into(session, event: Event) -> None:
    """A meeting just added to a series takes the enrolment of the meeting before it (or, when it is the
    first, of the one after it), within its own capacity."""
    if event.series_id is None:
        return
    others = select(Event).where(Event.series_id == event.series_id, Event.id != event.id)
    source = session.scalar(others.where(Event.event_date <= event.event_date)
                            .order_by(Event.event_date.desc(), Event.id.desc()).limit(1)) \
        or session.scalar(others.order_by(Event.event_date, Event.id).limit(1))
    if source is None:
        return
    rows = session.execute(select(Enrolment.participant_id, Enrolment.status)
                           .where(Enrolment.event_id == source.id)
                           .order_by(Enrolment.status != EnrolmentStatus.ENROLLED.value, Enrolment.created_at,
                                     Enrolment.id)).all()
    _enrol_on(session, event, [pid for pid, _status in rows])


# ---- Choosing people: filtered lists for the enrolment window -----------------------------------------


class CandidateSource(enum.Enum):
    ACTIVE = "active"
    """Everybody in the programme who has not left it (participants, candidates, reserve)."""
    HOUSEHOLD = "household"
    STREET = "street"
    ATTENDEES = "attendees"
    """Those who came to another event."""
    ENROLLED = "enrolled"
    """Those enrolled on another event (copying its enrolment)."""


@dataclass(frozen=True)
class Candidate:
    participant_id: int
    last_name: str
    first_name: str
    address: str
    status: ParticipantStatus
    #: Their enrolment on the event the window is for (None: not enrolled).
    enrolment: EnrolmentStatus | None

    @property
    def left_programme(self) -> bool:
        return self.status.value in LEFT_PROGRAMME

    @property
    def name(self) -> str:
        return f"{self.last_name} {self.first_name}"


@dataclass(frozen=True)
class EventChoice:
    id: int
    event_date: dt.date
    title: str
    enrolled: int
    present: int


def enrolment_candidates(db: Database, event_id: int, source: CandidateSource,
                         key: int | str | None = None) -> list[Candidate]:
    """The people of a source (``key``: the household id, the street name or the other event's id), in Polish
    alphabetical order, each with their enrolment on ``event_id``."""
    with db.reading() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise no_event(event_id)
        statement = select(Participant).where(Participant.anonymised_at.is_(None))
        if source == CandidateSource.ACTIVE:
            statement = statement.where(Participant.programme_id == event.programme_id,
                                        Participant.status.not_in(LEFT_PROGRAMME))
        elif source == CandidateSource.HOUSEHOLD:
            statement = statement.where(Participant.id.in_(select(HouseholdMember.participant_id).where(
                HouseholdMember.household_id == key)))
        elif source == CandidateSource.STREET:
            statement = statement.where(Participant.programme_id == event.programme_id,
                                        Participant.street_name == (key or ""))
        elif source == CandidateSource.ATTENDEES:
            from pal_desktop.domain.enums import AttendanceStatus

            statement = statement.where(Participant.id.in_(select(Attendance.participant_id).where(
                Attendance.event_id == key, Attendance.status == AttendanceStatus.PRESENT.value)))
        else:
            statement = statement.where(Participant.id.in_(select(Enrolment.participant_id).where(
                Enrolment.event_id == key, Enrolment.status == EnrolmentStatus.ENROLLED.value)))
        people = list(session.scalars(statement.order_by(Participant.sort_key, Participant.id)))
        enrolled = dict(session.execute(select(Enrolment.participant_id, Enrolment.status)
                                        .where(Enrolment.event_id == event_id)).all())
        return [Candidate(p.id, p.last_name, p.first_name, _address(p), p.status,
                          EnrolmentStatus(enrolled[p.id]) if p.id in enrolled else None) for p in people]


def _address(person: Participant) -> str:
    number = person.house_number + (f"/{person.flat_number}" if person.flat_number else "")
    street = " ".join(part for part in (person.street_name, number) if part)
    return ", ".join(part for part in (street, person.city) if part)


def street_choices(db: Database, programme_id: int) -> list[tuple[str, int]]:
    """(street, number of people not gone from the programme) of the programme's participants."""
    from sqlalchemy import func

    with db.reading() as session:
        rows = session.execute(select(Participant.street_name, func.count()).where(
            Participant.programme_id == programme_id, Participant.street_name != "",
            Participant.status.not_in(LEFT_PROGRAMME)).group_by(Participant.street_name)).all()
    return sorted(((street, count) for street, count in rows), key=lambda row: sort_key(row[0], ""))


def event_choices(db: Database, event_id: int, limit: int = 400) -> list[EventChoice]:
    """Other events of the programme to copy from, the latest first, with their enrolled and present."""
    from sqlalchemy import func

    from pal_desktop.domain.enums import AttendanceStatus

    with db.reading() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise no_event(event_id)
        enrolled = (select(func.count()).where(Enrolment.event_id == Event.id,
                                               Enrolment.status == EnrolmentStatus.ENROLLED.value)
                    .correlate(Event).scalar_subquery())
        present = (select(func.count()).where(Attendance.event_id == Event.id,
                                              Attendance.status == AttendanceStatus.PRESENT.value)
                   .correlate(Event).scalar_subquery())
        rows = session.execute(select(Event.id, Event.event_date, Event.title, enrolled, present).where(
            Event.programme_id == event.programme_id, Event.id != event_id)
            .order_by(Event.event_date.desc(), Event.id.desc()).limit(limit)).all()
    return [EventChoice(r[0], r[1], r[2], r[3] or 0, r[4] or 0) for r in rows if (r[3] or r[4])]


def find_people(db: Database, text: str, programme_id: int | None = None, limit: int = 50) -> list[tuple[int, str]]:
    """Quick look-up for enrolment pickers: (id, "Nazwisko Imię — PESEL 850101•••••")."""
    from pal_desktop.services.formatting import mask_pesel

    with db.reading() as session:
        statement = select(Participant.id, Participant.last_name, Participant.first_name, Participant.pesel,
                           Participant.status)
        for word in fold(text).split():
            statement = statement.where(Participant.search_text.like(f"%{word}%"))
        if programme_id is not None:
            statement = statement.where(Participant.programme_id == programme_id)
        rows = session.execute(statement.order_by(Participant.sort_key).limit(limit)).all()
    return [(r.id, f"{r.last_name} {r.first_name}" + (f" — {mask_pesel(r.pesel)}" if r.pesel else "")
             + (" (zakończył udział)" if r.status in LEFT_PROGRAMME else "")) for r in rows]
