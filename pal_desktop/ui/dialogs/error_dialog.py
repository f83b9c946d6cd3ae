"""The two kinds of error a user can meet.

A known error (``PalError``: bad input, a database that cannot be opened, a full disk) gets its Polish
message, translated, in a plain dialog. A bug gets a crash dialog with the traceback and the path of the
log file, so that it can be reported. Both go through module-level functions that tests can replace.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from pal_desktop.errors import PalError


def error_text(error: PalError) -> str:
    """The error's message in the interface language, with its placeholders filled."""
    return error.text(QCoreApplication.translate(error.context, error.message))


def show_error(parent: QWidget | None, error: PalError, title: str | None = None) -> None:
    """Tell the user about a known error (blocks until the dialog is closed)."""
    title = title or QCoreApplication.translate("ErrorDialog", "PAL Desktop — błąd")
    box = QMessageBox(QMessageBox.Icon.Critical, title, error_text(error), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.setAccessibleName(QCoreApplication.translate("ErrorDialog", "Komunikat o błędzie"))
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("ErrorDialog", "OK"))
    box.exec()


def show_crash(parent: QWidget | None, details: str, log_path: Path | None) -> None:
    """Tell the user that the program failed unexpectedly, with the traceback for whoever fixes it."""
    box = QMessageBox(QMessageBox.Icon.Critical,
                      QCoreApplication.translate("ErrorDialog", "PAL Desktop — nieoczekiwany błąd"),
                      QCoreApplication.translate("ErrorDialog", "W programie wystąpił nieoczekiwany błąd."),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("crashDialog")
    box.setAccessibleName(QCoreApplication.translate("ErrorDialog", "Nieoczekiwany błąd programu"))
    informative = QCoreApplication.translate(
        "ErrorDialog", "Dane zapisane wcześniej są bezpieczne. Jeśli błąd się powtarza, przekaż opis poniżej "
                       "osobie, która opiekuje się programem.")
    if log_path is not None:
        informative += "\n\n" + QCoreApplication.translate(
            "ErrorDialog", "Szczegóły zapisano w pliku dziennika:\n{path}").format(path=log_path)
    box.setInformativeText(informative)
    box.setDetailedText(details)
    box.button(QMessageBox.StandardButton.Close).setText(QCoreApplication.translate("ErrorDialog", "Zamknij"))
    box.exec()
