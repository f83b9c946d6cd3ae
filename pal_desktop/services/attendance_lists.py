"""Attendance lists to print and sign: one session's list and a series' monthly grid.

What a list holds is decided here and nowhere else: the scan reader lays the same list out again from the
page code (its options name the blank rows and the optional columns) to know whose cell is where.
"""

from __future__ import annotations

from dataclasses import dataclass

from pal_desktop.domain.permissions import Permission
from pal_desktop.domain.scan_code import COLUMN_LETTERS, layout_options, list_version
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.access_control import require
from pal_desktop.services.access_log import PRINT, log_access
from pal_desktop.services.formatting import format_date
from pal_desktop.services.reports import POLISH_MONTHS, document_header
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Programme

BIRTH_DATES = "birth_date"
GUARDIAN_SIGNATURE = "guardian_signature"
MAX_BLANK_ROWS = 60
DEFAULT_BLANK_ROWS = 5
SERIES_BLANK_ROWS = 3


@dataclass(frozen=True)
class ListOptions:
    """How a list is printed. ``blank_rows`` None: a fifth of the enrolled, at least five; ``fill_page``: as
    many blank rows as the first page holds (overrides ``blank_rows``)."""

    blank_rows: int | None = None
    fill_page: bool = False
    birth_dates: bool = False
    guardian_signature: bool = False

    @property
    def columns(self) -> tuple[str, ...]:
        chosen = {BIRTH_DATES: self.birth_dates, GUARDIAN_SIGNATURE: self.guardian_signature}
        return tuple(column for column in COLUMN_LETTERS if chosen[column])


def _check(options: ListOptions) -> None:
    if options.blank_rows is not None and not 0 <= options.blank_rows <= MAX_BLANK_ROWS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Liczba pustych wierszy musi być od 0 do {most}."), field="blank_rows",
            most=MAX_BLANK_ROWS)


def _event_facts(event) -> dict:
    hours = ""
    if event.start_time:
        hours = event.start_time.strftime("%H:%M") + (f"–{event.end_time.strftime('%H:%M')}" if event.end_time else "")
    return {"form": event.type_name, "topic": event.title, "date": format_date(event.event_date), "hours": hours,
            "place": event.place, "leader": event.leader}


def _programme_of(db: Database, programme_id: int) -> Programme | None:
    with db.reading() as session:
        return session.get(Programme, programme_id)


def _filled(data, names: int):
    """``data`` with as many blank rows as fill its first page: at the usual row height when that leaves the
    usual five, else at the lowest row height (more rows, a little lower)."""
    from dataclasses import replace

    from pal_desktop.reports.attendance_list import MIN_ROW_HEIGHT, list_room, rows_that_fit

    room = list_room(data)
    blank = rows_that_fit(room) - names
    if blank < DEFAULT_BLANK_ROWS:
        blank = rows_that_fit(room, MIN_ROW_HEIGHT) - names
    return replace(data, blank_rows=max(0, min(MAX_BLANK_ROWS, blank)))


def event_list(db: Database, event_id: int, options: ListOptions | None = None, *, blank_rows: int | None = None):
    """What the list for one session holds: the enrolled in Polish alphabetical order, then blank rows for
    walk-ins, with its page code's target. Returns the report's data and the participants' ids by row: the
    scan reader lays the same list out again to know whose cell is where."""
    from dataclasses import replace

    from pal_desktop.reports.attendance_list import AttendanceListData, EventFacts
    from pal_desktop.reports.scan_marks import ScanTarget
    from pal_desktop.reports.styles import DocumentHeader
    from pal_desktop.services import events

    options = options or ListOptions(blank_rows=blank_rows)
    _check(options)
    event = events.get_event(db, event_id)
    sheet = events.attendance_sheet(db, event_id)
    names = [f"{row.first_name} {row.last_name}" for row in sheet]
    ids = [row.participant_id for row in sheet]
    header = DocumentHeader(**document_header(db, _programme_of(db, event.programme_id)))
    blank = options.blank_rows if options.blank_rows is not None else max(DEFAULT_BLANK_ROWS, round(len(names) * 0.2))
    data = AttendanceListData(header, EventFacts(**_event_facts(event)), names, blank, columns=options.columns,
                              birth_dates=tuple(format_date(row.birth_date) for row in sheet))
    if options.fill_page:
        data = _filled(data, len(names))
    code = layout_options(data.blank_rows, options.columns)
    target = ScanTarget(event_id, None, None, list_version("E", event_id, code, *ids), code)
    return replace(data, scan=target), ids


def attendance_list_pdf(db: Database, event_id: int, options: ListOptions | None = None) -> bytes:
    """The list for one session, with a code and corner marks on every page for reading the signed scan."""
    require(Permission.PRINT_PERSONAL)
    from pal_desktop.reports.attendance_list import render_attendance_list

    data, ids = event_list(db, event_id, options)
    content = render_attendance_list(data)
    log_access(db, PRINT, "attendance_list", ids, count=len(ids), event_id=event_id)
    return content


def series_list(db: Database, series_id: int, year: int, month: int, *, blank_rows: int = SERIES_BLANK_ROWS):
    """A month of a series: participants × the session dates of that month. Returns the report's data, the
    participants' ids by row and the sessions' event ids by column."""
    from pal_desktop.domain.text import sort_key
    from pal_desktop.reports.attendance_list import EventFacts, SeriesGridData
    from pal_desktop.reports.scan_marks import ScanTarget
    from pal_desktop.reports.styles import DocumentHeader
    from pal_desktop.services import events

    _check(ListOptions(blank_rows=blank_rows))
    sessions = [(event_id, day) for event_id, day in events.series_events(db, series_id)
                if (day.year, day.month) == (year, month)]
    if not sessions:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "Errors", "Cykl nie ma spotkań w miesiącu {month}."), month=f"{month:02d}.{year}")
    first = events.get_event(db, sessions[0][0])
    people: dict[int, tuple[str, str]] = {}
    for event_id, _ in sessions:
        for row in events.attendance_sheet(db, event_id):
            people.setdefault(row.participant_id, (row.first_name, row.last_name))
    ordered = sorted(people.items(), key=lambda item: (sort_key(item[1][1], item[1][0]), item[0]))
    ids = [pid for pid, _ in ordered]
    event_ids = [event_id for event_id, _ in sessions]
    options = layout_options(blank_rows)
    month_text = f"{year:04d}-{month:02d}"
    target = ScanTarget(None, series_id, month_text,
                        list_version("S", series_id, month_text, options, *ids, "|", *event_ids), options)
    header = DocumentHeader(**document_header(db, _programme_of(db, first.programme_id)))
    data = SeriesGridData(header, EventFacts(**_event_facts(first)), f"{POLISH_MONTHS[month - 1]} {year}",
                          [day.strftime("%d.%m") for _, day in sessions],
                          [f"{first_name} {last_name}" for _, (first_name, last_name) in ordered],
                          blank_rows, scan=target)
    return data, ids, event_ids


def series_grid_pdf(db: Database, series_id: int, year: int, month: int, *,
                    blank_rows: int = SERIES_BLANK_ROWS) -> bytes:
    """A month of a series on one grid, with a code and corner marks on every page."""
    require(Permission.PRINT_PERSONAL)
    from pal_desktop.reports.attendance_list import render_series_grid

    data, ids, _ = series_list(db, series_id, year, month, blank_rows=blank_rows)
    content = render_series_grid(data)
    log_access(db, PRINT, "series_attendance_list", ids, count=len(ids), series_id=series_id,
               month=f"{year:04d}-{month:02d}")
    return content


__all__ = ["BIRTH_DATES", "GUARDIAN_SIGNATURE", "ListOptions", "attendance_list_pdf", "event_list",
           "series_grid_pdf", "series_list"]
