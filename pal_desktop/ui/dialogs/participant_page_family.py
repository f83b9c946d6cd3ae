"""The participant page's Rodzina tab: the household and its members.

Create the household from the participant, add relatives or other participants to it, remove members, open a
member's own page. The household is read by the page (``page.household``); every change is saved at once
through the households service and the page then reads everything again (``page._after_change``).

The texts keep the translation context "ParticipantPage" they had when this tab was part of the page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pal_desktop.errors import PalError
from pal_desktop.services import households as household_service
from pal_desktop.ui.dialogs import error_dialog, questions
from pal_desktop.ui.dialogs.participant_fields import date_text, enum_text
from pal_desktop.ui.dialogs.participant_page_tables import fill_table, make_table, selected_id


class FamilySection(QWidget):
    """Rodzina: the household table and its buttons, on the participant page ``page``."""

    #: What the page answers for this section (``page.members_table``, ``page.add_family_member``...).
    PAGE_NAMES = frozenset({
        "family_label", "create_household_button", "members_table", "add_member_button",
        "add_participant_member_button", "remove_member_button", "open_member_button",
        "_members", "_show_family", "_update_family_buttons", "selected_member", "create_household",
        "add_family_member", "add_participant_member", "remove_member", "open_member",
    })

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.family_label = QLabel(self)
        self.family_label.setObjectName("familyLabel")
        self.family_label.setAccessibleName(QCoreApplication.translate("ParticipantPage", "Rodzina"))
        self.family_label.setWordWrap(True)
        self.create_household_button = QPushButton(
            QCoreApplication.translate("ParticipantPage", "U&twórz rodzinę z tego uczestnika"), self)
        self.create_household_button.setObjectName("createHouseholdButton")
        self.create_household_button.setAutoDefault(False)
        self.create_household_button.clicked.connect(self.create_household)
        self.members_table = make_table(QCoreApplication.translate("ParticipantPage", "Członkowie rodziny"), [
            QCoreApplication.translate("ParticipantPage", "Imię i nazwisko"),
            QCoreApplication.translate("ParticipantPage", "Pokrewieństwo"),
            QCoreApplication.translate("ParticipantPage", "Data urodzenia"),
            QCoreApplication.translate("ParticipantPage", "Uczestnik programu"),
            QCoreApplication.translate("ParticipantPage", "Objęty wsparciem"),
            QCoreApplication.translate("ParticipantPage", "PESEL"),
            QCoreApplication.translate("ParticipantPage", "Płeć")], self, stretch=0)
        self.members_table.doubleClicked.connect(lambda _index: self.open_member())
        self.members_table.itemSelectionChanged.connect(self._update_family_buttons)
        self.add_member_button = QPushButton(
            QCoreApplication.translate("ParticipantPage", "Dodaj c&złonka rodziny…"), self)
        self.add_member_button.setObjectName("addFamilyMemberButton")
        self.add_member_button.setToolTip(
            QCoreApplication.translate("ParticipantPage", "Krewny, który nie jest uczestnikiem programu"))
        self.add_participant_member_button = QPushButton(
            QCoreApplication.translate("ParticipantPage", "Dodaj &uczestnika do rodziny…"), self)
        self.add_participant_member_button.setObjectName("addParticipantMemberButton")
        self.add_participant_member_button.setToolTip(
            QCoreApplication.translate("ParticipantPage", "Osoba z rejestru uczestników"))
        self.remove_member_button = QPushButton(QCoreApplication.translate("ParticipantPage", "Usuń z rodzin&y"),
                                                self)
        self.remove_member_button.setObjectName("removeMemberButton")
        self.open_member_button = QPushButton(QCoreApplication.translate("ParticipantPage", "Otwórz stron&ę"), self)
        self.open_member_button.setObjectName("openMemberButton")
        self.open_member_button.setAccessibleName(
            QCoreApplication.translate("ParticipantPage", "Otwórz stronę zaznaczonego członka rodziny"))
        for button, slot in ((self.add_member_button, self.add_family_member),
                             (self.add_participant_member_button, self.add_participant_member),
                             (self.remove_member_button, self.remove_member),
                             (self.open_member_button, self.open_member)):
            button.setAutoDefault(False)
            button.setAccessibleName(button.accessibleName() or button.text().replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
        buttons = QHBoxLayout()
        for button in (self.add_member_button, self.add_participant_member_button, self.remove_member_button,
                       self.open_member_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.family_label)
        layout.addWidget(self.create_household_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.members_table, 1)
        layout.addLayout(buttons)

    # ---- Showing
    def refresh(self) -> None:
        self._show_family()

    def _show_family(self) -> None:
        household = self.page.household
        self.create_household_button.setVisible(household is None)
        self.members_table.setVisible(household is not None)
        for button in (self.add_member_button, self.add_participant_member_button, self.remove_member_button,
                       self.open_member_button):
            button.setVisible(household is not None)
        if household is None:
            self.family_label.setText(QCoreApplication.translate(
                "ParticipantPage", "Ta osoba nie ma jeszcze zapisanej rodziny (gospodarstwa domowego). "
                                   "Utwórz ją, aby dodać członków rodziny objętych wsparciem."))
            fill_table(self.members_table, [])
            return
        members = household.members
        yes, no = QCoreApplication.translate("Enums", "Tak"), QCoreApplication.translate("Enums", "Nie")
        head = QCoreApplication.translate("ParticipantPage", " (głowa rodziny)")
        title = household.name + (f" — {household.address}" if household.address else "")
        self.family_label.setText(QCoreApplication.translate(
            "ParticipantPage", "{household}. Osób w gospodarstwie: {count}.").format(
            household=title, count=len(members)))
        fill_table(self.members_table, [
            (m.name + (head if m.is_head else ""), m.relation, date_text(m.birth_date),
             yes if m.participant_id else no, yes if m.covered_by_support else no, m.pesel,
             enum_text(m.sex)) for m in members],
            row_ids=[m.id for m in members])
        self._members = {m.id: m for m in members}
        self._update_family_buttons()

    def _update_family_buttons(self) -> None:
        member = self.selected_member()
        self.remove_member_button.setEnabled(member is not None)
        self.open_member_button.setEnabled(member is not None and member.participant_id is not None
                                           and member.participant_id != self.page.participant_id)

    # ---- Commands
    def selected_member(self):
        member_id = selected_id(self.members_table)
        return getattr(self, "_members", {}).get(member_id)

    def create_household(self) -> None:
        page = self.page
        try:
            household_service.household_from_participant(page._db, page.participant_id)
        except PalError as err:
            error_dialog.show_error(page, err)
            return
        page._after_change(QCoreApplication.translate("ParticipantPage", "Utworzono rodzinę."))

    def add_family_member(self) -> None:
        from pal_desktop.ui.dialogs.family_forms import FamilyMemberDialog

        page = self.page
        if page.household is None:
            return
        dialog = FamilyMemberDialog(page._db, page.household.id, page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: page._after_change(
            QCoreApplication.translate("ParticipantPage", "Dodano członka rodziny.")))
        page.member_dialog = dialog
        dialog.open()

    def add_participant_member(self) -> None:
        from pal_desktop.ui.dialogs.family_forms import ParticipantMemberDialog

        page = self.page
        if page.household is None:
            return
        exclude = {m.participant_id for m in page.household.members if m.participant_id}
        dialog = ParticipantMemberDialog(page._db, page.household.id, page.programme_id, exclude, page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: page._after_change(
            QCoreApplication.translate("ParticipantPage", "Dodano uczestnika do rodziny.")))
        page.member_dialog = dialog
        dialog.open()

    def remove_member(self) -> None:
        page = self.page
        member = self.selected_member()
        if member is None:
            return
        if not questions.ask(
                page, QCoreApplication.translate("ParticipantPage", "Usunąć z rodziny?"),
                QCoreApplication.translate("ParticipantPage", "Usunąć {name} z rodziny „{household}”?").format(
                    name=member.name, household=page.household.name),
                informative=QCoreApplication.translate("ParticipantPage",
                                                       "Dane uczestnika w rejestrze pozostaną bez zmian."),
                yes=QCoreApplication.translate("ParticipantPage", "Usuń z rodziny"),
                no=QCoreApplication.translate("ParticipantPage", "Nie usuwaj")):
            return
        try:
            household_service.remove_member(page._db, member.id)
        except PalError as err:
            error_dialog.show_error(page, err)
            return
        page._after_change(QCoreApplication.translate("ParticipantPage", "Usunięto z rodziny: {name}.").format(
            name=member.name))

    def open_member(self) -> None:
        member = self.selected_member()
        if member is not None and member.participant_id and member.participant_id != self.page.participant_id:
            self.page.sig_open_participant.emit(member.participant_id)


__all__ = ["FamilySection"]
