"""Dates of sessions: Polish public holidays and the dates of a weekly series that skips them."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _holidays_of(year: int) -> dict[dt.date, str]:
    return dict(holidays.country_holidays("PL", years=[year], language="pl").items())


def holiday_name(day: dt.date) -> str | None:
    """The Polish name of the public holiday on ``day`` (e.g. "Święto Niepodległości"), or None."""
    return _holidays_of(day.year).get(day)


def is_day_off(day: dt.date) -> bool:
    return day.weekday() == 6 or holiday_name(day) is not None


def series_dates(first: dt.date, sessions: int, *, every_weeks: int = 1,
                 skip_holidays: bool = True) -> tuple[list[dt.date], list[dt.date]]:
    """The dates of ``sessions`` weekly sessions from ``first``: (session dates, holidays skipped).

    A session that would fall on a public holiday moves to the next week, so the series keeps its number of
    sessions (a workshop every Tuesday for 10 weeks is 10 Tuesdays, none of them 11 November).
    """
    if sessions < 1:
        return [], []
    dates: list[dt.date] = []
    skipped: list[dt.date] = []
    day = first
    while len(dates) < sessions:
        if skip_holidays and holiday_name(day) is not None:
            skipped.append(day)
        else:
            dates.append(day)
        day += dt.timedelta(weeks=every_weeks)
    return dates, skipped
