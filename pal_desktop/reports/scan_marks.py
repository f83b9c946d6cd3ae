"""What makes a printed attendance list readable by a machine: four corner marks, a QR code per page, and
the position of every signature cell recorded while the list is laid out.

The marks sit in the paper's margin, outside everything a person reads or signs, so the list looks as it
always did. The reader (``services/scan_reader.py``) finds the QR code, then the corner marks near where the
code says they are, and maps each recorded cell from the page to the scan.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from pal_desktop.domain.scan_code import PageCode
from pal_desktop.reports.styles import MARGIN, NumberedCanvas

#: A corner mark is a filled square this big, this far from both edges of the paper (outer edge): inside what
#: office printers print (about 4 mm of every edge is lost on most) and outside the header and the table.
MARK_SIZE = 5 * mm
MARK_INSET = 6 * mm
#: The QR code: bottom left, in the margin below the table, beside the page number's corner.
QR_SIZE = 16 * mm
QR_X = MARGIN
QR_Y = 4 * mm


def mark_centres(page_width: float, page_height: float) -> list[tuple[float, float]]:
    """The centres of the four marks in page points (origin bottom left): top left, top right, bottom right,
    bottom left."""
    near = MARK_INSET + MARK_SIZE / 2
    return [(near, page_height - near), (page_width - near, page_height - near), (page_width - near, near),
            (near, near)]


def qr_corners(page_width: float, page_height: float) -> list[tuple[float, float]]:
    """The QR symbol's corners in page points, in the order a decoder names them (the symbol's own top left,
    top right, bottom right, bottom left)."""
    return [(QR_X, QR_Y + QR_SIZE), (QR_X + QR_SIZE, QR_Y + QR_SIZE), (QR_X + QR_SIZE, QR_Y), (QR_X, QR_Y)]


@dataclass(frozen=True)
class CellBox:
    """One cell to read, in page points: ``kind`` is "signature" (a row's signature, or a grid's date
    column) or "name" (the name cell of a blank row, where walk-ins write themselves in)."""

    page: int
    row: int
    column: int
    kind: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class ScanLayout:
    """Filled while the list is built: every recorded cell, and each page's size."""

    cells: list[CellBox] = field(default_factory=list)
    page_sizes: dict[int, tuple[float, float]] = field(default_factory=dict)

    def rows_on(self, page: int) -> tuple[int, int]:
        rows = [cell.row for cell in self.cells if cell.page == page]
        return (min(rows), max(rows)) if rows else (0, 0)

    @property
    def pages(self) -> int:
        return len(self.page_sizes)


@dataclass(frozen=True)
class ScanTarget:
    """What a list's codes say besides the page: the event (or the series and month) and the version."""

    event_id: int | None
    series_id: int | None
    month: str | None
    version: str
    options: str


class RecordedCell(Flowable):
    """An empty cell content that notes where it was drawn, so the reader knows where to look for ink."""

    def __init__(self, layout: ScanLayout, row: int, column: int, kind: str) -> None:
        super().__init__()
        self.layout, self.row, self.column, self.kind = layout, row, column, kind

    def wrap(self, available_width, available_height):
        self.width, self.height = available_width, available_height
        return available_width, 0

    def draw(self) -> None:
        # A table draws a cell's content from its top: this flowable is 0 high and sits on the cell's
        # vertical middle, so the recorded box is the cell around it, found from the table's drawing state.
        x, y = self.canv.absolutePosition(0, 0)
        half = self._cell_height / 2
        self.layout.cells.append(CellBox(self.canv.getPageNumber(), self.row, self.column, self.kind,
                                         x, y - half, x + self.width, y + half))

    _cell_height = 0.0


def recorded(layout: ScanLayout | None, row: int, column: int, kind: str, cell_height: float):
    """The content of a cell to read: a recorder when the list is scannable, else nothing."""
    if layout is None:
        return ""
    cell = RecordedCell(layout, row, column, kind)
    cell._cell_height = cell_height
    return cell


def scannable_canvas(layout: ScanLayout, target: ScanTarget):
    """A ``canvasmaker`` that draws the marks and the page's code when the page count is known."""

    class ScannableCanvas(NumberedCanvas):
        def _draw_page_number(self, total: int) -> None:
            super()._draw_page_number(total)
            width, height = self._pagesize
            page = self._pageNumber
            layout.page_sizes[page] = (width, height)
            first, last = layout.rows_on(page)
            code = PageCode(target.event_id, target.series_id, target.month, target.version, target.options,
                            page, total,
                            max(1, first), max(1, first, last))
            draw_marks(self, width, height, code.text())

    return ScannableCanvas


def draw_marks(canvas, width: float, height: float, text: str) -> None:
    canvas.saveState()
    canvas.setFillColor(colors.black)
    for cx, cy in mark_centres(width, height):
        canvas.rect(cx - MARK_SIZE / 2, cy - MARK_SIZE / 2, MARK_SIZE, MARK_SIZE, stroke=0, fill=1)
    widget = QrCodeWidget(text, barLevel="M", barBorder=0)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, QR_X, QR_Y)
    canvas.restoreState()
