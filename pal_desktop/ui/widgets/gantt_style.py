"""The Gantt chart's colours, and the colour of an event by its status (on screen and in the list).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

from pal_desktop.domain.enums import EventStatus

if TYPE_CHECKING:
    from pal_desktop.services.schedule import EventMark

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


def status_colour(mark: EventMark, today: dt.date) -> QColor:
    """Cancelled grey, late red, held (or dated today or earlier) green, still to come blue-grey."""
    if mark.status == EventStatus.CANCELLED:
        return CANCELLED
    if mark.overdue:
        return LATE
    return HELD if mark.status == EventStatus.HELD or mark.date <= today else PLANNED

