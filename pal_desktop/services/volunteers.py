"""Volunteers (wolontariusze): the registry of people — their data, the rules it must keep, and the events
they led or helped at.

A volunteer's record keeps what the act of 24 April 2003 (art. 42-46) and the act of 13 May 2016 (art. 21)
ask about the person: the birth date (a minor needs the guardian's written consent) and, for work with
children, the dates of the register check and of the criminal-record certificate. The rules themselves are
in ``pal_desktop.domain.volunteering``; agreements, hours and the warnings have services of their own
(``volunteer_agreements``, ``volunteer_hours``, ``volunteer_alerts``).

Each public function is one transaction; a refusal names the field in Polish and leaves nothing half-saved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import select

from pal_desktop.domain import validation as rules
from pal_desktop.domain.volunteering import FIELD_LABELS, Notice, _d, check_warnings, is_minor
from pal_desktop.errors import ConflictError, NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.input_limits import extend_errors
from pal_desktop.services.organisation import child_check_months_in
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Event, EventStaff, Volunteer


@dataclass(frozen=True)
class VolunteerInput:
    first_name: str
    last_name: str
    birth_date: dt.date | None = None
    phone: str = ""
    email: str = ""
    address: str = ""
    skills: str = ""
    availability: str = ""
    works_with_children: bool = False
    register_check_date: dt.date | None = None
    criminal_record_date: dt.date | None = None
    #: The 20-year residence statement and the foreign records (services.child_protection; art. 21 ust. 4-7).
    residence_statement_date: dt.date | None = None
    foreign_countries: str = ""
    foreign_record_date: dt.date | None = None
    #: Kept for records before revision 0016; the waiver is a term of the agreement now.
    travel_cost_waiver: bool = False
    guardian_consent_date: dt.date | None = None
    active: bool = True
    notes: str = ""


_VOLUNTEER_FIELDS = tuple(f.name for f in fields(VolunteerInput))


@dataclass(frozen=True)
class VolunteerDetail(VolunteerInput):
    id: int = 0
    version: int = 1
    created_by: str = ""
    updated_by: str = ""
    updated_at: dt.datetime | None = None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class SaveResult:
    id: int
    version: int = 1
    warnings: tuple[Notice, ...] = ()
    number: str = ""


def _normalise_volunteer(data: VolunteerInput) -> VolunteerInput:
    values = {}
    for name in _VOLUNTEER_FIELDS:
        value = getattr(data, name)
        if isinstance(value, str):
            value = value.strip() if name in ("notes", "skills", "availability") else " ".join(value.split())
        values[name] = value
    return VolunteerInput(**values)


def volunteer_errors(data: VolunteerInput, today: dt.date | None = None) -> list[ValidationError]:
    """Every rule the volunteer's data break (the form shows each beside its field)."""
    today = today or dt.date.today()
    errors: list[ValidationError] = []

    def attempt(check, *args, **kwargs) -> None:
        try:
            check(*args, **kwargs)
        except ValidationError as error:
            errors.append(error)

    attempt(rules.check_required, data.first_name, "first_name", FIELD_LABELS["first_name"])
    attempt(rules.check_required, data.last_name, "last_name", FIELD_LABELS["last_name"])
    attempt(rules.check_phone, data.phone)
    attempt(rules.check_email, data.email)
    for name in ("birth_date", "register_check_date", "criminal_record_date", "guardian_consent_date",
                 "residence_statement_date", "foreign_record_date"):
        value = getattr(data, name)
        if value is not None and value > today:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pole „{label}” nie może mieć daty z przyszłości ({value})."), field=name,
                label=FIELD_LABELS[name], value=_d(value)))
    # No minimum age (the act sets none): a child under 13 is a warning (services.volunteer_act_rules).
    if is_minor(data.birth_date, today) and data.guardian_consent_date is None:
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Wolontariusz jest niepełnoletni ({age} lat) — wpisz datę pisemnej zgody przedstawiciela "
                          "ustawowego (rodzica lub opiekuna)."), field="guardian_consent_date",
            age=rules.age_on(data.birth_date, today)))
    if data.works_with_children:
        if data.register_check_date is None:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Osoba pracująca z dziećmi musi być sprawdzona w Rejestrze Sprawców Przestępstw na "
                              "Tle Seksualnym (art. 21 ustawy z 13 maja 2016 r.) — wpisz datę sprawdzenia."),
                field="register_check_date"))
        if data.criminal_record_date is None:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Osoba pracująca z dziećmi musi przedstawić informację z Krajowego Rejestru Karnego "
                              "(art. 21 ustawy z 13 maja 2016 r.) — wpisz datę zaświadczenia."),
                field="criminal_record_date"))
    return extend_errors(errors, Volunteer, data, FIELD_LABELS)  # lengths, control characters, dates from 1900


def _volunteer_warnings(data: VolunteerInput, today: dt.date, months: int = 12) -> tuple[Notice, ...]:
    from pal_desktop.services.volunteer_act_rules import is_under_13, under_13_notice

    notices = []
    if is_under_13(data.birth_date, today):
        notices.append(under_13_notice(f"{data.first_name} {data.last_name}", data.birth_date, today))
    if data.works_with_children:
        from pal_desktop.services.child_protection import foreign_notices

        notices += check_warnings(data.register_check_date, data.criminal_record_date, today, months)
        notices += foreign_notices(data)
    return tuple(notices)


def _raise_first(errors: list[ValidationError]) -> None:
    if errors:
        raise errors[0]


def _apply_volunteer(volunteer: Volunteer, data: VolunteerInput) -> None:
    for name in _VOLUNTEER_FIELDS:
        setattr(volunteer, name, getattr(data, name))


def validate_volunteer(data: VolunteerInput, today: dt.date | None = None) -> list[ValidationError]:
    return volunteer_errors(_normalise_volunteer(data), today)


def create_volunteer(db: Database, data: VolunteerInput, *, today: dt.date | None = None) -> SaveResult:
    today = today or dt.date.today()
    data = _normalise_volunteer(data)
    _raise_first(volunteer_errors(data, today))
    with db.session() as session:
        volunteer = Volunteer(first_name=data.first_name, last_name=data.last_name)
        _apply_volunteer(volunteer, data)
        session.add(volunteer)
        session.flush()
        return SaveResult(volunteer.id, volunteer.version,
                          _volunteer_warnings(data, today, child_check_months_in(session)))


def update_volunteer(db: Database, volunteer_id: int, data: VolunteerInput, *, expected_version: int | None = None,
                     today: dt.date | None = None) -> SaveResult:
    today = today or dt.date.today()
    data = _normalise_volunteer(data)
    _raise_first(volunteer_errors(data, today))
    with db.session() as session:
        volunteer = _volunteer(session, volunteer_id)
        if expected_version is not None and volunteer.version != expected_version:
            raise _conflict()
        _apply_volunteer(volunteer, data)
        session.flush()
        return SaveResult(volunteer.id, volunteer.version,
                          _volunteer_warnings(data, today, child_check_months_in(session)))


def delete_volunteer(db: Database, volunteer_id: int) -> None:
    """Remove a volunteer with their agreements and hours (events they led keep their other data)."""
    with db.session() as session:
        volunteer = session.get(Volunteer, volunteer_id)
        if volunteer is not None:
            session.delete(volunteer)


def get_volunteer(db: Database, volunteer_id: int) -> VolunteerDetail:
    with db.reading() as session:
        volunteer = _volunteer(session, volunteer_id)
        return VolunteerDetail(**{name: getattr(volunteer, name) for name in _VOLUNTEER_FIELDS}, id=volunteer.id,
                               version=volunteer.version, created_by=volunteer.created_by,
                               updated_by=volunteer.updated_by, updated_at=volunteer.updated_at)


def as_input(detail: VolunteerDetail) -> VolunteerInput:
    return VolunteerInput(**{name: getattr(detail, name) for name in _VOLUNTEER_FIELDS})


def _volunteer(session, volunteer_id: int) -> Volunteer:
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma wolontariusza o numerze {id}."), id=volunteer_id)
    return volunteer


def _conflict() -> ConflictError:
    return ConflictError(QT_TRANSLATE_NOOP(
        "Errors", "Ktoś inny zmienił ten rekord w międzyczasie. Odśwież widok i wprowadź zmianę ponownie; "
                  "nic nie zostało zapisane."))


def staffed_events(db: Database, volunteer_id: int) -> list[tuple[dt.date, str, str]]:
    """(date, title, role) of the events the volunteer led or helped at."""
    with db.reading() as session:
        led = session.execute(select(Event.event_date, Event.title).where(Event.leader_volunteer_id == volunteer_id))
        helped = session.execute(select(Event.event_date, Event.title, EventStaff.role)
                                 .join(EventStaff, EventStaff.event_id == Event.id)
                                 .where(EventStaff.volunteer_id == volunteer_id))
        rows = [(d, t, "prowadzący") for d, t in led] + [(d, t, r or "pomoc") for d, t, r in helped]
    return sorted(rows)


__all__ = [
    "SaveResult", "VolunteerDetail", "VolunteerInput", "as_input", "create_volunteer", "delete_volunteer",
    "get_volunteer", "staffed_events", "update_volunteer", "validate_volunteer", "volunteer_errors",
]
