"""Printing from the events tab: the attendance list of the selected event, or a series' monthly grid, as a
PDF made in the background and shown in the print preview.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from pal_desktop.errors import PalError
from pal_desktop.ui.dialogs import error_dialog

if TYPE_CHECKING:
    from pal_desktop.ui.tabs.events_tab import EventsTab


def print_current(tab: EventsTab) -> bool:
    """Ctrl+P: the attendance list of the selected event (for a series, or the month's grid)."""
    from pal_desktop.services import events

    event_id = tab._need_event()
    if event_id is None:
        return True
    try:
        detail = events.get_event(tab._db, event_id)
    except PalError as error:
        error_dialog.show_error(tab, error)
        return True
    from pal_desktop.ui.dialogs.print_list_dialog import PrintListDialog

    sessions = events.series_events(tab._db, detail.series_id) if detail.series_id is not None else None
    dialog = PrintListDialog(detail, sessions, tab.window())
    tab.print_dialog = dialog
    accepted = dialog.exec()
    tab.print_dialog = None
    if accepted:
        _kind, month = dialog.choice()
        tab.print_list(event_id, month, dialog.options(), copies=dialog.copies(), print_now=dialog.print_now)
    dialog.deleteLater()
    return True


def print_list(tab: EventsTab, event_id: int, month: tuple[int, int] | None = None, options=None, *,
               copies: int = 1, print_now: bool = False):
    """The PDF of one session's list, or (``month``) of the series' monthly grid, made in the background
    and shown in the print preview (``print_now``: the printer's dialog opens at once); returns the queued
    operation."""
    from pal_desktop.services import attendance_lists, events
    from pal_desktop.ui import pdf_output

    try:
        detail = events.get_event(tab._db, event_id)
    except PalError as error:
        error_dialog.show_error(tab, error)
        return None
    db = tab._db
    options = options or attendance_lists.ListOptions()
    if month is None:
        title = QCoreApplication.translate("EventsTab", "Lista obecności")
        name = QCoreApplication.translate("EventsTab", "lista-obecnosci-{date}").format(
            date=detail.event_date.isoformat())

        def make(progress):
            return attendance_lists.attendance_list_pdf(db, event_id, options)
    else:
        title = QCoreApplication.translate("EventsTab", "Lista obecności cyklu")
        name = QCoreApplication.translate("EventsTab", "lista-obecnosci-cykl-{year}-{month:02d}").format(
            year=month[0], month=month[1])

        def make(progress):
            blank = attendance_lists.SERIES_BLANK_ROWS if options.blank_rows is None else options.blank_rows
            return attendance_lists.series_grid_pdf(db, detail.series_id, *month, blank_rows=blank)

    return pdf_output.print_in_background(tab, db, title, make, name, on_shown=tab._on_list_printed,
                                          copies=copies, print_now=print_now)


def on_list_printed(tab: EventsTab, path) -> None:
    tab.last_printout = path
    tab._status(QCoreApplication.translate("EventsTab", "Lista obecności zapisana w pliku {path}.").format(
        path=path))
