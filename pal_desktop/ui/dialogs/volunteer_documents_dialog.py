"""The small forms before a volunteer document is printed: the month of a timesheet, the period of the hours
summary, gala list or thank-you letters, and the assessment text of an opinion."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from pal_desktop.domain import volunteering
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import volunteer_agreements, volunteer_hours, volunteers
from pal_desktop.services.volunteer_reports import month_label
from pal_desktop.ui.widgets.volunteer_form import FormDialog


class PeriodDialog(FormDialog):
    """From and to dates, with buttons for this year, last year and the programme's period."""

    def __init__(self, title: str, action: str, parent: QWidget | None = None, *,
                 programme_period: tuple[dt.date, dt.date] | None = None, initial: tuple[dt.date, dt.date] | None = None,
                 print_document=None) -> None:
        super().__init__(parent)
        self.setObjectName("periodDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._print = print_document
        self.period: tuple[dt.date, dt.date] | None = None
        form = self.new_form()
        self.date_from = self.date(form, "date_from", self.tr("&Od:"), self.tr("Początek okresu"))
        self.date_to = self.date(form, "date_to", self.tr("&Do:"), self.tr("Koniec okresu"))
        quick = QWidget(self)
        row = QHBoxLayout(quick)
        row.setContentsMargins(0, 0, 0, 0)
        today = dt.date.today()
        choices = [(self.tr("Bieżący rok"), (dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))),
                   (self.tr("Poprzedni rok"), (dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)))]
        if programme_period is not None:
            choices.append((self.tr("Cały program"), programme_period))
        for text, (start, end) in choices:
            button = QPushButton(text, quick)
            button.setAccessibleName(text)
            button.clicked.connect(lambda _c=False, s=start, e=end: self._set(s, e))
            row.addWidget(button)
        row.addStretch(1)
        form.addRow("", quick)
        self.save_button.setText(action)
        self.save_button.setAccessibleName(action.replace("&", ""))
        self.finish(form)
        self.resize(520, 0)
        self._set(*(initial or programme_period or choices[0][1]))

    def _set(self, start: dt.date, end: dt.date) -> None:
        self.date_from.set_date(start)
        self.date_to.set_date(end)

    def submit(self) -> None:
        start, end = self.date_value("date_from"), self.date_value("date_to")
        volunteering.check_period(start, end)
        self.period = (start, end)
        if self._print is not None:
            self._print(start, end)


class MonthDialog(FormDialog):
    """The month of a volunteer's timesheet: months within their agreements, newest first, with the hours."""

    def __init__(self, db, volunteer_id: int, parent: QWidget | None = None, *, print_document=None) -> None:
        super().__init__(parent)
        self.setObjectName("monthDialog")
        person = volunteers.get_volunteer(db, volunteer_id)
        self.setWindowTitle(self.tr("Karta pracy — {name}").format(name=person.name))
        self.setAccessibleName(self.tr("Karta pracy wolontariusza"))
        self._print = print_document
        self.month: tuple[int, int] | None = None
        form = self.new_form()
        self.month_combo: QComboBox = self.combo(form, "month", self.tr("&Miesiąc:"), self.tr("Miesiąc"))
        hours = {}
        for row in volunteer_hours.hours_of(db, volunteer_id):
            key = (row.work_date.year, row.work_date.month)
            hours[key] = hours.get(key, 0) + row.hours
        months = set(hours)
        for agreement in volunteer_agreements.agreements_of(db, volunteer_id):
            day = agreement.start_date.replace(day=1)
            while day <= agreement.end_date and len(months) < 400:
                months.add((day.year, day.month))
                day = (day + dt.timedelta(days=32)).replace(day=1)
        for year, month in sorted(months, reverse=True):
            logged = hours.get((year, month))
            text = month_label(year, month) + (self.tr(" — {hours} godz.").format(
                hours=volunteering.hours_text(logged)) if logged else self.tr(" — brak godzin"))
            self.month_combo.addItem(text, (year, month))
        with_hours = next((i for i in range(self.month_combo.count()) if self.month_combo.itemData(i) in hours), 0)
        self.month_combo.setCurrentIndex(with_hours)
        self.save_button.setText(self.tr("&Drukuj kartę"))
        self.save_button.setAccessibleName(self.tr("Drukuj kartę pracy"))
        self.finish(form)
        self.resize(460, 0)

    def choose(self, year: int, month: int) -> None:
        index = self.month_combo.findData((year, month))
        if index >= 0:
            self.month_combo.setCurrentIndex(index)

    def submit(self) -> None:
        month = self.month_combo.currentData()
        if month is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Wolontariusz nie ma porozumienia — nie ma miesięcy, za które można wydrukować kartę "
                              "pracy."), field="month")
        self.month = month
        if self._print is not None:
            self._print(*month)


class OpinionDialog(FormDialog):
    """The assessment the office writes about the volunteer's work; the rest of the opinion comes from the
    records (periods, scope, hours)."""

    def __init__(self, db, volunteer_id: int, parent: QWidget | None = None, *, print_document=None) -> None:
        super().__init__(parent)
        self.setObjectName("opinionDialog")
        person = volunteers.get_volunteer(db, volunteer_id)
        self.setWindowTitle(self.tr("Opinia o wolontariuszu — {name}").format(name=person.name))
        self.setAccessibleName(self.tr("Opinia o wolontariuszu"))
        self._print = print_document
        form = self.new_form()
        self.assessment = self.text(
            form, "assessment", self.tr("&Ocena:"), self.tr("Ocena wykonywania świadczeń"), height=220,
            hint=self.tr("Okresy, zakres świadczeń i liczba godzin wpiszą się same z ewidencji. Puste wiersze "
                         "dzielą tekst na akapity."),
            placeholder=self.tr("np. Pani Anna wykonywała powierzone zadania sumiennie i z zaangażowaniem, "
                                "nawiązywała dobry kontakt z dziećmi…"))
        self.save_button.setText(self.tr("&Drukuj opinię"))
        self.save_button.setAccessibleName(self.tr("Drukuj opinię"))
        self.finish(form)
        self.resize(680, 0)
        self.assessment.setFocus()

    def submit(self) -> None:
        if self._print is not None:
            self._print(self.assessment.toPlainText())
