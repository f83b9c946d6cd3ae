"""A read-only table model that reads a long list from the database a page at a time.

The view asks for more rows (``canFetchMore``/``fetchMore``) as the user scrolls towards the end, so a
programme with 100,000 participants shows its first rows at once and never holds all of them in memory
unless the user scrolls through them all. Each page is asked for with the last row read (``after``), so that
the service can read it by keyset and a page far down the list costs what the first one does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from pal_desktop.ui.models.row_table_model import Column, ColumnsMixin

PAGE_SIZE = 200

#: fetch_page(offset, limit, after) -> rows, ``after`` being the last row read so far (None for the first page);
#: called on the UI thread, so a page must come back quickly.
FetchPage = Callable[[int, int, tuple | None], list[tuple]]

Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(ColumnsMixin, QAbstractTableModel):
    """Rows read on demand from ``fetch_page``; ``total`` is how many rows the whole list has."""

    def __init__(self, columns: Sequence[Column], parent=None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.page_size = page_size
        self._rows: list[tuple] = []
        self._total = 0
        self._fetch: FetchPage | None = None

    # ---- Qt overrides (the counts, header and flags are ColumnsMixin's)
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        row = self._row_for(index)
        return None if row is None else self.cell_data(row, index.column(), role)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self._fetch is not None and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if not self.canFetchMore(parent):
            return
        offset = len(self._rows)
        after = self._rows[-1] if self._rows else None
        rows = self._fetch(offset, min(self.page_size, self._total - offset), after)
        if not rows:
            # The list got shorter since it was counted (someone deleted records): stop asking.
            self._total = offset
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()
        if len(rows) < self.page_size and len(self._rows) < self._total:
            self._total = len(self._rows)

    # ---- Our API
    @property
    def total(self) -> int:
        """How many rows the whole list has (rows not read yet included)."""
        return self._total

    def set_source(self, total: int, fetch_page: FetchPage | None) -> None:
        """Show a new list: forget the rows read so far and read its first page."""
        self.beginResetModel()
        self._rows = []
        self._total = total if fetch_page is not None else 0
        self._fetch = fetch_page
        self.endResetModel()
        self.fetchMore()

    def clear(self) -> None:
        self.set_source(0, None)

    def row_at(self, row: int) -> tuple:
        return self._rows[row]
