"""Lista obecności: the attendance list printed before a session and signed by each participant.

One event: a table Lp. | Imię i nazwisko | Podpis with blank rows for walk-ins, the leader's signature line,
and on every page the logo strip, organisation, programme and the event's topic and date. A series: a monthly
grid of participants × session dates.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pal_desktop.reports.scan_marks import ScanLayout, ScanTarget, recorded, scannable_canvas
from pal_desktop.reports.styles import (
    FONT,
    FONT_BOLD,
    MARGIN,
    DocumentHeader,
    NumberedCanvas,
    draw_header,
    header_height,
    page_size,
    register_fonts,
    styles,
)

ROW_HEIGHT = 9 * mm


@dataclass(frozen=True)
class EventFacts:
    form: str
    topic: str
    date: str
    hours: str
    place: str
    leader: str


@dataclass(frozen=True)
class AttendanceListData:
    header: DocumentHeader
    event: EventFacts
    names: list[str]
    blank_rows: int = 5
    #: Set, the list carries corner marks and a code per page, and its cells are recorded for the scan reader.
    scan: ScanTarget | None = None


@dataclass(frozen=True)
class SeriesGridData:
    header: DocumentHeader
    event: EventFacts
    month: str
    dates: list[str]
    names: list[str]
    blank_rows: int = 3
    notes: list[str] = field(default_factory=list)
    scan: ScanTarget | None = None


def _facts_table(facts: EventFacts, width: float) -> Table:
    body = styles()["cell"]
    rows = [(label, value) for label, value in (
        ("Forma wsparcia", facts.form), ("Temat", facts.topic), ("Data", facts.date), ("Godziny", facts.hours),
        ("Miejsce", facts.place), ("Prowadzący", facts.leader)) if value]
    table = Table([[label, Paragraph(value, body)] for label, value in rows], colWidths=[32 * mm, width - 32 * mm])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (0, -1), FONT_BOLD), ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _running_title(canvas, text: str, width: float, top: float) -> None:
    canvas.setFont(FONT, 8)
    while canvas.stringWidth(text, FONT, 8) > width - 2 * MARGIN and len(text) > 4:
        text = text[:-4] + "…"
    canvas.drawString(MARGIN, top, text)


def _shortened(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut as ``draw_header`` cuts it (4 characters off and "…" added until it fits), found by
    bisection: a long funding line costs a few measurements instead of dozens."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if not text or stringWidth(text, font, size) <= width:
        return text
    length = len(text)
    cuts = (length - 4) // 3  # text[:length - 3k - 1] + "…" for k = 1, 2, …; the loop stops at 4 characters
    low, high = 1, max(1, cuts)
    while low < high:
        middle = (low + high) // 2
        if stringWidth(text[:length - 3 * middle - 1] + "…", font, size) <= width:
            high = middle
        else:
            low = middle + 1
    return text[:length - 3 * low - 1] + "…"


def _fitted(header: DocumentHeader, page_width: float) -> DocumentHeader:
    """The header with its lines already shortened to the page (what ``draw_header`` would draw)."""
    from dataclasses import replace

    register_fonts()
    usable = page_width - 2 * MARGIN
    programme = header.programme_title + (f" (nr {header.project_number})" if header.project_number else "")
    return replace(header, organisation=_shortened(header.organisation, FONT_BOLD, 9, usable),
                   programme_title=_shortened(programme, FONT, 8, usable), project_number="",
                   funding_line=header.funding_line)  # draw_header wraps it to two lines


def _page_header(header: DocumentHeader, running: str, width: float, height: float):
    """The ``onPage`` function that draws the header and the running title on every page.

    The header (logos, organisation, programme, the running title, each shortened to fit) is the same on
    every page, so it is drawn once into a form XObject and each page places that form: a long list does
    not measure and re-encode the same texts and images page after page.
    """
    form_name = "palAttendanceHeader"
    drawn: list[object] = []

    fitted = _fitted(header, width)

    def on_page(canvas, _doc) -> None:
        if canvas not in drawn:
            canvas.beginForm(form_name)
            draw_header(canvas, fitted, width, height)
            _running_title(canvas, running, width, height - MARGIN - header_height(header) - 4 * mm)
            canvas.endForm()
            drawn.append(canvas)
        canvas.saveState()
        canvas.doForm(form_name)
        canvas.restoreState()

    return on_page


def _document(buffer, header: DocumentHeader, landscape: bool, title: str):
    width, height = page_size(landscape)
    top_margin = MARGIN + header_height(header) + 7 * mm
    document = SimpleDocTemplate(buffer, pagesize=(width, height), leftMargin=MARGIN, rightMargin=MARGIN,
                                 topMargin=top_margin, bottomMargin=MARGIN + 6 * mm, title=title,
                                 author=header.organisation or "PAL Desktop", creator="PAL Desktop")
    return document, width, height


def _signature_block(width: float) -> Table:
    table = Table([["", ""], ["data", "podpis osoby prowadzącej zajęcia"]],
                  colWidths=[(width - 2 * MARGIN) / 2] * 2, rowHeights=[14 * mm, 5 * mm])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 1), (-1, 1), 7.5),
        ("ALIGN", (0, 1), (-1, 1), "CENTER"), ("LINEABOVE", (0, 1), (0, 1), 0.5, colors.black),
        ("LINEABOVE", (1, 1), (1, 1), 0.5, colors.black), ("LEFTPADDING", (0, 0), (-1, -1), 12),
        ("RIGHTPADDING", (0, 0), (-1, -1), 12),
    ]))
    return table


def _canvas_maker(scan: ScanTarget | None, layout: ScanLayout | None):
    return NumberedCanvas if scan is None or layout is None else scannable_canvas(layout, scan)


def render_attendance_list(data: AttendanceListData, layout: ScanLayout | None = None) -> bytes:
    """The list as PDF; with ``data.scan`` set, ``layout`` (when given) receives where every cell was drawn."""
    layout = layout if layout is not None or data.scan is None else ScanLayout()
    buffer = io.BytesIO()
    document, width, height = _document(buffer, data.header, False, f"Lista obecności — {data.event.topic}")
    usable = width - 2 * MARGIN
    on_page = _page_header(data.header, f"Lista obecności: {data.event.topic} — {data.event.date}", width, height)

    rows = [["Lp.", "Imię i nazwisko", "Podpis"]]
    rows += [[f"{number}.", name, recorded(layout, number, 0, "signature", ROW_HEIGHT)]
             for number, name in enumerate(data.names, start=1)]
    start = len(data.names) + 1
    rows += [[f"{start + index}.", recorded(layout, start + index, 0, "name", ROW_HEIGHT),
              recorded(layout, start + index, 0, "signature", ROW_HEIGHT)]
             for index in range(max(0, data.blank_rows))]
    table = Table(rows, colWidths=[12 * mm, usable * 0.5 - 12 * mm, usable * 0.5], repeatRows=1,
                  rowHeights=[7 * mm] + [ROW_HEIGHT] * (len(rows) - 1))
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
        ("FONTSIZE", (0, 0), (-1, -1), 10), ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, -1), "RIGHT"),
    ]))
    story = [Paragraph("LISTA OBECNOŚCI", styles()["title"]), _facts_table(data.event, usable), Spacer(1, 5 * mm),
             table, Spacer(1, 10 * mm), _signature_block(width)]
    document.build(story, onFirstPage=on_page, onLaterPages=on_page,
                   canvasmaker=_canvas_maker(data.scan, layout))
    return buffer.getvalue()


def render_series_grid(data: SeriesGridData, layout: ScanLayout | None = None) -> bytes:
    """A month of a series: each participant signs in the column of each session date."""
    layout = layout if layout is not None or data.scan is None else ScanLayout()
    buffer = io.BytesIO()
    landscape = len(data.dates) > 4
    document, width, height = _document(buffer, data.header, landscape,
                                        f"Lista obecności — {data.event.topic}, {data.month}")
    usable = width - 2 * MARGIN
    on_page = _page_header(data.header, f"Lista obecności: {data.event.topic} — {data.month}", width, height)

    name_width = min(70 * mm, usable * 0.35)
    date_width = (usable - 10 * mm - name_width) / max(1, len(data.dates))
    rows = [["Lp.", "Imię i nazwisko", *data.dates]]
    columns = range(len(data.dates))
    rows += [[f"{n}.", name, *[recorded(layout, n, c, "signature", ROW_HEIGHT) for c in columns]]
             for n, name in enumerate(data.names, start=1)]
    start = len(data.names) + 1
    rows += [[f"{start + i}.", recorded(layout, start + i, 0, "name", ROW_HEIGHT),
              *[recorded(layout, start + i, c, "signature", ROW_HEIGHT) for c in columns]]
             for i in range(max(0, data.blank_rows))]
    table = Table(rows, colWidths=[10 * mm, name_width] + [date_width] * len(data.dates), repeatRows=1,
                  rowHeights=[7 * mm] + [ROW_HEIGHT] * (len(rows) - 1))
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
        ("FONTSIZE", (0, 0), (-1, -1), 9), ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (2, 0), (-1, 0), "CENTER"), ("ALIGN", (0, 0), (0, -1), "RIGHT"),
    ]))
    facts = EventFacts(data.event.form, data.event.topic, data.month, data.event.hours, data.event.place,
                       data.event.leader)
    story = [Paragraph("LISTA OBECNOŚCI — CYKL ZAJĘĆ", styles()["title"]), _facts_table(facts, usable),
             Spacer(1, 5 * mm), table, Spacer(1, 10 * mm), _signature_block(width)]
    document.build(story, onFirstPage=on_page, onLaterPages=on_page,
                   canvasmaker=_canvas_maker(data.scan, layout))
    return buffer.getvalue()
