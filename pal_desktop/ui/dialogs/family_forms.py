"""The family's forms on the participant's page: a relative who is not a participant (with an optional PESEL
that gives the birth date and sex), and a participant of the registry joining the family."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QLineEdit, QListWidget, QListWidgetItem, QWidget

from pal_desktop.domain.enums import Sex
from pal_desktop.errors import ValidationError
from pal_desktop.ui.dialogs import error_dialog
from pal_desktop.ui.dialogs.participant_fields import enum_combo, set_combo_value
from pal_desktop.ui.dialogs.small_forms import SmallForm
from pal_desktop.ui.latest_query import LatestQueryRunner, is_in_memory
from pal_desktop.ui.widgets.date_field import DateField
from pal_desktop.ui.widgets.form_parts import editable_choice
from pal_desktop.ui.widgets.value_combo import ValueCombo

#: Relations offered for a family member (any other may be typed).
RELATIONS = ("małżonek", "małżonka", "partner", "partnerka", "syn", "córka", "matka", "ojciec", "brat", "siostra",
             "wnuk", "wnuczka", "babcia", "dziadek", "inna osoba we wspólnym gospodarstwie")


class FamilyMemberDialog(SmallForm):
    """A relative who is not a participant, covered by support with the family.

    A PESEL is optional; once it is a valid number, the birth date and sex come from it (as in the participant
    form) and cannot be typed differently."""

    def __init__(self, db, household_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Członek rodziny"), parent)
        self._db, self.household_id = db, household_id
        self.saved_id: int | None = None
        self.add_field("first_name", self.tr("&Imię:"), QLineEdit(self))
        self.add_field("last_name", self.tr("&Nazwisko:"), QLineEdit(self))
        pesel = QLineEdit(self)
        pesel.setMaxLength(11)
        pesel.setPlaceholderText(self.tr("nieobowiązkowy; poda datę urodzenia i płeć"))
        pesel.textChanged.connect(self._pesel_changed)
        self.add_field("pesel", self.tr("&PESEL:"), pesel)
        relation = editable_choice(self, [QCoreApplication.translate("Relations", r) for r in RELATIONS],
                                   self.tr("np. syn, córka, małżonek"))
        self.add_field("relation", self.tr("P&okrewieństwo:"), relation)
        self.add_field("birth_date", self.tr("Data &urodzenia:"), DateField(self))
        self.add_field("sex", self.tr("P&łeć:"), enum_combo(ValueCombo(self), Sex, self.tr("— nie podano —")))
        covered = QCheckBox(self.tr("objęty wsparciem w programie"), self)
        covered.setChecked(True)
        self.add_field("covered_by_support", self.tr("&Wsparcie:"), covered, name=self.tr("Objęty wsparciem"))
        self.remember_initial()
        self.resize(460, self.sizeHint().height())

    def pesel_details(self):
        """(number, birth date, sex) when the PESEL field holds a valid number, else None."""
        from pal_desktop.domain import validation as rules

        try:
            return rules.check_pesel(self.fields["pesel"].text())
        except ValidationError:
            return None

    def _pesel_changed(self) -> None:
        details = self.pesel_details()
        birth: DateField = self.fields["birth_date"]
        birth.set_read_only(details is not None)
        self.fields["sex"].setEnabled(details is None)
        if details is not None:
            birth.set_date(details[1])
            set_combo_value(self.fields["sex"], details[2])

    def submit(self) -> None:
        from pal_desktop.services import households

        self.saved_id = households.add_family_member(
            self._db, self.household_id, self.fields["first_name"].text(), self.fields["last_name"].text(),
            self.fields["relation"].currentText(), self.fields["birth_date"].date(),
            self.fields["covered_by_support"].isChecked(), pesel=self.fields["pesel"].text(),
            sex=self.fields["sex"].currentData())


class ParticipantMemberDialog(SmallForm):
    """A participant of the registry joining the family: found by name, PESEL or street."""

    def __init__(self, db, household_id: int, programme_id: int | None, exclude: set[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Dodaj uczestnika do rodziny"), parent)
        self._db, self.household_id, self.programme_id, self.exclude = db, household_id, programme_id, exclude
        self.saved_id: int | None = None
        self.reader = LatestQueryRunner(self, synchronous=is_in_memory(db))
        search = QLineEdit(self)
        search.setPlaceholderText(self.tr("nazwisko, imię, PESEL lub ulica"))
        search.setClearButtonEnabled(True)
        self.add_field("search", self.tr("&Szukaj:"), search, name=self.tr("Szukaj uczestnika"))
        results = QListWidget(self)
        results.setMinimumHeight(180)
        self.add_field("participant", self.tr("&Uczestnik:"), results, name=self.tr("Znalezieni uczestnicy"))
        relation = editable_choice(self, [QCoreApplication.translate("Relations", r) for r in RELATIONS])
        self.add_field("relation", self.tr("&Pokrewieństwo:"), relation)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.find)
        search.textChanged.connect(lambda _text: self._timer.start())
        results.itemDoubleClicked.connect(lambda _item: self.save())
        self._generation = 0
        self.remember_initial()
        self.resize(520, 420)

    def find(self) -> None:
        from pal_desktop.services.participants import ParticipantQuery, search_participants

        self._generation += 1
        generation = self._generation
        text = self.fields["search"].text().strip()
        if not text:
            self._show([], generation)
            return
        db, query = self._db, ParticipantQuery(programme_id=self.programme_id, text=text)
        self.reader.submit("page", lambda: search_participants(db, query, 0, 50),
                           lambda rows: self._show(rows, generation), lambda exc: error_dialog.show_error(self, exc))

    def _show(self, rows, generation: int) -> None:
        if generation != self._generation:
            return
        results: QListWidget = self.fields["participant"]
        results.clear()
        for row in rows:
            if row.id in self.exclude:
                continue
            born = row.birth_date.strftime("%d.%m.%Y") if row.birth_date else ""
            item = QListWidgetItem(f"{row.last_name} {row.first_name}, ur. {born}, {row.address}".strip(", "))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            results.addItem(item)
        if results.count():
            results.setCurrentRow(0)

    def submit(self) -> None:
        from pal_desktop.services import households

        item = self.fields["participant"].currentItem()
        if item is None:
            raise ValidationError(QCoreApplication.translate(
                "SmallForm", "Wyszukaj i zaznacz uczestnika, który ma dołączyć do rodziny."), field="participant",
                context="SmallForm")
        self.saved_id = households.add_participant_member(
            self._db, self.household_id, item.data(Qt.ItemDataRole.UserRole), self.fields["relation"].currentText())

    def is_dirty(self) -> bool:
        return False  # nothing typed here is lost that cannot be found again in a second


# ---- Internships and cash assistance (office-only data, art. 100 of the social-assistance act) -----------


__all__ = ["FamilyMemberDialog", "ParticipantMemberDialog", "RELATIONS"]
