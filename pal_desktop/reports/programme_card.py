"""Karta programu: the programme's document on paper — period, funding, goals, schedule, results, products."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, Spacer, Table, TableStyle

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
class ScheduleLine:
    number: int
    name: str
    description: str
    period: str


@dataclass(frozen=True)
class ProgrammeCardData:
    header: DocumentHeader
    title: str
    subtitle: str
    period: str
    legal_basis: str = ""
    funding_line: str = ""
    main_goal: str = ""
    specific_goals: list[str] = field(default_factory=list)
    planned_actions: list[str] = field(default_factory=list)
    schedule: list[ScheduleLine] = field(default_factory=list)
    results: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)
    implementers: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    funding_sources: list[str] = field(default_factory=list)
    printed_on: str = ""


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text), styles()[style])


def _numbered(items: list[str]) -> ListFlowable:
    return ListFlowable([ListItem(_p(text), leftIndent=18, value=index) for index, text in enumerate(items, 1)],
                        bulletType="1", bulletFormat="%s)", bulletFontName=styles()["body"].fontName,
                        bulletFontSize=9, leftIndent=18, bulletDedent=18)


def _heading(text: str) -> Paragraph:
    paragraph = _p(text, "heading")
    paragraph.keepWithNext = True
    return paragraph


def render_programme_card(data: ProgrammeCardData) -> bytes:
    """The PDF as bytes."""
    width = page_size()[0]
    story = [_p(data.title, "title")]
    if data.subtitle:
        story.append(_p(f"„{data.subtitle}”", "subtitle"))
    facts = [("Okres realizacji", data.period), ("Podstawa prawna", data.legal_basis),
             ("Finansowanie", data.funding_line)]
    rows = [[_p(label, "cell_bold"), _p(value, "cell")] for label, value in facts if value]
    if rows:
        table = Table(rows, colWidths=[38 * mm, width - 2 * MARGIN - 38 * mm])
        table.setStyle(TableStyle(TABLE_GRID[:1] + [("GRID", (0, 0), (-1, -1), 0.5, "#999999"),
                                                    ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
    if data.main_goal:
        story += [_heading("Cel główny"), _p(data.main_goal)]
    for heading, items in (("Cele szczegółowe", data.specific_goals), ("Planowane działania", data.planned_actions)):
        if items:
            story += [_heading(heading), _numbered(items)]
    if data.schedule:
        story.append(_heading("Harmonogram realizacji"))
        rows = [["Lp.", "Zadanie", "Okres"]]
        for line in data.schedule:
            label = line.name + (f" ({line.description})" if line.description else "")
            rows.append([str(line.number), _p(label, "cell"), _p(line.period, "cell")])
        table = Table(rows, colWidths=[12 * mm, width - 2 * MARGIN - 12 * mm - 42 * mm, 42 * mm], repeatRows=1)
        table.setStyle(TableStyle(TABLE_GRID))
        story.append(table)
    for heading, items in (("Przewidywane rezultaty", data.results), ("Produkty programu", data.products),
                           ("Realizatorzy", data.implementers + data.partners),
                           ("Źródła finansowania", data.funding_sources)):
        if items:
            story += [_heading(heading), _numbered(items)]
    story.append(Spacer(1, 4 * mm))
    return render_flow(data.header, f"Karta programu — {data.title}", story,
                       printed_note(data.printed_on) if data.printed_on else "")
