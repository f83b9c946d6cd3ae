"""Volunteers (wolontariusze): the registry, their agreements, the hours they work, and the warnings.

The rules come from the act of 24 April 2003 on public-benefit activity and volunteering (art. 42-46) and
the act of 13 May 2016 on counteracting sexual crime (art. 21):

* the agreement (porozumienie) states the scope, manner and time of the work and how it ends; it must be in
  writing when the work lasts more than 30 days; a volunteer working 30 days or less must be insured
  against accidents (NNW) by the organisation; the volunteer is told about health and safety risks;
* a minor volunteers with the written consent of a parent or guardian;
* whoever works with children is first checked in the sex-offender register and shows a criminal-record
  certificate; the office treats a check as valid for 12 months and warns 30 days before it runs out;
* hours are logged only within an agreement, at most 24 on one day; they make the certificate, the value of
  volunteer work (hours × the hourly rate of the settings) and the gala ranking.

Each public function is one transaction; a refusal names the field in Polish and leaves nothing half-saved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select

from pal_desktop.domain import validation as rules
from pal_desktop.domain.text import sort_key
from pal_desktop.errors import ConflictError, NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.formatting import format_date, format_money
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import (
    Event,
    EventStaff,
    ScheduleTask,
    Volunteer,
    VolunteerAgreement,
    VolunteerHours,
)

#: An agreement for more than this many days must be in writing; up to it the volunteer is insured (NNW).
WRITTEN_FORM_DAYS = 30
#: A register check and a criminal-record certificate are treated as valid for this many months.
CHECK_VALID_MONTHS = 12
#: Warn this many days before a check runs out.
CHECK_WARN_DAYS = 30
#: Warn about agreements ending within this many days.
AGREEMENT_WARN_DAYS = 14
MAX_DAY_HOURS = Decimal(24)
ADULT_AGE = 18
NO_RATE = QT_TRANSLATE_NOOP("Volunteers", "brak stawki w ustawieniach")
_NUMBER = re.compile(r"^W/(\d{4})/(\d+)$")

FIELD_LABELS = {
    "first_name": QT_TRANSLATE_NOOP("Fields", "Imię"),
    "last_name": QT_TRANSLATE_NOOP("Fields", "Nazwisko"),
    "birth_date": QT_TRANSLATE_NOOP("Fields", "Data urodzenia"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Telefon"),
    "email": QT_TRANSLATE_NOOP("Fields", "E-mail"),
    "register_check_date": QT_TRANSLATE_NOOP("Fields", "Sprawdzenie w Rejestrze Sprawców Przestępstw na Tle "
                                                      "Seksualnym"),
    "criminal_record_date": QT_TRANSLATE_NOOP("Fields", "Informacja z Krajowego Rejestru Karnego"),
    "guardian_consent_date": QT_TRANSLATE_NOOP("Fields", "Zgoda przedstawiciela ustawowego"),
    "number": QT_TRANSLATE_NOOP("Fields", "Numer porozumienia"),
    "signed_date": QT_TRANSLATE_NOOP("Fields", "Data zawarcia"),
    "start_date": QT_TRANSLATE_NOOP("Fields", "Początek"),
    "end_date": QT_TRANSLATE_NOOP("Fields", "Koniec"),
    "scope": QT_TRANSLATE_NOOP("Fields", "Zakres świadczeń"),
    "manner": QT_TRANSLATE_NOOP("Fields", "Sposób wykonywania"),
    "time_description": QT_TRANSLATE_NOOP("Fields", "Czas wykonywania"),
    "place": QT_TRANSLATE_NOOP("Fields", "Miejsce"),
    "termination_terms": QT_TRANSLATE_NOOP("Fields", "Rozwiązanie porozumienia"),
    "health_safety_date": QT_TRANSLATE_NOOP("Fields", "Informacja o ryzyku i zasadach BHP"),
    "work_date": QT_TRANSLATE_NOOP("Fields", "Data"),
    "hours": QT_TRANSLATE_NOOP("Fields", "Liczba godzin"),
    "activity": QT_TRANSLATE_NOOP("Fields", "Czynności"),
}


def _d(value: dt.date | None) -> str:
    return format_date(value)


def hours_text(value: Decimal | float | int | None) -> str:
    """12.50 -> "12,5"; 3 -> "3" (Polish decimal comma, no trailing zeros)."""
    if value is None:
        return "0"
    text = f"{Decimal(str(value)).quantize(Decimal('0.01')):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the last day of the month when it has fewer days)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError(day)  # pragma: no cover


def check_valid_until(checked_on: dt.date) -> dt.date:
    """The last day a register check or criminal-record certificate of ``checked_on`` is treated as valid."""
    return add_months(checked_on, CHECK_VALID_MONTHS) - dt.timedelta(days=1)


def agreement_days(start: dt.date, end: dt.date) -> int:
    """How many days the work lasts, both ends included."""
    return (end - start).days + 1


@dataclass(frozen=True)
class Notice:
    """A warning for the user: a Polish template (marked for translation) and the values for its placeholders.

    The UI translates ``template`` in ``context`` and fills it with ``params``; ``str()`` gives the Polish text.
    """

    template: str
    params: dict = field(default_factory=dict)
    context: str = "Volunteers"

    def text(self, template: str | None = None) -> str:
        try:
            return (template or self.template).format(**self.params)
        except (KeyError, IndexError, ValueError):
            return template or self.template

    def __str__(self) -> str:
        return self.text()


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


def work_value(hours: Decimal, rate: Decimal | None) -> Decimal | None:
    if rate is None:
        return None
    return (Decimal(hours) * rate).quantize(Decimal("0.01"))


def value_text(hours: Decimal, rate: Decimal | None) -> str:
    """ "437,50 zł", or "brak stawki w ustawieniach" when the settings give no hourly rate."""
    value = work_value(hours, rate)
    return NO_RATE if value is None else format_money(value)


# ---- Volunteers --------------------------------------------------------------------------------------


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


def is_minor(birth_date: dt.date | None, day: dt.date) -> bool:
    return birth_date is not None and rules.age_on(birth_date, day) < ADULT_AGE


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
    for name in ("birth_date", "register_check_date", "criminal_record_date", "guardian_consent_date"):
        value = getattr(data, name)
        if value is not None and value > today:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pole „{label}” nie może mieć daty z przyszłości ({value})."), field=name,
                label=FIELD_LABELS[name], value=_d(value)))
    if data.birth_date is not None and data.birth_date <= today and rules.age_on(data.birth_date, today) < 10:
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Data urodzenia {value} oznacza dziecko poniżej 10 lat — sprawdź, czy nie ma pomyłki."),
            field="birth_date", value=_d(data.birth_date)))
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
    return errors


_CHECK_NOTICES = {
    ("register", "missing"): QT_TRANSLATE_NOOP(
        "Volunteers", "Praca z dziećmi — brak sprawdzenia w Rejestrze Sprawców Przestępstw na Tle Seksualnym."),
    ("register", "expired"): QT_TRANSLATE_NOOP(
        "Volunteers", "Praca z dziećmi — sprawdzenie w rejestrze sprawców z dnia {date} jest nieaktualne od {since}."),
    ("register", "expiring"): QT_TRANSLATE_NOOP(
        "Volunteers", "Praca z dziećmi — sprawdzenie w rejestrze sprawców z dnia {date} jest ważne tylko do {until}."),
    ("record", "missing"): QT_TRANSLATE_NOOP(
        "Volunteers", "Praca z dziećmi — brak informacji z Krajowego Rejestru Karnego."),
    ("record", "expired"): QT_TRANSLATE_NOOP(
        "Volunteers", "Praca z dziećmi — informacja z KRK z dnia {date} jest nieaktualna od {since}."),
    ("record", "expiring"): QT_TRANSLATE_NOOP(
        "Volunteers", "Praca z dziećmi — informacja z KRK z dnia {date} jest ważna tylko do {until}."),
}


def check_state(checked_on: dt.date | None, today: dt.date) -> str:
    """ "missing", "expired", "expiring" (within 30 days) or "valid"."""
    if checked_on is None:
        return "missing"
    until = check_valid_until(checked_on)
    if until < today:
        return "expired"
    if (until - today).days < CHECK_WARN_DAYS:
        return "expiring"
    return "valid"


def check_warnings(register_check: dt.date | None, criminal_record: dt.date | None,
                   today: dt.date) -> list[Notice]:
    """Warnings about checks for work with children that are missing, out of date or about to be."""
    notices = []
    for which, value in (("register", register_check), ("record", criminal_record)):
        state = check_state(value, today)
        if state == "valid":
            continue
        params = {}
        if value is not None:
            until = check_valid_until(value)
            params = {"date": _d(value), "until": _d(until), "since": _d(until + dt.timedelta(days=1))}
        notices.append(Notice(_CHECK_NOTICES[(which, state)], params))
    return notices


def _volunteer_warnings(data: VolunteerInput, today: dt.date) -> tuple[Notice, ...]:
    if not data.works_with_children:
        return ()
    return tuple(check_warnings(data.register_check_date, data.criminal_record_date, today))


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
        return SaveResult(volunteer.id, volunteer.version, _volunteer_warnings(data, today))


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
        return SaveResult(volunteer.id, volunteer.version, _volunteer_warnings(data, today))


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


# ---- Agreements --------------------------------------------------------------------------------------


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


_AGREEMENT_COLUMNS = ("number", "signed_date", "start_date", "end_date", "scope", "manner", "time_description",
                      "place", "termination_terms", "written_form", "nnw_insurance", "health_safety_date",
                      "programme_id")


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
                   termination_terms=data.termination_terms.strip())


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
    return errors


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
        for template, value in (
                (QT_TRANSLATE_NOOP("Volunteers", "Praca z dziećmi — sprawdzenie w rejestrze sprawców z dnia {date} "
                                                 "nie będzie już aktualne w dniu rozpoczęcia porozumienia."),
                 volunteer.register_check_date),
                (QT_TRANSLATE_NOOP("Volunteers", "Praca z dziećmi — informacja z KRK z dnia {date} nie będzie już "
                                                 "aktualna w dniu rozpoczęcia porozumienia."),
                 volunteer.criminal_record_date)):
            if value is not None and check_valid_until(value) < data.start_date:
                warnings.append(Notice(template, {"date": _d(value)}))
    if data.start_date and data.end_date:
        overlap = session.scalar(select(VolunteerAgreement.number).where(
            VolunteerAgreement.volunteer_id == volunteer.id, VolunteerAgreement.id != (agreement_id or 0),
            VolunteerAgreement.start_date <= data.end_date, VolunteerAgreement.end_date >= data.start_date))
        if overlap is not None:
            warnings.append(Notice(QT_TRANSLATE_NOOP("Volunteers", "Okres pokrywa się z porozumieniem nr {number}."),
                                   {"number": overlap}))
    return warnings


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


def agreement_state(start: dt.date, end: dt.date, today: dt.date) -> str:
    """ "future", "current", "ending" (within 14 days) or "ended"."""
    if today < start:
        return "future"
    if today > end:
        return "ended"
    if (end - today).days <= AGREEMENT_WARN_DAYS:
        return "ending"
    return "current"


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


# ---- Hours -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HoursInput:
    volunteer_id: int
    work_date: dt.date | None
    hours: Decimal | str | float | int
    activity: str = ""
    task_id: int | None = None
    event_id: int | None = None


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


def _decimal(value) -> Decimal:
    if value is None:
        return Decimal("0.00")
    return Decimal(str(value)).quantize(Decimal("0.01"))


def parse_hours(value: Decimal | str | float | int | None) -> Decimal:
    """The number of hours typed ("2,5", "2.5", 2.5); ValidationError (field "hours") when impossible."""
    text = "" if value is None else str(value).strip().replace(",", ".").replace(" ", "")
    if not text:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „{label}” nie może być puste."), field="hours",
                              label=FIELD_LABELS["hours"])
    try:
        amount = Decimal(text)
        if not amount.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Liczba godzin musi być liczbą, np. 2,5 (wpisano: „{value}”)."), field="hours",
            value=str(value)) from None
    shown = str(value).strip()
    if amount < 0:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Liczba godzin nie może być ujemna (wpisano: „{value}”)."), field="hours", value=shown)
    if amount == 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Liczba godzin musi być większa od zera."),
                              field="hours")
    if amount > MAX_DAY_HOURS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Liczba godzin w jednym dniu nie może przekraczać 24 (wpisano: „{value}”)."),
            field="hours", value=shown)
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Podaj godziny z dokładnością do setnych części, np. 1,25 (wpisano: „{value}”)."),
            field="hours", value=shown)
    return amount.quantize(Decimal("0.01"))


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
    if len(data.activity.strip()) > 300:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „{label}” może mieć najwyżej 300 znaków."), field="activity",
            label=FIELD_LABELS["activity"])
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


def update_hours(db: Database, hours_id: int, data: HoursInput, *, today: dt.date | None = None) -> None:
    today = today or dt.date.today()
    with db.session() as session:
        entry = session.get(VolunteerHours, hours_id)
        if entry is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma wpisu godzin o numerze {id}."), id=hours_id)
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
                          entry.event_id)


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


def totals(rows: list[HoursRow], rate: Decimal | None) -> HoursTotals:
    total = sum((r.hours for r in rows), Decimal("0.00"))
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
        total=total, days=len({r.work_date for r in rows}), value=work_value(total, rate),
        value_text=value_text(total, rate),
        per_month=[(f"{month:02d}.{year}", months[(year, month)]) for year, month in sorted(months)],
        per_task=[(name, tasks[name]) for name in sorted(tasks, key=task_order)])


def hours_totals(db: Database, volunteer_id: int, date_from: dt.date | None = None,
                 date_to: dt.date | None = None) -> HoursTotals:
    """Totals of a volunteer: all hours, per month and per task, and their value at the settings' rate."""
    return totals(hours_of(db, volunteer_id, date_from, date_to), hour_rate(db))


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


# ---- The list, the warnings and the period totals ------------------------------------------------------


@dataclass(frozen=True)
class Alert:
    volunteer_id: int
    #: "Nazwisko Imię".
    name: str
    #: "checks", "minor", "ending" or "outside".
    kind: str
    notice: Notice

    @property
    def text(self) -> str:
        return str(self.notice)


def volunteer_alerts(db: Database, *, today: dt.date | None = None) -> list[Alert]:
    """What needs attention: checks for work with children missing or (about to be) out of date, minors without
    the guardian's consent, agreements ending within 14 days, and hours logged outside any agreement."""
    today = today or dt.date.today()
    alerts: list[Alert] = []
    with db.reading() as session:
        volunteers = session.execute(select(
            Volunteer.id, Volunteer.first_name, Volunteer.last_name, Volunteer.birth_date,
            Volunteer.works_with_children, Volunteer.register_check_date, Volunteer.criminal_record_date,
            Volunteer.guardian_consent_date, Volunteer.active)).all()
        agreements: dict[int, list[tuple[dt.date, dt.date, str]]] = {}
        for a in session.execute(select(VolunteerAgreement.volunteer_id, VolunteerAgreement.start_date,
                                        VolunteerAgreement.end_date, VolunteerAgreement.number)):
            agreements.setdefault(a.volunteer_id, []).append((a.start_date, a.end_date, a.number))
        covered = select(VolunteerAgreement.id).where(
            VolunteerAgreement.volunteer_id == VolunteerHours.volunteer_id,
            VolunteerAgreement.start_date <= VolunteerHours.work_date,
            VolunteerAgreement.end_date >= VolunteerHours.work_date).exists()
        outside_rows = session.execute(select(VolunteerHours.volunteer_id, VolunteerHours.work_date,
                                              VolunteerHours.hours)
                                       .where(~covered).order_by(VolunteerHours.work_date, VolunteerHours.id)).all()
    names = {v.id: f"{v.last_name} {v.first_name}" for v in volunteers}
    for v in sorted(volunteers, key=lambda v: (sort_key(v.last_name, v.first_name), v.id)):
        own = agreements.get(v.id, [])
        working = any(end >= today for _, end, _ in own)
        if v.works_with_children and (v.active or working):
            for notice in check_warnings(v.register_check_date, v.criminal_record_date, today):
                alerts.append(Alert(v.id, names[v.id], "checks", notice))
        if v.birth_date and v.guardian_consent_date is None:
            if any(is_minor(v.birth_date, start) for start, _, _ in own):
                alerts.append(Alert(v.id, names[v.id], "minor", Notice(QT_TRANSLATE_NOOP(
                    "Volunteers", "Porozumienie z osobą niepełnoletnią bez daty zgody przedstawiciela ustawowego."))))
            elif is_minor(v.birth_date, today):
                alerts.append(Alert(v.id, names[v.id], "minor", Notice(QT_TRANSLATE_NOOP(
                    "Volunteers", "Osoba niepełnoletnia bez daty zgody przedstawiciela ustawowego."))))
        for _start, end, number in sorted(own):
            if today <= end <= today + dt.timedelta(days=AGREEMENT_WARN_DAYS):
                if any(s <= end + dt.timedelta(days=1) <= e for s, e, _ in own):
                    continue  # another agreement follows on
                days = (end - today).days
                if days == 0:
                    template = QT_TRANSLATE_NOOP("Volunteers", "Porozumienie nr {number} kończy się dziś ({date}).")
                elif days == 1:
                    template = QT_TRANSLATE_NOOP("Volunteers", "Porozumienie nr {number} kończy się jutro ({date}).")
                else:
                    template = QT_TRANSLATE_NOOP("Volunteers",
                                                 "Porozumienie nr {number} kończy się {date} (za {days} dni).")
                alerts.append(Alert(v.id, names[v.id], "ending",
                                    Notice(template, {"number": number, "date": _d(end), "days": days})))
    outside: dict[int, list[tuple[dt.date, Decimal]]] = {}
    for h in outside_rows:
        outside.setdefault(h.volunteer_id, []).append((h.work_date, _decimal(h.hours)))
    for vid in sorted(outside, key=lambda i: (sort_key(names.get(i, "")), i)):
        entries = outside[vid]
        days = ", ".join(_d(day) for day, _ in entries[:5]) + (" …" if len(entries) > 5 else "")
        total = sum((h for _, h in entries), Decimal(0))
        alerts.append(Alert(vid, names.get(vid, ""), "outside", Notice(QT_TRANSLATE_NOOP(
            "Volunteers", "Godziny poza porozumieniem: {count} wpis(y), razem {hours} godz. ({days})."),
            {"count": len(entries), "hours": hours_text(total), "days": days})))
    return alerts


#: Short notes of the list's "Uwagi" column, per kind of warning (the full texts are in the tooltip).
SHORT_NOTES = {
    "checks": "KRK / rejestr sprawców",
    "minor": "zgoda opiekuna",
    "ending": "koniec porozumienia",
    "outside": "godziny poza porozumieniem",
}


def volunteer_rows(db: Database, *, today: dt.date | None = None) -> list[tuple]:
    """(id, Nazwisko, Imię, Telefon, Praca z dziećmi, Porozumienie do, Godziny łącznie, Uwagi, all warnings)
    in Polish alphabetical order; "Uwagi" names the kinds of warnings, the last element gives them in full."""
    return volunteer_list(db, today=today)[0]


def volunteer_list(db: Database, *, today: dt.date | None = None) -> tuple[list[tuple], list[Alert]]:
    """The rows of ``volunteer_rows`` and the warnings of ``volunteer_alerts``, read once for the tab."""
    today = today or dt.date.today()
    alerts: dict[int, list[Alert]] = {}
    every_alert = volunteer_alerts(db, today=today)
    for alert in every_alert:
        alerts.setdefault(alert.volunteer_id, []).append(alert)
    with db.reading() as session:
        hours = dict(session.execute(select(VolunteerHours.volunteer_id, func.sum(VolunteerHours.hours))
                                     .group_by(VolunteerHours.volunteer_id)).all())
        agreement_end = dict(session.execute(select(VolunteerAgreement.volunteer_id,
                                                    func.max(VolunteerAgreement.end_date))
                                             .group_by(VolunteerAgreement.volunteer_id)).all())
        volunteers = session.execute(select(Volunteer.id, Volunteer.last_name, Volunteer.first_name, Volunteer.phone,
                                            Volunteer.works_with_children, Volunteer.active)).all()
    rows = []
    for v in sorted(volunteers, key=lambda v: (sort_key(v.last_name, v.first_name), v.id)):
        own = alerts.get(v.id, [])
        notes = list(dict.fromkeys(SHORT_NOTES[a.kind] for a in own))
        if not v.active:
            notes.insert(0, "nieaktywny")
        rows.append((v.id, v.last_name, v.first_name, v.phone, "tak" if v.works_with_children else "nie",
                     _d(agreement_end.get(v.id)), hours_text(hours.get(v.id)), "; ".join(notes),
                     "\n".join(a.text for a in own)))
    return rows, every_alert


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


def check_period(date_from: dt.date | None, date_to: dt.date | None) -> None:
    if date_from is None or date_to is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Podaj okres: datę początkową i końcową."),
                              field="date_from" if date_from is None else "date_to")
    if date_to < date_from:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Koniec okresu ({end}) nie może być wcześniejszy niż jego początek ({start})."),
            field="date_to", start=_d(date_from), end=_d(date_to))


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
    ordered = sorted(rows, key=lambda r: (-_decimal(r[3]), sort_key(r[2], r[1]), r[0]))
    result: list[PeriodHours] = []
    for index, (vid, first, last, total, days) in enumerate(ordered, start=1):
        total = _decimal(total)
        place = result[-1].place if result and result[-1].hours == total else index
        result.append(PeriodHours(vid, first, last, total, days, work_value(total, rate), place))
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
    "AGREEMENT_WARN_DAYS", "CHECK_VALID_MONTHS", "CHECK_WARN_DAYS", "DEFAULT_MANNER",
    "DEFAULT_TERMINATION", "FIELD_LABELS", "NO_RATE", "SHORT_NOTES", "WRITTEN_FORM_DAYS", "AgreementDetail", "AgreementInput",
    "AgreementRow", "Alert", "Choice", "Notice", "HoursInput", "HoursRow", "HoursTotals", "PeriodHours", "SaveResult",
    "VolunteerDetail", "VolunteerInput", "add_hours", "add_hours_many", "agreement_as_input", "agreement_days",
    "agreement_state", "agreements_of", "as_input", "check_state", "check_period", "check_valid_until", "create_agreement", "create_volunteer",
    "delete_agreement", "delete_hours", "delete_volunteer", "event_choices", "get_agreement", "get_hours",
    "get_volunteer", "hour_rate", "hours_months", "hours_of", "hours_text", "hours_totals", "is_minor",
    "next_agreement_number", "parse_hours", "period_hours", "period_month_totals", "period_task_totals", "staffed_events",
    "suggest_agreement_number", "task_choices", "totals", "update_agreement", "update_hours", "update_volunteer",
    "validate_agreement", "validate_volunteer", "value_text", "volunteer_alerts", "volunteer_list", "volunteer_rows", "work_value",
]
