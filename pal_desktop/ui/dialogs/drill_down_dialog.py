"""The records behind a dashboard figure: the people, the events or the volunteers' hours, in a small list;
Enter or a double-click opens the participant's page or the event."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pal_desktop.ui.widgets.date_field import format_date


class DrillDownDialog(QDialog):
    def __init__(self, title: str, headers: Sequence[str], rows: Sequence[tuple], parent=None,
                 on_open: Callable[[int], None] | None = None) -> None:
        """``rows``: (record id or None, cell texts…); ``on_open(record id)`` is the usual open action."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._on_open = on_open
        self._ids = [row[0] for row in rows]
        count = QLabel(self.tr("Pozycji: {count}").format(count=len(rows)), self)
        count.setAccessibleName(self.tr("Liczba pozycji"))
        self.table = QTableWidget(len(rows), len(headers), self)
        self.table.setObjectName("drillDownTable")
        self.table.setAccessibleName(title)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for r, row in enumerate(rows):
            for c, value in enumerate(row[1:]):
                self.table.setItem(r, c, QTableWidgetItem(format_date(value) if hasattr(value, "isoformat")
                                                          else str(value)))
        self.table.resizeColumnsToContents()
        if rows:
            self.table.selectRow(0)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.open_button = QPushButton(self.tr("&Otwórz"), self)
        self.open_button.setAccessibleName(self.tr("Otwórz zaznaczoną pozycję"))
        self.open_button.setEnabled(on_open is not None and bool(rows))
        self.open_button.setDefault(True)  # Enter opens
        self.open_button.clicked.connect(self.open_current)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(count)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 42, self.fontMetrics().height() * 24)

    def names(self) -> list[str]:
        """The first column's texts (the people's names, the events' dates)."""
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current()
            return
        super().keyPressEvent(event)

    def open_current(self) -> None:
        row = self.table.currentRow()
        if self._on_open is None or row < 0 or self._ids[row] is None:
            return
        self._on_open(self._ids[row])
