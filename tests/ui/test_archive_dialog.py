"""Program → Archiwizacja i anonimizacja…: the deadline set, the button gated, two confirmations, the result."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from pal_desktop.domain.enums import UserRole
from pal_desktop.services import participants
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.programmes import active_programme
from pal_desktop.storage.models import Participant
from pal_desktop.ui.dialogs import archive_dialog
from pal_desktop.ui.dialogs.archive_dialog import ArchiveDialog
from tests.ui.typing import type_text


def _dialog(qtbot, db) -> ArchiveDialog:
    dialog = ArchiveDialog(db, active_programme(db).id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _set_deadline(qtbot, dialog, day: dt.date) -> None:
    if not dialog.deadline_box.isChecked():
        qtbot.mouseClick(dialog.deadline_box, Qt.MouseButton.LeftButton)
    dialog.deadline_edit.setDate(QDate(day.year, day.month, day.day))
    qtbot.mouseClick(dialog.save_deadline_button, Qt.MouseButton.LeftButton)


def test_the_administrator_sets_the_deadline_then_anonymises_after_two_confirmations(qtbot, db, act_as,
                                                                                     monkeypatch):
    act_as(UserRole.ADMIN)
    person = participants.create_participant(db, participants.ParticipantInput(
        first_name="Żaneta", last_name="Ćwikła", pesel=pesel_for(dt.date(1985, 8, 8), 61, True))).id
    dialog = _dialog(qtbot, db)
    assert "nie jest ustalony" in dialog.status_label.text()
    assert not dialog.anonymise_button.isEnabled()
    assert dialog.anonymise_button.toolTip() == "Najpierw ustal termin archiwizacji."
    buttons_at = dialog.anonymise_button.pos()

    _set_deadline(qtbot, dialog, dt.date.today() + dt.timedelta(days=30))
    assert dialog.message_label.text() == "Zapisano termin archiwizacji."
    assert dialog.anonymise_button.toolTip().startswith("Dane trzeba przechowywać do")
    assert dialog.anonymise_button.pos() == buttons_at  # a message never moves the buttons
    _set_deadline(qtbot, dialog, dt.date(2026, 1, 31))
    assert dialog.anonymise_button.isEnabled()

    monkeypatch.setattr(archive_dialog, "confirm_warning", lambda parent, state: True)
    monkeypatch.setattr(archive_dialog, "confirm_word", lambda parent: False)
    qtbot.mouseClick(dialog.anonymise_button, Qt.MouseButton.LeftButton)
    assert dialog.message_label.text() == "Anonimizację anulowano; nic nie zmieniono."
    with db.reading() as session:
        assert session.get(Participant, person).last_name == "Ćwikła"

    monkeypatch.setattr(archive_dialog, "confirm_word", lambda parent: True)
    type_text(qtbot, dialog.reason_edit, " (protokół nr 3)")
    qtbot.mouseClick(dialog.anonymise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Zanonimizowano osoby: 1" in dialog.message_label.text(), timeout=15000)

    assert "zanonimizowano" in dialog.status_label.text() and not dialog.anonymise_button.isEnabled()
    assert not dialog.save_deadline_button.isEnabled()
    with db.reading() as session:
        assert session.scalar(select(Participant.last_name).where(Participant.id == person)) == "(zanonimizowano)"


def test_a_coordinator_sets_the_deadline_but_may_not_anonymise(qtbot, db, act_as):
    act_as(UserRole.COORDINATOR)
    dialog = _dialog(qtbot, db)
    _set_deadline(qtbot, dialog, dt.date(2026, 1, 31))
    assert "dane przechowywane do 31.01.2026" in dialog.status_label.text()
    assert not dialog.anonymise_button.isEnabled()
    assert dialog.anonymise_button.toolTip() == "Anonimizację wykonuje administrator."
    _set_deadline(qtbot, dialog, dt.date(2015, 1, 31))
    assert "nie może być wcześniejszy niż koniec programu" in dialog.message_label.text()


def test_the_programme_menu_opens_the_dialog(qtbot, db, act_as, monkeypatch):
    from pal_desktop.ui import archive_actions

    act_as(UserRole.READER)
    opened = []
    monkeypatch.setattr(archive_actions, "open_archive_dialog", lambda window, db, pid: opened.append(pid))
    from PySide6.QtWidgets import QMainWindow, QMenu

    window = QMainWindow()
    qtbot.addWidget(window)
    menu = QMenu(window)
    archive_actions.add_archive_action(window, menu, db, active_programme(db))
    [action] = menu.actions()
    assert action.text() == "&Archiwizacja i anonimizacja…" and action.isEnabled()
    action.trigger()
    assert opened == [active_programme(db).id]
