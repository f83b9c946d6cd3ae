"""An office adds its own programme from the Program menu and works on it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from tests.ui.typing import type_text


def _fill_and_save(qtbot, window, title: str, *, end_before_start: bool = False):
    from pal_desktop.ui.dialogs.programme_dialog import ProgrammeDialog

    seen = {}

    def drive():
        dialog = next(w for w in window.findChildren(ProgrammeDialog) if w.isVisible())
        seen["dialog"] = dialog
        type_text(qtbot, dialog.title_edit, title)
        if end_before_start:
            dialog.end_edit.setDate(dialog.start_edit.date().addDays(-1))
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            seen["error"] = dialog.error_label.text()
            seen["still_open"] = dialog.isVisible()
            dialog.reject()
            return
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, drive)
    window.findChild(type(window.programme_menu.actions()[0]), "newProgrammeAction").trigger()
    return seen


def test_a_new_programme_becomes_the_active_one(qtbot, window):
    _fill_and_save(qtbot, window, "PAL Gminy Kłobuck 2023–2024 „Razem”")
    assert window.windowTitle() == "PAL Desktop — PAL Gminy Kłobuck 2023–2024 „Razem”"
    titles = [window.programme_combo.itemText(i) for i in range(window.programme_combo.count())]
    assert len(titles) == 2 and titles[1].startswith("PAL Gminy Kłobuck 2023–2024")
    assert window.programme_combo.currentIndex() == 1


def test_a_programme_ending_before_it_starts_is_refused_in_polish(qtbot, window):
    seen = _fill_and_save(qtbot, window, "PAL 2030", end_before_start=True)
    assert "Koniec programu" in seen["error"] and seen["still_open"]
    assert window.programme_combo.count() == 1


def test_the_funding_period_is_chosen_and_saved(qtbot, window, app_db):
    from pal_desktop.domain.efs_dictionaries import FundingPeriod
    from pal_desktop.storage.models import Programme
    from pal_desktop.ui.dialogs.programme_dialog import ProgrammeDialog

    dialog = ProgrammeDialog(app_db, window)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.title_edit, "PAL EFS+")
    combo = dialog.period_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "— bez środków UE —", "2014-2020 (SL2014)", "2021-2027 (SM EFS)"]
    combo.setCurrentIndex(combo.findData(FundingPeriod.P2021_2027))
    dialog.save()
    with app_db.reading() as session:
        assert session.get(Programme, dialog.created_id).funding_period == FundingPeriod.P2021_2027
