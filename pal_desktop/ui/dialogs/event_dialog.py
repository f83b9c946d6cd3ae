"""Nowe wydarzenie / Edycja wydarzenia, and the small dialog for the list of event types.

Every change is checked at once through ``events.validate_event``: the rule broken is shown in Polish under
the field at fault (in grey while the user has not reached that field yet) and Zapisz (Ctrl+S) stays disabled
while anything is wrong. A new event can be a "Cykl zajęć": N sessions every K weeks at the same hour; the
preview lists the dates and the public holidays that are skipped, and each session is an event of its own
afterwards. Esc asks before throwing away what was typed.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.domain.enums import EventStatus, LeaderKind
from pal_desktop.errors import PalError, ValidationError
from pal_desktop.ui.dialogs import error_dialog, questions
from pal_desktop.ui.models.event_models import enum_text
from pal_desktop.ui.widgets.date_field import DateField, format_date
from pal_desktop.ui.widgets.volunteer_form import fit_height, reserve_space, scrolling

ERROR_STYLE = "QLabel { color: #b3261e; }"
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


class EventDialog(QDialog):
    """Add (``event_id`` None) or edit one event; after ``accept`` see ``saved_ids`` and ``result_message``."""

    sig_saved = Signal(list)
    """The ids of the events created or changed."""

    def __init__(self, db, programme_id: int | None, parent: QWidget | None = None, *, event_id: int | None = None,
                 day: dt.date | None = None, task_id: int | None = None, event_type_id: int | None = None) -> None:
        super().__init__(parent)
        from pal_desktop.services import events, programmes, registry

        self.db = db
        self.programme_id = programme_id
        self.event_id = event_id
        self.detail = events.get_event(db, event_id) if event_id is not None else None
        self.saved_ids: list[int] = []
        self.series_result = None
        self.result_message = ""
        self.errors: dict[str, str] = {}
        self._touched: set[str] = set()
        self._save_attempted = False
        self._loading = True
        self.fields: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        editing = self.detail is not None
        self.setObjectName("eventDialog")
        self.setWindowTitle(self.tr("Edycja wydarzenia") if editing else self.tr("Nowe wydarzenie"))
        self.setAccessibleName(self.windowTitle())
        self.setModal(True)

        self._types = [t for t in events.event_types(db, include_inactive=True)
                       if t.active or (editing and t.id == self.detail.event_type_id)]
        self._tasks = programmes.list_tasks(db, programme_id) if programme_id is not None else []
        self._animators = registry.animator_rows(db, programme_id) if programme_id is not None else []
        self._volunteers = registry.volunteer_rows(db)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("np. Warsztaty kulinarne dla seniorów"))
        self._add_row(form, "title", self.tr("&Temat:"), self.tr("Temat wydarzenia"), self.title_edit)

        self.type_combo = QComboBox(self)
        self.type_combo.addItem(self.tr("(nie wybrano)"), None)
        for option in self._types:
            self.type_combo.addItem(option.name + ("" if option.active else self.tr(" (ukryty)")), option.id)
        self._add_row(form, "event_type_id", self.tr("&Rodzaj:"), self.tr("Rodzaj wydarzenia"), self.type_combo)

        self.task_combo = QComboBox(self)
        self.task_combo.addItem(self.tr("(bez zadania)"), None)
        for task in self._tasks:
            text = f"{task.position}. {task.name} ({format_date(task.start)} – {format_date(task.end)})"
            self.task_combo.addItem(text, task.id)
            self.task_combo.setItemData(self.task_combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        self.task_combo.setMinimumContentsLength(40)
        self.task_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._add_row(form, "task_id", self.tr("Zadanie z &harmonogramu:"), self.tr("Zadanie z harmonogramu"),
                      self.task_combo)

        self.date_field = DateField(self, today_button=True)
        self._add_row(form, "event_date", self.tr("&Data:"), self.tr("Data wydarzenia"), self.date_field)

        hours = QWidget(self)
        hours_row = QHBoxLayout(hours)
        hours_row.setContentsMargins(0, 0, 0, 0)
        self.start_edit = QLineEdit(hours)
        self.end_edit = QLineEdit(hours)
        for edit, name in ((self.start_edit, self.tr("Godzina rozpoczęcia")),
                           (self.end_edit, self.tr("Godzina zakończenia"))):
            edit.setPlaceholderText(self.tr("gg:mm"))
            edit.setMaxLength(5)
            edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("00:000") + 16)
            edit.setAccessibleName(name)
        self.start_edit.setObjectName("field_start_time")
        self.end_edit.setObjectName("field_end_time")
        to_label = QLabel(self.tr("d&o"), hours)
        to_label.setBuddy(self.end_edit)
        hours_row.addWidget(self.start_edit)
        hours_row.addWidget(to_label)
        hours_row.addWidget(self.end_edit)
        hours_row.addStretch(1)
        self.fields["start_time"] = self.start_edit
        self.fields["end_time"] = self.end_edit
        self._add_row(form, "hours", self.tr("&Godziny od:"), self.tr("Godziny"), hours, buddy=self.start_edit,
                      error_fields=("start_time", "end_time"))

        self.place_edit = QLineEdit(self)
        self.place_edit.setPlaceholderText(self.tr("np. Świetlica wiejska, ul. Szkolna 3"))
        self._add_row(form, "place", self.tr("&Miejsce:"), self.tr("Miejsce"), self.place_edit)

        leader = QWidget(self)
        leader_row = QHBoxLayout(leader)
        leader_row.setContentsMargins(0, 0, 0, 0)
        self.leader_kind_combo = QComboBox(leader)
        self.leader_kind_combo.setObjectName("field_leader_kind")
        self.leader_kind_combo.setAccessibleName(self.tr("Kto prowadzi"))
        self.leader_kind_combo.addItem(self.tr("(nie podano)"), None)
        for kind in LeaderKind:
            self.leader_kind_combo.addItem(enum_text(kind), kind)
        self.leader_stack = QStackedWidget(leader)
        self.leader_name_edit = QLineEdit(leader)
        self.leader_name_edit.setObjectName("field_leader_name")
        self.leader_name_edit.setAccessibleName(self.tr("Imię i nazwisko prowadzącego"))
        self.leader_name_edit.setPlaceholderText(self.tr("imię i nazwisko"))
        self.animator_combo = QComboBox(leader)
        self.animator_combo.setObjectName("field_leader_animator")
        self.animator_combo.setAccessibleName(self.tr("Animator prowadzący"))
        for row in self._animators:
            self.animator_combo.addItem(f"{row[1]} {row[2]}", row[0])
        self.volunteer_combo = QComboBox(leader)
        self.volunteer_combo.setObjectName("field_leader_volunteer")
        self.volunteer_combo.setAccessibleName(self.tr("Wolontariusz prowadzący"))
        for row in self._volunteers:
            self.volunteer_combo.addItem(f"{row[1]} {row[2]}", row[0])
        for widget in (self.leader_name_edit, self.animator_combo, self.volunteer_combo):
            self.leader_stack.addWidget(widget)
        leader_row.addWidget(self.leader_kind_combo)
        leader_row.addWidget(self.leader_stack, 1)
        self.fields["leader_kind"] = self.leader_kind_combo
        self.fields["leader_name"] = self.leader_name_edit
        self._add_row(form, "leader", self.tr("&Prowadzący:"), self.tr("Prowadzący"), leader,
                      buddy=self.leader_kind_combo, error_fields=("leader_kind", "leader_name", "leader_animator_id",
                                                                  "leader_volunteer_id"))

        self.capacity_spin = QSpinBox(self)
        self.capacity_spin.setRange(0, 10000)
        self.capacity_spin.setSpecialValueText(self.tr("bez limitu"))
        self.capacity_spin.setToolTip(self.tr("0 — bez limitu miejsc; ponad limit osoby trafiają na listę "
                                              "rezerwową"))
        self.capacity_spin.setFixedWidth(self.capacity_spin.fontMetrics().horizontalAdvance("bez limitu") + 48)
        self._add_row(form, "capacity", self.tr("&Liczba miejsc:"), self.tr("Liczba miejsc"), self.capacity_spin)

        self.status_combo = QComboBox(self)
        for status in EventStatus:
            self.status_combo.addItem(enum_text(status), status)
        self._add_row(form, "status", self.tr("&Status:"), self.tr("Status wydarzenia"), self.status_combo)

        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(54)
        self._add_row(form, "notes", self.tr("&Uwagi:"), self.tr("Uwagi"), self.notes_edit)

        self.series_box = self._build_series_box()
        self.series_box.setVisible(not editing)

        self.series_note = QLabel(self)
        self.series_note.setObjectName("seriesNote")
        self.series_note.setWordWrap(True)
        self.series_note.setStyleSheet(HINT_STYLE)
        self.series_note.setVisible(editing and self.detail.series_id is not None)
        self.series_note.setText(self.tr("To spotkanie należy do cyklu zajęć. Zmiany dotyczą tylko tego spotkania."))

        self.general_error = QLabel(self)
        self.general_error.setObjectName("error_general")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setAccessibleName(self.tr("Błąd"))
        reserve_space(self.general_error)
        self.general_error.hide()
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("saveHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(HINT_STYLE)
        self.hint_label.setAccessibleName(self.tr("Czego brakuje do zapisania"))
        reserve_space(self.hint_label, 2)

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("&Zapisz"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveEventButton")
        self.save_button.setAccessibleName(self.tr("Zapisz wydarzenie"))
        self.save_button.setToolTip(self.tr("Zapisz (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.cancel_button = buttons.addButton(self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setAccessibleName(self.tr("Anuluj"))
        self.cancel_button.setToolTip(self.tr("Zamknij bez zapisywania (Esc)"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.series_note)
        self.scroll = scrolling(self, form, self.series_box)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.hint_label)
        layout.addWidget(buttons)

        self._fill(day=day, task_id=task_id, event_type_id=event_type_id)
        self._connect_changes()
        self._loading = False
        self._initial = self._snapshot()
        self.validate()
        self.resize(720, 0)
        self._fitted = False
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._fitted:  # sized once to its fields; a message later never moves the buttons
            fit_height(self, self.scroll)
            self._fitted = True

    # ---- Building
    def _add_row(self, form: QFormLayout, field: str, label_text: str, name: str, widget: QWidget, *,
                 buddy: QWidget | None = None, error_fields: tuple[str, ...] = ()) -> None:
        widget.setObjectName(widget.objectName() or f"field_{field}")
        widget.setAccessibleName(widget.accessibleName() or name)
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        error = QLabel(box)
        error.setObjectName(f"error_{field}")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.setAccessibleName(self.tr("Błąd: {field}").format(field=name))
        reserve_space(error)
        error.hide()
        column.addWidget(error)
        label = QLabel(label_text, self)
        label.setBuddy(buddy or widget)
        form.addRow(label, box)
        self.fields.setdefault(field, widget)
        for key in (field, *error_fields):
            self.error_labels[key] = error

    def _build_series_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("&Cykl zajęć — kilka spotkań o tej samej porze"), self)
        box.setObjectName("seriesBox")
        box.setAccessibleName(self.tr("Cykl zajęć"))
        box.setCheckable(True)
        box.setChecked(False)
        self.every_spin = QSpinBox(box)
        self.every_spin.setObjectName("field_every_weeks")
        self.every_spin.setAccessibleName(self.tr("Co ile tygodni"))
        self.every_spin.setRange(1, 8)
        self.every_spin.setSuffix(self.tr(" tydz."))
        self.sessions_spin = QSpinBox(box)
        self.sessions_spin.setObjectName("field_sessions")
        self.sessions_spin.setAccessibleName(self.tr("Liczba spotkań"))
        self.sessions_spin.setRange(1, 200)
        self.sessions_spin.setValue(4)
        self.skip_check = QCheckBox(self.tr("pomiń dni ś&wiąteczne (spotkanie przechodzi na następny termin)"), box)
        self.skip_check.setObjectName("field_skip_holidays")
        self.skip_check.setAccessibleName(self.tr("Pomiń dni świąteczne"))
        self.skip_check.setChecked(True)
        self.preview = QLabel(box)
        self.preview.setObjectName("seriesPreview")
        self.preview.setAccessibleName(self.tr("Terminy spotkań cyklu"))
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        every_label = QLabel(self.tr("co"), box)
        every_label.setBuddy(self.every_spin)
        sessions_label = QLabel(self.tr("l&iczba spotkań:"), box)
        sessions_label.setBuddy(self.sessions_spin)
        row = QHBoxLayout()
        row.addWidget(every_label)
        row.addWidget(self.every_spin)
        row.addSpacing(16)
        row.addWidget(sessions_label)
        row.addWidget(self.sessions_spin)
        row.addStretch(1)
        self.fields["every_weeks"] = self.every_spin
        self.fields["sessions"] = self.sessions_spin
        series_error = QLabel(box)
        series_error.setObjectName("error_sessions")
        series_error.setStyleSheet(ERROR_STYLE)
        series_error.setWordWrap(True)
        series_error.hide()
        self.error_labels["sessions"] = series_error
        self.error_labels["every_weeks"] = series_error
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.skip_check)
        layout.addWidget(self.preview)
        layout.addWidget(series_error)
        return box

    def _fill(self, *, day: dt.date | None, task_id: int | None, event_type_id: int | None) -> None:
        detail = self.detail
        if detail is None:
            self.date_field.set_date(day or dt.date.today())
            self._select(self.task_combo, task_id)
            self._select(self.type_combo, event_type_id)
            self._show_leader_kind()
            return
        self.title_edit.setText(detail.title)
        self._select(self.type_combo, detail.event_type_id)
        self._select(self.task_combo, detail.task_id)
        self.date_field.set_date(detail.event_date)
        self.start_edit.setText(_time_text(detail.start_time))
        self.end_edit.setText(_time_text(detail.end_time))
        self.place_edit.setText(detail.place)
        self._select(self.leader_kind_combo, detail.leader_kind)
        self.leader_name_edit.setText(detail.leader_name)
        self._select(self.animator_combo, detail.leader_animator_id)
        self._select(self.volunteer_combo, detail.leader_volunteer_id)
        self.capacity_spin.setValue(detail.capacity or 0)
        self._select(self.status_combo, detail.status)
        self.notes_edit.setPlainText(detail.notes)
        self._show_leader_kind()

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        index = combo.findData(value) if value is not None else 0
        if index >= 0:
            combo.setCurrentIndex(index)

    def _connect_changes(self) -> None:
        def touched(field: str):
            return lambda *_args: self._changed(field)

        self.title_edit.textEdited.connect(touched("title"))
        self.type_combo.currentIndexChanged.connect(touched("event_type_id"))
        self.task_combo.currentIndexChanged.connect(touched("task_id"))
        self.date_field.sig_changed.connect(touched("event_date"))
        self.start_edit.textEdited.connect(touched("start_time"))
        self.end_edit.textEdited.connect(touched("end_time"))
        self.place_edit.textEdited.connect(touched("place"))
        self.leader_kind_combo.currentIndexChanged.connect(self._show_leader_kind)
        self.leader_kind_combo.currentIndexChanged.connect(touched("leader_kind"))
        self.leader_name_edit.textEdited.connect(touched("leader_name"))
        self.animator_combo.currentIndexChanged.connect(touched("leader_animator_id"))
        self.volunteer_combo.currentIndexChanged.connect(touched("leader_volunteer_id"))
        self.capacity_spin.valueChanged.connect(touched("capacity"))
        self.status_combo.currentIndexChanged.connect(touched("status"))
        self.notes_edit.textChanged.connect(touched("notes"))
        self.series_box.toggled.connect(touched("sessions"))
        self.every_spin.valueChanged.connect(touched("every_weeks"))
        self.sessions_spin.valueChanged.connect(touched("sessions"))
        self.skip_check.toggled.connect(touched("sessions"))

    def _show_leader_kind(self, *_args) -> None:
        kind = self.leader_kind_combo.currentData()
        widget = {LeaderKind.ANIMATOR: self.animator_combo, LeaderKind.VOLUNTEER: self.volunteer_combo}.get(
            kind, self.leader_name_edit)
        self.leader_stack.setCurrentWidget(widget)
        self.leader_stack.setVisible(kind is not None)
        if kind == LeaderKind.ANIMATOR and not self._animators:
            self.leader_stack.setToolTip(self.tr("W rejestrze nie ma animatorów tego programu."))

    # ---- Reading the form
    def is_series(self) -> bool:
        return self.detail is None and self.series_box.isChecked()

    def event_input(self):
        """The EventInput of the form, or None when a date or hour cannot be read (see ``errors``)."""
        from pal_desktop.services.events import EventInput

        local: dict[str, str] = {}
        day = self.date_field.date()
        if day is None:
            local["event_date"] = (self.tr("Wpisz datę jako dd.mm.rrrr, np. 28.10.2021.")
                                   if self.date_field.text().strip() else self.tr("Wpisz datę wydarzenia."))
        times = {}
        for field, edit in (("start_time", self.start_edit), ("end_time", self.end_edit)):
            try:
                times[field] = parse_time_text(edit.text())
            except ValueError:
                local[field] = self.tr("Wpisz godzinę jako gg:mm, np. 16:30.")
        if local:
            self._local_errors = local
            return None
        self._local_errors = {}
        kind = self.leader_kind_combo.currentData()
        return EventInput(
            title=self.title_edit.text(), event_date=day, programme_id=self.programme_id,
            event_type_id=self.type_combo.currentData(), task_id=self.task_combo.currentData(),
            start_time=times["start_time"], end_time=times["end_time"], place=self.place_edit.text(),
            leader_kind=kind,
            leader_name=self.leader_name_edit.text() if kind in (LeaderKind.STAFF, LeaderKind.TRAINER) else "",
            leader_animator_id=self.animator_combo.currentData() if kind == LeaderKind.ANIMATOR else None,
            leader_volunteer_id=self.volunteer_combo.currentData() if kind == LeaderKind.VOLUNTEER else None,
            capacity=self.capacity_spin.value() or None, status=self.status_combo.currentData(),
            notes=self.notes_edit.toPlainText())

    def series_dates(self) -> tuple[list[dt.date], list[dt.date]]:
        from pal_desktop.domain.calendar import series_dates

        day = self.date_field.date()
        if day is None:
            return [], []
        return series_dates(day, self.sessions_spin.value(), every_weeks=self.every_spin.value(),
                            skip_holidays=self.skip_check.isChecked())

    # ---- Checking
    def _changed(self, field: str) -> None:
        if self._loading:
            return
        self._touched.add(field)
        self.validate()

    def validate(self) -> bool:
        """Check the form as it is now; show the errors; enable Zapisz only when there are none."""
        from dataclasses import replace

        from pal_desktop.services import events

        errors: dict[str, str] = {}
        data = self.event_input()
        if data is None:
            errors.update(self._local_errors)
        else:
            found = events.validate_event(self.db, data, self.event_id)
            if not found and self.is_series():
                dates, _skipped = self.series_dates()
                if dates:
                    found = events.validate_event(self.db, replace(data, event_date=dates[-1]))
            for error in found:
                errors.setdefault(error.field or "general", error_dialog.error_text(error))
        if self.is_series():
            self._show_preview()
        self.errors = errors
        self._show_errors()
        self.save_button.setEnabled(not errors)
        self.save_shortcut.setEnabled(True)  # Ctrl+S on a wrong form says what is wrong
        return not errors

    def _show_errors(self) -> None:
        hints = []
        per_label: dict[int, tuple[QLabel, list[tuple[str, bool]]]] = {}
        for field, label in self.error_labels.items():
            entry = per_label.setdefault(id(label), (label, []))
            message = self.errors.get(field)
            if message is not None:
                entry[1].append((message, self._error_visible(field)))
        for label, messages in per_label.values():
            if not messages:
                label.hide()
                label.clear()
                continue
            visible = any(seen for _message, seen in messages)
            label.setText("\n".join(message for message, _seen in messages))
            label.setVisible(visible)
            if not visible:
                hints.extend(message for message, _seen in messages)
        for field, widget in self.fields.items():
            bad = field in self.errors and (field in self._touched or self._save_attempted)
            target = widget.edit if isinstance(widget, DateField) else widget
            target.setStyleSheet(INVALID_STYLE if bad else "")
        general = [message for field, message in self.errors.items() if field not in self.error_labels]
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))
        if hints:
            self.hint_label.setText(self.tr("Aby zapisać: {what}").format(what=" ".join(hints)))
        else:
            self.hint_label.setText("")
        self.hint_label.setVisible(bool(hints))

    def _error_visible(self, field: str) -> bool:
        """Red under the field once the user has been there (or tried to save); until then a grey hint."""
        if self._save_attempted or field in self._touched:
            return True
        if field == "end_time":
            return "start_time" in self._touched
        if field == "event_date":
            return bool(self._touched & {"task_id", "sessions", "every_weeks"})
        return field == "capacity" and self.detail is not None

    def _show_preview(self) -> None:
        from pal_desktop.domain.calendar import holiday_name

        dates, skipped = self.series_dates()
        if not dates:
            self.preview.setText("")
            return
        text = self.tr("Spotkania ({count}): {dates}").format(
            count=len(dates), dates=", ".join(format_date(d) for d in dates))
        for day in skipped:
            text += "\n" + self.tr("pominięto {date} — {holiday}").format(date=format_date(day),
                                                                          holiday=holiday_name(day) or "")
        self.preview.setText(text)

    # ---- Saving and closing
    def _snapshot(self) -> tuple:
        return (self.title_edit.text(), self.type_combo.currentIndex(), self.task_combo.currentIndex(),
                self.date_field.text(), self.start_edit.text(), self.end_edit.text(), self.place_edit.text(),
                self.leader_kind_combo.currentIndex(), self.leader_name_edit.text(),
                self.animator_combo.currentIndex(), self.volunteer_combo.currentIndex(), self.capacity_spin.value(),
                self.status_combo.currentIndex(), self.notes_edit.toPlainText(), self.series_box.isChecked(),
                self.every_spin.value(), self.sessions_spin.value(), self.skip_check.isChecked())

    def is_dirty(self) -> bool:
        return self._snapshot() != self._initial

    def save(self) -> None:
        from pal_desktop.services import events

        self._save_attempted = True
        if not self.validate():
            self._focus_first_error()
            return
        data = self.event_input()
        try:
            if self.detail is not None:
                events.update_event(self.db, self.event_id, data, expected_version=self.detail.version)
                self.saved_ids = [self.event_id]
                self.result_message = self.tr("Zapisano zmiany wydarzenia „{title}”.").format(title=data.title.strip())
            elif self.is_series():
                result = events.create_series(self.db, data, self.sessions_spin.value(),
                                              every_weeks=self.every_spin.value(),
                                              skip_holidays=self.skip_check.isChecked())
                self.series_result = result
                self.saved_ids = list(result.event_ids)
                dates = [d for _id, d in events.series_events(self.db, result.series_id)]
                self.result_message = self.tr(
                    "Utworzono cykl „{title}”: {count} spotkań, od {first} do {last}.").format(
                    title=data.title.strip(), count=len(dates), first=format_date(dates[0]),
                    last=format_date(dates[-1]))
                for day, name in result.skipped_holidays:
                    self.result_message += " " + self.tr("Pominięto {date} — {holiday}.").format(
                        date=format_date(day), holiday=name)
            else:
                self.saved_ids = [events.create_event(self.db, data)]
                self.result_message = self.tr("Dodano wydarzenie „{title}” ({date}).").format(
                    title=data.title.strip(), date=format_date(data.event_date))
        except ValidationError as error:
            self.errors = {error.field or "general": error_dialog.error_text(error)}
            self._show_errors()
            self.save_button.setEnabled(False)
            self._focus_first_error()
            return
        except PalError as error:
            self.general_error.setText(error_dialog.error_text(error))
            self.general_error.show()
            return
        self.sig_saved.emit(self.saved_ids)
        self._initial = self._snapshot()
        super().accept()

    def _focus_first_error(self) -> None:
        for field, widget in self.fields.items():
            if field in self.errors:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def reject(self) -> None:
        if self.is_dirty() and not questions.ask(
                self, self.tr("Porzucić zmiany?"),
                self.tr("Wprowadzone dane wydarzenia nie zostały zapisane. Zamknąć okno bez zapisywania?"),
                yes=self.tr("Zamknij bez zapisywania"), no=self.tr("Wróć do edycji")):
            return
        super().reject()


class EventTypesDialog(QDialog):
    """The editable list of event types: add, rename, hide (hidden types stay on the events that use them)."""

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.changed = False
        self.setObjectName("eventTypesDialog")
        self.setWindowTitle(self.tr("Rodzaje wydarzeń"))
        self.setAccessibleName(self.tr("Rodzaje wydarzeń"))
        self.list = QListWidget(self)
        self.list.setObjectName("eventTypesList")
        self.list.setAccessibleName(self.tr("Lista rodzajów wydarzeń"))
        self.list.currentItemChanged.connect(self._on_current)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("field_name")
        self.name_edit.setAccessibleName(self.tr("Nazwa rodzaju"))
        self.name_edit.setPlaceholderText(self.tr("np. wyjazd integracyjny"))
        self.name_edit.textEdited.connect(lambda _text: self.error_label.hide())
        name_label = QLabel(self.tr("&Nazwa:"), self)
        name_label.setBuddy(self.name_edit)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_name")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Błąd: nazwa rodzaju"))
        self.error_label.hide()
        self.add_button = QPushButton(self.tr("&Dodaj nowy"), self)
        self.add_button.setAccessibleName(self.tr("Dodaj nowy rodzaj o wpisanej nazwie"))
        self.rename_button = QPushButton(self.tr("&Zmień nazwę"), self)
        self.rename_button.setAccessibleName(self.tr("Zmień nazwę zaznaczonego rodzaju na wpisaną"))
        self.hide_button = QPushButton(self.tr("&Ukryj"), self)
        self.hide_button.setAccessibleName(self.tr("Ukryj albo przywróć zaznaczony rodzaj"))
        self.hide_button.setToolTip(self.tr("Ukryty rodzaj nie pojawia się przy nowych wydarzeniach; wydarzenia, "
                                            "które go mają, zachowują go."))
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.hide_button.clicked.connect(self.toggle_hidden)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Zamknij"))
        close.rejected.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.hide_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        name_row = QHBoxLayout()
        name_row.addWidget(name_label)
        name_row.addWidget(self.name_edit, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(name_row)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(460, 440)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        from pal_desktop.services import events

        self.list.clear()
        for option in events.event_types(self.db, include_inactive=True):
            text = option.name if option.active else self.tr("{name} (ukryty)").format(name=option.name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, option.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, option.active)
            item.setData(Qt.ItemDataRole.UserRole + 2, option.name)
            if not option.active:
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
            if option.id == select:
                self.list.setCurrentItem(item)
        self._on_current(self.list.currentItem(), None)

    def _on_current(self, item, _previous) -> None:
        self.rename_button.setEnabled(item is not None)
        self.hide_button.setEnabled(item is not None)
        if item is not None:
            self.name_edit.setText(item.data(Qt.ItemDataRole.UserRole + 2))
            self.hide_button.setText(self.tr("&Ukryj") if item.data(Qt.ItemDataRole.UserRole + 1)
                                     else self.tr("&Przywróć"))

    def _run(self, action) -> None:
        try:
            select = action()
        except PalError as error:
            self.error_label.setText(error_dialog.error_text(error))
            self.error_label.show()
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.error_label.hide()
        self.changed = True
        self.reload(select)

    def add(self) -> None:
        from pal_desktop.services import events

        self._run(lambda: events.add_event_type(self.db, self.name_edit.text()))

    def rename(self) -> None:
        from pal_desktop.services import events

        item = self.list.currentItem()
        if item is None:
            return
        type_id = item.data(Qt.ItemDataRole.UserRole)
        self._run(lambda: events.rename_event_type(self.db, type_id, self.name_edit.text()) or type_id)

    def toggle_hidden(self) -> None:
        from pal_desktop.services import events

        item = self.list.currentItem()
        if item is None:
            return
        type_id, active = item.data(Qt.ItemDataRole.UserRole), item.data(Qt.ItemDataRole.UserRole + 1)
        self._run(lambda: events.set_event_type_active(self.db, type_id, not active) or type_id)
