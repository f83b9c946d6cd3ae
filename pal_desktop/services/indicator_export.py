"""Every table of the reports as an XLSX workbook, one sheet a table: the indicators with their goals and
results, the people indicators by sex, age bands, the participants' features, the schedule by task, events
and volunteering. Counts of people are suppressed as in the printed reports unless asked otherwise (logged).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from pal_desktop import paths
from pal_desktop.domain.permissions import Permission
from pal_desktop.domain.suppression import count_text
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.access_control import require
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Indicator, ProgrammeItem


def _cell(text):
    """A figure as a number in the sheet when it is one ("12", "12,5"), else the text ("<3", "*", "—")."""
    if not isinstance(text, str):
        return text
    plain = text.replace("\u00a0", "").replace(" ", "")
    if plain.isdigit():
        return int(plain)
    try:
        return float(plain.replace(",", ".")) if plain.replace(",", "", 1).isdigit() else text
    except ValueError:
        return text


def indicator_tables(db: Database, programme_id: int, date_from: dt.date | None = None,
                     date_to: dt.date | None = None, *, suppress: bool = True,
                     today: dt.date | None = None) -> list[tuple[str, list[str], list[list]]]:
    """(sheet title, headers, rows) of every table, figures as the reports print them."""
    from pal_desktop.services.indicators import _suppressed, indicator_values, number_text, percent_text
    from pal_desktop.services.report_figures import schedule_figures, volunteer_figures
    from pal_desktop.services.report_people import SEX_HEADINGS, age_rows, people_rows

    report = indicator_values(db, programme_id, date_from, date_to)
    start, end = report.date_from, report.date_to
    with db.reading() as session:
        goals = dict(session.execute(select(ProgrammeItem.id, ProgrammeItem.position)).all())
        links = {i.id: (i.goal_item_id, i.result_id) for i in session.execute(
            select(Indicator.id, Indicator.goal_item_id, Indicator.result_id)
            .where(Indicator.programme_id == programme_id))}
    names = {i.id: i.name for i in report.indicators}
    rows = []
    for number, i in enumerate(report.indicators, 1):
        goal, result = links.get(i.id, (None, None))
        value = (count_text(int(i.value), suppress) if i.measure == "internships" and i.value is not None
                 else number_text(i.value) if i.value is not None else "ocena opisowa")
        rows.append([number, i.kind.label, i.name, i.unit, number_text(i.target), value,
                     percent_text(i.percent) if value[:1].isdigit() else "",
                     f"cel szczegółowy {goals[goal]}" if goal in goals else "cel główny", names.get(result, "")])
    tables = [("Wskaźniki", ["Lp.", "Rodzaj", "Wskaźnik", "Jednostka", "Wartość docelowa", "Osiągnięto", "%",
                             "Cel (rozdział V)", "Rezultat (rozdział X)"], rows)]
    figures = report.people.figures
    tables.append(("Osoby według płci", ["Wskaźnik", *SEX_HEADINGS],
                   [[label, *cells] for label, cells in people_rows(figures, suppress)]))
    tables.append(("Wiek", ["Wiek w chwili przystąpienia", *SEX_HEADINGS],
                   [[label, *cells] for label, cells in age_rows(figures, suppress)]))
    features = []
    for heading, counts in (("Płeć", report.people.by_sex), ("Osoba z niepełnosprawnościami",
                                                            report.people.by_disability),
                            ("Wykształcenie", report.people.by_education)):
        features += [[heading, label, text] for label, text in _suppressed(counts, suppress)]
    tables.append(("Cechy uczestników", ["Cecha", "Kategoria", "Liczba osób"], features))
    schedule = schedule_figures(db, programme_id, start, end, today)
    tables.append(("Harmonogram", ["Lp.", "Zadanie", "Plan PAL", "Odbyło się", "Zaległe — nie oznaczono",
                                   "W planie", "Odwołane"],
                   [[t.position if t.task_id is not None else "", t.name,
                     t.planned_in_programme if t.planned_in_programme is not None else "—", t.held, t.overdue,
                     t.upcoming, t.cancelled] for t in schedule.tasks]))
    volunteers = volunteer_figures(db, programme_id, start, end, report.hour_rate)
    rate = (f"{(report.attendance_rate * 100).quantize(1)} %" if report.attendance_rate is not None else "—")
    summary = [["Okres", f"{start:%d.%m.%Y} – {end:%d.%m.%Y}"],
               ["Wydarzenia i zajęcia, które się odbyły", schedule.held],
               ["Wydarzenia zaplanowane (jeszcze się nie odbyły)", schedule.upcoming],
               ["Wydarzenia zaległe — nie oznaczono, że się odbyły", schedule.overdue],
               ["Frekwencja na zajęciach, które się odbyły", rate],
               ["Godziny pracy wolontariuszy", number_text(volunteers.hours)],
               ["Wolontariusze, którzy przepracowali godziny", count_text(volunteers.volunteers, suppress)]]
    if volunteers.value is not None:
        summary.append(["Wartość pracy wolontariuszy (wkład własny), zł", number_text(volunteers.value)])
    tables.append(("Wydarzenia i wolontariat", ["Pozycja", "Wartość"], summary))
    return tables


def export_indicators(db: Database, programme_id: int, path: Path | str, date_from: dt.date | None = None,
                      date_to: dt.date | None = None, *, suppress: bool = True, today: dt.date | None = None,
                      progress=None) -> Path:
    """Write the workbook (atomically: a failure leaves no half file). Returns its path."""
    require(Permission.EXPORT)
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Plik musi mieć rozszerzenie .xlsx (podano: {name})."),
                              field="file", name=path.name)
    tables = indicator_tables(db, programme_id, date_from, date_to, suppress=suppress, today=today)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for number, (title, headers, rows) in enumerate(tables, 1):
        sheet = workbook.create_sheet(title[:31])
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_cell(value) for value in row])
        for index, header in enumerate(headers):
            width = max([len(str(header))] + [len(str(row[index])) for row in rows])
            sheet.column_dimensions[chr(ord("A") + index)].width = min(max(width + 2, 8), 70)
        if progress is not None:
            progress(number, len(tables))
    temporary = path.with_name(path.name + ".tmp")
    try:
        workbook.save(temporary)
        paths.make_private(temporary)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    if not suppress:
        from pal_desktop.services.access_log import EXPORT, log_access

        log_access(db, EXPORT, "indicators", record_id=programme_id, suppressed=False)
    return path
