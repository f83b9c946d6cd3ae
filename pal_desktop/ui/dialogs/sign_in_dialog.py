"""Signing in at start, creating the first administrator, unlocking the screen, changing one's password.

Each is a small form whose message line keeps its height, so nothing moves when a refusal appears; the
services (services.sign_in, services.users) decide, the dialogs only ask and show.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.errors import PalError
from pal_desktop.ui.dialogs.error_dialog import error_text

ERROR_STYLE = "QLabel { color: #b3261e; }"


class _CredentialsForm(QDialog):
    """Labelled fields, a message line under them and OK/Cancel; ``submit`` does the work.

    ``submit`` runs in a thread: checking an argon2 hash takes about 160 ms, ten frames of a frozen window.
    """

    sig_done = Signal(object)
    """The work ended: None, or the PalError that refused it (emitted from the worker thread)."""

    def __init__(self, db, title: str, intro: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.signed = None
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.message = QLabel(" ", self)
        self.message.setObjectName("signInMessage")
        self.message.setAccessibleName(self.tr("Komunikat"))
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)  # room for a refusal: nothing moves
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("signInButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Anuluj"))
        self.buttons.accepted.connect(self._on_ok)
        self.sig_done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self.working = False
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def field(self, label: str, name: str, *, secret: bool = False, text: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(label.replace("&", "").rstrip(":"))
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(label, edit)
        self.form.labelForField(edit).setBuddy(edit)
        return edit

    def _on_ok(self) -> None:
        if self.working:
            return
        self.working = True
        self.ok_button.setEnabled(False)
        self.message.setText(self.tr("Sprawdzanie…"))
        from pal_desktop.ui.latest_query import is_in_memory

        if is_in_memory(self.db):  # an in-memory database exists in this thread only
            self._work()
            return
        threading.Thread(target=self._work, name="pal-sign-in", daemon=True).start()

    def _work(self) -> None:
        try:
            self.submit()
        except PalError as error:
            self.sig_done.emit(error)
            return
        self.sig_done.emit(None)

    def _on_done(self, error: PalError | None) -> None:
        self.working = False
        self.ok_button.setEnabled(True)
        if error is not None:
            self.message.setText(error_text(error))
            self.refused()
            return
        self.message.setText(" ")
        self.accept()

    def refused(self) -> None:
        """After a refusal (overridden where a field should be typed again)."""

    def submit(self) -> None:  # overridden
        raise NotImplementedError


class SignInDialog(_CredentialsForm):
    """Sign in at start; with ``login`` given (screen lock), only that account's password is asked."""

    def __init__(self, db, parent: QWidget | None = None, *, login: str = "") -> None:
        unlocking = bool(login)
        super().__init__(db, self.tr("Ekran zablokowany") if unlocking else self.tr("Logowanie — PAL Desktop"),
                         self.tr("Wpisz hasło konta „{login}”, aby wrócić do pracy.").format(login=login)
                         if unlocking else self.tr("Zaloguj się swoim kontem. Dane uczestników widzi tylko ten, "
                                                   "kto ich potrzebuje, a każdy dostęp jest zapisywany."),
                         self.tr("Odblokuj") if unlocking else self.tr("Zaloguj"), parent)
        self.unlocking = unlocking
        # At start and on the lock screen, giving up closes the program.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Zakończ program"))
        self.login = self.field(self.tr("&Login:"), "loginField", text=login)
        self.login.setReadOnly(unlocking)
        self.password = self.field(self.tr("&Hasło:"), "passwordField", secret=True)
        (self.password if unlocking else self.login).setFocus()

    def _on_ok(self) -> None:
        self.typed = (self.login.text(), self.password.text())  # widgets are read here, on the UI thread
        super()._on_ok()

    def submit(self) -> None:
        from pal_desktop.services import sign_in

        login, password = self.typed
        if self.unlocking:
            self.signed = sign_in.unlock(self.db, password)
        else:
            self.signed = sign_in.sign_in(self.db, login, password)

    def accept(self) -> None:
        self.password.clear()
        super().accept()

    def refused(self) -> None:
        self.password.clear()
        self.password.setFocus()


class FirstAdministratorDialog(_CredentialsForm):
    """The first start on a database without accounts: its administrator is created and signed in."""

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(db, self.tr("Pierwsze uruchomienie — konto administratora"),
                         self.tr("W tej bazie nie ma jeszcze kont. Utwórz konto administratora: będzie on dodawał "
                                 "konta pracowników i nadawał im role."), self.tr("Utwórz i zaloguj"), parent)
        self.login = self.field(self.tr("&Login:"), "loginField")
        self.full_name = self.field(self.tr("&Imię i nazwisko:"), "fullNameField")
        self.password = self.field(self.tr("&Hasło (co najmniej 8 znaków):"), "passwordField", secret=True)
        self.repeated = self.field(self.tr("&Powtórz hasło:"), "repeatedField", secret=True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Zakończ program"))

    def _on_ok(self) -> None:
        self.typed = (self.login.text(), self.full_name.text(), self.password.text(), self.repeated.text())
        super()._on_ok()

    def submit(self) -> None:
        from pal_desktop.errors import ValidationError
        from pal_desktop.messages import QT_TRANSLATE_NOOP
        from pal_desktop.services import sign_in, users

        login, full_name, password, repeated = self.typed
        if password != repeated:
            raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „Powtórz hasło” różni się od nowego hasła."),
                                  field="repeated")
        created = users.create_first_administrator(self.db, login, full_name, password)
        self.signed = sign_in.sign_in(self.db, created.login, password)


class ChangePasswordDialog(_CredentialsForm):
    """One's own new password; ``forced`` after an administrator's reset (then Cancel signs out)."""

    def __init__(self, db, parent: QWidget | None = None, *, forced: bool = False) -> None:
        super().__init__(db, self.tr("Zmiana hasła"),
                         self.tr("Administrator nadał Ci hasło tymczasowe: ustaw teraz własne.") if forced
                         else self.tr("Wpisz obecne hasło i dwa razy nowe."), self.tr("Zmień hasło"), parent)
        self.old = self.field(self.tr("&Obecne hasło:"), "oldPasswordField", secret=True)
        self.new = self.field(self.tr("&Nowe hasło:"), "newPasswordField", secret=True)
        self.repeated = self.field(self.tr("&Powtórz hasło:"), "repeatedField", secret=True)

    def _on_ok(self) -> None:
        self.typed = (self.old.text(), self.new.text(), self.repeated.text())
        super()._on_ok()

    def submit(self) -> None:
        from pal_desktop.services import sign_in

        sign_in.change_own_password(self.db, *self.typed)
