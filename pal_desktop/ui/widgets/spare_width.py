"""The width a list has to spare goes to the columns that need it, by meaning: each column with a share
(the topic 3, the place 2, the leader 2…) gets that part of what the fixed columns leave; a window too
narrow takes from them in the same parts. Once the person drags a column's edge, or their own widths are restored, the
columns are theirs and keep the widths they chose.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class SpareWidth(QObject):
    def __init__(self, table: QTableView, shares: dict[int, int]) -> None:
        super().__init__(table)
        self.table, self.shares = table, {c: s for c, s in shares.items() if s > 0}
        header = table.horizontalHeader()
        self.minimum = {c: header.sectionSize(c) for c in self.shares}
        self.chosen_by_user = False
        self._setting = False
        for column in self.shares:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)
        self.apply()

    def _resized(self, *_args) -> None:
        if not self._setting:
            self.chosen_by_user = True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False

    def apply(self) -> None:
        if self.chosen_by_user or not self.shares:
            return
        header = self.table.horizontalHeader()
        fixed = sum(header.sectionSize(c) for c in range(header.count())
                    if c not in self.shares and not header.isSectionHidden(c))
        # On a narrow window the sharing columns give up width too, down to half their starting width, rather
        # than push the last columns out of sight.
        spare = self.table.viewport().width() - fixed - sum(self.minimum.values())
        total = sum(self.shares.values())
        self._setting = True
        try:
            for column, share in self.shares.items():
                floor = max(48, self.minimum[column] // 2)
                header.resizeSection(column, max(floor, self.minimum[column] + spare * share // total))
        finally:
            self._setting = False


__all__ = ["SpareWidth"]
