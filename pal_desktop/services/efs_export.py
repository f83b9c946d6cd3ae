"""The EU participant data set: one row per participant for the funder's monitoring system.

Two layouts with the same columns: SL2014 "PEFS" (2014-2020) as XLSX, and SM EFS (2021-2027) as CSV with
``;``, UTF-8 with a BOM and dates as rrrr-mm-dd. Only people who joined the project are reported (status
*uczestnik*, *zakończył* or *przerwał*; candidates and the reserve list are not participants yet).

Records are checked first: one that lacks what the data set requires (start date, education, the signed
declaration, a PESEL or a birth date...) is left out and listed with the reasons, and the rest are exported.

Where the participant's record does not say it, the values come from the settings shared by every PC
(table ``setting``), with the Kłobuck programme's values as defaults:

* ``efs.wojewodztwo`` — Województwo (default "śląskie"),
* ``efs.powiat`` — Powiat (default "kłobucki"),
* ``efs.gmina`` — Gmina (default: the programme's municipality without "Gmina ", e.g. "Kłobuck"),
* ``efs.degurba`` — DEGURBA, 1, 2 or 3 (default "2": Kłobuck is an intermediate-density area).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from pal_desktop.domain import validation as rules
from pal_desktop.domain.enums import ParticipantStatus, SupportStatus, TriState
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.progress import ProgressCallback, report
from pal_desktop.services.formatting import mask_pesel
from pal_desktop.services.participant_export import check_suffix, log_export, write_table
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Participant, Programme, Setting, SupportPathItem

SL2014, SMEFS = "sl2014", "smefs"
LAYOUTS = {SL2014: ".xlsx", SMEFS: ".csv"}
REPORTED_STATUSES = (ParticipantStatus.ACTIVE, ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT)

#: The data set's columns, in the funder's order.
EFS_COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Efs", "Kraj"),
    QT_TRANSLATE_NOOP("Efs", "Rodzaj uczestnika"),
    QT_TRANSLATE_NOOP("Efs", "Nazwa instytucji"),
    QT_TRANSLATE_NOOP("Efs", "Imię"),
    QT_TRANSLATE_NOOP("Efs", "Nazwisko"),
    QT_TRANSLATE_NOOP("Efs", "PESEL"),
    QT_TRANSLATE_NOOP("Efs", "Brak PESEL"),
    QT_TRANSLATE_NOOP("Efs", "Płeć"),
    QT_TRANSLATE_NOOP("Efs", "Wiek w chwili przystąpienia do projektu"),
    QT_TRANSLATE_NOOP("Efs", "Wykształcenie"),
    QT_TRANSLATE_NOOP("Efs", "Województwo"),
    QT_TRANSLATE_NOOP("Efs", "Powiat"),
    QT_TRANSLATE_NOOP("Efs", "Gmina"),
    QT_TRANSLATE_NOOP("Efs", "Miejscowość"),
    QT_TRANSLATE_NOOP("Efs", "Ulica"),
    QT_TRANSLATE_NOOP("Efs", "Nr budynku"),
    QT_TRANSLATE_NOOP("Efs", "Nr lokalu"),
    QT_TRANSLATE_NOOP("Efs", "Kod pocztowy"),
    QT_TRANSLATE_NOOP("Efs", "Obszar według stopnia urbanizacji (DEGURBA)"),
    QT_TRANSLATE_NOOP("Efs", "Telefon kontaktowy"),
    QT_TRANSLATE_NOOP("Efs", "Adres e-mail"),
    QT_TRANSLATE_NOOP("Efs", "Data rozpoczęcia udziału w projekcie"),
    QT_TRANSLATE_NOOP("Efs", "Data zakończenia udziału w projekcie"),
    QT_TRANSLATE_NOOP("Efs", "Status osoby na rynku pracy w chwili przystąpienia do projektu"),
    QT_TRANSLATE_NOOP("Efs", "W tym"),
    QT_TRANSLATE_NOOP("Efs", "Sytuacja osoby w momencie zakończenia udziału w projekcie"),
    QT_TRANSLATE_NOOP("Efs", "Zakończenie udziału osoby w projekcie zgodnie z zaplanowaną dla niej ścieżką "
                             "uczestnictwa"),
    QT_TRANSLATE_NOOP("Efs", "Rodzaj przyznanego wsparcia"),
    QT_TRANSLATE_NOOP("Efs", "Data rozpoczęcia udziału we wsparciu"),
    QT_TRANSLATE_NOOP("Efs", "Data zakończenia udziału we wsparciu"),
    QT_TRANSLATE_NOOP("Efs", "Osoba należąca do mniejszości narodowej lub etnicznej, migrant, osoba obcego "
                             "pochodzenia"),
    QT_TRANSLATE_NOOP("Efs", "Osoba bezdomna lub dotknięta wykluczeniem z dostępu do mieszkań"),
    QT_TRANSLATE_NOOP("Efs", "Osoba z niepełnosprawnościami"),
    QT_TRANSLATE_NOOP("Efs", "Osoba w innej niekorzystnej sytuacji społecznej"),
)
_WIDTHS = (8, 12, 14, 14, 18, 13, 8, 11, 10, 24, 12, 12, 12, 16, 20, 8, 8, 9, 12, 14, 24, 14, 14, 36, 16, 24, 14,
           30, 14, 14, 16, 16, 16, 16)

#: The settings that describe the area (see the module's docstring), with their defaults.
AREA_SETTINGS = {"voivodeship": ("efs.wojewodztwo", "śląskie"), "county": ("efs.powiat", "kłobucki"),
                 "municipality": ("efs.gmina", ""), "degurba": ("efs.degurba", "2")}
#: The special statuses, each answered Tak / Nie / Odmowa podania informacji.
_SPECIAL = (("minority_or_foreign", 30), ("homeless", 31), ("disability", 32), ("other_disadvantage", 33))


@dataclass(frozen=True)
class EfsArea:
    voivodeship: str
    county: str
    municipality: str
    degurba: str


@dataclass(frozen=True)
class EfsProblem:
    """A record left out of the data set, and why."""

    participant_id: int
    name: str
    pesel: str  # masked: the list may be printed or shown on screen
    reasons: tuple[str, ...]

    def text(self) -> str:
        return f"{self.name} (nr {self.participant_id}): " + "; ".join(self.reasons)


@dataclass(frozen=True)
class EfsReport:
    path: Path
    layout: str
    exported: int
    left_out: list[EfsProblem] = field(default_factory=list)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def area_for(db: Database, programme_id: int) -> EfsArea:
    """Województwo, powiat, gmina and DEGURBA of the programme's area (settings, else the defaults)."""
    keys = [key for key, _ in AREA_SETTINGS.values()]
    with db.reading() as session:
        programme = session.get(Programme, programme_id)
        if programme is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma programu o numerze {id}."), id=programme_id)
        stored = dict(session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(keys))).all())
        municipality = programme.municipality
    values = {name: (stored.get(key) or "").strip() or default for name, (key, default) in AREA_SETTINGS.items()}
    if not values["municipality"]:
        values["municipality"] = municipality.removeprefix("Gmina ").removeprefix("gmina ").strip()
    return EfsArea(**values)


def save_area(db: Database, area: EfsArea) -> None:
    """Keep the area's values for every PC (empty municipality: taken from the programme)."""
    if area.degurba.strip() not in ("1", "2", "3"):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „DEGURBA” musi mieć wartość 1, 2 albo 3 (wpisano: „{value}”)."), field="degurba",
            value=area.degurba)
    with db.session() as session:
        for name, (key, _) in AREA_SETTINGS.items():
            value = getattr(area, name).strip()
            setting = session.scalar(select(Setting).where(Setting.key == key))
            if setting is None:
                session.add(Setting(key=key, value=value))
            elif setting.value != value:
                setting.value = value


def _problems(p: Participant) -> list[str]:
    """What the data set needs and this record lacks (Polish, each naming the field)."""
    missing: list[str] = []
    if not p.pesel and p.birth_date is None:
        missing.append(QT_TRANSLATE_NOOP("Efs", "brak numeru PESEL i daty urodzenia (nie można podać wieku)"))
    if p.sex is None:
        missing.append(QT_TRANSLATE_NOOP("Efs", "brak płci"))
    if p.start_date is None:
        missing.append(QT_TRANSLATE_NOOP("Efs", "brak daty rozpoczęcia udziału w projekcie"))
    if p.declaration_date is None:
        missing.append(QT_TRANSLATE_NOOP("Efs", "brak daty podpisania deklaracji uczestnictwa"))
    if p.education is None:
        missing.append(QT_TRANSLATE_NOOP("Efs", "brak wykształcenia"))
    if p.labour_status is None:
        missing.append(QT_TRANSLATE_NOOP("Efs", "brak statusu na rynku pracy"))
    if not p.city:
        missing.append(QT_TRANSLATE_NOOP("Efs", "brak miejscowości"))
    if not p.postal_code:
        missing.append(QT_TRANSLATE_NOOP("Efs", "brak kodu pocztowego"))
    if p.status in (ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT) and p.end_date is None:
        missing.append(QT_TRANSLATE_NOOP("Efs", "brak daty zakończenia udziału w projekcie"))
    for name, column in _SPECIAL:
        if getattr(p, name) is None:
            missing.append(QT_TRANSLATE_NOOP("Efs", "brak odpowiedzi w polu „{column}”").format(column=EFS_COLUMNS[column]))
    return missing


def _support(items: list[SupportPathItem]) -> tuple[str, dt.date | None, dt.date | None]:
    """Forms of support received, the first start and the last end (none while one is still going on).

    If nothing has started yet, the planned forms are reported, with their planned dates.
    """
    received = [i for i in items if i.status != SupportStatus.PLANNED]
    if not received:
        starts = [i.planned_start for i in items if i.planned_start]
        ends = [i.planned_end for i in items if i.planned_end]
        ongoing = False
    else:
        starts = [d for d in (i.given_start or i.planned_start for i in received) if d]
        ends = [i.given_end for i in received if i.given_end]
        ongoing = any(i.given_end is None for i in received)
    forms = list(dict.fromkeys(i.form for i in (received or items)))
    return ", ".join(forms), (min(starts) if starts else None), (max(ends) if ends and not ongoing else None)


def _tri(value: TriState | None) -> str:
    return TriState(value).label if value else ""


def _row(p: Participant, area: EfsArea, items: list[SupportPathItem]) -> list[Any]:
    birth = p.birth_date
    if birth is None and p.pesel:
        birth = rules.check_pesel(p.pesel)[1]
    forms, support_start, support_end = _support(items)
    return [
        QT_TRANSLATE_NOOP("Efs", "Polska"), QT_TRANSLATE_NOOP("Efs", "Indywidualny"), "",
        p.first_name, p.last_name, p.pesel or "", _tri(TriState.NO if p.pesel else TriState.YES),
        _capitalised(p.sex.label) if p.sex else "", rules.age_on(birth, p.start_date),
        p.education.label if p.education else "",
        area.voivodeship, area.county, area.municipality, p.city, p.street_name.removeprefix("ul. "),
        p.house_number, p.flat_number, p.postal_code, area.degurba, p.phone, p.email,
        p.start_date, p.end_date, _capitalised(p.labour_status.label) if p.labour_status else "",
        p.labour_status_detail, p.end_situation, _tri(p.completed_as_planned),
        forms, support_start, support_end,
        _tri(p.minority_or_foreign), _tri(p.homeless), _tri(p.disability), _tri(p.other_disadvantage),
    ]


def collect_efs(db: Database, programme_id: int) -> tuple[list[list[Any]], list[EfsProblem]]:
    """The data set's rows, and the records left out with the reasons."""
    area = area_for(db, programme_id)
    rows: list[list[Any]] = []
    left_out: list[EfsProblem] = []
    with db.reading() as session:
        people = session.scalars(select(Participant).where(
            Participant.programme_id == programme_id,
            Participant.status.in_([s.value for s in REPORTED_STATUSES]),
            Participant.anonymised_at.is_(None)).order_by(Participant.sort_key, Participant.id)).all()
        items: dict[int, list[SupportPathItem]] = {}
        for item in session.scalars(select(SupportPathItem).where(SupportPathItem.participant_id.in_(
                select(Participant.id).where(Participant.programme_id == programme_id)))
                .order_by(SupportPathItem.planned_start, SupportPathItem.id)):
            items.setdefault(item.participant_id, []).append(item)
        for person in people:
            problems = _problems(person)
            if problems:
                left_out.append(EfsProblem(person.id, f"{person.last_name} {person.first_name}",
                                           mask_pesel(person.pesel), tuple(problems)))
                continue
            rows.append(_row(person, area, items.get(person.id, [])))
    return rows, left_out


def layout_for(path: Path, layout: str | None) -> str:
    """The layout asked for, or the one the file's suffix implies; refuses a suffix that does not fit."""
    suffix = Path(path).suffix.lower()
    if layout is None:
        check_suffix(Path(path), tuple(LAYOUTS.values()))
        return SMEFS if suffix == ".csv" else SL2014
    if layout not in LAYOUTS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Efs", "Nieznany układ danych „{layout}” (dozwolone: sl2014, smefs)."), field="layout", layout=layout)
    if suffix != LAYOUTS[layout]:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Efs", "Układ {layout} zapisuje plik {suffix} — zmień rozszerzenie pliku „{name}”."), field="path",
            layout="SL2014" if layout == SL2014 else "SM EFS", suffix=LAYOUTS[layout], name=Path(path).name)
    return layout


def export_efs(db: Database, programme_id: int, path: Path | str, layout: str | None = SL2014, *,
               progress: ProgressCallback | None = None) -> EfsReport:
    """Write the data set of a programme's participants; records that cannot be exported are listed."""
    path = Path(path)
    layout = layout_for(path, layout)
    report(progress, 0, 0)
    rows, left_out = collect_efs(db, programme_id)
    if layout == SMEFS:
        count = write_table(path, EFS_COLUMNS, rows, date_format="%Y-%m-%d", progress=progress)
    else:
        count = write_table(path, EFS_COLUMNS, rows, date_format="%Y-%m-%d", sheet_title="PEFS", widths=_WIDTHS,
                            progress=progress)
    log_export(db, "efs_export", path, count, layout=layout, left_out=len(left_out))
    return EfsReport(path, layout, count, left_out)


__all__ = ["EFS_COLUMNS", "EfsArea", "EfsProblem", "EfsReport", "area_for", "collect_efs", "export_efs",
           "layout_for", "save_area"]
