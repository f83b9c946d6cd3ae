"""A date typed as dd.mm.rrrr, or picked from a calendar, or left empty ("brak").

Social workers copy dates from paper forms, so the field is a text box: "15.03.2021", "15032021" and
"2021-03-15" are all read, and the text is tidied to dd.mm.rrrr when the field is left. An empty field means
"no date" (e.g. a document not signed yet). The "…" button opens a calendar; "dziś" (optional) puts in
today's date. A text that is not a date is reported by ``error()`` for the form to show beside the field.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

_DIGITS_ONLY = re.compile(r"^\d{8}$")
_DOTTED = re.compile(r"^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date_text(text: str) -> dt.date | None:
    """The date in ``text`` (dd.mm.rrrr, d.m.rrrr, ddmmrrrr or rrrr-mm-dd); None when empty.

    Raises ValueError for text that is not a real date.
    """
    text = text.strip()
    if not text:
        return None
    if _DIGITS_ONLY.match(text):
        return dt.date(int(text[4:]), int(text[2:4]), int(text[:2]))
    match = _DOTTED.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    raise ValueError(text)


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


class DateField(QWidget):
    sig_changed = Signal()
    """The date (or the text) changed, by the user or by ``set_date``."""

    def __init__(self, parent: QWidget | None = None, *, today_button: bool = False,
                 placeholder: str | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder if placeholder is not None else self.tr("dd.mm.rrrr"))
        self.edit.setMaxLength(10)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("00.00.00000") + 16)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("brak — dd.mm.rrrr") + 24)
        self.edit.textChanged.connect(lambda _text: self.sig_changed.emit())
        self.edit.editingFinished.connect(self._tidy)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("…")
        self.calendar_button.setToolTip(self.tr("Wybierz datę z kalendarza"))
        self.calendar_button.setAccessibleName(self.tr("Kalendarz"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.calendar_button.clicked.connect(self.show_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.calendar_button)
        self.today_button = None
        if today_button:
            self.today_button = QToolButton(self)
            self.today_button.setText(self.tr("dziś"))
            self.today_button.setToolTip(self.tr("Wpisz dzisiejszą datę"))
            self.today_button.setAccessibleName(self.tr("Wpisz dzisiejszą datę"))
            self.today_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.today_button.clicked.connect(lambda: self.set_date(dt.date.today()))
            layout.addWidget(self.today_button)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setFocusProxy(self.edit)

    # ---- Value
    def text(self) -> str:
        return self.edit.text()

    def date(self) -> dt.date | None:
        """The date, or None when empty or not a date (see ``error``)."""
        try:
            return parse_date_text(self.edit.text())
        except ValueError:
            return None

    def is_valid(self) -> bool:
        try:
            parse_date_text(self.edit.text())
        except ValueError:
            return False
        return True

    def set_date(self, value: dt.date | None) -> None:
        self.edit.setText(format_date(value))

    def clear(self) -> None:
        self.edit.clear()

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.calendar_button.setVisible(not read_only)
        if self.today_button is not None:
            self.today_button.setVisible(not read_only)

    def is_read_only(self) -> bool:
        return self.edit.isReadOnly()

    # ---- Calendar
    def show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        current = self.date() or dt.date.today()
        calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(qdate: QDate) -> None:
            self.set_date(dt.date(qdate.year(), qdate.month(), qdate.day()))
            menu.close()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        menu.popup(self.calendar_button.mapToGlobal(QPoint(0, self.calendar_button.height())))
        calendar.setFocus()

    def _tidy(self) -> None:
        value = self.date()
        if value is not None and self.edit.text() != format_date(value):
            self.set_date(value)
