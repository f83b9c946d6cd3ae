"""The access log viewer: reached from the Plik menu, filtered by person, user, action and dates, paged."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest
from PySide6.QtCore import Qt

from pal_desktop.domain.enums import ParticipantStatus
from pal_desktop.services import participant_profile, participants
from pal_desktop.services.audit import PAGE_SIZE
from pal_desktop.services.demo import pesel_for
from pal_desktop.storage.models import current_actor
from pal_desktop.ui import pdf_output
from pal_desktop.ui.dialogs.audit_dialog import AuditDialog
from tests.ui.typing import type_text

SIGNED = dict(status=ParticipantStatus.ACTIVE, start_date=dt.date(2021, 3, 1), declaration_date=dt.date(2021, 3, 1),
              data_protection_date=dt.date(2021, 3, 1))


def _person(db, first: str, serial: int) -> int:
    return participants.create_participant(db, participants.ParticipantInput(
        first_name=first, last_name="Wójcik", pesel=pesel_for(dt.date(1995, 2, 3), serial, False), **SIGNED)).id


def _cells(dialog, column: int) -> list[str]:
    model = dialog.model
    return [model.index(row, column).data(Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())]


def test_the_dialog_lists_the_log_and_filters_by_person_and_action(qtbot, app_db):
    anna, piotr = _person(app_db, "Anna", 1), _person(app_db, "Piotr", 2)
    token = current_actor.set("marta.kos")
    try:
        participant_profile.participant_profile(app_db, piotr)
    finally:
        current_actor.reset(token)
    dialog = AuditDialog(app_db, synchronous=True)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() > 2 and "od najnowszych" in dialog.page_label.text()
    assert _cells(dialog, 3)[0] == "otwarcie strony osoby" and _cells(dialog, 2)[0] == "marta.kos"

    type_text(qtbot, dialog.person_field, str(anna))
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert set(_cells(dialog, 5)) == {str(anna)}
    dialog.action_field.setCurrentIndex(dialog.action_field.findData("view"))
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0 and dialog.page_label.text() == "Brak wpisów spełniających warunki."

    dialog.person_field.clear()
    dialog.user_field.setCurrentText("marta.kos")
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert _cells(dialog, 5) == [str(piotr)]
    dialog.from_field.set_date(dt.date.today() + dt.timedelta(days=1))
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0


def test_pages_and_the_chain_check(qtbot, app_db):
    _person(app_db, "Anna", 1)
    for _ in range(PAGE_SIZE):
        participant_profile.participant_profile(app_db, 1)
    dialog = AuditDialog(app_db, synchronous=True)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == PAGE_SIZE and not dialog.previous_button.isEnabled()
    assert dialog.next_button.isEnabled()
    geometry = dialog.table.geometry()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert 0 < dialog.model.rowCount() < PAGE_SIZE and dialog.previous_button.isEnabled()
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert dialog.verify_label.text().startswith("Dziennik nienaruszony")
    assert dialog.table.geometry() == geometry  # the result's line was there from the start


def test_the_main_window_opens_the_log_from_the_file_menu(window, qtbot):
    assert window.audit_action.isEnabled()
    window.audit_action.trigger()
    dialog = window.findChild(AuditDialog)
    assert dialog is not None and dialog.windowTitle() == "Dziennik dostępu"
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    dialog.close()


@pytest.mark.skipif(os.name != "posix", reason="Windows: the per-user data folder is private already")
def test_a_saved_printout_is_readable_by_the_owner_only(ui_folders):
    path = pdf_output.save_printout(b"%PDF-1.4 test", "karta uczestnika")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_opening_a_page_logs_one_view_and_its_refresh_after_an_edit_none(qtbot, app_db):
    from pal_desktop.services.audit import AuditFilter, list_entries
    from pal_desktop.ui.dialogs.participant_page import ParticipantPage

    anna = _person(app_db, "Anna", 1)
    page = ParticipantPage(app_db, anna, None)
    qtbot.addWidget(page)
    page._after_change()  # what every save on the page ends with
    views = list_entries(app_db, AuditFilter(action="view"))
    assert [(entry.what, entry.subject_ids) for entry in views] == [("participant_page", (anna,))]


@pytest.mark.sqlite_only
def test_the_check_names_the_entry_removed_with_a_database_tool(qtbot, app_db, app_db_url):
    import sqlite3

    from pal_desktop.storage.db import sqlite_path

    _person(app_db, "Anna", 1)
    with sqlite3.connect(sqlite_path(app_db_url)) as connection:
        connection.execute("DROP TRIGGER audit_log_no_delete")
        removed = connection.execute("SELECT max(id) - 1 FROM audit_log").fetchone()[0]
        connection.execute("DELETE FROM audit_log WHERE id = ?", (removed,))
    dialog = AuditDialog(app_db, synchronous=True)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert dialog.verify_label.text() == (f"Dziennik NARUSZONY przy wpisie nr {removed + 1}: wpis poprzedzający "
                                          "usunięto albo podmieniono.")
    assert dialog.verify_button.isEnabled()
