"""Zapisy na wydarzenie: add people (found by name or PESEL, ticked on a filtered list, a whole household, or
copied from another event) and remove them. For a meeting of a series the scope is asked once, above: the
whole series, the meetings from a chosen date, or only this meeting; it applies to enrolling and removing.

What the service decided is said in words after every step: who was enrolled, who went to the waiting list
because the places ran out, who was refused and why (e.g. left the programme), who is booked elsewhere at
the same time, and — after removing someone — who moved up from the waiting list.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.domain.enums import EnrolmentStatus
from pal_desktop.errors import PalError
from pal_desktop.ui.dialogs import error_dialog, questions
from pal_desktop.ui.models.event_models import enum_text, hours_text
from pal_desktop.ui.widgets.candidate_list import CandidateList
from pal_desktop.ui.widgets.date_field import format_date
from pal_desktop.ui.widgets.person_picker import PersonPicker
from pal_desktop.ui.widgets.series_scope import SeriesScopeBox

WARNING_STYLE = "QLabel { background: #fff8e1; border: 1px solid #e0c36c; border-radius: 3px; padding: 6px; }"


def _people(names: list[str]) -> str:
    return ", ".join(html.escape(name) for name in names)


class EnrolmentDialog(QDialog):
    sig_changed = Signal()
    """Someone was enrolled or removed (the events list should show the new counts)."""

    def __init__(self, db, event_id: int, programme_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.programme_id = programme_id
        self.changed = False
        self.last_result = None
        self._names: dict[int, str] = {}
        self.setObjectName("enrolmentDialog")
        self.setWindowTitle(self.tr("Zapisy na wydarzenie"))
        self.setAccessibleName(self.tr("Zapisy na wydarzenie"))

        self.event_label = QLabel(self)
        self.event_label.setObjectName("eventFacts")
        self.event_label.setWordWrap(True)
        self.event_label.setAccessibleName(self.tr("Wydarzenie"))
        self.places_label = QLabel(self)
        self.places_label.setObjectName("placesLabel")
        self.places_label.setAccessibleName(self.tr("Zajęte miejsca"))
        font = self.places_label.font()
        font.setBold(True)
        self.places_label.setFont(font)
        from pal_desktop.services import events

        first = events.get_event(db, event_id)
        self.scope_box = None
        if first.series_id is not None:
            self.scope_box = SeriesScopeBox(events.series_events(db, first.series_id), first.event_date, self)

        # ---- Left: adding people
        self.add_tabs = QTabWidget(self)
        self.add_tabs.setObjectName("enrolmentModes")
        self.add_tabs.setAccessibleName(self.tr("Sposób zapisu"))
        self.picker = PersonPicker(db, programme_id, self, label=self.tr("&Szukaj osoby (nazwisko, imię, PESEL):"))
        self.picker.sig_chosen.connect(lambda chosen: self.enrol_people(chosen))
        self.enrol_button = QPushButton(self.tr("Zapi&sz zaznaczone osoby"), self)
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.setAccessibleName(self.tr("Zapisz zaznaczone osoby"))
        self.enrol_button.setToolTip(self.tr("Zapisz osoby zaznaczone na liście (Enter na liście)"))
        self.enrol_button.clicked.connect(lambda: self.enrol_people(self.picker.selected()))
        people_page = QWidget(self)
        people_layout = QVBoxLayout(people_page)
        people_layout.addWidget(self.picker, 1)
        people_layout.addWidget(self.enrol_button)
        self.add_tabs.addTab(people_page, self.tr("Osoby"))

        household_page = QWidget(self)
        self.household_search = QLineEdit(household_page)
        self.household_search.setObjectName("householdSearch")
        self.household_search.setAccessibleName(self.tr("Szukaj rodziny"))
        self.household_search.setPlaceholderText(self.tr("nazwa rodziny lub ulica, np. „Kowalscy”"))
        self.household_search.setClearButtonEnabled(True)
        self.household_search.installEventFilter(self)
        household_label = QLabel(self.tr("Szukaj &rodziny (gospodarstwa domowego):"), household_page)
        household_label.setBuddy(self.household_search)
        self.household_list = QListWidget(household_page)
        self.household_list.setObjectName("householdResults")
        self.household_list.setAccessibleName(self.tr("Znalezione rodziny"))
        self.household_list.itemActivated.connect(lambda _item: self.enrol_household())
        self.household_button = QPushButton(self.tr("Zapisz &całą rodzinę"), household_page)
        self.household_button.setObjectName("enrolHouseholdButton")
        self.household_button.setAccessibleName(self.tr("Zapisz całą rodzinę"))
        self.household_button.clicked.connect(self.enrol_household)
        self._household_timer = QTimer(self)
        self._household_timer.setSingleShot(True)
        self._household_timer.setInterval(150)
        self._household_timer.timeout.connect(self.search_households)
        self.household_search.textChanged.connect(lambda _text: self._household_timer.start())
        household_layout = QVBoxLayout(household_page)
        household_layout.addWidget(household_label)
        household_layout.addWidget(self.household_search)
        household_layout.addWidget(self.household_list, 1)
        household_layout.addWidget(self.household_button)
        self.add_tabs.addTab(household_page, self.tr("Cała rodzina"))
        self.candidates = CandidateList(db, event_id, programme_id, self)
        self.candidates.sig_enrol.connect(lambda ids: self.enrol_ids(ids))
        self.add_tabs.addTab(self.candidates, self.tr("Lista do zaznaczenia"))
        self.copy_button = QPushButton(self.tr("Skopiuj zapisy z i&nnego wydarzenia…"), self)
        self.copy_button.setObjectName("copyEnrolmentButton")
        self.copy_button.setAccessibleName(self.tr("Skopiuj zapisy z innego wydarzenia"))
        self.copy_button.setToolTip(self.tr("Zapisz osoby zapisane na inne wydarzenie (albo obecne na nim)"))
        self.copy_button.clicked.connect(self.open_copy)

        # ---- Right: who is enrolled
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("enrolledTable")
        self.table.setAccessibleName(self.tr("Zapisani i lista rezerwowa"))
        self.table.setHorizontalHeaderLabels([self.tr("Lp."), self.tr("Nazwisko i imię"), self.tr("Zapis")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.installEventFilter(self)
        enrolled_label = QLabel(self.tr("&Zapisani:"), self)
        enrolled_label.setBuddy(self.table)
        self.unenrol_button = QPushButton(self.tr("&Wypisz zaznaczoną osobę"), self)
        self.unenrol_button.setObjectName("unenrolButton")
        self.unenrol_button.setAccessibleName(self.tr("Wypisz zaznaczoną osobę"))
        self.unenrol_button.setToolTip(self.tr("Wypisz z wydarzenia (Delete); pierwsza osoba z listy rezerwowej "
                                               "zajmie zwolnione miejsce"))
        self.unenrol_button.clicked.connect(self.unenrol_current)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.unenrol_current,
                  context=Qt.ShortcutContext.WidgetShortcut)

        self.result_label = QLabel(self)
        self.result_label.setObjectName("enrolmentResult")
        self.result_label.setAccessibleName(self.tr("Wynik zapisu"))
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setStyleSheet(WARNING_STYLE)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()

        close = QDialogButtonBox(self)
        close_button = close.addButton(self.tr("Zamknij"), QDialogButtonBox.ButtonRole.RejectRole)
        close_button.setAccessibleName(self.tr("Zamknij okno zapisów"))
        close.rejected.connect(self.accept)

        right = QVBoxLayout()
        right.addWidget(enrolled_label)
        right.addWidget(self.table, 1)
        right.addWidget(self.unenrol_button, 0, Qt.AlignmentFlag.AlignLeft)
        left = QVBoxLayout()
        left.addWidget(self.add_tabs, 1)
        left.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.event_label)
        layout.addWidget(self.places_label)
        if self.scope_box is not None:
            layout.addWidget(self.scope_box)
        layout.addLayout(columns, 1)
        layout.addWidget(self.result_label)
        layout.addWidget(close)
        self.resize(940, 600)
        self.reload()
        self.picker.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- Showing
    def reload(self) -> None:
        from pal_desktop.services import events

        detail = events.get_event(self.db, self.event_id)
        self.detail = detail
        facts = [format_date(detail.event_date), hours_text(detail.start_time, detail.end_time), detail.place]
        self.event_label.setText(f"<b>{html.escape(detail.title)}</b> — "
                                 + html.escape(", ".join(f for f in facts if f)))
        if detail.capacity:
            places = self.tr("Zapisanych: {enrolled} z {capacity} miejsc").format(enrolled=detail.enrolled,
                                                                                capacity=detail.capacity)
        else:
            places = self.tr("Zapisanych: {enrolled} (bez limitu miejsc)").format(enrolled=detail.enrolled)
        if detail.waiting:
            places += self.tr("; lista rezerwowa: {waiting}").format(waiting=detail.waiting)
        self.places_label.setText(places)
        rows = events.attendance_sheet(self.db, self.event_id, include_waiting=True)
        rows = [r for r in rows if r.enrolment is not None]
        rows.sort(key=lambda r: r.enrolment != EnrolmentStatus.ENROLLED)  # the waiting list below
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            name = f"{row.last_name} {row.first_name}"
            self._names[row.participant_id] = f"{row.first_name} {row.last_name}"
            items = (QTableWidgetItem(f"{number + 1}."), QTableWidgetItem(name),
                     QTableWidgetItem(enum_text(row.enrolment)))
            items[0].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate(items):
                item.setData(Qt.ItemDataRole.UserRole, row.participant_id)
                if row.enrolment == EnrolmentStatus.WAITING:
                    item.setForeground(Qt.GlobalColor.darkYellow)
                self.table.setItem(number, column, item)
        self.unenrol_button.setEnabled(bool(rows))

    def names(self) -> list[str]:
        """The names in the enrolled table, as shown (for tests and screen readers)."""
        return [self.table.item(r, 1).text() for r in range(self.table.rowCount())]

    def statuses(self) -> dict[str, str]:
        return {self.table.item(r, 1).text(): self.table.item(r, 2).text() for r in range(self.table.rowCount())}

    def _name(self, participant_id: int) -> str:
        if participant_id not in self._names:
            from pal_desktop.services import participants

            try:
                person = participants.get_participant(self.db, participant_id)
                self._names[participant_id] = f"{person.first_name} {person.last_name}"
            except PalError:
                self._names[participant_id] = self.tr("osoba nr {id}").format(id=participant_id)
        return self._names[participant_id]

    def _show_result(self, result) -> None:
        parts = []
        if result.enrolled:
            parts.append(self.tr("<b>Zapisano ({count}):</b> {names}.").format(
                count=len(result.enrolled), names=_people([self._name(p) for p in result.enrolled])))
        if result.waiting:
            parts.append(self.tr("<b>Lista rezerwowa ({count})</b> — brak wolnych miejsc: {names}. Wejdą na "
                                 "listę, gdy ktoś się wypisze.").format(
                count=len(result.waiting), names=_people([self._name(p) for p in result.waiting])))
        for pid, reason in result.refused:
            parts.append(self.tr("<b>Odmowa:</b> {name} — {reason}.").format(
                name=html.escape(self._name(pid)), reason=html.escape(QCoreApplication.translate("Validation",
                                                                                                 reason))))
        if result.already:
            parts.append(self.tr("Już byli zapisani: {names}.").format(
                names=_people([self._name(p) for p in result.already])))
        for pid, title in result.double_booked:
            parts.append(self.tr("<b>Uwaga:</b> {name} jest tego dnia o tej porze zapisany(-a) także na „{title}”.")
                         .format(name=html.escape(self._name(pid)), title=html.escape(title)))
        if not parts:
            parts.append(self.tr("Nikogo nie zapisano."))
        if self.scope_box is not None and (result.enrolled or result.waiting):
            parts.append(self.tr("Zapis obejmuje spotkania ({count}): {dates}.").format(
                count=len(result.meetings), dates=", ".join(format_date(d) for d in result.meetings)))
        if result.skipped:
            parts.append(self.tr("Bez zmian (obecność już zapisana): {dates}.").format(
                dates=", ".join(format_date(d) for d in result.skipped)))
        self.result_label.setText("<br>".join(parts))
        self.result_label.show()

    def result_text(self) -> str:
        """The result as plain text (what the user reads)."""
        from PySide6.QtGui import QTextDocument

        document = QTextDocument()
        document.setHtml(self.result_label.text())
        return document.toPlainText()

    # ---- Enrolling
    def enrol_people(self, chosen: list[tuple[int, str]]) -> None:
        from pal_desktop.services import events

        if not chosen:
            self.result_label.setText(self.tr("Najpierw wyszukaj i zaznacz osoby do zapisania."))
            self.result_label.show()
            return
        for pid, label in chosen:
            name = label.split(" — ")[0].replace(" (zakończył udział)", "")
            last, _, first = name.partition(" ")
            self._names.setdefault(pid, f"{first} {last}".strip())
        scope, day = self.scope()
        self._run(lambda: events.enrol(self.db, self.event_id, [pid for pid, _label in chosen], scope=scope,
                                       from_date=day))
        self.picker.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.picker.search.selectAll()

    def search_households(self) -> None:
        from pal_desktop.services import households

        self._household_timer.stop()
        self.household_list.clear()
        text = self.household_search.text().strip()
        if len(text) < 2:
            return
        for household_id, name, address, members in households.search_households(self.db, text):
            item = QListWidgetItem(self.tr("{name}, {address} — osób: {members}").format(
                name=name, address=address or self.tr("bez adresu"), members=members))
            item.setData(Qt.ItemDataRole.UserRole, household_id)
            self.household_list.addItem(item)
        if self.household_list.count():
            self.household_list.setCurrentRow(0)

    def enrol_household(self) -> None:
        from pal_desktop.services import events

        item = self.household_list.currentItem()
        if item is None:
            self.result_label.setText(self.tr("Najpierw wyszukaj i zaznacz rodzinę."))
            self.result_label.show()
            return
        household_id = item.data(Qt.ItemDataRole.UserRole)
        scope, day = self.scope()
        self._run(lambda: events.enrol_household(self.db, self.event_id, household_id, scope=scope, from_date=day))

    def scope(self):
        """(Scope, from date) chosen above; a single event is always just itself."""
        from pal_desktop.services.enrolment import Scope

        return self.scope_box.scope() if self.scope_box is not None else (Scope.MEETING, None)

    def enrol_ids(self, ids: list[int]) -> None:
        """The people ticked on the list."""
        from pal_desktop.services import events

        scope, day = self.scope()
        self._run(lambda: events.enrol(self.db, self.event_id, ids, scope=scope, from_date=day))
        self.candidates.reload()

    def open_copy(self):
        from pal_desktop.services import enrolment
        from pal_desktop.ui.dialogs.copy_enrolment_dialog import CopyEnrolmentDialog

        try:
            choices = enrolment.event_choices(self.db, self.event_id)
        except PalError as error:
            error_dialog.show_error(self, error)
            return None
        dialog = CopyEnrolmentDialog(choices, self)
        self.copy_dialog = dialog
        dialog.accepted.connect(lambda: self.copy_from(*dialog.choice()))
        dialog.open()
        return dialog

    def copy_from(self, source_event_id: int | None, attendees_only: bool = False) -> None:
        from pal_desktop.services import enrolment

        if source_event_id is None:
            return
        scope, day = self.scope()
        self._run(lambda: enrolment.copy_enrolment(self.db, source_event_id, self.event_id,
                                                   attendees_only=attendees_only, scope=scope, from_date=day))
        self.candidates.reload()

    def _run(self, action) -> None:
        try:
            result = action()
        except PalError as error:
            error_dialog.show_error(self, error)
            return
        self.last_result = result
        self.reload()
        self._show_result(result)
        if result.enrolled or result.waiting:
            self.changed = True
            self.sig_changed.emit()

    # ---- Removing
    def current_participant_id(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def unenrol_current(self) -> None:
        participant_id = self.current_participant_id()
        if participant_id is None:
            return
        name = self._name(participant_id)
        question = self.tr("Wypisać {name} z wydarzenia „{title}”?").format(name=name, title=self.detail.title)
        if self.scope_box is not None:
            question += " " + self.tr("Zakres: {scope}.").format(scope=self.scope_box.describe())
        if not questions.ask(self, self.tr("Wypisać z wydarzenia?"), question,
                             yes=self.tr("Wypisz"), no=self.tr("Nie wypisuj"), default_yes=True):
            return
        self.unenrol(participant_id)

    def unenrol(self, participant_id: int) -> None:
        from pal_desktop.services import events
        from pal_desktop.services.enrolment import Scope

        scope, day = self.scope()
        try:
            if scope == Scope.MEETING:
                promoted, left = events.unenrol(self.db, self.event_id, participant_id), None
            else:
                left = events.leave_series(self.db, self.event_id, participant_id, from_date=day)
                promoted = next((pid for when, pid in left.promoted if when == self.detail.event_date), None)
        except PalError as error:
            error_dialog.show_error(self, error)
            return
        text = self.tr("<b>Wypisano:</b> {name}.").format(name=html.escape(self._name(participant_id)))
        if left is not None:
            text += " " + self.tr("Spotkania ({count}): {dates}.").format(
                count=len(left.removed), dates=", ".join(format_date(d) for d in left.removed))
            if left.kept:
                text += " " + self.tr("Zostaje na spotkaniach z zapisaną obecnością: {dates}.").format(
                    dates=", ".join(format_date(d) for d in left.kept))
        if promoted is not None:
            text += " " + self.tr("Z listy rezerwowej na zwolnione miejsce wchodzi: <b>{name}</b>.").format(
                name=html.escape(self._name(promoted)))
        self.reload()
        self.result_label.setText(text)
        self.result_label.show()
        self.candidates.reload()
        self.changed = True
        self.sig_changed.emit()

    # ---- Keyboard
    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # Enter acts in the list or field that has the focus, never as a hidden default button
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched is self.household_search:
            if event.key() == Qt.Key.Key_Down and self.household_list.count():
                self.household_list.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.search_households()
                if self.household_list.count():
                    self.household_list.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)
