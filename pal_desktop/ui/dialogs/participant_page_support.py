"""The participant page's Staże i pomoc tab: internships and cash assistance.

Internships (add, edit, remove, the attendance of a month) and the record of cash assistance granted in the
office's own system (add, edit, remove), each through its small form from ``small_forms``. The page reads the
profile (``page.profile``); each change is saved at once and the page reads everything again.

The texts keep the translation context "ParticipantPage" they had when this tab was part of the page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pal_desktop.errors import PalError
from pal_desktop.services.formatting import format_money
from pal_desktop.ui.dialogs import error_dialog, questions
from pal_desktop.ui.dialogs.participant_fields import date_text, enum_text
from pal_desktop.ui.dialogs.participant_page_tables import HINT_STYLE, fill_table, make_table, selected_id
from pal_desktop.ui.widgets.buttons import action_button


class SupportSection(QWidget):
    """Staże i pomoc: the internships' and the cash assistance's tables and buttons."""

    #: What the page answers for this section (``page.internships_table``, ``page.add_cash``...).
    PAGE_NAMES = frozenset({
        "internships_table", "add_internship_button", "edit_internship_button", "remove_internship_button",
        "month_button", "certificate_button", "opinion_button", "stipend_rule_button", "cash_table", "cash_totals_table", "add_cash_button", "edit_cash_button", "remove_cash_button",
        "_internships", "_cash", "_button", "_show_support", "_update_support_buttons", "_open_small_form",
        "_small_form", "add_internship", "edit_internship", "record_internship_month", "remove_internship",
        "add_cash", "edit_cash", "remove_cash",
    })

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        internships = QGroupBox(QCoreApplication.translate("ParticipantPage", "Staże"), self)
        self.internships_table = make_table(QCoreApplication.translate("ParticipantPage", "Staże"), [
            QCoreApplication.translate("ParticipantPage", "Pracodawca"),
            QCoreApplication.translate("ParticipantPage", "Stanowisko"),
            QCoreApplication.translate("ParticipantPage", "Od"), QCoreApplication.translate("ParticipantPage", "Do"),
            QCoreApplication.translate("ParticipantPage", "Stypendium miesięczne")], internships, stretch=0)
        self.internships_table.doubleClicked.connect(lambda _index: self.edit_internship())
        self.internships_table.itemSelectionChanged.connect(self._update_support_buttons)
        self.add_internship_button = self._button(
            QCoreApplication.translate("ParticipantPage", "Dodaj staż…"), "addInternshipButton",
            QCoreApplication.translate("ParticipantPage", "Dodaj staż"), self.add_internship, internships)
        self.edit_internship_button = self._button(
            QCoreApplication.translate("ParticipantPage", "Edytuj"), "editInternshipButton",
            QCoreApplication.translate("ParticipantPage", "Edytuj zaznaczony staż"), self.edit_internship,
            internships)
        self.remove_internship_button = self._button(
            QCoreApplication.translate("ParticipantPage", "Usuń"), "removeInternshipButton",
            QCoreApplication.translate("ParticipantPage", "Usuń zaznaczony staż"), self.remove_internship,
            internships)
        self.month_button = self._button(
            QCoreApplication.translate("ParticipantPage", "Obecność w miesiącu…"), "internshipMonthButton",
            QCoreApplication.translate("ParticipantPage", "Obecność na zaznaczonym stażu w miesiącu"),
            self.record_internship_month, internships)
        self.certificate_button = self._button(
            QCoreApplication.translate("ParticipantPage", "&Zaświadczenie (PDF)"), "internshipCertificateButton",
            QCoreApplication.translate("ParticipantPage", "Drukuj zaświadczenie o odbyciu zaznaczonego stażu"),
            self.print_certificate, internships)
        self.opinion_button = self._button(
            QCoreApplication.translate("ParticipantPage", "Opinia o&rganizatora (PDF)"), "internshipOpinionButton",
            QCoreApplication.translate("ParticipantPage", "Drukuj formularz opinii organizatora zaznaczonego stażu"),
            self.print_opinion, internships)
        self.stipend_rule_button = self._button(
            QCoreApplication.translate("ParticipantPage", "Zasady stypendium…"), "stipendRuleButton",
            QCoreApplication.translate("ParticipantPage", "Zasady stypendium stażowego w programie"),
            self.edit_stipend_rule, internships)
        row = QHBoxLayout()
        for button in (self.add_internship_button, self.edit_internship_button, self.remove_internship_button,
                       self.month_button, self.certificate_button, self.opinion_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.stipend_rule_button)
        internships_layout = QVBoxLayout(internships)
        internships_layout.addWidget(self.internships_table)
        internships_layout.addLayout(row)
        cash = QGroupBox(QCoreApplication.translate("ParticipantPage", "Pomoc pieniężna"), self)
        self.cash_table = make_table(QCoreApplication.translate("ParticipantPage", "Pomoc pieniężna"), [
            QCoreApplication.translate("ParticipantPage", "Rodzaj świadczenia"),
            QCoreApplication.translate("ParticipantPage", "Nr decyzji"),
            QCoreApplication.translate("ParticipantPage", "Data decyzji"),
            QCoreApplication.translate("ParticipantPage", "Kwota"),
            QCoreApplication.translate("ParticipantPage", "Data wypłaty")], cash, stretch=0)
        self.cash_table.doubleClicked.connect(lambda _index: self.edit_cash())
        self.cash_table.itemSelectionChanged.connect(self._update_support_buttons)
        self.add_cash_button = self._button(
            QCoreApplication.translate("ParticipantPage", "Dodaj pomoc pieniężną…"), "addCashButton",
            QCoreApplication.translate("ParticipantPage", "Dodaj pomoc pieniężną"), self.add_cash, cash)
        self.edit_cash_button = self._button(
            QCoreApplication.translate("ParticipantPage", "Edytuj"), "editCashButton",
            QCoreApplication.translate("ParticipantPage", "Edytuj zaznaczoną pomoc pieniężną"), self.edit_cash, cash)
        self.remove_cash_button = self._button(
            QCoreApplication.translate("ParticipantPage", "Usuń"), "removeCashButton",
            QCoreApplication.translate("ParticipantPage", "Usuń zaznaczoną pomoc pieniężną"), self.remove_cash, cash)
        # Sums per month and kind (services.cash_reports): what the person received, as the accountant books it.
        self.cash_totals_table = make_table(QCoreApplication.translate("ParticipantPage", "Sumy pomocy pieniężnej"), [
            QCoreApplication.translate("ParticipantPage", "Miesiąc"),
            QCoreApplication.translate("ParticipantPage", "Rodzaj świadczenia"),
            QCoreApplication.translate("ParticipantPage", "Wypłat"),
            QCoreApplication.translate("ParticipantPage", "Razem")], cash, stretch=1)
        self.cash_totals_table.setMaximumHeight(self.cash_totals_table.fontMetrics().lineSpacing() * 7)
        cash_row = QHBoxLayout()
        for button in (self.add_cash_button, self.edit_cash_button, self.remove_cash_button):
            cash_row.addWidget(button)
        cash_row.addStretch(1)
        note = QLabel(QCoreApplication.translate(
            "ParticipantPage", "Pomoc pieniężną przyznaje się w systemie ośrodka; tu jest tylko jej ewidencja. "
                               "Te dane nie trafiają na listy wydawane poza ośrodek."), cash)
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        cash_layout = QVBoxLayout(cash)
        cash_layout.addWidget(self.cash_table)
        cash_layout.addLayout(cash_row)
        cash_layout.addWidget(self.cash_totals_table)
        cash_layout.addWidget(note)
        layout = QVBoxLayout(self)
        layout.addWidget(internships, 1)
        layout.addWidget(cash, 1)

    def _button(self, text: str, name: str, accessible: str, slot, parent: QWidget) -> QPushButton:
        return action_button(parent, name, text, accessible, slot)

    # ---- Showing
    def refresh(self) -> None:
        self._show_support()

    def _show_support(self) -> None:
        p = self.page.profile
        fill_table(self.internships_table, [
            (i.employer, i.position, date_text(i.start), date_text(i.end), format_money(i.stipend))
            for i in p.internships], row_ids=[i.id for i in p.internships])
        fill_table(self.cash_table, [
            (enum_text(c.benefit), c.decision_number, date_text(c.decision_date), format_money(c.amount),
             date_text(c.payment_date)) for c in p.cash], row_ids=[c.id for c in p.cash])
        self._show_cash_totals(p)
        self._internships = {i.id: i for i in p.internships}
        self._cash = {c.id: c for c in p.cash}
        self._update_support_buttons()

    def _show_cash_totals(self, profile) -> None:
        rows = []
        if getattr(profile, "cash_visible", True) and profile.cash:
            from pal_desktop.services import cash_reports

            try:
                payments = cash_reports.cash_payments(self.page._db, participant_id=self.page.participant_id)
            except PalError:
                payments = []
            rows = [(t.month.strftime("%m.%Y"), enum_text(t.benefit), str(t.count), format_money(t.amount))
                    for t in cash_reports.totals(payments)]
        fill_table(self.cash_totals_table, rows)

    def _update_support_buttons(self) -> None:
        internship = selected_id(self.internships_table) is not None
        for button in (self.edit_internship_button, self.remove_internship_button, self.month_button,
                       self.certificate_button, self.opinion_button):
            button.setEnabled(internship)
        cash = selected_id(self.cash_table) is not None
        self.edit_cash_button.setEnabled(cash)
        self.remove_cash_button.setEnabled(cash)

    # ---- Commands
    def _open_small_form(self, dialog, message: str) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.page._after_change(message))
        self.page.support_dialog = dialog  # the small form last opened from the page
        dialog.open()

    def _small_form(self, make, message: str) -> None:
        try:
            dialog = make()
        except PalError as err:
            error_dialog.show_error(self.page, err)
            return
        self._open_small_form(dialog, message)

    def add_internship(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import InternshipDialog

        page = self.page
        self._small_form(lambda: InternshipDialog(page._db, page.participant_id, parent=page),
                         QCoreApplication.translate("ParticipantPage", "Dodano staż."))

    def edit_internship(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import InternshipDialog

        page = self.page
        internship_id = selected_id(self.internships_table)
        if internship_id is None:
            return
        self._small_form(lambda: InternshipDialog(page._db, page.participant_id, internship_id, parent=page),
                         QCoreApplication.translate("ParticipantPage", "Zapisano staż."))

    def record_internship_month(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import InternshipMonthDialog

        page = self.page
        internship_id = selected_id(self.internships_table)
        if internship_id is None:
            return
        self._small_form(lambda: InternshipMonthDialog(page._db, internship_id, parent=page),
                         QCoreApplication.translate("ParticipantPage", "Zapisano obecność na stażu."))

    def print_certificate(self) -> None:
        self._print_internship(QCoreApplication.translate("ParticipantPage", "Zaświadczenie o odbyciu stażu"),
                               "certificate_pdf", "zaswiadczenie-staz")

    def print_opinion(self) -> None:
        self._print_internship(QCoreApplication.translate("ParticipantPage", "Opinia organizatora stażu"),
                               "opinion_pdf", "opinia-staz")

    def _print_internship(self, title: str, function: str, name: str) -> None:
        from pal_desktop.services import internship_documents
        from pal_desktop.ui import pdf_output

        internship_id = selected_id(self.internships_table)
        if internship_id is None:
            return
        db, make = self.page._db, getattr(internship_documents, function)
        pdf_output.print_in_background(self.page, db, title, lambda progress: make(db, internship_id), name,
                                       on_shown=lambda path: setattr(self, "last_printout", path))

    def edit_stipend_rule(self) -> None:
        from pal_desktop.services.internship_stipend import programme_of
        from pal_desktop.ui.dialogs.stipend_rule_dialog import StipendRuleDialog

        page = self.page
        programme_id = programme_of(page._db, page.participant_id)
        if programme_id is None:
            return
        self._small_form(lambda: StipendRuleDialog(page._db, programme_id, parent=page),
                         QCoreApplication.translate("ParticipantPage", "Zapisano zasady stypendium."))

    def remove_internship(self) -> None:
        from pal_desktop.services import internships

        page = self.page
        item = getattr(self, "_internships", {}).get(selected_id(self.internships_table))
        if item is None:
            return
        if not questions.ask(
                page, QCoreApplication.translate("ParticipantPage", "Usunąć staż?"),
                QCoreApplication.translate(
                    "ParticipantPage", "Usunąć staż u pracodawcy „{employer}” razem z zapisaną obecnością?").format(
                    employer=item.employer),
                yes=QCoreApplication.translate("ParticipantPage", "Usuń"),
                no=QCoreApplication.translate("ParticipantPage", "Nie usuwaj")):
            return
        try:
            internships.remove_internship(page._db, item.id)
        except PalError as err:
            error_dialog.show_error(page, err)
            return
        page._after_change(QCoreApplication.translate("ParticipantPage", "Usunięto staż."))

    def add_cash(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import CashDialog

        page = self.page
        self._small_form(lambda: CashDialog(page._db, page.participant_id, parent=page),
                         QCoreApplication.translate("ParticipantPage", "Dodano pomoc pieniężną."))

    def edit_cash(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import CashDialog

        page = self.page
        cash_id = selected_id(self.cash_table)
        if cash_id is None:
            return
        self._small_form(lambda: CashDialog(page._db, page.participant_id, cash_id, parent=page),
                         QCoreApplication.translate("ParticipantPage", "Zapisano pomoc pieniężną."))

    def remove_cash(self) -> None:
        from pal_desktop.services import internships

        page = self.page
        item = getattr(self, "_cash", {}).get(selected_id(self.cash_table))
        if item is None:
            return
        if not questions.ask(
                page, QCoreApplication.translate("ParticipantPage", "Usunąć pomoc pieniężną?"),
                QCoreApplication.translate("ParticipantPage", "Usunąć {benefit} na kwotę {amount}?").format(
                    benefit=enum_text(item.benefit), amount=format_money(item.amount)),
                yes=QCoreApplication.translate("ParticipantPage", "Usuń"),
                no=QCoreApplication.translate("ParticipantPage", "Nie usuwaj")):
            return
        try:
            internships.remove_cash(page._db, item.id)
        except PalError as err:
            error_dialog.show_error(page, err)
            return
        page._after_change(QCoreApplication.translate("ParticipantPage", "Usunięto pomoc pieniężną."))


__all__ = ["SupportSection"]
