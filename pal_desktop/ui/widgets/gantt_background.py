"""What the Gantt chart paints behind and over its items, for the exposed rectangle only: row stripes, the
time outside the programme, weekends and holidays, month/year and week lines, row lines, the selected row,
and today's line.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from pal_desktop.domain import schedule as rules
from pal_desktop.ui.widgets.gantt_geometry import ROW_HEIGHT
from pal_desktop.ui.widgets.gantt_style import (
    GRID,
    HOLIDAY,
    LATE,
    OUTSIDE,
    ROW_LINE,
    STRIPE,
    TODAY,
    WEEKEND,
    YEAR_GRID,
)

if TYPE_CHECKING:
    from pal_desktop.ui.widgets.gantt_view import GanttView


def paint_background(view: GanttView, painter: QPainter, rect: QRectF) -> None:
    """``GanttView.drawBackground``."""
    painter.fillRect(rect, view.palette().base())
    scale = view.scale
    first_row = max(0, int(rect.top() // ROW_HEIGHT))
    last_row = min(len(view.rows), int(rect.bottom() // ROW_HEIGHT) + 1)
    for row in range(first_row, last_row):
        if row % 2:
            painter.fillRect(QRectF(rect.left(), row * ROW_HEIGHT, rect.width(), ROW_HEIGHT), STRIPE)
    # Outside the programme's period.
    left = scale.x(view.period[0])
    right = scale.x_end(view.period[1])
    if rect.left() < left:
        painter.fillRect(QRectF(rect.left(), rect.top(), left - rect.left(), rect.height()), OUTSIDE)
    if rect.right() > right:
        painter.fillRect(QRectF(max(right, rect.left()), rect.top(), rect.right() - max(right, rect.left()),
                                rect.height()), OUTSIDE)
    first_day = scale.date_at(max(rect.left(), 0))
    last_day = min(scale.date_at(rect.right()), scale.end)
    # Weekends and public holidays, where a day is wide enough to see.
    if view.zoom.shades_days:
        holidays = view.holidays()
        weekends: list[QRectF] = []
        free: list[QRectF] = []
        day = first_day
        width = scale.px_per_day
        top, height = rect.top(), rect.height()
        while day <= last_day:
            if day in holidays:
                free.append(QRectF(scale.x(day), top, width, height))
            elif day.weekday() >= 5:
                weekends.append(QRectF(scale.x(day), top, width, height))
            day += rules.ONE_DAY
        painter.setPen(Qt.PenStyle.NoPen)
        for colour, rects in ((WEEKEND, weekends), (HOLIDAY, free)):
            if rects:
                painter.setBrush(colour)
                painter.drawRects(rects)
        painter.setBrush(Qt.BrushStyle.NoBrush)
    # Month lines (years stronger); week lines at day zoom.
    month = rules.month_start(first_day)
    while month <= last_day:
        if month >= first_day:
            x = scale.x(month)
            painter.setPen(YEAR_GRID if month.month == 1 else GRID)
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        month = rules.add_months(month, 1)
    if view.zoom == rules.Zoom.DAY:
        painter.setPen(QPen(GRID, 1, Qt.PenStyle.DotLine))
        monday = first_day + dt.timedelta(days=(7 - first_day.weekday()) % 7)
        while monday <= last_day:
            x = scale.x(monday)
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            monday += dt.timedelta(days=7)
    painter.setPen(QPen(LATE.darker(110), 1, Qt.PenStyle.DashLine))
    for x in (left, right):
        if rect.left() <= x <= rect.right():
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
    # Row lines and the selected row.
    painter.setPen(ROW_LINE)
    for row in range(first_row, last_row):
        y = (row + 1) * ROW_HEIGHT - 0.5
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
    if first_row <= view.selected_row < last_row:
        highlight = QColor(view.palette().highlight().color())
        highlight.setAlpha(48)
        painter.fillRect(QRectF(rect.left(), view.selected_row * ROW_HEIGHT, rect.width(), ROW_HEIGHT),
                         highlight)


def paint_foreground(view: GanttView, painter: QPainter, rect: QRectF) -> None:
    """``GanttView.drawForeground``: today's line."""
    today = view.today
    if not view.scale.origin <= today <= view.scale.end:
        return
    x = view.scale.x(today) + view.scale.px_per_day / 2
    if rect.left() - 2 <= x <= rect.right() + 2:
        painter.setPen(QPen(TODAY, 2))
        painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
