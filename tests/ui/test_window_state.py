"""The window as each person left it, F1 on the tab's chapter, and the first start's office set-up."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from pal_desktop.domain.enums import UserRole
from pal_desktop.ui import first_start, window_state
from pal_desktop.ui.main_window import MainWindow


def new_window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    return window


def test_the_first_start_is_maximised_then_the_window_comes_back_as_it_was_closed(qtbot, ui_folders):
    first = new_window(qtbot)
    window_state.show(first)
    qtbot.waitExposed(first)
    assert first.isMaximized()
    first.showNormal()
    first.setGeometry(0, 40, 800, 560)  # the offscreen screen is 800×800, the window at least 800×500
    qtbot.wait(20)
    window_state.save(first)
    first.close()

    second = new_window(qtbot)
    window_state.show(second)
    qtbot.waitExposed(second)
    assert not second.isMaximized()
    assert (second.width(), second.height()) == (800, 560)


def drag_splitter(qtbot, splitter, pixels_left: int) -> None:
    handle = splitter.handle(1)
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, pos=start - QPoint(pixels_left, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start - QPoint(pixels_left, 0))


def test_each_person_finds_their_last_tab_column_widths_and_splitter(qtbot, make_window, app_db, act_as):
    act_as(UserRole.COORDINATOR, login="anna")
    window = make_window(app_db)
    participants = window.current_tab()
    header = participants.table.horizontalHeader()
    wide = header.sectionSize(1) + 137
    header.resizeSection(1, wide)
    window.select_tab("schedule")
    qtbot.waitUntil(lambda: window.current_tab().is_showing_table())  # the chart in place of "Wczytywanie…"
    splitter = window.current_tab().splitter
    drag_splitter(qtbot, splitter, splitter.sizes()[0] - 300)  # the user drags the handle to the left
    left = splitter.sizes()[0]
    assert abs(left - 300) < 40
    window_state.save(window)
    window.close()

    again = make_window(app_db)
    window_state.restore_for_user(again)
    assert again.current_tab().tab_id == "schedule"
    qtbot.waitUntil(lambda: again.current_tab().is_showing_table())  # the chart read, the width kept
    assert again.current_tab().splitter.sizes()[0] == left
    assert again._slots["participants"].tab.table.horizontalHeader().sectionSize(1) == wide
    again.close()

    act_as(UserRole.COORDINATOR, login="bogdan")  # another person at the same PC keeps their own window
    other = make_window(app_db)
    window_state.restore_for_user(other)
    assert other.current_tab().tab_id == "participants"
    assert other.current_tab().table.horizontalHeader().sectionSize(1) != wide


def test_f1_opens_the_guide_at_the_chapter_of_the_tab_in_front(qtbot, window):
    from pal_desktop.ui.dialogs.help_dialog import CHAPTERS

    window.select_tab("events")
    QTest.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help_dialog
    qtbot.waitExposed(dialog)
    assert CHAPTERS["events"] in dialog.chapter
    assert dialog.guide.textCursor().block().text() == dialog.chapter
    dialog.reject()


def test_the_first_start_asks_for_the_office_data_once(qtbot, window, app_db):
    assert first_start.needs_office_data(app_db)
    assert first_start.offer_office_setup(window, app_db)
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    assert dialog.welcome.isVisible()
    assert "nazwę i adres ośrodka" in dialog.welcome.text()
    assert dialog.focusWidget() is dialog.fields["name"]
    dialog.reject()
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert not first_start.offer_office_setup(window, app_db)  # asked once on this PC, not at every start
    assert window.settings_dialog is None


def test_the_first_start_offer_is_not_made_to_whom_may_not_change_the_settings(qtbot, window, app_db, act_as):
    act_as(UserRole.READER)
    assert not first_start.offer_office_setup(window, app_db)
    assert window.settings_dialog is None
