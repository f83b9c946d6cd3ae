"""The window asks who signs in: the first administrator, a wrong password, the screen lock, a role's limits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from pal_desktop import app as app_module
from pal_desktop.actor import current_actor
from pal_desktop.domain.enums import UserRole
from pal_desktop.services import sign_in, users
from tests.ui.typing import type_text

PASSWORD = "Tajne-haslo-1"


def _when_dialog(qtbot, answer) -> list:
    """Run ``answer(dialog)`` on the first modal dialog that appears; returns its class name."""
    seen = []

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is not None and not seen:
            seen.append(type(dialog).__name__)  # a name: holding the dialog would keep its window alive
            answer(dialog)
        if not seen:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return seen


def _fill(qtbot, dialog, **fields) -> None:
    for name, text in fields.items():
        edit = dialog.findChild(QLineEdit, name)
        edit.clear()
        type_text(qtbot, edit, text)
    button = dialog.findChild(QPushButton, "signInButton")
    button.click()
    # The password is checked in a thread: the dialog has answered once OK is enabled again (or it closed).
    qtbot.waitUntil(lambda: not dialog.working, timeout=10_000)


def _start(qapp, qtbot, url):
    """The window as run_gui starts it: shown first, the database opened after the first paint."""
    from pal_desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    startup = app_module.Startup(qapp, window, url, app_module.CrashHandler(None))
    window.resize(1280, 720)
    window.show()
    return window, startup


@pytest.mark.sign_in
def test_the_first_start_creates_the_administrator_and_signs_in(qapp, qtbot, app_db_url, shown_errors):
    seen = _when_dialog(qtbot, lambda d: _fill(qtbot, d, loginField="admin", fullNameField="Anna Źdźbło",
                                                   passwordField=PASSWORD, repeatedField=PASSWORD))
    window, startup = _start(qapp, qtbot, app_db_url)
    qtbot.waitUntil(lambda: window.db is not None, timeout=10_000)
    assert window.account.account_label.text() == "Zalogowano: admin (administrator)"
    startup.finish()
    assert seen == ["FirstAdministratorDialog"]
    assert current_actor.principal().login == "admin"
    from pal_desktop.services.database import open_app_database

    db = open_app_database(app_db_url).db
    [account] = users.list_users(db)
    assert (account.login, account.full_name, account.role) == ("admin", "Anna Źdźbło", UserRole.ADMIN)
    assert shown_errors == []


@pytest.mark.sign_in
def test_a_wrong_password_keeps_the_dialog_open_with_the_reason(qapp, qtbot, app_db, app_db_url):
    users.create_first_administrator(app_db, "admin", "", PASSWORD)
    messages = []

    def answer(dialog):
        _fill(qtbot, dialog, loginField="admin", passwordField="zle-haslo")
        message = dialog.findChild(QLabel, "signInMessage")
        messages.append((message.text(), dialog.isVisible(), dialog.findChild(QLineEdit, "passwordField").text()))
        _fill(qtbot, dialog, passwordField=PASSWORD)

    seen = _when_dialog(qtbot, answer)
    window, startup = _start(qapp, qtbot, app_db_url)
    qtbot.waitUntil(lambda: window.db is not None, timeout=10_000)
    startup.finish()
    assert seen == ["SignInDialog"]
    [(text, still_open, password_left)] = messages
    assert text == "Nieprawidłowy login lub hasło." and still_open and password_left == ""
    assert current_actor.principal().role is UserRole.ADMIN


def test_ctrl_l_hides_the_data_until_the_password_is_typed(qtbot, make_window, app_db):
    users.create_first_administrator(app_db, "admin", "", PASSWORD)
    sign_in.sign_in(app_db, "admin", PASSWORD)
    window = make_window(app_db)
    assert window.account.account_label.text() == "Zalogowano: admin (administrator)"
    window.account.lock_action.trigger()
    dialog = window.account.unlock_dialog
    assert dialog is not None and dialog.objectName() == "unlockDialog" and dialog.isVisible()
    assert not window.centralWidget().isVisible()
    assert dialog.findChild(QLineEdit, "loginField").text() == "admin"
    _fill(qtbot, dialog, passwordField="zle-haslo")
    assert dialog.isVisible() and dialog.findChild(QLabel, "signInMessage").text() == "Nieprawidłowy login lub hasło."
    _fill(qtbot, dialog, passwordField=PASSWORD)
    qtbot.waitUntil(lambda: not window.account.locked)
    assert window.centralWidget().isVisible() and not dialog.isVisible()


def test_a_podglad_account_sees_the_office_actions_disabled_with_the_reason(qtbot, make_window, app_db, act_as):
    act_as(UserRole.READER, login="olek")
    window = make_window(app_db)
    for action in (window.settings_action, window.audit_action, window.backup_action, window.restore_action):
        assert not action.isEnabled()
        assert action.toolTip().startswith("Twoja rola (podgląd) nie pozwala na:")
    assert window.account.account_label.text() == "Zalogowano: olek (podgląd)"


def test_the_administrator_adds_an_account_and_disables_it_in_the_window(qtbot, make_window, app_db):
    users.create_first_administrator(app_db, "admin", "", PASSWORD)
    sign_in.sign_in(app_db, "admin", PASSWORD)
    window = make_window(app_db)
    assert window.account.accounts_action.isEnabled()
    window.account.accounts_action.trigger()
    accounts = window.account.accounts_dialog
    assert accounts.table.rowCount() == 1
    accounts.add_button.click()
    new = QApplication.activeModalWidget()
    type_text(qtbot, new.login, "ewa.zielinska")
    type_text(qtbot, new.full_name, "Ewa Zielińska")
    new.cash.setChecked(True)
    _fill(qtbot, new, passwordField="krotkie")
    assert new.isVisible() and "co najmniej 8" in new.message.text()
    _fill(qtbot, new, passwordField="haslo-ewy-12")
    qtbot.waitUntil(lambda: accounts.table.rowCount() == 2)
    cells = [accounts.table.item(1, c).text() for c in range(5)]
    assert cells == ["ewa.zielinska", "Ewa Zielińska", "pracownik", "tak", "czynne"]
    accounts.table.selectRow(0)
    accounts.active_button.click()  # the only administrator
    assert "jedyny czynny administrator" in accounts.message.text()
    accounts.table.selectRow(1)
    accounts.active_button.click()
    assert accounts.table.item(1, 4).text() == "wyłączone"
    signed = sign_in.check_credentials  # the new account must change its password, and is now disabled
    with pytest.raises(Exception, match="wyłączone"):
        signed(app_db, "ewa.zielinska", "haslo-ewy-12")
