"""The Gantt chart: tasks as bars over their dates, events as ticks (or rows of their own), milestones as diamonds.

A ``QGraphicsView`` over a scene in which one scene unit is one pixel: x comes from the domain's
``TimeScale`` (so zooming rebuilds geometry rather than scaling text) and row ``i`` spans
``i * ROW_HEIGHT`` to ``(i + 1) * ROW_HEIGHT``, the same rows the task list at the left shows.

Kept cheap for thousands of events: the scene has no index (a few dozen items), all the ticks of a task are
one item with one path per colour, and stripes, weekends, holidays and month lines are painted in
``drawBackground`` for the exposed rectangle only. The time scale is a strip in the view's top margin, so it
stays in place while the rows scroll.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QToolTip,
    QWidget,
)

from pal_desktop.domain import schedule as rules
from pal_desktop.domain.enums import EventStatus

if TYPE_CHECKING:
    from pal_desktop.services.schedule import EventMark, ScheduleView, TaskBar

ROW_HEIGHT = 26
BAND_HEIGHT = 20
SCALE_HEIGHT = 2 * BAND_HEIGHT
MONTH_FIT_MIN = 0.85  # px a day: below it the month names no longer fit their cells
#: How close to a bar's end (pixels) a press grabs the end instead of the whole bar.
EDGE_GRIP = 6
#: Room to the right of the last day for the labels of bars that end there.
RIGHT_PAD = 70

BAR_FILL = QColor("#b9d5ee")
BAR_DONE = QColor("#3b7fc4")
BAR_EDGE = QColor("#2f6ea6")
LATE = QColor("#c62828")
MILESTONE = QColor("#7a3e9d")
HELD = QColor("#2e7d32")
PLANNED = QColor("#74829a")
CANCELLED = QColor("#b5b5b5")
TODAY = QColor("#d32f2f")
WEEKEND = QColor(90, 100, 120, 30)
HOLIDAY = QColor(211, 47, 47, 38)
OUTSIDE = QColor(60, 60, 60, 34)
STRIPE = QColor(40, 70, 110, 12)
GRID = QColor(120, 130, 145, 60)
YEAR_GRID = QColor(90, 100, 115, 150)
ROW_LINE = QColor(120, 130, 145, 35)

def date_text(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def status_colour(mark: EventMark, today: dt.date) -> QColor:
    """Cancelled grey, late red, held (or dated today or earlier) green, still to come blue-grey."""
    if mark.status == EventStatus.CANCELLED:
        return CANCELLED
    if mark.overdue:
        return LATE
    return HELD if mark.status == EventStatus.HELD or mark.date <= today else PLANNED


@dataclass(frozen=True)
class ChartRow:
    """One row of the chart (and of the task list): a task, or one of its events when the task is expanded."""

    task: TaskBar
    event: EventMark | None = None


def progress_text(task: TaskBar) -> str:
    """"odbyte/planowane", or a dash when the task has no events planned."""
    return f"{task.held}/{task.planned}" if task.planned or task.held else "—"


def task_tooltip(task: TaskBar) -> str:
    lines = [f"<b>{task.position}. {_html(task.name)}</b>"]
    if task.description:
        lines.append(_html(task.description))
    if task.is_milestone:
        kind = QCoreApplication.translate("GanttView", "Kamień milowy")
    else:
        kind = QCoreApplication.translate("GanttView", "Okres")
    lines.append(f"{kind}: {task.period}")
    if not task.is_milestone:
        lines.append(QCoreApplication.translate("GanttView", "Upłynęło czasu: {percent} %").format(
            percent=round(task.time_progress * 100)))
    if task.planned or task.held:
        lines.append(QCoreApplication.translate(
            "GanttView", "Wydarzenia: odbyło się {held} z {planned} planowanych").format(
            held=task.held, planned=task.planned))
    if task.behind:
        late = QCoreApplication.translate(
            "GanttView", "Zaległe wydarzenia: {count} — zaplanowane przed dziś, nadal mają status „planowane”. "
                         "Uzupełnij ich status w zakładce Wydarzenia.")
        lines.append(f"<span style='color:#c62828'><b>{late.format(count=task.overdue)}</b></span>")
    return "<br>".join(lines)


def event_tooltip(mark: EventMark) -> str:
    when = date_text(mark.date) + (f", {mark.hours}" if mark.hours else "")
    lines = [f"<b>{_html(mark.title)}</b>", when]
    if mark.type_name:
        lines.append(QCoreApplication.translate("GanttView", "Rodzaj: {type}").format(type=_html(mark.type_name)))
    if mark.place:
        lines.append(QCoreApplication.translate("GanttView", "Miejsce: {place}").format(place=_html(mark.place)))
    status = QCoreApplication.translate("GanttView", "Status: {status}").format(
        status=QCoreApplication.translate("Enums", mark.status_label))
    if mark.overdue:
        late = QCoreApplication.translate("GanttView", "zaległe")
        status = f"<span style='color:#c62828'><b>{status} — {late}</b></span>"
    lines.append(status)
    return "<br>".join(lines)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---- Items
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
        if self.task.is_milestone or self.bar.width() < 3 * EDGE_GRIP:
            return rules.MOVE
        if x - self.bar.left() <= EDGE_GRIP:
            return rules.START
        if self.bar.right() - x <= EDGE_GRIP:
            return rules.END
        return rules.MOVE

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


# ---- The time scale strip
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


# ---- The view
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
        row = int(scene_y // ROW_HEIGHT)
        return row if 0 <= row < len(self.rows) else -1

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
        """The month view squeezes down to MONTH_FIT_MIN px a day so that a two-year programme, with its month
        of margin each side, is seen whole on a 1280 px screen without scrolling."""
        if zoom != rules.Zoom.MONTH:
            return zoom.px_per_day
        days = max(1, (end - origin).days + 1)
        fit = (self.viewport().width() - 2) / days
        return max(MONTH_FIT_MIN, min(zoom.px_per_day, round(fit, 3)))

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
        painter.fillRect(rect, self.palette().base())
        scale = self.scale
        first_row = max(0, int(rect.top() // ROW_HEIGHT))
        last_row = min(len(self.rows), int(rect.bottom() // ROW_HEIGHT) + 1)
        for row in range(first_row, last_row):
            if row % 2:
                painter.fillRect(QRectF(rect.left(), row * ROW_HEIGHT, rect.width(), ROW_HEIGHT), STRIPE)
        # Outside the programme's period.
        left = scale.x(self.period[0])
        right = scale.x_end(self.period[1])
        if rect.left() < left:
            painter.fillRect(QRectF(rect.left(), rect.top(), left - rect.left(), rect.height()), OUTSIDE)
        if rect.right() > right:
            painter.fillRect(QRectF(max(right, rect.left()), rect.top(), rect.right() - max(right, rect.left()),
                                    rect.height()), OUTSIDE)
        first_day = scale.date_at(max(rect.left(), 0))
        last_day = min(scale.date_at(rect.right()), scale.end)
        # Weekends and public holidays, where a day is wide enough to see.
        if self.zoom.shades_days:
            holidays = self.holidays()
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
        if self.zoom == rules.Zoom.DAY:
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
        if first_row <= self.selected_row < last_row:
            highlight = QColor(self.palette().highlight().color())
            highlight.setAlpha(48)
            painter.fillRect(QRectF(rect.left(), self.selected_row * ROW_HEIGHT, rect.width(), ROW_HEIGHT),
                             highlight)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt override
        today = self.today
        if not self.scale.origin <= today <= self.scale.end:
            return
        x = self.scale.x(today) + self.scale.px_per_day / 2
        if rect.left() - 2 <= x <= rect.right() + 2:
            painter.setPen(QPen(TODAY, 2))
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))

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


__all__ = ["ChartRow", "GanttView", "ROW_HEIGHT", "SCALE_HEIGHT"]
