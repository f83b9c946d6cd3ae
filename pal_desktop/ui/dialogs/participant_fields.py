"""How the participant screens name fields and show values: enum labels, dates, the history of changes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from pal_desktop.domain.enums import (
    DisabilityDegree,
    Education,
    LabourStatus,
    ParticipantStatus,
    Sex,
    SupportReason,
    TriState,
)
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.widgets.value_combo import ValueCombo

CONTEXT = "ParticipantFields"

#: Names of the fields ``services.participants.FIELD_LABELS`` does not name (used in the history of changes).
MORE_LABELS = {
    "flat_number": QT_TRANSLATE_NOOP("ParticipantFields", "Nr mieszkania"),
    "no_pesel": QT_TRANSLATE_NOOP("ParticipantFields", "Brak PESEL"),
    "street_id": QT_TRANSLATE_NOOP("ParticipantFields", "Ulica z listy obszaru"),
    "education": QT_TRANSLATE_NOOP("ParticipantFields", "Wykształcenie"),
    "labour_status": QT_TRANSLATE_NOOP("ParticipantFields", "Status na rynku pracy"),
    "labour_status_detail": QT_TRANSLATE_NOOP("ParticipantFields", "Status na rynku pracy — w tym"),
    "disability": QT_TRANSLATE_NOOP("ParticipantFields", "Niepełnosprawność"),
    "minority_or_foreign": QT_TRANSLATE_NOOP("ParticipantFields", "Mniejszość, migrant, obce pochodzenie"),
    "homeless": QT_TRANSLATE_NOOP("ParticipantFields", "Bezdomność lub wykluczenie z dostępu do mieszkań"),
    "other_disadvantage": QT_TRANSLATE_NOOP("ParticipantFields", "Inna niekorzystna sytuacja społeczna"),
    "completed_as_planned": QT_TRANSLATE_NOOP("ParticipantFields", "Zakończenie zgodnie ze ścieżką"),
    "image_consent_date": QT_TRANSLATE_NOOP("ParticipantFields", "Zgoda na wykorzystanie wizerunku"),
    "individual_plan_date": QT_TRANSLATE_NOOP("ParticipantFields", "Indywidualny plan działania"),
    "notes": QT_TRANSLATE_NOOP("ParticipantFields", "Uwagi"),
    "programme_id": QT_TRANSLATE_NOOP("ParticipantFields", "Program"),
    "reasons": QT_TRANSLATE_NOOP("ParticipantFields", "Przesłanki wsparcia"),
    "participant": QT_TRANSLATE_NOOP("ParticipantFields", "Uczestnik"),
    "programme": QT_TRANSLATE_NOOP("ParticipantFields", "Program"),
}

#: Columns kept for searching and sorting, never shown in the history.
TECHNICAL = {"search_text", "sort_key", "version", "created_at", "created_by", "updated_at", "updated_by", "id"}

ENUM_FIELDS = {
    "status": ParticipantStatus, "sex": Sex, "education": Education, "labour_status": LabourStatus,
    "disability": TriState, "disability_degree": DisabilityDegree, "minority_or_foreign": TriState,
    "homeless": TriState, "other_disadvantage": TriState, "completed_as_planned": TriState,
}


def enum_text(value) -> str:
    """The translated label of an enum member ("" for None)."""
    return QCoreApplication.translate("Enums", value.label) if value is not None else ""


def date_text(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def field_label(name: str) -> str:
    """The Polish (translated) name of a participant field, e.g. "email" -> "E-mail"."""
    from pal_desktop.services.participants import FIELD_LABELS

    if name in FIELD_LABELS:
        return QCoreApplication.translate("Fields", FIELD_LABELS[name])
    if name in MORE_LABELS:
        return QCoreApplication.translate(CONTEXT, MORE_LABELS[name])
    return name


def value_text(name: str, value) -> str:
    """A value of the history of changes as the form shows it ("" when empty)."""
    if value is None or value == "":
        return ""
    enum_cls = ENUM_FIELDS.get(name)
    if enum_cls is not None:
        try:
            return enum_text(enum_cls(value))
        except ValueError:
            return str(value)
    if isinstance(value, bool):
        return QCoreApplication.translate("Enums", "Tak" if value else "Nie")
    if name.endswith("_date") and isinstance(value, str):
        try:
            return date_text(dt.date.fromisoformat(value[:10]))
        except ValueError:
            return value
    return str(value)


def local_time_text(value: dt.datetime | None) -> str:
    """dd.mm.rrrr gg:mm in this computer's time zone (the database keeps UTC)."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().strftime("%d.%m.%Y %H:%M")


def enum_combo(combo: ValueCombo, enum_cls, empty: str | None) -> ValueCombo:
    """Fill ``combo`` with the members of ``enum_cls`` (an item for "not given" first when ``empty``)."""
    if empty is not None:
        combo.addItem(empty, None)
    for member in enum_cls:
        combo.addItem(enum_text(member), member)
    return combo


def set_combo_value(combo, value) -> None:
    if isinstance(combo, ValueCombo):
        combo.set_value(value)
        return
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def reason_texts(reasons) -> str:
    return "; ".join(enum_text(SupportReason(r)) for r in reasons)
