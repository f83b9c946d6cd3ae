"""The Gantt chart's scene items: a task's bar or milestone diamond (painted, and dragged to new dates),
the ticks of its events under it, and the rows of an expanded task's events.

One scene unit is one pixel; the items take their x from the view's ``TimeScale`` and their rows from
``gantt_geometry``, and tell the view what a drag did (``drag_feedback``, ``request_move``).
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from pal_desktop.domain import schedule as rules
from pal_desktop.domain.enums import EventStatus
from pal_desktop.ui.widgets.gantt_geometry import RIGHT_PAD, ROW_HEIGHT, grip_mode
from pal_desktop.ui.widgets.gantt_style import (
    BAR_DONE,
    BAR_EDGE,
    BAR_FILL,
    CANCELLED,
    HELD,
    LATE,
    MILESTONE,
    PLANNED,
    status_colour,
)
from pal_desktop.ui.widgets.gantt_text import date_text, progress_text

if TYPE_CHECKING:
    from pal_desktop.services.schedule import EventMark, TaskBar
    from pal_desktop.ui.widgets.gantt_view import GanttView


class TaskBarItem(QGraphicsItem):
    """A task's bar (or a milestone's diamond) with its events count; drag it to move, drag an end to resize."""

    def __init__(self, view: GanttView, task: TaskBar, row: int) -> None:
        super().__init__()
        self.view = view
        self.task = task
        self.row = row
        self.preview: tuple[dt.date, dt.date] | None = None
        self._drag: tuple[str, float, dt.date, dt.date] | None = None
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(2)
        self._layout()

    # ---- Geometry
    def dates(self) -> tuple[dt.date, dt.date]:
        return self.preview or (self.task.start, self.task.end)

    def _layout(self) -> None:
        scale = self.view.scale
        start, end = self.dates()
        top = self.row * ROW_HEIGHT
        if self.task.is_milestone:
            centre = scale.x(start) + scale.px_per_day / 2
            self.bar = QRectF(centre - 8, top + 2, 16, 16)
        else:
            left, right = scale.x(start), scale.x_end(end)
            self.bar = QRectF(left, top + 4, max(right - left, 3.0), 12)
        metrics = self.view.bar_metrics
        if self.task.is_milestone:
            self.label = date_text(start)
        else:
            self.label = progress_text(self.task) if self.task.planned or self.task.held else ""
        label_width = metrics.horizontalAdvance(self.label) + 8 if self.label else 0
        self.label_inside = (not self.task.is_milestone and label_width + 6 < self.bar.width())
        # A milestone in the second half of the programme has its date at the left (its right is the end).
        first, last = self.view.period
        self.label_left = self.task.is_milestone and (start - first) > (last - first) / 2
        icon = 16 if self.task.behind else 0
        extra = 4 + icon if self.label_inside else label_width + icon + 10
        if self.label_left:
            self.bounds = QRectF(self.bar.left() - extra - 3, top + 1, self.bar.width() + 6 + extra, ROW_HEIGHT - 7)
        else:
            self.bounds = QRectF(self.bar.left() - 3, top + 1, self.bar.width() + 6 + extra, ROW_HEIGHT - 7)

    def set_preview(self, dates: tuple[dt.date, dt.date] | None) -> None:
        if dates == self.preview:
            return
        self.prepareGeometryChange()
        self.preview = dates
        self._layout()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self.bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.bar.adjusted(-2, -2, 2, 2))
        return path

    # ---- Painting
    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        task, bar = self.task, self.bar
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, task.is_milestone)
        if task.is_milestone:
            c = bar.center()
            diamond = QPolygonF([QPointF(c.x(), bar.top()), QPointF(bar.right(), c.y()),
                                 QPointF(c.x(), bar.bottom()), QPointF(bar.left(), c.y())])
            painter.setBrush(MILESTONE)
            painter.setPen(QPen(LATE, 2) if task.behind else QPen(MILESTONE.darker(130), 1))
            painter.drawPolygon(diamond)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BAR_FILL)
            painter.drawRect(bar)
            start, end = self.dates()
            today = self.view.today
            if today >= start:
                done = min(self.view.scale.x_end(min(today, end)), bar.right())
                painter.setBrush(BAR_DONE)
                painter.drawRect(QRectF(bar.left(), bar.top(), done - bar.left(), bar.height()))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            pen = QPen(LATE, 2) if task.behind else QPen(BAR_EDGE, 1)
            if self.preview is not None:
                pen.setStyle(Qt.PenStyle.DashLine)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.drawRect(bar)
        if not self.label:
            return
        painter.setFont(self.view.bar_font)
        metrics = self.view.bar_metrics
        width = metrics.horizontalAdvance(self.label) + 8
        if self.label_inside:
            pill = QRectF(bar.right() - width - 3, bar.top() + 1, width, bar.height() - 2)
        elif self.label_left:
            pill = QRectF(bar.left() - width - 5, bar.center().y() - 7, width, 14)
        else:
            pill = QRectF(bar.right() + 5, bar.center().y() - 7, width, 14)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 225))
        painter.drawRoundedRect(pill, 3, 3)
        painter.setPen(LATE if task.behind else QColor("#1d2733"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, self.label)
        if task.behind:
            if self.label_left:
                circle = QRectF(pill.left() - 15, bar.center().y() - 6, 12, 12)
            else:
                circle = QRectF(pill.right() + 3 if not self.label_inside else bar.right() + 3,
                                bar.center().y() - 6, 12, 12)
            painter.setBrush(LATE)
            painter.drawEllipse(circle)
            painter.setPen(QColor("white"))
            font = QFont(self.view.bar_font)
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, "!")

    # ---- Dragging
    def mode_at(self, x: float) -> str:
        return grip_mode(x, self.bar.left(), self.bar.right(), self.task.is_milestone)

    def hoverMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        mode = self.mode_at(event.pos().x())
        self.setCursor(Qt.CursorShape.SizeHorCursor if mode != rules.MOVE else Qt.CursorShape.OpenHandCursor)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton or not self.view.editable:
            event.ignore()
            return
        self._drag = (self.mode_at(event.pos().x()), event.scenePos().x(), self.task.start, self.task.end)
        if self._drag[0] == rules.MOVE:
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.view.select_row(self.row, notify=True)
        event.accept()

    def _dragged(self, scene_x: float) -> tuple[str, dt.date, dt.date]:
        mode, press_x, start, end = self._drag
        days = self.view.scale.day_delta(scene_x - press_x)
        new_start, new_end = rules.shift_range(start, end, mode, days)
        if self.task.is_milestone:
            new_end = new_start
        return mode, new_start, new_end

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._drag is None:
            return
        mode, start, end = self._dragged(event.scenePos().x())
        shown_start, shown_end, clamped = rules.clamp_range(start, end, *self.view.period, mode)
        changed = (shown_start, shown_end) != (self.task.start, self.task.end)
        self.set_preview((shown_start, shown_end) if changed else None)
        self.view.drag_feedback(self.task, shown_start, shown_end, clamped)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._drag is None:
            return
        mode, start, end = self._dragged(event.scenePos().x())
        self._drag = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        if (start, end) == (self.task.start, self.task.end):
            self.set_preview(None)
            return
        # Handled after this event returns: saving reloads the chart, which replaces this item.
        self.view.request_move(self.task.id, start, end, mode)


class EventTicksItem(QGraphicsItem):
    """All events of one task as short ticks under its bar: one path per colour, whatever their number."""

    def __init__(self, view: GanttView, task: TaskBar, row: int) -> None:
        super().__init__()
        self.view = view
        self.task = task
        self.row = row
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(1)
        # Static until the next zoom or reload: painted once into a pixmap (only its visible part when wide).
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        scale = view.scale
        width = max(2.0, min(scale.px_per_day - 4, 8.0)) if scale.px_per_day >= 10 else 2.0
        shift = max(0.0, (scale.px_per_day - width) / 2)
        top = row * ROW_HEIGHT + 18
        self.marks = sorted(task.events, key=lambda m: m.date)
        self.xs = [scale.x(m.date) + shift for m in self.marks]
        paths: dict[int, tuple[QColor, QPainterPath]] = {}
        seen: set[tuple[int, int]] = set()
        for mark, x in zip(self.marks, self.xs, strict=True):
            colour = status_colour(mark, view.today)
            key = (colour.rgba(), round(x))
            if key in seen:
                continue
            seen.add(key)
            entry = paths.get(colour.rgba())
            if entry is None:
                entry = paths[colour.rgba()] = (colour, QPainterPath())
            entry[1].addRect(QRectF(x, top, width, 5))
        # Held first, late last: a late event is never hidden under another tick.
        order = {CANCELLED.rgba(): 0, PLANNED.rgba(): 1, HELD.rgba(): 2, LATE.rgba(): 3}
        self.paths = sorted(paths.values(), key=lambda entry: order.get(entry[0].rgba(), 0))
        if self.xs:
            self.bounds = QRectF(self.xs[0] - 1, top - 1, self.xs[-1] - self.xs[0] + width + 2, 7)
        else:
            self.bounds = QRectF()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self.bounds

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        for colour, path in self.paths:
            painter.fillPath(path, colour)

    def event_at(self, scene_x: float) -> EventMark | None:
        """The event whose tick is nearest to ``scene_x`` (within a few pixels)."""
        if not self.xs:
            return None
        reach = max(4.0, self.view.scale.px_per_day / 2 + 1)
        index = bisect.bisect_left(self.xs, scene_x - reach)
        best, best_distance = None, reach
        while index < len(self.xs) and self.xs[index] <= scene_x + reach:
            distance = abs(self.xs[index] + 1 - scene_x)
            if distance <= best_distance:
                best, best_distance = self.marks[index], distance
            index += 1
        return best


class EventRowsItem(QGraphicsItem):
    """The events of an expanded task, one per row under it: a marker at the date and the title beside it."""

    def __init__(self, view: GanttView, task: TaskBar, first_row: int, marks: list[EventMark]) -> None:
        super().__init__()
        self.view = view
        self.task = task
        self.first_row = first_row
        self.marks = marks
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setZValue(1)
        scale = view.scale
        self.bounds = QRectF(0, first_row * ROW_HEIGHT, scale.width + RIGHT_PAD, len(self.marks) * ROW_HEIGHT)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self.bounds

    def marker_x(self, mark: EventMark) -> float:
        scale = self.view.scale
        return scale.x(mark.date) + scale.px_per_day / 2

    def paint(self, painter: QPainter, option, _widget=None) -> None:
        exposed = option.exposedRect
        first = max(0, int((exposed.top() - self.bounds.top()) // ROW_HEIGHT))
        last = min(len(self.marks), int((exposed.bottom() - self.bounds.top()) // ROW_HEIGHT) + 1)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self.view.bar_font)
        for index in range(first, last):
            mark = self.marks[index]
            y = (self.first_row + index) * ROW_HEIGHT + ROW_HEIGHT / 2 - 3
            x = self.marker_x(mark)
            colour = status_colour(mark, self.view.today)
            painter.setPen(QPen(colour.darker(125), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush if mark.status == EventStatus.CANCELLED else colour)
            painter.drawEllipse(QPointF(x, y), 4.5, 4.5)
            painter.setPen(QColor("#44505e") if not mark.overdue else LATE)
            painter.drawText(QPointF(x + 9, y + 4), mark.title)

    def event_at_row(self, row: int) -> EventMark | None:
        index = row - self.first_row
        return self.marks[index] if 0 <= index < len(self.marks) else None
