"""Controls never move when a message appears: the buttons of the volunteer, agreement, hours and event dialogs
stay where the mouse is when an error, a hint or "Zapisano w tym oknie…" shows; the schedule's undo button keeps
its width whatever it would undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QToolBar

from pal_desktop.services import volunteer_agreements
from pal_desktop.services import volunteers as service

from .test_events_tab import events_tab
from .test_events_tab import open_dialog as open_event_dialog
from .test_volunteers_tab import click, open_dialog, open_tab
from .typing import replace_text, type_text


def places(dialog) -> dict[str, QPoint]:
    """Where each visible button is, in the dialog's coordinates, and the dialog's own size."""
    found = {button.objectName() or button.text(): button.mapTo(dialog, QPoint(0, 0))
             for button in dialog.findChildren(QPushButton) if button.isVisible()}
    found["(size)"] = QPoint(dialog.width(), dialog.height())
    return found


def volunteer_with_agreement(db) -> int:
    volunteer_id = service.create_volunteer(db, service.VolunteerInput(
        "Ola", "Nowak", birth_date=dt.date(1999, 1, 1))).id
    volunteer_agreements.create_agreement(db, volunteer_agreements.AgreementInput(
        volunteer_id, dt.date(2022, 4, 1), dt.date(2022, 12, 31), signed_date=dt.date(2022, 3, 28),
        scope="zajęcia w świetlicy", manner="osobiście", termination_terms="za porozumieniem stron", time_description="do 8 godzin tygodniowo", nnw_insurance=True,
        health_safety_date=dt.date(2022, 3, 28)), today=dt.date(2022, 3, 28))
    return volunteer_id


def test_the_hours_dialog_keeps_its_buttons_when_it_says_what_was_saved_or_refused(qtbot, window, app_db):
    volunteer_id = volunteer_with_agreement(app_db)
    tab = open_tab(qtbot, window)
    tab.select_volunteer(volunteer_id)
    dialog = open_dialog(qtbot, tab, tab.hours_button)
    before = places(dialog)
    replace_text(qtbot, dialog.work_date.edit, "04.04.2022")
    type_text(qtbot, dialog.hours, "2")
    click(qtbot, dialog.next_button)
    assert dialog.session_label.text().startswith("Zapisano w tym oknie: 1 wpis")
    assert dialog.day_hint.isHidden() or dialog.day_hint.text()
    assert places(dialog) == before
    replace_text(qtbot, dialog.work_date.edit, "04.04.2022")  # the day already has hours: a hint shows
    assert dialog.day_hint.text().startswith("Tego dnia zapisano już")
    replace_text(qtbot, dialog.hours, "-3")
    click(qtbot, dialog.next_button)
    assert "nie może być ujemna" in dialog.error_text_of("hours")
    assert places(dialog) == before


def test_the_volunteer_form_keeps_its_buttons_when_it_names_the_broken_rules(qtbot, window, app_db):
    tab = open_tab(qtbot, window)
    dialog = open_dialog(qtbot, tab, tab.new_button)
    before = places(dialog)
    click(qtbot, dialog.save_button)
    assert dialog.error_text_of("first_name") and dialog.error_text_of("last_name")
    assert places(dialog) == before


def test_the_agreement_keeps_its_buttons_when_the_period_hint_and_errors_show(qtbot, window, app_db):
    volunteer_id = service.create_volunteer(app_db, service.VolunteerInput(
        "Ola", "Nowak", birth_date=dt.date(1999, 1, 1))).id
    tab = open_tab(qtbot, window)
    tab.select_volunteer(volunteer_id)
    dialog = open_dialog(qtbot, tab, tab.agreement_button)
    before = places(dialog)
    type_text(qtbot, dialog.start_date.edit, "20.05.2022")
    type_text(qtbot, dialog.end_date.edit, "31.05.2022")
    assert "do 30 dni" in dialog.period_hint.text()
    click(qtbot, dialog.save_button)
    assert "Zakres świadczeń" in dialog.error_text_of("scope")
    assert places(dialog) == before


def test_the_event_dialog_keeps_its_buttons_when_it_says_what_is_missing(qtbot, window, app_db):
    tab = events_tab(qtbot, window)
    dialog = open_event_dialog(qtbot, tab, "event_dialog", tab.new_button)
    before = places(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S says what is missing
    assert dialog.isVisible() and dialog.general_error.isHidden()
    assert places(dialog) == before
    type_text(qtbot, dialog.title_edit, "Spotkanie sąsiedzkie")
    replace_text(qtbot, dialog.date_field.edit, "12.10.2021")
    type_text(qtbot, dialog.start_edit, "18:00")
    type_text(qtbot, dialog.end_edit, "16:00")
    assert dialog.error_labels["end_time"].isVisible()
    assert places(dialog) == before


def test_the_schedule_undo_button_keeps_its_width(qtbot, window, app_db):
    window.select_tab("schedule")
    tab = window.tab("schedule")
    bars = tab.findChildren(QToolBar)
    widget = next(bar.widgetForAction(tab.undo_action) for bar in bars if bar.widgetForAction(tab.undo_action))
    width = widget.sizeHint().width()
    assert not tab.undo_action.isEnabled()
    tab.undo_stack.push(_named_command("zmiana zadania „Zajęcia integracyjne dla dzieci i młodzieży”"))
    assert tab.undo_action.isEnabled() and tab.undo_action.text() == "Cofnij"
    assert widget.sizeHint().width() == width
    assert tab.undo_action.toolTip() == "Cofnij: zmiana zadania „Zajęcia integracyjne dla dzieci i młodzieży” (Ctrl+Z)"


def _named_command(text: str):
    from PySide6.QtGui import QUndoCommand

    command = QUndoCommand(text)
    return command
