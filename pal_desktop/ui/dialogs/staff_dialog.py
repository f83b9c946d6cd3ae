"""Prowadzący i pomocnicy: the animators and volunteers who led or helped at an event.

A volunteer's hours at the event are logged for them at once (``events.add_staff``); a volunteer without an
agreement covering the day is refused with the service's Polish message, shown under the field at fault.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.errors import PalError
from pal_desktop.ui.dialogs import error_dialog
from pal_desktop.ui.widgets.date_field import format_date
from pal_desktop.ui.widgets.form_parts import error_label, field_column, labelled_row


class StaffDialog(QDialog):
    sig_changed = Signal()
    """Someone was added."""

    def __init__(self, db, event_id: int, programme_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from pal_desktop.services import events, staff_choices

        self.db = db
        self.event_id = event_id
        self.detail = events.get_event(db, event_id)
        self.setObjectName("staffDialog")
        self.setWindowTitle(self.tr("Prowadzący i pomocnicy"))
        self.setAccessibleName(self.tr("Prowadzący i pomocnicy wydarzenia"))
        facts = QLabel(f"<b>{html.escape(self.detail.title)}</b> — {format_date(self.detail.event_date)}"
                       + (html.escape(" · " + self.tr("prowadzi: {name}").format(name=self.detail.leader))
                          if self.detail.leader else ""), self)
        facts.setWordWrap(True)

        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("staffTable")
        self.table.setAccessibleName(self.tr("Animatorzy i wolontariusze przy wydarzeniu"))
        self.table.setHorizontalHeaderLabels([self.tr("Imię i nazwisko"), self.tr("Rola")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        box = QGroupBox(self.tr("Dodaj osobę"), self)
        box.setAccessibleName(self.tr("Dodaj animatora albo wolontariusza"))
        self.animator_radio = QRadioButton(self.tr("&animator"), box)
        self.animator_radio.setAccessibleName(self.tr("Animator"))
        self.volunteer_radio = QRadioButton(self.tr("&wolontariusz"), box)
        self.volunteer_radio.setAccessibleName(self.tr("Wolontariusz"))
        self.animator_radio.setChecked(True)
        self.person_combo = QComboBox(box)
        self.person_combo.setObjectName("field_person")
        self.person_combo.setAccessibleName(self.tr("Osoba"))
        self.person_combo.setMinimumContentsLength(28)
        self.role_edit = QLineEdit(box)
        self.role_edit.setObjectName("field_role")
        self.role_edit.setAccessibleName(self.tr("Rola przy wydarzeniu"))
        self.role_edit.setPlaceholderText(self.tr("np. współprowadzący, pomoc przy dzieciach"))
        self.hours_edit = QLineEdit(box)
        self.hours_edit.setObjectName("field_hours")
        self.hours_edit.setAccessibleName(self.tr("Godziny wolontariatu"))
        self.hours_edit.setPlaceholderText(self.tr("np. 2,5"))
        self.hours_edit.setMaximumWidth(self.hours_edit.fontMetrics().horizontalAdvance("np. 2,50") + 24)
        self.error_labels = {}
        form = QFormLayout(box)
        kinds = QHBoxLayout()
        kinds.addWidget(self.animator_radio)
        kinds.addWidget(self.volunteer_radio)
        kinds.addStretch(1)
        form.addRow(self.tr("Kto:"), kinds)
        self._row(form, "person", self.tr("&Osoba:"), self.person_combo)
        self._row(form, "role", self.tr("&Rola:"), self.role_edit)
        self.hours_label = self._row(form, "hours", self.tr("&Godziny:"), self.hours_edit)
        self.general_error = error_label(box, "")
        form.addRow(self.general_error)
        self.add_button = QPushButton(self.tr("Dodaj do &wydarzenia"), box)
        self.add_button.setObjectName("addStaffButton")
        self.add_button.setAccessibleName(self.tr("Dodaj osobę do wydarzenia"))
        self.add_button.clicked.connect(self.add)
        form.addRow("", self.add_button)

        self._animators = staff_choices.animator_choices(db, programme_id)
        self._volunteers = staff_choices.volunteer_choices(db)
        self.animator_radio.toggled.connect(self._fill_people)
        self.remove_button = QPushButton(self.tr("&Usuń zaznaczoną osobę"), self)
        self.remove_button.setObjectName("removeStaffButton")
        self.remove_button.setAccessibleName(self.tr("Usuń zaznaczoną osobę z wydarzenia"))
        self.remove_button.setToolTip(self.tr("Usuwa też godziny wolontariusza zapisane przy tym wydarzeniu (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)
        self.message = QLabel(self)
        self.message.setObjectName("staffMessage")
        self.message.setWordWrap(True)
        close = QDialogButtonBox(self)
        close_button = close.addButton(self.tr("Zamknij"), QDialogButtonBox.ButtonRole.RejectRole)
        close_button.setAccessibleName(self.tr("Zamknij"))
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(facts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(620, 520)
        self._fill_people()
        self.reload()

    def _row(self, form: QFormLayout, field: str, text: str, widget: QWidget) -> QLabel:
        holder, column = field_column(self, spacing=1)
        column.addWidget(widget)
        error = error_label(holder, f"error_{field}")
        column.addWidget(error)
        self.error_labels[field] = error
        return labelled_row(form, self, text, widget, holder)

    def _fill_people(self, *_args) -> None:
        volunteer = self.volunteer_radio.isChecked()
        self.person_combo.clear()
        for person in self._volunteers if volunteer else self._animators:
            self.person_combo.addItem(person.name, person.id)
        self.hours_edit.setEnabled(volunteer)
        self.hours_label.setEnabled(volunteer)
        self.hours_edit.setToolTip("" if volunteer else self.tr("Godziny zapisuje się tylko wolontariuszom."))

    def reload(self) -> None:
        from pal_desktop.services import events

        rows = events.event_staff(self.db, self.event_id)
        self.table.setRowCount(len(rows))
        for number, (staff_id, name, role) in enumerate(rows):
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, staff_id)
            self.table.setItem(number, 0, item)
            self.table.setItem(number, 1, QTableWidgetItem(role))

    def remove_selected(self) -> None:
        from pal_desktop.services import events

        row = self.table.currentRow()
        if row < 0:
            return
        name = self.table.item(row, 0).text()
        events.remove_staff(self.db, self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))
        self.message.setText(self.tr("Usunięto: {name}.").format(name=name))
        self.reload()
        self.sig_changed.emit()

    def names(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]

    def add(self) -> None:
        from pal_desktop.services import events

        for label in (*self.error_labels.values(), self.general_error):
            label.hide()
        person = self.person_combo.currentData()
        volunteer = self.volunteer_radio.isChecked()
        try:
            events.add_staff(self.db, self.event_id,
                             animator_id=None if volunteer else person, volunteer_id=person if volunteer else None,
                             role=self.role_edit.text(),
                             hours=(self.hours_edit.text().strip() or None) if volunteer else None)
        except PalError as error:
            label = self.error_labels.get(error.field or "", self.general_error)
            label.setText(error_dialog.error_text(error))
            label.show()
            return
        self.message.setText(self.tr("Dodano: {name}.").format(name=self.person_combo.currentText()))
        self.role_edit.clear()
        self.hours_edit.clear()
        self.reload()
        self.sig_changed.emit()
