"""Program → Archiwizacja i anonimizacja…: the menu entry, kept out of main_window (one responsibility)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt


def add_archive_action(window, menu, db, programme) -> None:
    action = menu.addAction(QCoreApplication.translate("MainWindow", "&Archiwizacja i anonimizacja…"))
    action.setObjectName("archiveAction")
    action.setStatusTip(QCoreApplication.translate(
        "MainWindow", "Termin przechowywania danych programu i anonimizacja uczestników po nim"))
    action.setEnabled(db is not None and programme is not None)
    action.triggered.connect(lambda _checked=False: open_archive_dialog(window, db, programme.id))


def open_archive_dialog(window, db, programme_id: int):
    from pal_desktop.ui.dialogs.archive_dialog import ArchiveDialog

    dialog = ArchiveDialog(db, programme_id, parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
