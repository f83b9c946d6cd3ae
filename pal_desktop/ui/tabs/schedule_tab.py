"""Harmonogram: the programme's schedule as a Gantt chart beside the task list.

The list at the left (Lp., Zadanie, Od, Do, Postęp) and the chart at the right show the same rows and scroll
together; expanding a task lists its events under it in both. Bars are dragged to new dates (snapped to
days, kept inside the programme's period); every change — a drag, the editor, adding, deleting — is saved by
the service in one transaction and recorded on an undo stack (Ctrl+Z / Ctrl+Y).

Keyboard commands are handled in ``keyPressEvent`` (they reach the tab only when no enabled window action
owns the key), so the window may later route Ctrl+N and Ctrl+P here (``new_record``, ``print_current``)
without two shortcuts fighting over one key.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QFont,
    QIcon,
    QKeySequence,
    QPainter,
    QPixmap,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QToolBar,
    QToolButton,
    QTreeView,
    QWidget,
)

from pal_desktop.domain import schedule as rules
from pal_desktop.domain.text import fold
from pal_desktop.errors import PalError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.tabs.list_tab import ListTab
from pal_desktop.ui.widgets.gantt_geometry import ROW_HEIGHT, SCALE_HEIGHT, ChartRow
from pal_desktop.ui.widgets.gantt_style import LATE
from pal_desktop.ui.widgets.gantt_text import progress_text, task_tooltip
from pal_desktop.ui.widgets.gantt_view import GanttView

MILESTONE_MARK = "◆"
STATUS_TIMEOUT_MS = 10_000

#: The columns of the task list.
COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Lp."),
    QT_TRANSLATE_NOOP("Columns", "Zadanie"),
    QT_TRANSLATE_NOOP("Columns", "Od"),
    QT_TRANSLATE_NOOP("Columns", "Do"),
    QT_TRANSLATE_NOOP("Columns", "Postęp"),
)
COLUMN_TIPS = (
    QT_TRANSLATE_NOOP("Columns", "Numer zadania w harmonogramie"),
    QT_TRANSLATE_NOOP("Columns", "Zadanie (◆ kamień milowy); rozwiń, aby zobaczyć jego wydarzenia"),
    QT_TRANSLATE_NOOP("Columns", "Początek zadania"),
    QT_TRANSLATE_NOOP("Columns", "Koniec zadania"),
    QT_TRANSLATE_NOOP("Columns", "Wydarzenia: odbyte / planowane; ! — zaległe wydarzenia"),
)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def date_text(day: dt.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def choose_save_path(parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
    """Ask where to save a file; tests replace this function."""
    from pal_desktop.ui import file_dialogs

    name, _filter = file_dialogs.save_file(parent, title, suggested, filters)
    return Path(name) if name else None


_WARNING_ICON: list[QIcon] = []


def warning_icon() -> QIcon:
    """A small red circle with "!" (drawn once)."""
    if not _WARNING_ICON:
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LATE)
        painter.drawEllipse(1, 1, 12, 12)
        painter.setPen(QColor("white"))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(10)
        painter.setFont(font)
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "!")
        painter.end()
        _WARNING_ICON.append(QIcon(pixmap))
    return _WARNING_ICON[0]


# ---- The task list
class ScheduleTreeModel(QAbstractItemModel):
    """Tasks as top-level rows and their events as child rows (internal id 0 for a task, task row + 1 for an event)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.tasks: list = []

    def set_tasks(self, tasks) -> None:
        self.beginResetModel()
        self.tasks = list(tasks)
        self.endResetModel()

    # ---- Structure
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        if parent.internalId() == 0:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: QModelIndex | None = None):  # noqa: D102 - also QObject.parent()
        if index is None:
            return super().parent()
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self.tasks)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.tasks[parent.row()].events)
        return 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return len(COLUMNS)

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return self.rowCount(parent) > 0

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ---- Access
    def task_of(self, index: QModelIndex):
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self.tasks[row] if 0 <= row < len(self.tasks) else None

    def event_of(self, index: QModelIndex):
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.task_of(index).events[index.row()]

    def task_row(self, task_id: int) -> int:
        return next((row for row, task in enumerate(self.tasks) if task.id == task_id), -1)

    # ---- Data
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Columns", COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("Columns", COLUMN_TIPS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section == 0 else _LEFT
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(10, ROW_HEIGHT)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == 0 else _LEFT
        event = self.event_of(index)
        task = self.task_of(index)
        if event is not None:
            return self._event_data(event, column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(task.position)
            if column == 1:
                return f"{MILESTONE_MARK} {task.name}" if task.is_milestone else task.name
            if column == 2:
                return date_text(task.start)
            if column == 3:
                return date_text(task.end)
            return progress_text(task)
        if role == Qt.ItemDataRole.FontRole and task.is_milestone and column == 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return task_tooltip(task)
        if column == 4 and task.behind:
            if role == Qt.ItemDataRole.ForegroundRole:
                return LATE
            if role == Qt.ItemDataRole.DecorationRole:
                return warning_icon()
        return None

    def _event_data(self, event, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return ("", event.title, date_text(event.date), event.hours,
                    QCoreApplication.translate("Enums", event.status_label))[column]
        if role == Qt.ItemDataRole.ForegroundRole and event.overdue and column in (1, 4):
            return LATE
        if role == Qt.ItemDataRole.ToolTipRole:
            from pal_desktop.ui.widgets.gantt_text import event_tooltip

            return event_tooltip(event)
        return None


class ScheduleTree(QTreeView):
    """The task list; ``selectRow`` lets the search field's Down arrow land on the first task."""

    def selectRow(self, row: int) -> None:  # noqa: N802 - the name ListTab calls
        index = self.model().index(row, 0)
        if index.isValid():
            self.setCurrentIndex(index)


# ---- Undo
class TaskRef:
    """A task's id, shared by the undo commands about it (deleting and restoring a task gives it a new id)."""

    __slots__ = ("id",)

    def __init__(self, task_id: int) -> None:
        self.id = task_id


class _TaskCommand(QUndoCommand):
    """A change already saved when pushed (the first ``redo`` does nothing); undo/redo call the service again."""

    def __init__(self, tab: ScheduleTab, ref: TaskRef, text: str) -> None:
        super().__init__(text)
        self.tab = tab
        self.ref = ref
        self._saved = True

    def redo(self) -> None:
        if self._saved:
            self._saved = False
            return
        self.tab.run_change(self.apply, self.ref)

    def undo(self) -> None:
        self.tab.run_change(self.revert, self.ref)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class MoveTaskCommand(_TaskCommand):
    def __init__(self, tab, ref, old: tuple[dt.date, dt.date], new: tuple[dt.date, dt.date], text: str) -> None:
        super().__init__(tab, ref, text)
        self.old, self.new = old, new

    def apply(self) -> None:
        from pal_desktop.services import schedule

        schedule.move_task(self.tab.db, self.ref.id, *self.new)

    def revert(self) -> None:
        from pal_desktop.services import schedule

        schedule.move_task(self.tab.db, self.ref.id, *self.old)


class EditTaskCommand(_TaskCommand):
    def __init__(self, tab, ref, old, new, text: str) -> None:
        super().__init__(tab, ref, text)
        self.old, self.new = old, new

    def apply(self) -> None:
        from pal_desktop.services import schedule

        schedule.update_task(self.tab.db, self.ref.id, self.new)

    def revert(self) -> None:
        from pal_desktop.services import schedule

        schedule.update_task(self.tab.db, self.ref.id, self.old)


class AddTaskCommand(_TaskCommand):
    def __init__(self, tab, ref, programme_id: int, data, position: int, text: str) -> None:
        super().__init__(tab, ref, text)
        self.programme_id, self.data, self.position = programme_id, data, position

    def apply(self) -> None:
        from pal_desktop.services import schedule

        self.ref.id = schedule.add_task(self.tab.db, self.programme_id, self.data, position=self.position)

    def revert(self) -> None:
        from pal_desktop.services import schedule

        schedule.delete_task(self.tab.db, self.ref.id, detach_events=True)


class DeleteTaskCommand(_TaskCommand):
    def __init__(self, tab, ref, snapshot, text: str) -> None:
        super().__init__(tab, ref, text)
        self.snapshot = snapshot

    def apply(self) -> None:
        from pal_desktop.services import schedule

        self.snapshot = schedule.delete_task(self.tab.db, self.ref.id, detach_events=True)

    def revert(self) -> None:
        from pal_desktop.services import schedule

        self.ref.id = schedule.restore_task(self.tab.db, self.snapshot)


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
        for column, sample in enumerate(("Lp.000", "", "00.00.0000", "00.00.0000", "000/000")):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + (40 if column == 4 else 16))
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _history_actions(self) -> tuple[QAction, QAction]:
        """Cofnij and Ponów with fixed texts: what they would undo goes to the tooltip and the status tip, so
        the toolbar buttons keep their width (QUndoStack's own actions put it in the text)."""
        undo = QAction(self.tr("Cofnij"), self)
        undo.setObjectName("undoAction")
        redo = QAction(self.tr("Ponów"), self)
        redo.setObjectName("redoAction")
        undo.triggered.connect(self.undo_stack.undo)
        redo.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(redo.setEnabled)

        def describe(action: QAction, what: str, template: str, empty: str) -> None:
            tip = template.format(what=what) if what else empty
            action.setToolTip(tip)
            action.setStatusTip(tip)

        undo_empty = self.tr("Cofnij ostatnią zmianę harmonogramu (Ctrl+Z)")
        redo_empty = self.tr("Ponów cofniętą zmianę (Ctrl+Y)")
        undo_template = self.tr("Cofnij: {what} (Ctrl+Z)")
        redo_template = self.tr("Ponów: {what} (Ctrl+Y)")
        self.undo_stack.undoTextChanged.connect(lambda text: describe(undo, text, undo_template, undo_empty))
        self.undo_stack.redoTextChanged.connect(lambda text: describe(redo, text, redo_template, redo_empty))
        describe(undo, "", undo_template, undo_empty)
        describe(redo, "", redo_template, redo_empty)
        undo.setEnabled(False)
        redo.setEnabled(False)
        return undo, redo

    def _action(self, text: str, name: str, slot, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self.tr("Harmonogram"), self)
        bar.setObjectName("scheduleToolbar")
        bar.setAccessibleName(self.tr("Pasek harmonogramu"))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_action = self._action(self.tr("Dodaj &zadanie…"), "addTaskAction", self.add_task,
                                       self.tr("Nowe zadanie harmonogramu (Ctrl+N)"))
        self.add_milestone_action = self._action(self.tr("Dodaj kamień &milowy…"), "addMilestoneAction",
                                                 lambda: self.add_task(milestone=True),
                                                 self.tr("Nowy kamień milowy, np. zakończenie programu"))
        self.edit_action = self._action(self.tr("&Edytuj…"), "editTaskAction", lambda: self.edit_task(),
                                        self.tr("Zmień zaznaczone zadanie (F2 lub dwuklik)"))
        self.delete_action = self._action(self.tr("&Usuń"), "deleteTaskAction", self.delete_task,
                                          self.tr("Usuń zaznaczone zadanie (Delete)"))
        self.undo_action, self.redo_action = self._history_actions()
        bar.addActions([self.add_action, self.add_milestone_action, self.edit_action, self.delete_action])
        bar.addSeparator()
        bar.addActions([self.undo_action, self.redo_action])
        bar.addSeparator()
        self.zoom_group = QActionGroup(self)
        self.zoom_group.setExclusive(True)
        self.zoom_actions: dict[rules.Zoom, QAction] = {}
        for zoom in rules.Zoom:
            label = QCoreApplication.translate(rules.CONTEXT, zoom.label)
            action = self._action(label, f"zoom{zoom.name.title()}Action",
                                  lambda _checked=False, z=zoom: self.set_zoom(z),
                                  self.tr("Skala: {zoom}").format(zoom=label.lower()))
            action.setCheckable(True)
            action.setChecked(zoom == self.chart.zoom)
            self.zoom_group.addAction(action)
            self.zoom_actions[zoom] = action
            bar.addAction(action)
        self.zoom_out_action = self._action("−", "zoomOutAction", self.chart.zoom_out, self.tr("Oddal (Ctrl+−)"))
        self.zoom_in_action = self._action("+", "zoomInAction", self.chart.zoom_in, self.tr("Przybliż (Ctrl++)"))
        bar.addActions([self.zoom_out_action, self.zoom_in_action])
        bar.addSeparator()
        self.today_action = self._action(self.tr("Dziś"), "todayAction", self.go_today,
                                         self.tr("Przewiń wykres do dzisiejszej daty"))
        bar.addAction(self.today_action)
        bar.addSeparator()
        self.print_button = QToolButton(bar)
        self.print_button.setObjectName("printScheduleButton")
        self.print_button.setText(self.tr("&Drukuj…"))
        self.print_button.setAccessibleName(self.tr("Drukuj harmonogram"))
        self.print_button.setToolTip(self.tr("Harmonogram jako PDF do druku, A4 poziomo (Ctrl+P); strzałka: A3"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self.print_button)
        self.print_a4_action = menu.addAction(self.tr("A4 poziomo"), lambda: self.print_current("A4"))
        self.print_a3_action = menu.addAction(self.tr("A3 poziomo"), lambda: self.print_current("A3"))
        self.print_button.setMenu(menu)
        self.print_button.clicked.connect(lambda: self.print_current("A4"))
        bar.addWidget(self.print_button)
        self.ics_action = self._action(self.tr("&Kalendarz (.ics)…"), "icsAction", self.export_ics,
                                       self.tr("Zapisz zadania i wydarzenia do pliku kalendarza (Outlook, "
                                               "Thunderbird, Google)"))
        bar.addAction(self.ics_action)
        return bar

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
        self.reload()
        self.sig_loaded.emit()

    def reload(self, select_task: int | None = None) -> None:
        """Read the schedule again and show it, keeping the scroll position, the selection and expanded tasks."""
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
        self.data = schedule.schedule_view(self.db, self.programme_id, self.today())
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

    def _show_state(self, shown: int, total: int) -> None:
        if total == 0:
            self.empty_label.setText(self.empty_text())
            self._stack.setCurrentWidget(self.empty_label)
        elif shown == 0:
            self.empty_label.setText(QCoreApplication.translate("ListTab", "Nic nie znaleziono dla „{query}”.")
                                     .format(query=self.search.text().strip()))
            self._stack.setCurrentWidget(self.empty_label)
        else:
            self._stack.setCurrentWidget(self.splitter)
        if shown == total:
            count = str(total)
        else:
            count = QCoreApplication.translate("ListTab", "{shown} z {total}").format(shown=shown, total=total)
        self.count_label.setText(self.count_text(count))

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
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, timeout)

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
        if self.data is None:
            return
        from pal_desktop.services import schedule
        from pal_desktop.ui.dialogs import error_dialog

        task = self.data.task(task_id)
        if task is None:
            return
        period = (self.data.start, self.data.end)
        new_start, new_end, clamped = rules.clamp_range(start, end, *period, mode)
        edge = self.tr("Zadanie musi się mieścić w okresie programu ({start} – {end}).").format(
            start=date_text(period[0]), end=date_text(period[1]))
        if (new_start, new_end) == (task.start, task.end):
            self.reload(select_task=task_id)
            if clamped:
                self.say(self.tr("„{name}” jest już na granicy okresu programu: nie przesunięto.").format(
                    name=task.name) + " " + edge)
            return
        try:
            result = schedule.move_task(self.db, task_id, new_start, new_end)
        except PalError as error:
            self.reload(select_task=task_id)
            error_dialog.show_error(self, error)
            return
        dates = (date_text(result.start) if task.is_milestone
                 else f"{date_text(result.start)} – {date_text(result.end)}")
        command = MoveTaskCommand(self, self._ref(task_id), (task.start, task.end), (result.start, result.end),
                                  self.tr("przesunięcie „{name}”").format(name=task.name))
        self.undo_stack.push(command)
        self.reload(select_task=task_id)
        message = self.tr("Zapisano: „{name}” — {dates}.").format(name=task.name, dates=dates)
        if clamped or result.clamped:
            message += " " + self.tr("Przeciągnięto poza okres programu: daty przycięto do jego granicy.") + " " + edge
        self.say(message + " " + self.tr("Ctrl+Z cofa zmianę."))

    def new_record(self) -> bool:
        """Edycja → Nowy… (Ctrl+N): a new task."""
        if self.data is None:
            return False
        self.add_task()
        return True

    def can_add(self) -> bool:
        return self.data is not None

    def add_task(self, milestone: bool = False) -> None:
        if self.data is None:
            return
        from pal_desktop.ui.dialogs.task_dialog import TaskDialog

        def save(data) -> None:
            from pal_desktop.services import schedule

            task_id = schedule.add_task(self.db, self.programme_id, data)
            position = max((t.position for t in self.data.tasks), default=0) + 1
            ref = self._ref(task_id)
            self.undo_stack.push(AddTaskCommand(self, ref, self.programme_id, data.cleaned(), position,
                                                self.tr("dodanie „{name}”").format(name=data.name.strip())))
            self.reload(select_task=task_id)
            self.say(self.tr("Dodano do harmonogramu: „{name}”.").format(name=data.name.strip()))

        self._open_task_dialog(TaskDialog(period=(self.data.start, self.data.end), save=save, milestone=milestone,
                                          parent=self))

    def edit_task(self, task_id: int | None = None) -> None:
        if self.data is None:
            return
        task = self.data.task(task_id) if task_id is not None else self.selected_task()
        if task is None:
            return
        from pal_desktop.ui.dialogs.task_dialog import TaskDialog

        old = task.as_input()

        def save(data) -> None:
            from pal_desktop.services import schedule

            if data.cleaned() == old.cleaned():
                return
            schedule.update_task(self.db, task.id, data)
            self.undo_stack.push(EditTaskCommand(self, self._ref(task.id), old, data.cleaned(),
                                                 self.tr("zmiana „{name}”").format(name=task.name)))
            self.reload(select_task=task.id)
            self.say(self.tr("Zapisano zadanie „{name}”.").format(name=data.name.strip()))

        self.select_task(task.id)
        self._open_task_dialog(TaskDialog(period=(self.data.start, self.data.end), save=save, task=old, parent=self))

    def _open_task_dialog(self, dialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_task_dialog)
        self.task_dialog = dialog
        dialog.open()

    def _forget_task_dialog(self, *_args) -> None:
        self.task_dialog = None

    def delete_task(self) -> None:
        task = self.selected_task()
        if task is None or self.selected_event() is not None:
            return
        from pal_desktop.services import schedule
        from pal_desktop.ui.dialogs import error_dialog, questions

        count = len(task.events)
        title = self.tr("Usunąć zadanie?")
        if count:
            text = self.tr("Do zadania „{name}” przypisano wydarzenia ({count}). Po usunięciu zadania zostaną one "
                           "w ewidencji, ale bez zadania harmonogramu.").format(name=task.name, count=count)
            yes = self.tr("Usuń i odłącz wydarzenia")
        else:
            text = self.tr("Usunąć z harmonogramu zadanie „{name}” ({period})?").format(name=task.name,
                                                                                       period=task.period)
            yes = self.tr("Usuń zadanie")
        if not questions.ask(self, title, text, yes=yes, no=self.tr("Anuluj"),
                             informative=self.tr("Ctrl+Z przywraca usunięte zadanie.")):
            return
        try:
            snapshot = schedule.delete_task(self.db, task.id, detach_events=bool(count))
        except PalError as error:
            error_dialog.show_error(self, error)
            self.reload()
            return
        self.undo_stack.push(DeleteTaskCommand(self, self._ref(task.id), snapshot,
                                               self.tr("usunięcie „{name}”").format(name=task.name)))
        self.reload()
        self.say(self.tr("Usunięto zadanie „{name}”. Ctrl+Z przywraca je.").format(name=task.name))

    def show_event(self, event_id: int) -> None:
        """The event's editor (from the Wydarzenia issue) when present, else a small info window."""
        if self.db is None:
            return
        from pal_desktop.ui.dialogs import error_dialog

        try:
            from pal_desktop.ui.dialogs.event_dialog import EventDialog
        except ImportError:
            EventDialog = None  # noqa: N806 - a class, or None when the events editor is not installed
        try:
            if EventDialog is not None:
                dialog = EventDialog(self.db, self.programme_id, self, event_id=event_id)
                dialog.sig_saved.connect(lambda _ids, d=dialog: self._on_event_saved(d))
            else:
                from pal_desktop.services import schedule
                from pal_desktop.ui.dialogs.task_dialog import EventInfoDialog

                dialog = EventInfoDialog(schedule.event_info(self.db, event_id, self.today()), self)
        except PalError as error:
            error_dialog.show_error(self, error)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_event_dialog)
        self.event_dialog = dialog
        dialog.open()

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
        if self.db is None or self.programme_id is None:
            return False
        from pal_desktop.ui import pdf_output
        from pal_desktop.worker_process import ProcessCall

        db, programme_id, today = self.db, self.programme_id, self.today()

        def shown(path) -> None:
            self.last_printout = path
            self.say(self.tr("Wydruk harmonogramu ({paper} poziomo) zapisano w: {path}").format(paper=paper, path=path))

        pdf_output.print_heavy(
            self, self.tr("Wydruk harmonogramu"),
            ProcessCall("pal_desktop.services.schedule:schedule_pdf", db, (programme_id, paper), {"today": today}),
            self.tr("harmonogram-{paper}").format(paper=paper.lower()), on_shown=shown)
        return True

    def export_ics(self) -> None:
        if self.data is None:
            return
        from pal_desktop.services import calendar_export
        from pal_desktop.ui.dialogs import error_dialog

        suggested = str(Path.home() / self.tr("harmonogram-pal.ics"))
        path = choose_save_path(self, self.tr("Eksport harmonogramu do kalendarza"), suggested,
                                self.tr("Kalendarz iCalendar (*.ics)"))
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        try:
            self.last_export = calendar_export.write_ics(self.db, path, self.programme_id)
        except PalError as error:
            error_dialog.show_error(self, error)
            return
        except OSError as error:
            self.say(self.tr("Nie udało się zapisać pliku „{path}”: {reason}").format(
                path=path, reason=error.strerror or error))
            return
        self.say(self.tr("Zapisano kalendarz: {path} ({tasks} zadań, {events} wydarzeń). Zaimportuj plik w "
                         "programie z kalendarzem.").format(path=path, tasks=len(self.data.tasks),
                                                            events=self.data.event_count))

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

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # The chart and the list share one vertical position.
        self.chart.verticalScrollBar().setValue(self.tree.verticalScrollBar().value())

