"""Signed lists read back in the window: Wydarzenia → Wczytaj skany…, the review of the unsure cells from the
keyboard, Zapisz obecność, and the kept scan shown beside the event's attendance."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw
from PySide6.QtCore import Qt

from pal_desktop.domain.enums import AttendanceStatus
from pal_desktop.reports.attendance_list import render_attendance_list
from pal_desktop.reports.scan_marks import ScanLayout
from pal_desktop.services import attendance_lists, events
from pal_desktop.ui import scan_actions

from .test_attendance import TODAY
from .test_events_tab import click, events_tab, person, select, workshop

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scan_synth import _box_px, sign_page  # noqa: E402

DPI = 200
UNSURE_ROWS = (2, 5, 9)


def hesitant_scan(db, event_id: int, path: Path) -> list[int]:
    """A signed page where rows 2, 5 and 9 carry only a short tick (neither a signature nor empty paper)."""
    data, ids = attendance_lists.event_list(db, event_id)
    layout = ScanLayout()
    pdf = render_attendance_list(data, layout)
    page = sign_page(pdf, layout, 1, DPI, random.Random(1), stray_share=0.0)
    draw = ImageDraw.Draw(page.image)
    _, height = layout.page_sizes[1]
    mm = DPI / 25.4
    for cell in layout.cells:
        if cell.kind == "signature" and cell.row in UNSURE_ROWS:
            x0, y0, x1, y1 = _box_px(cell, height, DPI)
            draw.rectangle([x0 + 2 * mm, y0 + 1.6 * mm, x1 - 2 * mm, y1 - 1.6 * mm], fill=255)
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            draw.line([(cx, cy), (cx + 2.6 * mm, cy)], fill=40, width=int(0.5 * mm))
    page.image.save(path)
    return ids


def workshop_of_15(db) -> tuple[int, list[int]]:
    event_id = workshop(db)
    people = [person(db, n) for n in range(15)]
    events.enrol(db, event_id, people)
    return event_id, people


def open_review(qtbot, window, files, monkeypatch):
    tab = events_tab(qtbot, window)
    tab.set_today(TODAY)
    monkeypatch.setattr(scan_actions, "choose_scan_files", lambda parent: [str(f) for f in files])
    click(qtbot, tab.scan_button)
    qtbot.waitUntil(window.operations.idle, timeout=30000)
    dialog = tab.scan_review_dialog
    qtbot.waitExposed(dialog)
    return tab, dialog


def test_scans_are_reviewed_from_the_keyboard_and_recorded(qtbot, window, app_db, tmp_path, monkeypatch):
    event_id, people = workshop_of_15(app_db)
    scan = tmp_path / "lista.png"
    ids = hesitant_scan(app_db, event_id, scan)
    tab, dialog = open_review(qtbot, window, [scan], monkeypatch)
    grid = dialog.grid
    assert [tile.cell.row.row for tile in grid.tiles] == list(UNSURE_ROWS)
    assert grid.tiles[0].name.text() == f"<b>{grid.tiles[0].cell.row.name}</b> · 12.10.2021"
    assert dialog.grid_caption.text() == "Podpisy do sprawdzenia: 3, jeszcze niepotwierdzone: 3."
    assert dialog.page_view.outlined == len(dialog.result.pages[0].rows) == 15
    assert not dialog.save_button.isEnabled()  # nobody has looked at the unsure cells yet
    assert grid.hasFocus()
    qtbot.keyClick(grid, Qt.Key.Key_O)                      # row 2: obecny, on to row 5
    qtbot.keyClick(grid, Qt.Key.Key_N)                      # row 5: nieobecny, on to row 9
    assert grid.tiles[2].status.text().startswith("obecny? (propozycja") or \
        grid.tiles[2].status.text().startswith("nieobecny? (propozycja")
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    qtbot.keyClick(grid, Qt.Key.Key_U)                      # row 5 after all: usprawiedliwiony
    assert [t.status.text() for t in grid.tiles[:2]] == ["obecny", "usprawiedliwiony"]
    qtbot.keyClick(grid, Qt.Key.Key_Return)                 # row 9 confirmed as the reader guessed
    assert dialog.save_button.isEnabled() and dialog.save_button.hasFocus()
    assert dialog.grab().save(str(tmp_path / "scan_review.png"))  # looked at while building the dialog
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(window.operations.idle, timeout=30000)
    assert dialog.message_label.text() == "Zapisano obecność — osoby: 15, strony listy: 1."
    sheet = {row.participant_id: row.attendance for row in events.attendance_sheet(app_db, event_id)}
    assert sheet[ids[1]] == AttendanceStatus.PRESENT and sheet[ids[4]] == AttendanceStatus.EXCUSED
    assert all(status is not None for status in sheet.values())
    # The attendance view of the event shows the kept page and the programme's signed-list count.
    dialog.reject()
    select(qtbot, tab, event_id)
    click(qtbot, tab.attendance_button)
    attendance = tab.attendance_dialog.widget
    assert attendance.model.index(1, 2).data() == "obecny" and attendance.model.index(4, 2).data() == \
        "usprawiedliwiony"
    evidence = attendance.evidence
    assert evidence.scans_label.text() == "Podpisana lista: zeskanowanych stron 1"
    assert evidence.count_label.text() == "Listy podpisane: 1 z 1 wydarzeń"
    assert tab.attendance_dialog.grab().save(str(tmp_path / "attendance.png"))
    image_dialog = evidence.open_current()
    assert not image_dialog.image.pixmap().isNull() and image_dialog.image.pixmap().width() >= 600


def test_a_bad_page_shows_what_to_do_and_nothing_is_saved_from_it(qtbot, window, app_db, tmp_path, monkeypatch):
    event_id, _ = workshop_of_15(app_db)
    good = tmp_path / "dobra.png"
    hesitant_scan(app_db, event_id, good)
    dark = tmp_path / "ciemna.png"
    Image.fromarray((np.asarray(Image.open(good)) * 0.35).astype(np.uint8)).save(dark)
    _tab, dialog = open_review(qtbot, window, [dark, good], monkeypatch)
    assert dialog.problems_label.isVisible()
    assert "ciemna.png, strona 1" in dialog.problems_label.text()
    assert "Skan jest za ciemny. Zeskanuj stronę ponownie jaśniej" in dialog.problems_label.text()
    assert dialog.pages_list.item(0).text().startswith("⚠ ciemna.png")
    assert dialog.page_problem.isVisible() and dialog.page_problem.text().startswith("Skan jest za ciemny")
    assert dialog.grab().save(str(tmp_path / "bad_page.png"))
    qtbot.keyClick(dialog.grid, Qt.Key.Key_Return)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(window.operations.idle, timeout=30000)
    assert dialog.message_label.text() == "Zapisano obecność — osoby: 15, strony listy: 1; stron do ponownego skanu: 1."


def test_cancel_stops_the_reading_and_opens_no_review(qtbot, window, app_db, tmp_path, monkeypatch):
    event_id, _ = workshop_of_15(app_db)
    scan = tmp_path / "lista.png"
    hesitant_scan(app_db, event_id, scan)
    tab = events_tab(qtbot, window)
    monkeypatch.setattr(scan_actions, "choose_scan_files", lambda parent: [str(scan), str(scan)])
    qtbot.keyClick(tab.table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    [operation] = window.operations.pending()
    assert operation.title == "Odczyt skanów"
    operation.cancel()
    qtbot.waitUntil(window.operations.idle, timeout=30000)
    assert not hasattr(tab, "scan_review_dialog")
    assert window.statusBar().currentMessage() == "Przerwano odczyt skanów; nic nie zapisano."
    assert tab.scan_button.isVisible() and tab.scan_button.accessibleName() == "Wczytaj skany list obecności"
    assert window.grab().save(str(tmp_path / "events_tab.png"))
