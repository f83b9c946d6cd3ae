"""What the funder's system would reject, checked before the participant data set is written.

Each problem names the record and the data set's column, so the office can fix the record before the
file goes out (the funder's import rejects a whole file, or silently skips the person, for any of them).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from pal_desktop.domain import efs_2021
from pal_desktop.domain import validation as rules
from pal_desktop.domain.efs_dictionaries import DETAILS_BY_STATUS, Citizenship, FundingPeriod
from pal_desktop.domain.enums import ParticipantStatus, SupportStatus, TriState
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.formatting import mask_pesel
from pal_desktop.services.participant_efs_checks import sl2014_errors
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Participant, SupportPathItem

COLUMNS_2014_SPECIAL = (
    ("minority_or_foreign", QT_TRANSLATE_NOOP("Efs", "Osoba należąca do mniejszości narodowej lub etnicznej, "
                                                     "migrant, osoba obcego pochodzenia")),
    ("homeless", QT_TRANSLATE_NOOP("Efs", "Osoba bezdomna lub dotknięta wykluczeniem z dostępu do mieszkań")),
    ("disability", QT_TRANSLATE_NOOP("Efs", "Osoba z niepełnosprawnościami")),
    ("other_disadvantage", QT_TRANSLATE_NOOP("Efs", "Osoba w innej niekorzystnej sytuacji społecznej")),
)
COLUMNS_2021_SPECIAL = (
    ("foreign_origin", efs_2021.COLUMNS[27]),
    ("third_country_citizen", efs_2021.COLUMNS[28]),
    ("minority", efs_2021.COLUMNS[29]),
    ("homeless", efs_2021.COLUMNS[30]),
    ("disability", efs_2021.COLUMNS[31]),
)


@dataclass(frozen=True)
class EfsIssue:
    """One field of one record the funder would reject; ``column`` is the data set's column."""

    participant_id: int
    name: str
    column: str
    message: str


@dataclass(frozen=True)
class EfsProblem:
    """A record left out of the data set, and why."""

    participant_id: int
    name: str
    pesel: str  # masked: the list may be printed or shown on screen
    reasons: tuple[str, ...]

    def text(self) -> str:
        return f"{self.name} (nr {self.participant_id}): " + "; ".join(self.reasons)


def received(items: list[SupportPathItem]) -> list[SupportPathItem]:
    """Forms of support that have started; a planned one, or one with no start, was not given."""
    return [i for i in items if i.status != SupportStatus.PLANNED and i.given_start is not None]


def _common(p: Participant) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    birth = birth_of(p)
    if not p.pesel and p.birth_date is None:
        found.append(("Wiek w chwili przystąpienia do projektu", QT_TRANSLATE_NOOP(
            "Efs", "brak numeru PESEL i daty urodzenia (nie można podać wieku)")))
    elif birth is None:
        found.append(("PESEL", QT_TRANSLATE_NOOP("Efs", "błędny numer PESEL (nie można podać wieku)")))
    elif p.start_date is not None and birth > p.start_date:
        found.append(("Wiek w chwili przystąpienia do projektu", QT_TRANSLATE_NOOP(
            "Efs", "data urodzenia późniejsza niż data rozpoczęcia udziału w projekcie")))
    if p.sex is None:
        found.append(("Płeć", QT_TRANSLATE_NOOP("Efs", "brak płci")))
    if p.start_date is None:
        found.append(("Data rozpoczęcia udziału w projekcie",
                      QT_TRANSLATE_NOOP("Efs", "brak daty rozpoczęcia udziału w projekcie")))
    if p.declaration_date is None:
        found.append(("Data rozpoczęcia udziału w projekcie",
                      QT_TRANSLATE_NOOP("Efs", "brak daty podpisania deklaracji uczestnictwa")))
    if p.education is None:
        found.append(("Wykształcenie", QT_TRANSLATE_NOOP("Efs", "brak wykształcenia")))
    if p.labour_status is None:
        found.append(("Status osoby na rynku pracy w chwili przystąpienia do projektu",
                      QT_TRANSLATE_NOOP("Efs", "brak statusu na rynku pracy")))
    if not p.city:
        found.append(("Miejscowość", QT_TRANSLATE_NOOP("Efs", "brak miejscowości")))
    if not p.postal_code:
        found.append(("Kod pocztowy", QT_TRANSLATE_NOOP("Efs", "brak kodu pocztowego")))
    if p.status in (ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT) and p.end_date is None:
        found.append(("Data zakończenia udziału w projekcie",
                      QT_TRANSLATE_NOOP("Efs", "brak daty zakończenia udziału w projekcie")))
    return found


def _unanswered(p: Participant, specials) -> list[tuple[str, str]]:
    return [(column, QT_TRANSLATE_NOOP("Efs", "brak odpowiedzi w polu „{column}”").format(column=column))
            for name, column in specials if getattr(p, name) is None]


def problems_2014(p: Participant) -> list[tuple[str, str]]:
    """(column, Polish reason) for what SL2014 would reject in this record."""
    found = _common(p) + _unanswered(p, COLUMNS_2014_SPECIAL)
    if p.labour_detail is not None and p.labour_status is not None \
            and p.labour_detail not in DETAILS_BY_STATUS[p.labour_status]:
        found.append(("W tym", QT_TRANSLATE_NOOP("Efs", "„w tym” nie pasuje do statusu na rynku pracy")))
    return found + practitioner_problems(p)


#: The SL2014 column each field of the practitioner checks (services.participant_efs_checks) fills.
PRACTITIONER_COLUMNS = {
    "occupation": "Wykonywany zawód",
    "employed_at": "Zatrudniony w",
    "end_situation_code_2": "Sytuacja (2) osoby w momencie zakończenia udziału w projekcie",
    "business_grant": "Kwota przyznanych środków na założenie działalności gospodarczej",
    "business_pkd": "PKD założonej działalności gospodarczej",
    "business_start_date": "Data założenia działalności gospodarczej",
}


def practitioner_problems(p: Participant) -> list[tuple[str, str]]:
    """The form's own rules, for records stored before them or imported around the form."""
    return [(PRACTITIONER_COLUMNS[error.field], error.text()) for error in sl2014_errors(p)]


def problems_2021(p: Participant, items: list[SupportPathItem]) -> list[tuple[str, str]]:
    """(column, Polish reason) for what SM EFS would reject in this record."""
    found = _common(p)
    if not p.pesel and not p.document_number.strip():
        found.append(("PESEL/Inny identyfikator", QT_TRANSLATE_NOOP(
            "Efs", "brak numeru PESEL i innego identyfikatora (np. numeru dokumentu)")))
    if p.citizenship is None:
        found.append(("Obywatelstwo", QT_TRANSLATE_NOOP("Efs", "brak obywatelstwa")))
    found += _unanswered(p, COLUMNS_2021_SPECIAL)
    if not efs_2021.detail_fits(p.labour_status, p.labour_detail):
        found.append(("W tym", QT_TRANSLATE_NOOP(
            "Efs", "„w tym” nie pasuje do statusu na rynku pracy w słowniku 2021-2027")))
    if p.third_country_citizen == TriState.YES and p.citizenship in (Citizenship.POLISH, Citizenship.EU):
        found.append(("Obywatel państwa trzeciego", QT_TRANSLATE_NOOP(
            "Efs", "obywatel państwa trzeciego, a obywatelstwo polskie lub kraju UE")))
    if not received(items):
        found.append(("Zakres wsparcia", QT_TRANSLATE_NOOP(
            "Efs", "brak rozpoczętej formy wsparcia (zaplanowane formy nie są wsparciem udzielonym)")))
    return found


def reported_people(session, programme_id: int):
    return session.scalars(select(Participant).where(
        Participant.programme_id == programme_id,
        Participant.status.in_([s.value for s in (ParticipantStatus.ACTIVE, ParticipantStatus.COMPLETED,
                                                  ParticipantStatus.DROPPED_OUT)]),
        Participant.anonymised_at.is_(None)).order_by(Participant.sort_key, Participant.id)).all()


#: Who is in the registry but has not joined the programme, and why that leaves them out of the data set.
NOT_JOINED = {
    ParticipantStatus.CANDIDATE: QT_TRANSLATE_NOOP(
        "Efs", "kandydat: nie przystąpił jeszcze do programu (gdy przystąpi, zmień status na „uczestnik” i podaj "
               "datę rozpoczęcia udziału)"),
    ParticipantStatus.RESERVE: QT_TRANSLATE_NOOP(
        "Efs", "lista rezerwowa: nie przystąpił jeszcze do programu (gdy przystąpi, zmień status na „uczestnik” "
               "i podaj datę rozpoczęcia udziału)"),
}


def not_joined_people(session, programme_id: int) -> list[EfsProblem]:
    """Candidates and people on the reserve list: in the registry, not (yet) in the funder's data set."""
    people = session.scalars(select(Participant).where(
        Participant.programme_id == programme_id, Participant.status.in_([s.value for s in NOT_JOINED]),
        Participant.anonymised_at.is_(None)).order_by(Participant.sort_key, Participant.id)).all()
    return [EfsProblem(p.id, f"{p.last_name} {p.first_name}", mask_pesel(p.pesel), (NOT_JOINED[p.status],))
            for p in people]


def support_items(session, programme_id: int) -> dict[int, list[SupportPathItem]]:
    items: dict[int, list[SupportPathItem]] = {}
    for item in session.scalars(select(SupportPathItem).where(SupportPathItem.participant_id.in_(
            select(Participant.id).where(Participant.programme_id == programme_id)))
            .order_by(SupportPathItem.given_start, SupportPathItem.planned_start, SupportPathItem.id)):
        items.setdefault(item.participant_id, []).append(item)
    return items


def problems_for(period: FundingPeriod, p: Participant, items: list[SupportPathItem]) -> list[tuple[str, str]]:
    return problems_2021(p, items) if period == FundingPeriod.P2021_2027 else problems_2014(p)


def validation_report(db: Database, programme_id: int, period: FundingPeriod) -> list[EfsIssue]:
    """Every record and field the funder's system would reject, in the registry's order."""
    issues: list[EfsIssue] = []
    with db.reading() as session:
        items = support_items(session, programme_id)
        for p in reported_people(session, programme_id):
            name = f"{p.last_name} {p.first_name}"
            issues += [EfsIssue(p.id, name, column, message)
                       for column, message in problems_for(period, p, items.get(p.id, []))]
    return issues


def left_out(p: Participant, problems: list[tuple[str, str]]) -> EfsProblem:
    return EfsProblem(p.id, f"{p.last_name} {p.first_name}", mask_pesel(p.pesel),
                      tuple(message for _, message in problems))


@dataclass(frozen=True)
class UnmappedText:
    """Free text typed before the dictionaries that no dictionary value was found for."""

    participant_id: int
    name: str
    field: str
    text: str


def unmapped_free_text(db: Database, programme_id: int) -> list[UnmappedText]:
    """People whose typed "w tym" or end situation has no dictionary value yet: to be chosen by hand."""
    found: list[UnmappedText] = []
    with db.reading() as session:
        for p in session.scalars(select(Participant).where(
                Participant.programme_id == programme_id, Participant.anonymised_at.is_(None),
                or_(Participant.labour_status_detail != "", Participant.end_situation != ""))
                .order_by(Participant.sort_key, Participant.id)):
            name = f"{p.last_name} {p.first_name}"
            if p.labour_status_detail.strip() and p.labour_detail is None:
                found.append(UnmappedText(p.id, name, QT_TRANSLATE_NOOP("Efs", "W tym"), p.labour_status_detail))
            if p.end_situation.strip() and p.end_situation_code is None:
                found.append(UnmappedText(p.id, name, QT_TRANSLATE_NOOP(
                    "Efs", "Sytuacja osoby w momencie zakończenia udziału w projekcie"), p.end_situation))
    return found


def birth_of(p: Participant):
    if p.birth_date is None and p.pesel:
        try:
            return rules.check_pesel(p.pesel)[1]
        except ValidationError:
            return None
    return p.birth_date


__all__ = ["EfsIssue", "EfsProblem", "NOT_JOINED", "UnmappedText", "not_joined_people", "problems_2014", "problems_2021", "received",
           "unmapped_free_text", "validation_report"]
