"""The Gantt chart's time scale: two bands over the chart (years/months, months/weeks...) that follow its
horizontal scroll, with weekends, holidays and today marked, and the day under the mouse as a tooltip.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPolygonF
from PySide6.QtWidgets import QToolTip, QWidget

from pal_desktop.domain import schedule as rules
from pal_desktop.ui.widgets.gantt_geometry import BAND_HEIGHT, SCALE_HEIGHT
from pal_desktop.ui.widgets.gantt_style import GRID, HOLIDAY, LATE, TODAY, WEEKEND, YEAR_GRID
from pal_desktop.ui.widgets.gantt_text import date_text

if TYPE_CHECKING:
    from pal_desktop.ui.widgets.gantt_view import GanttView


class ScaleHeader(QWidget):
    """Two bands of the time scale over the chart (years/months, months/weeks...), following horizontal scroll."""

    def __init__(self, view: GanttView) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("ganttScale")
        self.setAccessibleName(QCoreApplication.translate("GanttView", "Skala czasu"))
        self.setMouseTracking(True)
        self.bands: tuple[list[rules.ScaleCell], list[rules.ScaleCell]] = ([], [])
        self.band_x: tuple[list[float], list[float]] = ([], [])

    def rebuild(self) -> None:
        scale = self.view.scale
        self.bands = rules.scale_bands(self.view.zoom, scale.origin, scale.end,
                                       lambda text: QCoreApplication.translate(rules.CONTEXT, text))
        self.band_x = tuple([scale.x(cell.start) for cell in band] for band in self.bands)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.window())
        offset = -self.view.horizontalScrollBar().value()
        width = self.width()
        scale = self.view.scale
        metrics = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        bold_metrics = QFontMetricsF(bold)
        holidays = self.view.holidays() if self.view.zoom == rules.Zoom.DAY else {}
        for band_index, (band, xs) in enumerate(zip(self.bands, self.band_x, strict=True)):
            top = band_index * BAND_HEIGHT
            upper = band_index == 0
            painter.setFont(bold if upper else self.font())
            used = bold_metrics if upper else metrics
            first = max(0, bisect.bisect_right(xs, -offset) - 1)
            for index in range(first, len(band)):
                cell = band[index]
                x0 = xs[index] + offset
                if x0 > width:
                    break
                x1 = scale.x(cell.end) + offset
                special = not upper and (cell.weekend or cell.start in holidays)
                if special:
                    painter.fillRect(QRectF(x0, top, x1 - x0, BAND_HEIGHT),
                                     HOLIDAY if cell.start in holidays else WEEKEND)
                painter.setPen(YEAR_GRID if upper else GRID)
                painter.drawLine(QPointF(x0, top + (0 if upper else 3)), QPointF(x0, top + BAND_HEIGHT))
                # The upper band's label stays in the visible part of its cell (a year stays readable).
                left, right = (max(x0, 0), min(x1, width)) if upper else (x0, x1)
                room = right - left - 4
                text = cell.label if used.horizontalAdvance(cell.label) <= room else cell.shortest
                if used.horizontalAdvance(text) > room:
                    continue
                painter.setPen(LATE if special else palette.windowText().color())
                painter.drawText(QRectF(left, top, right - left, BAND_HEIGHT), Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(GRID)
        painter.drawLine(0, BAND_HEIGHT, width, BAND_HEIGHT)
        painter.setPen(YEAR_GRID)
        painter.drawLine(0, SCALE_HEIGHT - 1, width, SCALE_HEIGHT - 1)
        today = self.view.today
        if scale.origin <= today <= scale.end:
            x = scale.x(today) + scale.px_per_day / 2 + offset
            if -10 < x < width + 10:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(TODAY)
                painter.drawPolygon(QPolygonF([QPointF(x - 5, SCALE_HEIGHT - 7), QPointF(x + 5, SCALE_HEIGHT - 7),
                                               QPointF(x, SCALE_HEIGHT - 1)]))
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            x = event.pos().x() + self.view.horizontalScrollBar().value()
            day = self.view.scale.date_at(x)
            text = date_text(day) + " (" + QCoreApplication.translate(
                rules.CONTEXT, rules.WEEKDAY_SHORT[day.weekday()]) + ")"
            if self.view.zoom.shades_days:
                holiday = self.view.holidays().get(day)
                if holiday:
                    text += " — " + holiday
            if day == self.view.today:
                text += " — " + QCoreApplication.translate("GanttView", "dziś")
            QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)
