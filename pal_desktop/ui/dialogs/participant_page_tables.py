"""The participant page's read-only tables: how they look, how rows are filled and which row is selected.

Shared by the page's sections (events, support path, internships and cash, documents, family, history),
together with the colours and label styles they use.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from pal_desktop.ui.widgets.read_only_table import set_read_only_rows

RED = QColor("#b3261e")
LOW_STYLE = "QLabel { color: #b3261e; font-weight: bold; }"
OK_STYLE = "QLabel { font-weight: bold; }"
HINT_STYLE = "QLabel { color: palette(placeholder-text); }"


def make_table(name: str, headers: list[str], parent: QWidget, stretch: int | None = None, *,
               highlight_sections: bool = False) -> QTableWidget:
    """A read-only table of whole rows, as on the lists; its columns fit their contents, ``stretch`` (or the
    last one) takes the spare width."""
    table = QTableWidget(0, len(headers), parent)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    set_read_only_rows(table, highlight_sections=highlight_sections)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: list[tuple], *, row_ids: list | None = None,
               red_rows: set[int] | None = None, red_cells: set[tuple[int, int]] | None = None) -> None:
    """Replace the rows (tuples of display texts); the first column's item keeps the row's id."""
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setToolTip(item.text() if len(item.text()) > 30 else "")
            if (red_rows and r in red_rows) or (red_cells and (r, c) in red_cells):
                item.setForeground(QBrush(RED))
            if c == 0 and row_ids is not None:
                item.setData(Qt.ItemDataRole.UserRole, row_ids[r])
            table.setItem(r, c, item)


def selected_id(table: QTableWidget):
    row = table.currentRow()
    if row < 0 or table.item(row, 0) is None:
        return None
    return table.item(row, 0).data(Qt.ItemDataRole.UserRole)


__all__ = ["HINT_STYLE", "LOW_STYLE", "OK_STYLE", "RED", "fill_table", "make_table", "selected_id"]
