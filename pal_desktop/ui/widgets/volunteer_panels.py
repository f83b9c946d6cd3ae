"""Pieces the Animatorzy and Wolontariusze tabs share: a small read-only table under a row of buttons, and
helpers to keep the selected record selected across reloads and searches."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from pal_desktop.ui.models.row_table_model import ID_ROLE, Column, RowTableModel
from pal_desktop.ui.tabs.list_tab import make_table, size_columns


class SmallTable(QWidget):
    """A titled list of rows (tuples with the id first) with its own buttons above it."""

    def __init__(self, columns: Sequence[Column], accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowTableModel(columns, self)
        self.table = make_table(accessible_name, self)
        self.table.setModel(self.model)
        size_columns(self.table, columns)
        self.buttons_row = QHBoxLayout()
        self.buttons_row.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.buttons_row)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.update_buttons())
        self._needs_selection: list[QPushButton] = []

    def button(self, text: str, name: str, tip: str, slot, *, needs_selection: bool = False) -> QPushButton:
        widget = QPushButton(text, self)
        widget.setObjectName(name)
        widget.setAccessibleName(text.replace("&", "").rstrip("…"))
        widget.setToolTip(tip)
        widget.clicked.connect(slot)
        self.buttons_row.addWidget(widget)
        if needs_selection:
            self._needs_selection.append(widget)
        return widget

    def add_stretch(self) -> None:
        self.buttons_row.addStretch(1)

    def set_rows(self, rows: Sequence[tuple]) -> None:
        selected = self.current_id()
        self.model.set_rows(rows)
        if selected is not None:
            select_id(self.table, selected)
        self.update_buttons()

    def current_id(self) -> int | None:
        return current_id(self.table)

    def select(self, record_id: int) -> bool:
        found = select_id(self.table, record_id)
        self.update_buttons()
        return found

    def update_buttons(self) -> None:
        selected = self.current_id() is not None
        for widget in self._needs_selection:
            widget.setEnabled(selected)


def current_id(table: QTableView) -> int | None:
    index = table.currentIndex()
    if not index.isValid() or not table.selectionModel().isRowSelected(index.row(), index.parent()):
        return None
    return index.data(ID_ROLE)


def select_id(table: QTableView, record_id: int) -> bool:
    """Select (and scroll to) the row of ``record_id``; False when it is not shown."""
    model = table.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(ID_ROLE) == record_id:
            table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            table.scrollTo(index)
            return True
    return False


def select_record(tab, record_id: int) -> bool:
    """Select ``record_id`` on the tab's table, clearing the search first when it hides the row; False when the
    record is not on the list at all."""
    if tab.search.text() and not select_id(tab.table, record_id):
        tab.search.clear()
    return select_id(tab.table, record_id)
