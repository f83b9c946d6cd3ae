"""The parts the forms and dialogs build alike: a field's row (the field, the red message under it, hidden
until there is one, and its label), a combo box to pick from or type in, the "Zapisz" / "Anuluj" buttons with
Ctrl+S and a "Zamknij" button.

Texts come in already translated by the form that uses them, so each keeps its own translation context.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "QLabel { color: #b3261e; }"


def reserve_space(label: QLabel, lines: int = 1) -> QLabel:
    """Keep ``label``'s room in the layout while it is hidden or empty (``lines`` lines of text), so that a
    message appearing never pushes the buttons under the mouse down."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * lines)
    return label


def error_label(parent: QWidget, object_name: str, accessible_name: str = "", *, style: str = ERROR_STYLE,
                selectable: bool = False, reserve_lines: int = 0) -> QLabel:
    """A hidden, word-wrapped red message (``selectable``: the user can select its text to copy it;
    ``reserve_lines``: the layout keeps its room while it is hidden)."""
    label = QLabel(parent)
    if object_name:
        label.setObjectName(object_name)
    label.setStyleSheet(style)
    label.setWordWrap(True)
    if accessible_name:
        label.setAccessibleName(accessible_name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if reserve_lines:
        reserve_space(label, reserve_lines)
    label.hide()
    return label


class ButtonText(NamedTuple):
    """A button's text, accessible name and tooltip ("" for none), translated by the form."""

    text: str
    accessible: str
    tip: str = ""
    object_name: str = ""


class SaveButtons(NamedTuple):
    box: QDialogButtonBox
    save: QPushButton
    cancel: QPushButton
    shortcut: QShortcut


def save_cancel_buttons(dialog: QDialog, save: ButtonText, cancel: ButtonText, *,
                        enter_saves: bool = True) -> SaveButtons:
    """"Zapisz" runs ``dialog.save`` (also Ctrl+S), "Anuluj" ``dialog.reject`` (also Esc). With ``enter_saves``
    "Zapisz" is the dialog's default button; without it no button takes Enter."""
    box = QDialogButtonBox(dialog)
    save_button = _add(box, save, QDialogButtonBox.ButtonRole.AcceptRole)
    if enter_saves:
        save_button.setDefault(True)
    else:
        save_button.setAutoDefault(False)
    cancel_button = _add(box, cancel, QDialogButtonBox.ButtonRole.RejectRole)
    if not enter_saves:
        cancel_button.setAutoDefault(False)
    save_button.clicked.connect(dialog.save)
    cancel_button.clicked.connect(dialog.reject)
    shortcut = QShortcut(QKeySequence.StandardKey.Save, dialog, dialog.save)
    return SaveButtons(box, save_button, cancel_button, shortcut)


def _add(box: QDialogButtonBox, spec: ButtonText, role: QDialogButtonBox.ButtonRole) -> QPushButton:
    button = box.addButton(spec.text, role)
    if spec.object_name:
        button.setObjectName(spec.object_name)
    button.setAccessibleName(spec.accessible)
    if spec.tip:
        button.setToolTip(spec.tip)
    return button


def field_column(parent: QWidget, *, spacing: int = 2) -> tuple[QWidget, QVBoxLayout]:
    """A margin-less column for a form's field and what stands under it (a hint, the error message)."""
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(spacing)
    return box, column


def labelled_row(form: QFormLayout, parent: QWidget, label_text: str, buddy: QWidget, field: QWidget) -> QLabel:
    """Add ``field`` to ``form`` beside a label whose shortcut letter focuses ``buddy``; returns the label."""
    label = QLabel(label_text, parent)
    label.setBuddy(buddy)
    form.addRow(label, field)
    return label


def add_close_button(box: QDialogButtonBox, dialog: QDialog, text: str, accessible: str, tip: str = "") -> QPushButton:
    """A "Zamknij" button in ``box`` that rejects ``dialog`` (as Esc does) and never takes Enter."""
    button = box.addButton(text, QDialogButtonBox.ButtonRole.RejectRole)
    button.setAccessibleName(accessible)
    if tip:
        button.setToolTip(tip)
    button.setAutoDefault(False)
    button.clicked.connect(dialog.reject)
    return button


def editable_choice(parent: QWidget, items: list[str], placeholder: str = "") -> QComboBox:
    """A combo box to pick one of ``items`` or type something else (typing adds nothing to the list); it
    starts empty, showing ``placeholder``."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(items)
    combo.setCurrentText("")
    if placeholder:
        combo.lineEdit().setPlaceholderText(placeholder)
    return combo
