"""The shape shared by the animator and volunteer forms: labelled fields, each with its error line under it.

A form builds its fields with ``line``/``date``/``text``/``check``/``combo``; ``save`` (the button, Enter or
Ctrl+S) calls the form's ``submit``; a ``PalError`` it raises is shown in red under the field it names (or
above the buttons when it names none) and the form stays open with the field focused. A date field whose
text is not a date is refused before the service is asked (``dates``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.errors import PalError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.dialogs import error_dialog
from pal_desktop.ui.widgets.date_field import DateField
from pal_desktop.ui.widgets.form_parts import ButtonText, error_label, field_column, save_cancel_buttons

HINT_STYLE = "QLabel { color: palette(placeholder-text); }"
WARNING_STYLE = "QLabel { color: #8a5300; }"
INVALID_STYLE = "border: 1px solid #b3261e; border-radius: 2px;"


def scrolling(parent: QWidget, *parts) -> QScrollArea:
    """``parts`` (layouts or widgets) one under another in a frameless scrolling area: a dialog's fields, which
    may grow when messages show while the dialog and its buttons keep their place."""
    content = QWidget(parent)
    content.setObjectName("formContent")
    column = QVBoxLayout(content)
    column.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, QWidget):
            column.addWidget(part)
        else:
            column.addLayout(part)
    column.addStretch(1)
    scroll = QScrollArea(parent)
    scroll.setObjectName("formScroll")
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the last field to the buttons
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    return scroll


def fit_height(dialog: QWidget, scroll: QScrollArea) -> None:
    """The dialog's height to what the scrolling area's content needs at its width (Qt counts neither wrapped
    texts nor a scrolling area's content itself), at most the screen's."""
    dialog.layout().activate()
    content = scroll.widget()
    width = scroll.viewport().width() or dialog.width()
    inner = content.layout()
    needed_content = inner.totalHeightForWidth(width) if inner.hasHeightForWidth() else content.sizeHint().height()
    needed = dialog.height() - scroll.viewport().height() + needed_content + 4
    screen = dialog.screen().availableGeometry().height() if dialog.screen() else needed
    dialog.resize(dialog.width(), min(max(needed, dialog.minimumSizeHint().height()), screen - 40))


def field_value(widget: QWidget):
    """What a form field holds, comparable with ``==`` (to know whether anything was typed)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentIndex()
    if isinstance(widget, DateField):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QListWidget):
        item = widget.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
    return None


def notice_text(notice) -> str:
    """A service's warning (``volunteers.Notice``) in the interface language, its placeholders filled."""
    from PySide6.QtCore import QCoreApplication

    return notice.text(QCoreApplication.translate(notice.context, notice.template))


class FormDialog(QDialog):
    """A dialog of labelled fields with an error line under each; subclasses implement ``submit``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setSizeGripEnabled(True)
        self._fitted = False
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.general_error = error_label(self, "error_general", self.tr("Błąd"), selectable=True, reserve_lines=2)
        self.buttons, self.save_button, self.cancel_button, _ = save_cancel_buttons(
            self, ButtonText(self.tr("&Zapisz"), self.tr("Zapisz"), self.tr("Zapisz (Ctrl+S)"), "saveButton"),
            ButtonText(self.tr("Anuluj"), self.tr("Anuluj"), object_name="cancelButton"))

    # ---- Building
    def new_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return form

    def add_row(self, form: QFormLayout, field: str, label_text: str, widget: QWidget, name: str, *,
                hint: str = "") -> QWidget:
        """Put ``widget`` in ``form`` with its label, an optional grey hint and the (hidden) error line."""
        widget.setObjectName(f"field_{field}")
        widget.setAccessibleName(name)
        self.fields[field] = widget
        self.labels[field] = name
        box, column = field_column(self)
        column.addWidget(widget)
        if hint:
            hint_label = QLabel(hint, box)
            hint_label.setObjectName(f"hint_{field}")
            hint_label.setStyleSheet(HINT_STYLE)
            hint_label.setWordWrap(True)
            column.addWidget(hint_label)
        error = error_label(box, f"error_{field}", self.tr("Błąd: {field}").format(field=name), selectable=True,
                            reserve_lines=1)
        column.addWidget(error)
        self.error_labels[field] = error
        if label_text:
            label = QLabel(label_text, self)
            label.setBuddy(widget)
            form.addRow(label, box)
        else:
            form.addRow("", box)
        return widget

    def line(self, form: QFormLayout, field: str, label_text: str, name: str, *, placeholder: str = "",
             hint: str = "", max_length: int = 0) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        if max_length:
            edit.setMaxLength(max_length)
        edit.textEdited.connect(lambda _text, f=field: self.clear_error(f))
        return self.add_row(form, field, label_text, edit, name, hint=hint)

    def date(self, form: QFormLayout, field: str, label_text: str, name: str, *, hint: str = "",
             today_button: bool = True) -> DateField:
        edit = DateField(self, today_button=today_button)
        edit.sig_changed.connect(lambda f=field: self.clear_error(f))
        return self.add_row(form, field, label_text, edit, name, hint=hint)

    def text(self, form: QFormLayout, field: str, label_text: str, name: str, *, placeholder: str = "",
             height: int = 60, hint: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(height)
        edit.textChanged.connect(lambda f=field: self.clear_error(f))
        return self.add_row(form, field, label_text, edit, name, hint=hint)

    def check(self, form: QFormLayout, field: str, text: str, name: str, *, hint: str = "") -> QCheckBox:
        box = QCheckBox(text, self)
        box.toggled.connect(lambda _checked, f=field: self.clear_error(f))
        return self.add_row(form, field, "", box, name, hint=hint)

    def combo(self, form: QFormLayout, field: str, label_text: str, name: str, *, hint: str = "") -> QComboBox:
        box = QComboBox(self)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(30)
        box.currentIndexChanged.connect(lambda _index, f=field: self.clear_error(f))
        return self.add_row(form, field, label_text, box, name, hint=hint)

    def finish(self, *parts, extra_buttons: list[QPushButton] = ()) -> None:
        """Lay out ``parts`` (layouts or widgets) in a scrolling area above the error line and the buttons.

        The dialog is sized once, when first shown, to what its fields need; a message that appears later
        grows the scrolling area's content, never the dialog, so the buttons stay under the mouse."""
        self.scroll = scrolling(self, *parts)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        for button in extra_buttons:
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self._order_focus()

    def _order_focus(self) -> None:
        """The buttons were made first, so Qt would start on them: put them after the fields in the Tab
        order, and open the form on its first field."""
        inputs = [widget for widget in self.scroll.widget().findChildren(QWidget)
                  if widget.focusPolicy() & Qt.FocusPolicy.TabFocus]
        if not inputs:
            return
        chain, widget = [], self.scroll.widget().nextInFocusChain()
        while widget is not None and widget not in chain and len(chain) < 500:
            chain.append(widget)
            widget = widget.nextInFocusChain()
        in_chain = [widget for widget in chain if widget in inputs]
        self._last_input = in_chain[-1] if in_chain else inputs[-1]
        self._order_buttons()
        first = next(iter(self.fields.values()), None)
        target = first.edit if isinstance(first, DateField) else first
        (target or in_chain[0]).setFocus(Qt.FocusReason.OtherFocusReason)

    def _order_buttons(self) -> None:
        """The buttons after the last field, left to right as they stand (known once laid out)."""
        previous = getattr(self, "_last_input", None)
        if previous is None:
            return
        for button in sorted((b for b in self.buttons.buttons() if not b.isHidden()), key=lambda b: b.x()):
            QWidget.setTabOrder(previous, button)
            previous = button

    # ---- Size
    def refit(self) -> None:
        """Before the dialog is first shown: its height to what the fields need (``fit_height``). Once shown,
        the size stays: a message must not move the buttons."""
        if self.layout() is None or self._fitted or not hasattr(self, "scroll"):
            return
        fit_height(self, self.scroll)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._fitted:
            self.layout().activate()
            self._order_buttons()
            self.mark_clean()
        self.refit()
        self._fitted = True

    # ---- Leaving
    def _values(self) -> tuple:
        return tuple(field_value(widget) for widget in self.fields.values())

    def mark_clean(self) -> None:
        """What the fields hold now counts as saved (e.g. after "Zapisz i dodaj następny")."""
        self._initial = self._values()

    def is_dirty(self) -> bool:
        return self._values() != getattr(self, "_initial", self._values())

    def may_discard(self) -> bool:
        """True when nothing typed would be lost, or the user agrees to lose it."""
        from pal_desktop.ui.dialogs import questions

        return not self.is_dirty() or questions.ask(
            self, self.tr("Porzucić zmiany?"), self.tr("Wpisane dane nie zostały zapisane. Porzucić je?"),
            yes=self.tr("Porzuć zmiany"), no=self.tr("Wróć"))

    def reject(self) -> None:
        """Anuluj or Esc: asks before throwing away what was typed."""
        if self.may_discard():
            super().reject()

    # ---- Errors
    def clear_error(self, field: str | None = None) -> None:
        names = [field] if field else list(self.error_labels)
        for name in names:
            label = self.error_labels.get(name)
            if label is not None and label.isVisible():
                label.hide()
                self._mark(name, False)
        if field is None or self.general_error.isVisible():
            self.general_error.hide()

    def _mark(self, field: str, invalid: bool) -> None:
        widget = self.fields.get(field)
        if widget is None:
            return
        target = widget.edit if isinstance(widget, DateField) else widget
        target.setStyleSheet(INVALID_STYLE if invalid else "")

    def show_error(self, error: PalError) -> None:
        """The error under the field it names (focused), or above the buttons."""
        message = error_dialog.error_text(error)
        label = self.error_labels.get(error.field or "")
        if label is None:
            self.general_error.setText(message)
            self.general_error.show()
            self.refit()
            return
        label.setText(message)
        label.show()
        self.refit()
        self._mark(error.field, True)
        widget = self.fields[error.field]
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_all(self, errors: list[PalError]) -> None:
        """Show every error beside its field (the first one focused) and stop the save (when there are any)."""
        if not errors:
            return
        for error in errors[1:]:
            self.show_error(error)
        self.show_error(errors[0])  # last, so that the first field at fault has the focus
        raise ErrorsShown()

    def error_text_of(self, field: str) -> str:
        """The error shown under ``field`` ("" when none)."""
        label = self.error_labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    # ---- Reading
    def date_value(self, field: str) -> dt.date | None:
        """The date of a date field; ValidationError naming the field if its text is not a date."""
        widget: DateField = self.fields[field]
        if not widget.is_valid():
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pole „{label}” nie zawiera poprawnej daty — wpisz ją jako dd.mm.rrrr (wpisano: "
                              "„{value}”)."), field=field, label=self.labels.get(field, field),
                value=widget.text().strip())
        return widget.date()

    # ---- Saving
    def submit(self) -> None:
        """Validate and save (raise PalError to refuse); the dialog closes when it returns."""
        raise NotImplementedError

    def save(self) -> bool:
        from pal_desktop.ui.dialogs.conflict_dialog import KeptTheirVersion, SaveCancelled

        self.clear_error()
        try:
            self.submit()
        except (ErrorsShown, SaveCancelled):
            return False
        except KeptTheirVersion:  # nothing of ours to save: the list shows the other person's version
            self.mark_clean()
        except PalError as error:
            self.show_error(error)
            return False
        self.accept()
        return True


class ErrorsShown(Exception):
    """Every broken rule is already shown beside its field; nothing was saved."""
