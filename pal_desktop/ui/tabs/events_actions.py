"""The events tab's toolbar and what is done with an event from it, each in its window: the editor (a new
event or series, or the selected one), enrolment, attendance, leaders and helpers, the list of event types,
and deleting it (printing and scans have their own modules).

The windows are kept on the tab while open (``EventsTab._keep``); what they save refreshes the list.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from pal_desktop.errors import PalError
from pal_desktop.ui.dialogs import error_dialog, questions
from pal_desktop.ui.widgets.date_field import format_date

if TYPE_CHECKING:
    from pal_desktop.ui.tabs.events_tab import EventsTab


def build_toolbar(tab: EventsTab) -> QWidget:
    """The buttons over the list (``EventsTab.build_toolbar``)."""
    bar, row, button = tab.toolbar("eventsToolbar",
                                   QCoreApplication.translate("EventsTab", "Działania na wydarzeniach"))

    tab.new_button = button(
        QCoreApplication.translate("EventsTab", "&Nowe wydarzenie…"), "newEventButton",
        QCoreApplication.translate("EventsTab", "Dodaj wydarzenie albo cykl zajęć (Ctrl+N)"), tab.new_record)
    tab.edit_button = button(
        QCoreApplication.translate("EventsTab", "Edy&tuj…"), "editEventButton",
        QCoreApplication.translate("EventsTab", "Zmień zaznaczone wydarzenie (Enter)"), tab.edit_current)
    tab.enrol_button = button(
        QCoreApplication.translate("EventsTab", "Zapi&sy…"), "enrolButton",
        QCoreApplication.translate("EventsTab", "Zapisz uczestników na zaznaczone wydarzenie albo ich wypisz"),
        tab.open_enrolment, QCoreApplication.translate("EventsTab", "Zapisy uczestników"))
    tab.attendance_button = button(
        QCoreApplication.translate("EventsTab", "O&becność…"), "attendanceButton",
        QCoreApplication.translate("EventsTab", "Zaznacz, kto przyszedł na zaznaczone wydarzenie"),
        tab.open_attendance, QCoreApplication.translate("EventsTab", "Obecność na wydarzeniu"))
    tab.staff_button = button(
        QCoreApplication.translate("EventsTab", "Prowadzący i po&mocnicy…"), "staffButton",
        QCoreApplication.translate("EventsTab", "Animatorzy i wolontariusze przy wydarzeniu; godziny wolontariatu"),
        tab.open_staff)
    tab.print_button = button(
        QCoreApplication.translate("EventsTab", "Drukuj &listę obecności"), "printListButton",
        QCoreApplication.translate("EventsTab", "Lista obecności do podpisu w PDF (Ctrl+P)"), tab.print_current)
    tab.scan_button = button(
        QCoreApplication.translate("EventsTab", "Wcz&ytaj skany…"), "loadScansButton",
        QCoreApplication.translate("EventsTab",
                                   "Wczytaj skany podpisanych list obecności: PDF, PNG, JPEG (Ctrl+Shift+O)"),
        tab.load_scans, QCoreApplication.translate("EventsTab", "Wczytaj skany list obecności"))
    tab.scan_shortcut = QShortcut(QKeySequence("Ctrl+Shift+O"), tab, tab.load_scans,
                                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
    tab.delete_button = button(
        QCoreApplication.translate("EventsTab", "&Usuń…"), "deleteEventButton",
        QCoreApplication.translate("EventsTab", "Usuń zaznaczone wydarzenie (Delete)"), tab.delete_current,
        QCoreApplication.translate("EventsTab", "Usuń wydarzenie"))
    row.addStretch(1)
    tab.types_button = button(
        QCoreApplication.translate("EventsTab", "Rodza&je wydarzeń…"), "eventTypesButton",
        QCoreApplication.translate("EventsTab", "Dodaj, przemianuj albo ukryj rodzaje wydarzeń"), tab.edit_event_types)
    return bar


def open_event_dialog(tab: EventsTab, event_id: int | None, day: dt.date | None):
    from pal_desktop.ui.dialogs.event_dialog import EventDialog

    try:
        dialog = EventDialog(tab._db, tab._programme_id, tab.window(), event_id=event_id, day=day,
                             task_id=tab.task_filter.currentData(), event_type_id=tab.type_filter.currentData())
    except PalError as error:
        error_dialog.show_error(tab, error)
        return None
    tab._keep(dialog)
    dialog.sig_saved.connect(lambda ids, d=dialog: tab._on_event_saved(ids, d.result_message))
    tab.event_dialog = dialog
    dialog.open()
    return dialog


def on_event_saved(tab: EventsTab, ids: list[int], message: str) -> None:
    tab.fill_filters()
    tab.refresh_all(select_id=ids[0] if ids else None)
    if ids and tab.current_event_id() != ids[0]:
        tab.clear_filters()  # the new event does not match the filters: show everything
        tab.select_event(ids[0])
    tab.show_banner(html.escape(message))
    tab._status(message)


def open_enrolment(tab: EventsTab):
    from pal_desktop.ui.dialogs.enrolment_dialog import EnrolmentDialog

    event_id = tab._need_event()
    if event_id is None:
        return None
    dialog = EnrolmentDialog(tab._db, event_id, tab._programme_id, tab.window())
    tab._keep(dialog)
    dialog.sig_changed.connect(lambda: tab.refresh(select_id=event_id))
    dialog.sig_changed.connect(tab.series_table.reload)
    tab.enrolment_dialog = dialog
    dialog.open()
    return dialog


def open_attendance(tab: EventsTab):
    from pal_desktop.ui.widgets.attendance_widget import AttendanceDialog

    event_id = tab._need_event()
    if event_id is None:
        return None
    dialog = AttendanceDialog(tab._db, event_id, tab._programme_id, tab.window(), today=tab._today)
    tab._keep(dialog)
    dialog.widget.sig_saved.connect(lambda: tab.refresh(select_id=event_id))
    dialog.widget.sig_saved.connect(tab.series_table.reload)
    tab.attendance_dialog = dialog
    dialog.open()
    return dialog


def open_staff(tab: EventsTab):
    from pal_desktop.ui.dialogs.staff_dialog import StaffDialog

    event_id = tab._need_event()
    if event_id is None:
        return None
    dialog = StaffDialog(tab._db, event_id, tab._programme_id, tab.window())
    tab._keep(dialog)
    tab.staff_dialog = dialog
    dialog.open()
    return dialog


def edit_event_types(tab: EventsTab):
    from pal_desktop.ui.dialogs.event_types_dialog import EventTypesDialog

    if tab._db is None:
        return None
    dialog = EventTypesDialog(tab._db, tab.window())
    tab._keep(dialog)
    dialog.finished.connect(lambda _result, d=dialog: d.changed and tab.fill_filters())
    tab.types_dialog = dialog
    dialog.open()
    return dialog


def delete_current(tab: EventsTab) -> None:
    from pal_desktop.services import events

    row = tab.current_row()
    if row is None:
        return
    detail = ""
    if row.enrolled or row.present:
        detail = QCoreApplication.translate(
            "EventsTab", "Razem z wydarzeniem znikną zapisy ({enrolled}) i zapisana obecność.").format(
            enrolled=row.enrolled)
    if not questions.ask(tab, QCoreApplication.translate("EventsTab", "Usunąć wydarzenie?"),
                         QCoreApplication.translate("EventsTab", "Usunąć wydarzenie „{title}” z dnia {date}?").format(
                             title=row.title, date=format_date(row.event_date)),
                         yes=QCoreApplication.translate("EventsTab", "Usuń"),
                         no=QCoreApplication.translate("EventsTab", "Nie usuwaj"), informative=detail):
        return
    try:
        events.delete_event(tab._db, row.id)
    except PalError as error:
        error_dialog.show_error(tab, error)
        return
    tab.refresh_all()
    tab._status(QCoreApplication.translate("EventsTab", "Usunięto wydarzenie „{title}”.").format(
        title=row.title))
