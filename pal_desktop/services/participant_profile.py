"""Everything about one participant on one page: events and attendance, internships, cash assistance,
the individual support path, the signed documents, and the history of changes.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import or_, select

from pal_desktop.domain import validation as rules
from pal_desktop.domain.attendance_rate import DEFAULT_LOW_PERCENT, is_low
from pal_desktop.domain.enums import (
    AttendanceStatus,
    BenefitType,
    EnrolmentStatus,
    ParticipantStatus,
    SupportStatus,
)
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.access_control import may
from pal_desktop.services.access_log import VIEW, log_access
from pal_desktop.services.conflicts import refuse_stale
from pal_desktop.services.formatting import mask_pesel
from pal_desktop.services.input_limits import check_input
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import (
    Animator,
    Attendance,
    AuditEntry,
    CashAssistance,
    Enrolment,
    Event,
    EventType,
    Internship,
    Participant,
    SupportPathItem,
)

#: The documents a participant signs, in the order of the checklist.
DOCUMENTS = (
    ("declaration_date", QT_TRANSLATE_NOOP("Documents", "deklaracja uczestnictwa")),
    ("data_protection_date", QT_TRANSLATE_NOOP("Documents", "oświadczenie o przetwarzaniu danych osobowych")),
    ("image_consent_date", QT_TRANSLATE_NOOP("Documents", "zgoda na wykorzystanie wizerunku")),
    ("individual_plan_date", QT_TRANSLATE_NOOP("Documents", "indywidualny plan działania")),
)
#: The page's history shows changes of the record; who opened or printed it is in the access log.
CHANGE_ACTIONS = ("insert", "update", "delete")


@dataclass(frozen=True)
class EventLine:
    event_id: int
    date: dt.date
    title: str
    kind: str
    enrolment: EnrolmentStatus | None
    attendance: AttendanceStatus | None


@dataclass(frozen=True)
class InternshipLine:
    id: int
    employer: str
    position: str
    start: dt.date
    end: dt.date
    stipend: Decimal | None


@dataclass(frozen=True)
class CashLine:
    id: int
    benefit: BenefitType
    decision_number: str
    decision_date: dt.date | None
    amount: Decimal
    payment_date: dt.date | None


@dataclass(frozen=True)
class SupportLine:
    id: int
    form: str
    planned_start: dt.date | None
    planned_end: dt.date | None
    given_start: dt.date | None
    given_end: dt.date | None
    status: SupportStatus
    notes: str
    version: int | None = None


@dataclass(frozen=True)
class DocumentLine:
    field: str
    name: str
    signed_on: dt.date | None


@dataclass(frozen=True)
class HistoryLine:
    at: dt.datetime
    actor: str
    action: str
    changes: dict


@dataclass(frozen=True)
class Profile:
    id: int
    name: str
    status: ParticipantStatus
    events: list[EventLine]
    held: int
    present: int
    attendance_rate: float | None
    internships: list[InternshipLine]
    cash: list[CashLine]
    support_path: list[SupportLine]
    documents: list[DocumentLine]
    history: list[HistoryLine]
    animator: bool
    #: False when the signed-in role may not see cash assistance (then ``cash`` is empty).
    cash_visible: bool = True
    #: The office's threshold of a low attendance rate, in percent (services.attendance.attendance_rules).
    threshold_percent: int = DEFAULT_LOW_PERCENT

    @property
    def low_attendance(self) -> bool:
        return is_low(self.attendance_rate, self.threshold_percent)


def participant_profile(db: Database, participant_id: int, *, today: dt.date | None = None,
                        record_view: bool = True) -> Profile:
    """The person's page; opening it is logged (``record_view``: False when a printout logs it instead)."""
    today = today or dt.date.today()
    from pal_desktop.services.attendance import attendance_rules

    profile = replace(_load_profile(db, participant_id, today),
                      threshold_percent=attendance_rules(db).threshold_percent)
    if record_view:
        log_access(db, VIEW, "participant_page", [participant_id])
    return profile


def _load_profile(db: Database, participant_id: int, today: dt.date) -> Profile:
    with db.reading() as session:
        person = session.get(Participant, participant_id)
        if person is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma uczestnika o numerze {id}."), id=participant_id)
        enrolled = dict(session.execute(select(Enrolment.event_id, Enrolment.status)
                                        .where(Enrolment.participant_id == participant_id)).all())
        attended = dict(session.execute(select(Attendance.event_id, Attendance.status)
                                        .where(Attendance.participant_id == participant_id)).all())
        event_ids = set(enrolled) | set(attended)
        events = []
        if event_ids:
            rows = session.execute(select(Event.id, Event.event_date, Event.title, EventType.name)
                                   .outerjoin(EventType, EventType.id == Event.event_type_id)
                                   .where(Event.id.in_(event_ids)).order_by(Event.event_date, Event.id)).all()
            events = [EventLine(r.id, r.event_date, r.title, r.name or "",
                                EnrolmentStatus(enrolled[r.id]) if r.id in enrolled else None,
                                AttendanceStatus(attended[r.id]) if r.id in attended else None) for r in rows]
        held = [e for e in events if e.date <= today and (e.attendance is not None or
                                                          e.enrolment == EnrolmentStatus.ENROLLED)]
        present = sum(1 for e in held if e.attendance == AttendanceStatus.PRESENT)
        internships = [InternshipLine(i.id, i.employer_name, i.position_name, i.start_date, i.end_date,
                                      i.monthly_stipend)
                       for i in session.scalars(select(Internship).where(Internship.participant_id == participant_id)
                                                .order_by(Internship.start_date))]
        cash = [CashLine(c.id, c.benefit_type, c.decision_number, c.decision_date, c.amount, c.payment_date)
                for c in session.scalars(select(CashAssistance).where(CashAssistance.participant_id == participant_id)
                                         .order_by(CashAssistance.decision_date))] if may(Permission.CASH) else []
        path = [SupportLine(s.id, s.form, s.planned_start, s.planned_end, s.given_start, s.given_end, s.status,
                            s.notes, s.version) for s in person.support_path]
        documents = [DocumentLine(field, name, getattr(person, field)) for field, name in DOCUMENTS]
        history = [HistoryLine(a.at, a.actor, a.action, json.loads(a.changes) if a.changes else {})
                   for a in session.scalars(select(AuditEntry).where(AuditEntry.table_name == "participant",
                                                                     AuditEntry.action.in_(CHANGE_ACTIONS),
                                                                     AuditEntry.record_id == participant_id)
                                            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()))]
        is_animator = session.scalar(select(Animator.id).where(Animator.participant_id == participant_id)) is not None
        return Profile(person.id, f"{person.first_name} {person.last_name}", person.status, events, len(held), present,
                       present / len(held) if held else None, internships, cash, path, documents, history,
                       is_animator, may(Permission.CASH))


# ---- The individual support path ---------------------------------------------------------------------


@dataclass(frozen=True)
class SupportInput:
    form: str
    planned_start: dt.date | None = None
    planned_end: dt.date | None = None
    given_start: dt.date | None = None
    given_end: dt.date | None = None
    status: SupportStatus = SupportStatus.PLANNED
    notes: str = ""
    #: The version the form loaded (an edit of a row someone else saved since is refused).
    version: int | None = None


SUPPORT_LABELS = {
    "form": "Forma wsparcia", "planned_start": "Planowany początek", "planned_end": "Planowany koniec",
    "given_start": "Wsparcie udzielone od", "given_end": "Wsparcie udzielone do", "status": "Status", "notes": "Uwagi"}


def support_input_of(line: SupportLine) -> SupportInput:
    """What an edit form starts from: the line as shown, with its version."""
    return SupportInput(line.form, line.planned_start, line.planned_end, line.given_start, line.given_end,
                        line.status, line.notes, line.version)


def _check_support(data: SupportInput) -> None:
    rules.check_required(data.form, "form", QT_TRANSLATE_NOOP("Fields", "Forma wsparcia"))
    rules.check_dates_in_order(data.planned_start, data.planned_end, field="planned_end",
                               start_label=QT_TRANSLATE_NOOP("Fields", "Planowany początek"),
                               end_label=QT_TRANSLATE_NOOP("Fields", "Planowany koniec"))
    rules.check_dates_in_order(data.given_start, data.given_end, field="given_end",
                               start_label=QT_TRANSLATE_NOOP("Fields", "Początek wsparcia"),
                               end_label=QT_TRANSLATE_NOOP("Fields", "Koniec wsparcia"))
    if data.status == SupportStatus.GIVEN and data.given_start is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Zrealizowane wsparcie musi mieć datę rozpoczęcia."), field="given_start")
    check_input(SupportPathItem, data, SUPPORT_LABELS)  # lengths, control characters, dates from 1900


def add_support(db: Database, participant_id: int, data: SupportInput) -> int:
    _check_support(data)
    with db.session() as session:
        if session.get(Participant, participant_id) is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma uczestnika o numerze {id}."), id=participant_id)
        item = SupportPathItem(participant_id=participant_id, form=data.form.strip(),
                               planned_start=data.planned_start, planned_end=data.planned_end,
                               given_start=data.given_start, given_end=data.given_end, status=data.status,
                               notes=data.notes.strip())
        session.add(item)
        session.flush()
        return item.id


def update_support(db: Database, item_id: int, data: SupportInput, *, base: SupportInput | None = None) -> None:
    """Save an edit; ``base`` (the item as the form loaded it) refuses a stale one with what changed."""
    _check_support(data)
    with db.session() as session:
        item = session.get(SupportPathItem, item_id)
        if item is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma pozycji ścieżki o numerze {id}."), id=item_id)
        refuse_stale(item, base, data, SUPPORT_LABELS)
        for name in ("planned_start", "planned_end", "given_start", "given_end", "status"):
            setattr(item, name, getattr(data, name))
        item.form = data.form.strip()
        item.notes = data.notes.strip()


def remove_support(db: Database, item_id: int) -> None:
    with db.session() as session:
        item = session.get(SupportPathItem, item_id)
        if item is not None:
            session.delete(item)


# ---- Documents still missing, across the registry ----------------------------------------------------


@dataclass(frozen=True)
class MissingDocuments:
    participant_id: int
    name: str
    pesel: str
    status: ParticipantStatus
    missing: tuple[str, ...]


def missing_documents(db: Database, programme_id: int, *, limit: int = 5000) -> list[MissingDocuments]:
    """Candidates and participants with at least one document of the checklist not signed."""
    conditions = [getattr(Participant, field).is_(None) for field, _ in DOCUMENTS]
    with db.reading() as session:
        people = session.scalars(select(Participant).where(
            Participant.programme_id == programme_id,
            Participant.status.in_([ParticipantStatus.CANDIDATE.value, ParticipantStatus.ACTIVE.value]),
            or_(*conditions)).order_by(Participant.sort_key, Participant.id).limit(limit)).all()
        return [MissingDocuments(p.id, f"{p.last_name} {p.first_name}", mask_pesel(p.pesel), p.status,
                                 tuple(name for field, name in DOCUMENTS if getattr(p, field) is None))
                for p in people]
