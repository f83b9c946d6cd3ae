"""Program → Ulice obszaru rewitalizacji: the office keeps the list the participant form offers."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from pal_desktop.services import participants
from pal_desktop.services.programmes import active_programme

from .typing import type_text


def test_adding_and_removing_streets_of_the_area(qtbot, window, app_db):
    from pal_desktop.ui.dialogs.streets_dialog import StreetsDialog

    seen = {}

    def drive():
        dialog = next(w for w in window.findChildren(StreetsDialog) if w.isVisible())
        type_text(qtbot, dialog.name_edit, "ul. Źródlana")
        type_text(qtbot, dialog.code_edit, "42-100")
        type_text(qtbot, dialog.locality_edit, "Kłobuck")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        type_text(qtbot, dialog.name_edit, "ul. Zamkowa")
        type_text(qtbot, dialog.code_edit, "42100")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        seen["error"] = dialog.error_label.text()
        dialog.code_edit.clear()
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        seen["names"] = dialog.names()
        dialog.table.setFocus()
        dialog.table.selectRow(0)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
        seen["after"] = dialog.names()
        dialog.accept()

    QTimer.singleShot(0, drive)
    window.findChild(type(window.programme_menu.actions()[0]), "streetsAction").trigger()
    assert "00-000" in seen["error"]
    assert seen["names"] == ["ul. Zamkowa", "ul. Źródlana"]  # Polish order: Z before Ź
    assert seen["after"] == ["ul. Źródlana"]
    assert [s.name for s in participants.area_streets(app_db, active_programme(app_db).id)] == ["ul. Źródlana"]
