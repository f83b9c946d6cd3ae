"""The Wolontariusze tab's panel beside the list: the selected volunteer's data, agreements, logged hours and
the totals per month and per task with the value of the work at the hourly rate of the settings.

Its texts keep the translation context of the tab ("VolunteersTab"). Like the tab, this module imports no
service at module level.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.models.row_table_model import Column
from pal_desktop.ui.widgets.volunteer_panels import SmallTable

AGREEMENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Numer"), 1, width=11),
    Column(QT_TRANSLATE_NOOP("Columns", "Okres"), 2, width=20, tooltip_field=5),
    Column(QT_TRANSLATE_NOOP("Columns", "Stan"), 3, width=10, stretch=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Godziny"), 4, width=6, numeric=True),
)
HOURS_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Data"), 1, width=10),
    Column(QT_TRANSLATE_NOOP("Columns", "Godziny"), 2, width=6, numeric=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Zadanie / wydarzenie"), 3, width=14, tooltip_field=3),
    Column(QT_TRANSLATE_NOOP("Columns", "Czynności"), 4, width=12, stretch=True, tooltip_field=5),
)
TOTAL_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Miesiąc / zadanie"), 1, width=18, stretch=True, tooltip_field=1),
    Column(QT_TRANSLATE_NOOP("Columns", "Godziny"), 2, width=6, numeric=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Wartość"), 3, width=10, numeric=True),
)
STATES = {
    "future": QT_TRANSLATE_NOOP("VolunteersTab", "przyszłe"),
    "current": QT_TRANSLATE_NOOP("VolunteersTab", "trwa"),
    "ending": QT_TRANSLATE_NOOP("VolunteersTab", "kończy się wkrótce"),
    "ended": QT_TRANSLATE_NOOP("VolunteersTab", "zakończone"),
}


def _date(value) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


class VolunteerDetailsPanel(QWidget):
    """The selected volunteer in tabs (Dane, Porozumienia, Godziny, Podsumowanie); the buttons call the tab's
    actions (``tab.add_agreement`` and the like)."""

    def __init__(self, tab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteerPanel")
        self.setAccessibleName(QCoreApplication.translate("VolunteersTab", "Zaznaczony wolontariusz"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        self.name_label = QLabel(self)
        self.name_label.setObjectName("volunteerName")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.name_label.setFont(font)
        self.details_tabs = QTabWidget(self)
        self.details_tabs.setObjectName("volunteerDetailsTabs")
        self.details_tabs.setAccessibleName(
            QCoreApplication.translate("VolunteersTab", "Szczegóły wolontariusza"))

        self.details_label = QLabel(self)
        self.details_label.setObjectName("volunteerDetails")
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.RichText)
        self.details_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details_label.setContentsMargins(6, 6, 6, 6)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.agreements = SmallTable(
            AGREEMENT_COLUMNS, QCoreApplication.translate("VolunteersTab", "Porozumienia wolontariusza"),
            self)
        self.agreements.setObjectName("agreementsPanel")
        self.agreements.button(QCoreApplication.translate("VolunteersTab", "&Nowe…"), "addAgreementButton",
                               QCoreApplication.translate("VolunteersTab", "Zapisz nowe porozumienie"),
                               tab.add_agreement)
        self.agreements.button(QCoreApplication.translate("VolunteersTab", "Edytuj…"), "editAgreementButton",
                               QCoreApplication.translate("VolunteersTab", "Zmień zaznaczone porozumienie"),
                               tab.edit_agreement, needs_selection=True)
        self.agreements.button(QCoreApplication.translate("VolunteersTab", "Usuń"), "deleteAgreementButton",
                               QCoreApplication.translate("VolunteersTab", "Usuń zaznaczone porozumienie"),
                               tab.delete_agreement, needs_selection=True)
        self.agreements.button(QCoreApplication.translate("VolunteersTab", "Drukuj"),
                               "printSelectedAgreementButton",
                               QCoreApplication.translate("VolunteersTab", "Porozumienie do podpisu (PDF)"),
                               tab.print_agreement, needs_selection=True)
        self.agreements.add_stretch()
        self.agreements.table.doubleClicked.connect(lambda _index: tab.edit_agreement())

        hours_page = QWidget(self)
        hours_layout = QVBoxLayout(hours_page)
        hours_layout.setContentsMargins(0, 0, 0, 0)
        self.hours = SmallTable(
            HOURS_COLUMNS, QCoreApplication.translate("VolunteersTab", "Godziny wolontariusza"), hours_page)
        self.hours.setObjectName("hoursPanel")
        self.hours.button(QCoreApplication.translate("VolunteersTab", "&Dodaj…"), "addHoursPanelButton",
                          QCoreApplication.translate("VolunteersTab", "Wpisz godziny (kolejne dni)"),
                          tab.add_hours)
        self.hours.button(QCoreApplication.translate("VolunteersTab", "Edytuj…"), "editHoursButton",
                          QCoreApplication.translate("VolunteersTab", "Zmień zaznaczony wpis"),
                          tab.edit_hours, needs_selection=True)
        self.hours.button(QCoreApplication.translate("VolunteersTab", "Usuń"), "deleteHoursButton",
                          QCoreApplication.translate("VolunteersTab", "Usuń zaznaczony wpis"),
                          tab.delete_hours, needs_selection=True)
        self.hours.button(QCoreApplication.translate("VolunteersTab", "&Karta pracy…"), "timesheetButton",
                          QCoreApplication.translate("VolunteersTab", "Karta pracy za miesiąc (PDF)"),
                          tab.print_timesheet)
        self.hours.add_stretch()
        self.hours.table.doubleClicked.connect(lambda _index: tab.edit_hours())
        self.hours_total_label = QLabel(hours_page)
        self.hours_total_label.setObjectName("hoursTotal")
        self.hours_total_label.setContentsMargins(6, 0, 6, 4)
        self.hours_total_label.setWordWrap(True)
        hours_layout.addWidget(self.hours, 1)
        hours_layout.addWidget(self.hours_total_label)

        totals_page = QWidget(self)
        totals_layout = QVBoxLayout(totals_page)
        totals_layout.setContentsMargins(0, 0, 0, 0)
        self.month_totals = SmallTable(TOTAL_COLUMNS,
                                       QCoreApplication.translate("VolunteersTab", "Godziny według miesięcy"),
                                       totals_page)
        self.month_totals.setObjectName("monthTotals")
        self.task_totals = SmallTable(
            TOTAL_COLUMNS, QCoreApplication.translate("VolunteersTab", "Godziny według zadań"), totals_page)
        self.task_totals.setObjectName("taskTotals")
        self.value_label = QLabel(totals_page)
        self.value_label.setObjectName("valueLabel")
        self.value_label.setWordWrap(True)
        self.value_label.setContentsMargins(6, 4, 6, 4)
        totals_layout.addWidget(self.value_label)
        totals_layout.addWidget(self.month_totals, 3)
        totals_layout.addWidget(self.task_totals, 2)

        self.details_tabs.addTab(self.details_label, QCoreApplication.translate("VolunteersTab", "Dane"))
        self.details_tabs.addTab(self.agreements, QCoreApplication.translate("VolunteersTab", "Porozumienia"))
        self.details_tabs.addTab(hours_page, QCoreApplication.translate("VolunteersTab", "Godziny"))
        self.details_tabs.addTab(totals_page, QCoreApplication.translate("VolunteersTab", "Podsumowanie"))
        layout.addWidget(self.name_label)
        layout.addWidget(self.details_tabs, 1)

    def show_volunteer(self, db, volunteer_id: int | None) -> None:
        """Show the volunteer (None: the hint to select one)."""
        if volunteer_id is None:
            self.name_label.setText(
                QCoreApplication.translate("VolunteersTab", "Zaznacz wolontariusza na liście"))
            self.details_label.setText(QCoreApplication.translate(
                "VolunteersTab", "Tu zobaczysz jego dane, porozumienia, godziny i ich wartość."))
            for table in (self.agreements, self.hours, self.month_totals, self.task_totals):
                table.set_rows([])
            self.hours_total_label.clear()
            self.value_label.clear()
            self.details_tabs.setEnabled(False)
            return
        from pal_desktop.domain import volunteering
        from pal_desktop.services import volunteer_agreements, volunteer_hours, volunteers

        person = volunteers.get_volunteer(db, volunteer_id)
        self.name_label.setText(person.name)
        self.details_tabs.setEnabled(True)
        from pal_desktop.services.organisation import child_check_months

        self._check_months = child_check_months(db)
        self.details_label.setText(self._details_html(person))
        self.agreements.set_rows([
            (a.id, a.number, f"{_date(a.start_date)} – {_date(a.end_date)}",
             self._state_text(a), volunteering.hours_text(a.hours), a.scope)
            for a in volunteer_agreements.agreements_of(db, volunteer_id)])
        if self.agreements.current_id() is None and self.agreements.model.rowCount():
            self.agreements.select(self.agreements.model.rows()[-1][0])  # the newest, for "Drukuj"
        rows = volunteer_hours.hours_of(db, volunteer_id)
        outside = QCoreApplication.translate("VolunteersTab", "POZA POROZUMIENIEM — ")
        self.hours.set_rows([
            (r.id, _date(r.work_date), volunteering.hours_text(r.hours), r.event_title or r.task_name,
             (outside if r.outside_agreement else "") + r.activity,
             r.activity or r.task_name)
            for r in reversed(rows)])
        totals = volunteer_hours.totals(rows, volunteer_hours.hour_rate(db))
        value = self._value_text(totals)
        self.hours_total_label.setText(QCoreApplication.translate(
            "VolunteersTab", "Razem: {hours} godz. w {days} dniach · wartość pracy: {value}").format(
            hours=volunteering.hours_text(totals.total), days=totals.days, value=value))
        rate = volunteer_hours.hour_rate(db)
        self.value_label.setText(QCoreApplication.translate(
            "VolunteersTab", "Łącznie {hours} godz. · wartość pracy wolontariusza: {value}").format(
            hours=volunteering.hours_text(totals.total), value=value))
        self.month_totals.set_rows([
            (n, month, volunteering.hours_text(hours), self._money(volunteering.work_value(hours, rate)))
            for n, (month, hours) in enumerate(reversed(totals.per_month), start=1)])
        no_task = QCoreApplication.translate("VolunteersTab", "(bez zadania)")
        self.task_totals.set_rows([
            (n, task or no_task, volunteering.hours_text(hours),
             self._money(volunteering.work_value(hours, rate)))
            for n, (task, hours) in enumerate(totals.per_task, start=1)])

    def _details_html(self, person) -> str:
        from html import escape

        from pal_desktop.domain import volunteering

        today = dt.date.today()
        rows = []

        def add(label: str, value: str) -> None:
            rows.append(f"<tr><td style='padding-right:10px'><b>{escape(label)}</b></td>"
                        f"<td>{escape(value) if value else '—'}</td></tr>")

        add(QCoreApplication.translate("VolunteersTab", "Data urodzenia"), _date(person.birth_date))
        add(QCoreApplication.translate("VolunteersTab", "Telefon"), person.phone)
        add(QCoreApplication.translate("VolunteersTab", "E-mail"), person.email)
        add(QCoreApplication.translate("VolunteersTab", "Adres"), person.address)
        add(QCoreApplication.translate("VolunteersTab", "Umiejętności"), person.skills)
        add(QCoreApplication.translate("VolunteersTab", "Dostępność"), person.availability)
        if person.works_with_children:
            for label, value in ((QCoreApplication.translate("VolunteersTab", "Rejestr sprawców"),
                                  person.register_check_date),
                                 (QCoreApplication.translate("VolunteersTab", "Informacja z KRK"),
                                  person.criminal_record_date)):
                months = getattr(self, "_check_months", volunteering.CHECK_VALID_MONTHS)
                state = volunteering.check_state(value, today, months)
                if value is None:
                    add(label, QCoreApplication.translate("VolunteersTab", "BRAK"))
                else:
                    # the office's policy of re-checks, not an expiry in the act
                    until = _date(volunteering.check_valid_until(value, months))
                    text = {
                        "expired": QCoreApplication.translate(
                            "VolunteersTab", "{date} — do powtórzenia wg polityki ośrodka (termin minął {until})"),
                        "expiring": QCoreApplication.translate(
                            "VolunteersTab", "{date} — do powtórzenia wg polityki ośrodka do {until}"),
                        "valid": QCoreApplication.translate(
                            "VolunteersTab", "{date} — następne sprawdzenie wg polityki ośrodka do {until}"),
                    }[state]
                    add(label, text.format(date=_date(value), until=until))
        else:
            add(QCoreApplication.translate("VolunteersTab", "Praca z dziećmi"),
                QCoreApplication.translate("VolunteersTab", "nie"))
        if person.guardian_consent_date or volunteering.is_minor(person.birth_date, today):
            add(QCoreApplication.translate("VolunteersTab", "Zgoda opiekuna"),
                _date(person.guardian_consent_date) or QCoreApplication.translate("VolunteersTab", "BRAK"))
        add(QCoreApplication.translate("VolunteersTab", "Status"),
            QCoreApplication.translate("VolunteersTab", "aktywny") if person.active
            else QCoreApplication.translate("VolunteersTab", "nieaktywny"))
        if person.notes:
            add(QCoreApplication.translate("VolunteersTab", "Uwagi"), person.notes)
        return "<table>" + "".join(rows) + "</table>"

    def _state_text(self, agreement) -> str:
        text = QCoreApplication.translate("VolunteersTab", STATES[agreement.state])
        if not agreement.written_form:
            text += QCoreApplication.translate("VolunteersTab", ", ustne")
        if agreement.nnw_insurance:
            text += QCoreApplication.translate("VolunteersTab", ", NNW")
        return text

    def _money(self, value) -> str:
        from pal_desktop.services import volunteer_hours
        from pal_desktop.services.formatting import format_money

        return format_money(value) if value is not None else \
            self._translate_notice(volunteer_hours.NO_RATE)

    def _value_text(self, totals) -> str:
        return totals.value_text if totals.value is not None else self._translate_notice(totals.value_text)

    @staticmethod
    def _translate_notice(text: str) -> str:
        return QCoreApplication.translate("Volunteers", text)
