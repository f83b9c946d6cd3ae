"""Small forms of the participant's page: a form of support on the path, an internship, cash assistance
(the family's forms are in ``family_forms``).

Each is a ``SmallForm``: labelled fields with a red message under the one the service names
(``ValidationError.field``), "Zapisz" (Ctrl+S) and "Anuluj" (Esc, which asks before throwing changes away).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.domain.enums import SUPPORT_FORMS, SupportStatus
from pal_desktop.errors import PalError, ValidationError
from pal_desktop.ui.dialogs import error_dialog, questions
from pal_desktop.ui.dialogs.conflict_dialog import KeptTheirVersion, SaveCancelled, save_resolving_conflicts
from pal_desktop.ui.dialogs.participant_fields import enum_combo, set_combo_value
from pal_desktop.ui.widgets.date_field import DateField
from pal_desktop.ui.widgets.form_parts import (
    ButtonText,
    editable_choice,
    error_label,
    field_column,
    labelled_row,
    save_cancel_buttons,
)
from pal_desktop.ui.widgets.value_combo import ValueCombo
from pal_desktop.ui.widgets.volunteer_form import field_value


class SmallForm(QDialog):
    """Fields with messages under them, Zapisz / Anuluj; subclasses implement ``submit``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.fields: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_error = self._error_label("general", self.tr("Błąd"))
        self.buttons, self.save_button, self.cancel_button, _ = save_cancel_buttons(
            self, ButtonText(self.tr("&Zapisz"), self.tr("Zapisz"), self.tr("Zapisz (Ctrl+S)"), "saveButton"),
            ButtonText(self.tr("Anuluj"), self.tr("Anuluj"), self.tr("Zamknij bez zapisywania (Esc)")))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self._initial: tuple = ()

    def _error_label(self, field: str, name: str) -> QLabel:
        label = error_label(self, f"error_{field}", self.tr("Błąd: {field}").format(field=name))
        self.error_labels[field] = label
        return label

    def add_field(self, field: str, label_text: str, widget: QWidget, name: str | None = None) -> QWidget:
        name = name or label_text.replace("&", "").rstrip(":")
        widget.setObjectName(f"field_{field}")
        widget.setAccessibleName(name)
        self.fields[field] = widget
        box, column = field_column(self)
        column.addWidget(widget)
        column.addWidget(self._error_label(field, name))
        labelled_row(self.form, self, label_text, widget, box)
        return widget

    def remember_initial(self) -> None:
        self._initial = self._values()

    def _values(self) -> tuple:
        return tuple(field_value(w) for w in self.fields.values())

    def is_dirty(self) -> bool:
        return self._values() != self._initial

    def show_error(self, error: PalError) -> None:
        label = self.error_labels.get(error.field or "", self.general_error)
        label.setText(error_dialog.error_text(error))
        label.show()
        widget = self.fields.get(error.field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_errors(self) -> None:
        for label in self.error_labels.values():
            label.clear()
            label.hide()

    def error_text(self, field: str) -> str:
        label = self.error_labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def date_error(self, field: str) -> ValidationError | None:
        widget = self.fields[field]
        if isinstance(widget, DateField) and not widget.is_valid():
            return ValidationError(QCoreApplication.translate(
                "SmallForm", "„{text}” to nie jest data — wpisz ją w postaci dd.mm.rrrr, np. 15.03.2021."),
                field=field, context="SmallForm", text=widget.text().strip())
        return None

    def submit(self) -> None:
        """Save through the service; raise ValidationError (with .field) when a rule is broken."""
        raise NotImplementedError

    def save(self) -> bool:
        self.clear_errors()
        for field in self.fields:
            error = self.date_error(field)
            if error is not None:
                self.show_error(error)
                return False
        try:
            self.submit()
        except SaveCancelled:
            return False
        except KeptTheirVersion:  # nothing of ours to save: the list shows the other person's version
            self.remember_initial()
        except ValidationError as err:
            self.show_error(err)
            return False
        except PalError as err:
            error_dialog.show_error(self, err)
            return False
        super().accept()
        return True

    def accept(self) -> None:
        self.save()

    def reject(self) -> None:
        if self.is_dirty() and not questions.ask(
                self, self.tr("Porzucić zmiany?"), self.tr("Wpisane dane nie zostały zapisane. Porzucić je?"),
                yes=self.tr("Porzuć zmiany"), no=self.tr("Wróć")):
            return
        super().reject()


class SupportDialog(SmallForm):
    """Add or edit one form of support on the participant's individual path."""

    def __init__(self, db, participant_id: int, item=None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Forma wsparcia") if item is None else self.tr("Edycja formy wsparcia"), parent)
        self._db, self.participant_id, self.item = db, participant_id, item
        self.saved_id: int | None = None
        form = editable_choice(self, [QCoreApplication.translate("Enums", f) for f in SUPPORT_FORMS],
                               self.tr("wybierz z listy albo wpisz"))
        self.add_field("form", self.tr("&Forma wsparcia:"), form)
        self.add_field("planned_start", self.tr("Planowany &początek:"), DateField(self))
        self.add_field("planned_end", self.tr("Planowany &koniec:"), DateField(self))
        self.add_field("given_start", self.tr("Wsparcie udzielone &od:"), DateField(self, today_button=True),
                       name=self.tr("Początek wsparcia"))
        self.add_field("given_end", self.tr("Wsparcie udzielone &do:"), DateField(self, today_button=True),
                       name=self.tr("Koniec wsparcia"))
        self.add_field("status", self.tr("&Status:"), enum_combo(ValueCombo(self), SupportStatus, None))
        notes = QPlainTextEdit(self)
        notes.setTabChangesFocus(True)
        notes.setMaximumHeight(notes.fontMetrics().lineSpacing() * 4 + 12)
        self.add_field("notes", self.tr("&Uwagi:"), notes)
        if item is not None:
            form.setCurrentText(item.form)
            for name in ("planned_start", "planned_end", "given_start", "given_end"):
                self.fields[name].set_date(getattr(item, name))
            set_combo_value(self.fields["status"], item.status)
            notes.setPlainText(item.notes)
        self.remember_initial()
        self.resize(520, self.sizeHint().height())

    def support_input(self):
        from pal_desktop.services.participant_profile import SupportInput

        return SupportInput(form=self.fields["form"].currentText(),
                            planned_start=self.fields["planned_start"].date(),
                            planned_end=self.fields["planned_end"].date(),
                            given_start=self.fields["given_start"].date(),
                            given_end=self.fields["given_end"].date(),
                            status=self.fields["status"].currentData(),
                            notes=self.fields["notes"].toPlainText())

    def submit(self) -> None:
        from pal_desktop.services import participant_profile

        if self.item is None:
            self.saved_id = participant_profile.add_support(self._db, self.participant_id, self.support_input())
        else:
            save_resolving_conflicts(
                self, lambda data, base: participant_profile.update_support(self._db, self.item.id, data, base=base),
                self.support_input(), participant_profile.support_input_of(self.item))
            self.saved_id = self.item.id


def parse_amount(text: str, field: str, label: str):
    """ "1 234,50" or "450.5" -> Decimal; "" -> None; anything else: ValidationError naming ``field``."""
    from decimal import Decimal, InvalidOperation

    cleaned = "".join((text or "").split()).replace("\u00a0", "").replace(",", ".")
    for suffix in ("zł", "zl", "ZŁ", "ZL"):
        cleaned = cleaned.removesuffix(suffix)
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise ValidationError(QCoreApplication.translate(
            "SmallForm", "„{text}” to nie jest liczba — wpisz np. 450,50 ({label})."), field=field,
            context="SmallForm", text=text.strip(), label=label)
    return value


def parse_whole(text: str, field: str, label: str) -> int | None:
    text = (text or "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise ValidationError(QCoreApplication.translate(
            "SmallForm", "„{text}” to nie jest liczba całkowita ({label})."), field=field, context="SmallForm",
            text=text, label=label)
    return int(text)


def money_text(value) -> str:
    """Decimal("450.50") -> "450,50" for a field to edit ("" for None)."""
    return "" if value is None else f"{value:.2f}".replace(".", ",")


class RequiredFieldsForm(SmallForm):
    """A small form whose "Zapisz" stays disabled until the required fields are filled."""

    required: tuple[str, ...] = ()

    def watch_required(self) -> None:
        for field in self.required:
            widget = self.fields[field]
            if isinstance(widget, DateField):
                widget.sig_changed.connect(self.update_save_button)
            elif isinstance(widget, QLineEdit):
                widget.textChanged.connect(self.update_save_button)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.update_save_button)
        self.update_save_button()

    def _filled(self, field: str) -> bool:
        widget = self.fields[field]
        if isinstance(widget, QComboBox) and not widget.isEditable():
            return widget.currentData() is not None
        return bool(str(field_value(widget)).strip())

    def update_save_button(self) -> None:
        self.save_button.setEnabled(all(self._filled(field) for field in self.required))

    def save(self) -> bool:
        if not self.save_button.isEnabled():
            return False
        return super().save()


class InternshipDialog(RequiredFieldsForm):
    """Add or edit an internship (staż) of the participant."""

    required = ("employer_name", "start_date", "end_date")

    def __init__(self, db, participant_id: int, internship_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Staż") if internship_id is None else self.tr("Edycja stażu"), parent)
        self._db, self.participant_id, self.internship_id = db, participant_id, internship_id
        self.saved_id: int | None = None
        self.add_field("employer_name", self.tr("&Pracodawca:"), QLineEdit(self))
        self.add_field("employer_address", self.tr("&Adres pracodawcy:"), QLineEdit(self))
        self.add_field("position_name", self.tr("&Stanowisko:"), QLineEdit(self))
        self.add_field("supervisor", self.tr("&Opiekun stażu:"), QLineEdit(self))
        self.add_field("agreement_number", self.tr("&Nr umowy:"), QLineEdit(self))
        self.add_field("agreement_date", self.tr("&Data umowy:"), DateField(self))
        self.add_field("start_date", self.tr("Staż &od:"), DateField(self), name=self.tr("Początek stażu"))
        self.add_field("end_date", self.tr("Staż d&o:"), DateField(self), name=self.tr("Koniec stażu"))
        hours = self.add_field("hours_per_week", self.tr("&Godzin w tygodniu:"), QLineEdit(self))
        hours.setPlaceholderText(self.tr("od 0 do 40"))
        stipend = self.add_field("monthly_stipend", self.tr("Stypendium &miesięczne (zł):"), QLineEdit(self),
                                 name=self.tr("Stypendium miesięczne"))
        stipend.setPlaceholderText(self.tr("np. 1 200,00"))
        notes = QPlainTextEdit(self)
        notes.setTabChangesFocus(True)
        notes.setMaximumHeight(notes.fontMetrics().lineSpacing() * 4 + 12)
        self.add_field("notes", self.tr("&Uwagi:"), notes)
        if internship_id is not None:
            from pal_desktop.services import internships

            data = self.loaded = internships.get_internship(db, internship_id)
            for name in ("employer_name", "employer_address", "position_name", "supervisor", "agreement_number"):
                self.fields[name].setText(getattr(data, name))
            for name in ("agreement_date", "start_date", "end_date"):
                self.fields[name].set_date(getattr(data, name))
            hours.setText("" if data.hours_per_week is None else
                          f"{data.hours_per_week.normalize():f}".replace(".", ","))
            stipend.setText(money_text(data.monthly_stipend))
            notes.setPlainText(data.notes)
        self.watch_required()
        self.remember_initial()
        self.resize(520, self.sizeHint().height())

    def internship_input(self):
        from pal_desktop.services.internships import InternshipInput

        f = self.fields
        return InternshipInput(
            employer_name=f["employer_name"].text(), employer_address=f["employer_address"].text(),
            position_name=f["position_name"].text(), supervisor=f["supervisor"].text(),
            agreement_number=f["agreement_number"].text(), agreement_date=f["agreement_date"].date(),
            start_date=f["start_date"].date(), end_date=f["end_date"].date(),
            hours_per_week=parse_amount(f["hours_per_week"].text(), "hours_per_week", self.tr("Godzin w tygodniu")),
            monthly_stipend=parse_amount(f["monthly_stipend"].text(), "monthly_stipend",
                                         self.tr("Stypendium miesięczne")),
            notes=f["notes"].toPlainText())

    def submit(self) -> None:
        from pal_desktop.services import internships

        if self.internship_id is None:
            self.saved_id = internships.add_internship(self._db, self.participant_id, self.internship_input())
        else:
            save_resolving_conflicts(
                self, lambda data, base: internships.update_internship(self._db, self.internship_id, data, base=base),
                self.internship_input(), self.loaded)
            self.saved_id = self.internship_id


class InternshipMonthDialog(RequiredFieldsForm):
    """Attendance at an internship in one month; choosing a month already recorded shows what was saved."""

    required = ("month", "days_present", "days_absent")

    def __init__(self, db, internship_id: int, parent: QWidget | None = None) -> None:
        import datetime as dt

        from pal_desktop.services import internships

        super().__init__(self.tr("Obecność na stażu w miesiącu"), parent)
        self._db, self.internship_id = db, internship_id
        self.saved_id: int | None = None
        data = internships.get_internship(db, internship_id)
        self.recorded = {m.month: m for m in internships.internship_months(db, internship_id)}
        month = ValueCombo(self)
        day = data.start_date.replace(day=1)
        while day <= data.end_date:
            mark = self.tr(" (zapisano)") if day in self.recorded else ""
            month.addItem(day.strftime("%m.%Y") + mark, day)
            day = (day + dt.timedelta(days=32)).replace(day=1)
        self.add_field("month", self.tr("&Miesiąc:"), month)
        self.add_field("days_present", self.tr("Dni &obecności:"), QLineEdit(self))
        self.add_field("days_absent", self.tr("Dni &nieobecności:"), QLineEdit(self))
        self.add_field("hours", self.tr("&Godziny:"), QLineEdit(self))
        self.add_field("stipend_paid", self.tr("&Wypłacone stypendium (zł):"), QLineEdit(self),
                       name=self.tr("Wypłacone stypendium"))
        # What the programme's rule gives for the hours typed (services.internship_stipend)
        self.due_label = QLabel(self)
        self.due_label.setObjectName("stipendDue")
        self.due_label.setAccessibleName(self.tr("Należne stypendium"))
        self.due_label.setWordWrap(True)
        self.form.addRow(self.tr("Należne stypendium:"), self.due_label)
        self.warnings: list[str] = []
        self.fields["hours"].textChanged.connect(self._show_due)
        month.currentIndexChanged.connect(self._show_recorded)
        today = dt.date.today().replace(day=1)
        index = month.findData(today)
        month.setCurrentIndex(index if index >= 0 else 0)
        self._show_recorded()
        self.watch_required()
        self.remember_initial()
        self.resize(420, self.sizeHint().height())

    def _show_recorded(self) -> None:
        line = self.recorded.get(self.fields["month"].currentData())
        self.fields["days_present"].setText(str(line.days_present) if line else "")
        self.fields["days_absent"].setText(str(line.days_absent) if line else "")
        self.fields["hours"].setText("" if line is None or line.hours is None else
                                     f"{line.hours.normalize():f}".replace(".", ","))
        self.fields["stipend_paid"].setText(money_text(line.stipend_paid) if line else "")
        self._show_due()

    def _hours(self):
        try:
            return parse_amount(self.fields["hours"].text(), "hours", self.tr("Godziny"))
        except ValidationError:
            return None

    def _show_due(self) -> None:
        from pal_desktop.services import internship_stipend
        from pal_desktop.services.formatting import format_money

        due = internship_stipend.stipend_due(self._db, self.internship_id, self._hours())
        self.due_label.setText(self.tr("wpisz godziny") if due is None else format_money(due))

    def save(self) -> bool:
        """Ask first when the stipend paid differs from the stipend due for the hours."""
        if not self.save_button.isEnabled():
            return False
        from pal_desktop.services import internship_stipend
        from pal_desktop.ui.widgets.volunteer_form import notice_text

        try:
            paid = parse_amount(self.fields["stipend_paid"].text(), "stipend_paid", self.tr("Wypłacone stypendium"))
            hours = parse_amount(self.fields["hours"].text(), "hours", self.tr("Godziny"))
            days = parse_whole(self.fields["days_present"].text(), "days_present", self.tr("Dni obecności"))
            found = internship_stipend.month_warnings(self._db, self.internship_id, hours, paid,
                                                      days_present=days or 0)
        except PalError:
            found = ()  # the save below shows the error beside its field
        self.warnings = [notice_text(notice) for notice in found]
        if self.warnings and not questions.ask(
                self, self.tr("Zapisać mimo ostrzeżeń?"), "\n".join(self.warnings),
                yes=self.tr("Zapisz mimo to"), no=self.tr("Wróć do formularza")):
            return False
        return super().save()

    def submit(self) -> None:
        from pal_desktop.services import internships

        f = self.fields
        self.saved_id = internships.record_month(
            self._db, self.internship_id, f["month"].currentData(),
            parse_whole(f["days_present"].text(), "days_present", self.tr("Dni obecności")),
            parse_whole(f["days_absent"].text(), "days_absent", self.tr("Dni nieobecności")),
            parse_amount(f["hours"].text(), "hours", self.tr("Godziny")),
            parse_amount(f["stipend_paid"].text(), "stipend_paid", self.tr("Wypłacone stypendium")))


class CashDialog(RequiredFieldsForm):
    """Add or edit cash assistance decided in the centre's main system (the act's rules: services.cash_rules)."""

    required = ("benefit_type", "amount", "decision_number", "decision_date")

    def __init__(self, db, participant_id: int, cash_id: int | None = None, parent: QWidget | None = None) -> None:
        from pal_desktop.domain.enums import BenefitType, CashPurpose

        super().__init__(self.tr("Pomoc pieniężna") if cash_id is None else self.tr("Edycja pomocy pieniężnej"),
                         parent)
        self._db, self.participant_id, self.cash_id = db, participant_id, cash_id
        self.saved_id: int | None = None
        #: The warnings the user was asked to confirm at the last save (services.cash_rules.warnings_for).
        self.warnings: list[str] = []
        kind = self.add_field("benefit_type", self.tr("&Rodzaj świadczenia:"),
                              enum_combo(ValueCombo(self), BenefitType, self.tr("— wybierz —")))
        self.add_field("purpose", self.tr("&Cel zasiłku:"),
                       enum_combo(ValueCombo(self), CashPurpose, self.tr("— wybierz —")), name=self.tr("Cel zasiłku"))
        amount = self.add_field("amount", self.tr("&Kwota (zł):"), QLineEdit(self), name=self.tr("Kwota"))
        amount.setPlaceholderText(self.tr("np. 450,50"))
        self.add_field("decision_number", self.tr("&Nr decyzji:"), QLineEdit(self))
        self.add_field("decision_date", self.tr("&Data decyzji:"), DateField(self, today_button=True))
        self.add_field("period_from", self.tr("Okres &od:"), DateField(self))
        self.add_field("period_to", self.tr("Okres d&o:"), DateField(self))
        self.add_field("payment_date", self.tr("Data &wypłaty:"), DateField(self, today_button=True))
        notes = QPlainTextEdit(self)
        notes.setTabChangesFocus(True)
        notes.setMaximumHeight(notes.fontMetrics().lineSpacing() * 4 + 12)
        self.add_field("notes", self.tr("&Uwagi:"), notes)
        kind.currentIndexChanged.connect(self._update_purpose)
        if cash_id is not None:
            from pal_desktop.services import internships

            data = self.loaded = internships.get_cash(db, cash_id)
            set_combo_value(kind, data.benefit_type)
            set_combo_value(self.fields["purpose"], data.purpose)
            amount.setText(money_text(data.amount))
            self.fields["decision_number"].setText(data.decision_number)
            for name in ("decision_date", "period_from", "period_to", "payment_date"):
                self.fields[name].set_date(getattr(data, name))
            notes.setPlainText(data.notes)
        self._update_purpose()
        self.watch_required()
        self.remember_initial()
        self.resize(560, self.sizeHint().height())

    def _update_purpose(self) -> None:
        """A purpose only for a zasiłek celowy (art. 39 ust. 2); okresowy and stały have none."""
        kind = self.fields["benefit_type"].currentData()
        self.fields["purpose"].setEnabled(kind is None or kind.is_purpose_kind)

    def cash_input(self):
        from pal_desktop.services.internships import CashAssistanceInput

        f = self.fields
        kind = f["benefit_type"].currentData()
        return CashAssistanceInput(
            benefit_type=kind,
            amount=parse_amount(f["amount"].text(), "amount", self.tr("Kwota")),
            decision_number=f["decision_number"].text(), decision_date=f["decision_date"].date(),
            period_from=f["period_from"].date(), period_to=f["period_to"].date(),
            payment_date=f["payment_date"].date(), notes=f["notes"].toPlainText(),
            purpose=f["purpose"].currentData() if kind is not None and kind.is_purpose_kind else None)

    def save(self) -> bool:
        """Ask first when the service warns (an amount above the office's threshold, a decision paid twice)."""
        if not self.save_button.isEnabled():
            return False
        from pal_desktop.services import internships
        from pal_desktop.ui.widgets.volunteer_form import notice_text

        try:
            data = self.cash_input()
            found = internships.cash_warnings(self._db, self.participant_id, data, cash_id=self.cash_id)
        except PalError:
            found = ()  # a rule is broken: the save below shows it beside its field
        self.warnings = [notice_text(notice) for notice in found]
        if self.warnings and not questions.ask(
                self, self.tr("Zapisać mimo ostrzeżeń?"), "\n".join(self.warnings),
                yes=self.tr("Zapisz mimo to"), no=self.tr("Wróć do formularza")):
            return False
        return super().save()

    def submit(self) -> None:
        from pal_desktop.services import internships

        if self.cash_id is None:
            self.saved_id = internships.add_cash(self._db, self.participant_id, self.cash_input())
        else:
            save_resolving_conflicts(
                self, lambda data, base: internships.update_cash(self._db, self.cash_id, data, base=base),
                self.cash_input(), self.loaded)
            self.saved_id = self.cash_id
