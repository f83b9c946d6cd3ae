"""One scanned page, scaled to fit, with every signature cell outlined as the reader judged it: green signed,
grey empty, orange unsure (as SDAPS and Auto Multiple Choice show a sheet after reading)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

PRESENT_COLOUR = QColor("#2e7d32")
ABSENT_COLOUR = QColor("#9e9e9e")
UNSURE_COLOUR = QColor("#ef6c00")


def grey_image(pixels: np.ndarray) -> QImage:
    """A grey numpy array as a QImage that owns its pixels."""
    pixels = np.ascontiguousarray(pixels, dtype=np.uint8)
    height, width = pixels.shape
    return QImage(pixels.data, width, height, width, QImage.Format.Format_Grayscale8).copy()


def outline_colour(signed: bool | None) -> QColor:
    return UNSURE_COLOUR if signed is None else PRESENT_COLOUR if signed else ABSENT_COLOUR


class ScanPageView(QLabel):
    """Shows ``page`` (a PageReading) at most ``width`` pixels wide; cells outlined when it was read."""

    def __init__(self, parent: QWidget | None = None, width: int = 460) -> None:
        super().__init__(parent)
        self.setObjectName("scanPageView")
        self.setAccessibleName(self.tr("Zeskanowana strona z zaznaczonymi polami podpisów"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(width, int(width * 1.3))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setStyleSheet("QLabel#scanPageView { background: #f3f3f3; border: 1px solid #c8c8c8; }")
        self._width = width
        self.outlined = 0

    def show_page(self, page, overrides: dict | None = None) -> None:
        """``overrides``: (event id, row) -> signed, for the cells a person has decided already."""
        overrides = overrides or {}
        self.outlined = 0
        if page is None or page.image is None:
            self.setPixmap(QPixmap())
            self.setText(self.tr("Tej strony nie da się pokazać."))
            return
        image = grey_image(page.image).convertToFormat(QImage.Format.Format_RGB32)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        thickness = max(2.0, image.width() / 300)
        for row in page.rows:
            if row.outline is None:
                continue
            signed = overrides.get((row.event_id, row.row), row.signed)
            pen = QPen(outline_colour(signed), thickness * (1.6 if row.signed is None else 1.0))
            painter.setPen(pen)
            painter.drawPolygon(QPolygonF([QPointF(float(x), float(y)) for x, y in row.outline]))
            self.outlined += 1
        painter.end()
        height = max(1, self.height() - 4, self.minimumHeight() - 4)
        pixmap = QPixmap.fromImage(image).scaled(self._width, height, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation)
        self.setText("")
        self.setPixmap(pixmap)
