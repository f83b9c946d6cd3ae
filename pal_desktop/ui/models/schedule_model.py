"""The schedule's task list: its tree model (tasks, and their events as child rows) and its tree view.

The rows are the same as the Gantt chart's at its right (``ScheduleTab.chart_rows``): Lp., Zadanie, Od, Do,
Postęp, with a red "!" on a task whose events are overdue.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QTreeView

from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.widgets.gantt_geometry import ROW_HEIGHT
from pal_desktop.ui.widgets.gantt_style import LATE
from pal_desktop.ui.widgets.gantt_text import event_tooltip, progress_text, task_tooltip

MILESTONE_MARK = "◆"

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
            return event_tooltip(event)
        return None


class ScheduleTree(QTreeView):
    """The task list; ``selectRow`` lets the search field's Down arrow land on the first task."""

    def selectRow(self, row: int) -> None:  # noqa: N802 - the name ListTab calls
        index = self.model().index(row, 0)
        if index.isValid():
            self.setCurrentIndex(index)
