"""Wydarzenia: the events of the active programme — filters, a month calendar, and everything done with an event.

The list is read a page at a time from the database (``events.list_events``/``count_events``), filtered
there by schedule task, type, date range, leader and the search text. Beside it, a month grid shows each
day's events (matching the same filters except the dates); clicking a day shows that day's events in the
list, and choosing an event turns the calendar to its day.

From the selected event: Edytuj (Enter), Zapisy (enrolment), Obecność (recording who came), Prowadzący i
pomocnicy, Drukuj listę obecności (Ctrl+P; for a series also the monthly grid) and Usuń. Ctrl+N adds an event
(or a series) on the day chosen in the calendar. Like every tab, this module imports no service at module
level (the window must appear before SQLAlchemy is loaded).

This module is the tab: its layout, loading, the list and the calendar, the selected event and the keyboard.
The filter bar is in ``events_filters``, the toolbar and the windows opened on an event in ``events_actions``,
printing in ``events_printing``; the day the tab opens at is ``services.events.starting_day``.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from pal_desktop.ui.models.event_models import (
    EVENT_COLUMNS,
    RECORD_ROLE,
    EventListModel,
    event_tuple,
    hours_text,
)
from pal_desktop.ui.models.row_table_model import ID_ROLE
from pal_desktop.ui.status_bar import show_status
from pal_desktop.ui.tabs import events_actions, events_filters, events_printing
from pal_desktop.ui.tabs.list_tab import ListTab, format_count, size_columns
from pal_desktop.ui.tabs.tab_actions import EnterOpens
from pal_desktop.ui.widgets.date_field import format_date
from pal_desktop.ui.widgets.month_calendar import MonthCalendar, long_date

SEARCH_DELAY_MS = 200
BANNER_STYLE = ("QLabel { background: #eef5ea; border: 1px solid #9cc29a; border-radius: 3px; padding: 6px; }")


class EventsTab(EnterOpens, ListTab):
    tab_id = "events"
    columns = EVENT_COLUMNS

    sig_refreshed = Signal()
    """The list and the calendar show the current filters."""

    def __init__(self, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        self._db = None
        self._programme_id: int | None = None
        self._programme_period: tuple[dt.date, dt.date] | None = None
        self._programme_total = 0
        self._filling = False
        self._today = today
        self.dialogs: list = []
        self.last_printout = None
        super().__init__(parent)
        self.model = EventListModel(self)
        self.table.setModel(self.model)
        self._size_columns()
        self.table.activated.connect(lambda _index: self.edit_current())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.installEventFilter(self)

        self.search.setEnabled(True)
        self.search.setPlaceholderText(self.tr("Szukaj: temat lub miejsce (Ctrl+F)"))
        self.search.setToolTip(self.tr("Szuka w temacie i miejscu wydarzenia. Esc czyści pole."))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_then_calendar)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())

        self.new_shortcut = QShortcut(QKeySequence.StandardKey.New, self, self.new_record,
                                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_shortcut = QShortcut(QKeySequence.StandardKey.Print, self, self.print_current,
                                        context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_current,
                                         context=Qt.ShortcutContext.WidgetShortcut)
        self._window_actions: list[tuple[QAction, QShortcut]] = []
        self._set_enabled(False)

    # ---- What the tab says
    def title(self) -> str:
        return self.tr("Wydarzenia")

    def list_name(self) -> str:
        return self.tr("Lista wydarzeń")

    def count_text(self, count: str) -> str:
        return self.tr("Wydarzeń: {count}").format(count=count)

    def empty_text(self) -> str:
        return self.tr("Brak wydarzeń w tym programie.")

    # ---- Building
    def build_toolbar(self) -> QWidget:
        return events_actions.build_toolbar(self)

    def build_filters(self) -> QWidget:
        return events_filters.build_filters(self)

    def build_side_panel(self) -> QWidget:
        self.calendar = MonthCalendar(self, today=self._today)
        self.calendar.setMinimumWidth(420)
        self.calendar.setMaximumWidth(500)
        self.calendar.sig_month_changed.connect(lambda _y, _m: self.reload_calendar())
        self.calendar.sig_day_clicked.connect(self.show_day)
        self.calendar.sig_day_activated.connect(self._new_on_day)
        from pal_desktop.ui.widgets.series_table import side_tabs

        self.side_tabs, self.series_table = side_tabs(self, self.calendar)
        return self.side_tabs

    def build_footer(self) -> QWidget:
        footer = QWidget(self)
        row = QHBoxLayout(footer)
        row.setContentsMargins(0, 4, 0, 0)
        self.details_label = QLabel(footer)
        self.details_label.setObjectName("eventDetails")
        self.details_label.setAccessibleName(self.tr("Zaznaczone wydarzenie"))
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.RichText)
        self.banner = QLabel(footer)
        self.banner.setObjectName("eventsBanner")
        self.banner.setAccessibleName(self.tr("Komunikat"))
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.banner_close = QToolButton(footer)
        self.banner_close.setText("×")
        self.banner_close.setAccessibleName(self.tr("Zamknij komunikat"))
        self.banner_close.setToolTip(self.tr("Zamknij komunikat"))
        self.banner_close.clicked.connect(self.hide_banner)
        self.banner_close.hide()
        row.addWidget(self.details_label, 3)
        row.addWidget(self.banner, 2)
        row.addWidget(self.banner_close, 0, Qt.AlignmentFlag.AlignTop)
        return footer

    def _size_columns(self) -> None:
        """Compact starting widths (the calendar shares the width); topic, place and leader share the rest."""
        size_columns(self.table, self.columns, padding_letters=1.3)

    # ---- State
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def set_today(self, day: dt.date | None) -> None:
        """Work as if today were ``day`` (None: the real date); for tests and demonstrations."""
        self._today = day
        self.calendar.model.today = day or dt.date.today()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.search, self.new_button, self.types_button, self.scan_button, self.task_filter,
                       self.type_filter,
                       self.from_filter, self.to_filter, self.leader_filter, self.calendar):
            widget.setEnabled(enabled)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.current_event_id() is not None
        for widget in (self.edit_button, self.enrol_button, self.attendance_button, self.staff_button,
                       self.print_button, self.delete_button):
            widget.setEnabled(selected)
        self.clear_filters_button.setEnabled(self.is_filtered())

    def is_filtered(self) -> bool:
        return bool(self.search.text().strip() or self.leader_filter.text().strip()
                    or self.task_filter.currentIndex() > 0 or self.type_filter.currentIndex() > 0
                    or self.from_filter.text().strip() or self.to_filter.text().strip())

    def query(self):
        """The EventQuery of the filters and the search field."""
        from pal_desktop.services.events import EventQuery

        return EventQuery(programme_id=self._programme_id, task_id=self.task_filter.currentData(),
                          event_type_id=self.type_filter.currentData(), date_from=self.from_filter.date(),
                          date_to=self.to_filter.date(), leader=self.leader_filter.text().strip(),
                          text=self.search.text().strip())

    # ---- Loading
    def load(self, db, programme_id: int | None) -> None:
        from pal_desktop.services import programmes

        self._db, self._programme_id = db, programme_id
        self._set_enabled(programme_id is not None)
        if programme_id is None:
            self.model.clear()
            self._programme_total = 0
            self.empty_label.setText(self.tr("Najpierw wybierz albo utwórz program."))
            self._stack.setCurrentWidget(self.empty_label)
            self.count_label.setText(self.count_text("0"))
            self.sig_loaded.emit()
            return
        period = next(((p.start, p.end) for p in programmes.list_programmes(db) if p.id == programme_id), None)
        first_load = period != self._programme_period
        self._programme_period = period
        self.fill_filters()
        self.refresh(recount=True)
        if first_load:
            start = self._starting_day()
            self.calendar.show_date(start, emit=False)
            self._select_near(start)
        self.reload_calendar()
        self.series_table.load(db, programme_id)
        self.sig_loaded.emit()

    def _select_near(self, day: dt.date) -> None:
        """Select the last event on or before ``day`` among the rows read so far (the list's first page)."""
        best = None
        for number in range(self.model.rowCount()):
            if self.model.row_at(number)[-1].event_date <= day:
                best = number
        if best is not None:
            self.table.selectRow(best)
            QTimer.singleShot(0, lambda row=best: self.table.scrollTo(
                self.model.index(row, 0), self.table.ScrollHint.PositionAtCenter))

    def _starting_day(self) -> dt.date:
        """Today when the programme is running; else the day of its last event so far (or its start)."""
        from pal_desktop.services import events

        return events.starting_day(self._db, self._programme_id, self._programme_period, self.today())

    def fill_filters(self) -> None:
        events_filters.fill_filters(self)

    def refresh(self, *, recount: bool = False, select_id: int | None = None) -> None:
        """Read the first page and the count for the current filters (quick reads, on the UI thread)."""
        from pal_desktop.services import events, signed_lists

        self._search_timer.stop()
        if self._db is None or self._programme_id is None:
            return
        keep = select_id if select_id is not None else self.current_event_id()
        db, query = self._db, self.query()

        def fetch(offset: int, limit: int, after: tuple | None) -> list[tuple]:
            last = after[-1] if after is not None else None
            return [event_tuple(row) for row in events.list_events(db, query, offset, limit, after=last)]

        total = events.count_events(db, query)
        self.model.unsigned = set(signed_lists.signed_list_count(db, self._programme_id, today=self.today()).missing)
        if recount or not self.is_filtered():
            self._programme_total = events.count_events(db, events.EventQuery(programme_id=self._programme_id)) \
                if self.is_filtered() else total
        self.model.set_source(total, fetch)
        self._show_state(total)
        if keep is not None:
            self.select_event(keep)
        self._update_buttons()
        self._show_details()
        self.sig_refreshed.emit()

    def _show_state(self, matching: int) -> None:
        total = self._programme_total
        if total == 0 and not self.is_filtered():
            self.empty_label.setText(self.empty_text())
            self._stack.setCurrentWidget(self.empty_label)
        elif matching == 0:
            message = self.tr("Żadne wydarzenie nie spełnia wybranych warunków.")
            message += "\n" + self.tr("„Wyczyść filtry” pokaże wszystkie wydarzenia.")
            self.empty_label.setText(message)
            self._stack.setCurrentWidget(self.empty_label)
        else:
            self._stack.setCurrentWidget(self.table)
        if self.is_filtered():
            from PySide6.QtCore import QCoreApplication

            count = QCoreApplication.translate("ListTab", "{shown} z {total}").format(
                shown=format_count(matching), total=format_count(total))
        else:
            count = format_count(total)
        self.count_label.setText(self.count_text(count))

    def reload_calendar(self) -> None:
        """Show the events of the calendar's six weeks (matching the filters except the dates)."""
        from dataclasses import replace

        from pal_desktop.services import events

        if self._db is None or self._programme_id is None:
            self.calendar.set_events({})
            return
        from pal_desktop.domain import calendar as days
        from pal_desktop.ui.latest_query import LatestQueryRunner, is_in_memory

        first, last = self.calendar.visible_range()
        db, query = self._db, replace(self.query(), date_from=first, date_to=last)

        def read() -> dict[dt.date, list]:
            days.holiday_name(first), days.holiday_name(last)  # the year's holidays, computed here, not in paint
            by_day: dict[dt.date, list] = {}
            for row in events.list_events(db, query, 0, 5000):
                by_day.setdefault(row.event_date, []).append(row)
            return by_day

        # Six weeks of a busy programme are a thousand events: read off the UI thread, the newest range wins.
        if getattr(self, "reader", None) is None:
            self.reader = LatestQueryRunner(self, synchronous=is_in_memory(db))
        self.reader.submit("calendar", read, self.calendar.set_events, self._calendar_failed)

    def _calendar_failed(self, error: BaseException) -> None:
        from pal_desktop.errors import PalError
        from pal_desktop.ui.dialogs import error_dialog

        if not isinstance(error, PalError):
            raise error
        error_dialog.show_error(self, error)

    # ---- Filters
    def _on_filter_changed(self, _index: int) -> None:
        if not self._filling:
            self.refresh()
            self.reload_calendar()

    def _on_date_filter_changed(self) -> None:
        if self._filling:
            return
        if self.from_filter.is_valid() and self.to_filter.is_valid():
            self.refresh()

    def refresh_all(self, select_id: int | None = None) -> None:
        self.refresh(recount=True, select_id=select_id)
        self.reload_calendar()
        self.series_table.reload()

    def clear_filters(self) -> None:
        self._filling = True
        try:
            for combo in (self.task_filter, self.type_filter):
                combo.setCurrentIndex(0)
            for widget in (self.from_filter, self.to_filter):
                widget.clear()
            for edit in (self.search, self.leader_filter):
                edit.blockSignals(True)
                edit.clear()
                edit.blockSignals(False)
        finally:
            self._filling = False
        self.refresh_all()

    def set_date_range(self, first: dt.date | None, last: dt.date | None) -> None:
        self._filling = True
        try:
            self.from_filter.set_date(first)
            self.to_filter.set_date(last)
        finally:
            self._filling = False
        self.refresh()

    def show_day(self, day: dt.date) -> None:
        """A day picked in the calendar: the list shows that day's events, the first one selected."""
        self.set_date_range(day, day)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._status(self.tr("Wydarzenia z dnia {date}: {count}. „Wyczyść filtry” pokaże wszystkie.").format(
            date=format_date(day), count=self.model.total))

    def _search_then_calendar(self) -> None:
        self.refresh()
        self.reload_calendar()

    # ---- The selected event
    def current_event_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def current_row(self):
        index = self.table.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def select_event(self, event_id: int) -> bool:
        row = self.model.row_of(event_id)
        while row is None and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(event_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _on_current_changed(self, current, _previous) -> None:
        self._update_buttons()
        self._show_details()
        row = current.data(RECORD_ROLE) if current.isValid() else None
        if row is not None:
            self.calendar.show_date(row.event_date, emit=False)

    def _show_details(self) -> None:
        row = self.current_row()
        if row is None:
            if self._programme_total == 0 and self._programme_id is not None:
                self.details_label.setText(self.tr("Dodaj pierwsze wydarzenie: przycisk „Nowe wydarzenie…” "
                                                   "albo Ctrl+N (dwuklik na dniu kalendarza — na ten dzień)."))
            else:
                self.details_label.setText(self.tr("Zaznacz wydarzenie na liście albo dzień w kalendarzu."))
            return
        facts = [long_date(row.event_date), hours_text(row.start_time, row.end_time), row.place]
        if row.leader:
            facts.append(self.tr("prowadzi: {name}").format(name=row.leader))
        if row.type_name:
            facts.insert(0, row.type_name)
        if row.task_position is not None:
            facts.append(self.tr("zadanie {number} harmonogramu").format(number=row.task_position))
        counts = self.tr("zapisanych: {enrolled}").format(enrolled=row.enrolled)
        if row.present:
            counts += " · " + self.tr("obecnych: {present}").format(present=row.present)
        series = (" · " + self.tr("spotkanie cyklu zajęć")) if row.series_id else ""
        self.details_label.setText(f"<b>{html.escape(row.title)}</b><br>"
                                   + html.escape(" · ".join(f for f in facts if f)) + "<br>"
                                   + html.escape(counts + series))

    # ---- Messages
    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()
        self.banner_close.show()

    def hide_banner(self) -> None:
        self.banner.hide()
        self.banner_close.hide()

    def _status(self, text: str, timeout: int = 8000) -> None:
        show_status(self, text, timeout)

    def _need_event(self) -> int | None:
        event_id = self.current_event_id()
        if event_id is None:
            self._status(self.tr("Zaznacz wydarzenie na liście."))
        return event_id

    def _keep(self, dialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialogs.append(dialog)
        dialog.destroyed.connect(lambda *_args, d=dialog: self._forget(d))

    def _forget(self, dialog) -> None:
        self.dialogs = [d for d in self.dialogs if d is not dialog]

    # ---- Commands of the main window
    def can_add(self) -> bool:
        return self._db is not None and self._programme_id is not None

    def can_print(self) -> bool:
        """Plik → Drukuj… stays available on a list with events (it asks for a selection when none)."""
        return self.can_add() and self.model.rowCount() > 0

    def new_record(self) -> bool:
        if not self.can_add():
            return False
        day = self.calendar.selected_date()
        if day is None or self._programme_period is None or not (
                self._programme_period[0] <= day <= self._programme_period[1]):
            day = self.today()
        self._open_event_dialog(None, day)
        return True

    def _new_on_day(self, day: dt.date) -> None:
        if self.can_add():
            self._open_event_dialog(None, day)

    def edit_current(self) -> None:
        event_id = self._need_event()
        if event_id is not None:
            self._open_event_dialog(event_id, None)

    def _open_event_dialog(self, event_id: int | None, day: dt.date | None):
        return events_actions.open_event_dialog(self, event_id, day)

    def _on_event_saved(self, ids: list[int], message: str) -> None:
        events_actions.on_event_saved(self, ids, message)

    def open_enrolment(self):
        return events_actions.open_enrolment(self)

    def open_attendance(self):
        return events_actions.open_attendance(self)

    def open_staff(self):
        return events_actions.open_staff(self)

    def edit_event_types(self):
        return events_actions.edit_event_types(self)

    def delete_current(self) -> None:
        events_actions.delete_current(self)

    def print_current(self) -> bool:
        """Ctrl+P: the attendance list of the selected event (for a series, or the month's grid)."""
        return events_printing.print_current(self)

    def print_list(self, event_id: int, month: tuple[int, int] | None = None, options=None, *, copies: int = 1,
                   print_now: bool = False):
        """The PDF of one session's list, or (``month``) of the series' monthly grid, made in the background
        and shown in the print preview (``print_now``: the printer's dialog opens at once); returns the queued
        operation."""
        return events_printing.print_list(self, event_id, month, options, copies=copies, print_now=print_now)

    def load_scans(self):
        """Wczytaj skany list obecności… (ui.scan_actions reads them and opens the review)."""
        from pal_desktop.ui import scan_actions

        return scan_actions.load_scans(self)

    def _on_list_printed(self, path) -> None:
        events_printing.on_list_printed(self, path)

    # ---- Keyboard (Enter edits the selected event: EnterOpens)
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._watch_window_actions()

    def _watch_window_actions(self) -> None:
        """Ctrl+N and Ctrl+P belong to the window's menu when it handles them for the current tab; until then
        the tab answers them itself (two live shortcuts on one key would cancel each other)."""
        if self._window_actions:
            return
        window = self.window()
        for name, shortcut in (("newAction", self.new_shortcut), ("printAction", self.print_shortcut)):
            action = window.findChild(QAction, name) if window is not None else None
            if action is None:
                continue
            self._window_actions.append((action, shortcut))
            action.changed.connect(self._sync_shortcuts)
        self._sync_shortcuts()

    def _sync_shortcuts(self) -> None:
        for action, shortcut in self._window_actions:
            shortcut.setEnabled(not (action.isEnabled() and action.shortcut() == shortcut.key()))
