"""Volunteer agreements (porozumienia): recording, checking, numbering and reading them.

The agreement states the scope, manner and time of the work and how it ends (art. 44 of the act of
24 April 2003); it must be in writing when the work lasts more than 30 days, and a volunteer working
30 days or less must be insured against accidents (NNW); the volunteer is told about health and safety
risks (art. 46). An agreement with a minor needs the guardian's written consent; one with a person who
works with children needs the register check and the criminal-record certificate. Agreements are
numbered "W/rrrr/NNN"; saving or removing one attaches each logged day to the agreement covering it.

Each public function is one transaction; a refusal names the field in Polish and leaves nothing half-saved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields, replace
from decimal import Decimal

from sqlalchemy import func, select

from pal_desktop.domain import validation as rules
from pal_desktop.domain.volunteering import (
    FIELD_LABELS,
    WRITTEN_FORM_DAYS,
    Notice,
    _d,
    _decimal,
    agreement_days,
    agreement_state,
    check_valid_until,
    is_minor,
)
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import volunteer_act_rules
from pal_desktop.services.input_limits import extend_errors
from pal_desktop.services.volunteers import SaveResult, _conflict, _raise_first, _volunteer
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Volunteer, VolunteerAgreement, VolunteerHours

_NUMBER = re.compile(r"^W/(\d{4})/(\d+)$")


@dataclass(frozen=True)
class AgreementInput:
    volunteer_id: int
    start_date: dt.date | None
    end_date: dt.date | None
    number: str = ""
    signed_date: dt.date | None = None
    scope: str = ""
    manner: str = ""
    time_description: str = ""
    place: str = ""
    termination_terms: str = ""
    written_form: bool = True
    nnw_insurance: bool = False
    health_safety_date: dt.date | None = None
    programme_id: int | None = None
    #: The guardian's consent for a minor, kept on the volunteer's record (None leaves the record as it is).
    guardian_consent_date: dt.date | None = None
    #: Terms of the agreement by the act (services.volunteer_act_rules).
    travel_cost_waiver: bool = False
    reimbursed_costs: str = ""
    nnw_insurer: str = ""
    nnw_policy_number: str = ""
    nnw_from: dt.date | None = None
    nnw_to: dt.date | None = None


_AGREEMENT_COLUMNS = ("number", "signed_date", "start_date", "end_date", "scope", "manner", "time_description",
                      "place", "termination_terms", "written_form", "nnw_insurance", "health_safety_date",
                      "programme_id", "travel_cost_waiver", "reimbursed_costs", "nnw_insurer", "nnw_policy_number",
                      "nnw_from", "nnw_to")


@dataclass(frozen=True)
class AgreementDetail(AgreementInput):
    id: int = 0
    version: int = 1
    volunteer_name: str = ""
    hours: Decimal = Decimal(0)


@dataclass(frozen=True)
class AgreementRow:
    id: int
    number: str
    signed_date: dt.date | None
    start_date: dt.date
    end_date: dt.date
    scope: str
    written_form: bool
    nnw_insurance: bool
    health_safety_date: dt.date | None
    hours: Decimal
    state: str


#: Default texts of a new agreement (the form fills them in; the office edits them).
DEFAULT_MANNER = QT_TRANSLATE_NOOP("Volunteers", "osobiście, zgodnie ze wskazówkami koordynatora wolontariatu")
DEFAULT_TERMINATION = QT_TRANSLATE_NOOP(
    "Volunteers", "za porozumieniem stron w każdym czasie albo przez każdą ze stron z zachowaniem 7-dniowego "
                  "okresu wypowiedzenia, w formie pisemnej")


def _normalise_agreement(data: AgreementInput) -> AgreementInput:
    return replace(data, number=" ".join(data.number.split()), scope=data.scope.strip(), manner=data.manner.strip(),
                   time_description=data.time_description.strip(), place=" ".join(data.place.split()),
                   termination_terms=data.termination_terms.strip(), reimbursed_costs=data.reimbursed_costs.strip(),
                   nnw_insurer=" ".join(data.nnw_insurer.split()),
                   nnw_policy_number=" ".join(data.nnw_policy_number.split()))


def _agreement_errors(session, data: AgreementInput, volunteer: Volunteer, agreement_id: int | None,
                      today: dt.date) -> list[ValidationError]:
    errors: list[ValidationError] = []
    for name in ("start_date", "end_date"):
        if getattr(data, name) is None:
            errors.append(ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „{label}” nie może być puste."),
                                          field=name, label=FIELD_LABELS[name]))
    start, end = data.start_date, data.end_date
    if start and end and end < start:
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Porozumienie nie może kończyć się ({end}) wcześniej, niż się zaczyna ({start})."),
            field="end_date", start=_d(start), end=_d(end)))
    for name in ("scope", "manner", "time_description", "termination_terms"):
        if not getattr(data, name):
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pole „{label}” nie może być puste: porozumienie określa zakres, sposób i czas "
                              "świadczeń oraz sposób jego rozwiązania (art. 44 ustawy)."), field=name,
                label=FIELD_LABELS[name]))
    for name in ("signed_date", "health_safety_date"):
        value = getattr(data, name)
        if value is not None and value > today:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pole „{label}” nie może mieć daty z przyszłości ({value})."), field=name,
                label=FIELD_LABELS[name], value=_d(value)))
    if start and end and end >= start:
        days = agreement_days(start, end)
        if days > WRITTEN_FORM_DAYS and not data.written_form:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Porozumienie na {days} dni wymaga formy pisemnej: świadczenia trwające dłużej niż "
                              "30 dni wymagają porozumienia na piśmie (art. 44 ustawy)."), field="written_form",
                days=days))
        if days <= WRITTEN_FORM_DAYS and not data.nnw_insurance:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Wolontariusza wykonującego świadczenia nie dłużej niż 30 dni (tu: {days} dni) "
                              "trzeba ubezpieczyć od następstw nieszczęśliwych wypadków — zaznacz „Ubezpieczenie "
                              "NNW”."), field="nnw_insurance", days=days))
    if start:
        consent = data.guardian_consent_date or volunteer.guardian_consent_date
        if data.guardian_consent_date is not None and data.guardian_consent_date > today:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pole „{label}” nie może mieć daty z przyszłości ({value})."),
                field="guardian_consent_date", label=FIELD_LABELS["guardian_consent_date"],
                value=_d(data.guardian_consent_date)))
        if volunteer.birth_date is None:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Wpisz datę urodzenia wolontariusza w jego danych — bez niej nie wiadomo, czy "
                              "porozumienie wymaga zgody przedstawiciela ustawowego."), field="birth_date"))
        elif is_minor(volunteer.birth_date, start) and consent is None:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "{name} w dniu rozpoczęcia ({start}) będzie mieć {age} lat — porozumienie z osobą "
                              "niepełnoletnią wymaga pisemnej zgody przedstawiciela ustawowego; wpisz jej datę."),
                field="guardian_consent_date", name=f"{volunteer.first_name} {volunteer.last_name}",
                start=_d(start), age=rules.age_on(volunteer.birth_date, start)))
    if volunteer.works_with_children:
        missing = [label for label, value in (
            (FIELD_LABELS["register_check_date"], volunteer.register_check_date),
            (FIELD_LABELS["criminal_record_date"], volunteer.criminal_record_date)) if value is None]
        if missing:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Wolontariusz pracuje z dziećmi, a w jego danych brakuje: {missing}. Uzupełnij dane "
                              "wolontariusza przed zawarciem porozumienia."), field="works_with_children",
                missing="; ".join(missing)))
    if data.number:
        clash = session.scalar(select(VolunteerAgreement.id).where(VolunteerAgreement.number == data.number,
                                                                   VolunteerAgreement.id != (agreement_id or 0)))
        if clash is not None:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Porozumienie o numerze „{number}” już jest w ewidencji — zostaw pole puste, a numer "
                              "nada się sam."), field="number", number=data.number))
    errors += volunteer_act_rules.agreement_errors(data)
    return extend_errors(errors, VolunteerAgreement, data, FIELD_LABELS)  # lengths, control characters, dates


def _agreement_warnings(session, data: AgreementInput, volunteer: Volunteer,
                        agreement_id: int | None) -> list[Notice]:
    warnings = []
    if data.health_safety_date is None:
        warnings.append(Notice(QT_TRANSLATE_NOOP(
            "Volunteers", "Nie wpisano daty poinformowania wolontariusza o ryzyku dla zdrowia i zasadach BHP "
                          "(art. 46 ustawy).")))
    elif data.start_date and data.health_safety_date > data.start_date:
        warnings.append(Notice(QT_TRANSLATE_NOOP(
            "Volunteers", "Informację o ryzyku i zasadach BHP przekazano po rozpoczęciu świadczeń.")))
    if data.signed_date and data.start_date and data.signed_date > data.start_date:
        warnings.append(Notice(QT_TRANSLATE_NOOP("Volunteers", "Porozumienie podpisano po dniu rozpoczęcia "
                                                               "świadczeń.")))
    if volunteer.works_with_children and data.start_date:
        from pal_desktop.services.organisation import child_check_months_in

        months = child_check_months_in(session)
        for template, value in (
                (QT_TRANSLATE_NOOP("Volunteers", "Praca z dziećmi — sprawdzenie w rejestrze sprawców z dnia {date} "
                                                 "według polityki ośrodka trzeba powtórzyć przed rozpoczęciem "
                                                 "porozumienia."),
                 volunteer.register_check_date),
                (QT_TRANSLATE_NOOP("Volunteers", "Praca z dziećmi — informację z KRK z dnia {date} według "
                                                 "polityki ośrodka trzeba powtórzyć przed rozpoczęciem "
                                                 "porozumienia."),
                 volunteer.criminal_record_date)):
            if value is not None and check_valid_until(value, months) < data.start_date:
                warnings.append(Notice(template, {"date": _d(value)}))
    if data.start_date and data.end_date:
        overlap = session.scalar(select(VolunteerAgreement.number).where(
            VolunteerAgreement.volunteer_id == volunteer.id, VolunteerAgreement.id != (agreement_id or 0),
            VolunteerAgreement.start_date <= data.end_date, VolunteerAgreement.end_date >= data.start_date))
        if overlap is not None:
            warnings.append(Notice(QT_TRANSLATE_NOOP("Volunteers", "Okres pokrywa się z porozumieniem nr {number}."),
                                   {"number": overlap}))
    return warnings + volunteer_act_rules.agreement_warnings(data, volunteer)


def next_agreement_number(session, year: int) -> str:
    """ "W/rrrr/NNN": the next number of the year."""
    numbers = session.scalars(select(VolunteerAgreement.number).where(
        VolunteerAgreement.number.like(f"W/{year}/%"))).all()
    used = [int(m.group(2)) for m in map(_NUMBER.match, numbers) if m and int(m.group(1)) == year]
    return f"W/{year}/{(max(used, default=0) + 1):03d}"


def suggest_agreement_number(db: Database, year: int) -> str:
    with db.reading() as session:
        return next_agreement_number(session, year)


def _with_programme(db: Database, data: AgreementInput) -> AgreementInput:
    if data.programme_id is not None:
        return data
    from pal_desktop.services.programmes import active_programme

    active = active_programme(db)
    return replace(data, programme_id=active.id if active else None)


def _relink_hours(session, volunteer_id: int) -> int:
    """Attach each logged day to the agreement covering it; returns how many days no agreement covers."""
    session.flush()
    agreements = session.execute(select(VolunteerAgreement.id, VolunteerAgreement.start_date,
                                        VolunteerAgreement.end_date)
                                 .where(VolunteerAgreement.volunteer_id == volunteer_id)
                                 .order_by(VolunteerAgreement.start_date.desc(), VolunteerAgreement.id.desc())).all()
    outside = 0
    for entry in session.scalars(select(VolunteerHours).where(VolunteerHours.volunteer_id == volunteer_id)):
        covering = next((a.id for a in agreements if a.start_date <= entry.work_date <= a.end_date), None)
        if covering is None:
            outside += 1
        if entry.agreement_id != covering:
            entry.agreement_id = covering
    return outside


def _save_agreement(db: Database, data: AgreementInput, agreement_id: int | None, expected_version: int | None,
                    today: dt.date | None) -> SaveResult:
    today = today or dt.date.today()
    data = _with_programme(db, _normalise_agreement(data))
    with db.session() as session:
        volunteer = _volunteer(session, data.volunteer_id)
        agreement = None
        if agreement_id is not None:
            agreement = session.get(VolunteerAgreement, agreement_id)
            if agreement is None:
                raise _no_agreement(agreement_id)
            if expected_version is not None and agreement.version != expected_version:
                raise _conflict()
        _raise_first(_agreement_errors(session, data, volunteer, agreement_id, today))
        warnings = _agreement_warnings(session, data, volunteer, agreement_id)
        if not data.number:
            data = replace(data, number=next_agreement_number(session, (data.signed_date or data.start_date).year))
        if agreement is None:
            agreement = VolunteerAgreement(volunteer_id=volunteer.id)
            session.add(agreement)
        for name in _AGREEMENT_COLUMNS:
            setattr(agreement, name, getattr(data, name))
        if data.guardian_consent_date is not None and volunteer.guardian_consent_date != data.guardian_consent_date:
            volunteer.guardian_consent_date = data.guardian_consent_date
        outside = _relink_hours(session, volunteer.id)
        if outside:
            warnings.append(Notice(QT_TRANSLATE_NOOP(
                "Volunteers", "Wpisy godzin poza porozumieniami wolontariusza: {count} — sprawdź okresy porozumień."),
                {"count": outside}))
        session.flush()
        return SaveResult(agreement.id, agreement.version, tuple(warnings), agreement.number)


def validate_agreement(db: Database, data: AgreementInput, agreement_id: int | None = None, *,
                       today: dt.date | None = None) -> list[ValidationError]:
    """Every rule the agreement breaks (the form shows each beside its field)."""
    data = _normalise_agreement(data)
    with db.reading() as session:
        return _agreement_errors(session, data, _volunteer(session, data.volunteer_id), agreement_id,
                                 today or dt.date.today())


def create_agreement(db: Database, data: AgreementInput, *, today: dt.date | None = None) -> SaveResult:
    """Record an agreement (its number "W/rrrr/NNN" is given when left empty)."""
    return _save_agreement(db, data, None, None, today)


def update_agreement(db: Database, agreement_id: int, data: AgreementInput, *, expected_version: int | None = None,
                     today: dt.date | None = None) -> SaveResult:
    return _save_agreement(db, data, agreement_id, expected_version, today)


def delete_agreement(db: Database, agreement_id: int) -> int:
    """Remove an agreement; returns how many logged days no agreement covers afterwards."""
    with db.session() as session:
        agreement = session.get(VolunteerAgreement, agreement_id)
        if agreement is None:
            return 0
        volunteer_id = agreement.volunteer_id
        session.delete(agreement)
        return _relink_hours(session, volunteer_id)


def _no_agreement(agreement_id: int) -> NotFoundError:
    return NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma porozumienia o numerze {id}."), id=agreement_id)


def get_agreement(db: Database, agreement_id: int) -> AgreementDetail:
    with db.reading() as session:
        agreement = session.get(VolunteerAgreement, agreement_id)
        if agreement is None:
            raise _no_agreement(agreement_id)
        volunteer = agreement.volunteer
        hours = session.scalar(select(func.sum(VolunteerHours.hours)).where(
            VolunteerHours.agreement_id == agreement_id))
        return AgreementDetail(volunteer_id=agreement.volunteer_id,
                               **{name: getattr(agreement, name) for name in _AGREEMENT_COLUMNS},
                               guardian_consent_date=volunteer.guardian_consent_date, id=agreement.id,
                               version=agreement.version, volunteer_name=f"{volunteer.first_name} {volunteer.last_name}",
                               hours=_decimal(hours))


def agreement_as_input(detail: AgreementDetail) -> AgreementInput:
    return AgreementInput(**{f.name: getattr(detail, f.name) for f in fields(AgreementInput)})


def agreements_of(db: Database, volunteer_id: int, *, today: dt.date | None = None) -> list[AgreementRow]:
    today = today or dt.date.today()
    with db.reading() as session:
        hours = dict(session.execute(select(VolunteerHours.agreement_id, func.sum(VolunteerHours.hours))
                                     .where(VolunteerHours.volunteer_id == volunteer_id)
                                     .group_by(VolunteerHours.agreement_id)).all())
        agreements = session.scalars(select(VolunteerAgreement).where(VolunteerAgreement.volunteer_id == volunteer_id)
                                     .order_by(VolunteerAgreement.start_date, VolunteerAgreement.id))
        return [AgreementRow(a.id, a.number, a.signed_date, a.start_date, a.end_date, a.scope, a.written_form,
                             a.nnw_insurance, a.health_safety_date, _decimal(hours.get(a.id)),
                             agreement_state(a.start_date, a.end_date, today)) for a in agreements]


__all__ = [
    "DEFAULT_MANNER", "DEFAULT_TERMINATION", "AgreementDetail", "AgreementInput", "AgreementRow",
    "agreement_as_input", "agreements_of", "create_agreement", "delete_agreement", "get_agreement",
    "next_agreement_number", "suggest_agreement_number", "update_agreement", "validate_agreement",
]
