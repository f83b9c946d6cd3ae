"""Signing in at start, creating the first administrator, unlocking the screen, changing one's password.

Each is a small form whose message line keeps its height, so nothing moves when a refusal appears; the
services (services.sign_in, services.users) decide, the dialogs only ask and show.
"""

from __future__ import annotations

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
    """Labelled fields, a message line under them and OK/Cancel; ``submit`` does the work."""

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
        try:
            self.submit()
        except PalError as error:
            self.message.setText(error_text(error))
            self.refused()
            return
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

    def submit(self) -> None:
        from pal_desktop.services import sign_in

        if self.unlocking:
            self.signed = sign_in.unlock(self.db, self.password.text())
        else:
            self.signed = sign_in.sign_in(self.db, self.login.text(), self.password.text())
        self.password.clear()

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

    def submit(self) -> None:
        from pal_desktop.errors import ValidationError
        from pal_desktop.messages import QT_TRANSLATE_NOOP
        from pal_desktop.services import sign_in, users

        if self.password.text() != self.repeated.text():
            raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „Powtórz hasło” różni się od nowego hasła."),
                                  field="repeated")
        created = users.create_first_administrator(self.db, self.login.text(), self.full_name.text(),
                                                   self.password.text())
        self.signed = sign_in.sign_in(self.db, created.login, self.password.text())


class ChangePasswordDialog(_CredentialsForm):
    """One's own new password; ``forced`` after an administrator's reset (then Cancel signs out)."""

    def __init__(self, db, parent: QWidget | None = None, *, forced: bool = False) -> None:
        super().__init__(db, self.tr("Zmiana hasła"),
                         self.tr("Administrator nadał Ci hasło tymczasowe: ustaw teraz własne.") if forced
                         else self.tr("Wpisz obecne hasło i dwa razy nowe."), self.tr("Zmień hasło"), parent)
        self.old = self.field(self.tr("&Obecne hasło:"), "oldPasswordField", secret=True)
        self.new = self.field(self.tr("&Nowe hasło:"), "newPasswordField", secret=True)
        self.repeated = self.field(self.tr("&Powtórz hasło:"), "repeatedField", secret=True)

    def submit(self) -> None:
        from pal_desktop.services import sign_in

        sign_in.change_own_password(self.db, self.old.text(), self.new.text(), self.repeated.text())
