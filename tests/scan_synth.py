"""Synthetic scans of real printed attendance lists, with the truth kept: what the reader is tested against.

A list's PDF is rendered as a copier would scan it (150-300 dpi), signatures of different people (strokes of
various lengths, pens and pressure) are written into chosen cells, other cells are left empty or get stray
marks (a dot, a stroke crossing in from the neighbour's cell), then the page is rotated, skewed, put in
perspective, lit unevenly, noised and JPEG-compressed.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from pal_desktop.reports.scan_marks import CellBox, ScanLayout


@dataclass(frozen=True)
class Damage:
    rotation: float = 0.0  # degrees, counter-clockwise; 180 for upside down
    perspective: float = 0.0  # share of the page's width one corner moves by
    noise: float = 0.0  # standard deviation of grey-level noise
    lighting: float = 0.0  # share of brightness lost towards one side
    jpeg_quality: int | None = None
    blur: float = 0.0


@dataclass
class SyntheticPage:
    image: Image.Image
    #: (page, row, column, kind) -> whether a signature (or handwriting) was written there.
    truth: dict[tuple[int, int, int, str], bool] = field(default_factory=dict)
    #: Cells given a stray mark (they are empty in the truth).
    stray: set[tuple[int, int, int, str]] = field(default_factory=set)

    def png(self) -> bytes:
        buffer = io.BytesIO()
        self.image.save(buffer, format="PNG")
        return buffer.getvalue()


def render(pdf: bytes, page: int, dpi: int) -> Image.Image:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        image = document[page - 1].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()
    return image


def _box_px(cell: CellBox, page_height: float, dpi: int) -> tuple[float, float, float, float]:
    s = dpi / 72
    return cell.x0 * s, (page_height - cell.y1) * s, cell.x1 * s, (page_height - cell.y0) * s


def write_signature(draw: ImageDraw.ImageDraw, box, rng: random.Random, dpi: int) -> None:
    """A signature: a few connected strokes across part of the cell, a pen of 0.25-0.7 mm, light to heavy."""
    x0, y0, x1, y1 = box
    px_mm = dpi / 25.4
    width, height = x1 - x0, y1 - y0
    length = rng.choice([rng.uniform(8, 15), rng.uniform(15, 45), rng.uniform(0.3, 0.8) * width / px_mm])
    length = min(length * px_mm, width - 4 * px_mm)
    start = x0 + rng.uniform(2 * px_mm, max(2 * px_mm, width - length - 2 * px_mm))
    middle = (y0 + y1) / 2 + rng.uniform(-0.1, 0.1) * height
    pen = max(1, int(rng.uniform(0.25, 0.7) * px_mm))
    ink = rng.randint(0, 90)
    points = []
    steps = rng.randint(12, 40)
    amplitude = rng.uniform(0.15, 0.35) * height
    frequency = rng.uniform(0.8, 2.5)
    for i in range(steps + 1):
        t = i / steps
        x = start + t * length + rng.uniform(-0.5, 0.5) * px_mm
        y = middle + amplitude * math.sin(t * frequency * 2 * math.pi * 3 + rng.uniform(-0.4, 0.4))
        points.append((x, y))
    draw.line(points, fill=ink, width=pen, joint="curve")
    if rng.random() < 0.5:  # an underline or a flourish
        ux = start + rng.uniform(0, 0.3) * length
        draw.line([(ux, middle + amplitude * 1.1), (ux + rng.uniform(0.3, 0.9) * length, middle + amplitude)],
                  fill=ink, width=pen)


def write_stray(draw: ImageDraw.ImageDraw, box, rng: random.Random, dpi: int) -> None:
    """A dot of a resting pen, or the end of the neighbour's signature crossing the line into this cell."""
    x0, y0, x1, y1 = box
    px_mm = dpi / 25.4
    if rng.random() < 0.5:
        r = rng.uniform(0.25, 0.6) * px_mm
        cx, cy = rng.uniform(x0 + 3 * px_mm, x1 - 3 * px_mm), rng.uniform(y0 + 2 * px_mm, y1 - 2 * px_mm)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=rng.randint(0, 80))
    else:
        depth = rng.uniform(0.4, 2.2) * px_mm
        sx = rng.uniform(x0 + 5 * px_mm, x1 - 15 * px_mm)
        pen = max(1, int(rng.uniform(0.25, 0.6) * px_mm))
        if rng.random() < 0.5:  # from the cell above, dipping into the top
            draw.line([(sx, y0 - 3 * px_mm), (sx + 4 * px_mm, y0 + depth), (sx + 9 * px_mm, y0 - 2 * px_mm)],
                      fill=rng.randint(0, 80), width=pen)
        else:
            draw.line([(sx, y1 + 3 * px_mm), (sx + 4 * px_mm, y1 - depth), (sx + 9 * px_mm, y1 + 2 * px_mm)],
                      fill=rng.randint(0, 80), width=pen)


def sign_page(pdf: bytes, layout: ScanLayout, page: int, dpi: int, rng: random.Random, *,
              sign_share: float = 0.6, stray_share: float = 0.15, walk_ins: int = 0) -> SyntheticPage:
    """The page as printed, with signatures in about ``sign_share`` of its signature cells, stray marks in
    ``stray_share`` of the others, and ``walk_ins`` blank rows filled in by hand (name and signature)."""
    image = render(pdf, page, dpi)
    draw = ImageDraw.Draw(image)
    _, page_height = layout.page_sizes[page]
    result = SyntheticPage(image)
    cells = [c for c in layout.cells if c.page == page]
    blank_rows = sorted({c.row for c in cells if c.kind == "name"})
    handwritten = set(blank_rows[:walk_ins])
    for cell in cells:
        key = (cell.page, cell.row, cell.column, cell.kind)
        box = _box_px(cell, page_height, dpi)
        if cell.kind == "name" or cell.row in blank_rows:
            signed = cell.row in handwritten
        else:
            signed = rng.random() < sign_share
        if signed:
            write_signature(draw, box, rng, dpi)
        elif rng.random() < stray_share:
            write_stray(draw, box, rng, dpi)
            result.stray.add(key)
        result.truth[key] = signed
    return result


def damage(image: Image.Image, harm: Damage, rng: random.Random) -> Image.Image:
    """The page as the copier or the phone gives it back."""
    out = image
    if harm.perspective:
        w, h = out.size
        d = harm.perspective * w
        # PIL's quad: the source corners upper left, lower left, lower right, upper right.
        corners = [(rng.uniform(0, d), rng.uniform(0, d)), (rng.uniform(0, d), h - rng.uniform(0, d)),
                   (w - rng.uniform(0, d), h - rng.uniform(0, d)), (w - rng.uniform(0, d), rng.uniform(0, d))]
        out = out.transform(out.size, Image.Transform.QUAD, [c for corner in corners for c in corner],
                            resample=Image.Resampling.BILINEAR, fillcolor=255)
    if harm.rotation:
        out = out.rotate(harm.rotation, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)
    if harm.blur:
        out = out.filter(ImageFilter.GaussianBlur(harm.blur))
    pixels = np.asarray(out, dtype=np.float32)
    if harm.lighting:
        ramp = np.linspace(1.0, 1.0 - harm.lighting, pixels.shape[1], dtype=np.float32)
        pixels = pixels * ramp[None, :]
    if harm.noise:
        pixels = pixels + np.random.default_rng(rng.randint(0, 2**31)).normal(0, harm.noise, pixels.shape)
    out = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    if harm.jpeg_quality:
        buffer = io.BytesIO()
        out.save(buffer, format="JPEG", quality=harm.jpeg_quality)
        out = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    return out


def random_damage(rng: random.Random) -> Damage:
    """A copier's or a phone's everyday harm: a few degrees of skew, some perspective, noise and light."""
    rotation = rng.choice([0, 0, 0, 90, 180, 270]) + rng.uniform(-3, 3)
    return Damage(rotation=rotation, perspective=rng.choice([0, 0, rng.uniform(0.005, 0.03)]),
                  noise=rng.uniform(0, 10), lighting=rng.uniform(0, 0.3), jpeg_quality=rng.choice([None, 60, 75, 90]),
                  blur=rng.choice([0, 0, 0.6]))
