"""The window's backups: Plik → Kopia zapasowa…, Plik → Przywróć z kopii…, the backup on closing, the warning.

Kept apart from main_window so that the window stays one responsibility: it only calls these.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from pal_desktop.errors import PalError


def choose_restore_file(parent: QWidget, folder: str) -> str:
    """Which backup to restore (tests replace this function)."""
    from pal_desktop.ui import file_dialogs

    return file_dialogs.open_file(
        parent, QCoreApplication.translate("BackupActions", "Przywróć z kopii"), folder,
        QCoreApplication.translate("BackupActions", "Kopia bazy PAL Desktop (*.sqlite3)"))


def confirm_restore(parent: QWidget, text: str) -> bool:
    """Ask before replacing the database (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("BackupActions", "Przywróć z kopii"),
                      text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAccessibleName(QCoreApplication.translate("BackupActions", "Potwierdzenie przywrócenia kopii"))
    return box.exec() == QMessageBox.StandardButton.Yes


def describe_for_user(info) -> str:
    return QCoreApplication.translate(
        "BackupActions", "Kopia z {date}, schemat {revision}.\nUczestnicy: {participants}, wydarzenia: {events}, "
                         "obecności: {attendance}.\n\nObecna baza zostanie zastąpiona zawartością kopii (najpierw "
                         "program zapisze kopię jej obecnego stanu). Przywrócić?").format(
        date=info.made.strftime("%d.%m.%Y %H:%M"), revision=info.revision, participants=info.participants,
        events=info.events, attendance=info.attendance)


def choose_backup_file(parent: QWidget, suggested: str) -> str:
    """Where to save the backup (tests replace this function)."""

    from pal_desktop.ui import file_dialogs

    path, _filter = file_dialogs.save_file(
        parent, QCoreApplication.translate("MainWindow", "Kopia zapasowa bazy danych"), suggested,
        QCoreApplication.translate("MainWindow", "Baza SQLite (*.sqlite3)"))
    return path


def make_backup(window, choose_file=None) -> None:
    """A consistent copy where the user chooses, on the operations runner."""
    from pal_desktop.services import backup
    from pal_desktop.ui.dialogs import error_dialog
    from pal_desktop.ui.operations import runner_for

    choose_file = choose_file or choose_backup_file
    db = window.db
    try:
        suggested = str(backup.default_backup_path())
    except (PalError, OSError):
        suggested = ""
    target = choose_file(window, suggested)
    if not target:
        return

    def done(path) -> None:
        text = QCoreApplication.translate("MainWindow", "Zapisano kopię zapasową: {path}").format(path=path)
        window.statusBar().showMessage(text, 10000)

    runner_for(window, db).submit(QCoreApplication.translate("MainWindow", "Kopia zapasowa"),
                                  lambda progress: backup.backup_database(db, target, progress=progress), done,
                                  on_error=lambda error: error_dialog.show_error(window, error))


def restore_from_backup(window) -> None:
    """Choose a backup, see what it holds, confirm; the restore runs as a modal operation, then reopens."""
    from pal_desktop.services import backup, restore
    from pal_desktop.services.database import open_app_database
    from pal_desktop.ui.dialogs import error_dialog
    from pal_desktop.ui.operations import runner_for

    db = window.db
    if db is None:
        return
    file = choose_restore_file(window, str(backup.backup_folder()))
    if not file:
        return
    try:
        info = restore.describe_backup(file, check=False)
    except PalError as err:
        error_dialog.show_error(window, err)
        return
    if not confirm_restore(window, describe_for_user(info)):
        return
    url = db.url
    runner = runner_for(window, db)
    db.dispose()  # the restore writes the file: this window's connections must be closed first

    def reopen(result) -> None:
        window.set_database(open_app_database(url, create=False).db)
        window.statusBar().showMessage(QCoreApplication.translate(
            "BackupActions", "Przywrócono kopię z {date}: {participants} uczestników.").format(
            date=result.restored.made.strftime("%d.%m.%Y %H:%M"), participants=result.restored.participants),
            15000)

    def failed(error) -> None:
        error_dialog.show_error(window, error)
        window.set_database(open_app_database(url, create=False).db)

    runner.submit(QCoreApplication.translate("MainWindow", "Przywracanie kopii"),
                  lambda progress: restore.restore_database(url, file, progress=progress), reopen,
                  on_error=failed, modal=True)


def backup_on_close(db, now: dt.datetime | None = None) -> None:
    """The daily automatic backup when the window closes; a failure must never keep the window open."""
    from pal_desktop.services import backup_rotation

    if db is None or not backup_rotation.automatic_backups_apply(db):
        return
    try:
        backup_rotation.automatic_backup(db, now)
    except (PalError, OSError):
        pass  # the warning in the status bar tells about it at the next start


def backup_warning(db, now: dt.datetime | None = None) -> str | None:
    """The status bar's warning, or None when the last good backup is recent and the folder reachable."""
    from pal_desktop.services import backup_rotation

    if db is None or not backup_rotation.automatic_backups_apply(db):
        return None
    now = now or dt.datetime.now()
    status = backup_rotation.backup_status(db)
    if not status.reachable:
        return QCoreApplication.translate(
            "BackupActions", "Folder kopii zapasowych „{folder}” jest niedostępny — kopie nie powstają.").format(
            folder=status.folder)
    if status.stale(now):
        if status.last is None:
            return QCoreApplication.translate(
                "BackupActions", "Nie ma jeszcze żadnej kopii zapasowej bazy (Plik → Kopia zapasowa…).")
        return QCoreApplication.translate(
            "BackupActions", "Ostatnia kopia zapasowa bazy jest z {date} — starsza niż tydzień.").format(
            date=status.last.strftime("%d.%m.%Y"))
    return None
