"""The participant form's checking: what is broken, where it is shown, what the line above the buttons says.

The dates must be dates; every other rule is the registry service's (``participants.validate``). Each broken
rule is shown in red under its field (fields sharing a row under the row's first one) and the editor gets a
red border. On a brand-new form the "cannot be empty" messages of the name, PESEL and birth-date fields wait
until the field is touched (or everything is revealed, as Ctrl+S does); the summary names what is still
missing and what to correct. A PESEL already registered offers "Otwórz istniejący rekord".

The texts keep the translation context "ParticipantForm" they had when this was part of the form.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from pal_desktop.errors import PalError, ValidationError
from pal_desktop.services import participants as registry
from pal_desktop.ui.dialogs import error_dialog
from pal_desktop.ui.dialogs.participant_fields import field_label
from pal_desktop.ui.dialogs.participant_form_groups import DATE_FIELDS
from pal_desktop.ui.dialogs.participant_form_rows import ERROR_STYLE, HINT_STYLE, INVALID_STYLE
from pal_desktop.ui.widgets.date_field import DateField

#: Fields whose "cannot be empty" message waits until the field is touched on a brand-new form.
QUIET_UNTIL_TOUCHED = {"first_name", "last_name", "pesel", "document_number", "birth_date"}
#: Fields sharing a row show their messages under the row's first field.
SHOWN_UNDER = {"city": "postal_code", "disability_degree": "disability", "flat_number": "house_number"}


def validate(dialog) -> dict[str, list[str]]:
    """Check the form ``dialog`` now and show the result; returns {field: [messages]}."""
    errors: dict[str, list[str]] = {}
    dialog._existing_id = None
    for name in DATE_FIELDS:
        field: DateField = dialog.editors[name]
        if not field.is_valid():
            errors.setdefault(name, []).append(QCoreApplication.translate(
                "ParticipantForm", "„{text}” to nie jest data — wpisz ją w postaci dd.mm.rrrr, np. 15.03.2021.").format(
                text=field.text().strip()))
    try:
        found = registry.validate(dialog._db, dialog.current_input(), dialog.participant_id)
    except ValidationError as err:
        found = [err]
    except PalError as err:
        found = []
        errors.setdefault("general", []).append(error_dialog.error_text(err))
    for err in found:
        field = err.field if err.field in dialog.editors or err.field in dialog.error_labels else "general"
        if field in errors and field in DATE_FIELDS:
            continue  # the text is not a date: that message says enough
        errors.setdefault(field, []).append(error_dialog.error_text(err))
        if err.field == "pesel" and err.params.get("existing_id"):
            dialog._existing_id = err.params["existing_id"]
    dialog._errors = errors
    dialog._show_errors()
    return errors


def is_shown(dialog, field: str) -> bool:
    """The messages of ``field`` are shown (not waiting for the field to be touched)."""
    return dialog._revealed or field not in QUIET_UNTIL_TOUCHED or field in dialog._touched


def show_errors(dialog) -> None:
    """The red messages and borders, "Otwórz istniejący rekord", the street note, Zapisz and the summary."""
    for field, label in dialog.error_labels.items():
        messages = [m for name in (field, *(k for k, v in SHOWN_UNDER.items() if v == field))
                    if dialog._shown(name) for m in dialog._errors.get(name, [])]
        visible = bool(messages)
        label.setText("\n".join(messages) if visible else "")
        label.setVisible(visible)
    for field, editor in dialog.editors.items():
        bad = field in dialog._errors and dialog._shown(field)
        target = editor.edit if isinstance(editor, DateField) else editor
        name = type(target).__name__
        target.setStyleSheet(f"{name} {{ {INVALID_STYLE} }}" if bad else "")
    dialog.open_existing_button.setVisible(dialog._existing_id is not None and dialog._shown("pesel"))
    # The red message under the reason says it all; the amber note stays once a reason is given.
    dialog.street_warning.setVisible(dialog.is_outside_area() and "outside_area_reason" not in dialog._errors)
    valid = not dialog._errors
    dialog.save_button.setEnabled(valid)
    if valid:
        dialog.summary_label.setStyleSheet(HINT_STYLE)
        dialog.summary_label.setText(QCoreApplication.translate("ParticipantForm",
                                                                "Wszystkie pola są poprawne. Zapisz: Ctrl+S."))
        return
    hidden = [f for f in dialog._errors if not dialog._shown(f)]
    shown = [f for f in dialog._errors if dialog._shown(f)]
    dialog.summary_label.setStyleSheet(ERROR_STYLE)
    parts = []
    if hidden:
        parts.append(QCoreApplication.translate("ParticipantForm", "Uzupełnij: {fields}.").format(
            fields=", ".join(dialog._field_name(f) for f in hidden)))
    if shown:
        parts.append(QCoreApplication.translate(
            "ParticipantForm", "Popraw pola oznaczone na czerwono: {fields}.").format(
            fields=", ".join(dialog._field_name(f) for f in shown)))
    dialog.summary_label.setText(" ".join(parts))


def field_name(dialog, field: str) -> str:
    """How the summary names ``field``: its editor's accessible name, else the registry's label."""
    editor = dialog.editors.get(field)
    if editor is not None and editor.accessibleName():
        return editor.accessibleName()
    return field_label(field)


def reveal_errors(dialog) -> None:
    """Show every broken rule (also the "cannot be empty" ones) and go to the first field at fault."""
    dialog._revealed = True
    dialog._show_errors()
    for field in dialog.editors:
        if field in dialog._errors:
            editor = dialog.editors[field]
            dialog.scroll.ensureWidgetVisible(editor)
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            break


__all__ = ["QUIET_UNTIL_TOUCHED", "SHOWN_UNDER", "field_name", "is_shown", "reveal_errors", "show_errors",
           "validate"]
