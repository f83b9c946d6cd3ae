"""At start a lost database offers a choice, never a new empty file; a read-only one opens with a banner."""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from pal_desktop import paths
from pal_desktop.app import CrashHandler, Startup
from pal_desktop.errors import DatabaseMissingError
from pal_desktop.services import organisation
from pal_desktop.services.database import open_app_database, open_window_database
from pal_desktop.ui import file_dialogs
from pal_desktop.ui.dialogs import missing_database_dialog
from pal_desktop.ui.dialogs.missing_database_dialog import MissingDatabaseDialog
from pal_desktop.ui.main_window import MainWindow

from .typing import type_text

pytestmark = pytest.mark.sqlite_only


def when_asked(qtbot, button: str, before_click=None) -> list[MissingDatabaseDialog]:
    """Click ``button`` of the start dialog as soon as it is on screen; returns the dialogs seen."""
    seen: list[MissingDatabaseDialog] = []

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MissingDatabaseDialog) or dialog in seen:
            QTimer.singleShot(20, click)
            return
        seen.append(dialog)
        if before_click is not None:
            before_click()
        getattr(dialog, button).click()

    QTimer.singleShot(0, click)
    return seen


@pytest.fixture
def lost_database(ui_folders):
    """A database this PC has opened, then moved away (the stick pulled out); returns (its path, where it went)."""
    path = ui_folders / "pendrive" / "pal.sqlite3"
    path.parent.mkdir()
    opened = open_window_database(str(path))
    organisation.save_organisation_field(opened.db, "name", "GOPS Kłobuck")
    opened.db.dispose()
    moved = ui_folders / "gdzie-indziej.sqlite3"
    os.replace(path, moved)
    return path, moved


def start(qtbot, qapp, url: str):
    window = MainWindow()
    qtbot.addWidget(window)
    startup = Startup(qapp, window, url, CrashHandler(None))
    startup.start_opening()
    return window, startup


def test_the_dialog_offers_three_ways_and_names_the_missing_file(qtbot, lost_database):
    path, _moved = lost_database
    with pytest.raises(DatabaseMissingError) as missing:
        open_window_database(str(path))
    for button, choice in (("retry_button", missing_database_dialog.RETRY),
                           ("other_button", missing_database_dialog.OTHER),
                           ("default_button", missing_database_dialog.DEFAULT),
                           ("quit_button", missing_database_dialog.QUIT)):
        seen = when_asked(qtbot, button)
        assert missing_database_dialog.ask(None, missing.value, "/dom/pal.sqlite3") == choice
        [dialog] = seen
        assert dialog.windowTitle() == "Nie można otworzyć bazy danych"
        assert f"Nie ma pliku bazy „{path}”" in dialog.text()
        assert "/dom/pal.sqlite3" in dialog.informativeText()
        assert {dialog.retry_button.text(), dialog.other_button.text(), dialog.default_button.text()} == {
            "&Spróbuj ponownie", "&Wybierz inną bazę…", "Otwórz &domyślną"}
        assert all(b.accessibleName() for b in dialog.buttons())


def test_try_again_opens_the_database_once_the_stick_is_back(qtbot, qapp, lost_database):
    path, moved = lost_database
    seen = when_asked(qtbot, "retry_button", before_click=lambda: os.replace(moved, path))
    window, startup = start(qtbot, qapp, str(path))
    qtbot.waitUntil(lambda: window.db is not None, timeout=15000)
    assert len(seen) == 1
    assert window.db.location == str(path)
    assert organisation.get_organisation(window.db).name == "GOPS Kłobuck"  # the office's data, not a new file
    startup.finish()


def test_open_the_default_creates_only_the_default_database(qtbot, qapp, lost_database):
    path, _moved = lost_database
    when_asked(qtbot, "default_button")
    window, startup = start(qtbot, qapp, str(path))
    qtbot.waitUntil(lambda: window.db is not None, timeout=15000)
    assert window.db.location == str(paths.default_database_path())
    assert not path.exists()  # nothing made where the lost database was
    assert not window.read_only_banner.is_shown()
    startup.finish()


def test_choose_another_database(qtbot, qapp, lost_database, ui_folders, monkeypatch):
    path, _moved = lost_database
    other = ui_folders / "druga.sqlite3"
    open_app_database(str(other)).db.dispose()
    monkeypatch.setattr(file_dialogs, "open_file", lambda *args, **kwargs: str(other))
    when_asked(qtbot, "other_button")
    window, startup = start(qtbot, qapp, str(path))
    qtbot.waitUntil(lambda: window.db is not None, timeout=15000)
    assert window.db.location == str(other)
    assert not path.exists()
    startup.finish()


def test_a_missing_folder_asks_too(qtbot, qapp, ui_folders):
    seen = when_asked(qtbot, "default_button")
    window, startup = start(qtbot, qapp, str(ui_folders / "dysk-sieciowy" / "pal.sqlite3"))
    qtbot.waitUntil(lambda: window.db is not None, timeout=15000)
    assert "Folder bazy danych" in seen[0].text() and "dysk-sieciowy" in seen[0].text()
    startup.finish()


@pytest.fixture
def read_only_db(app_db_url, ui_folders):
    path = ui_folders / "t.sqlite3"
    open_app_database(app_db_url).db.dispose()
    path.chmod(stat.S_IREAD)
    opened = open_app_database(app_db_url, create=False)
    yield opened.db
    opened.db.dispose()
    path.chmod(stat.S_IREAD | stat.S_IWRITE)


def test_a_read_only_database_shows_a_banner_moves_nothing_and_refuses_saves(qtbot, read_only_db,
                                                                              shown_errors):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    combo, tabs = window.programme_combo.geometry().topLeft(), window.tabs.geometry()
    window.set_database(read_only_db)
    qtbot.waitUntil(lambda: window.read_only_banner.isVisible())
    assert window.read_only_banner.text() == "Baza tylko do odczytu: zmiany nie zostaną zapisane"
    assert window.read_only_banner.accessibleName()
    # the combo's width follows the programme's title; where it and the tabs are does not change
    assert (window.programme_combo.geometry().topLeft(), window.tabs.geometry()) == (combo, tabs)
    for index in range(window.tabs.count()):  # every list reads without a word of complaint
        window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
    assert shown_errors == []

    window.settings_action.trigger()
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.fields["name"], "GOPS Kłobuck")
    dialog.save_button.click()
    assert any("jest otwarta tylko do odczytu" in str(error) for error in shown_errors)
    assert organisation.get_organisation(read_only_db).name == ""
    dialog.reject()


def test_a_writable_database_shows_no_banner(window):
    assert not window.read_only_banner.isVisible()


def test_adding_a_participant_after_the_stick_was_pulled_says_so_in_polish(qtbot, make_window, app_db, ui_folders,
                                                                          shown_errors):
    import datetime as dt

    from pal_desktop.services.demo import pesel_for

    from .test_participants import open_new_form

    window = make_window(app_db)
    qtbot.waitUntil(lambda: window.current_tab().is_current(), timeout=5000)
    form = open_new_form(qtbot, window)
    type_text(qtbot, form.editors["first_name"], "Łucja")
    type_text(qtbot, form.editors["last_name"], "Wójcik")
    type_text(qtbot, form.editors["pesel"], pesel_for(dt.date(1990, 5, 17), 55, True))
    qtbot.waitUntil(form.save_button.isEnabled)
    path = ui_folders / "t.sqlite3"
    os.replace(path, ui_folders / "pendrive-wyjety.sqlite3")
    form.save_button.click()
    qtbot.waitUntil(lambda: form.error_text("general") != "")
    assert "zniknął albo został przeniesiony" in form.error_text("general")
    assert "nic nie zostało zapisane" in form.error_text("general")
    assert form.isVisible()  # what was typed is still there to save once the stick is back
    assert "no such table" not in " ".join(str(error) for error in shown_errors)
    assert not window.statusBar().currentMessage().startswith("Dodano uczestnika")
    assert not path.exists()
