"""Reading a scanned attendance page: find its code, straighten it on its corner marks, judge each cell's ink.

How it works, as optical-mark readers do (SDAPS, Auto Multiple Choice): the QR code's corners give a first
map from the printed page to the scan, in any orientation (the decoder names the symbol's own corners); the
four corner marks are then looked for where that map puts them, and the map is fitted again on marks and
code together, which corrects skew and a photo's perspective. Each signature cell is sampled through the map
into a small upright patch; the ink in its middle band says signed or not, and how sure. Only what is
unsure goes to a person.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pal_desktop.reports.scan_marks import MARK_SIZE, CellBox, mark_centres, qr_corners

MM = 72 / 25.4
#: Cells are sampled at this many pixels per millimetre (about 150 dpi), whatever the scan's resolution.
SAMPLES_PER_MM = 6
#: How much of each cell's edge is left out: the printed lines and a neighbour's overflowing stroke.
CELL_INSET_X_MM = 1.2
CELL_INSET_Y_MM = 1.4
#: A pixel is ink when it is this much darker than the cell's paper (a share of the paper's brightness) and
#: well above the scan's grain; faint ink, at the lower contrast, keeps a cell from being called empty.
INK_CONTRAST = 0.25
FAINT_CONTRAST = 0.12
#: Signed: ink across at least this many millimetres of the cell's middle band; empty: at most that many of
#: the whole cell. Between the two, a person looks.
SIGNED_MM = 4.0
EMPTY_MM = 1.5


@dataclass(frozen=True)
class DecodedCode:
    text: str
    #: The symbol's corners in the scan (x, y pixels): its own top left, top right, bottom right, bottom left.
    corners: np.ndarray


@dataclass(frozen=True)
class PageGeometry:
    #: Maps page points (x right, y up from the bottom left) to scan pixels.
    matrix: np.ndarray
    #: How many of the four corner marks were found where the code said.
    marks_found: int
    #: Scan pixels per page point, near the page's middle.
    scale: float
    #: The mean distance, in millimetres, between where the fitted map puts the marks and where they are.
    residual_mm: float


@dataclass(frozen=True)
class CellReading:
    cell: CellBox
    #: True signed, False empty, None: the reader is not sure (sent to review).
    signed: bool | None
    #: How sure the reader is of ``signed`` (0.5 a guess, 1.0 certain); for an unsure cell, of its best guess.
    confidence: float
    #: The best guess, also for an unsure cell.
    likely: bool
    #: Millimetres of the middle band's width that carry ink.
    ink_mm: float
    #: The upright cell as grey levels, for the review's zoomed thumbnails.
    patch: np.ndarray


class PageNotFound(ValueError):
    """The page's marks could not be found: cut off, folded or too blurred."""


def decode_codes(image: np.ndarray) -> list[DecodedCode]:
    """Every QR code on the page; the caller decides which are ours."""
    import zxingcpp

    factor = 1.0
    barcodes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    if not barcodes:
        # A blurred or grainy 150 dpi copy: at twice the size the decoder tells the modules apart again.
        from PIL import Image

        factor = 2.0
        larger = Image.fromarray(image).resize((image.shape[1] * 2, image.shape[0] * 2), Image.Resampling.BICUBIC)
        barcodes = zxingcpp.read_barcodes(np.asarray(larger), formats=zxingcpp.BarcodeFormat.QRCode)
    found = []
    for barcode in barcodes:
        position = barcode.position
        corners = np.array([[p.x, p.y] for p in (position.top_left, position.top_right, position.bottom_right,
                                                 position.bottom_left)], dtype=float) / factor
        found.append(DecodedCode(barcode.text, corners))
    return found


def homography(source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """The projective map taking ``source`` points to ``target`` points (least squares over 4 or more)."""
    rows = []
    for (x, y), (u, v) in zip(source, target, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y, -u])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y, -v])
    _, _, vt = np.linalg.svd(np.asarray(rows, dtype=float))
    matrix = vt[-1].reshape(3, 3)
    return matrix / matrix[2, 2]


def affine(source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """The affine map (no perspective) taking ``source`` to ``target`` by least squares: what a few close
    points can be trusted to tell about a whole page."""
    source, target = np.asarray(source, dtype=float), np.asarray(target, dtype=float)
    design = np.hstack([source, np.ones((len(source), 1))])
    solution, *_ = np.linalg.lstsq(design, target, rcond=None)
    return np.vstack([solution.T, [0.0, 0.0, 1.0]])


def project(matrix: np.ndarray, points: np.ndarray) -> np.ndarray:
    points = np.asarray(points, dtype=float)
    flat = points.reshape(-1, 2)
    homogeneous = np.hstack([flat, np.ones((len(flat), 1))]) @ matrix.T
    return (homogeneous[:, :2] / homogeneous[:, 2:3]).reshape(points.shape)


def _scale(matrix: np.ndarray, at: tuple[float, float]) -> float:
    x, y = at
    here, right, up = project(matrix, np.array([[x, y], [x + 10, y], [x, y + 10]]))
    return float((np.linalg.norm(right - here) + np.linalg.norm(up - here)) / 20)


def _find_mark(image: np.ndarray, predicted: np.ndarray, scale: float) -> np.ndarray | None:
    """The centre of the solid square nearest ``predicted``, or None when none is there (cut off)."""
    side = MARK_SIZE * scale
    reach = 9 * MM * scale
    height, width = image.shape
    x, y = predicted
    if not (-side / 2 <= x < width + side / 2 and -side / 2 <= y < height + side / 2):
        return None  # where the mark should be is off the scan: the page is cut off there
    x0, x1 = max(0, int(round(x - reach))), min(width, int(round(x + reach)))
    y0, y1 = max(0, int(round(y - reach))), min(height, int(round(y + reach)))
    window = image[y0:y1, x0:x1].astype(np.float32)
    k = max(3, int(side * 0.8))
    if window.shape[0] <= k or window.shape[1] <= k:
        return None
    paper = float(np.percentile(window, 90))
    darkness = np.clip(paper - window, 0, None)
    integral = np.pad(darkness.cumsum(0).cumsum(1), ((1, 0), (1, 0)))
    box = (integral[k:, k:] - integral[:-k, k:] - integral[k:, :-k] + integral[:-k, :-k]) / (k * k)
    best = np.unravel_index(int(np.argmax(box)), box.shape)
    if box[best] < 0.45 * max(paper, 1.0):
        return None
    by, bx = best
    pad = int(k * 0.4)
    cy0, cx0 = max(0, by - pad), max(0, bx - pad)
    region = darkness[cy0:by + k + pad, cx0:bx + k + pad]
    mask = region > 0.5 * region.max()
    if mask.sum() < 0.5 * k * k:
        return None
    ys, xs = np.nonzero(mask)
    # A mark stands alone on white paper: what surrounds it (text, a logo, the table) is not a mark.
    ring = int(side * 0.35)
    ry0, rx0 = max(0, by - ring), max(0, bx - ring)
    around = darkness[ry0:by + k + ring, rx0:bx + k + ring]
    ring_ink = (around.sum() - darkness[by:by + k, bx:bx + k].sum()) / max(1, around.size - k * k)
    if ring_ink > 0.5 * box[best]:
        return None
    return np.array([x0 + cx0 + xs.mean() + 0.5, y0 + cy0 + ys.mean() + 0.5])


#: The marks are looked for nearest the code first, each found one sharpening where the next should be.
_SEARCH_ORDER = (3, 2, 0, 1)  # bottom left, bottom right, top left, top right


def locate_page(image: np.ndarray, code: DecodedCode, page_size: tuple[float, float]) -> PageGeometry:
    """The map from the printed page to this scan, from the code and the corner marks around it."""
    width, height = page_size
    code_points = np.array(qr_corners(width, height))
    marks = np.array(mark_centres(width, height))
    # A projective map fitted on the code alone extrapolates wildly across the page; an affine one does not.
    matrix = affine(code_points, code.corners)
    found_page, found_scan = [], []
    for index in _SEARCH_ORDER:
        scale = _scale(matrix, tuple(marks[index]))
        centre = _find_mark(image, project(matrix, marks[index]), scale)
        if centre is None:
            continue
        found_page.append(marks[index])
        found_scan.append(centre)
        # The code's corners pin the bottom left; the marks found so far hold the rest of the page. Perspective
        # is fitted only once the marks span the page.
        fit = homography if len(found_page) >= 3 else affine
        matrix = fit(np.vstack([code_points, found_page]), np.vstack([code.corners, found_scan]))
    if len(found_page) < 3:
        raise PageNotFound(len(found_page))
    scale = _scale(matrix, (width / 2, height / 2))
    residual = float(np.mean(np.linalg.norm(project(matrix, np.array(found_page)) - np.array(found_scan), axis=1)))
    return PageGeometry(matrix, len(found_page), scale, residual / scale / MM)


def _sample(image: np.ndarray, matrix: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    """The page rectangle (points) as an upright patch of grey levels, SAMPLES_PER_MM per millimetre."""
    columns = max(2, int((x1 - x0) / MM * SAMPLES_PER_MM))
    rows = max(2, int((y1 - y0) / MM * SAMPLES_PER_MM))
    xs = np.linspace(x0, x1, columns)
    ys = np.linspace(y1, y0, rows)  # the patch's first row is the cell's top
    grid = np.stack(np.meshgrid(xs, ys), axis=-1)
    mapped = project(matrix, grid)
    height, width = image.shape
    u = np.clip(mapped[..., 0] - 0.5, 0, width - 1.001)
    v = np.clip(mapped[..., 1] - 0.5, 0, height - 1.001)
    u0, v0 = u.astype(int), v.astype(int)
    fu, fv = u - u0, v - v0
    source = image.astype(np.float32)
    top = source[v0, u0] * (1 - fu) + source[v0, u0 + 1] * fu
    bottom = source[v0 + 1, u0] * (1 - fu) + source[v0 + 1, u0 + 1] * fu
    return top * (1 - fv) + bottom * fv


def _ink_columns(ink: np.ndarray) -> float:
    """Millimetres of width in which at least two ink pixels touch (lone noise pixels do not count)."""
    joined = ink[1:, :] & ink[:-1, :]
    return float(np.count_nonzero(joined.any(axis=0))) / SAMPLES_PER_MM


def read_cell(image: np.ndarray, geometry: PageGeometry, cell: CellBox) -> CellReading:
    inset_x, inset_y = CELL_INSET_X_MM * MM, CELL_INSET_Y_MM * MM
    patch = _sample(image, geometry.matrix, cell.x0 + inset_x, cell.y0 + inset_y, cell.x1 - inset_x,
                    cell.y1 - inset_y)
    paper = max(float(np.percentile(patch, 90)), 1.0)
    darker = paper - patch
    grain = 1.4826 * float(np.median(np.abs(patch - np.median(patch))))
    ink = darker > max(INK_CONTRAST * paper, 4 * grain)
    faint = darker > max(FAINT_CONTRAST * paper, 3.5 * grain)
    # Grain is speckle, a stroke is a line: faint ink counts where a 2×2 block of pixels is all faint.
    faint = np.pad(faint[1:, 1:] & faint[:-1, 1:] & faint[1:, :-1] & faint[:-1, :-1], ((0, 1), (0, 1)))
    rows = ink.shape[0]
    middle_mm = _ink_columns(ink[rows // 5: rows - rows // 5, :])
    # A neighbour's stroke crossing the line stays in the cell's top or bottom fifth: only the middle counts.
    faint_mm = _ink_columns(faint[rows // 5: rows - rows // 5, :])
    width_mm = ink.shape[1] / SAMPLES_PER_MM
    signed_mm = min(SIGNED_MM, 0.3 * width_mm)
    if middle_mm >= signed_mm:
        signed, likely = True, True
        confidence = min(1.0, 0.75 + 0.25 * (middle_mm - signed_mm) / max(signed_mm, 1.0))
    elif faint_mm >= 2 * signed_mm:
        # A light pen or a pale copy: a long faint line across the middle is a signature all the same.
        signed, likely, confidence = True, True, 0.8
    elif max(faint_mm, middle_mm) < EMPTY_MM:
        signed, likely = False, False
        confidence = min(1.0, 0.75 + 0.25 * (EMPTY_MM - faint_mm) / EMPTY_MM)
    else:
        signed = None
        likely = max(middle_mm, faint_mm / 2) >= (signed_mm + EMPTY_MM) / 2
        span = max(signed_mm - EMPTY_MM, 0.1)
        confidence = 0.5 + 0.2 * min(1.0, abs(middle_mm - (signed_mm + EMPTY_MM) / 2) / span)
    thumbnail = _sample(image, geometry.matrix, cell.x0, cell.y0, cell.x1, cell.y1)
    return CellReading(cell, signed, round(confidence, 3), likely, round(middle_mm, 2),
                       np.clip(thumbnail, 0, 255).astype(np.uint8))


@dataclass(frozen=True)
class Exposure:
    too_dark: bool
    too_light: bool


def exposure(image: np.ndarray) -> Exposure:
    """A page whose paper is grey (a dark copy) or whose print has faded to nothing cannot be judged."""
    sample = image[:: max(1, image.shape[0] // 300), :: max(1, image.shape[1] // 300)]
    paper = float(np.percentile(sample, 90))
    print_ = float(np.percentile(sample, 1))
    return Exposure(too_dark=paper < 110, too_light=paper - print_ < 60)
