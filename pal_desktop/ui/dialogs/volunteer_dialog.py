"""Nowy wolontariusz / Edycja wolontariusza: contact, skills and availability, work with children (then the
register check and the criminal-record certificate are required, and how long they stay valid is shown), and a
minor's guardian consent (the travel-cost waiver is in the agreement's form)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pal_desktop.domain import volunteering
from pal_desktop.services import volunteers
from pal_desktop.ui.widgets.volunteer_form import HINT_STYLE, WARNING_STYLE, FormDialog


class VolunteerDialog(FormDialog):
    def __init__(self, db, volunteer_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        from pal_desktop.services.organisation import child_check_months

        self._check_months = child_check_months(db)
        self.volunteer_id = volunteer_id
        self.saved_id: int | None = None
        self.warnings: tuple = ()
        self._version: int | None = None
        self.setObjectName("volunteerDialog")
        self.setWindowTitle(self.tr("Nowy wolontariusz") if volunteer_id is None else self.tr("Edycja wolontariusza"))
        self.setAccessibleName(self.windowTitle())

        person_box = QGroupBox(self.tr("Dane i kontakt"), self)
        person = self.new_form()
        person_box.setLayout(person)
        self.first_name = self.line(person, "first_name", self.tr("&Imię:"), self.tr("Imię"), max_length=100)
        self.last_name = self.line(person, "last_name", self.tr("&Nazwisko:"), self.tr("Nazwisko"), max_length=150)
        self.birth_date = self.date(person, "birth_date", self.tr("Data &urodzenia:"), self.tr("Data urodzenia"),
                                    today_button=False)
        self.phone = self.line(person, "phone", self.tr("&Telefon:"), self.tr("Telefon"), max_length=40)
        self.email = self.line(person, "email", self.tr("&E-mail:"), self.tr("E-mail"), max_length=200)
        self.address = self.line(person, "address", self.tr("&Adres:"), self.tr("Adres"), max_length=300,
                                 placeholder=self.tr("ulica, numer, miejscowość"))

        work_box = QGroupBox(self.tr("Wolontariat"), self)
        work = self.new_form()
        work_box.setLayout(work)
        self.skills = self.text(work, "skills", self.tr("&Umiejętności:"), self.tr("Umiejętności"), height=48,
                                placeholder=self.tr("np. prace plastyczne, pomoc w lekcjach, prawo jazdy"))
        self.availability = self.text(work, "availability", self.tr("&Dostępność:"), self.tr("Dostępność"),
                                      height=40, placeholder=self.tr("np. wtorki i czwartki po 15:00, weekendy"))
        # The travel-cost waiver is a term of the agreement (art. 45 ust. 1 pkt 4): it is in the agreement's form.
        self.active = self.check(work, "active", self.tr("A&ktywny wolontariusz"), self.tr("Aktywny wolontariusz"))
        self.active.setChecked(True)
        self.notes = self.text(work, "notes", self.tr("U&wagi:"), self.tr("Uwagi"), height=40)

        checks_box = QGroupBox(self.tr("Praca z dziećmi i osoba niepełnoletnia"), self)
        checks = self.new_form()
        checks_box.setLayout(checks)
        self.children = self.check(checks, "works_with_children", self.tr("&Pracuje z dziećmi"),
                                   self.tr("Pracuje z dziećmi"),
                                   hint=self.tr("wymaga sprawdzenia w rejestrze sprawców i informacji z KRK"))
        self.register_check = self.date(checks, "register_check_date", self.tr("&Rejestr sprawców:"),
                                        self.tr("Sprawdzenie w Rejestrze Sprawców Przestępstw na Tle Seksualnym"))
        self.criminal_record = self.date(checks, "criminal_record_date", self.tr("Informacja z &KRK:"),
                                         self.tr("Informacja z Krajowego Rejestru Karnego"))
        # art. 21 ust. 4-7 of the 2016 act: the countries lived in over the last 20 years and their records
        self.residence_statement = self.date(checks, "residence_statement_date",
                                             self.tr("Oświadczenie o krajach (20 &lat):"),
                                             self.tr("Oświadczenie o krajach zamieszkania w ostatnich 20 latach"))
        self.foreign_countries = self.line(checks, "foreign_countries", self.tr("Inne kraje za&mieszkania:"),
                                           self.tr("Inne kraje zamieszkania w ostatnich 20 latach"), max_length=300,
                                           placeholder=self.tr("puste — tylko Polska"))
        self.foreign_record = self.date(checks, "foreign_record_date", self.tr("Rejestry karne &obcych państw:"),
                                        self.tr("Informacja z rejestrów karnych tych krajów"))
        self.checks_status = QLabel(self)
        self.checks_status.setObjectName("checksStatus")
        self.checks_status.setWordWrap(False)
        checks.addRow("", self.checks_status)
        self.guardian_consent = self.date(checks, "guardian_consent_date", self.tr("&Zgoda opiekuna:"),
                                          self.tr("Zgoda przedstawiciela ustawowego"),
                                          hint=self.tr("wymagana, gdy wolontariusz nie ma 18 lat"))
        self.minor_status = QLabel(self)
        self.minor_status.setObjectName("minorStatus")
        self.minor_status.setWordWrap(False)
        checks.addRow("", self.minor_status)

        left = QVBoxLayout()
        left.addWidget(person_box)
        left.addWidget(checks_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(work_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.finish(columns)
        self.resize(980, 0)

        self.children.toggled.connect(self._update_states)
        for field in (self.register_check, self.criminal_record, self.birth_date, self.guardian_consent):
            field.sig_changed.connect(self._update_states)
        if volunteer_id is not None:
            self._load(volunteers.get_volunteer(db, volunteer_id))
        self._update_states()
        self.first_name.setFocus()

    def _load(self, detail) -> None:
        from pal_desktop.ui.dialogs.conflict_dialog import input_of

        self._version = detail.version
        self._loaded = input_of(volunteers.VolunteerInput, detail)  # the base a stale save is merged against
        self.first_name.setText(detail.first_name)
        self.last_name.setText(detail.last_name)
        self.birth_date.set_date(detail.birth_date)
        self.phone.setText(detail.phone)
        self.email.setText(detail.email)
        self.address.setText(detail.address)
        self.skills.setPlainText(detail.skills)
        self.availability.setPlainText(detail.availability)
        self.active.setChecked(detail.active)
        self.notes.setPlainText(detail.notes)
        self.children.setChecked(detail.works_with_children)
        self.register_check.set_date(detail.register_check_date)
        self.criminal_record.set_date(detail.criminal_record_date)
        self.residence_statement.set_date(detail.residence_statement_date)
        self.foreign_countries.setText(detail.foreign_countries)
        self.foreign_record.set_date(detail.foreign_record_date)
        self.guardian_consent.set_date(detail.guardian_consent_date)

    def _update_states(self, *_args) -> None:
        """Enable the check dates only for work with children, and say how long they stay valid."""
        today = dt.date.today()
        with_children = self.children.isChecked()
        for field in (self.register_check, self.criminal_record, self.residence_statement, self.foreign_countries,
                      self.foreign_record):
            field.setEnabled(with_children)
        if with_children:
            lines, problem = [], False
            for label, value in ((self.tr("Rejestr sprawców"), self.register_check.date()),
                                 (self.tr("KRK"), self.criminal_record.date())):
                state = volunteering.check_state(value, today, self._check_months)
                if state == "missing":
                    lines.append(self.tr("{label}: brak daty").format(label=label))
                else:
                    # the office's policy of re-checks, not an expiry in the act
                    until = volunteering.check_valid_until(value, self._check_months)
                    text = {"expired": self.tr("{label}: do powtórzenia wg polityki ośrodka od {date}"),
                            "expiring": self.tr("{label}: do powtórzenia wg polityki ośrodka do {date}"),
                            "valid": self.tr("{label}: następne sprawdzenie wg polityki ośrodka do {date}")}[state]
                    lines.append(text.format(label=label, date=(until + dt.timedelta(days=1) if state == "expired"
                                                                else until).strftime("%d.%m.%Y")))
                problem = problem or state != "valid"
            self.checks_status.setText("\n".join(lines))
            self.checks_status.setStyleSheet(WARNING_STYLE if problem else HINT_STYLE)
            self.checks_status.show()
        else:
            self.checks_status.hide()
        birth = self.birth_date.date()
        if birth is not None and birth <= today and volunteering.is_minor(birth, today):
            self.minor_status.setText(self.tr("Osoba niepełnoletnia: wymagana zgoda opiekuna."))
            self.minor_status.setStyleSheet(WARNING_STYLE)
            self.minor_status.show()
        else:
            self.minor_status.hide()

    def data(self) -> volunteers.VolunteerInput:
        return volunteers.VolunteerInput(
            first_name=self.first_name.text(), last_name=self.last_name.text(),
            birth_date=self.date_value("birth_date"), phone=self.phone.text(), email=self.email.text(),
            address=self.address.text(), skills=self.skills.toPlainText(),
            availability=self.availability.toPlainText(), works_with_children=self.children.isChecked(),
            register_check_date=self.date_value("register_check_date"),
            criminal_record_date=self.date_value("criminal_record_date"),
            residence_statement_date=self.date_value("residence_statement_date"),
            foreign_countries=self.foreign_countries.text(), foreign_record_date=self.date_value("foreign_record_date"),
            guardian_consent_date=self.date_value("guardian_consent_date"),
            active=self.active.isChecked(), notes=self.notes.toPlainText())

    def submit(self) -> None:
        data = self.data()
        self.show_all(volunteers.validate_volunteer(data))
        if self.volunteer_id is None:
            result = volunteers.create_volunteer(self._db, data)
        else:
            from pal_desktop.ui.dialogs.conflict_dialog import input_of, save_over_version

            def current():
                detail = volunteers.get_volunteer(self._db, self.volunteer_id)
                return input_of(volunteers.VolunteerInput, detail), detail.version

            result = save_over_version(self, lambda mine, version: volunteers.update_volunteer(
                self._db, self.volunteer_id, mine, expected_version=version), data, self._loaded, self._version,
                current, {name: QCoreApplication.translate("Fields", text) for name, text in volunteering.FIELD_LABELS.items()})
        self.saved_id, self.warnings = result.id, result.warnings
