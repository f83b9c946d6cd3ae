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
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from pal_desktop.reports.scan_marks import ScanLayout, ScanTarget, recorded, scannable_canvas
from pal_desktop.reports.styles import (
    FONT,
    FONT_BOLD,
    MARGIN,
    DocumentHeader,
    NumberedCanvas,
    draw_header,
    flow_document,
    header_height,
    register_fonts,
    styles,
)

ROW_HEIGHT = 9 * mm
#: The lowest a signature row may be squeezed to keep a list on one page (a signature still fits in 7 mm).
MIN_ROW_HEIGHT = 7 * mm
HEADER_ROW_HEIGHT = 7 * mm
#: On a list longer than a page, the leader's signature keeps this many rows with it on the last page.
ROWS_WITH_SIGNATURE = 3
SIGNATURE_GAP = 6 * mm

#: Optional columns of a single session's list.
BIRTH_DATE_COLUMN = "birth_date"
GUARDIAN_COLUMN = "guardian_signature"


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
    #: Optional columns in print order (BIRTH_DATE_COLUMN, GUARDIAN_COLUMN); the dates follow ``names``.
    columns: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()


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
    """The session's facts, two to a row (label, value, label, value): half the height of one to a row, which
    is what lets 17 people and their blank rows stay on one page."""
    body = styles()["cell"]
    pairs = [(label, value) for label, value in (
        ("Forma wsparcia", facts.form), ("Temat", facts.topic), ("Data", facts.date), ("Godziny", facts.hours),
        ("Miejsce", facts.place), ("Prowadzący", facts.leader)) if value]
    # As wide as the longest label in the bold face, so that a label never runs into its value.
    label_width = max([27 * mm] + [stringWidth(label, FONT_BOLD, 9) + 14 for label, _ in pairs])
    value_width = (width - 2 * label_width) / 2
    rows = []
    for index in range(0, len(pairs), 2):
        row = []
        for label, value in pairs[index:index + 2]:
            row += [label, Paragraph(value, body)]
        rows.append(row + ["", ""] * (2 - len(row) // 2))
    table = Table(rows or [["", "", "", ""]], colWidths=[label_width, value_width] * 2)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTNAME", (0, 0), (0, -1), FONT_BOLD),
        ("FONTNAME", (2, 0), (2, -1), FONT_BOLD), ("FONTSIZE", (0, 0), (-1, -1), 9),
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
    """A list's document: the frame starts under the header and the running title."""
    return flow_document(buffer, header, title, landscape=landscape, top_gap=7 * mm, bottom=MARGIN + 6 * mm)


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


def _room_for_rows(document, before: list, after: list, width: float) -> float:
    """The height left on the first page for the table's rows (under its header row) when ``before`` stands
    above the table and ``after`` below it."""
    room = document.height - 12  # the frame's own padding, 6 pt at the top and the bottom
    for flowable in (*before, *after):
        room -= flowable.wrap(width, document.height)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return room - HEADER_ROW_HEIGHT - 2 * mm  # a little spare for rounding in ReportLab's layout


def fitted_row_height(rows: int, room: float) -> float:
    """The row height that keeps ``rows`` rows on one page: the usual 9 mm when they fit, squeezed towards
    7 mm when that saves a page, and 9 mm again when even 7 mm would not do (the list then runs on)."""
    if rows <= 0 or rows * ROW_HEIGHT <= room:
        return ROW_HEIGHT
    if rows * MIN_ROW_HEIGHT <= room:
        return int(room / rows * 10) / 10  # a tenth of a point down, so the last row surely fits
    return ROW_HEIGHT


def rows_that_fit(room: float, row_height: float = ROW_HEIGHT) -> int:
    return max(0, int(room // row_height))


def _table_style(font_size: float, header: bool = True) -> TableStyle:
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), font_size),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, -1), "RIGHT"),
    ]
    if header:
        commands += [("FONTNAME", (0, 0), (-1, 0), FONT_BOLD), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                     ("ALIGN", (2, 0), (-1, 0), "CENTER")]
    return TableStyle(commands)


def _table_with_signature(rows: list, widths: list[float], row_height: float, room: float, font_size: float,
                          signature) -> list:
    """The table and the leader's signature under it. On one page they are one table; on more, the last rows
    and the signature are kept together, so the signature never stands alone on the last page."""
    body_rows = len(rows) - 1
    if body_rows * row_height <= room or body_rows <= ROWS_WITH_SIGNATURE:
        table = Table(rows, colWidths=widths, repeatRows=1, rowHeights=[HEADER_ROW_HEIGHT] + [row_height] * body_rows)
        table.setStyle(_table_style(font_size))
        return [table, Spacer(1, SIGNATURE_GAP), signature]
    head, tail = rows[:-ROWS_WITH_SIGNATURE], rows[-ROWS_WITH_SIGNATURE:]
    table = Table(head, colWidths=widths, repeatRows=1, rowHeights=[HEADER_ROW_HEIGHT] + [row_height] * (len(head) - 1))
    table.setStyle(_table_style(font_size))
    ending = Table(tail, colWidths=widths, rowHeights=[row_height] * len(tail))
    ending.setStyle(_table_style(font_size, header=False))
    return [table, KeepTogether([ending, Spacer(1, SIGNATURE_GAP), signature])]


def _list_columns(data: AttendanceListData, usable: float) -> tuple[list[str], list[float]]:
    headers, widths = ["Lp.", "Imię i nazwisko", "Podpis"], [12 * mm, 0.0, usable * 0.5]
    if BIRTH_DATE_COLUMN in data.columns:
        headers.insert(2, "Data ur.")
        widths.insert(2, 24 * mm)
    if GUARDIAN_COLUMN in data.columns:
        headers.append("Podpis rodzica/opiekuna")
        widths[-1] = usable * 0.27
        widths.append(usable * 0.27)
    widths[1] = usable - sum(widths)
    return headers, widths


def _name_cell(name: str, narrow: bool):
    """A name as text; in the narrower column of a list with extra columns, a paragraph that wraps a long
    name to a second line instead of running into the next cell."""
    if not narrow:
        return name
    from reportlab.lib.styles import ParagraphStyle

    return Paragraph(name, ParagraphStyle("listName", fontName=FONT, fontSize=9, leading=10))


def _list_rows(data: AttendanceListData, layout: ScanLayout | None, row_height: float) -> list[list]:
    """The table's rows after the header; only the name and the participant's signature are read from a scan."""
    births = BIRTH_DATE_COLUMN in data.columns
    guardian = GUARDIAN_COLUMN in data.columns
    rows = []
    for number, name in enumerate(data.names, start=1):
        row = [f"{number}.", _name_cell(name, bool(data.columns))]
        if births:
            row.append(data.birth_dates[number - 1] if number - 1 < len(data.birth_dates) else "")
        row.append(recorded(layout, number, 0, "signature", row_height))
        if guardian:
            row.append("")
        rows.append(row)
    start = len(data.names) + 1
    for number in range(start, start + max(0, data.blank_rows)):
        row = [f"{number}.", recorded(layout, number, 0, "name", row_height)]
        if births:
            row.append("")
        row.append(recorded(layout, number, 0, "signature", row_height))
        if guardian:
            row.append("")
        rows.append(row)
    return rows


def _list_frame(data: AttendanceListData):
    """The document and what stands above and below the table, shared by laying out and measuring."""
    buffer = io.BytesIO()
    document, width, height = _document(buffer, data.header, False, f"Lista obecności — {data.event.topic}")
    usable = width - 2 * MARGIN
    before = [Paragraph("LISTA OBECNOŚCI", styles()["title"]), _facts_table(data.event, usable), Spacer(1, 5 * mm)]
    after = [Spacer(1, SIGNATURE_GAP), _signature_block(width)]
    return buffer, document, width, height, before, after


def list_room(data: AttendanceListData) -> float:
    """The height for signature rows on the list's first page (what "fill the page" fills)."""
    _buffer, document, width, _height, before, after = _list_frame(data)
    return _room_for_rows(document, before, after, width - 2 * MARGIN)


def render_attendance_list(data: AttendanceListData, layout: ScanLayout | None = None) -> bytes:
    """The list as PDF; with ``data.scan`` set, ``layout`` (when given) receives where every cell was drawn.

    The rows are squeezed (down to 7 mm) when that keeps the list on one page; a longer list runs on with its
    last rows and the signature together."""
    layout = layout if layout is not None or data.scan is None else ScanLayout()
    buffer, document, width, height, before, after = _list_frame(data)
    usable = width - 2 * MARGIN
    on_page = _page_header(data.header, f"Lista obecności: {data.event.topic} — {data.event.date}", width, height)
    room = _room_for_rows(document, before, after, usable)
    row_height = fitted_row_height(len(data.names) + max(0, data.blank_rows), room)
    headers, widths = _list_columns(data, usable)
    rows = [headers, *_list_rows(data, layout, row_height)]
    font_size = 9 if data.columns else 10
    story = [*before, *_table_with_signature(rows, widths, row_height, room, font_size, after[-1])]
    document.build(story, onFirstPage=on_page, onLaterPages=on_page,
                   canvasmaker=_canvas_maker(data.scan, layout))
    return buffer.getvalue()


def render_series_grid(data: SeriesGridData, layout: ScanLayout | None = None) -> bytes:
    """A month of a series: each participant signs in the column of each session date (rows fitted to one
    page as on a single list)."""
    layout = layout if layout is not None or data.scan is None else ScanLayout()
    buffer = io.BytesIO()
    landscape = len(data.dates) > 4
    document, width, height = _document(buffer, data.header, landscape,
                                        f"Lista obecności — {data.event.topic}, {data.month}")
    usable = width - 2 * MARGIN
    on_page = _page_header(data.header, f"Lista obecności: {data.event.topic} — {data.month}", width, height)
    facts = EventFacts(data.event.form, data.event.topic, data.month, data.event.hours, data.event.place,
                       data.event.leader)
    before = [Paragraph("LISTA OBECNOŚCI — CYKL ZAJĘĆ", styles()["title"]), _facts_table(facts, usable),
              Spacer(1, 5 * mm)]
    signature = _signature_block(width)
    room = _room_for_rows(document, before, [Spacer(1, SIGNATURE_GAP), signature], usable)
    row_height = fitted_row_height(len(data.names) + max(0, data.blank_rows), room)

    name_width = min(70 * mm, usable * 0.35)
    date_width = (usable - 10 * mm - name_width) / max(1, len(data.dates))
    rows = [["Lp.", "Imię i nazwisko", *data.dates]]
    columns = range(len(data.dates))
    rows += [[f"{n}.", name, *[recorded(layout, n, c, "signature", row_height) for c in columns]]
             for n, name in enumerate(data.names, start=1)]
    start = len(data.names) + 1
    rows += [[f"{start + i}.", recorded(layout, start + i, 0, "name", row_height),
              *[recorded(layout, start + i, c, "signature", row_height) for c in columns]]
             for i in range(max(0, data.blank_rows))]
    widths = [10 * mm, name_width] + [date_width] * len(data.dates)
    story = [*before, *_table_with_signature(rows, widths, row_height, room, 9, signature)]
    document.build(story, onFirstPage=on_page, onLaterPages=on_page,
                   canvasmaker=_canvas_maker(data.scan, layout))
    return buffer.getvalue()
