"""Showing a finished PDF to the user: saved under the data folder's "wydruki" and shown in the print
preview (ui.dialogs.print_preview), from which staff print it, save a copy or open it elsewhere.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from pal_desktop import paths


def printouts_dir() -> Path:
    folder = paths.data_dir() / "wydruki"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_printout(content: bytes, name: str) -> Path:
    """Write the PDF under a readable, unique name, e.g. "karta-programu-2026-11-26-0915.pdf"."""
    slug = re.sub(r"[^\w-]+", "-", name.lower()).strip("-") or "dokument"
    stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M%S")
    path = printouts_dir() / f"{slug}-{stamp}.pdf"
    path.write_bytes(content)
    paths.make_private(path)
    return path


def open_file(path: Path) -> bool:
    """Open with the system's viewer; tests replace this function."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def present(widget, path: Path, title: str, *, copies: int = 1, db=None, print_now: bool = False):
    """The print preview of a saved printout, not modal (the window stays usable); module-level so tests can
    replace it. The window keeps the last preview as ``last_preview``."""
    from pal_desktop.ui.dialogs.print_preview import PrintPreviewDialog

    window = widget.window()
    dialog = PrintPreviewDialog(path, title, window, copies=copies, db=db, print_now=print_now)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.last_preview = dialog
    dialog.show()
    return dialog


def print_in_background(widget, db, title: str, make: Callable[..., bytes], name: str,
                        on_shown: Callable[[Path], None] | None = None, *, copies: int = 1,
                        print_now: bool = False):
    """Make a PDF on the operations runner, save it under "wydruki" there too, then show its preview.

    ``make(progress)`` builds the bytes (a service call; it may report progress and be cancelled); a known
    error is shown by the runner's handler, like any operation's.
    """
    from pal_desktop.ui.operations import runner_for

    def work(progress) -> Path:
        return save_printout(make(progress), name)

    def shown(path: Path) -> None:
        present(widget, path, title, copies=copies, db=db, print_now=print_now)
        if on_shown is not None:
            on_shown(path)

    return runner_for(widget, db).submit(title, work, shown)


def print_heavy(widget, title: str, call, name: str, on_shown: Callable[[Path], None] | None = None):
    """As :func:`print_in_background`, for a PDF whose making builds many objects (the final report, 500
    thank-you letters): ``call`` (a ``worker_process.ProcessCall``) runs in the worker process."""
    from pal_desktop.ui.operations import runner_for

    def shown(content: bytes) -> None:
        path = save_printout(content, name)
        present(widget, path, title, db=call.db)
        if on_shown is not None:
            on_shown(path)

    return runner_for(widget, call.db).submit_heavy(title, call, shown)
