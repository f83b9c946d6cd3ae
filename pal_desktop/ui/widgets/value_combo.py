"""A combo box whose items carry Python values (enum members, None) unchanged.

``QComboBox.addItem(text, member)`` stores a ``StrEnum`` member as a plain string, so ``currentData()`` would
give back "K" instead of ``Sex.FEMALE``. ``ValueCombo`` keeps the values on the Python side, in item order.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget


class ValueCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[Any] = []

    def addItem(self, text: str, value: Any = None) -> None:  # noqa: N802 - Qt's name
        self._values.append(value)
        super().addItem(text)
        super().setItemData(self.count() - 1, text, Qt.ItemDataRole.ToolTipRole)

    def clear(self) -> None:
        self._values.clear()
        super().clear()

    def currentData(self, role: int = Qt.ItemDataRole.UserRole) -> Any:  # noqa: N802 - Qt's name
        if role != Qt.ItemDataRole.UserRole:
            return super().currentData(role)
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def itemData(self, index: int, role: int = Qt.ItemDataRole.UserRole) -> Any:  # noqa: N802 - Qt's name
        if role != Qt.ItemDataRole.UserRole:
            return super().itemData(index, role)
        return self._values[index] if 0 <= index < len(self._values) else None

    def findData(self, value: Any, role: int = Qt.ItemDataRole.UserRole, *args) -> int:  # noqa: N802
        if role != Qt.ItemDataRole.UserRole:
            return super().findData(value, role, *args)
        for index, candidate in enumerate(self._values):
            if candidate is value or (candidate is not None and value is not None and candidate == value
                                      and type(candidate) is type(value)):
                return index
        if value is None:
            return -1
        for index, candidate in enumerate(self._values):  # a plain string for an enum member
            if candidate is not None and candidate == value:
                return index
        return -1

    def set_value(self, value: Any) -> None:
        index = self.findData(value)
        self.setCurrentIndex(index if index >= 0 else 0)
