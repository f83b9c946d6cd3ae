"""Client-side search over the rows of a short list, with or without Polish letters.

Every word of the query must occur somewhere in the row ("kowal ann" finds "Kowalska Anna"); the query
and the rows are folded the same way as the database search keys, so "lukasz" finds "Łukasz". Plain
substring matching is used (no regular expressions), so any character typed is taken literally.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from pal_desktop.domain.text import fold
from pal_desktop.ui.models.row_table_model import ROW_ROLE


class SearchFilterModel(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []
        #: Folded text of each row tuple shown so far (rows are immutable, so the tuple is a safe key).
        self._folded: dict[tuple, str] = {}

    @property
    def query(self) -> str:
        return " ".join(self._terms)

    def set_query(self, text: str) -> None:
        terms = fold(text).split()
        if terms == self._terms:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self._terms = terms
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._terms = terms
            self.invalidateRowsFilter()

    def _row_text(self, source_row: int) -> str:
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0), ROW_ROLE)
        text = self._folded.get(row)
        if text is None:
            parts = [model.data(model.index(source_row, column), Qt.ItemDataRole.DisplayRole)
                     for column in range(model.columnCount())]
            text = fold(" ".join(str(p) for p in parts if p not in (None, "")))
            if len(self._folded) > 50_000:
                self._folded.clear()
            self._folded[row] = text
        return text

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._terms:
            return True
        text = self._row_text(source_row)
        return all(term in text for term in self._terms)
