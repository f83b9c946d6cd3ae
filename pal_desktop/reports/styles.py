"""What every PAL Desktop document shares: the embedded font with Polish letters, text styles, the header
with the organisation, programme and logo strip, "Strona X z Y" on every page, and the page frame of the
documents that flow as text (margins under the header, the printed-on line at the foot).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import SimpleDocTemplate

from pal_desktop import paths

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
MARGIN = 15 * mm
MAX_LOGOS = 4


@cache
def register_fonts() -> None:
    """Embed DejaVu Sans (bundled in resources/fonts): the PDF standard fonts have no Polish letters."""
    for name in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(paths.resource_path("fonts", f"{name}.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=15, leading=19,
                                alignment=TA_CENTER, spaceAfter=3 * mm),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=11, leading=14, alignment=TA_CENTER,
                                   spaceAfter=5 * mm),
        "heading": ParagraphStyle("heading", parent=base, fontName=FONT_BOLD, fontSize=11, leading=14,
                                  spaceBefore=4 * mm, spaceAfter=2 * mm),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
    }


TABLE_GRID = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
    ("FONTSIZE", (0, 0), (-1, -1), 8.5),
    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]


@dataclass(frozen=True)
class DocumentHeader:
    """What the top of every page shows: logos, organisation and programme."""

    organisation: str = ""
    address: str = ""
    #: The office's block: name, street address, "00-000 Town", each on its own line (empty ones left out).
    office_lines: tuple[str, ...] = ()
    #: The office's town, where documents are signed ("Kłobuck, 26.11.2026").
    town: str = ""
    programme_title: str = ""
    project_number: str = ""
    funding_line: str = ""
    logos: list[bytes] = field(default_factory=list)


def logo_height(header: DocumentHeader) -> float:
    return 14 * mm if header.logos else 0


FUNDING_LINES = 2


def _funding_lines(text: str, width: float) -> list[str]:
    """The funding line wrapped (it is long: programme, priority axis, measure, sub-measure) to two lines."""
    register_fonts()
    lines = simpleSplit(text, FONT, 7, width)
    if len(lines) > FUNDING_LINES:
        lines = lines[:FUNDING_LINES]
        lines[-1] = lines[-1].rstrip(" ,;") + "…"
    return lines


def header_height(header: DocumentHeader) -> float:
    lines = sum(bool(x) for x in (header.organisation, header.programme_title))
    if header.funding_line:
        # The narrowest page (A4 portrait) decides how many lines the funding line takes.
        lines += len(_funding_lines(header.funding_line, A4[0] - 2 * MARGIN))
    return logo_height(header) + lines * 4.2 * mm + (4 * mm if lines or header.logos else 0)


def draw_header(canvas, header: DocumentHeader, page_width: float, page_height: float) -> None:
    """The logo strip (at most four signs in one line, evenly spaced), then organisation and programme."""
    top = page_height - MARGIN
    usable = page_width - 2 * MARGIN
    if header.logos:
        logos = header.logos[:MAX_LOGOS]
        slot = usable / len(logos)
        height = logo_height(header)
        for index, content in enumerate(logos):
            try:
                image = ImageReader(io.BytesIO(content))
            except Exception:  # noqa: BLE001 - a damaged logo must not stop the document
                continue
            width_px, height_px = image.getSize()
            width = min(slot - 4 * mm, height * width_px / max(height_px, 1))
            draw_height = width * height_px / max(width_px, 1)
            x = MARGIN + index * slot + (slot - width) / 2
            canvas.drawImage(image, x, top - draw_height, width, draw_height, mask="auto")
        top -= height + 2 * mm
    canvas.setFillColor(colors.black)
    funding = _funding_lines(header.funding_line, usable) if header.funding_line else []
    for text, font, size in ((header.organisation, FONT_BOLD, 9),
                             (header.programme_title + (f" (nr {header.project_number})" if header.project_number
                                                        else ""), FONT, 8),
                             *((line, FONT, 7) for line in funding)):
        if not text:
            continue
        canvas.setFont(font, size)
        while canvas.stringWidth(text, font, size) > usable and len(text) > 4:
            text = text[:-4] + "…"
        canvas.drawCentredString(page_width / 2, top - size, text)
        top -= 4.2 * mm
    canvas.setStrokeColor(colors.grey)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, top - 1 * mm, page_width - MARGIN, top - 1 * mm)


class NumberedCanvas(pdf_canvas.Canvas):
    """Writes "Strona X z Y" on every page: pages are kept until the total is known."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        width, _ = self._pagesize
        self.setFont(FONT, 8)
        self.setFillColor(colors.black)
        self.drawRightString(width - MARGIN, 8 * mm, f"Strona {self._pageNumber} z {total}")


def page_size(landscape: bool = False, paper=A4) -> tuple[float, float]:
    width, height = paper
    return (height, width) if landscape else (width, height)


def flow_document(buffer, header: DocumentHeader, title: str, *, landscape: bool = False, side: float = MARGIN,
                  top_gap: float = 2 * mm, bottom: float = MARGIN + 5 * mm, invariant: bool = False):
    """A document of flowing text on A4 whose frame starts ``top_gap`` under the header; with its page size."""
    width, height = page_size(landscape)
    document = SimpleDocTemplate(buffer, pagesize=(width, height), leftMargin=side, rightMargin=side,
                                 topMargin=MARGIN + header_height(header) + top_gap, bottomMargin=bottom, title=title,
                                 author=header.organisation or "PAL Desktop", creator="PAL Desktop",
                                 invariant=1 if invariant else None)
    return document, width, height


def printed_note(printed_on: str, note: str = "") -> str:
    """The line at the foot of a page: "Wydrukowano {printed_on} w programie PAL Desktop", and " — {note}"."""
    return f"Wydrukowano {printed_on} w programie PAL Desktop" + (f" — {note}" if note else "")


def render_flow(header: DocumentHeader, title: str, story: list, footer: str = "", *,
                invariant: bool = False) -> bytes:
    """``story`` as an A4 portrait PDF: the header on every page, ``footer`` (when not empty) at its foot and
    "Strona X z Y". ``invariant``: no creation time or random id in the file, so that the same content gives the
    same bytes (a report version printed again)."""
    buffer = io.BytesIO()
    document, width, height = flow_document(buffer, header, title, invariant=invariant)

    def on_page(canvas, _doc) -> None:
        canvas.saveState()
        draw_header(canvas, header, width, height)
        canvas.setFont(FONT, 7)
        if footer:
            canvas.drawString(MARGIN, 8 * mm, footer)
        canvas.restoreState()

    document.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=NumberedCanvas)
    return buffer.getvalue()
