"""Porozumienie o wykonywaniu świadczeń wolontariusza: number (given automatically when left empty), dates,
scope, manner, time, place and how it ends; the form says as the dates are typed whether the agreement must
be in writing (more than 30 days) or the volunteer must be insured against accidents (30 days or less), and
whether the volunteer is a minor on the first day (then the guardian's consent date is required)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pal_desktop.domain import volunteering
from pal_desktop.services import volunteer_agreements, volunteers
from pal_desktop.ui.widgets.volunteer_form import HINT_STYLE, WARNING_STYLE, FormDialog, notice_text


class AgreementDialog(FormDialog):
    def __init__(self, db, volunteer_id: int, agreement_id: int | None = None, programme_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.volunteer_id = volunteer_id
        self.agreement_id = agreement_id
        self.programme_id = programme_id
        self.saved_id: int | None = None
        self.saved_number = ""
        self.warnings: tuple = ()
        self._version: int | None = None
        self.volunteer = volunteers.get_volunteer(db, volunteer_id)
        self.setObjectName("agreementDialog")
        title = self.tr("Nowe porozumienie") if agreement_id is None else self.tr("Edycja porozumienia")
        self.setWindowTitle(f"{title} — {self.volunteer.name}")
        self.setAccessibleName(title)

        terms_box = QGroupBox(self.tr("Strony, numer i okres"), self)
        terms = self.new_form()
        terms_box.setLayout(terms)
        volunteer_label = QLabel(f"<b>{self.volunteer.name}</b>", self)
        volunteer_label.setObjectName("agreementVolunteer")
        terms.addRow(self.tr("Wolontariusz:"), volunteer_label)
        year = dt.date.today().year
        self.number = self.line(terms, "number", self.tr("&Numer:"), self.tr("Numer porozumienia"), max_length=60,
                                placeholder=self.tr("puste — nada się sam, np. {number}").format(
                                    number=volunteer_agreements.suggest_agreement_number(db, year)))
        self.signed_date = self.date(terms, "signed_date", self.tr("Data &zawarcia:"), self.tr("Data zawarcia"),
                                     hint=self.tr("puste, jeśli porozumienie dopiero zostanie podpisane"))
        self.start_date = self.date(terms, "start_date", self.tr("&Początek:"), self.tr("Początek"))
        self.end_date = self.date(terms, "end_date", self.tr("&Koniec:"), self.tr("Koniec"))
        self.period_hint = QLabel(self)
        self.period_hint.setObjectName("periodHint")
        self.period_hint.setWordWrap(True)
        terms.addRow("", self.period_hint)
        self.written_form = self.check(terms, "written_form", self.tr("Forma &pisemna"), self.tr("Forma pisemna"))
        self.written_form.setChecked(True)
        self.nnw = self.check(terms, "nnw_insurance", self.tr("Ubezpieczenie &NNW"),
                              self.tr("Ubezpieczenie NNW"),
                              hint=self.tr("obowiązkowe przy świadczeniach do 30 dni (art. 46 ustawy)"))
        self.health_safety = self.date(terms, "health_safety_date", self.tr("Informacja &BHP:"),
                                       self.tr("Informacja o ryzyku i zasadach BHP"),
                                       hint=self.tr("kiedy poinformowano o ryzyku dla zdrowia i zasadach BHP"))
        self.guardian_consent = self.date(terms, "guardian_consent_date", self.tr("Zgoda &opiekuna:"),
                                          self.tr("Zgoda przedstawiciela ustawowego"),
                                          hint=self.tr("dla osoby niepełnoletniej"))
        self.guardian_consent.set_date(self.volunteer.guardian_consent_date)
        self.minor_hint = QLabel(self)
        self.minor_hint.setObjectName("minorHint")
        self.minor_hint.setWordWrap(True)
        self.minor_hint.setStyleSheet(WARNING_STYLE)
        terms.addRow("", self.minor_hint)

        content_box = QGroupBox(self.tr("Treść porozumienia"), self)
        content = self.new_form()
        content_box.setLayout(content)
        self.scope = self.text(content, "scope", self.tr("&Zakres świadczeń:"), self.tr("Zakres świadczeń"),
                               height=64, placeholder=self.tr("np. pomoc przy organizacji zajęć dla dzieci i "
                                                              "wydarzeń integracyjnych"))
        self.manner = self.text(content, "manner", self.tr("&Sposób:"), self.tr("Sposób wykonywania"), height=48)
        self.manner.setPlainText(volunteer_agreements.DEFAULT_MANNER)
        self.time_description = self.text(content, "time_description", self.tr("&Czas:"),
                                          self.tr("Czas wykonywania"), height=40,
                                          placeholder=self.tr("np. do 10 godzin tygodniowo, popołudniami"))
        self.place = self.line(content, "place", self.tr("&Miejsce:"), self.tr("Miejsce"), max_length=300)
        from pal_desktop.services.organisation import get_organisation

        self.place.setText(get_organisation(db).city)
        self.termination = self.text(content, "termination_terms", self.tr("&Rozwiązanie:"),
                                     self.tr("Rozwiązanie porozumienia"), height=56)
        self.termination.setPlainText(volunteer_agreements.DEFAULT_TERMINATION)
        self.print_after = QCheckBox(self.tr("Po zapisaniu &otwórz porozumienie do podpisu (PDF)"), self)
        self.print_after.setObjectName("printAfterSave")
        self.print_after.setAccessibleName(self.tr("Po zapisaniu otwórz porozumienie do podpisu"))
        self.print_after.setChecked(agreement_id is None)
        content.addRow("", self.print_after)

        # Terms of the agreement by the act: the travel-cost waiver and other costs (art. 45), the NNW policy (art. 46)
        costs_box = QGroupBox(self.tr("Koszty i ubezpieczenie NNW"), self)
        costs = self.new_form()
        costs_box.setLayout(costs)
        self.waiver = self.check(costs, "travel_cost_waiver", self.tr("Z&wolnienie z kosztów podróży i diet"),
                                 self.tr("Wolontariusz zwalnia z kosztów podróży i diet"),
                                 hint=self.tr("art. 45 ust. 1 pkt 4 ustawy — zwolnienie jest częścią porozumienia"))
        self.reimbursed = self.line(costs, "reimbursed_costs", self.tr("&Inne koszty do zwrotu:"),
                                    self.tr("Inne koszty do zwrotu"), max_length=1000,
                                    placeholder=self.tr("np. materiały plastyczne do 200 zł"))
        self.nnw_insurer = self.line(costs, "nnw_insurer", self.tr("&Ubezpieczyciel NNW:"),
                                     self.tr("Ubezpieczyciel NNW"), max_length=200)
        self.nnw_policy = self.line(costs, "nnw_policy_number", self.tr("Nr po&lisy NNW:"),
                                    self.tr("Numer polisy NNW"), max_length=80)
        self.nnw_from = self.date(costs, "nnw_from", self.tr("Polis&a od:"), self.tr("Polisa NNW od"))
        self.nnw_to = self.date(costs, "nnw_to", self.tr("Polisa &do:"), self.tr("Polisa NNW do"))
        right = QVBoxLayout()
        right.addWidget(content_box, 1)
        right.addWidget(costs_box)
        columns = QHBoxLayout()
        columns.addWidget(terms_box, 1)
        columns.addLayout(right, 1)
        body = QVBoxLayout()
        body.addLayout(columns)
        self.finish(body)
        self.resize(1040, 0)

        for field in (self.start_date, self.end_date, self.guardian_consent):
            field.sig_changed.connect(self._update_hints)
        self.written_form.toggled.connect(self._update_hints)
        self.nnw.toggled.connect(self._update_hints)
        if agreement_id is not None:
            self._load(volunteer_agreements.get_agreement(db, agreement_id))
        self._update_hints()
        if agreement_id is None:
            self.start_date.setFocus()
        else:
            self.scope.setFocus()

    def _load(self, detail) -> None:
        from pal_desktop.ui.dialogs.conflict_dialog import input_of

        self._version = detail.version
        self._loaded = input_of(volunteer_agreements.AgreementInput, detail)  # the base of a merge
        self.programme_id = detail.programme_id
        self.number.setText(detail.number)
        self.signed_date.set_date(detail.signed_date)
        self.start_date.set_date(detail.start_date)
        self.end_date.set_date(detail.end_date)
        self.written_form.setChecked(detail.written_form)
        self.nnw.setChecked(detail.nnw_insurance)
        self.health_safety.set_date(detail.health_safety_date)
        self.scope.setPlainText(detail.scope)
        self.manner.setPlainText(detail.manner)
        self.time_description.setPlainText(detail.time_description)
        self.place.setText(detail.place)
        self.termination.setPlainText(detail.termination_terms)
        self.waiver.setChecked(detail.travel_cost_waiver)
        self.reimbursed.setText(detail.reimbursed_costs)
        self.nnw_insurer.setText(detail.nnw_insurer)
        self.nnw_policy.setText(detail.nnw_policy_number)
        self.nnw_from.set_date(detail.nnw_from)
        self.nnw_to.set_date(detail.nnw_to)

    def _update_hints(self, *_args) -> None:
        """What the law asks for the period typed: written form above 30 days, NNW up to 30; a minor's consent."""
        start, end = self.start_date.date(), self.end_date.date()
        if start and end and end >= start:
            days = volunteering.agreement_days(start, end)
            if days > volunteering.WRITTEN_FORM_DAYS:
                text = self.tr("{days} dni — ponad 30 dni: porozumienie wymaga formy pisemnej.").format(days=days)
                problem = not self.written_form.isChecked()
            else:
                text = self.tr("{days} dni — do 30 dni: wolontariusza trzeba ubezpieczyć od NNW.").format(days=days)
                problem = not self.nnw.isChecked()
            self.period_hint.setText(text)
            self.period_hint.setStyleSheet(WARNING_STYLE if problem else HINT_STYLE)
            self.period_hint.show()
        else:
            self.period_hint.hide()
        birth = self.volunteer.birth_date
        if start and birth and volunteering.is_minor(birth, start):
            self.minor_hint.setText(self.tr("W dniu rozpoczęcia wolontariusz nie będzie mieć 18 lat — wymagana "
                                            "pisemna zgoda przedstawiciela ustawowego."))
            self.minor_hint.setVisible(self.guardian_consent.date() is None)
        else:
            self.minor_hint.hide()
        if self.isVisible():
            self.refit()

    def data(self) -> volunteer_agreements.AgreementInput:
        return volunteer_agreements.AgreementInput(
            volunteer_id=self.volunteer_id, start_date=self.date_value("start_date"),
            end_date=self.date_value("end_date"), number=self.number.text(),
            signed_date=self.date_value("signed_date"), scope=self.scope.toPlainText(),
            manner=self.manner.toPlainText(), time_description=self.time_description.toPlainText(),
            place=self.place.text(), termination_terms=self.termination.toPlainText(),
            written_form=self.written_form.isChecked(), nnw_insurance=self.nnw.isChecked(),
            health_safety_date=self.date_value("health_safety_date"), programme_id=self.programme_id,
            guardian_consent_date=self.date_value("guardian_consent_date"),
            travel_cost_waiver=self.waiver.isChecked(), reimbursed_costs=self.reimbursed.text(),
            nnw_insurer=self.nnw_insurer.text(), nnw_policy_number=self.nnw_policy.text(),
            nnw_from=self.date_value("nnw_from"), nnw_to=self.date_value("nnw_to"))

    def submit(self) -> None:
        data = self.data()
        self.show_all(volunteer_agreements.validate_agreement(self._db, data, self.agreement_id))
        if self.agreement_id is None:
            result = volunteer_agreements.create_agreement(self._db, data)
        else:
            from pal_desktop.ui.dialogs.conflict_dialog import input_of, save_over_version

            def current():
                detail = volunteer_agreements.get_agreement(self._db, self.agreement_id)
                return input_of(volunteer_agreements.AgreementInput, detail), detail.version

            result = save_over_version(self, lambda mine, version: volunteer_agreements.update_agreement(
                self._db, self.agreement_id, mine, expected_version=version), data, self._loaded, self._version,
                current, {name: QCoreApplication.translate("Fields", text) for name, text in volunteering.FIELD_LABELS.items()})
        self.saved_id, self.saved_number, self.warnings = result.id, result.number, result.warnings

    def warning_texts(self) -> list[str]:
        return [notice_text(n) for n in self.warnings]
