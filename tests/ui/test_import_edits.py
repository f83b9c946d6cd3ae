"""Correcting the import preview in place: a red cell typed over, one reason for many selected rows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from pal_desktop.services import participants, programmes
from pal_desktop.services.demo import pesel_for
from pal_desktop.ui.dialogs.import_edits import FIXED_COLUMNS

from .test_import_fixes import open_preview, summary_errors
from .typing import type_text


def cell(dialog, row: int, header: str):
    table = dialog.preview_table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    return table.item(row, headers.index(header))


def test_a_wrong_pesel_typed_over_in_the_preview_is_imported(qtbot, app_db, tmp_path, shown_errors):
    sheet = tmp_path / "lista.csv"
    good = pesel_for(dt.date(1975, 4, 4), 7, True)
    sheet.write_text("Nazwisko;Imię;PESEL\n"
                     f"Wiśniewska;Halina;{good}\n"
                     "Żurawska;Łucja;12345678901\n", encoding="utf-8-sig")
    dialog = open_preview(qtbot, app_db, sheet)
    assert summary_errors(dialog) == "1"
    table = dialog.preview_table
    wrong = cell(dialog, 1, "PESEL")
    assert wrong.text() == "12345678901"
    assert wrong.foreground().color().name() == "#b3261e"  # the faulty cell is red
    assert cell(dialog, 1, "Nazwisko").foreground().color().name() != "#b3261e"
    assert table.currentRow() == 1  # the dialog opens on the first row with errors

    fixed = pesel_for(dt.date(1988, 11, 2), 3, True)
    table.setCurrentItem(wrong)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table  # F2 opened the cell's editor
    editor.selectAll()
    type_text(qtbot, editor, fixed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: summary_errors(dialog) == "0", timeout=10000)
    assert dialog.preview.row(3).action == "new" and dialog.preview.row(3).data.pesel == fixed
    assert cell(dialog, 1, "Co się stanie").text() == "nowa osoba"
    assert cell(dialog, 1, "PESEL").text() == fixed
    assert dialog.import_button.text() == "&Importuj (2)"

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    people = participants.search_participants(app_db, participants.ParticipantQuery(), 0, 10)
    assert sorted(p.last_name for p in people) == ["Wiśniewska", "Żurawska"]
    assert shown_errors == []


def test_one_reason_for_many_rows_outside_the_area(qtbot, app_db, tmp_path, shown_errors):
    programme = programmes.active_programme(app_db)
    participants.add_area_street(app_db, programme.id, "ul. Zamkowa", "42-100", "Kłobuck")
    sheet = tmp_path / "lista.csv"
    lines = ["Nazwisko;Imię;PESEL;Ulica;Nr domu;Kod pocztowy;Miejscowość"]
    names = ["Kowal", "Lis", "Nowak", "Wilk"]
    for i, name in enumerate(names):
        street = "Zamkowa" if name == "Wilk" else "Daleka"
        lines.append(f"{name};Jan;{pesel_for(dt.date(1970 + i, 5, 5), i, False)};{street};{i + 1};42-100;Kłobuck")
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    dialog = open_preview(qtbot, app_db, sheet)
    assert summary_errors(dialog) == "3"
    table = dialog.preview_table
    selection = table.selectionModel()
    selection.clearSelection()
    for row in range(3):  # Ctrl+click on the three rows from Daleka
        selection.select(table.model().index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)

    qtbot.mouseClick(dialog.fill_rows_button, Qt.MouseButton.LeftButton)
    ask = dialog.fill_dialog
    assert ask.field_combo.currentText() == "Uzasadnienie adresu spoza obszaru"  # what the rows lack
    assert "w 3 zaznaczonych wierszach" in ask.findChild(type(dialog.summary_label)).text()
    type_text(qtbot, ask.value_edit, "zameldowani w mieszkaniu chronionym przy ul. Zamkowej")
    qtbot.mouseClick(ask.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: summary_errors(dialog) == "0", timeout=10000)
    header = [table.horizontalHeaderItem(c).text() for c in range(FIXED_COLUMNS, table.columnCount())]
    assert header[-1] == "Uzasadnienie adresu spoza obszaru"  # the field the sheet had not, added as a column
    assert [cell(dialog, row, header[-1]).text() for row in range(4)] == [
        "zameldowani w mieszkaniu chronionym przy ul. Zamkowej"] * 3 + [""]

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report.created == 4
    people = participants.search_participants(app_db, participants.ParticipantQuery(), 0, 10)
    reasons = {p.last_name: participants.get_participant(app_db, p.id).outside_area_reason for p in people}
    assert reasons == {"Kowal": "zameldowani w mieszkaniu chronionym przy ul. Zamkowej",
                       "Lis": "zameldowani w mieszkaniu chronionym przy ul. Zamkowej",
                       "Nowak": "zameldowani w mieszkaniu chronionym przy ul. Zamkowej", "Wilk": ""}
    assert shown_errors == []
