"""Harmonogram: the programme's schedule as a Gantt chart beside the task list.

The list at the left (Lp., Zadanie, Od, Do, Postęp) and the chart at the right show the same rows and scroll
together; expanding a task lists its events under it in both. Bars are dragged to new dates (snapped to
days, kept inside the programme's period); every change — a drag, the editor, adding, deleting — is saved by
the service in one transaction and recorded on an undo stack (Ctrl+Z / Ctrl+Y).

This module is the tab: its layout, loading, the rows shared by the list and the chart, selection, zoom and
the keyboard. The task list's model is in ``ui.models.schedule_model``, the toolbar in ``schedule_toolbar``,
the changes in ``schedule_edits`` with their undo commands in ``schedule_undo``, printing and the calendar
export in ``schedule_output``.

Keyboard commands are handled in ``keyPressEvent`` (they reach the tab only when no enabled window action
owns the key), so the window may later route Ctrl+N and Ctrl+P here (``new_record``, ``print_current``)
without two shortcuts fighting over one key.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QSplitter,
    QToolBar,
    QWidget,
)

from pal_desktop.domain import schedule as rules
from pal_desktop.domain.text import fold
from pal_desktop.errors import PalError
from pal_desktop.ui.models.schedule_model import _LEFT, ScheduleTree, ScheduleTreeModel, date_text
from pal_desktop.ui.status_bar import show_status
from pal_desktop.ui.tabs import schedule_edits, schedule_output, schedule_toolbar
from pal_desktop.ui.tabs.list_tab import ListTab
from pal_desktop.ui.tabs.schedule_undo import TaskRef
from pal_desktop.ui.widgets.gantt_geometry import SCALE_HEIGHT, ChartRow, list_width
from pal_desktop.ui.widgets.gantt_view import GanttView

STATUS_TIMEOUT_MS = 10_000


# ---- The tab
class ScheduleTab(ListTab):
    tab_id = "schedule"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = None
        self.programme_id: int | None = None
        self.data = None
        self.today_override: dt.date | None = None
        self.last_status = ""
        self.last_printout: Path | None = None
        self.last_export: Path | None = None
        self.task_dialog = None
        self.event_dialog = None
        self._expanded: set[int] = set()
        self._refs: list[TaskRef] = []
        self._syncing = False
        self._positioned = False

        # The list and the chart replace ListTab's table.
        self._stack.removeWidget(self.table)
        self.table.deleteLater()
        self.model = ScheduleTreeModel(self)
        self.tree = ScheduleTree(self)
        self.tree.setObjectName("scheduleTree")
        self.tree.setAccessibleName(self.list_name())
        self.tree.setModel(self.model)
        self.table = self.tree
        self._setup_tree()
        self.chart = GanttView(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("scheduleSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 900])
        #: Set once the user drags the splitter (or their saved layout is restored): then it is theirs to size.
        self.list_width_chosen = False
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "list_width_chosen", True))
        self._stack.insertWidget(0, self.splitter)
        self._stack.setCurrentWidget(self.empty_label)

        self.undo_stack = QUndoStack(self)
        self.toolbar = self._build_toolbar()
        self.layout().insertWidget(0, self.toolbar)

        self.tree.verticalScrollBar().valueChanged.connect(self.chart.verticalScrollBar().setValue)
        self.chart.verticalScrollBar().valueChanged.connect(self.tree.verticalScrollBar().setValue)
        # The list lays out its rows later than the chart: when its range catches up, it takes the chart's place.
        self.tree.verticalScrollBar().rangeChanged.connect(
            lambda *_: self.tree.verticalScrollBar().setValue(self.chart.verticalScrollBar().value()))
        self.tree.expanded.connect(self._on_expanded)
        self.tree.collapsed.connect(self._on_collapsed)
        self.tree.selectionModel().currentRowChanged.connect(self._on_tree_current)
        self.tree.doubleClicked.connect(self._on_tree_activated)
        self.chart.sig_row_clicked.connect(self._on_chart_row)
        self.chart.sig_task_activated.connect(self.edit_task)
        self.chart.sig_event_activated.connect(self.show_event)
        self.chart.sig_task_dragged.connect(self._on_dragged)
        self.chart.sig_zoom_changed.connect(self._on_zoom_changed)
        self.chart.sig_status.connect(lambda text: self.say(text, 0))
        self.undo_stack.indexChanged.connect(self._update_actions)
        self.search.textChanged.connect(self._on_search)
        self._update_actions()

    # ---- What the tab says
    def title(self) -> str:
        return self.tr("Harmonogram")

    def list_name(self) -> str:
        return self.tr("Zadania harmonogramu")

    def count_text(self, count: str) -> str:
        return self.tr("Zadań: {count}").format(count=count)

    def empty_text(self) -> str:
        return self.tr("Harmonogram tego programu nie ma jeszcze zadań. Dodaj pierwsze zadanie przyciskiem "
                       "„Dodaj zadanie…” nad wykresem.")

    def build_footer(self) -> QWidget | None:
        legend = QLabel(self)
        legend.setObjectName("scheduleLegend")
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setWordWrap(True)
        legend.setAccessibleName(self.tr("Legenda harmonogramu"))
        legend.setText(
            "<span style='color:#3b7fc4'>▬</span> " + self.tr("okres zadania (ciemniej: czas, który upłynął)")
            + " &nbsp; <span style='color:#7a3e9d'>◆</span> " + self.tr("kamień milowy")
            + " &nbsp; " + self.tr("wydarzenia:") + " <span style='color:#2e7d32'>❙</span> " + self.tr("odbyte")
            + " <span style='color:#74829a'>❙</span> " + self.tr("planowane")
            + " <span style='color:#c62828'>❙</span> " + self.tr("zaległe")
            + " &nbsp; <span style='color:#c62828'>▭ !</span> " + self.tr("zadanie z zaległymi wydarzeniami")
            + " &nbsp; <span style='color:#d32f2f'>│</span> " + self.tr("dziś")
            + "<br>" + self.tr("Przeciągnij pasek, aby przesunąć zadanie, albo jego koniec, aby zmienić datę "
                               "(Ctrl+Z cofa). Ctrl+kółko myszy lub Ctrl++ / Ctrl+− zmienia skalę; dwuklik "
                               "otwiera zadanie lub wydarzenie."))
        legend.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        return legend

    def _setup_tree(self) -> None:
        tree = self.tree
        tree.setFrameShape(QFrame.Shape.NoFrame)
        tree.setUniformRowHeights(True)
        tree.setIndentation(14)
        tree.setAlternatingRowColors(True)
        tree.setExpandsOnDoubleClick(False)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = tree.header()
        header.setFixedHeight(SCALE_HEIGHT)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setDefaultAlignment(_LEFT)
        metrics = tree.fontMetrics()
        # Narrow columns sized to their contents (or header), so that the task names get the rest.
        titles = [self.model.headerData(c, Qt.Orientation.Horizontal) or "" for c in range(self.model.columnCount())]
        for column, sample in enumerate(("Lp.000", "", "00.00.0000", "00.00.0000", "000/000")):
            if column != 1:
                header.resizeSection(column, max(metrics.horizontalAdvance(sample),
                                                 metrics.horizontalAdvance(str(titles[column]))) + 14)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _history_actions(self) -> tuple[QAction, QAction]:
        """Cofnij and Ponów with fixed texts: what they would undo goes to the tooltip and the status tip, so
        the toolbar buttons keep their width (QUndoStack's own actions put it in the text)."""
        return schedule_toolbar.history_actions(self)

    def _action(self, text: str, name: str, slot, tip: str = "") -> QAction:
        return schedule_toolbar.make_action(self, text, name, slot, tip)

    def _build_toolbar(self) -> QToolBar:
        return schedule_toolbar.build_toolbar(self)

    # ---- Loading
    def today(self) -> dt.date:
        return self.today_override or dt.date.today()

    def load(self, db, programme_id: int | None) -> None:
        if programme_id != self.programme_id or db is not self.db:
            self.undo_stack.clear()
            self._expanded.clear()
            self._refs.clear()
            self._positioned = False
        self.db, self.programme_id = db, programme_id
        from pal_desktop.ui.latest_query import LatestQueryRunner, is_in_memory

        if db is None or programme_id is None or is_in_memory(db):
            self.reload()
            self.sig_loaded.emit()
            return
        # Read off the UI thread: at 20,000 events the schedule takes 0.4 s to read. Edits reload at once.
        from pal_desktop.services import schedule

        if getattr(self, "reader", None) is None:
            self.reader = LatestQueryRunner(self)
        if self.data is None:
            self.show_loading()
        self._rows_pending = True
        today = self.today()
        self.reader.submit("schedule", lambda: schedule.schedule_view(db, programme_id, today), self._view_arrived,
                           self._view_failed)

    def _view_arrived(self, view) -> None:
        self._rows_pending = False
        self.reload(view=view)
        self.sig_loaded.emit()

    def _view_failed(self, error: BaseException) -> None:
        self._rows_pending = False
        if not isinstance(error, PalError):
            raise error
        from pal_desktop.ui.dialogs import error_dialog

        error_dialog.show_error(self, error)

    def reload(self, select_task: int | None = None, *, view=None) -> None:
        """Read the schedule again (or show ``view``, read in the background) and show it, keeping the scroll
        position, the selection and expanded tasks."""
        if self.db is None or self.programme_id is None:
            self.data = None
            self.model.set_tasks([])
            self.chart.set_rows([])
            self._show_state(0, 0)
            self._update_actions()
            return
        from pal_desktop.services import schedule

        selected = self.selected_task()
        selected_event = self.selected_event()
        h = self.chart.horizontalScrollBar().value()
        v = self.chart.verticalScrollBar().value()
        self.data = view if view is not None else schedule.schedule_view(self.db, self.programme_id, self.today())
        self._fill()
        if select_task is not None:
            self.select_task(select_task)
        elif selected is not None:
            self.select_task(selected.id, selected_event.id if selected_event else None)
        if self._positioned:
            self.chart.horizontalScrollBar().setValue(h)
            self.chart.verticalScrollBar().setValue(v)
        elif self.data.tasks:
            self._positioned = True
            today = self.today()
            start, end = self.data.start, self.data.end
            whole = self.chart.x_for_date(end) - self.chart.x_for_date(start)
            if start <= today <= end and whole > self.chart.viewport().width() - 40:
                self.chart.scroll_to_date(today)
            else:
                self.chart.horizontalScrollBar().setValue(round(self.chart.x_for_date(start)) - 12)
        self._update_actions()

    def _fill(self) -> None:
        """The list and the chart from ``self.data``, filtered by the search field."""
        query = fold(self.search.text().strip())
        tasks = [t for t in self.data.tasks
                 if not query or query in fold(f"{t.position} {t.name} {t.description}")]
        self._syncing = True
        try:
            self.model.set_tasks(tasks)
            for row, task in enumerate(tasks):
                if task.id in self._expanded and task.events:
                    self.tree.setExpanded(self.model.index(row, 0), True)
        finally:
            self._syncing = False
        self.chart.set_schedule(self.data, self.chart_rows())
        self._show_state(len(tasks), len(self.data.tasks))
        self.fit_list_width()

    def fit_list_width(self) -> None:
        """Give the task list the width its names need, so that they are read whole beside a chart that still
        shows the whole programme; a width the user chose is kept."""
        total = self.splitter.width()
        if self.list_width_chosen or self.data is None or total < 400:
            return
        header = self.tree.header()
        fixed = sum(header.sectionSize(c) for c in range(header.count()) if c != 1)
        names = 0
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 1)
            font = self.model.data(index, Qt.ItemDataRole.FontRole) or self.tree.font()
            text = self.model.data(index, Qt.ItemDataRole.DisplayRole) or ""
            names = max(names, QFontMetrics(font).horizontalAdvance(text))
        needed = fixed + names + self.tree.indentation() + 28  # the branch mark and the cell's margins
        days = (self.chart.scale.end - self.chart.scale.origin).days + 1
        width = list_width(needed, total - self.splitter.handleWidth(), days)
        self.splitter.setSizes([width, total - self.splitter.handleWidth() - width])

    def _show_state(self, shown: int, total: int) -> None:
        self._show_list_or_message(shown, total, count_format=str, rows_widget=self.splitter)

    def is_showing_table(self) -> bool:
        return self._stack.currentWidget() is self.splitter

    # ---- Rows shared by the list and the chart
    def chart_rows(self) -> list[ChartRow]:
        rows: list[ChartRow] = []
        for row, task in enumerate(self.model.tasks):
            rows.append(ChartRow(task))
            if self.tree.isExpanded(self.model.index(row, 0)):
                rows.extend(ChartRow(task, event) for event in task.events)
        return rows

    def _chart_row_of(self, index: QModelIndex) -> int:
        if not index.isValid():
            return -1
        task_row = index.row() if index.internalId() == 0 else index.internalId() - 1
        position = 0
        for row, task in enumerate(self.model.tasks):
            if row == task_row:
                return position if index.internalId() == 0 else position + 1 + index.row()
            position += 1
            if self.tree.isExpanded(self.model.index(row, 0)):
                position += len(task.events)
        return -1

    def _index_of_chart_row(self, chart_row: int) -> QModelIndex:
        position = 0
        for row, task in enumerate(self.model.tasks):
            parent = self.model.index(row, 0)
            if position == chart_row:
                return parent
            position += 1
            if self.tree.isExpanded(parent):
                if chart_row < position + len(task.events):
                    return self.model.index(chart_row - position, 0, parent)
                position += len(task.events)
        return QModelIndex()

    def _on_expanded(self, index: QModelIndex) -> None:
        self._expanded_changed(index, True)

    def _on_collapsed(self, index: QModelIndex) -> None:
        self._expanded_changed(index, False)

    def _expanded_changed(self, index: QModelIndex, expanded: bool) -> None:
        task = self.model.task_of(index)
        if task is None:
            return
        (self._expanded.add if expanded else self._expanded.discard)(task.id)
        if self._syncing:
            return
        self.chart.set_rows(self.chart_rows())
        self.chart.select_row(self._chart_row_of(self.tree.currentIndex()))

    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self._chart_row_of(current)
        self.chart.select_row(row)
        self.chart.ensure_row_visible(row)
        self._update_actions()

    def _on_chart_row(self, chart_row: int) -> None:
        index = self._index_of_chart_row(chart_row)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        event = self.model.event_of(index)
        if event is not None:
            self.show_event(event.id)
        elif self.model.task_of(index) is not None:
            self.edit_task(self.model.task_of(index).id)

    def _on_search(self, _text: str) -> None:
        if self.data is not None:
            self._fill()

    def selected_task(self):
        return self.model.task_of(self.tree.currentIndex())

    def selected_event(self):
        return self.model.event_of(self.tree.currentIndex())

    def select_task(self, task_id: int, event_id: int | None = None) -> None:
        row = self.model.task_row(task_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        if event_id is not None and self.tree.isExpanded(index):
            task = self.model.tasks[row]
            child = next((i for i, e in enumerate(task.events) if e.id == event_id), None)
            if child is not None:
                index = self.model.index(child, 0, index)
        self.tree.setCurrentIndex(index)

    def _update_actions(self, *_args) -> None:
        has_programme = self.data is not None
        selected = self.selected_task() is not None
        for action in (self.add_action, self.add_milestone_action, self.ics_action, self.today_action):
            action.setEnabled(has_programme)
        self.print_button.setEnabled(has_programme)
        self.edit_action.setEnabled(selected)
        self.delete_action.setEnabled(selected and self.selected_event() is None)

    # ---- Status
    def say(self, text: str, timeout: int = STATUS_TIMEOUT_MS) -> None:
        """A message in the window's status bar (kept in ``last_status`` for tests)."""
        self.last_status = text
        show_status(self, text, timeout)

    # ---- Zoom and navigation
    def set_zoom(self, zoom: rules.Zoom) -> None:
        self.chart.set_zoom(zoom)

    def _on_zoom_changed(self, zoom: int) -> None:
        zoom = rules.Zoom(zoom)
        self.zoom_actions[zoom].setChecked(True)
        self.say(self.tr("Skala: {zoom}").format(zoom=QCoreApplication.translate(rules.CONTEXT, zoom.label).lower()),
                 4000)

    def go_today(self) -> None:
        if self.data is None:
            return
        today, start, end = self.today(), self.data.start, self.data.end
        if today < start:
            self.chart.scroll_to_date(start)
            self.say(self.tr("Dziś ({today}) jest przed rozpoczęciem programu — pokazano jego początek ({date}).")
                     .format(today=date_text(today), date=date_text(start)))
        elif today > end:
            self.chart.scroll_to_date(end)
            self.say(self.tr("Dziś ({today}) jest po zakończeniu programu — pokazano jego koniec ({date}).")
                     .format(today=date_text(today), date=date_text(end)))
        else:
            self.chart.scroll_to_date(today)
            self.say(self.tr("Dziś: {today}.").format(today=date_text(today)), 4000)

    # ---- Changes (each one saved by the service, then recorded for undo)
    def _ref(self, task_id: int) -> TaskRef:
        ref = next((r for r in self._refs if r.id == task_id), None)
        if ref is None:
            ref = TaskRef(task_id)
            self._refs.append(ref)
        return ref

    def run_change(self, change, ref: TaskRef) -> None:
        """Run an undo or redo step; a failure is shown and the history, no longer true, is cleared."""
        from pal_desktop.ui.dialogs import error_dialog

        try:
            change()
        except PalError as error:
            error_dialog.show_error(self, error)
            QTimer.singleShot(0, self.undo_stack.clear)
        self.reload(select_task=ref.id)

    def _on_dragged(self, task_id: int, start: dt.date, end: dt.date, mode: str) -> None:
        schedule_edits.on_dragged(self, task_id, start, end, mode)

    def new_record(self) -> bool:
        """Edycja → Nowy… (Ctrl+N): a new task."""
        if self.data is None:
            return False
        self.add_task()
        return True

    def can_add(self) -> bool:
        return self.data is not None

    def add_task(self, milestone: bool = False) -> None:
        schedule_edits.add_task(self, milestone)

    def edit_task(self, task_id: int | None = None) -> None:
        schedule_edits.edit_task(self, task_id)

    def _open_task_dialog(self, dialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_task_dialog)
        self.task_dialog = dialog
        dialog.open()

    def _forget_task_dialog(self, *_args) -> None:
        self.task_dialog = None

    def delete_task(self) -> None:
        schedule_edits.delete_task(self)

    def show_event(self, event_id: int) -> None:
        """The event's editor (from the Wydarzenia issue) when present, else a small info window."""
        schedule_edits.show_event(self, event_id)

    def _on_event_saved(self, dialog) -> None:
        self.reload()
        message = getattr(dialog, "result_message", "")
        if message:
            self.say(message)

    def _forget_event_dialog(self, *_args) -> None:
        self.event_dialog = None

    # ---- Printing and export
    def can_print(self) -> bool:
        return self.data is not None

    def print_current(self, paper: str = "A4") -> bool:
        """Plik → Drukuj… (Ctrl+P): the chart as a PDF opened in the system's viewer."""
        return schedule_output.print_current(self, paper)

    def export_ics(self) -> None:
        schedule_output.export_ics(self)

    # ---- Keyboard
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        key, modifiers = event.key(), event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_stack.undo()
        elif event.matches(QKeySequence.StandardKey.Redo) or (ctrl and key == Qt.Key.Key_Y):
            self.undo_stack.redo()
        elif ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.chart.zoom_in()
        elif ctrl and key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.chart.zoom_out()
        elif event.matches(QKeySequence.StandardKey.Print):
            self.print_current()
        elif event.matches(QKeySequence.StandardKey.New):
            self.new_record()
        elif key == Qt.Key.Key_F2 and not modifiers:
            self.edit_task()
        elif key == Qt.Key.Key_Delete and not modifiers:
            self.delete_task()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_list_width()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # The chart and the list share one vertical position.
        self.chart.verticalScrollBar().setValue(self.tree.verticalScrollBar().value())

