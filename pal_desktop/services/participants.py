"""The participant registry: register, validate, find, edit, and the duplicate checks.

Searching folds case and Polish letters (``search_text``), sorting follows the Polish alphabet
(``sort_key``), and both happen in SQL a page at a time, so the registry stays quick at 100,000 people.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace

from sqlalchemy import and_, func, or_, select

from pal_desktop.domain import validation as rules
from pal_desktop.domain.efs_dictionaries import (
    DETAILS_BY_STATUS,
    Citizenship,
    EndSituation,
    LabourDetail,
    Sl2014Fields,
)
from pal_desktop.domain.enums import (
    DisabilityDegree,
    Education,
    LabourStatus,
    ParticipantStatus,
    Sex,
    SupportReason,
    TriState,
)
from pal_desktop.domain.text import fold, participant_search_text, sort_key
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import households, participant_efs_checks, participant_limits
from pal_desktop.services.access_control import may_see_full_pesel
from pal_desktop.services.formatting import mask_pesel
from pal_desktop.services.participant_search import SORTABLE as SORTABLE
from pal_desktop.services.participant_search import ParticipantQuery as ParticipantQuery
from pal_desktop.services.participant_search import ParticipantRow as ParticipantRow
from pal_desktop.services.participant_search import _filtered as _filtered
from pal_desktop.services.participant_search import count_participants as count_participants
from pal_desktop.services.participant_search import search_participants as search_participants
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import AreaStreet, Participant, ParticipantReason

PAGE_SIZE = 200

#: Polish field names, as the form labels them (messages name fields with these).
FIELD_LABELS = {
    "first_name": QT_TRANSLATE_NOOP("Fields", "Imię"),
    "last_name": QT_TRANSLATE_NOOP("Fields", "Nazwisko"),
    "pesel": QT_TRANSLATE_NOOP("Fields", "PESEL"),
    "document_number": QT_TRANSLATE_NOOP("Fields", "Numer dokumentu"),
    "birth_date": QT_TRANSLATE_NOOP("Fields", "Data urodzenia"),
    "sex": QT_TRANSLATE_NOOP("Fields", "Płeć"),
    "street_name": QT_TRANSLATE_NOOP("Fields", "Ulica"),
    "outside_area_reason": QT_TRANSLATE_NOOP("Fields", "Uzasadnienie adresu spoza obszaru"),
    "house_number": QT_TRANSLATE_NOOP("Fields", "Nr domu"),
    "postal_code": QT_TRANSLATE_NOOP("Fields", "Kod pocztowy"),
    "city": QT_TRANSLATE_NOOP("Fields", "Miejscowość"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Telefon"),
    "email": QT_TRANSLATE_NOOP("Fields", "E-mail"),
    "disability_degree": QT_TRANSLATE_NOOP("Fields", "Stopień niepełnosprawności"),
    "start_date": QT_TRANSLATE_NOOP("Fields", "Data rozpoczęcia udziału"),
    "end_date": QT_TRANSLATE_NOOP("Fields", "Data zakończenia udziału"),
    "end_situation": QT_TRANSLATE_NOOP("Fields", "Sytuacja w chwili zakończenia"),
    "declaration_date": QT_TRANSLATE_NOOP("Fields", "Deklaracja uczestnictwa"),
    "data_protection_date": QT_TRANSLATE_NOOP("Fields", "Oświadczenie RODO"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
}


@dataclass(frozen=True)
class ParticipantInput(Sl2014Fields):
    """Everything the form (or an imported row) says about a participant."""

    first_name: str
    last_name: str
    programme_id: int | None = None
    status: ParticipantStatus = ParticipantStatus.CANDIDATE
    pesel: str = ""
    no_pesel: bool = False
    document_number: str = ""
    birth_date: dt.date | None = None
    sex: Sex | None = None
    street_id: int | None = None
    street_name: str = ""
    outside_area_reason: str = ""
    house_number: str = ""
    flat_number: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    education: Education | None = None
    labour_status: LabourStatus | None = None
    labour_status_detail: str = ""
    disability: TriState | None = None
    disability_degree: DisabilityDegree | None = None
    minority_or_foreign: TriState | None = None
    homeless: TriState | None = None
    other_disadvantage: TriState | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    end_situation: str = ""
    completed_as_planned: TriState | None = None
    declaration_date: dt.date | None = None
    data_protection_date: dt.date | None = None
    image_consent_date: dt.date | None = None
    individual_plan_date: dt.date | None = None
    notes: str = ""
    reasons: tuple[SupportReason, ...] = ()
    # The EU data set's dictionary fields (2021-2027's, and the "w tym" and end situation of both periods).
    labour_detail: LabourDetail | None = None
    end_situation_code: EndSituation | None = None
    citizenship: Citizenship | None = None
    foreign_origin: TriState | None = None
    third_country_citizen: TriState | None = None
    minority: TriState | None = None
    planned_education_end: dt.date | None = None
    business_start_date: dt.date | None = None
    technical_id: str = ""


#: ParticipantInput fields stored as they are on the Participant row.
_COLUMN_FIELDS = tuple(f.name for f in fields(ParticipantInput) if f.name not in ("reasons",))


@dataclass(frozen=True)
class ParticipantDetail(ParticipantInput):
    id: int = 0
    version: int = 1
    created_at: dt.datetime | None = None
    created_by: str = ""
    updated_at: dt.datetime | None = None
    updated_by: str = ""


@dataclass(frozen=True)
class DuplicateHint:
    """An existing participant that looks like the one being entered."""

    id: int
    name: str
    pesel: str
    birth_date: dt.date | None
    same_pesel: bool


@dataclass(frozen=True)
class SaveResult:
    id: int
    version: int
    warnings: tuple[str, ...] = ()


# ---- Validation ----------------------------------------------------------------------------------------


class DatabaseFacts:
    """The two things validation asks the database: who has this PESEL, and is this street in the area.

    The import answers them from data fetched once per file instead (participant_import._Known has the same
    two methods), so both run exactly the same rules in ``collect_errors``.
    """

    def __init__(self, session) -> None:
        self.session = session

    def pesel_owner(self, pesel: str, other_than: int | None) -> int | None:
        return self.session.scalar(select(Participant.id).where(Participant.pesel == pesel,
                                                                Participant.id != (other_than or 0)))

    def street_in_area(self, programme_id: int | None, street_id: int | None, street_name: str) -> bool:
        if street_id is not None:
            return self.session.scalar(select(AreaStreet.id).where(
                AreaStreet.id == street_id, AreaStreet.programme_id == programme_id)) is not None
        if not street_name:
            return True
        wanted = fold(street_name).removeprefix("ul. ")
        names = self.session.scalars(select(AreaStreet.name).where(AreaStreet.programme_id == programme_id)).all()
        return any(fold(name).removeprefix("ul. ") == wanted for name in names) or not names


def normalise(data: ParticipantInput) -> ParticipantInput:
    """Trimmed text; birth date and sex taken from a valid PESEL when the form left them empty."""
    values = {}
    for f in fields(ParticipantInput):
        value = getattr(data, f.name)
        if type(value) is str:  # not the StrEnum members
            value = " ".join(value.split()) if f.name not in ("notes", "end_situation") else value.strip()
        values[f.name] = value
    values["reasons"] = tuple(dict.fromkeys(data.reasons))
    return ParticipantInput(**values)


def collect_errors(session, data: ParticipantInput, participant_id: int | None = None, *,
                   facts=None) -> list[ValidationError]:
    """Every rule the input breaks (the form shows each beside its field).

    ``facts`` answers the database questions (DatabaseFacts on ``session`` unless given).
    """
    facts = facts or DatabaseFacts(session)
    errors: list[ValidationError] = []

    def attempt(check, *args, **kwargs):
        try:
            return check(*args, **kwargs)
        except ValidationError as error:
            errors.append(error)
            return None

    attempt(rules.check_required, data.first_name, "first_name", FIELD_LABELS["first_name"])
    attempt(rules.check_required, data.last_name, "last_name", FIELD_LABELS["last_name"])
    if data.no_pesel:
        if data.pesel:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Zaznaczono „brak PESEL”, a pole PESEL jest wypełnione — wybierz jedno."),
                field="pesel"))
        if not data.document_number:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Osoba bez numeru PESEL musi mieć podany numer dokumentu tożsamości."),
                field="document_number"))
        if data.birth_date is None:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Osoba bez numeru PESEL musi mieć podaną datę urodzenia."), field="birth_date"))
    elif not data.pesel:
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „PESEL” nie może być puste — wpisz numer albo zaznacz „brak PESEL”."), field="pesel"))
    else:
        checked = attempt(rules.check_pesel, data.pesel)
        if checked:
            number, birth, sex = checked
            if data.birth_date and data.birth_date != birth:
                errors.append(ValidationError(QT_TRANSLATE_NOOP(
                    "Validation", "Data urodzenia {given} nie zgadza się z numerem PESEL ({from_pesel})."),
                    field="birth_date", given=data.birth_date.strftime("%d.%m.%Y"),
                    from_pesel=birth.strftime("%d.%m.%Y")))
            if data.sex and data.sex != sex:
                errors.append(ValidationError(QT_TRANSLATE_NOOP(
                    "Validation", "Płeć nie zgadza się z numerem PESEL (według PESEL: {sex})."), field="sex",
                    sex=sex.label))
            existing = facts.pesel_owner(number, participant_id)
            if existing is not None:
                errors.append(ValidationError(QT_TRANSLATE_NOOP(
                    "Validation", "Osoba z numerem PESEL {pesel} jest już w rejestrze."), field="pesel",
                    pesel=number, existing_id=existing))
    # Lengths, control characters, a birth date from 1900 to today, no start before the programme's.
    errors.extend(participant_limits.limit_errors(facts, data, FIELD_LABELS))
    attempt(rules.check_postal_code, data.postal_code)
    attempt(rules.check_email, data.email)
    attempt(rules.check_phone, data.phone)
    if not facts.street_in_area(data.programme_id, data.street_id, data.street_name) \
            and not data.outside_area_reason:
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Ulica „{street}” nie należy do obszaru rewitalizacji — podaj uzasadnienie."),
            field="outside_area_reason", street=data.street_name))
    if data.disability_degree and data.disability != TriState.YES:
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Stopień niepełnosprawności podaje się tylko dla osoby z niepełnosprawnością."),
            field="disability_degree"))
    if data.labour_detail and (data.labour_status is None
                               or data.labour_detail not in DETAILS_BY_STATUS[data.labour_status]):
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „W tym” ({detail}) nie pasuje do statusu na rynku pracy."), field="labour_detail",
            detail=data.labour_detail.label))
    errors.extend(participant_efs_checks.sl2014_errors(data))
    attempt(rules.check_dates_in_order, data.start_date, data.end_date, field="end_date",
            start_label=FIELD_LABELS["start_date"], end_label=FIELD_LABELS["end_date"])
    if data.status in (ParticipantStatus.ACTIVE, ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT):
        for name in ("declaration_date", "data_protection_date"):
            if getattr(data, name) is None:
                errors.append(ValidationError(QT_TRANSLATE_NOOP(
                    "Validation", "Uczestnik nie może mieć statusu „{status}” bez daty podpisania: „{document}”."),
                    field=name, status=data.status.label, document=FIELD_LABELS[name]))
        if data.start_date is None:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pole „{label}” jest wymagane dla statusu „{status}”."), field="start_date",
                label=FIELD_LABELS["start_date"], status=data.status.label))
    if data.status in (ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT) and data.end_date is None:
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „{label}” jest wymagane dla statusu „{status}”."), field="end_date",
            label=FIELD_LABELS["end_date"], status=data.status.label))
    if data.end_date and data.status in (ParticipantStatus.CANDIDATE, ParticipantStatus.ACTIVE):
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Osoba z datą zakończenia udziału musi mieć status „zakończył” albo „przerwał”."),
            field="status"))
    for name in ("declaration_date", "data_protection_date", "start_date", "end_date"):
        value = getattr(data, name)
        if value and value > dt.date.today() + dt.timedelta(days=366):
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pole „{label}” ma datę zbyt odległą w przyszłości ({value})."), field=name,
                label=FIELD_LABELS.get(name, name), value=value.strftime("%d.%m.%Y")))
    return errors


def _with_programme(db: Database, data: ParticipantInput) -> ParticipantInput:
    """New people join the active programme unless the input names one."""
    if data.programme_id is not None:
        return data
    from pal_desktop.services.programmes import active_programme

    active = active_programme(db)
    if active is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Najpierw utwórz program."), field="programme")
    return replace(data, programme_id=active.id)


def validate(db: Database, data: ParticipantInput, participant_id: int | None = None) -> list[ValidationError]:
    data = normalise(data)
    if participant_id is None:
        data = _with_programme(db, data)
    with db.reading() as session:
        if data.programme_id is None:
            data = replace(data, programme_id=session.scalar(select(Participant.programme_id)
                                                             .where(Participant.id == participant_id)))
        return collect_errors(session, data, participant_id)


def _complete(data: ParticipantInput) -> ParticipantInput:
    """Birth date and sex from the PESEL, where the form left them empty."""
    if data.pesel and not data.no_pesel:
        number, birth, sex = rules.check_pesel(data.pesel)
        return replace(data, pesel=number, birth_date=data.birth_date or birth, sex=data.sex or sex)
    return data


def find_duplicates(db: Database, data: ParticipantInput, participant_id: int | None = None) -> list[DuplicateHint]:
    """People already registered with the same PESEL, or the same name and birth date."""
    data = normalise(data)
    conditions = []
    if data.pesel:
        conditions.append(Participant.pesel == data.pesel)
    birth = data.birth_date
    if birth is None and data.pesel and not data.no_pesel:
        try:
            birth = rules.check_pesel(data.pesel)[1]
        except ValidationError:
            birth = None
    if birth and data.first_name and data.last_name:
        conditions.append(and_(Participant.birth_date == birth,
                               Participant.sort_key == sort_key(data.last_name, data.first_name)))
    if not conditions:
        return []
    with db.reading() as session:
        rows = session.execute(select(Participant.id, Participant.first_name, Participant.last_name,
                                      Participant.pesel, Participant.birth_date)
                               .where(or_(*conditions), Participant.id != (participant_id or 0))
                               .limit(20)).all()
    return [DuplicateHint(r.id, f"{r.first_name} {r.last_name}", r.pesel or "", r.birth_date,
                          bool(data.pesel) and r.pesel == data.pesel) for r in rows]


# ---- Writing -----------------------------------------------------------------------------------------


def _apply(participant: Participant, data: ParticipantInput) -> None:
    for name in _COLUMN_FIELDS:
        value = getattr(data, name)
        if name == "pesel":
            value = value or None
        setattr(participant, name, value)
    street = data.street_name
    participant.search_text = participant_search_text(data.first_name, data.last_name, data.pesel or None, street)
    participant.sort_key = sort_key(data.last_name, data.first_name)
    households.follow_participant(participant)
    wanted = set(data.reasons)
    for reason in list(participant.reasons):
        if reason.reason not in wanted:
            participant.reasons.remove(reason)
    present = {r.reason for r in participant.reasons}
    for reason in data.reasons:
        if reason not in present:
            participant.reasons.append(ParticipantReason(reason=reason))


def _warnings(session, data: ParticipantInput, participant_id: int | None) -> tuple[str, ...]:
    warnings = []
    if data.birth_date and data.first_name and data.last_name:
        same = session.scalar(select(func.count()).select_from(Participant).where(
            Participant.birth_date == data.birth_date, Participant.sort_key == sort_key(data.last_name, data.first_name),
            Participant.id != (participant_id or 0)))
        if same:
            warnings.append(QT_TRANSLATE_NOOP(
                "Validation", "W rejestrze jest już osoba o tym samym imieniu, nazwisku i dacie urodzenia."))
    if data.street_name and data.outside_area_reason:
        warnings.append(QT_TRANSLATE_NOOP("Validation", "Adres spoza obszaru rewitalizacji (podano uzasadnienie)."))
    return tuple(warnings)


def _raise_first(errors: list[ValidationError]) -> None:
    if errors:
        raise errors[0]


def create_participant(db: Database, data: ParticipantInput) -> SaveResult:
    """Register a participant (one transaction); ValidationError names the first field at fault."""
    data = _with_programme(db, normalise(data))
    with db.session() as session:
        _raise_first(collect_errors(session, data))
        data = _complete(data)
        participant = Participant(programme_id=data.programme_id, first_name=data.first_name,
                                  last_name=data.last_name)
        _apply(participant, data)
        session.add(participant)
        session.flush()
        return SaveResult(participant.id, participant.version, _warnings(session, data, participant.id))


def update_participant(db: Database, participant_id: int, data: ParticipantInput,
                       expected_version: int | None = None) -> SaveResult:
    """Save changes; with ``expected_version`` a concurrent edit by someone else is refused."""
    data = normalise(data)
    with db.session() as session:
        participant = session.get(Participant, participant_id)
        if participant is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma uczestnika o numerze {id}."), id=participant_id)
        if participant.anonymised_at is not None:  # what was removed for good is not typed back in
            from pal_desktop.services.formatting import format_date

            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Dane uczestnika nr {id} zanonimizowano {when}; nie można ich zmieniać."),
                id=participant_id, when=format_date(participant.anonymised_at.date()))
        if data.programme_id is None:
            data = replace(data, programme_id=participant.programme_id)
        if expected_version is not None and participant.version != expected_version:
            from pal_desktop.errors import ConflictError

            raise ConflictError(QT_TRANSLATE_NOOP(
                "Errors", "Ktoś inny zmienił ten rekord w międzyczasie. Odśwież widok i wprowadź zmianę ponownie; "
                          "nic nie zostało zapisane."))
        _raise_first(collect_errors(session, data, participant_id))
        data = _complete(data)
        _apply(participant, data)
        session.flush()
        return SaveResult(participant.id, participant.version, _warnings(session, data, participant_id))


def get_participant(db: Database, participant_id: int) -> ParticipantDetail:
    with db.reading() as session:
        participant = session.get(Participant, participant_id)
        if participant is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma uczestnika o numerze {id}."), id=participant_id)
        values = {name: getattr(participant, name) for name in _COLUMN_FIELDS}
        values["pesel"] = values["pesel"] or ""
        if values["pesel"] and not may_see_full_pesel(True):
            values["pesel"] = mask_pesel(values["pesel"])
        return ParticipantDetail(
            **values, reasons=tuple(sorted((r.reason for r in participant.reasons),
                                           key=list(SupportReason).index)),
            id=participant.id, version=participant.version, created_at=participant.created_at,
            created_by=participant.created_by, updated_at=participant.updated_at, updated_by=participant.updated_by)


def as_input(detail: ParticipantDetail) -> ParticipantInput:
    return ParticipantInput(**{f.name: getattr(detail, f.name) for f in fields(ParticipantInput)})


@dataclass(frozen=True)
class StreetOption:
    id: int
    name: str
    postal_code: str
    locality: str


def area_streets(db: Database, programme_id: int) -> list[StreetOption]:
    with db.reading() as session:
        streets = session.scalars(select(AreaStreet).where(AreaStreet.programme_id == programme_id))
        options = [StreetOption(s.id, s.name, s.postal_code, s.locality) for s in streets]
    return sorted(options, key=lambda s: sort_key(s.name))


def add_area_street(db: Database, programme_id: int, name: str, postal_code: str = "", locality: str = "") -> int:
    name = rules.check_required(name, "name", QT_TRANSLATE_NOOP("Fields", "Ulica"))
    postal_code = rules.check_postal_code(postal_code)
    with db.session() as session:
        existing = session.scalar(select(AreaStreet.id).where(AreaStreet.programme_id == programme_id,
                                                              AreaStreet.name == name,
                                                              AreaStreet.locality == locality.strip()))
        if existing is not None:
            return existing
        street = AreaStreet(programme_id=programme_id, name=name, postal_code=postal_code, locality=locality.strip())
        session.add(street)
        session.flush()
        return street.id


__all__ = [
    "FIELD_LABELS", "PAGE_SIZE", "DuplicateHint", "ParticipantDetail", "ParticipantInput", "ParticipantQuery",
    "ParticipantRow", "SaveResult", "StreetOption", "add_area_street", "area_streets", "as_input",
    "count_participants", "create_participant", "find_duplicates", "get_participant", "search_participants",
    "update_participant", "validate",
]


def remove_area_street(db: Database, street_id: int) -> int:
    """Take a street off the area list; participants living there keep their address (returns how many)."""
    with db.session() as session:
        street = session.get(AreaStreet, street_id)
        if street is None:
            return 0
        living = session.scalar(select(func.count()).select_from(Participant)
                                .where(Participant.street_id == street_id)) or 0
        session.delete(street)  # participant.street_id is set to NULL by the foreign key; street_name stays
        return living
