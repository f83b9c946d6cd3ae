"""The Gantt chart's geometry in scene pixels: row and strip sizes, the month view's fit, a bar's grips.

Plain numbers and dates only (no Qt): the chart's widgets ask these how big a row is, how many pixels a day
gets in the month view and which part of a bar a press grabs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pal_desktop.domain import schedule as rules

if TYPE_CHECKING:
    from pal_desktop.services.schedule import EventMark, TaskBar

ROW_HEIGHT = 26
BAND_HEIGHT = 20
SCALE_HEIGHT = 2 * BAND_HEIGHT
MONTH_FIT_MIN = 0.85  # px a day: the month view squeezes no further (months then show their numbers)
#: px a day the task list leaves the chart when it widens for its names: every month keeps its name ("mar").
LIST_LEAVES_PX = 0.9
#: How close to a bar's end (pixels) a press grabs the end instead of the whole bar.
EDGE_GRIP = 6
#: Room to the right of the last day for the labels of bars that end there.
RIGHT_PAD = 70


@dataclass(frozen=True)
class ChartRow:
    """One row of the chart (and of the task list): a task, or one of its events when the task is expanded."""

    task: TaskBar
    event: EventMark | None = None



def fit_px_per_day(zoom: rules.Zoom, origin: dt.date, end: dt.date, viewport_width: float) -> float:
    """The month view squeezes down to MONTH_FIT_MIN px a day so that a two-year programme, with its month
    of margin each side, is seen whole on a 1280 px screen without scrolling."""
    if zoom != rules.Zoom.MONTH:
        return zoom.px_per_day
    days = max(1, (end - origin).days + 1)
    fit = (viewport_width - 2) / days
    return max(MONTH_FIT_MIN, min(zoom.px_per_day, round(fit, 3)))


def list_width(needed: int, total: int, chart_days: int, minimum: int = 420) -> int:
    """The task list's share of a splitter ``total`` pixels wide: what its names need, as long as the chart
    keeps room to show all ``chart_days`` in the month view with every month's name (never less than ``minimum``, or
    half the width on a small window)."""
    chart_room = int(chart_days * LIST_LEAVES_PX) + 24  # the view's frame and its scroll bar
    return max(min(minimum, total // 2), min(needed, total - chart_room))


def grip_mode(x: float, left: float, right: float, is_milestone: bool) -> str:
    """What a press at scene ``x`` on a bar from ``left`` to ``right`` drags: its start, its end or all of it."""
    if is_milestone or right - left < 3 * EDGE_GRIP:
        return rules.MOVE
    if x - left <= EDGE_GRIP:
        return rules.START
    if right - x <= EDGE_GRIP:
        return rules.END
    return rules.MOVE


def row_index(scene_y: float, row_count: int) -> int:
    """The chart row at scene ``scene_y``, or -1 outside the rows."""
    row = int(scene_y // ROW_HEIGHT)
    return row if 0 <= row < row_count else -1
