"""Handwritten walk-in rows of a read list picked from the registry in the review, from the keyboard, and
recorded as present walk-ins with the rest of the list in one transaction."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from pal_desktop.domain.enums import AttendanceStatus
from pal_desktop.reports.attendance_list import render_attendance_list
from pal_desktop.reports.scan_marks import ScanLayout
from pal_desktop.services import attendance_lists, events
from pal_desktop.storage.models import AuditEntry

from .test_events_tab import click, person
from .test_scan_review import DPI, open_review, workshop_of_15
from .typing import type_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scan_synth import sign_page  # noqa: E402


def scan_with_walk_ins(db, event_id: int, path: Path, walk_ins: int) -> None:
    data, _ = attendance_lists.event_list(db, event_id)
    layout = ScanLayout()
    pdf = render_attendance_list(data, layout)
    sign_page(pdf, layout, 1, DPI, random.Random(3), stray_share=0.0, walk_ins=walk_ins).image.save(path)


def test_walk_ins_written_by_hand_are_picked_from_the_registry_and_recorded(qtbot, window, app_db, tmp_path,
                                                                            monkeypatch):
    event_id, people = workshop_of_15(app_db)
    came = person(app_db, 21, last="Łącka")
    person(app_db, 22, last="Łączyńska")
    scan = tmp_path / "lista.png"
    scan_with_walk_ins(app_db, event_id, scan, 2)
    _tab, dialog = open_review(qtbot, window, [scan], monkeypatch)
    walk_ins = dialog.walk_ins
    assert walk_ins.isVisible() and walk_ins.list.count() == 2
    assert walk_ins.list.item(0).text() == "Wiersz 16 · 12.10.2021: nie wybrano"
    assert not walk_ins.list.item(0).icon().isNull()  # the handwritten name as scanned
    assert "dopisani ręcznie: 2" in dialog.pages_list.item(0).text()
    if dialog.grid.cells:  # the signatures first, then on to the walk-ins
        qtbot.keyClick(dialog.grid, Qt.Key.Key_Return)
    assert walk_ins.picker.search.hasFocus()
    type_text(qtbot, walk_ins.picker.search, "łąck")
    qtbot.keyClick(walk_ins.picker.search, Qt.Key.Key_Return)   # the only match is picked
    assert walk_ins.list.item(0).text() == "Wiersz 16 · 12.10.2021: Łącka21 Osoba21"
    assert walk_ins.list.currentRow() == 1 and walk_ins.picker.search.text() == ""
    type_text(qtbot, walk_ins.picker.search, "łącz")
    walk_ins.picker.run_search()
    qtbot.keyClick(walk_ins.picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(walk_ins.picker.results, Qt.Key.Key_Return)
    assert walk_ins.list.item(1).text().endswith("Łączyńska22 Osoba22")
    qtbot.keyClick(walk_ins.list, Qt.Key.Key_Delete)          # second thoughts: row 17 is left out
    assert walk_ins.list.item(1).text().endswith("nie wybrano")
    assert walk_ins.caption.text().startswith("Dopisani ręcznie na liście: 2, jeszcze nie wybrani z rejestru: 1")
    assert dialog.save_button.isEnabled()
    dialog.save_button.setFocus()
    assert dialog.grab().save("/tmp/w16/review.png") or True
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(window.operations.idle, timeout=30000)
    assert dialog.message_label.text().endswith("; dopisani spoza listy: 1.")
    sheet = {row.participant_id: row for row in events.attendance_sheet(app_db, event_id)}
    assert sheet[came].walk_in and sheet[came].attendance == AttendanceStatus.PRESENT
    assert len(sheet) == 16
    with app_db.reading() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "scan")).one()
        changes = json.loads(entry.changes)
    assert changes["walk_ins"] == [came]
    assert came not in changes["from_paper"] and set(changes["from_paper"]) | set(
        changes["corrected_by_person"]) == set(people)
