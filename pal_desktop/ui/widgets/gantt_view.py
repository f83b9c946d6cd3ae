"""The Gantt chart: tasks as bars over their dates, events as ticks (or rows of their own), milestones as diamonds.

A ``QGraphicsView`` over a scene in which one scene unit is one pixel: x comes from the domain's
``TimeScale`` (so zooming rebuilds geometry rather than scaling text) and row ``i`` spans
``i * ROW_HEIGHT`` to ``(i + 1) * ROW_HEIGHT``, the same rows the task list at the left shows.

This module is the view itself: its data, zoom and scrolling, and what the mouse and keyboard do (panning,
selecting a row, double-click, tooltips). The items are in ``gantt_items``, the time scale strip in
``gantt_header``, the background in ``gantt_background``, sizes in ``gantt_geometry``.

Kept cheap for thousands of events: the scene has no index (a few dozen items), all the ticks of a task are
one item with one path per colour, and stripes, weekends, holidays and month lines are painted in
``drawBackground`` for the exposed rectangle only. The time scale is a strip in the view's top margin, so it
stays in place while the rows scroll.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsScene,
    QGraphicsView,
    QToolTip,
    QWidget,
)

from pal_desktop.domain import schedule as rules
from pal_desktop.ui.widgets.gantt_background import paint_background, paint_foreground
from pal_desktop.ui.widgets.gantt_geometry import (
    RIGHT_PAD,
    ROW_HEIGHT,
    SCALE_HEIGHT,
    ChartRow,
    fit_px_per_day,
    row_index,
)
from pal_desktop.ui.widgets.gantt_header import ScaleHeader
from pal_desktop.ui.widgets.gantt_items import EventRowsItem, EventTicksItem, TaskBarItem
from pal_desktop.ui.widgets.gantt_text import date_text, event_tooltip, task_tooltip

if TYPE_CHECKING:
    from pal_desktop.services.schedule import EventMark, ScheduleView, TaskBar


class GanttView(QGraphicsView):
    sig_row_clicked = Signal(int)
    """The user selected chart row ``index`` (click on a row or press on a bar)."""
    sig_task_activated = Signal(int)
    """Double-click (or Enter) on task ``id``: open its editor."""
    sig_event_activated = Signal(int)
    """Double-click on the marker of event ``id``."""
    sig_task_dragged = Signal(int, object, object, str)
    """A bar was dragged: (task id, new start, new end, mode), the dates as asked, not yet clamped."""
    sig_zoom_changed = Signal(int)
    """The zoom changed (a ``rules.Zoom`` value)."""
    sig_status = Signal(str)
    """A short message for the status bar (drag feedback)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ganttView")
        self.setAccessibleName(QCoreApplication.translate("GanttView", "Wykres Gantta harmonogramu"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setViewportMargins(0, SCALE_HEIGHT, 0, 0)
        self._scene = QGraphicsScene(self)
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(self._scene)
        self.bar_font = QFont(self.font())
        self.bar_font.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        self.bar_metrics = QFontMetricsF(self.bar_font)
        self.header = ScaleHeader(self)

        self.zoom = rules.Zoom.MONTH
        self.today = dt.date.today()
        self.period = (self.today, self.today)
        self.scale = rules.TimeScale(self.today, self.today, self.zoom.px_per_day)
        self.rows: list[ChartRow] = []
        self.editable = True
        self.selected_row = -1
        self._data: ScheduleView | None = None
        self._bars: dict[int, TaskBarItem] = {}
        self._ticks: list[EventTicksItem] = []
        self._event_rows: list[EventRowsItem] = []
        self._holidays: dict[dt.date, str] | None = None
        self._press: tuple[QPointF, int, int] | None = None
        self._panning = False
        self.horizontalScrollBar().valueChanged.connect(self.header.update)

    # ---- Data
    def set_schedule(self, data: ScheduleView, rows: list[ChartRow]) -> None:
        """Show ``data`` (a fresh read) with ``rows`` (tasks, and the events of expanded tasks)."""
        self._data = data
        self.today = data.today
        self.period = (data.start, data.end)
        dates = [data.start, data.end, *(t.start for t in data.tasks), *(t.end for t in data.tasks)]
        origin, end = rules.padded_range(dates)
        if (origin, end) != (self.scale.origin, self.scale.end):
            self._holidays = None
        self.scale = rules.TimeScale(origin, end, self._px_per_day(self.zoom, origin, end))
        self.header.rebuild()
        self.set_rows(rows)

    def set_rows(self, rows: list[ChartRow]) -> None:
        self.rows = list(rows)
        if self.selected_row >= len(self.rows):
            self.selected_row = -1
        self._rebuild_items()

    def _rebuild_items(self) -> None:
        scene = self._scene
        scene.clear()
        self._bars, self._ticks, self._event_rows = {}, [], []
        index = 0
        while index < len(self.rows):
            row = self.rows[index]
            if row.event is None:
                bar = TaskBarItem(self, row.task, index)
                scene.addItem(bar)
                self._bars[row.task.id] = bar
                if row.task.events:
                    ticks = EventTicksItem(self, row.task, index)
                    scene.addItem(ticks)
                    self._ticks.append(ticks)
                index += 1
                continue
            first = index
            while index < len(self.rows) and self.rows[index].event is not None \
                    and self.rows[index].task.id == row.task.id:
                index += 1
            expanded = EventRowsItem(self, row.task, first, [r.event for r in self.rows[first:index]])
            scene.addItem(expanded)
            self._event_rows.append(expanded)
        scene.setSceneRect(QRectF(0, 0, self.scale.width + RIGHT_PAD, max(len(self.rows), 1) * ROW_HEIGHT))
        self.viewport().update()

    def holidays(self) -> dict[dt.date, str]:
        if self._holidays is None:
            self._holidays = rules.polish_holidays(self.scale.origin, self.scale.end)
        return self._holidays

    def bar_item(self, task_id: int) -> TaskBarItem | None:
        return self._bars.get(task_id)

    # ---- Mapping
    def x_for_date(self, day: dt.date) -> float:
        """Scene x where ``day`` begins."""
        return self.scale.x(day)

    def date_at(self, scene_x: float) -> dt.date:
        return self.scale.date_at(scene_x)

    def row_at(self, scene_y: float) -> int:
        return row_index(scene_y, len(self.rows))

    def visible_dates(self) -> tuple[dt.date, dt.date]:
        left = self.mapToScene(QPoint(0, 0)).x()
        right = self.mapToScene(QPoint(self.viewport().width(), 0)).x()
        return self.scale.date_at(left), self.scale.date_at(right)

    # ---- Zoom and scrolling
    def set_zoom(self, zoom: rules.Zoom, anchor: float | None = None) -> None:
        """Change the zoom keeping the date under viewport x ``anchor`` (default: the middle) in place."""
        zoom = rules.Zoom(zoom)
        px_per_day = self._px_per_day(zoom, self.scale.origin, self.scale.end)
        if zoom == self.zoom and self.scale.px_per_day == px_per_day:
            return
        if anchor is None:
            anchor = self.viewport().width() / 2
        days = self.mapToScene(QPoint(int(anchor), 0)).x() / self.scale.px_per_day
        changed = zoom != self.zoom
        self.zoom = zoom
        self.scale = rules.TimeScale(self.scale.origin, self.scale.end, px_per_day)
        self.header.rebuild()
        self._rebuild_items()
        self.horizontalScrollBar().setValue(round(days * px_per_day - anchor))
        self.header.update()
        if changed:  # a refit to a new width is no news to the user
            self.sig_zoom_changed.emit(int(zoom))

    def _px_per_day(self, zoom: rules.Zoom, origin: dt.date, end: dt.date) -> float:
        """The month view's px a day fitted to the viewport's width (``gantt_geometry.fit_px_per_day``)."""
        return fit_px_per_day(zoom, origin, end, self.viewport().width())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom.closer())

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom.wider())

    def scroll_to_date(self, day: dt.date) -> None:
        """Bring ``day`` to the middle of the chart."""
        x = self.scale.x(day) + self.scale.px_per_day / 2
        self.horizontalScrollBar().setValue(round(x - self.viewport().width() / 2))

    def ensure_row_visible(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.ensureVisible(QRectF(self.mapToScene(QPoint(0, 0)).x() + 1, row * ROW_HEIGHT, 1, ROW_HEIGHT), 0, 0)

    def select_row(self, row: int, *, notify: bool = False) -> None:
        if row != self.selected_row:
            self.selected_row = row
            self.viewport().update()
        if notify:
            self.sig_row_clicked.emit(row)

    # ---- Feedback from the items
    def drag_feedback(self, task: TaskBar, start: dt.date, end: dt.date, clamped: bool) -> None:
        dates = date_text(start) if task.is_milestone else f"{date_text(start)} – {date_text(end)}"
        text = QCoreApplication.translate("GanttView", "„{name}”: {dates}").format(
            name=task.name, dates=dates)
        if clamped:
            text += " — " + QCoreApplication.translate(
                "GanttView", "granica okresu programu ({start} – {end})").format(
                start=date_text(self.period[0]), end=date_text(self.period[1]))
        self.sig_status.emit(text)

    def request_move(self, task_id: int, start: dt.date, end: dt.date, mode: str) -> None:
        QTimer.singleShot(0, lambda: self.sig_task_dragged.emit(task_id, start, end, mode))

    # ---- Qt overrides: painting
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt override
        paint_background(self, painter, rect)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt override
        paint_foreground(self, painter, rect)

    # ---- Qt overrides: geometry
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        frame = self.frameWidth()
        self.header.setGeometry(QRect(frame, frame, self.viewport().width(), SCALE_HEIGHT))
        if self.zoom == rules.Zoom.MONTH and self._data is not None:
            self.set_zoom(self.zoom, anchor=0)  # refit the months to the new width

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt override
        super().scrollContentsBy(dx, dy)
        if dx:
            self.header.update()

    # ---- Qt overrides: mouse and keyboard
    def _scene_pos(self, event) -> QPointF:
        return self.mapToScene(event.position().toPoint())

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        point = event.position().toPoint()
        item = self.itemAt(point)
        if event.button() == Qt.MouseButton.MiddleButton or (
                event.button() == Qt.MouseButton.LeftButton and not isinstance(item, TaskBarItem)):
            self._press = (event.position(), self.horizontalScrollBar().value(), self.verticalScrollBar().value())
            self._panning = event.button() == Qt.MouseButton.MiddleButton
            if self._panning:
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._press is not None:
            start, h, v = self._press
            delta = event.position() - start
            if not self._panning and delta.manhattanLength() >= QApplication.startDragDistance():
                self._panning = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._panning:
                self.horizontalScrollBar().setValue(round(h - delta.x()))
                self.verticalScrollBar().setValue(round(v - delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._press is not None:
            if not self._panning and event.button() == Qt.MouseButton.LeftButton:
                row = self.row_at(self._scene_pos(event).y())
                if row >= 0:
                    self.select_row(row, notify=True)
            self._press = None
            self._panning = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def event_under(self, view_point: QPoint) -> EventMark | None:
        scene = self.mapToScene(view_point)
        row = self.row_at(scene.y())
        if row < 0:
            return None
        for item in self._event_rows:
            mark = item.event_at_row(row)
            if mark is not None:
                return mark
        for ticks in self._ticks:
            if ticks.row == row and scene.y() >= row * ROW_HEIGHT + 16:
                return ticks.event_at(scene.x())
        return None

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position().toPoint()
        mark = self.event_under(point)
        if mark is not None:
            QTimer.singleShot(0, lambda: self.sig_event_activated.emit(mark.id))
            event.accept()
            return
        row = self.row_at(self.mapToScene(point).y())
        if row >= 0 and self.rows[row].event is None:
            task_id = self.rows[row].task.id
            QTimer.singleShot(0, lambda: self.sig_task_activated.emit(task_id))
        event.accept()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        modifiers = event.modifiers()
        delta = event.angleDelta().y() or event.angleDelta().x()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            if delta:
                zoom = self.zoom.closer() if delta > 0 else self.zoom.wider()
                self.set_zoom(zoom, anchor=event.position().x())
            event.accept()
            return
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - delta)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.rows and not event.modifiers():
            step = -1 if key == Qt.Key.Key_Up else 1
            row = min(max(self.selected_row + step, 0), len(self.rows) - 1) if self.selected_row >= 0 else 0
            self.select_row(row, notify=True)
            self.ensure_row_visible(row)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and 0 <= self.selected_row < len(self.rows):
            row = self.rows[self.selected_row]
            if row.event is not None:
                self.sig_event_activated.emit(row.event.id)
            else:
                self.sig_task_activated.emit(row.task.id)
            event.accept()
            return
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip:
            point = event.pos()
            mark = self.event_under(point)
            text = ""
            if mark is not None:
                text = event_tooltip(mark)
            else:
                item = self.itemAt(point)
                if isinstance(item, TaskBarItem):
                    text = task_tooltip(item.task)
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def render_viewport(self, image) -> None:
        """Paint what the chart shows into ``image`` (benchmarks and screenshots)."""
        painter = QPainter(image)
        self.render(painter, QRectF(image.rect()), self.viewport().rect())
        painter.end()


__all__ = ["GanttView"]
