"""Which meetings of a series an enrolment (or a removal) covers: the whole series, the meetings from a chosen
date on, or only the meeting the window was opened on.

The date is chosen among the series' own meetings (a date between them would mean nothing). The box is
shown only for a meeting of a series; for a single event the scope is always that event.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QButtonGroup, QComboBox, QGroupBox, QHBoxLayout, QRadioButton, QWidget

from pal_desktop.ui.widgets.date_field import format_date


class SeriesScopeBox(QGroupBox):
    def __init__(self, meetings: list[tuple[int, dt.date]], current: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Zapis i wypisanie obejmują"))
        self.setObjectName("seriesScope")
        self.setAccessibleName(self.tr("Zakres zapisu w cyklu"))
        self.series_radio = QRadioButton(self.tr("całą s&erię"), self)
        self.series_radio.setObjectName("scopeSeries")
        self.series_radio.setAccessibleName(self.tr("Cała seria spotkań"))
        self.from_radio = QRadioButton(self.tr("o&d spotkania z dnia"), self)
        self.from_radio.setObjectName("scopeFromDate")
        self.from_radio.setAccessibleName(self.tr("Od spotkania z wybranego dnia"))
        self.date_combo = QComboBox(self)
        self.date_combo.setObjectName("scopeDate")
        self.date_combo.setAccessibleName(self.tr("Spotkanie, od którego obowiązuje zapis"))
        self._days = [day for _event_id, day in meetings]
        for number, day in enumerate(self._days, start=1):
            self.date_combo.addItem(self.tr("{date} ({number}. spotkanie)").format(date=format_date(day),
                                                                                    number=number))
        # The meeting the window was opened on (Qt's findData cannot compare Python dates).
        self.date_combo.setCurrentIndex(self._days.index(current) if current in self._days else 0)
        self.meeting_radio = QRadioButton(self.tr("tylko &to spotkanie"), self)
        self.meeting_radio.setObjectName("scopeMeeting")
        self.meeting_radio.setAccessibleName(self.tr("Tylko to spotkanie"))
        self.group = QButtonGroup(self)
        for radio in (self.series_radio, self.from_radio, self.meeting_radio):
            self.group.addButton(radio)
        self.series_radio.setChecked(True)
        self.date_combo.setEnabled(False)
        self.from_radio.toggled.connect(self.date_combo.setEnabled)
        self.date_combo.activated.connect(lambda _index: self.from_radio.setChecked(True))
        row = QHBoxLayout(self)
        row.addWidget(self.series_radio)
        row.addWidget(self.from_radio)
        row.addWidget(self.date_combo)
        row.addWidget(self.meeting_radio)
        row.addStretch(1)

    def scope(self):
        """(Scope, from date or None) as chosen."""
        from pal_desktop.services.enrolment import Scope

        if self.from_radio.isChecked():
            return Scope.FROM_DATE, self._days[self.date_combo.currentIndex()] if self._days else None
        if self.meeting_radio.isChecked():
            return Scope.MEETING, None
        return Scope.SERIES, None

    def describe(self) -> str:
        """The scope in words, for the result line."""
        from pal_desktop.services.enrolment import Scope

        scope, day = self.scope()
        if scope == Scope.FROM_DATE:
            return self.tr("spotkania od {date}").format(date=format_date(day))
        if scope == Scope.MEETING:
            return self.tr("tylko to spotkanie")
        return self.tr("cała seria")
