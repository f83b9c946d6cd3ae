"""Choosing files and folders, with every label in Polish.

Windows shows its own dialog, in the system's language. Where Qt draws its own (Linux without a desktop
portal), its Polish catalogue misses the labels written with a shortcut letter in Qt 6 ("&Look in:", "Files of
&type:"), so each dialog gets all its labels set here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def _dialog(parent: QWidget | None, title: str, folder: str, filters: str, mode: QFileDialog.FileMode,
            accept: QFileDialog.AcceptMode) -> QFileDialog:
    dialog = QFileDialog(parent, title, folder, filters)
    dialog.setFileMode(mode)
    dialog.setAcceptMode(accept)
    labels = {
        QFileDialog.DialogLabel.LookIn: QCoreApplication.translate("FileDialogs", "Szukaj &w:"),
        QFileDialog.DialogLabel.FileName: QCoreApplication.translate("FileDialogs", "Nazwa &pliku:"),
        QFileDialog.DialogLabel.FileType: QCoreApplication.translate("FileDialogs", "Pliki &typu:"),
        QFileDialog.DialogLabel.Reject: QCoreApplication.translate("FileDialogs", "Anuluj"),
        QFileDialog.DialogLabel.Accept: (QCoreApplication.translate("FileDialogs", "&Zapisz")
                                         if accept == QFileDialog.AcceptMode.AcceptSave
                                         else QCoreApplication.translate("FileDialogs", "&Otwórz")),
    }
    for label, text in labels.items():
        dialog.setLabelText(label, text)
    return dialog


def polish_labels(dialog: QFileDialog) -> dict:
    """The texts the dialog shows for its labels (for tests and the guide's screenshots)."""
    return {label: dialog.labelText(label) for label in (
        QFileDialog.DialogLabel.LookIn, QFileDialog.DialogLabel.FileName, QFileDialog.DialogLabel.FileType,
        QFileDialog.DialogLabel.Accept, QFileDialog.DialogLabel.Reject)}


def open_file(parent: QWidget | None, title: str, folder: str, filters: str) -> str:
    dialog = _dialog(parent, title, folder, filters, QFileDialog.FileMode.ExistingFile,
                     QFileDialog.AcceptMode.AcceptOpen)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def open_files(parent: QWidget | None, title: str, folder: str, filters: str) -> list[str]:
    dialog = _dialog(parent, title, folder, filters, QFileDialog.FileMode.ExistingFiles,
                     QFileDialog.AcceptMode.AcceptOpen)
    return list(dialog.selectedFiles()) if dialog.exec() else []


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str, *,
              confirm_overwrite: bool = True) -> tuple[str, str]:
    """The chosen path ("" when cancelled) and the chosen filter."""
    dialog = _dialog(parent, title, "", filters, QFileDialog.FileMode.AnyFile, QFileDialog.AcceptMode.AcceptSave)
    dialog.selectFile(suggested)
    if not confirm_overwrite:
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    if not dialog.exec() or not dialog.selectedFiles():
        return "", ""
    return dialog.selectedFiles()[0], dialog.selectedNameFilter()


def folder(parent: QWidget | None, title: str, start: str) -> str:
    dialog = _dialog(parent, title, start, "", QFileDialog.FileMode.Directory, QFileDialog.AcceptMode.AcceptOpen)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, QCoreApplication.translate("FileDialogs", "&Wybierz"))
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


__all__ = ["folder", "open_file", "open_files", "polish_labels", "save_file"]
