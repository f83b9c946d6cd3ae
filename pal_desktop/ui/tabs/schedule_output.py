"""The schedule on paper and in a calendar: the Gantt chart as a PDF (A4 or A3 landscape, made in a worker
process and opened in the viewer) and the tasks and events as an .ics file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from pal_desktop.errors import PalError

if TYPE_CHECKING:
    from pal_desktop.ui.tabs.schedule_tab import ScheduleTab


def choose_save_path(parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
    """Ask where to save a file; tests replace this function."""
    from pal_desktop.ui import file_dialogs

    name, _filter = file_dialogs.save_file(parent, title, suggested, filters)
    return Path(name) if name else None


def print_current(tab: ScheduleTab, paper: str = "A4") -> bool:
    """Plik → Drukuj… (Ctrl+P): the chart as a PDF opened in the system's viewer."""
    if tab.db is None or tab.programme_id is None:
        return False
    from pal_desktop.ui import pdf_output
    from pal_desktop.worker_process import ProcessCall

    db, programme_id, today = tab.db, tab.programme_id, tab.today()

    def shown(path) -> None:
        tab.last_printout = path
        tab.say(QCoreApplication.translate(
            "ScheduleTab", "Wydruk harmonogramu ({paper} poziomo) zapisano w: {path}").format(paper=paper, path=path))

    pdf_output.print_heavy(
        tab, QCoreApplication.translate("ScheduleTab", "Wydruk harmonogramu"),
        ProcessCall("pal_desktop.services.schedule:schedule_pdf", db, (programme_id, paper), {"today": today}),
        QCoreApplication.translate("ScheduleTab", "harmonogram-{paper}").format(paper=paper.lower()),
        on_shown=shown)
    return True


def export_ics(tab: ScheduleTab) -> None:
    if tab.data is None:
        return
    from pal_desktop.services import calendar_export
    from pal_desktop.ui.dialogs import error_dialog

    suggested = str(Path.home() / QCoreApplication.translate("ScheduleTab", "harmonogram-pal.ics"))
    path = choose_save_path(tab, QCoreApplication.translate("ScheduleTab", "Eksport harmonogramu do kalendarza"),
                            suggested, QCoreApplication.translate("ScheduleTab", "Kalendarz iCalendar (*.ics)"))
    if path is None:
        return
    if path.suffix.lower() != ".ics":
        path = path.with_name(path.name + ".ics")
    try:
        tab.last_export = calendar_export.write_ics(tab.db, path, tab.programme_id)
    except PalError as error:
        error_dialog.show_error(tab, error)
        return
    except OSError as error:
        tab.say(QCoreApplication.translate("ScheduleTab", "Nie udało się zapisać pliku „{path}”: {reason}").format(
            path=path, reason=error.strerror or error))
        return
    tab.say(QCoreApplication.translate(
        "ScheduleTab", "Zapisano kalendarz: {path} ({tasks} zadań, {events} wydarzeń). Zaimportuj plik w "
                       "programie z kalendarzem.").format(path=path, tasks=len(tab.data.tasks),
                                                          events=tab.data.event_count))
