"""Scanned pages as grey images: every page of a copier's PDF, and photos or scans as JPG, PNG or TIFF.

Pages are yielded one at a time, so a pile of 200 pages never sits in memory at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

#: Scans are read at this resolution: enough for the QR code (a module is 3-4 pixels) and for ink.
RENDER_DPI = 200
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp"}


class UnreadableFile(ValueError):
    """Not a PDF or an image this program can open."""


@dataclass(frozen=True)
class ScannedPage:
    source: str
    #: The page's number inside its file (1 for a single image).
    number: int
    #: Grey levels, 0 black to 255 white, rows × columns.
    image: np.ndarray
    dpi: float


def pages_of(path: Path, dpi: int = RENDER_DPI) -> Iterator[ScannedPage]:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        yield from _pdf_pages(path, dpi)
    elif suffix in IMAGE_SUFFIXES:
        yield from _image_pages(path)
    else:
        raise UnreadableFile(path.name)


def page_count(path: Path) -> int:
    """How many pages a file holds, for progress; 1 for what cannot be counted cheaply."""
    if path.suffix.lower() == ".pdf":
        import pypdfium2 as pdfium

        try:
            document = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as error:
            raise UnreadableFile(path.name) from error
        try:
            return len(document)
        finally:
            document.close()
    if path.suffix.lower() in (".tif", ".tiff"):
        from PIL import Image

        with Image.open(path) as image:
            return getattr(image, "n_frames", 1)
    return 1


def _pdf_pages(path: Path, dpi: int) -> Iterator[ScannedPage]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        raise UnreadableFile(path.name) from error
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            pixels = bitmap.to_numpy()
            image = np.ascontiguousarray(pixels if pixels.ndim == 2 else pixels[..., 0])
            page.close()
            yield ScannedPage(path.name, index + 1, image, float(dpi))
    finally:
        document.close()


def _image_pages(path: Path) -> Iterator[ScannedPage]:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        opened = Image.open(path)
    except (UnidentifiedImageError, OSError) as error:
        raise UnreadableFile(path.name) from error
    with opened:
        frames = getattr(opened, "n_frames", 1)
        for index in range(frames):
            opened.seek(index)
            # A phone photo says in its EXIF how it was held: turn it upright first.
            frame = ImageOps.exif_transpose(opened.copy()) or opened.copy()
            dpi = frame.info.get("dpi", (0, 0))[0] or 0.0
            yield ScannedPage(path.name, index + 1, np.asarray(frame.convert("L")).copy(), float(dpi))
