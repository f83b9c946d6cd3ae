"""At start, when the database's folder or file is not there: try again, choose another database, or the default.

A pulled USB stick or a share that is not connected yet must not lock the office out (nor get a new empty
database in place of its data): the user decides, and nothing is created unless they choose the default.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from pal_desktop.errors import PalError
from pal_desktop.ui.dialogs.error_dialog import error_text

RETRY, OTHER, DEFAULT, QUIT = "retry", "other", "default", "quit"


class MissingDatabaseDialog(QMessageBox):
    def __init__(self, parent: QWidget | None, error: PalError, default_location: str) -> None:
        super().__init__(QMessageBox.Icon.Warning, self.tr("Nie można otworzyć bazy danych"), error_text(error),
                         QMessageBox.StandardButton.NoButton, parent)
        self.setObjectName("missingDatabaseDialog")
        self.setAccessibleName(self.tr("Nie można otworzyć bazy danych"))
        self.setInformativeText(self.tr(
            "Podłącz dysk z bazą i wybierz „Spróbuj ponownie”, wskaż inny plik bazy albo otwórz bazę domyślną "
            "na tym komputerze ({path}). Nic nie zostało zmienione.").format(path=default_location))
        self.retry_button = self.addButton(self.tr("&Spróbuj ponownie"), QMessageBox.ButtonRole.AcceptRole)
        self.retry_button.setAccessibleName(self.tr("Spróbuj ponownie otworzyć tę bazę"))
        self.other_button = self.addButton(self.tr("&Wybierz inną bazę…"), QMessageBox.ButtonRole.ActionRole)
        self.other_button.setAccessibleName(self.tr("Wybierz inny plik bazy danych"))
        self.default_button = self.addButton(self.tr("Otwórz &domyślną"), QMessageBox.ButtonRole.ActionRole)
        self.default_button.setAccessibleName(self.tr("Otwórz domyślną bazę danych tego komputera"))
        self.quit_button = self.addButton(self.tr("&Zakończ"), QMessageBox.ButtonRole.RejectRole)
        self.quit_button.setAccessibleName(self.tr("Zakończ program"))
        self.setDefaultButton(self.retry_button)
        self.setEscapeButton(self.quit_button)

    def choice(self) -> str:
        return {self.retry_button: RETRY, self.other_button: OTHER,
                self.default_button: DEFAULT}.get(self.clickedButton(), QUIT)


def ask(parent: QWidget | None, error: PalError, default_location: str) -> str:
    """RETRY, OTHER, DEFAULT or QUIT (blocks until answered)."""
    dialog = MissingDatabaseDialog(parent, error, default_location)
    dialog.exec()
    return dialog.choice()


def choose_database_file(parent: QWidget | None) -> str:
    """The SQLite file the user picks ("" when they cancel)."""
    from pal_desktop.ui import file_dialogs

    return file_dialogs.open_file(
        parent, QCoreApplication.translate("MissingDatabaseDialog", "Wybierz plik bazy danych"), "",
        QCoreApplication.translate("MissingDatabaseDialog",
                                   "Bazy danych SQLite (*.sqlite3 *.sqlite *.db);;Wszystkie pliki (*)"))
