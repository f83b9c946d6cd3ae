"""The EU participant data set for the funder's monitoring system, in the layout of the programme's period.

SL2014 "PEFS" (2014-2020) is an XLSX with one row per participant; SM EFS (2021-2027) is a CSV with ``;``,
UTF-8 with a BOM and dates as rrrr-mm-dd, its own columns (efs_2021) and one row per form of support
received. The programme's funding period chooses the layout; a programme without one takes the layout
asked for, or the file's suffix. Only people who joined the project are reported (status *uczestnik*,
*zakończył* or *przerwał*; candidates and the reserve list are not participants yet).

Records are checked first (efs_validation): one the funder's system would reject is left out and listed
with the reasons, and the rest are exported.

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

from pal_desktop.domain.efs_2021 import age_at_start
from pal_desktop.domain.efs_dictionaries import FundingPeriod
from pal_desktop.domain.enums import ParticipantStatus, TriState
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.progress import ProgressCallback, report
from pal_desktop.services import efs_export_2021
from pal_desktop.services.access_control import require
from pal_desktop.services.efs_validation import (
    EfsProblem,
    birth_of,
    left_out,
    not_joined_people,
    problems_for,
    received,
    reported_people,
    support_items,
)
from pal_desktop.services.participant_export import check_suffix, log_export, write_table
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Participant, Programme, Setting, SupportPathItem

SL2014, SMEFS = "sl2014", "smefs"
LAYOUTS = {SL2014: ".xlsx", SMEFS: ".csv"}
PERIOD_LAYOUTS = {FundingPeriod.P2014_2020: SL2014, FundingPeriod.P2021_2027: SMEFS}
LAYOUT_PERIODS = {layout: period for period, layout in PERIOD_LAYOUTS.items()}
LAYOUT_NAMES = {SL2014: "SL2014", SMEFS: "SM EFS"}
REPORTED_STATUSES = (ParticipantStatus.ACTIVE, ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT)

#: The 2014-2020 data set's columns, in the funder's order.
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
    QT_TRANSLATE_NOOP("Efs", "Wykonywany zawód"),
    QT_TRANSLATE_NOOP("Efs", "Zatrudniony w"),
    QT_TRANSLATE_NOOP("Efs", "Sytuacja (1) osoby w momencie zakończenia udziału w projekcie"),
    QT_TRANSLATE_NOOP("Efs", "Sytuacja (2) osoby w momencie zakończenia udziału w projekcie"),
    QT_TRANSLATE_NOOP("Efs", "Zakończenie udziału osoby w projekcie zgodnie z zaplanowaną dla niej ścieżką "
                             "uczestnictwa"),
    QT_TRANSLATE_NOOP("Efs", "Rodzaj przyznanego wsparcia"),
    QT_TRANSLATE_NOOP("Efs", "Data rozpoczęcia udziału we wsparciu"),
    QT_TRANSLATE_NOOP("Efs", "Data zakończenia udziału we wsparciu"),
    QT_TRANSLATE_NOOP("Efs", "Planowana data zakończenia edukacji w placówce edukacyjnej, w której skorzystano "
                             "ze wsparcia"),
    QT_TRANSLATE_NOOP("Efs", "Data założenia działalności gospodarczej"),
    QT_TRANSLATE_NOOP("Efs", "Kwota przyznanych środków na założenie działalności gospodarczej"),
    QT_TRANSLATE_NOOP("Efs", "PKD założonej działalności gospodarczej"),
    QT_TRANSLATE_NOOP("Efs", "Osoba należąca do mniejszości narodowej lub etnicznej, migrant, osoba obcego "
                             "pochodzenia"),
    QT_TRANSLATE_NOOP("Efs", "Osoba bezdomna lub dotknięta wykluczeniem z dostępu do mieszkań"),
    QT_TRANSLATE_NOOP("Efs", "Osoba z niepełnosprawnościami"),
    QT_TRANSLATE_NOOP("Efs", "Osoba w innej niekorzystnej sytuacji społecznej"),
)
_WIDTHS = (8, 12, 14, 14, 18, 13, 8, 11, 10, 24, 12, 12, 12, 16, 20, 8, 8, 9, 12, 14, 24, 14, 14, 36, 16, 30, 24,
           24, 24, 14, 30, 14, 14, 18, 14, 16, 12, 16, 16, 16, 16)

#: The settings that describe the area (see the module's docstring), with their defaults.
AREA_SETTINGS = {"voivodeship": ("efs.wojewodztwo", "śląskie"), "county": ("efs.powiat", "kłobucki"),
                 "municipality": ("efs.gmina", ""), "degurba": ("efs.degurba", "2")}
@dataclass(frozen=True)
class EfsArea:
    voivodeship: str
    county: str
    municipality: str
    degurba: str


@dataclass(frozen=True)
class EfsReport:
    path: Path
    layout: str
    exported: int  # people (SM EFS writes a line per form of support)
    left_out: list[EfsProblem] = field(default_factory=list)
    #: Candidates and the reserve list: not in the data set because they have not joined, named so none is missed.
    not_joined: list[EfsProblem] = field(default_factory=list)


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


def _support(items: list[SupportPathItem]) -> tuple[str, dt.date | None, dt.date | None]:
    """Forms of support received, the first start and the last end (none while one is still going on).

    Planned forms that have not started are not support given, and are never reported as such.
    """
    given = received(items)
    starts = [i.given_start for i in given]
    ends = [i.given_end for i in given if i.given_end]
    ongoing = any(i.given_end is None for i in given)
    forms = list(dict.fromkeys(i.form for i in given))
    return ", ".join(forms), (min(starts) if starts else None), (max(ends) if ends and not ongoing else None)


def _tri(value: TriState | None) -> str:
    return TriState(value).label if value else ""


def _row(p: Participant, area: EfsArea, items: list[SupportPathItem]) -> list[Any]:
    birth = birth_of(p)
    forms, support_start, support_end = _support(items)
    return [
        QT_TRANSLATE_NOOP("Efs", "Polska"), QT_TRANSLATE_NOOP("Efs", "Indywidualny"), "",
        p.first_name, p.last_name, p.pesel or "", _tri(TriState.NO if p.pesel else TriState.YES),
        _capitalised(p.sex.label) if p.sex else "", age_at_start(birth, p.start_date),
        p.education.label if p.education else "",
        area.voivodeship, area.county, area.municipality, p.city, p.street_name.removeprefix("ul. "),
        p.house_number, p.flat_number, p.postal_code, area.degurba, p.phone, p.email,
        p.start_date, p.end_date, _capitalised(p.labour_status.label) if p.labour_status else "",
        p.labour_detail.label if p.labour_detail else p.labour_status_detail,
        p.occupation.label if p.occupation else "", p.employed_at.strip(),
        p.end_situation_code.label if p.end_situation_code else p.end_situation,
        p.end_situation_code_2.label if p.end_situation_code_2 else "", _tri(p.completed_as_planned),
        forms, support_start, support_end,
        p.planned_education_end, p.business_start_date, p.business_grant, p.business_pkd.strip(),
        _tri(p.minority_or_foreign), _tri(p.homeless), _tri(p.disability), _tri(p.other_disadvantage),
    ]


def collect_efs(db: Database, programme_id: int, layout: str = SL2014) -> tuple[list[list[Any]], list[EfsProblem]]:
    """The layout's rows, and the records left out with the reasons."""
    require(Permission.EXPORT)
    area = area_for(db, programme_id)
    period = LAYOUT_PERIODS[layout]
    rows: list[list[Any]] = []
    skipped: list[EfsProblem] = []
    with db.reading() as session:
        project_number = session.get(Programme, programme_id).project_number
        items = support_items(session, programme_id)
        for person in reported_people(session, programme_id):
            own = items.get(person.id, [])
            problems = problems_for(period, person, own)
            if problems:
                skipped.append(left_out(person, problems))
            elif layout == SMEFS:
                rows += efs_export_2021.rows_2021(person, area, own, project_number)
            else:
                rows.append(_row(person, area, own))
    return rows, skipped


def period_of(db: Database, programme_id: int) -> FundingPeriod | None:
    with db.reading() as session:
        programme = session.get(Programme, programme_id)
        if programme is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma programu o numerze {id}."), id=programme_id)
        return FundingPeriod(programme.funding_period) if programme.funding_period else None


def layout_of_programme(db: Database, programme_id: int, path: Path, layout: str | None) -> str:
    """The layout the programme's funding period sets; one asked for that contradicts it is refused."""
    period = period_of(db, programme_id)
    if period is None:
        return layout_for(path, layout)
    wanted = PERIOD_LAYOUTS[period]
    if layout is not None and layout != wanted:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Efs", "Program jest finansowany z perspektywy {period}: dane jego uczestników zapisuje się w układzie "
                   "{layout}."), field="layout", period=period.value, layout=LAYOUT_NAMES[wanted])
    return layout_for(path, wanted)


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
            layout=LAYOUT_NAMES[layout], suffix=LAYOUTS[layout], name=Path(path).name)
    return layout


def export_efs(db: Database, programme_id: int, path: Path | str, layout: str | None = None, *,
               progress: ProgressCallback | None = None) -> EfsReport:
    """Write the data set of a programme's participants; records that cannot be exported are listed.

    ``layout`` None: the programme's funding period decides, else the file's suffix.
    """
    require(Permission.EXPORT)
    path = Path(path)
    layout = layout_of_programme(db, programme_id, path, layout)
    report(progress, 0, 0)
    rows, skipped = collect_efs(db, programme_id, layout)
    if layout == SMEFS:
        write_table(path, efs_export_2021.COLUMNS, rows, date_format="%Y-%m-%d", progress=progress)
        count = len({row[4] for row in rows})  # people, not their lines
    else:
        count = write_table(path, EFS_COLUMNS, rows, date_format="%Y-%m-%d", sheet_title="PEFS", widths=_WIDTHS,
                            progress=progress)
    with db.reading() as session:
        not_joined = not_joined_people(session, programme_id)
    log_export(db, "efs_export", path, count, layout=layout, left_out=len(skipped), not_joined=len(not_joined))
    return EfsReport(path, layout, count, skipped, not_joined)


__all__ = ["EFS_COLUMNS", "EfsArea", "EfsProblem", "EfsReport", "area_for", "collect_efs", "export_efs",
           "layout_for", "layout_of_programme", "period_of", "save_area"]
