"""Wydarzenia → Wczytaj skany list obecności…: choose the scanned files, read them on the operations runner,
then open the review. Kept apart from the events tab, which only calls :func:`load_scans`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


def choose_scan_files(parent: QWidget) -> list[str]:
    """Which scans to read (tests replace this function)."""
    from pal_desktop.ui import file_dialogs

    return file_dialogs.open_files(
        parent, QCoreApplication.translate("ScanActions", "Wczytaj skany list obecności"), "",
        QCoreApplication.translate("ScanActions", "Skany list obecności (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;"
                                                  "Wszystkie pliki (*)"))


def load_scans(tab, choose_files=None):
    """Ask for the files and read them in the background; the review opens when reading ends.
    Returns the queued operation (None when nothing was chosen)."""
    from pal_desktop.services import attendance_scan
    from pal_desktop.ui.operations import runner_for

    db = getattr(tab, "_db", None)
    if db is None:
        return None
    names = (choose_files or choose_scan_files)(tab.window())
    if not names:
        return None
    files = [Path(name) for name in names]

    def done(result) -> None:
        if result.cancelled:
            tab._status(QCoreApplication.translate("ScanActions", "Przerwano odczyt skanów; nic nie zapisano."))
            return
        open_review(tab, result)

    return runner_for(tab, db).submit(
        QCoreApplication.translate("ScanActions", "Odczyt skanów"),
        lambda progress: attendance_scan.read_scans(db, files, progress), done)


def open_review(tab, result):
    from pal_desktop.ui.dialogs.scan_review_dialog import ScanReviewDialog

    dialog = ScanReviewDialog(tab._db, result, tab.window(), today=tab._today)
    tab._keep(dialog)
    dialog.sig_saved.connect(lambda: tab.refresh_all())
    tab.scan_review_dialog = dialog
    dialog.open()
    return dialog
