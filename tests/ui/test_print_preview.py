"""Printing in two clicks: the list's options, the preview of its pages, the printer, a copy saved elsewhere,
the printouts folder; the choices remembered for the next list."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from pal_desktop.services import events
from pal_desktop.ui import pdf_output
from pal_desktop.ui.dialogs import print_preview
from pal_desktop.ui.dialogs.print_list_dialog import PrintListDialog

from .test_events_tab import click, events_tab, person, select, workshop


def open_list_dialog(qtbot, monkeypatch, tab, event_id, answer):
    """Ctrl+P on the event; ``answer(dialog)`` plays the user in the modal dialog."""
    seen = []

    def exec_(dialog):
        seen.append(dialog)
        answer(dialog)
        return dialog.result()

    monkeypatch.setattr(PrintListDialog, "exec", exec_)
    select(qtbot, tab, event_id)
    tab.window().activateWindow()  # back from the preview, as the user clicks the main window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab.window())
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    return seen


def preview_of(qtbot, window):
    qtbot.waitUntil(lambda: getattr(window, "last_preview", None) is not None
                    and bool(window.last_preview.page_labels()), timeout=15000)
    return window.last_preview


def test_fifteen_people_preview_on_one_page_and_print_with_the_copies(qtbot, window, app_db, monkeypatch, tmp_path):
    event_id = workshop(app_db)
    events.enrol(app_db, event_id, [person(app_db, n) for n in range(15)])
    tab = events_tab(qtbot, window)

    def answer(dialog):
        assert dialog.month_radio.isHidden()  # a single event: no series choice
        click(qtbot, dialog.birth_dates)
        dialog.copies_spin.setValue(2)
        click(qtbot, dialog.preview_button)

    [dialog] = open_list_dialog(qtbot, monkeypatch, tab, event_id, answer)
    preview = preview_of(qtbot, window)
    assert [label.accessibleName() for label in preview.page_labels()] == ["Strona 1 z 1"]
    assert "Stron: 1" in preview.status.text()
    assert "Data ur." in " ".join(page.extract_text() for page in PdfReader(preview.path).pages)

    printed = tmp_path / "drukarka.pdf"
    asked = []

    def printer_dialog(parent, printer):
        asked.append(printer.copyCount())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(print_preview, "ask_printer", printer_dialog)
    geometry = preview.print_button.geometry()
    click(qtbot, preview.print_button)
    qtbot.waitUntil(lambda: preview.printed == 1, timeout=15000)
    assert asked == [2]  # the copies chosen before reach the printer's dialog
    assert len(PdfReader(io.BytesIO(printed.read_bytes())).pages) == 1
    assert "Wysłano do drukarki stron: 1" in preview.status.text()
    assert preview.print_button.geometry() == geometry  # the message did not move the buttons


def test_drukuj_goes_straight_to_the_printer_and_the_choices_are_remembered(qtbot, window, app_db, monkeypatch,
                                                                            tmp_path):
    event_id = workshop(app_db)
    events.enrol(app_db, event_id, [person(app_db, n) for n in range(3)])
    tab = events_tab(qtbot, window)
    asked = []

    def printer_dialog(parent, printer):
        asked.append(printer.docName())
        return False  # the user closes the printer's dialog

    monkeypatch.setattr(print_preview, "ask_printer", printer_dialog)

    def answer(dialog):
        click(qtbot, dialog.fill_page)
        assert not dialog.blank_rows.isEnabled()
        click(qtbot, dialog.guardian)
        click(qtbot, dialog.print_button)

    open_list_dialog(qtbot, monkeypatch, tab, event_id, answer)
    qtbot.waitUntil(lambda: bool(asked), timeout=15000)
    assert asked[0].startswith("lista-obecnosci-2021-10-12")
    text = " ".join(page.extract_text() for page in PdfReader(window.last_preview.path).pages)
    numbers = [int(n) for n in re.findall(r"(\d+)\.\s", text)]
    assert "Podpis rodzica/opiekuna" in text and max(numbers) >= 15  # 3 people, the page filled with blank rows

    window.last_preview.close()

    def again(dialog):
        assert dialog.fill_page.isChecked() and dialog.guardian.isChecked() and not dialog.birth_dates.isChecked()
        dialog.reject()

    assert len(open_list_dialog(qtbot, monkeypatch, tab, event_id, again)) == 1


def test_save_as_and_the_printouts_folder(qtbot, window, app_db, monkeypatch, tmp_path):
    event_id = workshop(app_db)
    events.enrol(app_db, event_id, [person(app_db, 1)])
    tab = events_tab(qtbot, window)
    open_list_dialog(qtbot, monkeypatch, tab, event_id, lambda dialog: click(qtbot, dialog.preview_button))
    preview = preview_of(qtbot, window)
    target = tmp_path / "na pendrive" / "lista"
    target.parent.mkdir()
    monkeypatch.setattr(print_preview, "choose_copy_path", lambda parent, suggested: str(target))
    click(qtbot, preview.save_button)
    copy = target.with_suffix(".pdf")
    assert copy.read_bytes() == preview.path.read_bytes()
    assert str(copy) in preview.status.text()
    opened = []
    monkeypatch.setattr(pdf_output, "open_file", lambda path: opened.append(path) or True)
    click(qtbot, preview.folder_button)
    click(qtbot, preview.viewer_button)
    assert opened == [preview.path.parent, preview.path] and preview.path.parent.name == "wydruki"
    zoomed = preview.page_labels()[0].pixmap().width()
    click(qtbot, preview.zoom_in)
    assert preview.page_labels()[0].pixmap().width() > zoomed
