"""The signed-in account in the window: sign-in at start, the *Konto* menu, the screen lock, and the
window's actions a role may not use shown disabled with the reason (the services refuse them anyway).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenu

from pal_desktop.actor import current_actor
from pal_desktop.domain.permissions import PERMISSION_LABELS, Permission
from pal_desktop.ui.dialogs.sign_in_dialog import ChangePasswordDialog, FirstAdministratorDialog, SignInDialog

#: The main window's actions and the permission each needs.
GATED_ACTIONS = {
    "accountsAction": Permission.USERS,
    "settingsAction": Permission.SETTINGS,
    "auditAction": Permission.AUDIT,
    "backupAction": Permission.BACKUP,
    "restoreAction": Permission.RESTORE,
    "printAction": Permission.PRINT_PERSONAL,
    "newAction": Permission.EDIT_REGISTRY,
}
_INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                           QEvent.Type.Wheel})


def sign_in_at_start(parent, db, then) -> None:
    """Ask who is working (or, on a database without accounts, create its administrator), then call
    ``then(True)``; ``then(False)`` when the user gives up (the program quits). The dialogs are window-modal
    and opened, not exec()'d: no nested event loop runs inside the start-up."""
    from pal_desktop.services.database import is_read_only
    from pal_desktop.services.users import has_accounts

    if current_actor.principal().role is not None:
        then(True)  # signed in already (the command line's --user)
        return
    accounts = has_accounts(db)
    if not accounts and is_read_only(db):
        then(True)  # a read-only copy without accounts: nothing can be created, nothing can be changed
        return
    dialog = SignInDialog(db, parent) if accounts else FirstAdministratorDialog(db, parent)

    def signed(result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            then(False)
        elif dialog.signed.must_change_password:
            change = ChangePasswordDialog(db, parent, forced=True)
            change.finished.connect(lambda changed: changed_password(changed == QDialog.DialogCode.Accepted))
            change.open()
        else:
            then(True)

    def changed_password(ok: bool) -> None:
        if not ok:
            from pal_desktop.services.sign_in import sign_out

            sign_out(db)
        then(ok)

    dialog.finished.connect(signed)
    dialog.open()
    parent.sign_in_dialog = dialog  # kept alive (and reachable for tests) while it is open


def refusal_tip(permission: Permission) -> str:
    who = current_actor.principal()
    role = QCoreApplication.translate("Enums", who.role.label) if who.role is not None else ""
    return QCoreApplication.translate("Permissions", "Twoja rola ({role}) nie pozwala na: {action}.").format(
        role=role, action=QCoreApplication.translate("Permissions", PERMISSION_LABELS[permission]))


class AccountControls(QObject):
    """The *Konto* menu, the account shown in the status bar, the idle lock and the gated actions."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.locked = False
        self._last_input = time.monotonic()
        self.lock_action = QAction(self.tr("&Zablokuj ekran"), window)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setToolTip(self.tr("Zasłoń dane i wymagaj hasła (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock)
        self.password_action = QAction(self.tr("Zmień &hasło…"), window)
        self.password_action.setObjectName("changePasswordAction")
        self.password_action.triggered.connect(self.change_password)
        self.accounts_action = QAction(self.tr("Konta &użytkowników…"), window)
        self.accounts_action.setObjectName("accountsAction")
        self.accounts_action.setToolTip(self.tr("Dodaj konta, nadaj role i hasła tymczasowe, wyłącz konto"))
        self.accounts_action.triggered.connect(self.open_accounts)
        for action in (self.lock_action, self.password_action, self.accounts_action):
            window.addAction(action)
        bar = window.menuBar()
        menu = QMenu(self.tr("Kon&to"), bar)
        bar.insertMenu(bar.actions()[-1], menu)  # before "Pomoc", which stays last
        menu.setAccessibleName(self.tr("Konto"))
        menu.setToolTipsVisible(True)
        menu.addActions([self.password_action, self.lock_action])
        menu.addSeparator()
        menu.addAction(self.accounts_action)
        self.account_label = QLabel(self.tr("Nie zalogowano"), window.statusBar())
        self.account_label.setObjectName("accountLabel")
        self.account_label.setAccessibleName(self.tr("Zalogowany użytkownik"))
        self.account_label.setContentsMargins(8, 0, 8, 0)
        window.statusBar().addPermanentWidget(self.account_label)
        self.idle_timer = QTimer(self)
        self.idle_timer.setInterval(15_000)
        self.idle_timer.timeout.connect(self._check_idle)
        self.unlock_dialog: SignInDialog | None = None
        QApplication.instance().installEventFilter(self)
        self.gated = [(action, permission) for name, permission in GATED_ACTIONS.items()
                      if (action := window.findChild(QAction, name)) is not None]
        for action, permission in self.gated:
            # The window enables some actions when a database opens: connected once, checked each time.
            action.changed.connect(lambda a=action, p=permission: self._gate(a, p))

    # ---- The signed-in account
    def refresh(self) -> None:
        """Show who is signed in and disable what the role may not do (run after sign-in)."""
        who = current_actor.principal()
        signed_in = who.role is not None
        self.lock_action.setEnabled(signed_in)
        self.password_action.setEnabled(signed_in)
        if signed_in:
            role = QCoreApplication.translate("Enums", who.role.label)
            self.account_label.setText(self.tr("Zalogowano: {login} ({role})").format(login=who.login, role=role))
            self.idle_timer.start()
        for action, permission in self.gated:
            self._gate(action, permission)
        from pal_desktop.ui.role_gate import RoleGate

        for gate in self.parent().findChildren(RoleGate):
            gate.refresh()

    def _gate(self, action: QAction, permission: Permission) -> None:
        """Off, with the reason, while the signed-in role may not use ``action``."""
        if current_actor.principal().may(permission):
            return
        if action.isEnabled():
            action.setEnabled(False)
        tip = refusal_tip(permission)
        action.setToolTip(tip)
        action.setStatusTip(tip)

    # ---- The screen lock
    def lock_after_s(self) -> float:
        from pal_desktop import config

        try:
            minutes = config.load().lock_after_minutes
        except Exception:  # noqa: BLE001 - a broken settings file must not stop the lock: use the default
            minutes = 10
        return minutes * 60.0

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def _check_idle(self) -> None:
        limit = self.lock_after_s()
        if limit > 0 and not self.locked and time.monotonic() - self._last_input >= limit:
            self.lock()

    def lock(self) -> None:
        """Hide the window's data behind the unlock dialog until the account's password is typed."""
        db = self.window.db
        who = current_actor.principal()
        if self.locked or db is None or who.role is None:
            return
        from pal_desktop.services.sign_in import log_lock

        self.locked = True
        log_lock(db)
        self.window.centralWidget().setVisible(False)
        # Window-modal and not exec(): the window keeps painting (and its operations keep finishing).
        dialog = SignInDialog(db, self.window, login=who.login)
        dialog.setObjectName("unlockDialog")
        dialog.finished.connect(self._on_unlock_finished)
        self.unlock_dialog = dialog
        dialog.open()

    def _on_unlock_finished(self, result: int) -> None:
        self.unlock_dialog = None
        self._last_input = time.monotonic()
        if result != QDialog.DialogCode.Accepted:  # "Zakończ program": the data stays hidden while it closes
            self.window.close()
            return
        self.window.centralWidget().setVisible(True)
        self.locked = False

    def open_accounts(self) -> None:
        if self.window.db is not None:
            from PySide6.QtCore import Qt

            from pal_desktop.ui.dialogs.accounts_dialog import AccountsDialog

            dialog = AccountsDialog(self.window.db, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.accounts_dialog = dialog

    def change_password(self) -> None:
        if self.window.db is not None:
            ChangePasswordDialog(self.window.db, self.window).exec()
