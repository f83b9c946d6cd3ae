"""The event dialog's form: its fields (topic, type, schedule task, date, hours, place, leader, places,
status, notes), each with an error line under it; filling them from the event; noticing what the user changed;
and the hours as text ("16:30").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from pal_desktop.domain.enums import EventStatus, LeaderKind
from pal_desktop.ui.models.event_models import enum_text
from pal_desktop.ui.widgets.date_field import DateField, format_date
from pal_desktop.ui.widgets.form_parts import error_label, field_column, labelled_row

if TYPE_CHECKING:
    from pal_desktop.ui.dialogs.event_dialog import EventDialog

HINT_STYLE = "QLabel { color: palette(placeholder-text); }"
INVALID_STYLE = "border: 1px solid #b3261e;"
_TIME = re.compile(r"^(\d{1,2})(?:[:.\s-]?(\d{2}))?$")


def parse_time_text(text: str) -> dt.time | None:
    """ "16", "16:30", "16.30", "1630" -> a time; "" -> None; raises ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    match = _TIME.match(text)
    if not match:
        raise ValueError(text)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    return dt.time(hour, minute)


def _time_text(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def build_form(dialog: EventDialog) -> QFormLayout:
    """The fields of the event, each with its label and the line for its error under it."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    dialog.title_edit = QLineEdit(dialog)
    dialog.title_edit.setPlaceholderText(
        QCoreApplication.translate("EventDialog", "np. Warsztaty kulinarne dla seniorów"))
    add_row(dialog, form, "title", QCoreApplication.translate("EventDialog", "&Temat:"),
            QCoreApplication.translate("EventDialog", "Temat wydarzenia"), dialog.title_edit)

    dialog.type_combo = QComboBox(dialog)
    dialog.type_combo.addItem(QCoreApplication.translate("EventDialog", "(nie wybrano)"), None)
    for option in dialog._types:
        hidden = "" if option.active else QCoreApplication.translate("EventDialog", " (ukryty)")
        dialog.type_combo.addItem(option.name + hidden, option.id)
    add_row(dialog, form, "event_type_id", QCoreApplication.translate("EventDialog", "&Rodzaj:"),
            QCoreApplication.translate("EventDialog", "Rodzaj wydarzenia"), dialog.type_combo)

    dialog.task_combo = QComboBox(dialog)
    dialog.task_combo.addItem(QCoreApplication.translate("EventDialog", "(bez zadania)"), None)
    for task in dialog._tasks:
        text = f"{task.position}. {task.name} ({format_date(task.start)} – {format_date(task.end)})"
        dialog.task_combo.addItem(text, task.id)
        dialog.task_combo.setItemData(dialog.task_combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
    dialog.task_combo.setMinimumContentsLength(40)
    dialog.task_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    add_row(dialog, form, "task_id", QCoreApplication.translate("EventDialog", "Zadanie z &harmonogramu:"),
            QCoreApplication.translate("EventDialog", "Zadanie z harmonogramu"), dialog.task_combo)

    dialog.date_field = DateField(dialog, today_button=True)
    add_row(dialog, form, "event_date", QCoreApplication.translate("EventDialog", "&Data:"),
            QCoreApplication.translate("EventDialog", "Data wydarzenia"), dialog.date_field)

    hours = QWidget(dialog)
    hours_row = QHBoxLayout(hours)
    hours_row.setContentsMargins(0, 0, 0, 0)
    dialog.start_edit = QLineEdit(hours)
    dialog.end_edit = QLineEdit(hours)
    for edit, name in ((dialog.start_edit, QCoreApplication.translate("EventDialog", "Godzina rozpoczęcia")),
                       (dialog.end_edit, QCoreApplication.translate("EventDialog", "Godzina zakończenia"))):
        edit.setPlaceholderText(QCoreApplication.translate("EventDialog", "gg:mm"))
        edit.setMaxLength(5)
        edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("00:000") + 16)
        edit.setAccessibleName(name)
    dialog.start_edit.setObjectName("field_start_time")
    dialog.end_edit.setObjectName("field_end_time")
    to_label = QLabel(QCoreApplication.translate("EventDialog", "d&o"), hours)
    to_label.setBuddy(dialog.end_edit)
    hours_row.addWidget(dialog.start_edit)
    hours_row.addWidget(to_label)
    hours_row.addWidget(dialog.end_edit)
    hours_row.addStretch(1)
    dialog.fields["start_time"] = dialog.start_edit
    dialog.fields["end_time"] = dialog.end_edit
    add_row(dialog, form, "hours", QCoreApplication.translate("EventDialog", "&Godziny od:"),
            QCoreApplication.translate("EventDialog", "Godziny"), hours, buddy=dialog.start_edit, error_fields=("start_time", "end_time"))

    dialog.place_edit = QLineEdit(dialog)
    dialog.place_edit.setPlaceholderText(
        QCoreApplication.translate("EventDialog", "np. Świetlica wiejska, ul. Szkolna 3"))
    add_row(dialog, form, "place", QCoreApplication.translate("EventDialog", "&Miejsce:"),
            QCoreApplication.translate("EventDialog", "Miejsce"), dialog.place_edit)

    leader = QWidget(dialog)
    leader_row = QHBoxLayout(leader)
    leader_row.setContentsMargins(0, 0, 0, 0)
    dialog.leader_kind_combo = QComboBox(leader)
    dialog.leader_kind_combo.setObjectName("field_leader_kind")
    dialog.leader_kind_combo.setAccessibleName(QCoreApplication.translate("EventDialog", "Kto prowadzi"))
    dialog.leader_kind_combo.addItem(QCoreApplication.translate("EventDialog", "(nie podano)"), None)
    for kind in LeaderKind:
        dialog.leader_kind_combo.addItem(enum_text(kind), kind)
    dialog.leader_stack = QStackedWidget(leader)
    dialog.leader_name_edit = QLineEdit(leader)
    dialog.leader_name_edit.setObjectName("field_leader_name")
    dialog.leader_name_edit.setAccessibleName(
        QCoreApplication.translate("EventDialog", "Imię i nazwisko prowadzącego"))
    dialog.leader_name_edit.setPlaceholderText(QCoreApplication.translate("EventDialog", "imię i nazwisko"))
    dialog.animator_combo = QComboBox(leader)
    dialog.animator_combo.setObjectName("field_leader_animator")
    dialog.animator_combo.setAccessibleName(QCoreApplication.translate("EventDialog", "Animator prowadzący"))
    for person in dialog._animators:
        dialog.animator_combo.addItem(person.name, person.id)
    dialog.volunteer_combo = QComboBox(leader)
    dialog.volunteer_combo.setObjectName("field_leader_volunteer")
    dialog.volunteer_combo.setAccessibleName(
        QCoreApplication.translate("EventDialog", "Wolontariusz prowadzący"))
    for person in dialog._volunteers:
        dialog.volunteer_combo.addItem(person.name, person.id)
    for widget in (dialog.leader_name_edit, dialog.animator_combo, dialog.volunteer_combo):
        dialog.leader_stack.addWidget(widget)
    leader_row.addWidget(dialog.leader_kind_combo)
    leader_row.addWidget(dialog.leader_stack, 1)
    dialog.fields["leader_kind"] = dialog.leader_kind_combo
    dialog.fields["leader_name"] = dialog.leader_name_edit
    add_row(dialog, form, "leader", QCoreApplication.translate("EventDialog", "&Prowadzący:"),
            QCoreApplication.translate("EventDialog", "Prowadzący"), leader,
            buddy=dialog.leader_kind_combo, error_fields=("leader_kind", "leader_name", "leader_animator_id",
                                                          "leader_volunteer_id"))

    dialog.capacity_spin = QSpinBox(dialog)
    dialog.capacity_spin.setRange(0, 10000)
    dialog.capacity_spin.setSpecialValueText(QCoreApplication.translate("EventDialog", "bez limitu"))
    dialog.capacity_spin.setToolTip(QCoreApplication.translate("EventDialog", "0 — bez limitu miejsc; ponad limit osoby trafiają "
                                                                   "na listę rezerwową"))
    dialog.capacity_spin.setFixedWidth(dialog.capacity_spin.fontMetrics().horizontalAdvance("bez limitu") + 48)
    add_row(dialog, form, "capacity", QCoreApplication.translate("EventDialog", "&Liczba miejsc:"),
            QCoreApplication.translate("EventDialog", "Liczba miejsc"), dialog.capacity_spin)

    # Whoever leads or helps needs the child-protection checks (services.child_protection, art. 21)
    dialog.with_children_check = QCheckBox(QCoreApplication.translate("EventDialog", "z udział&em dzieci"), dialog)
    dialog.with_children_check.setToolTip(QCoreApplication.translate(
        "EventDialog", "Prowadzący i pomagający muszą mieć sprawdzenie w rejestrze sprawców, informację z KRK i "
                       "oświadczenie o krajach zamieszkania (art. 21 ustawy o ochronie małoletnich)"))
    add_row(dialog, form, "with_children", QCoreApplication.translate("EventDialog", "Dzieci:"),
            QCoreApplication.translate("EventDialog", "Wydarzenie z udziałem dzieci"), dialog.with_children_check)

    dialog.status_combo = QComboBox(dialog)
    for status in EventStatus:
        dialog.status_combo.addItem(enum_text(status), status)
    add_row(dialog, form, "status", QCoreApplication.translate("EventDialog", "&Status:"),
            QCoreApplication.translate("EventDialog", "Status wydarzenia"), dialog.status_combo)

    dialog.notes_edit = QPlainTextEdit(dialog)
    dialog.notes_edit.setTabChangesFocus(True)
    dialog.notes_edit.setFixedHeight(54)
    add_row(dialog, form, "notes", QCoreApplication.translate("EventDialog", "&Uwagi:"),
            QCoreApplication.translate("EventDialog", "Uwagi"), dialog.notes_edit)
    return form


def add_row(dialog: EventDialog, form: QFormLayout, field: str, label_text: str, name: str, widget: QWidget, *,
            buddy: QWidget | None = None, error_fields: tuple[str, ...] = ()) -> None:
    widget.setObjectName(widget.objectName() or f"field_{field}")
    widget.setAccessibleName(widget.accessibleName() or name)
    box, column = field_column(dialog, spacing=1)
    column.addWidget(widget)
    error = error_label(box, f"error_{field}",
                        QCoreApplication.translate("EventDialog", "Błąd: {field}").format(field=name), reserve_lines=1)
    column.addWidget(error)
    labelled_row(form, dialog, label_text, buddy or widget, box)
    dialog.fields.setdefault(field, widget)
    for key in (field, *error_fields):
        dialog.error_labels[key] = error


def fill(dialog: EventDialog, *, day: dt.date | None, task_id: int | None, event_type_id: int | None) -> None:
    detail = dialog.detail
    if detail is None:
        dialog.date_field.set_date(day or dt.date.today())
        dialog._select(dialog.task_combo, task_id)
        dialog._select(dialog.type_combo, event_type_id)
        dialog._show_leader_kind()
        return
    dialog.title_edit.setText(detail.title)
    dialog._select(dialog.type_combo, detail.event_type_id)
    dialog._select(dialog.task_combo, detail.task_id)
    dialog.date_field.set_date(detail.event_date)
    dialog.start_edit.setText(_time_text(detail.start_time))
    dialog.end_edit.setText(_time_text(detail.end_time))
    dialog.place_edit.setText(detail.place)
    dialog._select(dialog.leader_kind_combo, detail.leader_kind)
    dialog.leader_name_edit.setText(detail.leader_name)
    dialog._select(dialog.animator_combo, detail.leader_animator_id)
    dialog._select(dialog.volunteer_combo, detail.leader_volunteer_id)
    dialog.capacity_spin.setValue(detail.capacity or 0)
    dialog.with_children_check.setChecked(detail.with_children)
    dialog._select(dialog.status_combo, detail.status)
    dialog.notes_edit.setPlainText(detail.notes)
    dialog._show_leader_kind()


def connect_changes(dialog: EventDialog) -> None:
    def touched(field: str):
        return lambda *_args: dialog._changed(field)

    dialog.title_edit.textEdited.connect(touched("title"))
    dialog.type_combo.currentIndexChanged.connect(touched("event_type_id"))
    dialog.task_combo.currentIndexChanged.connect(touched("task_id"))
    dialog.date_field.sig_changed.connect(touched("event_date"))
    dialog.start_edit.textEdited.connect(touched("start_time"))
    dialog.end_edit.textEdited.connect(touched("end_time"))
    dialog.place_edit.textEdited.connect(touched("place"))
    dialog.leader_kind_combo.currentIndexChanged.connect(dialog._show_leader_kind)
    dialog.leader_kind_combo.currentIndexChanged.connect(touched("leader_kind"))
    dialog.leader_name_edit.textEdited.connect(touched("leader_name"))
    dialog.animator_combo.currentIndexChanged.connect(touched("leader_animator_id"))
    dialog.volunteer_combo.currentIndexChanged.connect(touched("leader_volunteer_id"))
    dialog.capacity_spin.valueChanged.connect(touched("capacity"))
    dialog.with_children_check.toggled.connect(touched("with_children"))
    dialog.status_combo.currentIndexChanged.connect(touched("status"))
    dialog.notes_edit.textChanged.connect(touched("notes"))
    dialog.series_box.toggled.connect(touched("sessions"))
    dialog.every_spin.valueChanged.connect(touched("every_weeks"))
    dialog.sessions_spin.valueChanged.connect(touched("sessions"))
    dialog.skip_check.toggled.connect(touched("sessions"))


def show_leader_kind(dialog: EventDialog, *_args) -> None:
    kind = dialog.leader_kind_combo.currentData()
    widget = {LeaderKind.ANIMATOR: dialog.animator_combo, LeaderKind.VOLUNTEER: dialog.volunteer_combo}.get(
        kind, dialog.leader_name_edit)
    dialog.leader_stack.setCurrentWidget(widget)
    dialog.leader_stack.setVisible(kind is not None)
    if kind == LeaderKind.ANIMATOR and not dialog._animators:
        dialog.leader_stack.setToolTip(
            QCoreApplication.translate("EventDialog", "W rejestrze nie ma animatorów tego programu."))
