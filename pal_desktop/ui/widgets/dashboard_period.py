"""The dashboard's period: this month, quarter or half-year, the whole programme, or any dates."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from pal_desktop.ui.widgets.date_field import DateField

#: (value of services.dashboard.PeriodChoice, its text); the services are imported only when a tab loads.
CHOICES = ("month", "quarter", "half", "programme", "custom")


class PeriodChooser(QWidget):
    sig_changed = Signal()
    """Another period was chosen (for "dowolne daty": after *Przelicz*, with both dates valid)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("periodChooser")
        self.setAccessibleName(self.tr("Okres pulpitu"))
        label = QLabel(self.tr("&Okres:"), self)
        self.combo = QComboBox(self)
        self.combo.setObjectName("periodCombo")
        self.combo.setAccessibleName(self.tr("Okres"))
        texts = (self.tr("ten miesiąc"), self.tr("ten kwartał"), self.tr("to półrocze"), self.tr("cały program"),
                 self.tr("dowolne daty"))
        for value, text in zip(CHOICES, texts, strict=True):
            self.combo.addItem(text, value)
        self.combo.setCurrentIndex(CHOICES.index("programme"))
        label.setBuddy(self.combo)
        self.date_from = DateField(self)
        self.date_from.setAccessibleName(self.tr("Początek okresu"))
        self.date_to = DateField(self)
        self.date_to.setAccessibleName(self.tr("Koniec okresu"))
        self.apply_button = QPushButton(self.tr("Prze&licz"), self)
        self.apply_button.setObjectName("periodApplyButton")
        self.apply_button.setAccessibleName(self.tr("Przelicz dla wpisanych dat"))
        self.apply_button.clicked.connect(self._apply)
        self.range_label = QLabel(self)
        self.range_label.setObjectName("periodRange")
        self.range_label.setAccessibleName(self.tr("Wybrany okres"))
        self._dash = QLabel("–", self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (label, self.combo, self.date_from, self._dash, self.date_to, self.apply_button,
                       self.range_label):
            row.addWidget(widget)
        row.addStretch(1)
        self.combo.currentIndexChanged.connect(self._on_choice)
        self._show_dates()

    def choice(self) -> str:
        return self.combo.currentData()

    def dates(self):
        """(start, end) typed for "dowolne daty" (None where empty or not a date)."""
        return self.date_from.date(), self.date_to.date()

    def set_choice(self, value: str) -> None:
        self.combo.setCurrentIndex(CHOICES.index(value))

    def show_range(self, start, end) -> None:
        from pal_desktop.ui.widgets.date_field import format_date

        self.range_label.setText(f"{format_date(start)} – {format_date(end)}")
        if self.choice() != "custom":
            self.date_from.set_date(start)
            self.date_to.set_date(end)

    def _show_dates(self) -> None:
        custom = self.choice() == "custom"
        for widget in (self.date_from, self._dash, self.date_to, self.apply_button):
            widget.setVisible(custom)
        self.range_label.setVisible(not custom)

    def _on_choice(self, _index: int) -> None:
        self._show_dates()
        if self.choice() != "custom":
            self.sig_changed.emit()

    def _apply(self) -> None:
        start, end = self.dates()
        if start is not None and end is not None:
            self.sig_changed.emit()
