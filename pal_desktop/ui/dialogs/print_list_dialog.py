"""Drukuj listę obecności: which list (this session's, or a series' month grid), its blank rows and optional
columns, and the copies. *Drukuj…* goes straight to the printer's dialog; *Podgląd* shows the pages first.

The choices are remembered for the person at this PC (ui.preferences): an office prints the same kind of
list every week.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.services.attendance_lists import DEFAULT_BLANK_ROWS, MAX_BLANK_ROWS, ListOptions
from pal_desktop.ui import preferences
from pal_desktop.ui.widgets.date_field import format_date
from pal_desktop.ui.widgets.month_calendar import month_title

PREFIX = "attendanceList/"


class PrintListDialog(QDialog):
    """After ``exec``: ``choice()`` ("event", None) or ("month", (year, month)), ``options()``, ``copies()``
    and ``print_now`` (True: *Drukuj…*, False: *Podgląd*). ``sessions`` is None for a single event."""

    def __init__(self, detail, sessions: list | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.print_now = True
        self.setObjectName("printListDialog")
        self.setWindowTitle(self.tr("Drukuj listę obecności"))
        self.setAccessibleName(self.tr("Drukuj listę obecności"))
        layout = QVBoxLayout(self)
        self.event_radio = QRadioButton(self.tr("Lista na &to spotkanie ({date})").format(
            date=format_date(detail.event_date)), self)
        self.event_radio.setAccessibleName(self.tr("Lista na to spotkanie"))
        self.event_radio.setChecked(True)
        self.month_radio = QRadioButton(self.tr("&Miesięczna lista cyklu (wszystkie spotkania miesiąca):"), self)
        self.month_radio.setAccessibleName(self.tr("Miesięczna lista cyklu"))
        self.month_combo = QComboBox(self)
        self.month_combo.setObjectName("monthCombo")
        self.month_combo.setAccessibleName(self.tr("Miesiąc listy cyklu"))
        if sessions is not None:
            intro = QLabel(self.tr("„{title}” to spotkanie cyklu zajęć. Którą listę wydrukować?").format(
                title=detail.title), self)
            intro.setWordWrap(True)
            layout.addWidget(intro)
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
            self.month_radio.toggled.connect(self._sync)
            self.month_combo.activated.connect(lambda _i: self.month_radio.setChecked(True))
            for widget in (self.event_radio, self.month_radio, self.month_combo):
                layout.addWidget(widget)
        else:
            for widget in (self.event_radio, self.month_radio, self.month_combo):
                widget.hide()

        box = QGroupBox(self.tr("Wygląd listy"), self)
        form = QFormLayout(box)
        self.blank_rows = QSpinBox(box)
        self.blank_rows.setObjectName("blankRows")
        self.blank_rows.setAccessibleName(self.tr("Puste wiersze na osoby spoza zapisów"))
        self.blank_rows.setRange(0, MAX_BLANK_ROWS)
        self.blank_rows.setValue(preferences.number(PREFIX + "blankRows", DEFAULT_BLANK_ROWS))
        form.addRow(self.tr("&Puste wiersze:"), self.blank_rows)
        self.fill_page = self._check(box, "fillPage", self.tr("&Wypełnij stronę pustymi wierszami"),
                                     self.tr("Wypełnij stronę pustymi wierszami"))
        self.fill_page.toggled.connect(self._sync)
        form.addRow("", self.fill_page)
        self.birth_dates = self._check(box, "birthDates", self.tr("Kolumna z &datą urodzenia"),
                                       self.tr("Kolumna z datą urodzenia"))
        form.addRow("", self.birth_dates)
        self.guardian = self._check(box, "guardianSignature", self.tr("Kolumna na podpis &rodzica lub opiekuna"),
                                    self.tr("Kolumna na podpis rodzica lub opiekuna"))
        form.addRow("", self.guardian)
        self.copies_spin = QSpinBox(box)
        self.copies_spin.setObjectName("copies")
        self.copies_spin.setAccessibleName(self.tr("Liczba egzemplarzy"))
        self.copies_spin.setRange(1, 20)
        self.copies_spin.setValue(preferences.number(PREFIX + "copies", 1))
        form.addRow(self.tr("Liczba &egzemplarzy:"), self.copies_spin)
        layout.addWidget(box)

        buttons = QDialogButtonBox(self)
        self.print_button = buttons.addButton(self.tr("&Drukuj…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setAccessibleName(self.tr("Drukuj wybraną listę"))
        self.print_button.setDefault(True)
        self.preview_button = buttons.addButton(self.tr("Pod&gląd"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setAccessibleName(self.tr("Podgląd listy przed drukiem"))
        cancel = buttons.addButton(self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Anuluj"))
        self.print_button.clicked.connect(lambda: self._finish(True))
        self.preview_button.clicked.connect(lambda: self._finish(False))
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._sync()
        self.print_button.setFocus()

    def _check(self, parent: QWidget, name: str, text: str, accessible: str) -> QCheckBox:
        box = QCheckBox(text, parent)
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setChecked(preferences.flag(PREFIX + name))
        return box

    def _sync(self) -> None:
        self.blank_rows.setEnabled(not self.fill_page.isChecked())
        single = not self.month_radio.isChecked()
        # The month grid has a column per date: no room for the optional columns, and it is never "filled".
        for box in (self.fill_page, self.birth_dates, self.guardian):
            box.setEnabled(single)

    def _finish(self, print_now: bool) -> None:
        self.print_now = print_now
        preferences.set_value(PREFIX + "blankRows", self.blank_rows.value())
        preferences.set_value(PREFIX + "copies", self.copies_spin.value())
        for box in (self.fill_page, self.birth_dates, self.guardian):
            preferences.set_value(PREFIX + box.objectName(), box.isChecked())
        self.accept()

    def choice(self) -> tuple[str, tuple[int, int] | None]:
        if self.month_radio.isChecked():
            return "month", self.month_combo.currentData()
        return "event", None

    def options(self) -> ListOptions:
        single = not self.month_radio.isChecked()
        return ListOptions(blank_rows=self.blank_rows.value(), fill_page=single and self.fill_page.isChecked(),
                           birth_dates=single and self.birth_dates.isChecked(),
                           guardian_signature=single and self.guardian.isChecked())

    def copies(self) -> int:
        return self.copies_spin.value()
