"""Gantt computations on plain dates: the time scale and its bands, progress, lateness, clamping to the period.

Nothing here knows about Qt, the database or paper: the chart on screen, the printed chart and the services
share these rules, so a bar is drawn, printed and saved the same way.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from functools import cache

from pal_desktop.domain.enums import EventStatus
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP

ONE_DAY = dt.timedelta(days=1)

#: Translation context of the texts below.
CONTEXT = "Schedule"

MONTH_NAMES = (
    QT_TRANSLATE_NOOP("Schedule", "styczeń"), QT_TRANSLATE_NOOP("Schedule", "luty"),
    QT_TRANSLATE_NOOP("Schedule", "marzec"), QT_TRANSLATE_NOOP("Schedule", "kwiecień"),
    QT_TRANSLATE_NOOP("Schedule", "maj"), QT_TRANSLATE_NOOP("Schedule", "czerwiec"),
    QT_TRANSLATE_NOOP("Schedule", "lipiec"), QT_TRANSLATE_NOOP("Schedule", "sierpień"),
    QT_TRANSLATE_NOOP("Schedule", "wrzesień"), QT_TRANSLATE_NOOP("Schedule", "październik"),
    QT_TRANSLATE_NOOP("Schedule", "listopad"), QT_TRANSLATE_NOOP("Schedule", "grudzień"),
)
MONTH_SHORT = (
    QT_TRANSLATE_NOOP("Schedule", "sty"), QT_TRANSLATE_NOOP("Schedule", "lut"),
    QT_TRANSLATE_NOOP("Schedule", "mar"), QT_TRANSLATE_NOOP("Schedule", "kwi"),
    QT_TRANSLATE_NOOP("Schedule", "maj"), QT_TRANSLATE_NOOP("Schedule", "cze"),
    QT_TRANSLATE_NOOP("Schedule", "lip"), QT_TRANSLATE_NOOP("Schedule", "sie"),
    QT_TRANSLATE_NOOP("Schedule", "wrz"), QT_TRANSLATE_NOOP("Schedule", "paź"),
    QT_TRANSLATE_NOOP("Schedule", "lis"), QT_TRANSLATE_NOOP("Schedule", "gru"),
)
WEEKDAY_SHORT = (
    QT_TRANSLATE_NOOP("Schedule", "pn"), QT_TRANSLATE_NOOP("Schedule", "wt"), QT_TRANSLATE_NOOP("Schedule", "śr"),
    QT_TRANSLATE_NOOP("Schedule", "cz"), QT_TRANSLATE_NOOP("Schedule", "pt"), QT_TRANSLATE_NOOP("Schedule", "sb"),
    QT_TRANSLATE_NOOP("Schedule", "nd"),
)
QUARTER_NAMES = ("I", "II", "III", "IV")
QUARTER_FORMAT = QT_TRANSLATE_NOOP("Schedule", "{quarter} kw.")


class Zoom(IntEnum):
    """How much time one screen shows; a lower value is a closer look."""

    DAY = 0
    WEEK = 1
    MONTH = 2
    QUARTER = 3

    @property
    def px_per_day(self) -> float:
        return PX_PER_DAY[self]

    @property
    def label(self) -> str:
        return ZOOM_LABELS[self]

    @property
    def shades_days(self) -> bool:
        """Weekends and public holidays are shaded only where a day is wide enough to see."""
        return self in (Zoom.DAY, Zoom.WEEK)

    def closer(self) -> Zoom:
        return Zoom(max(self - 1, Zoom.DAY))

    def wider(self) -> Zoom:
        return Zoom(min(self + 1, Zoom.QUARTER))


PX_PER_DAY = {Zoom.DAY: 26.0, Zoom.WEEK: 6.0, Zoom.MONTH: 1.1, Zoom.QUARTER: 0.45}
ZOOM_LABELS = {
    Zoom.DAY: QT_TRANSLATE_NOOP("Schedule", "Dzień"),
    Zoom.WEEK: QT_TRANSLATE_NOOP("Schedule", "Tydzień"),
    Zoom.MONTH: QT_TRANSLATE_NOOP("Schedule", "Miesiąc"),
    Zoom.QUARTER: QT_TRANSLATE_NOOP("Schedule", "Kwartał"),
}


# ---- Dates
def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def padded_range(dates: Iterable[dt.date]) -> tuple[dt.date, dt.date]:
    """From the first day of the month before the earliest date to the last day of the month after the latest."""
    values = [d for d in dates if d is not None]
    if not values:
        today = dt.date.today()
        values = [today]
    first, last = min(values), max(values)
    return add_months(first, -1), add_months(last, 2) - ONE_DAY


def is_weekend(day: dt.date) -> bool:
    return day.weekday() >= 5


@cache
def _holidays_of_year(year: int) -> dict[dt.date, str]:
    # Imported here: the package takes about 0.1 s to import, and the chart needs it only at day and week zoom.
    import holidays

    return dict(holidays.country_holidays("PL", years=year, language="pl").items())


def polish_holidays(start: dt.date, end: dt.date) -> dict[dt.date, str]:
    """Public holidays in Poland (days free from work) between ``start`` and ``end`` inclusive, with names."""
    found: dict[dt.date, str] = {}
    for year in range(start.year, end.year + 1):
        for day, name in _holidays_of_year(year).items():
            if start <= day <= end:
                found[day] = name
    return found


# ---- The time scale
@dataclass(frozen=True)
class TimeScale:
    """Maps dates to x (pixels or points) and back: day ``origin`` starts at x = 0."""

    origin: dt.date
    end: dt.date
    px_per_day: float

    @property
    def days(self) -> int:
        return (self.end - self.origin).days + 1

    @property
    def width(self) -> float:
        return self.days * self.px_per_day

    def x(self, day: dt.date) -> float:
        """Where ``day`` begins."""
        return (day - self.origin).days * self.px_per_day

    def x_end(self, day: dt.date) -> float:
        """Where ``day`` ends (the start of the next day)."""
        return self.x(day) + self.px_per_day

    def date_at(self, x: float) -> dt.date:
        """The day that contains ``x``."""
        return self.origin + dt.timedelta(days=math.floor(x / self.px_per_day))

    def day_delta(self, dx: float) -> int:
        """A move of ``dx`` snapped to whole days."""
        return round(dx / self.px_per_day)


@dataclass(frozen=True)
class ScaleCell:
    """One cell of a band of the time scale: ``start`` inclusive, ``end`` exclusive."""

    start: dt.date
    end: dt.date
    label: str
    short: str = ""
    weekend: bool = False

    @property
    def shortest(self) -> str:
        return self.short or self.label


def _months(origin: dt.date, end: dt.date) -> Iterable[tuple[dt.date, dt.date]]:
    month = month_start(origin)
    while month <= end:
        following = add_months(month, 1)
        yield max(month, origin), min(following, end + ONE_DAY)
        month = following


def _years(origin: dt.date, end: dt.date) -> list[ScaleCell]:
    return [ScaleCell(max(dt.date(year, 1, 1), origin), min(dt.date(year + 1, 1, 1), end + ONE_DAY), str(year))
            for year in range(origin.year, end.year + 1)]


def scale_bands(zoom: Zoom, origin: dt.date, end: dt.date,
                translate=lambda text: text) -> tuple[list[ScaleCell], list[ScaleCell]]:
    """The upper and lower band of the scale (e.g. years over months) between ``origin`` and ``end``.

    ``translate`` turns a Polish source text (month names) into the interface language.
    """
    if zoom == Zoom.QUARTER:
        lower = []
        month = month_start(origin)
        month = add_months(month, -((month.month - 1) % 3))
        while month <= end:
            following = add_months(month, 3)
            quarter = QUARTER_NAMES[(month.month - 1) // 3]
            lower.append(ScaleCell(max(month, origin), min(following, end + ONE_DAY),
                                   translate(QUARTER_FORMAT).format(quarter=quarter), quarter))
            month = following
        return _years(origin, end), lower
    if zoom == Zoom.MONTH:
        lower = [ScaleCell(a, b, translate(MONTH_SHORT[a.month - 1]), f"{a.month:02d}") for a, b in _months(origin, end)]
        return _years(origin, end), lower
    upper = [ScaleCell(a, b, f"{translate(MONTH_NAMES[a.month - 1])} {a.year}", translate(MONTH_SHORT[a.month - 1]))
             for a, b in _months(origin, end)]
    lower = []
    if zoom == Zoom.WEEK:
        monday = origin - dt.timedelta(days=origin.weekday())
        while monday <= end:
            following = monday + dt.timedelta(days=7)
            lower.append(ScaleCell(max(monday, origin), min(following, end + ONE_DAY), monday.strftime("%d.%m"),
                                   str(monday.day)))
            monday = following
        return upper, lower
    day = origin
    while day <= end:
        lower.append(ScaleCell(day, day + ONE_DAY, str(day.day), str(day.day), weekend=is_weekend(day)))
        day += ONE_DAY
    return upper, lower


# ---- Progress and lateness
def time_progress(start: dt.date, end: dt.date, today: dt.date) -> float:
    """How much of a task's time has passed by the end of ``today``: 0.0 before it starts, 1.0 after it ends."""
    if today < start:
        return 0.0
    if today >= end:
        return 1.0
    return ((today - start).days + 1) / ((end - start).days + 1)


@dataclass(frozen=True)
class EventTally:
    """How a task's events stand on a given day."""

    #: Events the task should have: its planned number when set, else the events recorded under it.
    planned: int
    #: Events that took place: marked "odbyło się" (recording attendance marks them so).
    held: int
    #: Events dated before today whose status is still "planowane": the task is behind.
    overdue: int
    #: Cancelled events (counted in neither number).
    cancelled: int
    #: Events recorded under the task (not cancelled).
    recorded: int

    @property
    def behind(self) -> bool:
        return self.overdue > 0


def tally_events(events: Iterable[tuple[dt.date, EventStatus]], planned_events: int | None,
                 today: dt.date) -> EventTally:
    held = overdue = cancelled = recorded = 0
    for day, status in events:
        if status == EventStatus.CANCELLED:
            cancelled += 1
            continue
        recorded += 1
        # A past event still "planowane" did not visibly happen: it counts as overdue, never as held, so that
        # "held/planned" and the late mark never contradict each other.
        if status == EventStatus.HELD:
            held += 1
        if status == EventStatus.PLANNED and day < today:
            overdue += 1
    planned = planned_events if planned_events is not None else recorded
    return EventTally(planned=planned, held=held, overdue=overdue, cancelled=cancelled, recorded=recorded)


# ---- Moving and clamping
MOVE = "move"
START = "start"
END = "end"


def shift_range(start: dt.date, end: dt.date, mode: str, days: int) -> tuple[dt.date, dt.date]:
    """The range after dragging the whole bar (``move``) or one of its ends by ``days`` whole days.

    An end dragged past the other stops at it: a task lasts at least one day.
    """
    delta = dt.timedelta(days=days)
    if mode == MOVE:
        return start + delta, end + delta
    if mode == START:
        return min(start + delta, end), end
    if mode == END:
        return start, max(end + delta, start)
    raise ValueError(mode)


def clamp_range(start: dt.date, end: dt.date, period_start: dt.date, period_end: dt.date,
                mode: str = MOVE) -> tuple[dt.date, dt.date, bool]:
    """Fit a range into the programme's period: (start, end, whether it had to change).

    A moved bar keeps its length and is pushed back inside (and cut to the period if longer); a dragged end
    stops at the period's edge.
    """
    new_start, new_end = start, end
    if mode == MOVE:
        length = min((end - start).days, (period_end - period_start).days)
        if new_start < period_start:
            new_start, new_end = period_start, period_start + dt.timedelta(days=length)
        if new_end > period_end:
            new_start, new_end = period_end - dt.timedelta(days=length), period_end
        if new_start < period_start:
            new_start = period_start
    else:
        new_start = min(max(new_start, period_start), period_end)
        new_end = min(max(new_end, period_start), period_end)
        if new_end < new_start:
            if mode == START:
                new_start = new_end
            else:
                new_end = new_start
    return new_start, new_end, (new_start, new_end) != (start, end)


def _date_text(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def check_task(name: str, start: dt.date | None, end: dt.date | None, period_start: dt.date,
               period_end: dt.date, planned_events: int | None = None) -> None:
    """Refuse a task the schedule cannot hold; the error names the field at fault."""
    if not (name or "").strip():
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „Nazwa zadania” nie może być puste."),
                              field="name")
    if start is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Podaj datę w polu „Od”."), field="start")
    if end is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Podaj datę w polu „Do”."), field="end")
    if end < start:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Do” ({end}) jest wcześniejsze niż pole „Od” ({start}): zadanie musi się kończyć "
                          "w dniu rozpoczęcia albo później."), field="end", start=_date_text(start), end=_date_text(end))
    if start < period_start or start > period_end:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Od” ({date}) wypada poza okresem programu ({period_start} – {period_end})."),
            field="start", date=_date_text(start), period_start=_date_text(period_start),
            period_end=_date_text(period_end))
    if end > period_end:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Do” ({date}) wypada poza okresem programu ({period_start} – {period_end})."),
            field="end", date=_date_text(end), period_start=_date_text(period_start),
            period_end=_date_text(period_end))
    if planned_events is not None and not 0 <= planned_events <= 100_000:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Planowana liczba wydarzeń” musi być liczbą od 0 do 100 000 (podano {value})."),
            field="planned_events", value=planned_events)
