"""The keyboard follows what is seen: every form opens on its first field, and Tab walks its fields top to
bottom (left to right within a row) inside each group, never jumping back up."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QGroupBox, QWidget

from pal_desktop.services import volunteer_alerts

from .test_animators_tab import open_dialog as open_animator_dialog
from .test_animators_tab import open_tab as open_animators
from .test_events_tab import events_tab
from .test_events_tab import open_dialog as open_event_dialog
from .test_stable_layout import volunteer_with_agreement
from .test_volunteers_tab import open_dialog, open_tab

ROW = 12  # pixels: widgets whose tops differ by less stand in one row


def tab_walk(qtbot, dialog, limit: int = 120) -> list[QWidget]:
    start = QApplication.focusWidget()
    walked = [start]
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        current = QApplication.focusWidget()
        if current is start or current in walked:
            break
        walked.append(current)
    return walked


def group_of(widget: QWidget, dialog) -> QWidget:
    parent = widget.parentWidget()
    while parent is not None and parent is not dialog and not isinstance(parent, (QGroupBox, QDialogButtonBox)):
        parent = parent.parentWidget()
    return parent or dialog


def describe(widget: QWidget) -> str:
    return widget.accessibleName() or widget.objectName() or type(widget).__name__


def assert_follows_what_is_seen(qtbot, dialog) -> list[str]:
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    first = QApplication.focusWidget()
    assert first is not None and dialog.isAncestorOf(first)
    assert not isinstance(first, QAbstractButton), f"the form opens on the button {describe(first)}"
    walked = tab_walk(qtbot, dialog)
    assert len(walked) > 2
    for before, after in zip(walked, walked[1:], strict=False):
        if group_of(before, dialog) is not group_of(after, dialog):
            continue
        a, b = before.mapTo(dialog, QPoint(0, 0)), after.mapTo(dialog, QPoint(0, 0))
        same_row = abs(a.y() - b.y()) < ROW
        assert (same_row and b.x() > a.x()) or b.y() >= a.y() + ROW or (
            not same_row and b.y() > a.y()), f"Tab goes back from {describe(before)} to {describe(after)}"
    return [describe(widget) for widget in walked]


def test_the_participant_form_goes_from_the_pesel_to_brak_pesel(qtbot, window):
    from .test_participants import open_new_form

    form = open_new_form(qtbot, window)
    order = assert_follows_what_is_seen(qtbot, form)
    assert order[:4] == ["Imię", "Nazwisko", "PESEL", "Brak numeru PESEL"], order


def test_the_volunteer_form_opens_on_the_first_name(qtbot, window, app_db):
    tab = open_tab(qtbot, window)
    dialog = open_dialog(qtbot, tab, tab.new_button)
    order = assert_follows_what_is_seen(qtbot, dialog)
    assert order[0] == "Imię"


def test_the_agreement_and_hours_forms(qtbot, window, app_db):
    volunteer_id = volunteer_with_agreement(app_db)
    tab = open_tab(qtbot, window)
    tab.select_volunteer(volunteer_id)
    assert_follows_what_is_seen(qtbot, open_dialog(qtbot, tab, tab.agreement_button))
    tab.dialog.reject()
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert_follows_what_is_seen(qtbot, open_dialog(qtbot, tab, tab.hours_button))


def test_the_event_form(qtbot, window):
    tab = events_tab(qtbot, window)
    order = assert_follows_what_is_seen(qtbot, open_event_dialog(qtbot, tab, "event_dialog", tab.new_button))
    assert order[0] == "Temat wydarzenia"


def test_the_animator_form(qtbot, window):
    tab = open_animators(qtbot, window)
    assert_follows_what_is_seen(qtbot, open_animator_dialog(qtbot, tab, tab.new_button))


def test_the_volunteer_service_is_untouched_by_walking(app_db):
    assert volunteer_alerts.volunteer_rows(app_db) == []


def test_the_target_dialog_opens_on_its_value_and_enter_saves(qtbot, window, app_db):
    from pal_desktop.services import indicators
    from pal_desktop.services.programmes import active_programme
    from pal_desktop.ui.dialogs.target_dialog import TargetDialog

    from .typing import type_text

    indicator = indicators.indicator_values(app_db, active_programme(app_db).id).indicators[0]
    indicator_id = indicator.id
    dialog = TargetDialog(app_db, indicator_id, "usługi wolontariatu", "godz.", "—", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    order = assert_follows_what_is_seen(qtbot, dialog)
    assert order[0] == "Wartość docelowa" and order[-2:] == ["Zapisz", "Anuluj"], order
    type_text(qtbot, dialog.target_edit, "1200")
    qtbot.keyClick(dialog.target_edit, Qt.Key.Key_Return)
    assert dialog.result() == 1 and not dialog.isVisible()
