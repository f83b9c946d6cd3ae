"""Raporty: the programme card is printed from the tab as a PDF opened in the system viewer."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import Qt


def test_the_programme_card_button_opens_the_pdf(qtbot, window, monkeypatch):
    from pal_desktop.ui import pdf_output

    opened = []
    monkeypatch.setattr(pdf_output, "present", lambda widget, path, *args, **kwargs: opened.append(path))
    window.select_tab("reports")
    tab = window.tab("reports")
    qtbot.waitUntil(lambda: tab.programme_card_button.isEnabled())
    qtbot.mouseClick(tab.programme_card_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10000)
    [path] = opened
    assert path.suffix == ".pdf" and path.parent.name == "wydruki"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)
    assert "Program Aktywności Lokalnej dla Gminy Kłobuck" in " ".join(text.split())


def _pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_indicator_values_targets_and_the_monitoring_reports(qtbot, demo_window, monkeypatch, shown_errors):
    from pal_desktop.ui import pdf_output
    from tests.ui.typing import replace_text, type_text

    opened = []
    monkeypatch.setattr(pdf_output, "present", lambda widget, path, *args, **kwargs: opened.append(path))
    demo_window.select_tab("reports")
    tab = demo_window.tab("reports")
    qtbot.waitUntil(lambda: tab.periodic_report_button.isEnabled() and tab.model.rowCount() > 0)
    headers = [tab.model.headerData(i, Qt.Orientation.Horizontal) for i in range(tab.model.columnCount())]
    assert "Osiągnięto" in headers and "%" in headers
    rows = tab.model.rows()
    hours_row = next(index for index, row in enumerate(rows) if row[2] == "usługi wolontariatu")
    assert rows[hours_row][6] not in ("", "—") and rows[hours_row][7] == ""

    # Double-click the indicator: a negative target is refused in Polish, a valid one is saved.
    view_index = tab.proxy.mapFromSource(tab.model.index(hours_row, 2))
    tab.table.scrollTo(view_index)
    rect = tab.table.visualRect(view_index)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: getattr(tab, "dialog", None) is not None)
    dialog = tab.dialog
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.target_edit, "-5")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "ujemna" in dialog.error_labels["target_value"].text()
    replace_text(qtbot, dialog.target_edit, "abc")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "musi być liczbą" in dialog.error_labels["target_value"].text()
    replace_text(qtbot, dialog.target_edit, "1000")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)
    qtbot.waitUntil(lambda: not tab.busy_reading() and tab.model.rowCount() > 0)  # the list is read again
    row = next(r for r in tab.model.rows() if r[2] == "usługi wolontariatu")
    assert row[5] == "1000" and row[7].endswith(" %")

    # The periodic report asks for the period.
    qtbot.mouseClick(tab.periodic_report_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    replace_text(qtbot, dialog.date_from.edit, "01.01.2021")
    replace_text(qtbot, dialog.date_to.edit, "30.06.2021")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10000)
    [path] = opened
    assert path.suffix == ".pdf" and path.name.startswith("sprawozdanie-2021-01-01-2021-06-30")
    text = _pdf_text(path)
    assert "Sprawozdanie z realizacji Programu Aktywności Lokalnej" in text and "01.01.2021 – 30.06.2021" in text
    assert "usługi wolontariatu godz. 1000" in text and "Strona 1 z" in text
    qtbot.mouseClick(tab.final_report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(tab, "dialog", None) is not None)
    qtbot.waitExposed(tab.dialog)
    qtbot.mouseClick(tab.dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=10000)
    assert len(opened) == 2 and "Raport końcowy" in _pdf_text(opened[1])
    assert shown_errors == []


def test_the_indicators_are_read_off_the_ui_thread_with_a_placeholder_meanwhile(qtbot, demo_window):
    demo_window.select_tab("reports")
    tab = demo_window.tab("reports")
    # The read's result comes back through the event loop, so right after the switch the placeholder shows.
    assert tab._stack.currentWidget() is tab.empty_label
    assert tab.empty_label.text() == "Wczytywanie danych…"
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0 and not tab.busy_reading())
    assert tab._stack.currentWidget() is tab.table
    assert any(row[2] == "usługi wolontariatu" for row in tab.model.rows())
