"""A read-only table model over a list of row tuples, described by column specs.

Rows come from the services as tuples whose first element is the record id and whose other elements are
display values already formatted in Polish. A ``Column`` says which element to show, how to align it, how
wide it should start and whether it takes the spare width.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from pal_desktop.domain.enums import LabelledEnum

#: The record id of a row (the first element of its tuple).
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The whole row tuple.
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

#: Translation context of column titles (marked with QT_TRANSLATE_NOOP("Columns", ...)).
COLUMNS_CONTEXT = "Columns"

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

Index = QModelIndex | QPersistentModelIndex


def read_only_flags(index: Index) -> Qt.ItemFlag:
    """The flags of a read-only list's cell: enabled and selectable, with no children."""
    if not index.isValid():
        return Qt.ItemFlag.NoItemFlags
    return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


@dataclass(frozen=True)
class Column:
    """How one column shows one element of the row tuples."""

    #: Polish source text of the header, marked with QT_TRANSLATE_NOOP("Columns", ...).
    title: str
    #: Which element of the row tuple to show.
    field: int
    #: Starting width in average characters.
    width: int = 12
    #: Right-align (numbers).
    numeric: bool = False
    #: This column takes the spare width of the table.
    stretch: bool = False
    #: Its part of the spare width beside other columns with a share (0: none, or 1 when ``stretch``).
    share: int = 0
    #: Element of the row tuple shown as the cell's tooltip (e.g. a long description).
    tooltip_field: int | None = None
    #: Polish source text of the header's tooltip (marked with QT_TRANSLATE_NOOP("Columns", ...)); default: the title.
    header_tip: str = ""


class ColumnsMixin:
    """What the row and paged models share: counts, header, flags and cells of the rows held in ``_rows``."""

    columns: Sequence[Column]
    _rows: list[tuple]

    # ---- Qt overrides
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        return self.header_data(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    # ---- Helpers
    def _row_for(self, index: Index) -> tuple | None:
        """The row tuple of ``index``; None for an index outside the rows read."""
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.columns):
            return None
        return self._rows[index.row()]

    def column_title(self, section: int) -> str:
        return QCoreApplication.translate(COLUMNS_CONTEXT, self.columns[section].title)

    def header_data(self, section: int, orientation: Qt.Orientation, role: int):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.columns[section].header_tip
            return QCoreApplication.translate(COLUMNS_CONTEXT, tip) if tip else self.column_title(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self.columns[section].numeric else _LEFT
        return None

    def cell_data(self, row: tuple, column: int, role: int):
        spec = self.columns[column]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[spec.field]
            if isinstance(value, bool):  # the services say yes or no; the window says it in its language
                return (QCoreApplication.translate("Columns", "tak") if value
                        else QCoreApplication.translate("Columns", "nie"))
            if isinstance(value, LabelledEnum):  # a kind or status: its label in the window's language
                return QCoreApplication.translate("Enums", value.label)
            return "" if value is None else value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if spec.numeric else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            if spec.tooltip_field is not None and row[spec.tooltip_field]:
                return str(row[spec.tooltip_field])
            return None
        if role == ID_ROLE:
            return row[0]
        if role == ROW_ROLE:
            return row
        return None


class RowTableModel(ColumnsMixin, QAbstractTableModel):
    """All rows in memory: for the short lists (animators, volunteers, schedule tasks, indicators)."""

    def __init__(self, columns: Sequence[Column], parent=None, *,
                 bold_if: Callable[[tuple], bool] | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[tuple] = []
        self._bold_if = bold_if

    # ---- Qt overrides (the counts, header and flags are ColumnsMixin's)
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        row = self._row_for(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.FontRole:
            if self._bold_if is not None and self._bold_if(row):
                font = QFont()
                font.setBold(True)
                return font
            return None
        return self.cell_data(row, index.column(), role)

    # ---- Our API
    def set_rows(self, rows: Sequence[tuple]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[tuple]:
        return list(self._rows)

    def row_at(self, row: int) -> tuple:
        return self._rows[row]
