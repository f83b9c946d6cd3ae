"""Spare width goes by meaning: on a wide screen the events' topic, place and leader all widen; on a narrow
one they give up width so that the count and status columns stay in view; a width the person drags stays."""

from __future__ import annotations

from PySide6.QtCore import Qt


def header_widths(table) -> dict[str, int]:
    header = table.horizontalHeader()
    model = table.model()
    return {model.headerData(c, Qt.Orientation.Horizontal): header.sectionSize(c) for c in range(header.count())}


def test_the_events_columns_share_the_spare_width_and_keep_a_dragged_one(qtbot, demo_window):
    window = demo_window
    window.select_tab("events")
    tab = window.current_tab()
    table = tab.table
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.width() == 1920)
    qtbot.wait(20)
    wide = header_widths(table)
    starting = table.spare_width.minimum  # the widths the columns start from (their specs)
    assert wide["Miejsce"] >= 1.5 * starting[3] and wide["Prowadzący"] >= 1.5 * starting[4]
    assert table.fontMetrics().horizontalAdvance("Biblioteka Publiczna") < wide["Miejsce"]
    assert wide["Temat"] > wide["Miejsce"]  # the topic has the larger share
    assert sum(wide.values()) <= table.viewport().width() + 2

    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.width() == 1280)
    qtbot.wait(20)
    narrow = header_widths(table)
    assert narrow["Temat"] < wide["Temat"] and narrow["Miejsce"] < wide["Miejsce"]
    assert sum(narrow.values()) <= table.viewport().width() + 2  # "Status" is still on screen
    assert narrow["Data"] == wide["Data"]  # the fixed columns keep their width

    header = table.horizontalHeader()
    header.resizeSection(3, 300)  # the person drags the edge of "Miejsce"
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.width() == 1920)
    qtbot.wait(20)
    assert header_widths(table)["Miejsce"] == 300
