"""Drukuj listę obecności for a session of a series: this session's list, or the series' grid for a month."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.ui.widgets.date_field import format_date
from pal_desktop.ui.widgets.month_calendar import month_title


class PrintListDialog(QDialog):
    """``choice()`` after ``exec``: ("event", None) or ("month", (year, month))."""

    def __init__(self, detail, sessions: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printListDialog")
        self.setWindowTitle(self.tr("Drukuj listę obecności"))
        self.setAccessibleName(self.tr("Drukuj listę obecności"))
        intro = QLabel(self.tr("„{title}” to spotkanie cyklu zajęć. Którą listę wydrukować?").format(
            title=detail.title), self)
        intro.setWordWrap(True)
        self.event_radio = QRadioButton(self.tr("Lista na &to spotkanie ({date})").format(
            date=format_date(detail.event_date)), self)
        self.event_radio.setAccessibleName(self.tr("Lista na to spotkanie"))
        self.event_radio.setChecked(True)
        self.month_radio = QRadioButton(self.tr("&Miesięczna lista cyklu (wszystkie spotkania miesiąca):"), self)
        self.month_radio.setAccessibleName(self.tr("Miesięczna lista cyklu"))
        self.month_combo = QComboBox(self)
        self.month_combo.setObjectName("monthCombo")
        self.month_combo.setAccessibleName(self.tr("Miesiąc listy cyklu"))
        months: dict[tuple[int, int], int] = {}
        for _event_id, day in sessions:
            months[(day.year, day.month)] = months.get((day.year, day.month), 0) + 1
        for (year, month), count in months.items():
            self.month_combo.addItem(self.tr("{month} — spotkań: {count}").format(
                month=month_title(year, month), count=count), (year, month))
        index = self.month_combo.findData((detail.event_date.year, detail.event_date.month))
        self.month_combo.setCurrentIndex(max(0, index))
        self.month_combo.setEnabled(False)
        self.month_radio.toggled.connect(self.month_combo.setEnabled)
        self.month_combo.activated.connect(lambda _i: self.month_radio.setChecked(True))
        buttons = QDialogButtonBox(self)
        self.print_button = buttons.addButton(self.tr("&Drukuj"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setAccessibleName(self.tr("Drukuj wybraną listę"))
        self.print_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Anuluj"))
        self.print_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.event_radio)
        layout.addWidget(self.month_radio)
        layout.addWidget(self.month_combo)
        layout.addWidget(buttons)

    def choice(self) -> tuple[str, tuple[int, int] | None]:
        if self.month_radio.isChecked():
            return "month", self.month_combo.currentData()
        return "event", None
