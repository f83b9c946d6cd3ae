"""The page layout every volunteer document shares: its paragraph styles, the page with the logo strip and
organisation header (and "Strona X z Y" unless told otherwise), signature lines, tables of facts and grids,
and the act the documents rest on.

The renderers in ``volunteer_documents`` (one volunteer's documents) and ``volunteer_lists`` (documents over
a period for every volunteer) build on these pieces.
"""

from __future__ import annotations

import io
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from pal_desktop.reports.styles import (
    FONT,
    FONT_BOLD,
    MARGIN,
    TABLE_GRID,
    DocumentHeader,
    NumberedCanvas,
    draw_header,
    flow_document,
    page_size,
    styles,
)

#: The act every volunteer document rests on.
LEGAL_ACT = "ustawa z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie"
LEGAL_ACT_GENITIVE = "ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie"
#: The child-protection act under its title since 15 February 2024 (the amendment of 28 July 2023, "lex Kamilek").
CHILD_PROTECTION_ACT_GENITIVE = ("ustawy z dnia 13 maja 2016 r. o przeciwdziałaniu zagrożeniom przestępczością "
                                 "na tle seksualnym i ochronie małoletnich")


def text(value: str) -> str:
    """User text made safe for a Paragraph: XML characters escaped, line breaks kept."""
    return escape(value or "").replace("\n", "<br/>")


@cache
def _styles() -> dict[str, ParagraphStyle]:
    base = styles()
    body = ParagraphStyle("vol_body", parent=base["body"], fontSize=10, leading=14, alignment=TA_JUSTIFY)
    return {
        **base,
        "text": body,
        "paragraph": ParagraphStyle("vol_paragraph", parent=body, spaceAfter=2.5 * mm),
        "section": ParagraphStyle("vol_section", parent=body, fontName=FONT_BOLD, alignment=TA_CENTER,
                                  spaceBefore=3 * mm, spaceAfter=1.5 * mm, keepWithNext=1),
        "party": ParagraphStyle("vol_party", parent=body, alignment=0, spaceAfter=2.5 * mm),
        "right": ParagraphStyle("vol_right", parent=body, alignment=TA_RIGHT),
        "centre": ParagraphStyle("vol_centre", parent=body, alignment=TA_CENTER),
        "letter_title": ParagraphStyle("vol_letter_title", parent=base["title"], fontSize=26, leading=32,
                                       spaceBefore=14 * mm, spaceAfter=10 * mm, textColor=colors.HexColor("#1f4e79")),
        "letter_name": ParagraphStyle("vol_letter_name", parent=body, fontName=FONT_BOLD, fontSize=18, leading=24,
                                      alignment=TA_CENTER, spaceAfter=10 * mm),
        "letter": ParagraphStyle("vol_letter", parent=body, fontSize=12.5, leading=19, alignment=TA_CENTER,
                                 spaceAfter=5 * mm),
    }


# ---- Shared pieces -------------------------------------------------------------------------------------


#: The side margin of a volunteer document, a little wider than the other documents'.
SIDE_MARGIN = MARGIN + 3 * mm
#: The width of the text between the side margins (A4 portrait).
USABLE = page_size()[0] - 2 * SIDE_MARGIN


def _render(header: DocumentHeader, title: str, story: list, *, numbered: bool = True) -> bytes:
    """``story`` as the PDF: A4 portrait, the header on every page and "Strona X z Y" unless not ``numbered``."""
    buffer = io.BytesIO()
    document, width, height = flow_document(buffer, header, title, side=SIDE_MARGIN, top_gap=5 * mm,
                                            bottom=MARGIN + 6 * mm)

    def on_page(canvas, _doc) -> None:
        canvas.saveState()
        draw_header(canvas, header, width, height)
        canvas.restoreState()

    document.build(story, onFirstPage=on_page, onLaterPages=on_page,
                   canvasmaker=NumberedCanvas if numbered else pdf_canvas.Canvas)
    return buffer.getvalue()


def signature_block(labels: list[str], usable: float, *, height: float = 16 * mm) -> Table:
    """Empty space to sign in, a line and a caption under it, side by side (an empty label leaves a gap)."""
    caption = ParagraphStyle("vol_signature", parent=_styles()["small"], alignment=TA_CENTER)
    count = len(labels)
    gap = 12 * mm
    width = (usable - gap * (count - 1)) / count
    widths, first_row, captions = [], [], []
    for index, label in enumerate(labels):
        if index:
            widths.append(gap)
            first_row.append("")
            captions.append("")
        widths.append(width)
        first_row.append("")
        captions.append(Paragraph(text(label), caption) if label else "")
    table = Table([first_row, captions], colWidths=widths, rowHeights=[height, None])
    commands = [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 1), (-1, 1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
    commands += [("LINEABOVE", (2 * index, 1), (2 * index, 1), 0.6, colors.black)
                 for index, label in enumerate(labels) if label]
    table.setStyle(TableStyle(commands))
    return table


def _facts_table(rows: list[tuple[str, str]], usable: float, label_width: float = 48 * mm) -> Table:
    style = _styles()["cell"]
    table = Table([[Paragraph(text(label), _styles()["cell_bold"]), Paragraph(text(value), style)]
                   for label, value in rows], colWidths=[label_width, usable - label_width])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ]))
    return table


def _grid(rows: list[list], widths: list[float], *, numeric_from: int | None = None, total_row: bool = False,
          font_size: float = 8.5, numbered: bool = True) -> Table:
    cell = ParagraphStyle("grid_cell", parent=_styles()["cell"], fontSize=font_size, leading=font_size + 2)
    head = ParagraphStyle("grid_head", parent=_styles()["cell_bold"], fontSize=font_size, leading=font_size + 2)
    body = [[Paragraph(text(str(v)), head) for v in rows[0]]]
    for index, row in enumerate(rows[1:], start=1):
        style = head if total_row and index == len(rows) - 1 else cell
        body.append([Paragraph(text(str(v)), style) if isinstance(v, str) and len(v) > 18 else v for v in row])
    table = Table(body, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands = list(TABLE_GRID) + [("FONTSIZE", (0, 0), (-1, -1), font_size), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if numeric_from is not None:
        commands.append(("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"))
    if numbered:
        commands.append(("ALIGN", (0, 1), (0, -1), "RIGHT"))
    if total_row:
        commands += [("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
                     ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f2f2f2"))]
    table.setStyle(TableStyle(commands))
    return table


def _value_sentence(rate_text: str, value_text: str, label: str) -> str:
    """ "Stawka za godzinę: 35,00 zł. {label}: 437,50 zł." — or "" when the settings give no rate: a document
    handed to people says nothing rather than an internal hint (the window tells the office why)."""
    if not rate_text or not value_text:
        return ""
    return f"Stawka za godzinę pracy wolontariusza: {text(rate_text)}. {text(label)}: <b>{text(value_text)}</b>."


__all__ = ["CHILD_PROTECTION_ACT_GENITIVE", "LEGAL_ACT", "LEGAL_ACT_GENITIVE", "signature_block", "text"]
