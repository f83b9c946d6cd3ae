"""Nowy uczestnik / Edycja uczestnika: every field of the registry, checked as it is typed.

The form is grouped the way the paper forms are (Dane osobowe, Adres, Kontakt, Sytuacja, Udział w programie,
Dokumenty, Uwagi) and scrolls on a small screen. Every change is checked by the registry service (a moment
after the typing stops) and each broken rule is shown in red beside its field; "Zapisz" (Ctrl+S) is enabled
only when nothing is broken. A brand-new form does not shout: the "cannot be empty" messages of the name and
PESEL fields appear once those fields have been touched (or when Ctrl+S is pressed), and the line above the
buttons says what is still missing.

A valid PESEL fills the birth date and sex (shown read-only); "brak PESEL" enables the document number, the
birth date and sex instead. A street outside the programme's revitalisation area needs a reason. The same
PESEL as someone already registered shows "Otwórz istniejący rekord". Esc asks before throwing changes away.
Saving an existing record passes the version read, so a change made meanwhile by someone else is refused
(the form then reloads what is saved now).
(the form then reloads what is saved now).

This module is the form itself: its frame and buttons, the values (shown and read back as the registry's
``ParticipantInput``), reacting to changes and the commands. The row helpers are in ``participant_form_rows``,
the field groups in ``participant_form_groups`` (address: ``participant_form_address``, EU data set:
``participant_efs_fields``) and the checking in ``participant_form_validation``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.domain import validation as rules
from pal_desktop.domain.enums import Sex, TriState
from pal_desktop.domain.text import street_key
from pal_desktop.errors import ConflictError, PalError, ValidationError
from pal_desktop.services import participants as registry
from pal_desktop.ui.dialogs import error_dialog, questions
from pal_desktop.ui.dialogs import participant_efs_fields as efs_fields
from pal_desktop.ui.dialogs import participant_form_address as address
from pal_desktop.ui.dialogs import participant_form_groups as groups
from pal_desktop.ui.dialogs import participant_form_rows as rows
from pal_desktop.ui.dialogs import participant_form_validation as validation
from pal_desktop.ui.dialogs.participant_fields import set_combo_value
from pal_desktop.ui.dialogs.participant_form_groups import DATE_FIELDS, DOCUMENT_FIELDS, TRI_FIELDS
from pal_desktop.ui.widgets.date_field import DateField
from pal_desktop.ui.widgets.form_parts import ButtonText, save_cancel_buttons
from pal_desktop.ui.widgets.screen_fit import fit_to_screen
from pal_desktop.ui.widgets.value_combo import ValueCombo

VALIDATE_DELAY_MS = 200


class ParticipantForm(QDialog):
    sig_saved = Signal(int, object)
    """Saved: the participant's id and the warnings (Polish texts) of the save."""
    sig_open_participant = Signal(int)
    """The user asked to open an existing participant (the same PESEL is already registered)."""

    def __init__(self, db, programme_id: int | None, participant_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.programme_id = programme_id
        self.participant_id = participant_id
        self._version: int | None = None
        self._loading = True
        self._revealed = participant_id is not None
        self._touched: set[str] = set()
        self._errors: dict[str, list[str]] = {}
        self._existing_id: int | None = None
        self.saved_id: int | None = None
        self.editors: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.setObjectName("participantForm")
        self.setSizeGripEnabled(True)
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate_now)

        self._streets = registry.area_streets(db, programme_id) if programme_id is not None else []
        self._street_by_key = {street_key(s.name): s for s in self._streets}

        self._build()
        if participant_id is None:
            self.setWindowTitle(self.tr("Nowy uczestnik"))
            self._set_values(None)
        else:
            self._set_values(registry.get_participant(db, participant_id))
        self.setAccessibleName(self.windowTitle())
        self._initial = self._snapshot()
        self._loading = False
        self.validate_now()
        self._fit_to_screen()
        self.editors["first_name"].setFocus()

    # ---- Building ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        content = QWidget(self)
        content.setObjectName("formContent")
        left = QVBoxLayout()
        left.addWidget(self._build_personal())
        left.addWidget(self._build_address())
        left.addWidget(self._build_contact())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._build_situation())
        right.addWidget(self._build_participation())
        for group in efs_fields.build_groups(self):
            right.addWidget(group)
        right.addWidget(self._build_documents())
        right.addWidget(self._build_notes())
        right.addStretch(1)
        columns = QHBoxLayout(content)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("formScroll")
        self.scroll.setAccessibleName(self.tr("Pola formularza"))
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(content)

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("formSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName(self.tr("Stan formularza"))
        self.general_error = self._error_label("general", self.tr("Błąd formularza"))

        self.buttons, self.save_button, self.cancel_button, _ = save_cancel_buttons(
            self, ButtonText(self.tr("&Zapisz"), self.tr("Zapisz uczestnika"), self.tr("Zapisz (Ctrl+S)"),
                             "saveButton"),
            ButtonText(self.tr("Anuluj"), self.tr("Zamknij formularz bez zapisywania"),
                       self.tr("Zamknij bez zapisywania (Esc)"), "cancelButton"), enter_saves=False)

        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(bottom)

    # The row helpers (participant_form_rows), also used by the groups' modules
    def _group(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        return rows.group(self, title)

    def _error_label(self, field: str, name: str) -> QLabel:
        return rows.error_label(self, field, name)

    def _row(self, form: QFormLayout, field: str, label_text: str, editor: QWidget, *,
             extras: tuple[QWidget, ...] = (), below: tuple[QWidget, ...] = (), name: str | None = None) -> QWidget:
        """A form row: the editor (and extras beside it), its error label and anything else under it."""
        return rows.row(self, form, field, label_text, editor, extras=extras, below=below, name=name)

    def _line(self, field: str, *, placeholder: str = "", max_length: int = 0) -> QLineEdit:
        return rows.line(self, field, placeholder=placeholder, max_length=max_length)

    def _combo(self, field: str) -> ValueCombo:
        return rows.combo(self, field)

    def _date(self, field: str, *, today_button: bool = False, placeholder: str | None = None) -> DateField:
        return rows.date(self, field, today_button=today_button, placeholder=placeholder)

    def _hint(self, text: str = "") -> QLabel:
        return rows.hint(self, text)

    # The groups (participant_form_groups, participant_form_address)
    def _build_personal(self) -> QGroupBox:
        return groups.build_personal(self)

    def _build_address(self) -> QGroupBox:
        return address.build_address(self)

    def _build_contact(self) -> QGroupBox:
        return groups.build_contact(self)

    def _build_situation(self) -> QGroupBox:
        return groups.build_situation(self)

    def _build_participation(self) -> QGroupBox:
        return groups.build_participation(self)

    def _build_documents(self) -> QGroupBox:
        return groups.build_documents(self)

    def _build_notes(self) -> QGroupBox:
        return groups.build_notes(self)

    def _fit_to_screen(self) -> None:
        fit_to_screen(self, 1180, 760)

    # ---- Values --------------------------------------------------------------------------------------------
    def _set_values(self, detail) -> None:
        data = detail if detail is not None else registry.ParticipantInput(first_name="", last_name="")
        if detail is not None:
            self._version = detail.version
            self._loaded = registry.as_input(detail)  # the base a stale save is merged against
            self.setWindowTitle(self.tr("Edycja uczestnika: {name}").format(
                name=f"{detail.first_name} {detail.last_name}"))
        text_fields = ("first_name", "last_name", "document_number", "outside_area_reason", "house_number",
                       "flat_number", "postal_code", "city", "phone", "email", "labour_status_detail",
                       "end_situation")
        for name in text_fields:
            self.editors[name].setText(getattr(data, name) or "")
        self.no_pesel_check.setChecked(bool(data.no_pesel))
        self.editors["pesel"].setText(data.pesel or "")
        self.street_combo.setCurrentText(data.street_name or "")
        for name in DATE_FIELDS:
            self.editors[name].set_date(getattr(data, name))
        set_combo_value(self.editors["sex"], data.sex)
        set_combo_value(self.editors["education"], data.education)
        set_combo_value(self.editors["labour_status"], data.labour_status)
        for name in TRI_FIELDS:
            set_combo_value(self.editors[name], getattr(data, name))
        set_combo_value(self.editors["disability_degree"], data.disability_degree)
        set_combo_value(self.editors["status"], data.status)
        wanted = set(data.reasons)
        for row in range(self.reasons_list.count()):
            item = self.reasons_list.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)
        self.editors["notes"].setPlainText(data.notes or "")
        efs_fields.set_values(self, data)
        efs_fields.show_for_programme(self, self._db, self.programme_id or getattr(data, "programme_id", None))
        self._update_dependent()

    def street_option(self):
        """The area street matching what is typed in the street field, or None."""
        return address.street_option(self)

    def is_outside_area(self) -> bool:
        return address.is_outside_area(self)

    def pesel_details(self) -> tuple[str, dt.date, Sex] | None:
        """(number, birth date, sex) when the PESEL field holds a valid number."""
        if self.no_pesel_check.isChecked():
            return None
        try:
            return rules.check_pesel(self.editors["pesel"].text())
        except ValidationError:
            return None

    def current_input(self):
        """What the form says, as the registry's ParticipantInput."""
        text = {name: self.editors[name].text() for name in (
            "first_name", "last_name", "house_number", "flat_number", "postal_code", "city", "phone", "email",
            "labour_status_detail", "end_situation")}
        no_pesel = self.no_pesel_check.isChecked()
        street = self.street_option()
        dates = {name: self.editors[name].date() for name in DATE_FIELDS}
        pesel = self.pesel_details()
        if not no_pesel:
            dates["birth_date"] = pesel[1] if pesel else None
        sex = self.editors["sex"].currentData()
        if not no_pesel:
            sex = pesel[2] if pesel else None
        disability = self.editors["disability"].currentData()
        reasons = tuple(self.reasons_list.item(row).data(Qt.ItemDataRole.UserRole)
                        for row in range(self.reasons_list.count())
                        if self.reasons_list.item(row).checkState() == Qt.CheckState.Checked)
        return registry.ParticipantInput(
            **text,
            programme_id=self.programme_id if self.participant_id is None else None,
            status=self.editors["status"].currentData(),
            pesel="" if no_pesel else self.editors["pesel"].text().strip(),
            no_pesel=no_pesel,
            document_number=self.editors["document_number"].text() if no_pesel else "",
            sex=sex,
            street_id=street.id if street is not None else None,
            street_name=street.name if street is not None else self.street_combo.currentText(),
            outside_area_reason=self.editors["outside_area_reason"].text() if self.is_outside_area() else "",
            education=self.editors["education"].currentData(),
            labour_status=self.editors["labour_status"].currentData(),
            disability=disability,
            disability_degree=(self.editors["disability_degree"].currentData()
                               if disability == TriState.YES else None),
            minority_or_foreign=self.editors["minority_or_foreign"].currentData(),
            homeless=self.editors["homeless"].currentData(),
            other_disadvantage=self.editors["other_disadvantage"].currentData(),
            completed_as_planned=self.editors["completed_as_planned"].currentData(),
            notes=self.editors["notes"].toPlainText(),
            reasons=reasons,
            **dates,
            **efs_fields.values(self),
        )

    def _snapshot(self) -> tuple:
        dates = tuple(self.editors[name].text() for name in DATE_FIELDS)
        return (self.current_input(), dates, self.editors["pesel"].text(), self.editors["document_number"].text(),
                self.editors["outside_area_reason"].text(), self.editors["sex"].currentIndex())

    def is_dirty(self) -> bool:
        """Something was changed since the form opened (or was last reloaded)."""
        return self._snapshot() != self._initial

    # ---- Reacting to changes -------------------------------------------------------------------------------
    def _changed(self, field: str) -> None:
        if self._loading:
            return
        self._touched.add(field)
        if field == "street_name":
            self._street_chosen()
        if field in ("pesel", "street_name", "disability"):
            self._update_dependent()
        self._validate_timer.start()

    def _on_no_pesel(self, checked: bool) -> None:
        if checked and self.editors["pesel"].text() and not self._loading:
            self.editors["pesel"].clear()
        self._update_dependent()
        self._changed("pesel")

    def _update_dependent(self) -> None:
        no_pesel = self.no_pesel_check.isChecked()
        pesel_edit = self.editors["pesel"]
        pesel_edit.setEnabled(not no_pesel)
        self.editors["document_number"].setEnabled(no_pesel)
        birth: DateField = self.editors["birth_date"]
        sex: QComboBox = self.editors["sex"]
        details = self.pesel_details()
        if no_pesel:
            birth.set_read_only(False)
            sex.setEnabled(True)
            self.birth_hint.clear()
        else:
            birth.set_read_only(True)
            sex.setEnabled(False)
            wanted_birth = details[1] if details else None
            if birth.date() != wanted_birth or (wanted_birth is None and birth.text()):
                birth.set_date(wanted_birth)
            set_combo_value(sex, details[2] if details else None)
            self.birth_hint.setText(self.tr("z numeru PESEL") if details else self.tr("uzupełni się z PESEL"))
        disability_yes = self.editors["disability"].currentData() == TriState.YES
        degree = self.editors["disability_degree"]
        degree.setEnabled(disability_yes)
        if not disability_yes and degree.currentIndex() != 0:
            degree.setCurrentIndex(0)
        address.update_outside_area(self)

    def _street_chosen(self, _index: int = -1) -> None:
        """A street of the area fills the postal code and the town, where they are still empty."""
        address.street_chosen(self)

    def _tidy_postal_code(self, text: str) -> None:
        address.tidy_postal_code(self, text)

    # ---- Validation (participant_form_validation) -----------------------------------------------------------
    def validate_now(self) -> dict[str, list[str]]:
        """Check the form now; show each broken rule beside its field; returns {field: [messages]}."""
        self._validate_timer.stop()
        return validation.validate(self)

    def _shown(self, field: str) -> bool:
        return validation.is_shown(self, field)

    def _show_errors(self) -> None:
        validation.show_errors(self)

    def _field_name(self, field: str) -> str:
        return validation.field_name(self, field)

    def errors(self) -> dict[str, list[str]]:
        return dict(self._errors)

    def error_text(self, field: str) -> str:
        """The message shown beside ``field`` ("" when none is shown)."""
        label = self.error_labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def reveal_errors(self) -> None:
        """Show every broken rule (also the "cannot be empty" ones) and go to the first field at fault."""
        validation.reveal_errors(self)

    # ---- Commands ------------------------------------------------------------------------------------------
    def open_existing(self) -> None:
        if self._existing_id is not None:
            self.sig_open_participant.emit(self._existing_id)

    def save(self) -> bool:
        """Check, confirm look-alikes, save; on success close the form and emit ``sig_saved``."""
        if self.validate_now():
            self.reveal_errors()
            return False
        data = self.current_input()
        look_alikes = [h for h in registry.find_duplicates(self._db, data, self.participant_id) if not h.same_pesel]
        if look_alikes:
            names = "\n".join(self.tr("• {name}, ur. {birth}").format(
                name=h.name, birth=h.birth_date.strftime("%d.%m.%Y") if h.birth_date else "—") for h in look_alikes)
            if not questions.ask(self, self.tr("Możliwy duplikat"),
                                 self.tr("W rejestrze jest już osoba o tym samym imieniu, nazwisku i dacie "
                                         "urodzenia:\n{names}").format(names=names),
                                 informative=self.tr("Zapisz tylko wtedy, gdy to na pewno inna osoba."),
                                 yes=self.tr("Zapisz mimo to"), no=self.tr("Wróć do formularza")):
                return False
        from pal_desktop.ui.dialogs.conflict_dialog import KeptTheirVersion, SaveCancelled

        try:
            if self.participant_id is None:
                result = registry.create_participant(self._db, data)
            else:
                result = self._update(data)
        except SaveCancelled:
            return False
        except KeptTheirVersion:  # the other person's version stays: nothing of ours is written
            self._initial = self._snapshot()
            super().accept()
            return True
        except ValidationError as err:
            field = err.field if err.field in self.editors or err.field in self.error_labels else "general"
            self._errors = {field: [error_dialog.error_text(err)]}
            self.reveal_errors()
            return False
        except PalError as err:
            error_dialog.show_error(self, err)
            return False
        self.saved_id = result.id
        self._initial = self._snapshot()
        warnings = tuple(QCoreApplication.translate("Validation", w) for w in result.warnings)
        self.sig_saved.emit(result.id, warnings)
        super().accept()
        return True

    def _update(self, data):
        """Save over the version the form loaded; when someone saved the person since, ask what to keep."""
        from pal_desktop.services import conflicts
        from pal_desktop.ui.dialogs import conflict_dialog

        try:
            return registry.update_participant(self._db, self.participant_id, data, expected_version=self._version)
        except ConflictError:
            now = registry.get_participant(self._db, self.participant_id)
            theirs = registry.as_input(now)
            labels = {name: QCoreApplication.translate("Fields", label) for name, label in registry.FIELD_LABELS.items()}
            shown = {"reasons": lambda reasons: ", ".join(QCoreApplication.translate("Enums", r.label) for r in reasons)
                     or "—"}
            choice, keep_mine = conflict_dialog.choose(
                self, conflicts.field_conflicts(self._loaded, theirs, data, labels, shown))
            if choice is conflict_dialog.Choice.THEIRS:
                raise conflict_dialog.KeptTheirVersion() from None
            if choice is conflict_dialog.Choice.CANCEL:
                raise conflict_dialog.SaveCancelled() from None
            chosen = conflicts.merge(self._loaded, theirs, data, keep_mine) \
                if choice is conflict_dialog.Choice.MERGE else data
            result = registry.update_participant(self._db, self.participant_id, chosen, expected_version=now.version)
            self._loaded, self._version = theirs, result.version
            return result

    def reload(self) -> None:
        """Show what is saved now (after somebody else's change), forgetting the edits."""
        if self.participant_id is None:
            return
        self._loading = True
        try:
            self._set_values(registry.get_participant(self._db, self.participant_id))
        finally:
            self._loading = False
        self._initial = self._snapshot()
        self.validate_now()

    def accept(self) -> None:  # Enter in a field must not close the form unsaved
        self.save()

    def reject(self) -> None:
        if self.is_dirty() and not questions.ask(
                self, self.tr("Porzucić zmiany?"),
                self.tr("Zmiany w formularzu nie zostały zapisane. Porzucić je?"),
                yes=self.tr("Porzuć zmiany"), no=self.tr("Wróć do formularza")):
            return
        self._validate_timer.stop()
        super().reject()

__all__ = ["ParticipantForm", "DOCUMENT_FIELDS"]
