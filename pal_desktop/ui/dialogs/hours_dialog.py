"""Godziny wolontariusza: one day's hours with the task or event and what was done.

"Zapisz i dodaj następny" keeps the form open for the next day (the date moves on by a day, the task and
the activity stay), so a month of hours copied from a paper timesheet is typed in one sitting. A date
outside every agreement, a negative or impossible number of hours, or more than 24 hours on one day are
refused beside the field, and nothing is saved.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget

from pal_desktop.domain import volunteering
from pal_desktop.errors import PalError
from pal_desktop.services import volunteer_agreements, volunteer_hours, volunteers
from pal_desktop.ui.widgets.volunteer_form import HINT_STYLE, FormDialog

#: The schedule task volunteers' hours belong to unless another is chosen (seed IX, task 6).
VOLUNTEERING_TASK = 6


class HoursDialog(FormDialog):
    def __init__(self, db, volunteer_id: int, programme_id: int | None, hours_id: int | None = None,
                 parent: QWidget | None = None, *, start_date: dt.date | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.volunteer_id = volunteer_id
        self.programme_id = programme_id
        self.hours_id = hours_id
        self.saved_ids: list[int] = []
        self.saved_hours = Decimal(0)
        person = volunteers.get_volunteer(db, volunteer_id)
        self.setObjectName("hoursDialog")
        title = self.tr("Godziny wolontariusza") if hours_id is None else self.tr("Zmiana wpisu godzin")
        self.setWindowTitle(f"{title} — {person.name}")
        self.setAccessibleName(title)

        form = self.new_form()
        agreements = volunteer_agreements.agreements_of(db, volunteer_id)
        periods = ", ".join(f"{a.number}: {a.start_date:%d.%m.%Y}–{a.end_date:%d.%m.%Y}" for a in agreements)
        self.agreements_label = QLabel(periods or self.tr("brak porozumień — najpierw zapisz porozumienie"), self)
        self.agreements_label.setObjectName("agreementPeriods")
        self.agreements_label.setWordWrap(True)
        self.agreements_label.setStyleSheet(HINT_STYLE)
        form.addRow(self.tr("Porozumienia:"), self.agreements_label)
        self.work_date = self.date(form, "work_date", self.tr("&Data:"), self.tr("Data"))
        self.hours = self.line(form, "hours", self.tr("&Liczba godzin:"), self.tr("Liczba godzin"),
                               placeholder=self.tr("np. 2,5"), max_length=8)
        self.hours.setMaximumWidth(120)
        self.hours.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.task = self.combo(form, "task_id", self.tr("&Zadanie:"), self.tr("Zadanie harmonogramu"))
        self.task.addItem(self.tr("(bez zadania)"), None)
        default_task = None
        for choice in volunteer_hours.task_choices(db, programme_id):
            self.task.addItem(choice.text, choice.id)
            if choice.text.startswith(f"{VOLUNTEERING_TASK}. "):
                default_task = choice.id
        if default_task is not None:
            self.task.setCurrentIndex(self.task.findData(default_task))
        self.event = self.combo(form, "event_id", self.tr("&Wydarzenie:"), self.tr("Wydarzenie"),
                                hint=self.tr("wydarzenia z tego dnia; wybierz, jeśli godziny dotyczą wydarzenia"))
        self.activity = self.line(form, "activity", self.tr("&Czynności:"), self.tr("Czynności"), max_length=300,
                                  placeholder=self.tr("np. dyżur w świetlicy, pomoc przy pikniku"))
        self.day_hint = QLabel(self)
        self.day_hint.setObjectName("dayHint")
        self.day_hint.setStyleSheet(HINT_STYLE)
        form.addRow("", self.day_hint)
        self.session_label = QLabel(self)
        self.session_label.setObjectName("sessionSummary")
        self.next_button = QPushButton(self.tr("Zapisz i dodaj &następny"), self)
        self.next_button.setObjectName("saveNextButton")
        self.next_button.setAccessibleName(self.tr("Zapisz i dodaj następny dzień"))
        self.next_button.setToolTip(self.tr("Zapisz ten dzień i wpisz kolejny (data przesunie się o jeden dzień)"))
        self.next_button.clicked.connect(self.save_and_next)
        self.next_button.setVisible(hours_id is None)
        self.finish(form, self.session_label, extra_buttons=[self.next_button])
        self.resize(640, 0)

        self.work_date.sig_changed.connect(self._on_date_changed)
        self.loaded = None
        if hours_id is not None:
            entry = self.loaded = volunteer_hours.get_hours(db, hours_id)
            self.work_date.set_date(entry.work_date)
            self.hours.setText(volunteering.hours_text(entry.hours))
            self.activity.setText(entry.activity)
            index = self.task.findData(entry.task_id)
            self.task.setCurrentIndex(index if index >= 0 else 0)
            self._on_date_changed()
            index = self.event.findData(entry.event_id)
            self.event.setCurrentIndex(index if index >= 0 else 0)
        else:
            self.work_date.set_date(start_date)
            self._on_date_changed()
        self.session_label.hide()
        self.work_date.setFocus()

    def _on_date_changed(self) -> None:
        day = self.work_date.date()
        self.event.blockSignals(True)
        self.event.clear()
        self.event.addItem(self.tr("(bez wydarzenia)"), None)
        for choice in volunteer_hours.event_choices(self._db, day, self.programme_id):
            self.event.addItem(choice.text, choice.id)
        self.event.blockSignals(False)
        logged = Decimal(0)
        if day is not None:
            logged = sum((r.hours for r in volunteer_hours.hours_of(self._db, self.volunteer_id, day, day)
                          if r.id != self.hours_id), Decimal(0))
        if logged:
            self.day_hint.setText(self.tr("Tego dnia zapisano już {hours} godz.").format(
                hours=volunteering.hours_text(logged)))
            self.day_hint.show()
        else:
            self.day_hint.hide()

    def data(self) -> volunteer_hours.HoursInput:
        return volunteer_hours.HoursInput(
            volunteer_id=self.volunteer_id, work_date=self.date_value("work_date"), hours=self.hours.text(),
            activity=self.activity.text(), task_id=self.task.currentData(), event_id=self.event.currentData())

    def submit(self) -> None:
        data = self.data()
        if self.hours_id is None:
            self.saved_ids.append(volunteer_hours.add_hours(self._db, data))
        else:
            from pal_desktop.ui.dialogs.conflict_dialog import save_resolving_conflicts

            save_resolving_conflicts(
                self, lambda mine, base: volunteer_hours.update_hours(self._db, self.hours_id, mine, base=base),
                data, self.loaded)
        self.saved_hours += volunteering.parse_hours(data.hours)

    def save_and_next(self) -> bool:
        """Save this day and get ready for the next one; False (and the error shown) when refused."""
        self.clear_error()
        try:
            self.submit()
        except PalError as error:
            self.show_error(error)
            return False
        day = self.work_date.date()
        self.session_label.setText(self.tr("Zapisano w tym oknie: {count} wpis(y), razem {hours} godz.").format(
            count=len(self.saved_ids), hours=volunteering.hours_text(self.saved_hours)))
        self.session_label.show()
        self.cancel_button.setText(self.tr("Zamknij"))
        self.cancel_button.setAccessibleName(self.tr("Zamknij"))
        self.work_date.set_date(day + dt.timedelta(days=1) if day else None)
        self.hours.clear()
        self.event.setCurrentIndex(0)
        self.work_date.setFocus()
        self.work_date.edit.selectAll()
        self.mark_clean()
        return True

    def reject(self) -> None:
        # Days saved with "Zapisz i dodaj następny" stay saved: closing reports them like "Zapisz" would.
        if not self.may_discard():
            return
        if self.saved_ids and self.hours_id is None:
            self.accept()
        else:
            QDialog.reject(self)
