"""The schedule as an iCalendar file (RFC 5545) for staff's calendar programs (Outlook, Thunderbird, Google).

Tasks become all-day VEVENTs spanning their dates (DTEND is the day after the last day, as the standard
asks); events keep their times in Europe/Warsaw (a VTIMEZONE is included), their place and a description.
UIDs are stable — the same task or event keeps its UID in every export — so importing the file again updates
entries instead of duplicating them. Written by hand: CRLF line ends, lines folded at 75 octets without
splitting a UTF-8 character, and TEXT values escaped.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pal_desktop.domain.enums import EventStatus
from pal_desktop.domain.permissions import Permission
from pal_desktop.services import schedule as schedule_service
from pal_desktop.services.access_control import require
from pal_desktop.services.formatting import format_date
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Programme

CRLF = "\r\n"
LINE_OCTETS = 75
TIMEZONE = "Europe/Warsaw"

#: Europe/Warsaw since 1996 (EU summer time rules), enough for programmes of this century.
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TIMEZONE}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)

_STATUS = {EventStatus.PLANNED: "TENTATIVE", EventStatus.HELD: "CONFIRMED", EventStatus.CANCELLED: "CANCELLED"}


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return re.sub(r"\r\n|\r|\n", "\\\\n", value)


def fold(line: str) -> str:
    """Fold a content line into lines of at most 75 octets, continuation lines starting with a space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= LINE_OCTETS:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = LINE_OCTETS
    for char in line:
        length = len(char.encode("utf-8"))
        if size + length > limit:
            parts.append(current)
            current, size = "", 0
            limit = LINE_OCTETS - 1  # the leading space of a continuation line counts
        current += char
        size += length
    parts.append(current)
    return (CRLF + " ").join(parts)


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _local(day: dt.date, time: dt.time) -> str:
    return f"{_date(day)}T{time.strftime('%H%M%S')}"


def _utc(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_text(db: Database, programme_id: int | None = None, *, now: dt.datetime | None = None) -> str:
    """The iCalendar text of the programme's schedule: its tasks, then its events."""
    now = now or dt.datetime.now(dt.UTC)
    view = schedule_service.schedule_view(db, programme_id)
    with db.reading() as session:
        programme = session.get(Programme, view.programme_id)
        domain = re.sub(r"[^a-z0-9-]+", "-", (programme.key or f"programme-{programme.id}").lower()).strip("-")
        calendar_name = programme.title
    stamp = _utc(now)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//PAL Desktop//Harmonogram PAL//PL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(calendar_name)}",
        f"X-WR-TIMEZONE:{TIMEZONE}",
        *VTIMEZONE,
    ]
    for task in view.tasks:
        summary = f"{task.position}. {task.name}"
        if task.is_milestone:
            summary = f"◆ {summary}"
        details = [f"Zadanie {task.position} harmonogramu programu „{view.title}”.",
                   f"Okres: {task.period}."]
        if task.description:
            details.append(task.description)
        if task.planned or task.held:
            details.append(f"Wydarzenia: odbyło się {task.held} z {task.planned} planowanych.")
        lines += [
            "BEGIN:VEVENT",
            f"UID:task-{task.id}@{domain}.pal-desktop",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_date(task.start)}",
            f"DTEND;VALUE=DATE:{_date(task.end + dt.timedelta(days=1))}",
            f"SUMMARY:{escape_text(summary)}",
            f"DESCRIPTION:{escape_text(chr(10).join(details))}",
            "CATEGORIES:" + escape_text("Harmonogram PAL"),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    names = {task.id: f"{task.position}. {task.name}" for task in view.tasks}
    for mark in [m for task in view.tasks for m in task.events] + list(view.unassigned):
        details = [f"Wydarzenie programu „{view.title}”."]
        if mark.type_name:
            details.append(f"Rodzaj: {mark.type_name}.")
        if mark.task_id in names:
            details.append(f"Zadanie harmonogramu: {names[mark.task_id]}.")
        details.append(f"Status: {mark.status_label}.")
        lines += ["BEGIN:VEVENT", f"UID:event-{mark.id}@{domain}.pal-desktop", f"DTSTAMP:{stamp}"]
        if mark.start_time is not None:
            end_time = mark.end_time or (dt.datetime.combine(mark.date, mark.start_time)
                                         + dt.timedelta(hours=1)).time()
            lines += [f"DTSTART;TZID={TIMEZONE}:{_local(mark.date, mark.start_time)}",
                      f"DTEND;TZID={TIMEZONE}:{_local(mark.date, end_time)}"]
        else:
            lines += [f"DTSTART;VALUE=DATE:{_date(mark.date)}",
                      f"DTEND;VALUE=DATE:{_date(mark.date + dt.timedelta(days=1))}"]
        lines.append(f"SUMMARY:{escape_text(mark.title)}")
        if mark.place:
            lines.append(f"LOCATION:{escape_text(mark.place)}")
        lines += [f"DESCRIPTION:{escape_text(chr(10).join(details))}",
                  f"STATUS:{_STATUS[mark.status]}"]
        if mark.type_name:
            lines.append(f"CATEGORIES:{escape_text(mark.type_name)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return CRLF.join(fold(line) for line in lines) + CRLF


def write_ics(db: Database, output: Path, programme_id: int | None = None, *,
              now: dt.datetime | None = None) -> Path:
    """Write the calendar atomically (a failure never leaves half a file under the final name)."""
    require(Permission.EXPORT)
    output = Path(output)
    content = calendar_text(db, programme_id, now=now).encode("utf-8")
    temporary = output.with_name(output.name + ".tmp")
    temporary.write_bytes(content)
    temporary.replace(output)
    return output


def summary_text(db: Database, programme_id: int | None = None) -> str:
    """A one-line Polish summary of what an export contains (for the command line and the status bar)."""
    view = schedule_service.schedule_view(db, programme_id)
    return (f"{len(view.tasks)} zadań i {view.event_count} wydarzeń programu „{view.title}” "
            f"({format_date(view.start)} – {format_date(view.end)})")


__all__ = ["calendar_text", "escape_text", "fold", "summary_text", "write_ics"]
