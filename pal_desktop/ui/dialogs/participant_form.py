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
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.domain import validation as rules
from pal_desktop.domain.enums import (
    DisabilityDegree,
    Education,
    LabourStatus,
    ParticipantStatus,
    Sex,
    SupportReason,
    TriState,
)
from pal_desktop.domain.text import fold
from pal_desktop.errors import ConflictError, PalError, ValidationError
from pal_desktop.services import participants as registry
from pal_desktop.ui.dialogs import error_dialog, questions
from pal_desktop.ui.dialogs import participant_efs_fields as efs_fields
from pal_desktop.ui.dialogs.participant_fields import enum_combo, enum_text, field_label, set_combo_value
from pal_desktop.ui.widgets.date_field import DateField
from pal_desktop.ui.widgets.value_combo import ValueCombo

ERROR_STYLE = "QLabel { color: #b3261e; }"
WARNING_STYLE = "QLabel { color: #8a5300; }"
HINT_STYLE = "QLabel { color: palette(placeholder-text); }"
INVALID_STYLE = "border: 1px solid #b3261e; border-radius: 2px;"
VALIDATE_DELAY_MS = 200
#: Fields whose "cannot be empty" message waits until the field is touched on a brand-new form.
QUIET_UNTIL_TOUCHED = {"first_name", "last_name", "pesel", "document_number", "birth_date"}
DOCUMENT_FIELDS = ("declaration_date", "data_protection_date", "image_consent_date", "individual_plan_date")
DATE_FIELDS = ("birth_date", "start_date", "end_date", *DOCUMENT_FIELDS)
TRI_FIELDS = ("disability", "minority_or_foreign", "homeless", "other_disadvantage", "completed_as_planned")
#: Fields sharing a row show their messages under the row's first field.
SHOWN_UNDER = {"city": "postal_code", "disability_degree": "disability", "flat_number": "house_number"}


def _street_key(name: str) -> str:
    return fold(name).removeprefix("ul. ").strip()


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
        self._street_by_key = {_street_key(s.name): s for s in self._streets}

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

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("&Zapisz"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Zapisz uczestnika"))
        self.save_button.setToolTip(self.tr("Zapisz (Ctrl+S)"))
        self.save_button.setAutoDefault(False)
        self.cancel_button = self.buttons.addButton(self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setAccessibleName(self.tr("Zamknij formularz bez zapisywania"))
        self.cancel_button.setToolTip(self.tr("Zamknij bez zapisywania (Esc)"))
        self.cancel_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(bottom)

    def _group(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title, self)
        box.setAccessibleName(title.replace("&", ""))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return box, form

    def _error_label(self, field: str, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"error_{field}")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setAccessibleName(self.tr("Błąd: {field}").format(field=name))
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        self.error_labels[field] = label
        return label

    def _row(self, form: QFormLayout, field: str, label_text: str, editor: QWidget, *,
             extras: tuple[QWidget, ...] = (), below: tuple[QWidget, ...] = (), name: str | None = None) -> QWidget:
        """A form row: the editor (and extras beside it), its error label and anything else under it."""
        name = name or label_text.replace("&", "").rstrip(":")
        editor.setObjectName(f"field_{field}")
        editor.setAccessibleName(name)
        self.editors[field] = editor
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if extras:
            line = QHBoxLayout()
            narrow = isinstance(editor, DateField) or editor.maximumWidth() < 1000
            line.addWidget(editor, 0 if narrow else 1)
            for extra in extras:
                line.addWidget(extra, 1 if isinstance(extra, QLineEdit | QComboBox) and not narrow else 0)
            if narrow and not any(isinstance(e, QLineEdit | QComboBox) and e.maximumWidth() >= 1000
                                  for e in extras):
                line.addStretch(1)
            column.addLayout(line)
            # Tab follows the row as it is seen: the editor, then what stands beside it (an extra made
            # before its editor, like "brak PESEL", would otherwise come first)
            previous = editor
            if isinstance(editor, DateField):
                previous = [child for child in (editor.edit, *editor.findChildren(QToolButton))
                            if child.focusPolicy() & Qt.FocusPolicy.TabFocus][-1]
            for extra in extras:
                if extra.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    QWidget.setTabOrder(previous, extra)
                    previous = extra
        else:
            column.addWidget(editor)
        column.addWidget(self._error_label(field, name))
        for widget in below:
            column.addWidget(widget)
        label = QLabel(label_text, self)
        label.setBuddy(editor)
        form.addRow(label, box)
        return box

    def _line(self, field: str, *, placeholder: str = "", max_length: int = 0) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        if max_length:
            edit.setMaxLength(max_length)
        edit.textChanged.connect(lambda _text, f=field: self._changed(f))
        return edit

    def _combo(self, field: str) -> ValueCombo:
        combo = ValueCombo(self)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.currentIndexChanged.connect(lambda _index, f=field: self._changed(f))
        return combo

    def _date(self, field: str, *, today_button: bool = False, placeholder: str | None = None) -> DateField:
        date = DateField(self, today_button=today_button, placeholder=placeholder)
        date.sig_changed.connect(lambda f=field: self._changed(f))
        return date

    def _hint(self, text: str = "") -> QLabel:
        label = QLabel(text, self)
        label.setStyleSheet(HINT_STYLE)
        label.setWordWrap(True)
        return label

    def _build_personal(self) -> QGroupBox:
        box, form = self._group(self.tr("Dane osobowe"))
        self._row(form, "first_name", self.tr("&Imię:"), self._line("first_name"))
        self._row(form, "last_name", self.tr("&Nazwisko:"), self._line("last_name"))
        self.no_pesel_check = QCheckBox(self.tr("&brak PESEL"), self)
        self.no_pesel_check.setObjectName("field_no_pesel")
        self.no_pesel_check.setAccessibleName(self.tr("Brak numeru PESEL"))
        self.no_pesel_check.setToolTip(self.tr("Osoba nie ma numeru PESEL (np. cudzoziemiec): podaj numer "
                                               "dokumentu i datę urodzenia"))
        self.no_pesel_check.toggled.connect(self._on_no_pesel)
        self.open_existing_button = QPushButton(self.tr("&Otwórz istniejący rekord"), self)
        self.open_existing_button.setObjectName("openExistingButton")
        self.open_existing_button.setAccessibleName(self.tr("Otwórz rekord osoby z tym numerem PESEL"))
        self.open_existing_button.setAutoDefault(False)
        self.open_existing_button.clicked.connect(self.open_existing)
        self.open_existing_button.hide()
        self._row(form, "pesel", self.tr("&PESEL:"), self._line("pesel", placeholder=self.tr("11 cyfr"),
                                                                  max_length=13),
                  extras=(self.no_pesel_check,), below=(self.open_existing_button,))
        self.open_existing_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._row(form, "document_number", self.tr("Numer &dokumentu:"),
                  self._line("document_number", placeholder=self.tr("dla osoby bez PESEL")),
                  name=self.tr("Numer dokumentu tożsamości"))
        self.birth_hint = self._hint()
        self._row(form, "birth_date", self.tr("Data &urodzenia:"), self._date("birth_date"),
                  extras=(self.birth_hint,))
        sex = enum_combo(self._combo("sex"), Sex, self.tr("— nie podano —"))
        self._row(form, "sex", self.tr("Pł&eć:"), sex)
        return box

    def _build_address(self) -> QGroupBox:
        box, form = self._group(self.tr("Adres"))
        street = QComboBox(self)
        street.setEditable(True)
        street.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        street.setMaxVisibleItems(15)
        street.addItem("", None)
        for option in self._streets:
            street.addItem(option.name, option.id)
        completer = QCompleter([s.name for s in self._streets], street)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        street.setCompleter(completer)
        street.lineEdit().setPlaceholderText(self.tr("wybierz z listy ulic obszaru albo wpisz"))
        street.currentTextChanged.connect(lambda _text: self._changed("street_name"))
        street.activated.connect(self._street_chosen)
        self.street_combo = street
        self.street_warning = QLabel(self)
        self.street_warning.setObjectName("streetWarning")
        self.street_warning.setStyleSheet(WARNING_STYLE)
        self.street_warning.setWordWrap(True)
        self.street_warning.hide()
        self._row(form, "street_name", self.tr("U&lica:"), street, below=(self.street_warning,),
                  name=self.tr("Ulica"))
        self._row(form, "outside_area_reason", self.tr("Uzasadnienie adresu\nspoza obszaru:"),
                  self._line("outside_area_reason", placeholder=self.tr("tylko dla ulicy spoza obszaru rewitalizacji")),
                  name=self.tr("Uzasadnienie adresu spoza obszaru"))
        house = self._line("house_number")
        house.setMaximumWidth(90)
        flat = self._line("flat_number")
        flat.setMaximumWidth(90)
        flat.setObjectName("field_flat_number")
        flat.setAccessibleName(self.tr("Nr mieszkania"))
        self.editors["flat_number"] = flat
        flat_label = QLabel(self.tr("Nr &mieszkania:"), self)
        flat_label.setBuddy(flat)
        self._row(form, "house_number", self.tr("Nr &domu:"), house, extras=(flat_label, flat),
                  name=self.tr("Nr domu"))
        postal = self._line("postal_code", placeholder="00-000", max_length=6)
        postal.setMaximumWidth(90)
        postal.textEdited.connect(self._tidy_postal_code)
        city = self._line("city")
        city_label = QLabel(self.tr("Miejs&cowość:"), self)
        city_label.setBuddy(city)
        self._row(form, "postal_code", self.tr("&Kod pocztowy:"), postal, extras=(city_label, city),
                  name=self.tr("Kod pocztowy"))
        city.setObjectName("field_city")
        city.setAccessibleName(self.tr("Miejscowość"))
        self.editors["city"] = city
        return box

    def _build_contact(self) -> QGroupBox:
        box, form = self._group(self.tr("Kontakt"))
        self._row(form, "phone", self.tr("&Telefon:"), self._line("phone", placeholder=self.tr("np. 600 100 200")))
        self._row(form, "email", self.tr("E-&mail:"), self._line("email", placeholder=self.tr("np. jan.kowalski@example.pl")))
        return box

    def _build_situation(self) -> QGroupBox:
        box, form = self._group(self.tr("Sytuacja"))
        not_given = self.tr("— nie podano —")
        self._row(form, "education", self.tr("Wykształcenie:"), enum_combo(self._combo("education"), Education,
                                                                            not_given))
        self._row(form, "labour_status", self.tr("Status na rynku\npracy:"),
                  enum_combo(self._combo("labour_status"), LabourStatus, not_given),
                  name=self.tr("Status na rynku pracy"))
        self._row(form, "labour_status_detail", self.tr("w tym:"),
                  self._line("labour_status_detail", placeholder=self.tr("np. osoba długotrwale bezrobotna")),
                  name=self.tr("Status na rynku pracy — w tym"))
        disability = enum_combo(self._combo("disability"), TriState, not_given)
        degree = enum_combo(self._combo("disability_degree"), DisabilityDegree, self.tr("— nie dotyczy —"))
        degree_label = QLabel(self.tr("stopień:"), self)
        degree_label.setBuddy(degree)
        self._row(form, "disability", self.tr("Niepełnosprawność:"), disability, extras=(degree_label, degree))
        degree.setObjectName("field_disability_degree")
        degree.setAccessibleName(self.tr("Stopień niepełnosprawności"))
        self.editors["disability_degree"] = degree
        self._row(form, "minority_or_foreign", self.tr("Mniejszość, migrant,\nobce pochodzenie:"),
                  enum_combo(self._combo("minority_or_foreign"), TriState, not_given),
                  name=self.tr("Mniejszość narodowa lub etniczna, migrant, osoba obcego pochodzenia"))
        self._row(form, "homeless", self.tr("Bezdomność:"), enum_combo(self._combo("homeless"), TriState, not_given),
                  name=self.tr("Bezdomność lub wykluczenie z dostępu do mieszkań"))
        self._row(form, "other_disadvantage", self.tr("Inna niekorzystna\nsytuacja społeczna:"),
                  enum_combo(self._combo("other_disadvantage"), TriState, not_given),
                  name=self.tr("Inna niekorzystna sytuacja społeczna"))
        reasons = QListWidget(self)
        reasons.setWordWrap(True)
        reasons.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        reasons.setResizeMode(QListWidget.ResizeMode.Adjust)
        for reason in SupportReason:
            item = QListWidgetItem(enum_text(reason))
            item.setData(Qt.ItemDataRole.UserRole, reason)
            item.setToolTip(enum_text(reason))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Unchecked)
            reasons.addItem(item)
        reasons.setMinimumHeight(reasons.sizeHintForRow(0) * 6 + 6)
        reasons.setMaximumHeight(reasons.sizeHintForRow(0) * 8 + 6)
        reasons.itemChanged.connect(lambda _item: self._changed("reasons"))
        self.reasons_list = reasons
        self._row(form, "reasons", self.tr("Przesłanki\nwsparcia:"), reasons,
                  name=self.tr("Przesłanki wsparcia (zaznacz spacją)"))
        return box

    def _build_participation(self) -> QGroupBox:
        box, form = self._group(self.tr("Udział w programie"))
        self._row(form, "status", self.tr("&Status:"), enum_combo(self._combo("status"), ParticipantStatus, None))
        self._row(form, "start_date", self.tr("Data &rozpoczęcia:"), self._date("start_date", today_button=True),
                  name=self.tr("Data rozpoczęcia udziału"))
        self._row(form, "end_date", self.tr("Data zakończenia:"), self._date("end_date", today_button=True),
                  name=self.tr("Data zakończenia udziału"))
        self._row(form, "end_situation", self.tr("Sytuacja w chwili\nzakończenia:"),
                  self._line("end_situation", placeholder=self.tr("np. osoba podjęła pracę")),
                  name=self.tr("Sytuacja w chwili zakończenia"))
        self._row(form, "completed_as_planned", self.tr("Zakończenie zgodnie\nze ścieżką:"),
                  enum_combo(self._combo("completed_as_planned"), TriState, self.tr("— nie określono —")),
                  name=self.tr("Zakończenie zgodnie ze ścieżką"))
        return box

    def _build_documents(self) -> QGroupBox:
        box, form = self._group(self.tr("Dokumenty (data podpisania)"))
        note = self._hint(self.tr("Puste pole oznacza, że dokumentu jeszcze nie podpisano."))
        form.addRow(note)
        missing = self.tr("brak — dd.mm.rrrr")
        self._row(form, "declaration_date", self.tr("Deklaracja\nuczestnictwa:"),
                  self._date("declaration_date", today_button=True, placeholder=missing),
                  name=self.tr("Deklaracja uczestnictwa — data podpisania"))
        self._row(form, "data_protection_date", self.tr("Oświadczenie RODO:"),
                  self._date("data_protection_date", today_button=True, placeholder=missing),
                  name=self.tr("Oświadczenie RODO — data podpisania"))
        self._row(form, "image_consent_date", self.tr("Zgoda na wizerunek:"),
                  self._date("image_consent_date", today_button=True, placeholder=missing),
                  name=self.tr("Zgoda na wykorzystanie wizerunku — data podpisania"))
        self._row(form, "individual_plan_date", self.tr("Indywidualny plan\ndziałania:"),
                  self._date("individual_plan_date", today_button=True, placeholder=missing),
                  name=self.tr("Indywidualny plan działania — data podpisania"))
        return box

    def _build_notes(self) -> QGroupBox:
        box, form = self._group(self.tr("Uwagi"))
        notes = QPlainTextEdit(self)
        notes.setTabChangesFocus(True)
        notes.setMinimumHeight(notes.fontMetrics().lineSpacing() * 3 + 12)
        notes.setMaximumHeight(notes.fontMetrics().lineSpacing() * 5 + 12)
        notes.textChanged.connect(lambda: self._changed("notes"))
        self._row(form, "notes", self.tr("U&wagi:"), notes)
        return box

    def _fit_to_screen(self) -> None:
        screen = self.screen()
        width, height = 1180, 760
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width() - 40), min(height, available.height() - 40)
        self.resize(width, height)

    # ---- Values --------------------------------------------------------------------------------------------
    def _set_values(self, detail) -> None:
        data = detail if detail is not None else registry.ParticipantInput(first_name="", last_name="")
        if detail is not None:
            self._version = detail.version
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
        return self._street_by_key.get(_street_key(self.street_combo.currentText()))

    def is_outside_area(self) -> bool:
        text = self.street_combo.currentText().strip()
        return bool(text) and bool(self._streets) and self.street_option() is None

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
        outside = self.is_outside_area()
        self.editors["outside_area_reason"].setEnabled(outside)
        if outside:
            self.street_warning.setText(self.tr(
                "Ulicy „{street}” nie ma na liście ulic obszaru rewitalizacji tego programu — adres zostanie "
                "zapisany z uzasadnieniem.").format(street=self.street_combo.currentText().strip()))
        self.street_warning.setVisible(outside and "outside_area_reason" not in self._errors)

    def _street_chosen(self, _index: int = -1) -> None:
        """A street of the area fills the postal code and the town, where they are still empty."""
        option = self.street_option()
        if option is None:
            return
        if option.postal_code and not self.editors["postal_code"].text():
            self.editors["postal_code"].setText(option.postal_code)
        if option.locality and not self.editors["city"].text():
            self.editors["city"].setText(option.locality)

    def _tidy_postal_code(self, text: str) -> None:
        digits = text.replace("-", "")
        if len(digits) == 5 and digits.isdigit() and text != f"{digits[:2]}-{digits[2:]}":
            self.editors["postal_code"].setText(f"{digits[:2]}-{digits[2:]}")

    # ---- Validation ----------------------------------------------------------------------------------------
    def validate_now(self) -> dict[str, list[str]]:
        """Check the form now; show each broken rule beside its field; returns {field: [messages]}."""
        self._validate_timer.stop()
        errors: dict[str, list[str]] = {}
        self._existing_id = None
        for name in DATE_FIELDS:
            field: DateField = self.editors[name]
            if not field.is_valid():
                errors.setdefault(name, []).append(self.tr(
                    "„{text}” to nie jest data — wpisz ją w postaci dd.mm.rrrr, np. 15.03.2021.").format(
                    text=field.text().strip()))
        try:
            found = registry.validate(self._db, self.current_input(), self.participant_id)
        except ValidationError as err:
            found = [err]
        except PalError as err:
            found = []
            errors.setdefault("general", []).append(error_dialog.error_text(err))
        for err in found:
            field = err.field if err.field in self.editors or err.field in self.error_labels else "general"
            if field in errors and field in DATE_FIELDS:
                continue  # the text is not a date: that message says enough
            errors.setdefault(field, []).append(error_dialog.error_text(err))
            if err.field == "pesel" and err.params.get("existing_id"):
                self._existing_id = err.params["existing_id"]
        self._errors = errors
        self._show_errors()
        return errors

    def _shown(self, field: str) -> bool:
        return self._revealed or field not in QUIET_UNTIL_TOUCHED or field in self._touched

    def _show_errors(self) -> None:
        for field, label in self.error_labels.items():
            messages = [m for name in (field, *(k for k, v in SHOWN_UNDER.items() if v == field))
                        if self._shown(name) for m in self._errors.get(name, [])]
            visible = bool(messages)
            label.setText("\n".join(messages) if visible else "")
            label.setVisible(visible)
        for field, editor in self.editors.items():
            bad = field in self._errors and self._shown(field)
            target = editor.edit if isinstance(editor, DateField) else editor
            name = type(target).__name__
            target.setStyleSheet(f"{name} {{ {INVALID_STYLE} }}" if bad else "")
        self.open_existing_button.setVisible(self._existing_id is not None and self._shown("pesel"))
        # The red message under the reason says it all; the amber note stays once a reason is given.
        self.street_warning.setVisible(self.is_outside_area() and "outside_area_reason" not in self._errors)
        valid = not self._errors
        self.save_button.setEnabled(valid)
        if valid:
            self.summary_label.setStyleSheet(HINT_STYLE)
            self.summary_label.setText(self.tr("Wszystkie pola są poprawne. Zapisz: Ctrl+S."))
            return
        hidden = [f for f in self._errors if not self._shown(f)]
        shown = [f for f in self._errors if self._shown(f)]
        self.summary_label.setStyleSheet(ERROR_STYLE)
        parts = []
        if hidden:
            parts.append(self.tr("Uzupełnij: {fields}.").format(fields=", ".join(self._field_name(f) for f in hidden)))
        if shown:
            parts.append(self.tr("Popraw pola oznaczone na czerwono: {fields}.").format(
                fields=", ".join(self._field_name(f) for f in shown)))
        self.summary_label.setText(" ".join(parts))

    def _field_name(self, field: str) -> str:
        editor = self.editors.get(field)
        if editor is not None and editor.accessibleName():
            return editor.accessibleName()
        return field_label(field)

    def errors(self) -> dict[str, list[str]]:
        return dict(self._errors)

    def error_text(self, field: str) -> str:
        """The message shown beside ``field`` ("" when none is shown)."""
        label = self.error_labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def reveal_errors(self) -> None:
        """Show every broken rule (also the "cannot be empty" ones) and go to the first field at fault."""
        self._revealed = True
        self._show_errors()
        for field in self.editors:
            if field in self._errors:
                editor = self.editors[field]
                self.scroll.ensureWidgetVisible(editor)
                editor.setFocus(Qt.FocusReason.OtherFocusReason)
                break

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
        try:
            if self.participant_id is None:
                result = registry.create_participant(self._db, data)
            else:
                result = registry.update_participant(self._db, self.participant_id, data,
                                                     expected_version=self._version)
        except ConflictError as err:
            error_dialog.show_error(self, err)
            self.reload()
            return False
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
