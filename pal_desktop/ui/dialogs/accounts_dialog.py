"""Konta użytkowników (administrator): the accounts with role, state and the cash permission; add one,
change its role, give a temporary password, disable or enable it. The services decide (services.users):
the last active administrator is kept, a pracownik alone carries *pomoc pieniężna*.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.domain.enums import UserRole
from pal_desktop.errors import PalError
from pal_desktop.ui.dialogs.error_dialog import error_text
from pal_desktop.ui.dialogs.sign_in_dialog import ERROR_STYLE, _CredentialsForm

COLUMN_COUNT = 5


def role_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for role in UserRole:
        combo.addItem(QCoreApplication.translate("Enums", role.label), role)
    return combo


class NewAccountDialog(_CredentialsForm):
    """A new account, or (with ``login``) a temporary password for an existing one."""

    def __init__(self, db, parent: QWidget | None = None, *, login: str = "") -> None:
        resetting = bool(login)
        super().__init__(db, self.tr("Hasło tymczasowe") if resetting else self.tr("Nowe konto"),
                         self.tr("Właściciel konta „{login}” zmieni to hasło przy najbliższym logowaniu.").format(
                             login=login) if resetting else self.tr("Hasło przekaż osobie osobiście; zmieni je "
                                                                    "po zalogowaniu."),
                         self.tr("Zapisz"), parent)
        self.resetting = resetting
        self.login = self.field(self.tr("&Login:"), "loginField", text=login)
        self.login.setReadOnly(resetting)
        if not resetting:
            self.full_name = self.field(self.tr("&Imię i nazwisko:"), "fullNameField")
            self.role = role_combo(self)
            self.role.setObjectName("roleCombo")
            self.role.setAccessibleName(self.tr("Rola"))
            self.role.setCurrentIndex(list(UserRole).index(UserRole.STAFF))
            self.form.addRow(self.tr("&Rola:"), self.role)
            self.cash = QCheckBox(self.tr("&Pomoc pieniężna (tylko pracownik)"), self)
            self.cash.setObjectName("cashCheck")
            self.cash.setAccessibleName(self.tr("Uprawnienie pomoc pieniężna"))
            self.form.addRow("", self.cash)
        self.password = self.field(self.tr("&Hasło (co najmniej 8 znaków):"), "passwordField", secret=True)

    def _on_ok(self) -> None:
        self.typed = (self.login.text(), self.password.text(),
                      None if self.resetting else (self.full_name.text(), UserRole(self.role.currentData()),
                                                   self.cash.isChecked()))
        super()._on_ok()

    def submit(self) -> None:
        from pal_desktop.services import users

        login, password, new = self.typed
        if new is None:
            users.reset_password(self.db, login, password)
        else:
            full_name, role, cash = new
            users.create_user(self.db, login, full_name, password, role, cash=cash, must_change=True)


class AccountsDialog(QDialog):
    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("Konta użytkowników"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, COLUMN_COUNT, self)
        self.table.setObjectName("accountsTable")
        self.table.setAccessibleName(self.tr("Konta użytkowników"))
        self.table.setHorizontalHeaderLabels([self.tr("Login"), self.tr("Imię i nazwisko"), self.tr("Rola"),
                                              self.tr("Pomoc pieniężna"), self.tr("Stan")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = self._button(row, self.tr("&Dodaj konto…"), "addAccountButton", self.add_account)
        self.role_combo = role_combo(self)
        self.role_combo.setObjectName("changeRoleCombo")
        self.role_combo.setAccessibleName(self.tr("Nowa rola zaznaczonego konta"))
        row.addWidget(self.role_combo)
        self.role_button = self._button(row, self.tr("Zmień &rolę"), "changeRoleButton", self.change_role)
        self.cash_button = self._button(row, self.tr("Pomoc &pieniężna: tak/nie"), "toggleCashButton",
                                        self.toggle_cash)
        self.password_button = self._button(row, self.tr("Hasło &tymczasowe…"), "resetPasswordButton",
                                            self.reset_password)
        self.active_button = self._button(row, self.tr("&Wyłącz / włącz"), "toggleActiveButton", self.toggle_active)
        layout.addLayout(row)
        self.message = QLabel(" ", self)
        self.message.setObjectName("accountsMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Zamknij"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 420)
        self.accounts = []
        self.reload()

    def _button(self, row, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def reload(self) -> None:
        from pal_desktop.services import users

        self.accounts = users.list_users(self.db)
        self.table.setRowCount(len(self.accounts))
        for index, account in enumerate(self.accounts):
            cells = (account.login, account.full_name, QCoreApplication.translate("Enums", account.role.label),
                     self.tr("tak") if account.cash_permission else "",
                     self.tr("czynne") if account.active else self.tr("wyłączone"))
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    def _change(self, make_change) -> None:
        """``make_change(account)`` gives update_user's keywords for the selected account."""
        from pal_desktop.services import users

        account = self.selected()
        if account is None:
            self.message.setText(self.tr("Zaznacz konto na liście."))
            return
        try:
            users.update_user(self.db, account.login, **make_change(account))
        except PalError as error:
            self.message.setText(error_text(error))
            return
        self.message.setText(" ")
        self.reload()

    def change_role(self) -> None:
        self._change(lambda account: {"role": UserRole(self.role_combo.currentData())})

    def toggle_cash(self) -> None:
        self._change(lambda account: {"cash": not account.cash_permission})

    def toggle_active(self) -> None:
        self._change(lambda account: {"active": not account.active})

    def add_account(self) -> None:
        dialog = NewAccountDialog(self.db, self)
        dialog.finished.connect(lambda _result: self.reload())
        dialog.open()

    def reset_password(self) -> None:
        account = self.selected()
        if account is None:
            self.message.setText(self.tr("Zaznacz konto na liście."))
            return
        NewAccountDialog(self.db, self, login=account.login).open()
