"""Signed attendance lists read back from scans: which list each page is, who signed, what needs a look.

``read_scans`` writes nothing: it answers, page by page, with the list, the rows and their readings, or
with the reason a page cannot be used (no code, a list printed again since, a deleted event, too dark, too
light, cut off, read already). ``apply_scan`` then records the attendance in one transaction and keeps the
scanned pages with their events.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import numpy as np

from pal_desktop.domain.scan_code import NotOurCode, PageCode, parse, parse_layout_options
from pal_desktop.errors import NotFoundError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import scan_reader
from pal_desktop.services.scan_images import ScannedPage, UnreadableFile, page_count, pages_of
from pal_desktop.storage.db import Database

Progress = Callable[[int, int], bool]


class PageProblem(Enum):
    NO_CODE = "no_code"
    REPRINTED = "reprinted"
    DELETED = "deleted"
    TOO_DARK = "too_dark"
    TOO_LIGHT = "too_light"
    CUT_OFF = "cut_off"
    DUPLICATE = "duplicate"
    UNREADABLE_FILE = "unreadable_file"

    @property
    def advice(self) -> str:
        """What the office should do, in Polish (the UI translates it in the context "ScanProblems")."""
        return _ADVICE[self]


_ADVICE = {
    PageProblem.NO_CODE: QT_TRANSLATE_NOOP(
        "ScanProblems", "Na stronie nie ma kodu listy obecności (kopia starej listy albo inny dokument). "
                        "Obecność z tej strony trzeba wpisać ręcznie."),
    PageProblem.REPRINTED: QT_TRANSLATE_NOOP(
        "ScanProblems", "Ta lista została od tamtej pory wydrukowana ponownie (zmienili się zapisani). "
                        "Wpisz obecność ręcznie albo zeskanuj nowszy wydruk."),
    PageProblem.DELETED: QT_TRANSLATE_NOOP(
        "ScanProblems", "Wydarzenie z tej listy zostało usunięte. Nic nie zapisano."),
    PageProblem.TOO_DARK: QT_TRANSLATE_NOOP(
        "ScanProblems", "Skan jest za ciemny. Zeskanuj stronę ponownie jaśniej (tryb „dokument”, 200-300 dpi)."),
    PageProblem.TOO_LIGHT: QT_TRANSLATE_NOOP(
        "ScanProblems", "Skan jest za jasny albo wyblakły. Zeskanuj stronę ponownie ciemniej."),
    PageProblem.CUT_OFF: QT_TRANSLATE_NOOP(
        "ScanProblems", "Nie widać narożników strony (ucięta, zagięta lub nieostra). Zeskanuj całą stronę."),
    PageProblem.DUPLICATE: QT_TRANSLATE_NOOP(
        "ScanProblems", "Ta strona jest już w tym zestawie albo została wczytana wcześniej. Pominięto ją."),
    PageProblem.UNREADABLE_FILE: QT_TRANSLATE_NOOP(
        "ScanProblems", "Tego pliku nie da się otworzyć: wczytaj PDF albo obraz JPG, PNG lub TIFF."),
}


@dataclass(frozen=True)
class RowReading:
    row: int
    #: The participant printed on the row; None for a blank row someone wrote a name into (a walk-in).
    participant_id: int | None
    name: str
    #: For a series' grid, the session (event) of the column; the event of a single list otherwise.
    event_id: int
    signed: bool | None
    likely: bool
    confidence: float
    #: The signature cell as seen on the scan, for the review's zoomed thumbnail (grey levels).
    thumbnail: np.ndarray = field(repr=False, compare=False)
    #: For a walk-in row, the handwritten name cell.
    name_thumbnail: np.ndarray | None = field(default=None, repr=False, compare=False)
    #: The signature cell's corners on the scan (x, y pixels), for outlining it in the review.
    outline: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def needs_review(self) -> bool:
        return self.signed is None or self.participant_id is None


@dataclass
class PageReading:
    source: str
    source_page: int
    code: PageCode | None = None
    problem: PageProblem | None = None
    event_ids: list[int] = field(default_factory=list)
    title: str = ""
    rows: list[RowReading] = field(default_factory=list)
    #: The scan as grey levels, for showing it and keeping it as evidence.
    image: np.ndarray | None = field(default=None, repr=False)
    sha256: str = ""


@dataclass
class ScanResult:
    pages: list[PageReading] = field(default_factory=list)
    cancelled: bool = False

    @property
    def usable(self) -> list[PageReading]:
        return [page for page in self.pages if page.problem is None]

    @property
    def problems(self) -> list[PageReading]:
        return [page for page in self.pages if page.problem is not None]


@dataclass(frozen=True)
class _ListLayout:
    event_ids: list[int]
    participant_ids: list[int]
    names: list[str]
    version: str
    layout: object  # reports.scan_marks.ScanLayout
    title: str


def _rebuild(db: Database, code: PageCode) -> _ListLayout | None:
    """The list the code names, laid out again as it is now; None when its event or series is gone."""
    from pal_desktop.reports.attendance_list import render_attendance_list, render_series_grid
    from pal_desktop.reports.scan_marks import ScanLayout
    from pal_desktop.services import attendance_lists

    blank_rows, columns = parse_layout_options(code.options)
    layout = ScanLayout()
    try:
        if code.event_id is not None:
            options = attendance_lists.ListOptions(
                blank_rows=blank_rows, birth_dates=attendance_lists.BIRTH_DATES in columns,
                guardian_signature=attendance_lists.GUARDIAN_SIGNATURE in columns)
            data, ids = attendance_lists.event_list(db, code.event_id, options)
            render_attendance_list(data, layout)
            return _ListLayout([code.event_id], ids, list(data.names), data.scan.version, layout,
                               f"{data.event.topic} — {data.event.date}")
        year, month = (int(part) for part in code.month.split("-"))
        data, ids, event_ids = attendance_lists.series_list(db, code.series_id, year, month, blank_rows=blank_rows)
        render_series_grid(data, layout)
        return _ListLayout(event_ids, ids, list(data.names), data.scan.version, layout,
                           f"{data.event.topic} — {data.month}")
    except NotFoundError:
        return None


def _read_page(db: Database, scanned: ScannedPage, cache: dict) -> PageReading:
    reading = PageReading(scanned.source, scanned.number, image=scanned.image,
                          sha256=hashlib.sha256(scanned.image.tobytes()).hexdigest())
    codes = []
    for decoded in scan_reader.decode_codes(scanned.image):
        try:
            codes.append((parse(decoded.text), decoded))
        except NotOurCode:
            continue
    exposure = scan_reader.exposure(scanned.image)
    if not codes:
        reading.problem = (PageProblem.TOO_DARK if exposure.too_dark else
                           PageProblem.TOO_LIGHT if exposure.too_light else PageProblem.NO_CODE)
        return reading
    code, decoded = codes[0]
    reading.code = code
    if code.list_key not in cache:
        cache[code.list_key] = _rebuild(db, code)
    rebuilt = cache[code.list_key]
    if rebuilt is None:
        reading.problem = PageProblem.DELETED
        return reading
    reading.title, reading.event_ids = rebuilt.title, list(rebuilt.event_ids)
    if rebuilt.version != code.version:
        reading.problem = PageProblem.REPRINTED
        return reading
    if exposure.too_dark or exposure.too_light:
        reading.problem = PageProblem.TOO_DARK if exposure.too_dark else PageProblem.TOO_LIGHT
        return reading
    page_size = rebuilt.layout.page_sizes.get(code.page)
    if page_size is None:
        reading.problem = PageProblem.REPRINTED
        return reading
    try:
        geometry = scan_reader.locate_page(scanned.image, decoded, page_size)
    except scan_reader.PageNotFound:
        reading.problem = PageProblem.CUT_OFF
        return reading
    cells = [cell for cell in rebuilt.layout.cells if cell.page == code.page]
    names = {cell.row: scan_reader.read_cell(scanned.image, geometry, cell) for cell in cells if cell.kind == "name"}
    people = len(rebuilt.participant_ids)
    for cell in cells:
        if cell.kind != "signature":
            continue
        signature = scan_reader.read_cell(scanned.image, geometry, cell)
        outline = scan_reader.project(geometry.matrix, np.array(
            [[cell.x0, cell.y1], [cell.x1, cell.y1], [cell.x1, cell.y0], [cell.x0, cell.y0]]))
        event_id = rebuilt.event_ids[min(cell.column, len(rebuilt.event_ids) - 1)]
        if cell.row <= people:
            reading.rows.append(RowReading(cell.row, rebuilt.participant_ids[cell.row - 1],
                                           rebuilt.names[cell.row - 1], event_id, signature.signed,
                                           signature.likely, signature.confidence, signature.patch,
                                           outline=outline))
            continue
        handwritten = names.get(cell.row)
        if handwritten is not None and handwritten.likely and (signature.likely or cell.column > 0):
            reading.rows.append(RowReading(cell.row, None, "", event_id, signature.signed, signature.likely,
                                           signature.confidence, signature.patch, handwritten.patch, outline))
    return reading


def read_scans(db: Database, files: Iterable[Path], progress: Progress | None = None, *,
               known_hashes: set[str] | None = None) -> ScanResult:
    """Read every page of ``files``; writes nothing. ``progress(done, total)`` returning False cancels."""
    files = list(files)
    total = 0
    for path in files:
        try:
            total += page_count(path)
        except (UnreadableFile, OSError):
            total += 1
    result = ScanResult()
    cache: dict = {}
    seen_pages: set[tuple] = set()
    seen_hashes = set(known_hashes if known_hashes is not None else stored_hashes(db))
    done = 0
    for path in files:
        try:
            for scanned in pages_of(path):
                page = _read_page(db, scanned, cache)
                key = (page.code.list_key, page.code.page) if page.code else None
                if page.problem is None and (page.sha256 in seen_hashes or key in seen_pages):
                    page.problem = PageProblem.DUPLICATE
                if page.problem is None:
                    seen_pages.add(key)
                    seen_hashes.add(page.sha256)
                result.pages.append(page)
                done += 1
                if progress is not None and progress(done, total) is False:
                    result.cancelled = True
                    return result
        except (UnreadableFile, OSError):
            result.pages.append(PageReading(path.name, 0, problem=PageProblem.UNREADABLE_FILE))
            done += 1
    return result


def stored_hashes(db: Database) -> set[str]:
    from sqlalchemy import select

    from pal_desktop.storage.models import ScannedListPage

    with db.reading() as session:
        return set(session.scalars(select(ScannedListPage.sha256)))


def page_jpeg(image: np.ndarray, quality: int = 70) -> bytes:
    """The scan as kept for evidence: grey JPEG, readable and a fraction of the PNG's size."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, format="JPEG", quality=quality, optimize=True)
    return buffer.getvalue()
