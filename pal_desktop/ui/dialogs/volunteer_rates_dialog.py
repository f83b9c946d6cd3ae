"""Ustawienia → Stawki według rodzaju pracy…: an hourly rate for each task of the programme.

Volunteer work is valued at the rate of its kind of work (services.volunteer_rates); an empty cell leaves the
task at the single rate of the settings. A rate that is not an amount, or out of range, is shown under the
table naming the task, and the dialog stays open.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.errors import PalError
from pal_desktop.services import volunteer_rates
from pal_desktop.ui.dialogs.small_forms import parse_amount
from pal_desktop.ui.widgets.form_parts import ButtonText, error_label, save_cancel_buttons


def _rate_text(rate: Decimal | None) -> str:
    return f"{rate:.2f}".replace(".", ",") if rate is not None else ""


class VolunteerRatesDialog(QDialog):
    def __init__(self, db, programme_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setObjectName("volunteerRatesDialog")
        self.setWindowTitle(self.tr("Stawki wolontariatu według rodzaju pracy"))
        self.setAccessibleName(self.tr("Stawki wolontariatu według rodzaju pracy"))
        note = QLabel(self.tr("Godzina pracy wolontariusza przy zadaniu jest wyceniana według jego stawki. "
                              "Puste pole: stawka za godzinę wolontariatu z ustawień."), self)
        note.setWordWrap(True)
        self._rows = volunteer_rates.list_task_rates(db, programme_id)
        self.table = QTableWidget(len(self._rows), 2, self)
        self.table.setObjectName("ratesTable")
        self.table.setAccessibleName(self.tr("Zadania programu i ich stawki za godzinę"))
        self.table.setHorizontalHeaderLabels([self.tr("Zadanie (rodzaj pracy)"), self.tr("Stawka (zł/godz.)")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(0, 520)
        self.table.setColumnWidth(1, 140)
        for row, task in enumerate(self._rows):
            name = QTableWidgetItem(task.label)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(_rate_text(task.rate)))
        self.error = error_label(self, "error_rate", self.tr("Błąd stawki"), selectable=True)
        self.buttons, self.save_button, self.cancel_button, _ = save_cancel_buttons(
            self, ButtonText(self.tr("&Zapisz"), self.tr("Zapisz stawki"), self.tr("Zapisz stawki (Ctrl+S)")),
            ButtonText(self.tr("Anuluj"), self.tr("Anuluj zmiany"), self.tr("Zamknij bez zapisywania (Esc)")),
            enter_saves=False)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(720, 480)

    def rate_text(self, row: int) -> str:
        item = self.table.item(row, 1)
        return item.text() if item is not None else ""

    def save(self) -> bool:
        """Store the changed rates; a bad one is shown naming its task, and then nothing is saved."""
        self.error.hide()
        wanted = []
        for row, task in enumerate(self._rows):
            try:
                rate = parse_amount(self.rate_text(row), "rate", task.label)
                volunteer_rates.check_rate(rate)
            except PalError as error:
                self.error.setText(self.tr("{task}: {message}").format(task=task.label, message=error.text()))
                self.error.show()
                self.table.setCurrentCell(row, 1)
                return False
            if rate != task.rate:
                wanted.append((task, rate))
        try:
            for task, rate in wanted:
                volunteer_rates.set_task_rate(self._db, task.task_id, rate)
        except PalError as error:
            self.error.setText(error.text())
            self.error.show()
            return False
        self.accept()
        return True


__all__ = ["VolunteerRatesDialog"]
