"""Who came: the list of a meeting, recording attendance, walk-ins, and the attendance rates.

A rate counts every meeting a person was expected at: the meetings with recorded attendance where they were
enrolled (an enrolled person left unmarked counts as absent) and those they came to as a walk-in. An excused
absence is its own kind: the organisation decides (``AttendanceRules``, kept with the other settings) whether
it lowers the rate; the rate is low under the organisation's threshold (80 % unless changed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from pal_desktop.domain.attendance_rate import DEFAULT_LOW_PERCENT, is_low
from pal_desktop.domain.enums import AttendanceStatus, EnrolmentStatus, EventStatus
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.enrolment import LEFT_PROGRAMME, no_event
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Attendance, Enrolment, Event, Participant, Setting

LOW_ATTENDANCE = DEFAULT_LOW_PERCENT / 100
_EXCUSED_KEY = "attendance.excused_lowers_rate"
_THRESHOLD_KEY = "attendance.threshold_percent"


def _d(value: dt.date) -> str:
    return value.strftime("%d.%m.%Y")


# ---- The organisation's rule -------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceRules:
    #: Whether an excused absence counts against the rate (False: it is left out of the count).
    excused_lowers_rate: bool = False
    #: Under this many percent a rate is shown as low (domain.attendance_rate says why 80 by default).
    threshold_percent: int = DEFAULT_LOW_PERCENT


def attendance_rules(db: Database) -> AttendanceRules:
    with db.reading() as session:
        stored = dict(session.execute(select(Setting.key, Setting.value)
                                      .where(Setting.key.in_((_EXCUSED_KEY, _THRESHOLD_KEY)))).all())
    default = AttendanceRules()
    threshold = stored.get(_THRESHOLD_KEY, "")
    return AttendanceRules(excused_lowers_rate=stored.get(_EXCUSED_KEY, "0") == "1",
                           threshold_percent=int(threshold) if threshold.isdigit() else default.threshold_percent)


def save_attendance_rules(db: Database, rules: AttendanceRules) -> AttendanceRules:
    if not 1 <= rules.threshold_percent <= 100:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Próg frekwencji musi wynosić od 1 do 100 % (wpisano: {value})."),
            field="threshold_percent", value=rules.threshold_percent)
    values = {_EXCUSED_KEY: "1" if rules.excused_lowers_rate else "0", _THRESHOLD_KEY: str(rules.threshold_percent)}
    with db.session() as session:
        stored = {s.key: s for s in session.scalars(select(Setting).where(Setting.key.in_(list(values))))}
        for key, value in values.items():
            if key not in stored:
                session.add(Setting(key=key, value=value))
            elif stored[key].value != value:
                stored[key].value = value
    return rules


# ---- The list of a meeting ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetRow:
    participant_id: int
    last_name: str
    first_name: str
    enrolment: EnrolmentStatus | None
    attendance: AttendanceStatus | None
    walk_in: bool
    birth_date: dt.date | None = None


def attendance_sheet(db: Database, event_id: int, *, include_waiting: bool = False) -> list[SheetRow]:
    """The enrolled (and walk-ins) in Polish alphabetical order, with what has been recorded."""
    with db.reading() as session:
        if session.get(Event, event_id) is None:
            raise no_event(event_id)
        enrolments = dict(session.execute(select(Enrolment.participant_id, Enrolment.status)
                                          .where(Enrolment.event_id == event_id)).all())
        marks = {a.participant_id: a for a in session.scalars(select(Attendance)
                                                               .where(Attendance.event_id == event_id))}
        ids = {pid for pid, status in enrolments.items()
               if include_waiting or status == EnrolmentStatus.ENROLLED.value} | set(marks)
        people = session.execute(select(Participant.id, Participant.last_name, Participant.first_name,
                                        Participant.birth_date)
                                 .where(Participant.id.in_(ids)).order_by(Participant.sort_key, Participant.id)).all()
        return [SheetRow(p.id, p.last_name, p.first_name,
                         EnrolmentStatus(enrolments[p.id]) if p.id in enrolments else None,
                         marks[p.id].status if p.id in marks else None,
                         marks[p.id].walk_in if p.id in marks else False, p.birth_date) for p in people]


def _refuse_future(event: Event, today: dt.date) -> None:
    if event.event_date > today:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Nie można zapisać obecności na wydarzeniu, które jeszcze się nie odbyło ({date})."),
            field="event_date", date=_d(event.event_date))


def record_attendance(db: Database, event_id: int, marks: dict[int, AttendanceStatus], *,
                      today: dt.date | None = None) -> None:
    """Save who came (one transaction); a session that has not happened yet is refused."""
    today = today or dt.date.today()
    with db.session() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise no_event(event_id)
        _refuse_future(event, today)
        existing = {a.participant_id: a for a in session.scalars(select(Attendance)
                                                                  .where(Attendance.event_id == event_id))}
        allowed = set(session.scalars(select(Enrolment.participant_id).where(Enrolment.event_id == event_id)))
        for pid, status in marks.items():
            if pid not in allowed and pid not in existing:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Validation", "Osoba nr {id} nie jest zapisana na to wydarzenie — dodaj ją jako osobę spoza "
                                  "listy."), field="participant", id=pid)
            mark = existing.get(pid)
            if mark is None:
                session.add(Attendance(event_id=event_id, participant_id=pid, status=AttendanceStatus(status)))
            elif mark.status != status:
                mark.status = AttendanceStatus(status)
        if marks and event.status == EventStatus.PLANNED:
            event.status = EventStatus.HELD


def mark_all_present(db: Database, event_id: int, *, today: dt.date | None = None) -> int:
    rows = attendance_sheet(db, event_id)
    record_attendance(db, event_id, {r.participant_id: AttendanceStatus.PRESENT for r in rows}, today=today)
    return len(rows)


def add_walk_in(db: Database, event_id: int, participant_id: int, *, today: dt.date | None = None) -> None:
    """Someone who came without being enrolled: present, marked as a walk-in."""
    today = today or dt.date.today()
    with db.session() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise no_event(event_id)
        _refuse_future(event, today)
        person = session.get(Participant, participant_id)
        if person is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma uczestnika o numerze {id}."), id=participant_id)
        if person.status in LEFT_PROGRAMME:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "{name} zakończył(a) udział w programie i nie może być dopisany(-a)."),
                field="participant", name=f"{person.first_name} {person.last_name}")
        mark = session.scalar(select(Attendance).where(Attendance.event_id == event_id,
                                                       Attendance.participant_id == participant_id))
        if mark is None:
            session.add(Attendance(event_id=event_id, participant_id=participant_id,
                                   status=AttendanceStatus.PRESENT, walk_in=True))
        else:
            mark.status = AttendanceStatus.PRESENT
        if event.status == EventStatus.PLANNED:
            event.status = EventStatus.HELD


# ---- Rates -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    present: int
    absent: int = 0
    excused: int = 0
    excused_lowers: bool = False
    threshold_percent: int = DEFAULT_LOW_PERCENT

    @property
    def recorded(self) -> int:
        """The meetings counted: every one the person was expected at, whatever happened."""
        return self.present + self.absent + self.excused

    @property
    def counted(self) -> int:
        """The denominator of the rate (excused absences only when the organisation says they lower it)."""
        return self.present + self.absent + (self.excused if self.excused_lowers else 0)

    @property
    def value(self) -> float | None:
        return self.present / self.counted if self.counted else None

    @property
    def low(self) -> bool:
        return is_low(self.value, self.threshold_percent)


def _rate(counts: dict, rules: AttendanceRules) -> Rate:
    return Rate(counts.get(AttendanceStatus.PRESENT, 0), counts.get(AttendanceStatus.ABSENT, 0),
                counts.get(AttendanceStatus.EXCUSED, 0), rules.excused_lowers_rate, rules.threshold_percent)


def _expected(session, event_ids: list[int]):
    """(event id, participant id, status) of everybody expected at the meetings with recorded attendance:
    the enrolled (an unmarked one as absent) and whoever has a mark."""
    if not event_ids:
        return []
    marks = {(e, p): s for e, p, s in session.execute(
        select(Attendance.event_id, Attendance.participant_id, Attendance.status)
        .where(Attendance.event_id.in_(event_ids))).all()}
    recorded = {e for e, _p in marks}
    enrolled = session.execute(select(Enrolment.event_id, Enrolment.participant_id).where(
        Enrolment.event_id.in_(recorded), Enrolment.status == EnrolmentStatus.ENROLLED.value)).all() \
        if recorded else []
    expected = dict(marks)
    for key in enrolled:
        expected.setdefault(tuple(key), AttendanceStatus.ABSENT)
    return [(e, p, AttendanceStatus(s)) for (e, p), s in expected.items()]


def event_rate(db: Database, event_id: int, rules: AttendanceRules | None = None) -> Rate:
    rules = rules or attendance_rules(db)
    counts: dict = {}
    with db.reading() as session:
        for _event, _pid, status in _expected(session, [event_id]):
            counts[status] = counts.get(status, 0) + 1
    return _rate(counts, rules)


def series_rates(db: Database, series_id: int, rules: AttendanceRules | None = None) -> dict[int, tuple[str, Rate]]:
    """Per person expected at the series: (name, rate over the meetings with recorded attendance), in Polish
    alphabetical order."""
    rules = rules or attendance_rules(db)
    with db.reading() as session:
        meetings = list(session.scalars(select(Event.id).where(Event.series_id == series_id)))
        counts: dict[int, dict] = {}
        for _event, pid, status in _expected(session, meetings):
            person = counts.setdefault(pid, {})
            person[status] = person.get(status, 0) + 1
        people = session.execute(select(Participant.id, Participant.last_name, Participant.first_name,
                                        Participant.birth_date)
                                 .where(Participant.id.in_(list(counts)))
                                 .order_by(Participant.sort_key, Participant.id)).all()
    return {p.id: (f"{p.last_name} {p.first_name}", _rate(counts[p.id], rules)) for p in people}
