"""A series' monthly grid printed, signed, scanned and read back through Wydarzenia → Wczytaj skany…: each
column's signatures land on that column's meeting, and the meeting of another month is left alone."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from pal_desktop.domain.enums import AttendanceStatus, EventStatus
from pal_desktop.reports.attendance_list import render_series_grid
from pal_desktop.reports.scan_marks import ScanLayout
from pal_desktop.services import attendance_lists, attendance_scan_apply, events

from .test_events_tab import click, person, task_id
from .test_scan_review import DPI, open_review

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scan_synth import render, sign_page  # noqa: E402


def test_a_series_grid_read_in_the_window_records_each_meeting(qtbot, window, app_db, tmp_path, monkeypatch):
    series = events.create_series(app_db, events.EventInput(
        title="Trening umiejętności", event_date=dt.date(2021, 10, 5), task_id=task_id(app_db, 7)), 5)
    people = [person(app_db, n) for n in range(6)]
    for event_id in series.event_ids:
        events.enrol(app_db, event_id, people)
    october = [event_id for event_id, day in events.series_events(app_db, series.series_id) if day.month == 10]
    assert len(october) == 4
    printed = attendance_lists.series_grid_pdf(app_db, series.series_id, 2021, 10)  # what Drukuj gives
    # The same grid laid out again tells where each cell was drawn (the synthetic pen needs to know).
    data, ids, columns = attendance_lists.series_list(app_db, series.series_id, 2021, 10)
    layout = ScanLayout()
    pdf = render_series_grid(data, layout)
    assert columns == october and ids == people
    assert render(printed, 1, 100).tobytes() == render(pdf, 1, 100).tobytes()  # the same page, pixel for pixel
    page = sign_page(pdf, layout, 1, DPI, random.Random(7), sign_share=0.5, stray_share=0.0)
    scan = tmp_path / "cykl_pazdziernik.png"
    page.image.save(scan)
    truth = {(columns[column], ids[row - 1]): signed for (_, row, column, kind), signed in page.truth.items()
             if kind == "signature" and row <= len(ids)}
    assert len(truth) == 24 and any(truth.values()) and not all(truth.values())

    _tab, dialog = open_review(qtbot, window, [scan], monkeypatch)
    [reading] = dialog.result.usable
    assert reading.event_ids == october
    assert "Trening umiejętności" in dialog.pages_list.item(0).text()
    assert not dialog.walk_ins.isVisible()
    for tile in dialog.grid.tiles:  # whatever the reader was unsure of, a person sets right from the paper
        key = (tile.cell.row.event_id, tile.cell.row.participant_id)
        qtbot.keyClick(dialog.grid, Qt.Key.Key_O if truth[key] else Qt.Key.Key_N)
    if dialog.grid.cells and not dialog.grid.all_confirmed():
        qtbot.keyClick(dialog.grid, Qt.Key.Key_Return)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(window.operations.idle, timeout=30000)
    assert dialog.message_label.text() == "Zapisano obecność — osoby: 24, strony listy: 1."
    for event_id in october:
        sheet = {row.participant_id: row.attendance for row in events.attendance_sheet(app_db, event_id)}
        assert sheet == {pid: AttendanceStatus.PRESENT if truth[(event_id, pid)] else AttendanceStatus.ABSENT
                         for pid in people}, event_id
        assert events.get_event(app_db, event_id).status == EventStatus.HELD
        assert len(attendance_scan_apply.event_scans(app_db, event_id)) == 1
    november = series.event_ids[4]
    assert all(row.attendance is None for row in events.attendance_sheet(app_db, november))
    assert attendance_scan_apply.event_scans(app_db, november) == []
