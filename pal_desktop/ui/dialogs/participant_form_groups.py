"""The participant form's field groups, as on the paper forms, and the names of their fields.

Dane osobowe, Kontakt, Sytuacja, Udział w programie, Dokumenty (data podpisania) and Uwagi; each group is
built on the form ``dialog`` with its row helpers (``dialog._group``, ``dialog._row``, ``dialog._line``...),
so every editor lands in ``dialog.editors`` and reports its changes to the form. The address group is in
``participant_form_address``, the EU data-set groups in ``participant_efs_fields``.

The texts keep the translation context "ParticipantForm" they had when these groups were built by the form.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
)

from pal_desktop.domain.enums import (
    DisabilityDegree,
    Education,
    LabourStatus,
    ParticipantStatus,
    Sex,
    SupportReason,
    TriState,
)
from pal_desktop.ui.dialogs.participant_fields import enum_combo, enum_text

DOCUMENT_FIELDS = ("declaration_date", "data_protection_date", "image_consent_date", "individual_plan_date")
DATE_FIELDS = ("birth_date", "start_date", "end_date", *DOCUMENT_FIELDS)
TRI_FIELDS = ("disability", "minority_or_foreign", "homeless", "other_disadvantage", "completed_as_planned")


def build_personal(dialog) -> QGroupBox:
    """Imię, nazwisko, PESEL or "brak PESEL" with the document number, the birth date and sex."""
    box, form = dialog._group(QCoreApplication.translate("ParticipantForm", "Dane osobowe"))
    dialog._row(form, "first_name", QCoreApplication.translate("ParticipantForm", "&Imię:"),
                dialog._line("first_name"))
    dialog._row(form, "last_name", QCoreApplication.translate("ParticipantForm", "&Nazwisko:"),
                dialog._line("last_name"))
    dialog.no_pesel_check = QCheckBox(QCoreApplication.translate("ParticipantForm", "&brak PESEL"), dialog)
    dialog.no_pesel_check.setObjectName("field_no_pesel")
    dialog.no_pesel_check.setAccessibleName(QCoreApplication.translate("ParticipantForm", "Brak numeru PESEL"))
    dialog.no_pesel_check.setToolTip(QCoreApplication.translate(
        "ParticipantForm", "Osoba nie ma numeru PESEL (np. cudzoziemiec): podaj numer dokumentu i datę urodzenia"))
    dialog.no_pesel_check.toggled.connect(dialog._on_no_pesel)
    dialog.open_existing_button = QPushButton(
        QCoreApplication.translate("ParticipantForm", "Otw&órz istniejący rekord"), dialog)
    dialog.open_existing_button.setObjectName("openExistingButton")
    dialog.open_existing_button.setAccessibleName(
        QCoreApplication.translate("ParticipantForm", "Otwórz rekord osoby z tym numerem PESEL"))
    dialog.open_existing_button.setAutoDefault(False)
    dialog.open_existing_button.clicked.connect(dialog.open_existing)
    dialog.open_existing_button.hide()
    dialog._row(form, "pesel", QCoreApplication.translate("ParticipantForm", "&PESEL:"),
                dialog._line("pesel", placeholder=QCoreApplication.translate("ParticipantForm", "11 cyfr"),
                             max_length=13),
                extras=(dialog.no_pesel_check,), below=(dialog.open_existing_button,))
    dialog.open_existing_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    dialog._row(form, "document_number", QCoreApplication.translate("ParticipantForm", "Numer d&okumentu:"),
                dialog._line("document_number",
                             placeholder=QCoreApplication.translate("ParticipantForm", "dla osoby bez PESEL")),
                name=QCoreApplication.translate("ParticipantForm", "Numer dokumentu tożsamości"))
    dialog.birth_hint = dialog._hint()
    dialog._row(form, "birth_date", QCoreApplication.translate("ParticipantForm", "Data &urodzenia:"),
                dialog._date("birth_date"), extras=(dialog.birth_hint,))
    sex = enum_combo(dialog._combo("sex"), Sex, QCoreApplication.translate("ParticipantForm", "— nie podano —"))
    dialog._row(form, "sex", QCoreApplication.translate("ParticipantForm", "P&łeć:"), sex)
    return box


def build_contact(dialog) -> QGroupBox:
    box, form = dialog._group(QCoreApplication.translate("ParticipantForm", "Kontakt"))
    dialog._row(form, "phone", QCoreApplication.translate("ParticipantForm", "&Telefon:"),
                dialog._line("phone", placeholder=QCoreApplication.translate("ParticipantForm", "np. 600 100 200")))
    dialog._row(form, "email", QCoreApplication.translate("ParticipantForm", "&E-mail:"),
                dialog._line("email",
                             placeholder=QCoreApplication.translate("ParticipantForm", "np. jan.kowalski@example.pl")))
    return box


def build_situation(dialog) -> QGroupBox:
    """Education, the labour market, disadvantages and the reasons for support (a checkable list)."""
    box, form = dialog._group(QCoreApplication.translate("ParticipantForm", "Sytuacja"))
    not_given = QCoreApplication.translate("ParticipantForm", "— nie podano —")
    dialog._row(form, "education", QCoreApplication.translate("ParticipantForm", "Wykształcenie:"),
                enum_combo(dialog._combo("education"), Education, not_given))
    dialog._row(form, "labour_status", QCoreApplication.translate("ParticipantForm", "Status na rynku\npracy:"),
                enum_combo(dialog._combo("labour_status"), LabourStatus, not_given),
                name=QCoreApplication.translate("ParticipantForm", "Status na rynku pracy"))
    dialog._row(form, "labour_status_detail", QCoreApplication.translate("ParticipantForm", "w tym:"),
                dialog._line("labour_status_detail", placeholder=QCoreApplication.translate(
                    "ParticipantForm", "np. osoba długotrwale bezrobotna")),
                name=QCoreApplication.translate("ParticipantForm", "Status na rynku pracy — w tym"))
    disability = enum_combo(dialog._combo("disability"), TriState, not_given)
    degree = enum_combo(dialog._combo("disability_degree"), DisabilityDegree,
                        QCoreApplication.translate("ParticipantForm", "— nie dotyczy —"))
    degree_label = QLabel(QCoreApplication.translate("ParticipantForm", "stopień:"), dialog)
    degree_label.setBuddy(degree)
    dialog._row(form, "disability", QCoreApplication.translate("ParticipantForm", "Niepełnosprawność:"), disability,
                extras=(degree_label, degree))
    degree.setObjectName("field_disability_degree")
    degree.setAccessibleName(QCoreApplication.translate("ParticipantForm", "Stopień niepełnosprawności"))
    dialog.editors["disability_degree"] = degree
    dialog._row(form, "minority_or_foreign",
                QCoreApplication.translate("ParticipantForm", "Mniejszość, migrant,\nobce pochodzenie:"),
                enum_combo(dialog._combo("minority_or_foreign"), TriState, not_given),
                name=QCoreApplication.translate(
                    "ParticipantForm", "Mniejszość narodowa lub etniczna, migrant, osoba obcego pochodzenia"))
    dialog._row(form, "homeless", QCoreApplication.translate("ParticipantForm", "Bezdomność:"),
                enum_combo(dialog._combo("homeless"), TriState, not_given),
                name=QCoreApplication.translate("ParticipantForm", "Bezdomność lub wykluczenie z dostępu do mieszkań"))
    dialog._row(form, "other_disadvantage",
                QCoreApplication.translate("ParticipantForm", "Inna niekorzystna\nsytuacja społeczna:"),
                enum_combo(dialog._combo("other_disadvantage"), TriState, not_given),
                name=QCoreApplication.translate("ParticipantForm", "Inna niekorzystna sytuacja społeczna"))
    reasons = QListWidget(dialog)
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
    reasons.itemChanged.connect(lambda _item: dialog._changed("reasons"))
    dialog.reasons_list = reasons
    dialog._row(form, "reasons", QCoreApplication.translate("ParticipantForm", "Przesłanki\nwsparcia:"), reasons,
                name=QCoreApplication.translate("ParticipantForm", "Przesłanki wsparcia (zaznacz spacją)"))
    return box


def build_participation(dialog) -> QGroupBox:
    box, form = dialog._group(QCoreApplication.translate("ParticipantForm", "Udział w programie"))
    dialog._row(form, "status", QCoreApplication.translate("ParticipantForm", "&Status:"),
                enum_combo(dialog._combo("status"), ParticipantStatus, None))
    dialog._row(form, "start_date", QCoreApplication.translate("ParticipantForm", "Data &rozpoczęcia:"),
                dialog._date("start_date", today_button=True),
                name=QCoreApplication.translate("ParticipantForm", "Data rozpoczęcia udziału"))
    dialog._row(form, "end_date", QCoreApplication.translate("ParticipantForm", "Data zakończenia:"),
                dialog._date("end_date", today_button=True),
                name=QCoreApplication.translate("ParticipantForm", "Data zakończenia udziału"))
    dialog._row(form, "end_situation", QCoreApplication.translate("ParticipantForm", "Sytuacja w chwili\nzakończenia:"),
                dialog._line("end_situation",
                             placeholder=QCoreApplication.translate("ParticipantForm", "np. osoba podjęła pracę")),
                name=QCoreApplication.translate("ParticipantForm", "Sytuacja w chwili zakończenia"))
    dialog._row(form, "completed_as_planned",
                QCoreApplication.translate("ParticipantForm", "Zakończenie zgodnie\nze ścieżką:"),
                enum_combo(dialog._combo("completed_as_planned"), TriState,
                           QCoreApplication.translate("ParticipantForm", "— nie określono —")),
                name=QCoreApplication.translate("ParticipantForm", "Zakończenie zgodnie ze ścieżką"))
    return box


def build_documents(dialog) -> QGroupBox:
    """The signing date of each document; an empty field means not signed yet."""
    box, form = dialog._group(QCoreApplication.translate("ParticipantForm", "Dokumenty (data podpisania)"))
    note = dialog._hint(QCoreApplication.translate("ParticipantForm",
                                                   "Puste pole oznacza, że dokumentu jeszcze nie podpisano."))
    form.addRow(note)
    missing = QCoreApplication.translate("ParticipantForm", "brak — dd.mm.rrrr")
    dialog._row(form, "declaration_date", QCoreApplication.translate("ParticipantForm", "Deklaracja\nuczestnictwa:"),
                dialog._date("declaration_date", today_button=True, placeholder=missing),
                name=QCoreApplication.translate("ParticipantForm", "Deklaracja uczestnictwa — data podpisania"))
    dialog._row(form, "data_protection_date", QCoreApplication.translate("ParticipantForm", "Oświadczenie RODO:"),
                dialog._date("data_protection_date", today_button=True, placeholder=missing),
                name=QCoreApplication.translate("ParticipantForm", "Oświadczenie RODO — data podpisania"))
    dialog._row(form, "image_consent_date", QCoreApplication.translate("ParticipantForm", "Zgoda na wizerunek:"),
                dialog._date("image_consent_date", today_button=True, placeholder=missing),
                name=QCoreApplication.translate("ParticipantForm",
                                                "Zgoda na wykorzystanie wizerunku — data podpisania"))
    dialog._row(form, "individual_plan_date",
                QCoreApplication.translate("ParticipantForm", "Indywidualny plan\ndziałania:"),
                dialog._date("individual_plan_date", today_button=True, placeholder=missing),
                name=QCoreApplication.translate("ParticipantForm", "Indywidualny plan działania — data podpisania"))
    return box


def build_notes(dialog) -> QGroupBox:
    box, form = dialog._group(QCoreApplication.translate("ParticipantForm", "Uwagi"))
    notes = QPlainTextEdit(dialog)
    notes.setTabChangesFocus(True)
    notes.setMinimumHeight(notes.fontMetrics().lineSpacing() * 3 + 12)
    notes.setMaximumHeight(notes.fontMetrics().lineSpacing() * 5 + 12)
    notes.textChanged.connect(lambda: dialog._changed("notes"))
    dialog._row(form, "notes", QCoreApplication.translate("ParticipantForm", "U&wagi:"), notes)
    return box


__all__ = ["DATE_FIELDS", "DOCUMENT_FIELDS", "TRI_FIELDS", "build_contact", "build_documents", "build_notes",
           "build_participation", "build_personal", "build_situation"]
