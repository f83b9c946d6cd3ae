"""Local animators (animatorzy lokalni): residents, often participants, chosen to animate their community.

An animator belongs to a programme, may be linked to their participant record, has the date they were
chosen and a field of action (area, street, theme), leads local initiatives (title, dates, description,
people reached) and runs events (as the event's leader or as its staff). Each public function is one
transaction; a refusal names the field in Polish and leaves nothing half-saved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace

from sqlalchemy import func, or_, select

from pal_desktop.domain import validation as rules
from pal_desktop.domain.enums import AttendanceStatus
from pal_desktop.domain.text import sort_key
from pal_desktop.errors import ConflictError, NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import child_protection
from pal_desktop.services.conflicts import refuse_stale
from pal_desktop.services.formatting import format_date
from pal_desktop.services.input_limits import extend_errors
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import (
    Animator,
    AnimatorInitiative,
    Attendance,
    Event,
    EventStaff,
    Participant,
    Programme,
)

MAX_PEOPLE_REACHED = 100_000

FIELD_LABELS = {
    "first_name": QT_TRANSLATE_NOOP("Fields", "Imię"),
    "last_name": QT_TRANSLATE_NOOP("Fields", "Nazwisko"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Telefon"),
    "email": QT_TRANSLATE_NOOP("Fields", "E-mail"),
    "chosen_date": QT_TRANSLATE_NOOP("Fields", "Data wyboru"),
    "field": QT_TRANSLATE_NOOP("Fields", "Obszar działania"),
    "participant_id": QT_TRANSLATE_NOOP("Fields", "Uczestnik"),
    "title": QT_TRANSLATE_NOOP("Fields", "Tytuł inicjatywy"),
    "start_date": QT_TRANSLATE_NOOP("Fields", "Początek"),
    "end_date": QT_TRANSLATE_NOOP("Fields", "Koniec"),
    "people_reached": QT_TRANSLATE_NOOP("Fields", "Liczba osób objętych"),
    "active": QT_TRANSLATE_NOOP("Fields", "Aktywny"),
    "notes": QT_TRANSLATE_NOOP("Fields", "Uwagi"),
    "register_check_date": QT_TRANSLATE_NOOP("Fields", "Sprawdzenie w Rejestrze Sprawców Przestępstw na Tle "
                                                      "Seksualnym"),
    "criminal_record_date": QT_TRANSLATE_NOOP("Fields", "Informacja z Krajowego Rejestru Karnego"),
    "residence_statement_date": QT_TRANSLATE_NOOP("Fields", "Oświadczenie o krajach zamieszkania (20 lat)"),
    "foreign_countries": QT_TRANSLATE_NOOP("Fields", "Inne kraje zamieszkania"),
    "foreign_record_date": QT_TRANSLATE_NOOP("Fields", "Informacja z rejestrów karnych tych krajów"),
}


def _d(value: dt.date | None) -> str:
    return format_date(value)


def _conflict() -> ConflictError:
    return ConflictError(QT_TRANSLATE_NOOP(
        "Errors", "Ktoś inny zmienił ten rekord w międzyczasie. Odśwież widok i wprowadź zmianę ponownie; "
                  "nic nie zostało zapisane."))


# ---- Animators ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnimatorInput:
    first_name: str
    last_name: str
    programme_id: int | None = None
    participant_id: int | None = None
    phone: str = ""
    email: str = ""
    chosen_date: dt.date | None = None
    field: str = ""
    active: bool = True
    notes: str = ""
    #: The checks for leading events with children (services.child_protection; art. 21 of the 2016 act).
    register_check_date: dt.date | None = None
    criminal_record_date: dt.date | None = None
    residence_statement_date: dt.date | None = None
    foreign_countries: str = ""
    foreign_record_date: dt.date | None = None


_ANIMATOR_FIELDS = tuple(f.name for f in fields(AnimatorInput))


@dataclass(frozen=True)
class AnimatorDetail(AnimatorInput):
    id: int = 0
    version: int = 1
    #: "Nazwisko Imię" of the linked participant ("" when not linked).
    participant_name: str = ""

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def _normalise(data: AnimatorInput) -> AnimatorInput:
    return replace(data, first_name=" ".join(data.first_name.split()), last_name=" ".join(data.last_name.split()),
                   phone=" ".join(data.phone.split()), email=data.email.strip(), field=" ".join(data.field.split()),
                   notes=data.notes.strip(), foreign_countries=" ".join(data.foreign_countries.split()))


def _animator_errors(session, data: AnimatorInput, today: dt.date,
                     animator_id: int | None = None) -> list[ValidationError]:
    errors: list[ValidationError] = []

    def attempt(check, *args) -> None:
        try:
            check(*args)
        except ValidationError as error:
            errors.append(error)

    attempt(rules.check_required, data.first_name, "first_name", FIELD_LABELS["first_name"])
    attempt(rules.check_required, data.last_name, "last_name", FIELD_LABELS["last_name"])
    attempt(rules.check_phone, data.phone)
    attempt(rules.check_email, data.email)
    extend_errors(errors, Animator, data, FIELD_LABELS)  # lengths (field: 300) and control characters
    errors += child_protection.date_errors(data, today)
    programme = session.get(Programme, data.programme_id) if data.programme_id is not None else None
    if programme is None:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("Validation", "Najpierw utwórz program."), field="programme"))
    if data.chosen_date is not None:
        if data.chosen_date > today:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pole „{label}” nie może mieć daty z przyszłości ({value})."), field="chosen_date",
                label=FIELD_LABELS["chosen_date"], value=_d(data.chosen_date)))
        elif programme is not None and not programme.start_date <= data.chosen_date <= programme.end_date:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Data wyboru {date} jest poza okresem programu ({start} – {end})."), field="chosen_date",
                date=_d(data.chosen_date), start=_d(programme.start_date), end=_d(programme.end_date)))
    if data.participant_id is not None:
        person = session.get(Participant, data.participant_id)
        if person is None:
            errors.append(ValidationError(QT_TRANSLATE_NOOP("Validation", "Nie ma wybranego uczestnika w rejestrze."),
                                          field="participant_id"))
        elif programme is not None and person.programme_id != programme.id:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "{name} jest uczestnikiem innego programu."), field="participant_id",
                name=f"{person.first_name} {person.last_name}"))
        else:
            clash = session.scalar(select(Animator.id).where(Animator.participant_id == data.participant_id,
                                                             Animator.programme_id == data.programme_id,
                                                             Animator.id != (animator_id or 0)))
            if clash is not None:
                errors.append(ValidationError(QT_TRANSLATE_NOOP(
                    "Validation", "{name} jest już animatorem w tym programie."), field="participant_id",
                    name=f"{person.first_name} {person.last_name}"))
    return errors


def _programme_of(db: Database, data: AnimatorInput) -> AnimatorInput:
    if data.programme_id is not None:
        return data
    from pal_desktop.services.programmes import active_programme

    active = active_programme(db)
    return replace(data, programme_id=active.id if active else None)


def _apply(animator: Animator, data: AnimatorInput) -> None:
    for name in _ANIMATOR_FIELDS:
        setattr(animator, name, getattr(data, name))


def validate_animator(db: Database, data: AnimatorInput, animator_id: int | None = None, *,
                      today: dt.date | None = None) -> list[ValidationError]:
    data = _programme_of(db, _normalise(data))
    with db.reading() as session:
        return _animator_errors(session, data, today or dt.date.today(), animator_id)


def create_animator(db: Database, data: AnimatorInput, *, today: dt.date | None = None) -> int:
    data = _programme_of(db, _normalise(data))
    with db.session() as session:
        errors = _animator_errors(session, data, today or dt.date.today())
        if errors:
            raise errors[0]
        animator = Animator(programme_id=data.programme_id, first_name=data.first_name, last_name=data.last_name)
        _apply(animator, data)
        session.add(animator)
        session.flush()
        return animator.id


def update_animator(db: Database, animator_id: int, data: AnimatorInput, *, expected_version: int | None = None,
                    today: dt.date | None = None) -> None:
    data = _normalise(data)
    with db.session() as session:
        animator = _animator(session, animator_id)
        if expected_version is not None and animator.version != expected_version:
            raise _conflict()
        if data.programme_id is None:
            data = replace(data, programme_id=animator.programme_id)
        errors = _animator_errors(session, data, today or dt.date.today(), animator_id)
        if errors:
            raise errors[0]
        _apply(animator, data)


def delete_animator(db: Database, animator_id: int) -> None:
    """Remove an animator with their initiatives (events they led keep their other data)."""
    with db.session() as session:
        animator = session.get(Animator, animator_id)
        if animator is not None:
            session.delete(animator)


def _animator(session, animator_id: int) -> Animator:
    animator = session.get(Animator, animator_id)
    if animator is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma animatora o numerze {id}."), id=animator_id)
    return animator


def get_animator(db: Database, animator_id: int) -> AnimatorDetail:
    with db.reading() as session:
        animator = _animator(session, animator_id)
        person = session.get(Participant, animator.participant_id) if animator.participant_id else None
        return AnimatorDetail(**{name: getattr(animator, name) for name in _ANIMATOR_FIELDS}, id=animator.id,
                              version=animator.version,
                              participant_name=f"{person.last_name} {person.first_name}" if person else "")


def as_input(detail: AnimatorDetail) -> AnimatorInput:
    return AnimatorInput(**{name: getattr(detail, name) for name in _ANIMATOR_FIELDS})


@dataclass(frozen=True)
class PersonFacts:
    """What a participant's record gives a new animator: name and contact."""

    id: int
    first_name: str
    last_name: str
    phone: str
    email: str
    street: str


def participant_facts(db: Database, participant_id: int) -> PersonFacts:
    with db.reading() as session:
        person = session.get(Participant, participant_id)
        if person is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma uczestnika o numerze {id}."), id=participant_id)
        return PersonFacts(person.id, person.first_name, person.last_name, person.phone, person.email,
                           person.street_name)


def find_participants(db: Database, text: str, programme_id: int | None, limit: int = 30) -> list[tuple[int, str]]:
    """Participants to link an animator to: (id, "Nazwisko Imię — PESEL 850101•••••")."""
    if not text.strip():
        return []
    from pal_desktop.services.events import find_people

    return find_people(db, text, programme_id, limit)


# ---- Initiatives -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InitiativeInput:
    title: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    description: str = ""
    people_reached: int | None = None
    #: The version the form loaded (an edit of an initiative someone else saved since is refused).
    version: int | None = None


INITIATIVE_LABELS = {"title": "Tytuł", "start_date": "Od", "end_date": "Do", "description": "Opis",
                     "people_reached": "Liczba osób objętych"}


@dataclass(frozen=True)
class InitiativeRow:
    id: int
    title: str
    start_date: dt.date | None
    end_date: dt.date | None
    description: str
    people_reached: int | None
    version: int | None = None

    def as_input(self) -> InitiativeInput:
        return InitiativeInput(self.title, self.start_date, self.end_date, self.description, self.people_reached,
                               self.version)


def _initiative_errors(data: InitiativeInput) -> list[ValidationError]:
    errors: list[ValidationError] = []
    try:
        rules.check_required(data.title, "title", FIELD_LABELS["title"])
    except ValidationError as error:
        errors.append(error)
    extend_errors(errors, AnimatorInitiative, data, INITIATIVE_LABELS)  # lengths (title: 300), control characters
    if data.start_date and data.end_date and data.end_date < data.start_date:
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Inicjatywa nie może kończyć się ({end}) wcześniej, niż się zaczyna ({start})."),
            field="end_date", start=_d(data.start_date), end=_d(data.end_date)))
    if data.people_reached is not None and not 0 <= data.people_reached <= MAX_PEOPLE_REACHED:
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Liczba osób objętych inicjatywą musi być od 0 do 100 000 (wpisano: {value})."),
            field="people_reached", value=data.people_reached))
    return errors


def _clean_initiative(data: InitiativeInput) -> InitiativeInput:
    return replace(data, title=" ".join(data.title.split()), description=data.description.strip())


def parse_people(text: str) -> int | None:
    """The number of people typed ("45"); None when empty; ValidationError otherwise."""
    text = text.strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if not text.lstrip("-").isdigit():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Liczba osób objętych musi być liczbą całkowitą (wpisano: „{value}”)."),
            field="people_reached", value=text)
    return int(text)


def add_initiative(db: Database, animator_id: int, data: InitiativeInput) -> int:
    data = _clean_initiative(data)
    errors = _initiative_errors(data)
    if errors:
        raise errors[0]
    with db.session() as session:
        _animator(session, animator_id)
        initiative = AnimatorInitiative(animator_id=animator_id, title=data.title, start_date=data.start_date,
                                        end_date=data.end_date, description=data.description,
                                        people_reached=data.people_reached)
        session.add(initiative)
        session.flush()
        return initiative.id


def update_initiative(db: Database, initiative_id: int, data: InitiativeInput, *,
                      base: InitiativeInput | None = None) -> None:
    """Save an edit; ``base`` (the initiative as the form loaded it) refuses a stale one with what changed."""
    data = _clean_initiative(data)
    errors = _initiative_errors(data)
    if errors:
        raise errors[0]
    with db.session() as session:
        initiative = session.get(AnimatorInitiative, initiative_id)
        if initiative is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma inicjatywy o numerze {id}."), id=initiative_id)
        refuse_stale(initiative, base, data, INITIATIVE_LABELS)
        initiative.title, initiative.start_date, initiative.end_date = data.title, data.start_date, data.end_date
        initiative.description, initiative.people_reached = data.description, data.people_reached


def delete_initiative(db: Database, initiative_id: int) -> None:
    with db.session() as session:
        initiative = session.get(AnimatorInitiative, initiative_id)
        if initiative is not None:
            session.delete(initiative)


def initiatives_of(db: Database, animator_id: int) -> list[InitiativeRow]:
    with db.reading() as session:
        rows = session.scalars(select(AnimatorInitiative).where(AnimatorInitiative.animator_id == animator_id))
        result = [InitiativeRow(i.id, i.title, i.start_date, i.end_date, i.description, i.people_reached)
                  for i in rows]
    return sorted(result, key=lambda i: (i.start_date is None, i.start_date or dt.date.min, i.id))


def get_initiative(db: Database, initiative_id: int) -> InitiativeRow:
    with db.reading() as session:
        i = session.get(AnimatorInitiative, initiative_id)
        if i is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma inicjatywy o numerze {id}."), id=initiative_id)
        return InitiativeRow(i.id, i.title, i.start_date, i.end_date, i.description, i.people_reached, i.version)


# ---- Events run, and the summary -----------------------------------------------------------------------


@dataclass(frozen=True)
class AnimatorEvent:
    id: int
    event_date: dt.date
    title: str
    place: str
    #: "prowadzący" for the event's leader, else the staff role ("współprowadzący", "pomoc"...).
    role: str
    leader: bool
    present: int


def events_of(db: Database, animator_id: int) -> list[AnimatorEvent]:
    """The events the animator led (as the event's leader) or helped to run (as its staff), by date."""
    with db.reading() as session:
        roles = dict(session.execute(select(EventStaff.event_id, EventStaff.role)
                                     .where(EventStaff.animator_id == animator_id)).all())
        present = (select(func.count()).where(Attendance.event_id == Event.id,
                                               Attendance.status == AttendanceStatus.PRESENT.value)
                   .correlate(Event).scalar_subquery())
        rows = session.execute(
            select(Event.id, Event.event_date, Event.title, Event.place, Event.leader_animator_id,
                   present.label("present"))
            .where(or_(Event.leader_animator_id == animator_id, Event.id.in_(list(roles) or [0])))
            .order_by(Event.event_date, Event.start_time, Event.id)).all()
    result = []
    for r in rows:
        leader = r.leader_animator_id == animator_id
        role = "prowadzący" if leader else (roles.get(r.id) or "współprowadzący")
        result.append(AnimatorEvent(r.id, r.event_date, r.title, r.place, role, leader, r.present or 0))
    return result


@dataclass(frozen=True)
class AnimatorSummary:
    initiatives: int
    people_reached: int
    events_led: int
    events_helped: int
    present_at_events: int


def summary_of(db: Database, animator_id: int) -> AnimatorSummary:
    initiatives = initiatives_of(db, animator_id)
    events = events_of(db, animator_id)
    return AnimatorSummary(
        initiatives=len(initiatives), people_reached=sum(i.people_reached or 0 for i in initiatives),
        events_led=sum(1 for e in events if e.leader), events_helped=sum(1 for e in events if not e.leader),
        present_at_events=sum(e.present for e in events))


def animator_rows(db: Database, programme_id: int) -> list[tuple]:
    """(id, Nazwisko, Imię, Telefon, Obszar działania, Data wyboru, Inicjatywy, Osoby objęte, Wydarzenia,
    Uczestnik (True or None), Aktywny (bool)) of a programme in Polish alphabetical order; "Wydarzenia" counts the events led or
    co-run."""
    with db.reading() as session:
        animators = session.execute(select(Animator.id, Animator.last_name, Animator.first_name, Animator.phone,
                                           Animator.field, Animator.chosen_date, Animator.participant_id,
                                           Animator.active)
                                    .where(Animator.programme_id == programme_id)).all()
        ids = [a.id for a in animators] or [0]
        initiative_totals = {r[0]: (r[1], r[2] or 0) for r in session.execute(
            select(AnimatorInitiative.animator_id, func.count(), func.sum(AnimatorInitiative.people_reached))
            .where(AnimatorInitiative.animator_id.in_(ids)).group_by(AnimatorInitiative.animator_id))}
        led = session.execute(select(Event.leader_animator_id, Event.id)
                              .where(Event.leader_animator_id.in_(ids))).all()
        staffed = session.execute(select(EventStaff.animator_id, EventStaff.event_id)
                                  .where(EventStaff.animator_id.in_(ids))).all()
    events: dict[int, set[int]] = {}
    for animator_id, event_id in [*led, *staffed]:
        events.setdefault(animator_id, set()).add(event_id)
    rows = []
    for a in sorted(animators, key=lambda a: (sort_key(a.last_name, a.first_name), a.id)):
        count, reached = initiative_totals.get(a.id, (0, 0))
        rows.append((a.id, a.last_name, a.first_name, a.phone, a.field, _d(a.chosen_date), count, reached,
                     len(events.get(a.id, ())), True if a.participant_id else None, bool(a.active)))
    return rows


__all__ = [
    "FIELD_LABELS", "AnimatorDetail", "AnimatorEvent", "AnimatorInput", "AnimatorSummary", "InitiativeInput",
    "InitiativeRow", "PersonFacts", "add_initiative", "animator_rows", "as_input", "create_animator",
    "delete_animator", "delete_initiative", "events_of", "find_participants", "get_animator", "get_initiative",
    "initiatives_of", "parse_people", "participant_facts", "summary_of", "update_animator", "update_initiative",
    "validate_animator",
]
