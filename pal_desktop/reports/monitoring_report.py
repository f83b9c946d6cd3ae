"""Sprawozdanie z realizacji PAL (periodic) or the final report: the schedule's tasks with their events, the
product and result indicators against their targets, the people covered with the funders' breakdowns,
volunteer hours and their value, conclusions to write by hand, and the signatures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from pal_desktop.reports.styles import (
    MARGIN,
    TABLE_GRID,
    DocumentHeader,
    page_size,
    printed_note,
    render_flow,
    styles,
)


@dataclass(frozen=True)
class TaskLine:
    number: int
    name: str
    period: str
    held: str
    planned: str
    planned_in_programme: str
    #: Planned events whose date has passed and that were never marked held: *zaległe — nie oznaczono*.
    overdue: str = "—"


@dataclass(frozen=True)
class IndicatorLine:
    name: str
    unit: str
    target: str
    achieved: str
    percent: str


@dataclass(frozen=True)
class MonitoringReportData:
    header: DocumentHeader
    title: str
    period: str
    final: bool = False
    subtitle: str = ""
    programme_period: str = ""
    tasks: list[TaskLine] = field(default_factory=list)
    products: list[IndicatorLine] = field(default_factory=list)
    results: list[IndicatorLine] = field(default_factory=list)
    covered: int = 0
    #: (heading, [(label, count)]) for sex, age band, disability and education.
    #: Counts as printed: a number, or "<3" / "*" where small counts are suppressed.
    breakdowns: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    #: (label, value) lines: completed, dropped out, events, attendance, volunteer hours and value.
    summary: list[tuple[str, str]] = field(default_factory=list)
    #: (label, [women, men, unknown, total]) of the people indicators, as printed.
    people_by_sex: list[tuple[str, list[str]]] = field(default_factory=list)
    conclusion_lines: int = 8
    printed_on: str = ""


def document_title(final: bool) -> str:
    return ("Raport końcowy z realizacji Programu Aktywności Lokalnej" if final
            else "Sprawozdanie z realizacji Programu Aktywności Lokalnej")


def _p(text: str, style: str = "cell") -> Paragraph:
    return Paragraph(escape(text), styles()[style])


def heading(text: str) -> Paragraph:
    """A section heading kept with what follows it (shared by the periodic and the final report)."""
    paragraph = _p(text, "heading")
    paragraph.keepWithNext = True
    return paragraph


def grid_table(rows: list[list], widths: list[float], numeric_from: int | None = None) -> Table:
    """A gridded table whose header repeats on each page, numbers right-aligned from ``numeric_from``."""
    table = Table(rows, colWidths=widths, repeatRows=1)
    commands = list(TABLE_GRID)
    if numeric_from is not None:
        commands.append(("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"))
    table.setStyle(TableStyle(commands))
    return table


def _summary_table(summary: list[tuple[str, str]], usable: float) -> Table:
    table = Table([[_p(label), value] for label, value in summary], colWidths=[usable - 40 * mm, 40 * mm])
    table.setStyle(TableStyle(TABLE_GRID[:1] + [("FONTSIZE", (0, 0), (-1, -1), 8.5),
                                                ("GRID", (0, 0), (-1, -1), 0.5, "#999999"),
                                                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                                                ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def people_table(lines: list[tuple[str, list[str]]], usable: float, first: str = "Wskaźnik") -> Table:
    """People indicators (rows) by sex (columns) with the total last."""
    rows = [[_p(first, "cell_bold")] + [_p(text, "cell_bold") for text in
                                        ("Kobiety", "Mężczyźni", "Płeć nieznana", "Razem")]]
    rows += [[_p(label)] + list(cells) for label, cells in lines]
    return grid_table(rows, [usable - 4 * 22 * mm] + [22 * mm] * 4, numeric_from=1)


def render_monitoring_report(data: MonitoringReportData) -> bytes:
    """The PDF as bytes (A4 portrait)."""
    usable = page_size()[0] - 2 * MARGIN
    title = document_title(data.final)
    story: list = [_p(title, "title"), _p(data.title + (f" „{data.subtitle}”" if data.subtitle else ""), "subtitle")]
    facts = [("Okres sprawozdawczy", data.period), ("Okres realizacji programu", data.programme_period)]
    facts_table = Table([[_p(label, "cell_bold"), _p(value)] for label, value in facts if value],
                        colWidths=[50 * mm, usable - 50 * mm])
    facts_table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "#999999"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(facts_table)

    story.append(heading("1. Realizacja harmonogramu"))
    if data.tasks:
        rows = [["Lp.", "Zadanie", "Okres", _p("Odbyło się", "cell_bold"), _p("W planie", "cell_bold"),
                 _p("Zaległe — nie oznaczono", "cell_bold"), _p("Plan PAL", "cell_bold")]]
        for task in data.tasks:
            rows.append([str(task.number), _p(task.name), _p(task.period), task.held, task.planned, task.overdue,
                         task.planned_in_programme])
        story.append(grid_table(rows, [10 * mm, usable - 10 * mm - 40 * mm - 3 * 18 * mm - 24 * mm, 40 * mm, 18 * mm,
                                   18 * mm, 24 * mm, 18 * mm], numeric_from=3))
    else:
        story.append(_p("W tym okresie nie przypadało żadne zadanie harmonogramu.", "body"))

    def indicator_table(lines: list[IndicatorLine]) -> Table:
        rows = [["Lp.", "Wskaźnik", "Jednostka", _p("Wartość docelowa", "cell_bold"), "Osiągnięto", "%"]]
        for number, line in enumerate(lines, 1):
            rows.append([str(number), _p(line.name), _p(line.unit), line.target, line.achieved, line.percent])
        return grid_table(rows, [10 * mm, usable - 10 * mm - 20 * mm - 22 * mm - 28 * mm - 16 * mm, 20 * mm, 22 * mm,
                             28 * mm, 16 * mm], numeric_from=3)

    story.append(heading("2. Wskaźniki produktu"))
    story.append(indicator_table(data.products) if data.products
                 else _p("Program nie ma wskaźników produktu.", "body"))
    story.append(heading("3. Wskaźniki rezultatu"))
    story.append(indicator_table(data.results) if data.results
                 else _p("Program nie ma wskaźników rezultatu.", "body"))

    story.append(heading("4. Uczestnicy"))
    story.append(_p(f"Osoby objęte wsparciem (od początku programu do końca okresu): {data.covered}", "body"))
    story.append(Spacer(1, 2 * mm))
    rows = [["Cecha", "Kategoria", "Liczba osób"]]
    spans = []
    for title, counts in data.breakdowns:
        first = len(rows)
        for index, (label, count) in enumerate(counts):
            rows.append([_p(title, "cell_bold") if index == 0 else "", _p(label), str(count)])
        if len(counts) > 1:
            spans.append(("SPAN", (0, first), (0, len(rows) - 1)))
    if data.breakdowns:
        table = Table(rows, colWidths=[55 * mm, usable - 55 * mm - 28 * mm, 28 * mm], repeatRows=1)
        table.setStyle(TableStyle(TABLE_GRID + spans + [("ALIGN", (2, 0), (2, -1), "RIGHT"),
                                                        ("VALIGN", (0, 1), (0, -1), "TOP")]))
        story.append(table)

    if data.people_by_sex:
        story.append(Spacer(1, 3 * mm))
        story.append(people_table(data.people_by_sex, usable))

    if data.summary:
        story.append(heading("5. Wydarzenia, frekwencja i wolontariat"))
        story.append(_summary_table(data.summary, usable))

    lines = Table([[""] for _ in range(data.conclusion_lines)], colWidths=[usable], rowHeights=8 * mm)
    lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, "#888888")]))
    story.append(KeepTogether([heading("6. Wnioski" + (" i ocena osiągnięcia celów" if data.final else "")),
                               lines]))

    signature_width = (usable - 20 * mm) / 2
    signatures = Table([["", "", ""], ["sporządził(a) — data i podpis", "", "zatwierdził(a) — data i podpis"]],
                       colWidths=[signature_width, 20 * mm, signature_width], rowHeights=[18 * mm, None])
    signatures.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles()["small"].fontName),
                                    ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                                    ("LINEBELOW", (0, 0), (0, 0), 0.5, "#000000"),
                                    ("LINEBELOW", (2, 0), (2, 0), 0.5, "#000000"),
                                    ("ALIGN", (0, 1), (-1, 1), "CENTER")]))
    story.append(KeepTogether([Spacer(1, 8 * mm), signatures]))
    return render_flow(data.header, f"{title} — {data.period}", story,
                       printed_note(data.printed_on) if data.printed_on else "")
