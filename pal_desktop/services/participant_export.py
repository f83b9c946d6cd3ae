"""The participant registry as a sheet: every row the table's filter finds (not one page), to XLSX or CSV.

CSV is what Polish Excel opens with a double click: ``;`` between cells, UTF-8 with a BOM. A cell that a
spreadsheet would run as a formula (text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return)
is neutralised: in CSV it gets a leading apostrophe, in XLSX it is stored as text (never as a formula) with
Excel's "quote prefix", so ``=HYPERLINK(...)`` typed as a name stays a name.

The same writer serves the EU participant data set (``efs_export``).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from pal_desktop import paths
from pal_desktop.domain.enums import (
    DisabilityDegree,
    Education,
    LabourStatus,
    ParticipantStatus,
    Sex,
    SupportReason,
    TriState,
)
from pal_desktop.domain.limits import clean_text
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.progress import ProgressCallback, report, tracked
from pal_desktop.services import participants
from pal_desktop.services.access_control import require
from pal_desktop.services.access_log import EXPORT, log_access
from pal_desktop.services.participants import ParticipantQuery
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Participant, ParticipantReason

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SUFFIXES = (".xlsx", ".csv")

#: The columns of the export, in order: the registry table's, then the rest of the record, so that an exported
#: sheet imports back (pal-desktop import participants) without losing what the rules require.
EXPORT_COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Export", "Nazwisko"),
    QT_TRANSLATE_NOOP("Export", "Imię"),
    QT_TRANSLATE_NOOP("Export", "PESEL"),
    QT_TRANSLATE_NOOP("Export", "Data urodzenia"),
    QT_TRANSLATE_NOOP("Export", "Płeć"),
    QT_TRANSLATE_NOOP("Export", "Adres"),
    QT_TRANSLATE_NOOP("Export", "Kod pocztowy"),
    QT_TRANSLATE_NOOP("Export", "Miejscowość"),
    QT_TRANSLATE_NOOP("Export", "Telefon"),
    QT_TRANSLATE_NOOP("Export", "E-mail"),
    QT_TRANSLATE_NOOP("Export", "Status"),
    QT_TRANSLATE_NOOP("Export", "Data rozpoczęcia"),
    QT_TRANSLATE_NOOP("Export", "Data zakończenia"),
    QT_TRANSLATE_NOOP("Export", "Powody wsparcia"),
    QT_TRANSLATE_NOOP("Export", "Nr dokumentu"),
    QT_TRANSLATE_NOOP("Export", "Wykształcenie"),
    QT_TRANSLATE_NOOP("Export", "Status na rynku pracy"),
    QT_TRANSLATE_NOOP("Export", "Niepełnosprawność"),
    QT_TRANSLATE_NOOP("Export", "Stopień niepełnosprawności"),
    QT_TRANSLATE_NOOP("Export", "Sytuacja w chwili zakończenia"),
    QT_TRANSLATE_NOOP("Export", "Deklaracja uczestnictwa"),
    QT_TRANSLATE_NOOP("Export", "Oświadczenie RODO"),
    QT_TRANSLATE_NOOP("Export", "Zgoda na wykorzystanie wizerunku"),
    QT_TRANSLATE_NOOP("Export", "Indywidualny plan działania"),
)
#: Column widths in the XLSX (characters).
_WIDTHS = (18, 14, 13, 12, 10, 24, 9, 16, 14, 24, 11, 12, 12, 40, 12, 22, 30, 10, 12, 24, 12, 12, 12, 12)


# ---- Writing a table ----------------------------------------------------------------------------------


def is_risky(text: str) -> bool:
    """Would a spreadsheet read this text as a formula (or a DDE command)?"""
    return bool(text) and text.startswith(FORMULA_STARTS)


def neutralise(text: str) -> str:
    """The CSV form of a text cell: an apostrophe before anything a spreadsheet would run."""
    return "'" + text if is_risky(text) else text


def check_suffix(path: Path, allowed: Sequence[str] = SUFFIXES) -> str:
    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Export", "Plik „{name}” musi mieć rozszerzenie {allowed} — po nim program poznaje format."),
            field="path", name=path.name, allowed=" albo ".join(allowed))
    return suffix


def write_table(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], *, date_format: str = "%d.%m.%Y",
                sheet_title: str = "Arkusz1", widths: Sequence[int] = (),
                progress: ProgressCallback | None = None) -> int:
    """Write ``rows`` (cells: text, numbers, dates or None) under ``headers`` to an XLSX or CSV by suffix.

    Written to a temporary file first and then renamed: a failure, or a Cancel through ``progress``, never
    leaves half a file under the final name. Returns the number of rows written.
    """
    path = Path(path)
    suffix = check_suffix(path)
    if progress is not None:
        rows = list(rows)
        rows = tracked(rows, progress, len(rows), every=500)
    temporary = path.with_name(path.name + ".tmp")
    try:
        if suffix == ".csv":
            count = _write_csv(temporary, headers, rows, date_format)
        else:
            count = _write_xlsx(temporary, headers, rows, date_format, sheet_title, widths)
        paths.make_private(temporary)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    return count


def _csv_cell(value: Any, date_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime(date_format)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return neutralise(clean_text(str(value)))


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], date_format: str) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow([neutralise(h) for h in headers])
        for row in rows:
            writer.writerow([_csv_cell(value, date_format) for value in row])
            count += 1
    return count


_EXCEL_DATE_FORMATS = {"%d.%m.%Y": "DD.MM.YYYY", "%Y-%m-%d": "YYYY-MM-DD"}


def _write_xlsx(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], date_format: str,
                sheet_title: str, widths: Sequence[int]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E8EEF5")
    wrap = Alignment(wrap_text=True, vertical="top")
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
        header_cells.append(cell)
    sheet.append(header_cells)
    number_format = _EXCEL_DATE_FORMATS.get(date_format, "DD.MM.YYYY")
    count = 0
    try:
        for row in rows:
            cells = []
            for value in row:
                if isinstance(value, str):
                    # A control character stored before the input checks (or imported) would make openpyxl
                    # refuse the whole file (IllegalCharacterError): the cell loses it, the export goes on.
                    value = clean_text(value)
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.data_type = "s"  # never a formula, whatever the text starts with
                    if is_risky(value):
                        cell.quotePrefix = True
                elif isinstance(value, (dt.date, dt.datetime)):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = number_format
                else:
                    cell = value
                cells.append(cell)
            sheet.append(cells)
            count += 1
    except BaseException:
        sheet.close()  # ends openpyxl's writer, which would otherwise complain when collected
        raise
    workbook.save(path)
    return count


def log_export(db: Database, table_name: str, path: Path, rows: int, **extra) -> None:
    """Who took which personal data out of the program, and when (RODO: access is logged)."""
    log_access(db, EXPORT, table_name, count=rows, file=Path(path).name, **extra)


# ---- The registry --------------------------------------------------------------------------------------


def _address(street: str, house: str, flat: str) -> str:
    return f"{street} {house}".strip() + (f"/{flat}" if flat else "")


def participant_rows(db: Database, query: ParticipantQuery) -> list[list[Any]]:
    """Every participant the query finds, in the table's order, as export rows."""
    columns = participants.SORTABLE.get(query.sort, participants.SORTABLE["name"])
    order = [c.desc() if query.descending else c.asc() for c in columns]
    order.append(Participant.id.desc() if query.descending else Participant.id.asc())
    statement = participants._filtered(select(
        Participant.id, Participant.last_name, Participant.first_name, Participant.pesel, Participant.birth_date,
        Participant.sex, Participant.street_name, Participant.house_number, Participant.flat_number,
        Participant.postal_code, Participant.city, Participant.phone, Participant.email, Participant.status,
        Participant.start_date, Participant.end_date, Participant.document_number, Participant.education,
        Participant.labour_status, Participant.disability, Participant.disability_degree, Participant.end_situation,
        Participant.declaration_date, Participant.data_protection_date, Participant.image_consent_date,
        Participant.individual_plan_date), query).order_by(*order)
    reasons_statement = select(ParticipantReason.participant_id, ParticipantReason.reason).where(
        ParticipantReason.participant_id.in_(participants._filtered(select(Participant.id), query)))
    with db.reading() as session:
        found = session.execute(statement).all()
        reasons: dict[int, list[SupportReason]] = {}
        for participant_id, reason in session.execute(reasons_statement):
            reasons.setdefault(participant_id, []).append(SupportReason(reason))
    order_of = {reason: index for index, reason in enumerate(SupportReason)}
    rows = []
    for r in found:
        given = sorted(reasons.get(r.id, []), key=order_of.__getitem__)
        rows.append([r.last_name, r.first_name, r.pesel or "", r.birth_date, Sex(r.sex).label if r.sex else "",
                     _address(r.street_name, r.house_number, r.flat_number), r.postal_code, r.city, r.phone, r.email,
                     ParticipantStatus(r.status).label, r.start_date, r.end_date,
                     ", ".join(reason.label for reason in given), r.document_number,
                     Education(r.education).label if r.education else "",
                     LabourStatus(r.labour_status).label if r.labour_status else "",
                     TriState(r.disability).label if r.disability else "",
                     DisabilityDegree(r.disability_degree).label if r.disability_degree else "", r.end_situation,
                     r.declaration_date, r.data_protection_date, r.image_consent_date, r.individual_plan_date])
    return rows


def export_participants(db: Database, query: ParticipantQuery, path: Path | str, *,
                        progress: ProgressCallback | None = None) -> int:
    """The registry as filtered, every matching row, to ``path`` (.xlsx or .csv); returns the row count."""
    require(Permission.EXPORT)
    path = Path(path)
    check_suffix(path)
    report(progress, 0, 0)
    rows = participant_rows(db, query)
    count = write_table(path, EXPORT_COLUMNS, rows, sheet_title=QT_TRANSLATE_NOOP("Export", "Uczestnicy"),
                        widths=_WIDTHS, progress=progress)
    log_export(db, "participant_export", path, count)
    return count


__all__ = ["EXPORT_COLUMNS", "export_participants", "is_risky", "neutralise", "participant_rows", "write_table"]
