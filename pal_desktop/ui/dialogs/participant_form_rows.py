"""How a row of the participant form is made: the group box, the editor with its error label, the editors.

Each row puts its editor in ``dialog.editors`` (named ``field_<name>``, with its accessible name) and its red
message label in ``dialog.error_labels``; line, combo and date editors report every change to the form
(``dialog._changed``), which checks it a moment later. Also the colours the form's labels use.

The texts keep the translation context "ParticipantForm" they had when these helpers were the form's.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from pal_desktop.ui.widgets import form_parts
from pal_desktop.ui.widgets.date_field import DateField
from pal_desktop.ui.widgets.value_combo import ValueCombo

ERROR_STYLE = form_parts.ERROR_STYLE
WARNING_STYLE = "QLabel { color: #8a5300; }"
HINT_STYLE = "QLabel { color: palette(placeholder-text); }"
INVALID_STYLE = "border: 1px solid #b3261e; border-radius: 2px;"


def group(dialog, title: str) -> tuple[QGroupBox, QFormLayout]:
    """A titled group box with a form layout, labels right-aligned."""
    box = QGroupBox(title, dialog)
    box.setAccessibleName(title.replace("&", ""))
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return box, form


def error_label(dialog, field: str, name: str) -> QLabel:
    """The red message under ``field`` (hidden until there is one), kept in ``dialog.error_labels``."""
    label = form_parts.error_label(
        dialog, f"error_{field}", QCoreApplication.translate("ParticipantForm", "Błąd: {field}").format(field=name),
        selectable=True)
    dialog.error_labels[field] = label
    return label


def row(dialog, form: QFormLayout, field: str, label_text: str, editor: QWidget, *,
        extras: tuple[QWidget, ...] = (), below: tuple[QWidget, ...] = (), name: str | None = None) -> QWidget:
    """A form row: the editor (and extras beside it), its error label and anything else under it."""
    name = name or label_text.replace("&", "").rstrip(":")
    editor.setObjectName(f"field_{field}")
    editor.setAccessibleName(name)
    dialog.editors[field] = editor
    box, column = form_parts.field_column(dialog)
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
    column.addWidget(dialog._error_label(field, name))
    for widget in below:
        column.addWidget(widget)
    form_parts.labelled_row(form, dialog, label_text, editor, box)
    return box


def line(dialog, field: str, *, placeholder: str = "", max_length: int = 0) -> QLineEdit:
    edit = QLineEdit(dialog)
    edit.setPlaceholderText(placeholder)
    if max_length:
        edit.setMaxLength(max_length)
    edit.textChanged.connect(lambda _text, f=field: dialog._changed(f))
    return edit


def combo(dialog, field: str) -> ValueCombo:
    combo = ValueCombo(dialog)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    combo.currentIndexChanged.connect(lambda _index, f=field: dialog._changed(f))
    return combo


def date(dialog, field: str, *, today_button: bool = False, placeholder: str | None = None) -> DateField:
    date = DateField(dialog, today_button=today_button, placeholder=placeholder)
    date.sig_changed.connect(lambda f=field: dialog._changed(f))
    return date


def hint(dialog, text: str = "") -> QLabel:
    label = QLabel(text, dialog)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    return label


__all__ = ["ERROR_STYLE", "HINT_STYLE", "INVALID_STYLE", "WARNING_STYLE", "combo", "date", "error_label", "group",
           "hint", "line", "row"]
