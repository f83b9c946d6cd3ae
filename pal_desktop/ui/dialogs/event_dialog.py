"""Nowe wydarzenie / Edycja wydarzenia: reading the form, checking it, showing what is wrong, saving, closing.

Every change is checked at once through ``events.validate_event``: the rule broken is shown in Polish under
the field at fault (in grey while the user has not reached that field yet) and Zapisz (Ctrl+S) stays disabled
while anything is wrong. A new event can be a "Cykl zajęć": N sessions every K weeks at the same hour; the
preview lists the dates and the public holidays that are skipped, and each session is an event of its own
afterwards. Esc asks before throwing away what was typed.

The fields are built and filled in ``event_form``, the series part in ``event_series``; the list of event
types has its own dialog (``event_types_dialog``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.domain.enums import LeaderKind
from pal_desktop.errors import PalError, ValidationError
from pal_desktop.ui.dialogs import error_dialog, event_form, event_series, questions
from pal_desktop.ui.dialogs.conflict_dialog import KeptTheirVersion, SaveCancelled
from pal_desktop.ui.dialogs.event_form import HINT_STYLE, INVALID_STYLE, parse_time_text
from pal_desktop.ui.widgets.date_field import DateField, format_date
from pal_desktop.ui.widgets.form_parts import ButtonText, error_label, reserve_space, save_cancel_buttons
from pal_desktop.ui.widgets.volunteer_form import fit_height, scrolling


class EventDialog(QDialog):
    """Add (``event_id`` None) or edit one event; after ``accept`` see ``saved_ids`` and ``result_message``."""

    sig_saved = Signal(list)
    """The ids of the events created or changed."""

    def __init__(self, db, programme_id: int | None, parent: QWidget | None = None, *, event_id: int | None = None,
                 day: dt.date | None = None, task_id: int | None = None, event_type_id: int | None = None) -> None:
        super().__init__(parent)
        from pal_desktop.services import events, programmes, staff_choices

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
        self._animators = staff_choices.animator_choices(db, programme_id)
        self._volunteers = staff_choices.volunteer_choices(db)

        form = event_form.build_form(self)

        self.series_box = self._build_series_box()
        self.series_box.setVisible(not editing)

        self.series_note = QLabel(self)
        self.series_note.setObjectName("seriesNote")
        self.series_note.setWordWrap(True)
        self.series_note.setStyleSheet(HINT_STYLE)
        self.series_note.setVisible(editing and self.detail.series_id is not None)
        self.series_note.setText(self.tr("To spotkanie należy do cyklu zajęć. Zmiany dotyczą tylko tego spotkania."))

        self.general_error = error_label(self, "error_general", self.tr("Błąd"), reserve_lines=1)
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("saveHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(HINT_STYLE)
        self.hint_label.setAccessibleName(self.tr("Czego brakuje do zapisania"))
        reserve_space(self.hint_label, 2)

        buttons, self.save_button, self.cancel_button, self.save_shortcut = save_cancel_buttons(
            self, ButtonText(self.tr("&Zapisz"), self.tr("Zapisz wydarzenie"), self.tr("Zapisz (Ctrl+S)"),
                             "saveEventButton"),
            ButtonText(self.tr("Anuluj"), self.tr("Anuluj"), self.tr("Zamknij bez zapisywania (Esc)")))

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
        event_form.add_row(self, form, field, label_text, name, widget, buddy=buddy, error_fields=error_fields)

    def _build_series_box(self) -> QGroupBox:
        return event_series.build_series_box(self)

    def _fill(self, *, day: dt.date | None, task_id: int | None, event_type_id: int | None) -> None:
        event_form.fill(self, day=day, task_id=task_id, event_type_id=event_type_id)

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        index = combo.findData(value) if value is not None else 0
        if index >= 0:
            combo.setCurrentIndex(index)

    def _connect_changes(self) -> None:
        event_form.connect_changes(self)

    def _show_leader_kind(self, *_args) -> None:
        event_form.show_leader_kind(self, *_args)

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
            notes=self.notes_edit.toPlainText(), with_children=self.with_children_check.isChecked())

    def series_dates(self) -> tuple[list[dt.date], list[dt.date]]:
        return event_series.series_dates(self)

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
        event_series.show_preview(self)

    # ---- Saving and closing
    def _snapshot(self) -> tuple:
        return (self.title_edit.text(), self.type_combo.currentIndex(), self.task_combo.currentIndex(),
                self.date_field.text(), self.start_edit.text(), self.end_edit.text(), self.place_edit.text(),
                self.leader_kind_combo.currentIndex(), self.leader_name_edit.text(),
                self.animator_combo.currentIndex(), self.volunteer_combo.currentIndex(), self.capacity_spin.value(),
                self.status_combo.currentIndex(), self.notes_edit.toPlainText(), self.series_box.isChecked(),
                self.every_spin.value(), self.sessions_spin.value(), self.skip_check.isChecked(),
                self.with_children_check.isChecked())

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
                self._update(data)
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
        except SaveCancelled:
            return
        except KeptTheirVersion:  # nothing of ours is saved: the list shows the other person's version
            self._initial = self._snapshot()
            super().accept()
            return
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
        self._warn_about_children()
        self.sig_saved.emit(self.saved_ids)
        self._initial = self._snapshot()
        super().accept()

    def _update(self, data) -> None:
        """Save over the loaded version; when someone saved the event since, ask what to keep."""
        from pal_desktop.services import events
        from pal_desktop.ui.dialogs.conflict_dialog import input_of, save_over_version

        def current():
            detail = events.get_event(self.db, self.event_id)
            return input_of(events.EventInput, detail), detail.version

        types = {t.id: t.name for t in events.event_types(self.db, include_inactive=True)}
        labels = {"title": self.tr("Tytuł"), "event_date": self.tr("Data"), "event_type_id": self.tr("Rodzaj"),
                  "task_id": self.tr("Zadanie harmonogramu"), "start_time": self.tr("Od godziny"),
                  "end_time": self.tr("Do godziny"), "place": self.tr("Miejsce"), "leader_name": self.tr("Prowadzi"),
                  "capacity": self.tr("Liczba miejsc"), "status": self.tr("Status"), "notes": self.tr("Uwagi")}
        shown = {"event_type_id": lambda value: types.get(value, "—")}
        save_over_version(self, lambda mine, version: events.update_event(self.db, self.event_id, mine,
                                                                          expected_version=version),
                          data, input_of(events.EventInput, self.detail), self.detail.version, current, labels, shown)

    def _warn_about_children(self) -> None:
        """An event with children led or helped by someone without the checks: said with the saved message."""
        from pal_desktop.services import child_protection
        from pal_desktop.ui.widgets.volunteer_form import notice_text

        self.child_warnings = [notice_text(n) for n in child_protection.event_warnings(self.db, self.saved_ids[0])] \
            if self.saved_ids and self.with_children_check.isChecked() else []
        if self.child_warnings:
            self.result_message += " " + self.tr("Z udziałem dzieci — uwaga: {what}").format(
                what=" ".join(self.child_warnings))

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
