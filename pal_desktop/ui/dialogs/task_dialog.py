"""The schedule's task editor (name, description, dates, milestone, planned events) and a small event info window.

The editor does not save by itself: it hands a ``TaskInput`` to the ``save`` callable it was given (the
Harmonogram tab saves through the service and records the change for Ctrl+Z). When that raises a
``PalError``, the message appears under the field it names and the dialog stays open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.errors import PalError
from pal_desktop.services.schedule import EventInfo, TaskInput
from pal_desktop.ui.dialogs import error_dialog
from pal_desktop.ui.widgets.form_parts import (
    ButtonText,
    error_label,
    field_column,
    labelled_row,
    save_cancel_buttons,
)

ERROR_STYLE = "color: #b00020;"
ERROR_BORDER = "border: 1px solid #b00020;"


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _date_text(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


class TaskDialog(QDialog):
    """Add or edit a task or milestone of the schedule."""

    def __init__(self, *, period: tuple[dt.date, dt.date], save: Callable[[TaskInput], None],
                 task: TaskInput | None = None, milestone: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.period = period
        self.editing = task is not None
        if task is None:
            start = min(max(dt.date.today(), period[0]), period[1])
            end = start if milestone else min(start + dt.timedelta(days=30), period[1])
            task = TaskInput(name="", start=start, end=end, is_milestone=milestone)
        self.initial = task
        if self.editing:
            title = self.tr("Kamień milowy harmonogramu") if task.is_milestone else self.tr("Zadanie harmonogramu")
        else:
            title = self.tr("Nowy kamień milowy") if milestone else self.tr("Nowe zadanie harmonogramu")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("taskDialog")
        self.setModal(True)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = QLineEdit(task.name, self)
        self.name_edit.setPlaceholderText(self.tr("np. imprezy integracyjne"))
        self._add_row(form, "name", self.tr("&Nazwa:"), self.tr("Nazwa zadania"), self.name_edit)
        self.description_edit = QPlainTextEdit(task.description, self)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(64)
        self._add_row(form, "description", self.tr("&Opis:"), self.tr("Opis zadania"), self.description_edit)
        self.milestone_box = QCheckBox(self.tr("&Kamień milowy (jeden dzień, np. zakończenie programu)"), self)
        self.milestone_box.setChecked(task.is_milestone)
        self.milestone_box.setAccessibleName(self.tr("Kamień milowy"))
        form.addRow("", self.milestone_box)
        self.start_edit = self._date_edit(task.start)
        self.start_label = self._add_row(form, "start", self.tr("O&d:"), self.tr("Początek zadania"), self.start_edit)
        self.end_edit = self._date_edit(task.end)
        self.end_label = self._add_row(form, "end", self.tr("D&o:"), self.tr("Koniec zadania"), self.end_edit)
        self.planned_spin = QSpinBox(self)
        self.planned_spin.setRange(-1, 100_000)
        self.planned_spin.setSpecialValueText(self.tr("według zapisanych wydarzeń"))
        self.planned_spin.setValue(-1 if task.planned_events is None else task.planned_events)
        self.planned_spin.setToolTip(self.tr("Ile wydarzeń ma się odbyć w ramach zadania; bez liczby planem są "
                                             "wydarzenia zapisane pod zadaniem."))
        self._add_row(form, "planned_events", self.tr("&Planowana liczba wydarzeń:"),
                      self.tr("Planowana liczba wydarzeń"), self.planned_spin)

        hint = QLabel(self.tr("Okres programu: {start} – {end}. Daty zadania muszą się w nim mieścić.").format(
            start=_date_text(period[0]), end=_date_text(period[1])), self)
        hint.setWordWrap(True)
        hint.setObjectName("periodHint")
        self.error_label = error_label(self, "error", self.tr("Błąd"), style=ERROR_STYLE)

        buttons, self.save_button, _cancel, _ = save_cancel_buttons(
            self, ButtonText(self.tr("&Zapisz"), self.tr("Zapisz zadanie")),
            ButtonText(self.tr("Anuluj"), self.tr("Anuluj")))

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.milestone_box.toggled.connect(self._milestone_changed)
        self.start_edit.dateChanged.connect(self._start_changed)
        self._milestone_changed(task.is_milestone)
        self.resize(560, 0)

    def _date_edit(self, value: dt.date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day), self)
        edit.setDisplayFormat("dd.MM.yyyy")
        edit.setCalendarPopup(True)
        return edit

    def _add_row(self, form: QFormLayout, field: str, label_text: str, name: str, widget: QWidget) -> QLabel:
        widget.setObjectName(f"field_{field}")
        widget.setAccessibleName(name)
        error = error_label(self, f"error_{field}", self.tr("Błąd: {field}").format(field=name), style=ERROR_STYLE)
        box, column = field_column(self)
        column.addWidget(widget)
        column.addWidget(error)
        label = labelled_row(form, self, label_text, widget, box)
        self.fields[field] = widget
        self.errors[field] = error
        for signal in ("textEdited", "textChanged", "dateChanged", "valueChanged"):
            if hasattr(widget, signal):
                getattr(widget, signal).connect(self._clear_errors)
                break
        return label

    # ---- Behaviour
    def _milestone_changed(self, checked: bool) -> None:
        self.end_edit.setEnabled(not checked)
        self.start_label.setText(self.tr("&Data:") if checked else self.tr("O&d:"))
        if checked:
            self.end_edit.setDate(self.start_edit.date())

    def _start_changed(self, value: QDate) -> None:
        if self.milestone_box.isChecked():
            self.end_edit.setDate(value)

    def _clear_errors(self, *_args) -> None:
        self.error_label.hide()
        for field, label in self.errors.items():
            label.hide()
            self.fields[field].setStyleSheet("")

    def data(self) -> TaskInput:
        planned = self.planned_spin.value()
        return TaskInput(name=self.name_edit.text(), description=self.description_edit.toPlainText(),
                         start=_to_date(self.start_edit.date()), end=_to_date(self.end_edit.date()),
                         is_milestone=self.milestone_box.isChecked(), planned_events=None if planned < 0 else planned)

    def show_error(self, error: PalError) -> None:
        text = error_dialog.error_text(error)
        label = self.errors.get(error.field or "")
        if label is None:
            self.error_label.setText(text)
            self.error_label.show()
            return
        label.setText(text)
        label.show()
        widget = self.fields[error.field]
        widget.setStyleSheet(ERROR_BORDER)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        from pal_desktop.ui.dialogs.conflict_dialog import KeptTheirVersion, SaveCancelled

        self._clear_errors()
        try:
            self._save(self.data())
        except SaveCancelled:
            return
        except KeptTheirVersion:  # nothing of ours to save: the chart shows the other person's version
            pass
        except PalError as error:
            self.show_error(error)
            return
        self.accept()


class EventInfoDialog(QDialog):
    """What the chart knows about one event; the events are edited in the Wydarzenia tab."""

    def __init__(self, info: EventInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark = info.mark
        self.event_id = mark.id
        self.setWindowTitle(self.tr("Wydarzenie: {title}").format(title=mark.title))
        self.setAccessibleName(self.tr("Informacje o wydarzeniu"))
        self.setObjectName("eventInfoDialog")
        form = QFormLayout()
        status = QCoreApplication.translate("Enums", mark.status_label)
        if mark.overdue:
            status = self.tr("{status} — zaległe: termin minął, a wydarzenie nadal ma status „planowane”").format(
                status=status)
        rows = [
            (self.tr("Tytuł:"), mark.title),
            (self.tr("Data:"), _date_text(mark.date)),
            (self.tr("Godziny:"), mark.hours),
            (self.tr("Rodzaj:"), mark.type_name),
            (self.tr("Zadanie:"), info.task_name),
            (self.tr("Miejsce:"), mark.place),
            (self.tr("Prowadzący:"), info.leader),
            (self.tr("Status:"), status),
            (self.tr("Zapisani / obecni:"), f"{info.enrolled} / {info.present}"
             + (self.tr(" (miejsc: {capacity})").format(capacity=info.capacity) if info.capacity else "")),
            (self.tr("Uwagi:"), info.notes),
        ]
        self.values: dict[str, str] = {}
        for label, value in rows:
            if not value:
                continue
            text = QLabel(value, self)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setAccessibleName(label.rstrip(":"))
            if mark.overdue and label == self.tr("Status:"):
                text.setStyleSheet(ERROR_STYLE)
            form.addRow(label, text)
            self.values[label.rstrip(":")] = value
        hint = QLabel(self.tr("Wydarzenie zmienisz w zakładce Wydarzenia."), self)
        hint.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("Zamknij"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(self.tr("Zamknij"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(460, 0)
