"""Recording what was read from signed lists, keeping the scans as evidence, and counting signed lists.

The attendance of every usable page is written in one transaction, with the scanned pages; the log tells
what came from the paper and what a person corrected in the review.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select

from pal_desktop.domain.enums import AttendanceStatus, EventStatus
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.attendance_scan import ScanResult, page_jpeg
from pal_desktop.services.signed_lists import SignedListCount, signed_list_count  # noqa: F401 - kept for callers
from pal_desktop.storage.audit_chain import subjects_text
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import (
    Attendance,
    AuditEntry,
    Event,
    Participant,
    ScannedListEvent,
    ScannedListPage,
    current_actor,
)

#: A person's decision on one cell: (event id, row number) -> signed.
Decisions = dict[tuple[int, int], bool]
#: For handwritten walk-in rows: (event id, row number) -> the participant picked from the registry.
WalkIns = dict[tuple[int, int], int]


@dataclass(frozen=True)
class AppliedScan:
    events: int
    present: int
    absent: int
    walk_ins: int
    corrected: int
    pages_kept: int


def apply_scan(db: Database, result: ScanResult, decisions: Decisions | None = None,
               walk_ins: WalkIns | None = None, *, today: dt.date | None = None,
               excused: set[tuple[int, int]] | None = None) -> AppliedScan:
    """Record the attendance read from the usable pages (a person's ``decisions`` override the reader's;
    the cells in ``excused`` are recorded as excused absences); an unsure cell nobody decided is refused, so
    nothing is half recorded."""
    decisions, walk_ins, excused = decisions or {}, walk_ins or {}, excused or set()
    today = today or dt.date.today()
    marks: dict[int, dict[int, tuple[bool, bool, bool]]] = {}  # event -> person -> (present, corrected, excused)
    walk_in_marks: dict[int, set[int]] = {}
    for page in result.usable:
        for row in page.rows:
            key = (row.event_id, row.row)
            if row.participant_id is None:
                if key in walk_ins:
                    walk_in_marks.setdefault(row.event_id, set()).add(walk_ins[key])
                continue
            if key in excused:
                signed, corrected = False, True
            elif key in decisions:
                signed, corrected = decisions[key], decisions[key] != row.likely or row.signed is None
            elif row.signed is None:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Validation", "Nie rozstrzygnięto podpisu w wierszu {row} listy „{title}”: zaznacz, czy jest "
                                  "podpis, i zapisz ponownie; nic nie zostało zapisane."),
                    field="review", row=row.row, title=page.title)
            else:
                signed, corrected = row.signed, False
            marks.setdefault(row.event_id, {})[row.participant_id] = (signed, corrected, key in excused)
    summary = {"present": 0, "absent": 0, "walk_ins": 0, "corrected": 0, "pages": 0}
    with db.session() as session:
        events = {event.id: event for event in session.scalars(
            select(Event).where(Event.id.in_(set(marks) | set(walk_in_marks))))}
        for event_id in set(marks) | set(walk_in_marks):
            event = events.get(event_id)
            if event is None:
                continue
            if event.event_date > today:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Validation", "Lista z wydarzenia {date} nie może być wczytana przed jego datą."),
                    field="event_date", date=event.event_date.strftime("%d.%m.%Y"))
            existing = {a.participant_id: a for a in session.scalars(
                select(Attendance).where(Attendance.event_id == event_id))}
            read, corrected_ids = [], []
            for pid, (signed, corrected, is_excused) in marks.get(event_id, {}).items():
                status = AttendanceStatus.PRESENT if signed else \
                    AttendanceStatus.EXCUSED if is_excused else AttendanceStatus.ABSENT
                mark = existing.get(pid)
                if mark is None:
                    session.add(Attendance(event_id=event_id, participant_id=pid, status=status))
                elif mark.status != status and not (mark.status == AttendanceStatus.EXCUSED and not signed
                                                     and not is_excused):
                    mark.status = status  # an excused absence recorded before stays excused
                summary["present" if signed else "absent"] += 1
                (corrected_ids if corrected else read).append(pid)
            for pid in walk_in_marks.get(event_id, set()):
                if session.get(Participant, pid) is None:
                    continue
                mark = existing.get(pid)
                if mark is None:
                    session.add(Attendance(event_id=event_id, participant_id=pid, status=AttendanceStatus.PRESENT,
                                           walk_in=True))
                else:
                    mark.status = AttendanceStatus.PRESENT
                summary["walk_ins"] += 1
            summary["corrected"] += len(corrected_ids)
            if event.status == EventStatus.PLANNED:
                event.status = EventStatus.HELD
            session.add(AuditEntry(actor=current_actor.get(), action="scan", table_name="attendance",
                                   record_id=event_id, subject_ids=subjects_text(
                                       [*read, *corrected_ids, *walk_in_marks.get(event_id, set())]),
                                   changes=json.dumps(
                                       {"from_paper": sorted(read), "corrected_by_person": sorted(corrected_ids),
                                        "walk_ins": sorted(walk_in_marks.get(event_id, set()))})))
        for page in result.usable:
            stored = ScannedListPage(code=page.code.text(), page=page.code.page, pages=page.code.pages,
                                     source_name=page.source[:260], source_page=page.source_page,
                                     image=page_jpeg(page.image), sha256=page.sha256)
            session.add(stored)
            session.flush()
            for event_id in page.event_ids:
                if event_id in events or session.get(Event, event_id) is not None:
                    session.add(ScannedListEvent(page_id=stored.id, event_id=event_id))
            summary["pages"] += 1
    return AppliedScan(len(set(marks) | set(walk_in_marks)), summary["present"], summary["absent"],
                       summary["walk_ins"], summary["corrected"], summary["pages"])


@dataclass(frozen=True)
class StoredScan:
    page_id: int
    page: int
    pages: int
    source_name: str
    scanned_at: dt.datetime
    scanned_by: str


def event_scans(db: Database, event_id: int) -> list[StoredScan]:
    with db.reading() as session:
        rows = session.execute(
            select(ScannedListPage).join(ScannedListEvent, ScannedListEvent.page_id == ScannedListPage.id)
            .where(ScannedListEvent.event_id == event_id).order_by(ScannedListPage.page, ScannedListPage.id)).scalars()
        return [StoredScan(r.id, r.page, r.pages, r.source_name, r.created_at, r.created_by) for r in rows]


def scan_image(db: Database, page_id: int) -> bytes:
    with db.reading() as session:
        page = session.get(ScannedListPage, page_id)
        return page.image if page is not None else b""
