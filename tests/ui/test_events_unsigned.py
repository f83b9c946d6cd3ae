"""In the Wydarzenia list a held event without a scanned signed list carries an orange mark on its status,
with the tooltip "brak podpisanej listy obecności"; the mark goes once the signed list is read in."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pal_desktop.domain.enums import AttendanceStatus
from pal_desktop.services import attendance_scan, attendance_scan_apply, events

from .test_attendance import TODAY
from .test_events_tab import events_tab, workshop
from .test_scan_review import hesitant_scan, workshop_of_15

UNSIGNED = "brak podpisanej listy obecności"


def status_cell(tab, event_id: int):
    model = tab.table.model()
    [status] = [c for c in range(model.columnCount())
                if model.headerData(c, Qt.Orientation.Horizontal) == "Status"]
    return model.index(tab.model.row_of(event_id), status)


def test_held_events_without_a_scanned_list_are_flagged(qtbot, window, app_db, tmp_path):
    scanned, people = workshop_of_15(app_db)
    marked_by_hand = workshop(app_db, title="Spotkanie bez skanu")
    planned = workshop(app_db, title="Zaplanowane")
    events.enrol(app_db, marked_by_hand, people[:3])
    events.record_attendance(app_db, marked_by_hand, {pid: AttendanceStatus.PRESENT for pid in people[:3]},
                             today=TODAY)
    scan = tmp_path / "lista.png"
    hesitant_scan(app_db, scanned, scan)
    result = attendance_scan.read_scans(app_db, [scan])
    decisions = {(r.event_id, r.row): r.likely for r in result.usable[0].rows if r.signed is None}
    attendance_scan_apply.apply_scan(app_db, result, decisions, today=TODAY)

    tab = events_tab(qtbot, window)
    tab.set_today(TODAY)
    tab.refresh()
    flagged = status_cell(tab, marked_by_hand)
    assert flagged.data(Qt.ItemDataRole.ToolTipRole) == UNSIGNED
    assert flagged.data(Qt.ItemDataRole.AccessibleDescriptionRole) == UNSIGNED
    assert flagged.data(Qt.ItemDataRole.DecorationRole) is not None
    for event_id in (scanned, planned):  # the scanned one has its list; a planned one needs none yet
        cell = status_cell(tab, event_id)
        assert cell.data(Qt.ItemDataRole.ToolTipRole) != UNSIGNED and cell.data(Qt.ItemDataRole.DecorationRole) is None
    assert tab.table.viewport().grab().save(str(tmp_path / "unsigned.png"))
