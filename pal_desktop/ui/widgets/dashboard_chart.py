"""Activity per month drawn with QPainter (no chart library): events held and planned as bars, the attendance
rate as a line over them, volunteer hours as a thin bar under each month."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

HELD, PLANNED, RATE, HOURS = QColor("#2e7d32"), QColor("#9e9e9e"), QColor("#1565c0"), QColor("#ef6c00")


class ActivityChart(QWidget):
    """Months of services.dashboard.MonthActivity; ``months`` is kept for tests and the accessible text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityChart")
        self.setAccessibleName(self.tr("Aktywność w miesiącach"))
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.months: tuple = ()

    def set_months(self, months) -> None:
        self.months = tuple(months)
        held = sum(m.held for m in self.months)
        planned = sum(m.planned for m in self.months)
        self.setAccessibleDescription(self.tr("Wydarzenia odbyte: {held}, zaplanowane: {planned}").format(
            held=held, planned=planned))
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        line = metrics.height()
        legend = ((HELD, self.tr("odbyte")), (PLANNED, self.tr("zaplanowane")), (RATE, self.tr("frekwencja")),
                  (HOURS, self.tr("godziny wolontariuszy")))
        x = 4
        for colour, text in legend:
            painter.fillRect(QRectF(x, 4, line * 0.8, line * 0.8), colour)
            x += line
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x, 4 + line * 0.8), text)
            x += metrics.horizontalAdvance(text) + line
        if not self.months:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Brak miesięcy w okresie"))
            return
        top, bottom = line * 2, self.height() - line * 2 - 8
        hours_band = max(8.0, (bottom - top) * 0.15)
        bars_bottom = bottom - hours_band - 4
        width = (self.width() - 8) / len(self.months)
        most = max([max(m.held, m.planned) for m in self.months] + [1])
        most_hours = max([float(m.volunteer_hours) for m in self.months] + [1.0])
        rate_points = []
        step = max(1, math.ceil(metrics.horizontalAdvance("00.00") * 1.3 / max(width, 1)))
        for index, month in enumerate(self.months):
            left = 4 + index * width
            bar = max(2.0, width * 0.35)
            for offset, value, colour in ((0.12, month.held, HELD), (0.12 + 0.38, month.planned, PLANNED)):
                height = (bars_bottom - top) * value / most
                painter.fillRect(QRectF(left + width * offset, bars_bottom - height, bar, height), colour)
            hours = hours_band * float(month.volunteer_hours) / most_hours
            painter.fillRect(QRectF(left + width * 0.12, bottom - hours, width * 0.76, hours), HOURS)
            if month.attendance_rate is not None:
                rate_points.append(QPointF(left + width / 2, bars_bottom - (bars_bottom - top)
                                           * float(month.attendance_rate)))
            if index % step == 0:
                painter.setPen(self.palette().text().color())
                painter.drawText(QRectF(left, bottom + 4, width * step, line), Qt.AlignmentFlag.AlignLeft,
                                 f"{month.month:%m.%y}")
        painter.setPen(QPen(RATE, 2))
        for first, second in zip(rate_points, rate_points[1:], strict=False):
            painter.drawLine(first, second)
        for point in rate_points:
            painter.drawEllipse(point, 2.5, 2.5)
