"""The participant registry table: pages of ``ParticipantRow`` read in the background, sorted in SQL.

The model never holds the whole registry: it asks for 200 rows at a time as the view scrolls towards the end
(``canFetchMore``/``fetchMore``), in a background thread, and appends them when they arrive. A new search or
filter (``load``) keeps the old rows on screen until the first page of the new result arrives, so typing
does not make the table flicker; results of a superseded request are dropped. Clicking a header asks the
tab (``sig_sort_requested``) to sort in the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.latest_query import LatestQueryRunner
from pal_desktop.ui.models.row_table_model import COLUMNS_CONTEXT, ID_ROLE, ROW_ROLE, read_only_flags

PAGE_SIZE = 200

#: fetch(query, offset, limit, after) -> list of ParticipantRow (runs in a worker thread); ``after`` is the last
#: row read so far (None for the first page), from which the service reads the next page by keyset.
Fetch = Callable[[object, int, int, object], list]

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ParticipantColumn:
    #: Header text (Polish source, context "Columns").
    title: str
    #: ParticipantQuery.sort key for this column.
    sort: str
    #: Starting width in average characters.
    width: int
    stretch: bool = False


COLUMNS = (
    ParticipantColumn(QT_TRANSLATE_NOOP("Columns", "Nazwisko i imię"), "name", 26),
    ParticipantColumn(QT_TRANSLATE_NOOP("Columns", "PESEL"), "pesel", 13),
    ParticipantColumn(QT_TRANSLATE_NOOP("Columns", "Data urodzenia"), "birth_date", 11),
    ParticipantColumn(QT_TRANSLATE_NOOP("Columns", "Płeć"), "sex", 9),
    ParticipantColumn(QT_TRANSLATE_NOOP("Columns", "Adres"), "street", 24, stretch=True),
    ParticipantColumn(QT_TRANSLATE_NOOP("Columns", "Status"), "status", 10),
    ParticipantColumn(QT_TRANSLATE_NOOP("Columns", "Data rozpoczęcia"), "start_date", 11),
)
SORT_KEYS = tuple(c.sort for c in COLUMNS)


def _date(value) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def _enum_label(value) -> str:
    return QCoreApplication.translate("Enums", value.label) if value is not None else ""


class ParticipantTableModel(QAbstractTableModel):
    sig_page_shown = Signal(int)
    """The first page of request number ``generation`` is on screen."""
    sig_sort_requested = Signal(str, bool)
    """The user clicked a header: sort by this ParticipantQuery.sort key, descending or not."""
    sig_failed = Signal(object)
    """Reading failed (the exception)."""

    def __init__(self, reader: LatestQueryRunner, parent=None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.reader = reader
        self.page_size = page_size
        self._rows: list = []
        self._fetch: Fetch | None = None
        self._query = None
        self._generation = 0
        self._shown_generation = 0
        self._exhausted = True
        self._pending = False

    # ---- Qt overrides
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(COLUMNS_CONTEXT, COLUMNS[section].title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("ParticipantTableModel", "Kliknij, aby posortować według tej kolumny; "
                                                                      "kliknij ponownie, aby odwrócić kolejność")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(COLUMNS):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and not row.pesel:
            return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and row.address:
            return row.address
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.sig_sort_requested.emit(COLUMNS[column].sort, order == Qt.SortOrder.DescendingOrder)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return (not parent.isValid() and self._fetch is not None and not self._exhausted and not self._pending
                and self._shown_generation == self._generation)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if not self.canFetchMore(parent):
            return
        self._pending = True
        generation, query, fetch, offset, limit = (self._generation, self._query, self._fetch, len(self._rows),
                                                   self.page_size)
        after = self._rows[-1] if self._rows else None
        self.reader.submit("page", lambda: fetch(query, offset, limit, after),
                           lambda rows: self._more_arrived(generation, offset, rows),
                           lambda exc: self._failed(generation, exc))

    # ---- Our API
    @staticmethod
    def display(row, column: int) -> str:
        if column == 0:
            return f"{row.last_name} {row.first_name}".strip()
        if column == 1:
            return row.pesel or QCoreApplication.translate("ParticipantTableModel", "brak PESEL")
        if column == 2:
            return _date(row.birth_date)
        if column == 3:
            return _enum_label(row.sex)
        if column == 4:
            return row.address
        if column == 5:
            return _enum_label(row.status)
        if column == 6:
            return _date(row.start_date)
        return ""

    @property
    def generation(self) -> int:
        """Number of the newest request (search, filter, sort or reload)."""
        return self._generation

    @property
    def shown_generation(self) -> int:
        """Number of the request whose rows are on screen."""
        return self._shown_generation

    def is_current(self) -> bool:
        """The rows on screen answer the newest request."""
        return self._shown_generation == self._generation and not self._pending

    def load(self, query, fetch: Fetch) -> int:
        """Read the first page of ``query`` in the background; the current rows stay until it arrives."""
        self._generation += 1
        generation = self._generation
        self._query, self._fetch = query, fetch
        self._pending = False
        limit = self.page_size
        self.reader.submit("page", lambda: fetch(query, 0, limit, None),
                           lambda rows: self._first_arrived(generation, rows),
                           lambda exc: self._failed(generation, exc))
        return generation

    def load_now(self, query, fetch: Fetch) -> int:
        """Read the first page of ``query`` on this thread (a quick read at start-up)."""
        self._generation += 1
        self._query, self._fetch = query, fetch
        self._pending = False
        self._first_arrived(self._generation, fetch(query, 0, self.page_size, None))
        return self._generation

    def show_nothing_found(self, generation: int) -> None:
        """The count for request ``generation`` came back 0: empty the table without waiting for the page."""
        if generation == self._generation and self._shown_generation != generation:
            self._first_arrived(generation, [])

    def clear(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._fetch = None
        self._query = None
        self._exhausted = True
        self._pending = False
        self._shown_generation = self._generation
        self.endResetModel()

    def row_at(self, row: int):
        return self._rows[row]

    def rows(self) -> list:
        return list(self._rows)

    # ---- Arrivals
    def _first_arrived(self, generation: int, rows: list) -> None:
        if generation != self._generation:
            return  # superseded by a newer search
        if self._shown_generation == generation and not rows and not self._rows:
            return  # already emptied by a zero count
        self.beginResetModel()
        self._rows = list(rows)
        self._exhausted = len(rows) < self.page_size
        self._pending = False
        self._shown_generation = generation
        self.endResetModel()
        self.sig_page_shown.emit(generation)

    def _more_arrived(self, generation: int, offset: int, rows: list) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._pending = False
        if rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._exhausted = len(rows) < self.page_size

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._pending = False
            self._exhausted = True
        self.sig_failed.emit(exc)
