"""Recording who came to a session, from the keyboard.

The enrolled people are listed in Polish alphabetical order with a status each. Arrows move; Space goes
obecny → nieobecny → usprawiedliwiony; 1, 2 and 3 set the status and move to the next person; typing letters
jumps to the person whose surname starts with them. "Wszyscy obecni" marks everybody at once. Nothing is
written until Zapisz (Ctrl+S), which saves the whole list in one transaction (``events.record_attendance``);
a session that has not happened yet is refused with the service's Polish message. A person who came without
being enrolled is added with "Dodaj osobę spoza listy…" (saved at once, as present).

The rate of the session is shown as it is being marked; for a session of a series, the table beside it
shows every participant's rate over the series, those under 80 % in red.
"""

from __future__ import annotations

import datetime as dt
import html
import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.domain.enums import AttendanceStatus
from pal_desktop.errors import PalError
from pal_desktop.ui.dialogs import error_dialog, questions
from pal_desktop.ui.models.event_models import AttendanceModel, SeriesRatesModel, hours_text, percent
from pal_desktop.ui.widgets.month_calendar import long_date
from pal_desktop.ui.widgets.person_picker import PersonPicker

ERROR_STYLE = "QLabel { color: #b3261e; }"
NOTICE_STYLE = "QLabel { background: #fff8e1; border: 1px solid #e0c36c; border-radius: 3px; padding: 6px; }"
HINT_STYLE = "QLabel { color: palette(placeholder-text); }"
#: Keys that set a status (and move on).
STATUS_KEYS = {"1": AttendanceStatus.PRESENT, "2": AttendanceStatus.ABSENT, "3": AttendanceStatus.EXCUSED}
#: Letters typed within this time make one prefix ("kow" jumps to Kowalska).
TYPE_AHEAD_SECONDS = 1.0


class AttendanceWidget(QWidget):
    sig_saved = Signal()
    """The attendance was saved (the events list should show the new counts)."""

    def __init__(self, db, event_id: int, programme_id: int | None = None, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.programme_id = programme_id
        self.today = today
        self._typed = ""
        self._typed_at = 0.0
        self.setObjectName("attendanceWidget")
        self.setAccessibleName(self.tr("Lista obecności do zaznaczenia"))

        self.facts_label = QLabel(self)
        self.facts_label.setObjectName("eventFacts")
        self.facts_label.setWordWrap(True)
        self.facts_label.setAccessibleName(self.tr("Wydarzenie"))
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("futureNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(NOTICE_STYLE)
        self.notice_label.setAccessibleName(self.tr("Uwaga"))
        self.notice_label.hide()
        self.rate_label = QLabel(self)
        self.rate_label.setObjectName("rateLabel")
        self.rate_label.setAccessibleName(self.tr("Frekwencja na spotkaniu"))
        font = self.rate_label.font()
        font.setBold(True)
        self.rate_label.setFont(font)
        self.rate_label.setWordWrap(True)

        self.model = AttendanceModel(self)
        self.model.sig_counts_changed.connect(self._show_counts)
        self.table = QTableView(self)
        self.table.setObjectName("attendanceTable")
        self.table.setAccessibleName(self.tr("Obecność uczestników"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        digit = self.table.fontMetrics().horizontalAdvance("0")
        header.resizeSection(AttendanceModel.COL_NUMBER, digit * 6)
        header.setSectionResizeMode(AttendanceModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(AttendanceModel.COL_STATUS, digit * 22)
        header.resizeSection(AttendanceModel.COL_NOTE, digit * 18)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda index: self.model.cycle(index.row()))

        self.hint_label = QLabel(self.tr("↑ ↓ — wybór osoby · Spacja — zmiana statusu · 1 obecny · 2 nieobecny · "
                                         "3 usprawiedliwiony (i dalej) · litery — skok do nazwiska · "
                                         "Ctrl+S — zapisz"), self)
        self.hint_label.setObjectName("keyboardHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(HINT_STYLE)
        self.hint_label.setAccessibleName(self.tr("Obsługa klawiaturą"))

        self.all_present_button = QPushButton(self.tr("&Wszyscy obecni"), self)
        self.all_present_button.setObjectName("allPresentButton")
        self.all_present_button.setAccessibleName(self.tr("Zaznacz wszystkich jako obecnych"))
        self.all_present_button.setToolTip(self.tr("Zaznacz wszystkich jako obecnych; potem popraw nieobecnych "
                                                   "i zapisz (Ctrl+S)"))
        self.all_present_button.clicked.connect(self.mark_all_present)
        self.walk_in_button = QPushButton(self.tr("&Dodaj osobę spoza listy…"), self)
        self.walk_in_button.setObjectName("walkInButton")
        self.walk_in_button.setAccessibleName(self.tr("Dodaj osobę spoza listy"))
        self.walk_in_button.setToolTip(self.tr("Ktoś przyszedł bez zapisu: dopisz go jako obecnego"))
        self.walk_in_button.clicked.connect(self.add_walk_in)
        self.save_button = QPushButton(self.tr("&Zapisz obecność"), self)
        self.save_button.setObjectName("saveAttendanceButton")
        self.save_button.setAccessibleName(self.tr("Zapisz obecność"))
        self.save_button.setToolTip(self.tr("Zapisz całą listę (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        for button in (self.all_present_button, self.walk_in_button, self.save_button):
            button.setAutoDefault(False)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                                       context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("attendanceMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Komunikat"))
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.series_box = QGroupBox(self.tr("Frekwencja w cyklu"), self)
        self.series_box.setObjectName("seriesRates")
        self.series_box.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 62)
        self.series_box.setAccessibleName(self.tr("Frekwencja uczestników w cyklu zajęć"))
        self.series_model = SeriesRatesModel(self)
        self.series_table = QTableView(self.series_box)
        self.series_table.setObjectName("seriesRatesTable")
        self.series_table.setAccessibleName(self.tr("Frekwencja uczestników w cyklu"))
        self.series_table.setModel(self.series_model)
        self.series_table.verticalHeader().setVisible(False)
        self.series_table.verticalHeader().setDefaultSectionSize(self.series_table.fontMetrics().height() + 8)
        self.series_table.setWordWrap(False)
        self.series_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.series_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.series_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.series_table.setTabKeyNavigation(False)
        self.series_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.series_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.series_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.series_summary = QLabel(self.series_box)
        self.series_summary.setObjectName("seriesSummary")
        self.series_summary.setWordWrap(True)
        self.series_summary.setAccessibleName(self.tr("Podsumowanie frekwencji w cyklu"))
        series_layout = QVBoxLayout(self.series_box)
        series_layout.addWidget(self.series_summary)
        series_layout.addWidget(self.series_table, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.all_present_button)
        buttons.addWidget(self.walk_in_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.hint_label)
        left.addLayout(buttons)
        left.addWidget(self.message_label)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(self.series_box, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.rate_label)
        from pal_desktop.ui.widgets.scan_evidence import ScanEvidencePanel

        self.evidence = ScanEvidencePanel(db, event_id, programme_id, self, today=today)
        layout.addWidget(self.evidence)
        layout.addLayout(columns, 1)
        self.reload()

    # ---- Loading
    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    def reload(self) -> None:
        from pal_desktop.services import events

        self.detail = events.get_event(self.db, self.event_id)
        self._rules = events.attendance_rules(self.db)
        detail = self.detail
        facts = [long_date(detail.event_date), hours_text(detail.start_time, detail.end_time), detail.place]
        leader = self.tr("prowadzi: {name}").format(name=detail.leader) if detail.leader else ""
        self.facts_label.setText(f"<b>{html.escape(detail.title)}</b><br>"
                                 + html.escape(" · ".join(f for f in (*facts, leader) if f)))
        if detail.event_date > self._today():
            self.notice_label.setText(self.tr("To spotkanie jeszcze się nie odbyło ({date}). Obecność zapiszesz "
                                              "po zajęciach.").format(date=detail.event_date.strftime("%d.%m.%Y")))
            self.notice_label.show()
        else:
            self.notice_label.hide()
        self.model.set_rows(events.attendance_sheet(self.db, self.event_id))
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, AttendanceModel.COL_NAME))
        self.series_box.setVisible(detail.series_id is not None)
        self._load_series_rates()

    def _load_series_rates(self) -> None:
        from pal_desktop.services import events

        if self.detail.series_id is None:
            return
        self.series_model.set_rates(events.series_rates(self.db, self.detail.series_id))
        total, low = self.series_model.rowCount(), self.series_model.low_count()
        if not total:
            self.series_summary.setText(self.tr("W tym cyklu nie zapisano jeszcze obecności."))
        elif low:
            self.series_summary.setText(self.tr("Spotkania z zapisaną obecnością. Poniżej {threshold} % (na "
                                                "czerwono): <b>{low}</b> z {total} osób.").format(
                threshold=self._rules.threshold_percent, low=low, total=total))
        else:
            self.series_summary.setText(self.tr("Spotkania z zapisaną obecnością. Wszyscy ({total}) mają co "
                                                "najmniej {threshold} %.").format(
                total=total, threshold=self._rules.threshold_percent))

    def _show_counts(self) -> None:
        model = self.model
        present = model.count(AttendanceStatus.PRESENT)
        marked = present + model.count(AttendanceStatus.ABSENT) + model.count(AttendanceStatus.EXCUSED)
        # The same rule as the saved rate: excused absences lower it only where the organisation says so.
        rules = getattr(self, "_rules", None)
        counted = marked if rules is not None and rules.excused_lowers_rate else \
            marked - model.count(AttendanceStatus.EXCUSED)
        text = self.tr("Frekwencja: {rate} — obecni {present} z {marked}").format(
            rate=percent(present / counted if counted else None), present=present, marked=marked)
        details = [self.tr("nieobecni: {n}").format(n=model.count(AttendanceStatus.ABSENT)),
                   self.tr("usprawiedliwieni: {n}").format(n=model.count(AttendanceStatus.EXCUSED))]
        if model.unmarked():
            details.append(self.tr("bez zaznaczenia: {n}").format(n=model.unmarked()))
        if model.is_changed():
            details.append(self.tr("niezapisane zmiany"))
        self.rate_label.setText(text + " · " + " · ".join(details))

    # ---- Marking
    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def _move_to(self, row: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, AttendanceModel.COL_NAME))

    def mark_all_present(self) -> None:
        self.model.set_all(AttendanceStatus.PRESENT)
        self.message_label.setStyleSheet("")
        self.message_label.setText(self.tr("Wszyscy zaznaczeni jako obecni. Popraw nieobecnych i zapisz "
                                           "(Ctrl+S)."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        row = self.current_row()
        text = event.text()
        if event.key() == Qt.Key.Key_Space:
            if row is not None:
                self.model.cycle(row)
            return True
        if text in STATUS_KEYS:
            if row is not None:
                self.model.set_status(row, STATUS_KEYS[text])
                if row + 1 < self.model.rowCount():
                    self._move_to(row + 1)
            return True
        if text and text.isalpha():
            now = time.monotonic()
            if now - self._typed_at > TYPE_AHEAD_SECONDS:
                self._typed = ""
            self._typed_at = now
            self._typed += text
            start = row if row is not None and len(self._typed) > 1 else (row + 1 if row is not None else 0)
            found = self.model.find_prefix(self._typed, start)
            if found is None and len(self._typed) > 1:  # a new first letter starts a new search
                self._typed = text
                found = self.model.find_prefix(text, (row or 0) + 1)
            if found is not None:
                self._move_to(found)
            return True
        return False

    # ---- Saving
    def is_changed(self) -> bool:
        return self.model.is_changed()

    def save(self) -> bool:
        """Save the whole list in one transaction; False (and the reason shown) when refused."""
        from pal_desktop.services import events

        unmarked_as = None
        future = self.detail.event_date > self._today()
        if self.model.unmarked() and not future:
            if questions.ask(self, self.tr("Osoby bez zaznaczenia"),
                             self.tr("Liczba osób bez zaznaczonej obecności: {n}. Zapisać je jako nieobecne?")
                             .format(n=self.model.unmarked()),
                             yes=self.tr("Zapisz jako nieobecne"), no=self.tr("Zostaw bez zaznaczenia"),
                             default_yes=True):
                unmarked_as = AttendanceStatus.ABSENT
        marks = self.model.marks(unmarked_as=unmarked_as)
        try:
            events.record_attendance(self.db, self.event_id, marks, today=self._today())
        except PalError as error:
            self._show_error(error)
            return False
        self.model.mark_saved(marks)
        rate = events.event_rate(self.db, self.event_id)
        self._load_series_rates()
        self.message_label.setStyleSheet("")
        self.message_label.setText(self.tr("Zapisano obecność ({count} osób). Frekwencja: {rate}.").format(
            count=len(marks), rate=percent(rate.value)))
        self.sig_saved.emit()
        return True

    def _show_error(self, error: PalError) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setText(error_dialog.error_text(error))

    # ---- Walk-ins
    def add_walk_in(self) -> WalkInDialog:
        """Open the search for the person who came (the window stays usable; the choice adds them)."""
        dialog = WalkInDialog(self.db, self.programme_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: d.chosen is not None and self.add_walk_in_person(*d.chosen))
        self.walk_in_dialog = dialog
        dialog.open()
        return dialog

    def add_walk_in_person(self, participant_id: int, label: str) -> bool:
        from pal_desktop.services import events

        try:
            events.add_walk_in(self.db, self.event_id, participant_id, today=self._today())
        except PalError as error:
            self._show_error(error)
            return False
        name = label.split(" — ")[0]
        row = self.model.row_of(participant_id)
        if row is None:
            last, _, first = name.partition(" ")
            row = self.model.append(events.SheetRow(participant_id, last, first, None, AttendanceStatus.PRESENT,
                                                    True), AttendanceStatus.PRESENT)
        else:
            self.model.set_status(row, AttendanceStatus.PRESENT)
            self.model.mark_saved({participant_id: AttendanceStatus.PRESENT})
        self._move_to(row)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.message_label.setStyleSheet("")
        self.message_label.setText(self.tr("Dopisano jako obecną osobę spoza listy: {name}.").format(name=name))
        self._load_series_rates()
        self.sig_saved.emit()
        return True


class WalkInDialog(QDialog):
    """Find the person who came without being enrolled."""

    def __init__(self, db, programme_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen: tuple[int, str] | None = None
        self.setObjectName("walkInDialog")
        self.setWindowTitle(self.tr("Osoba spoza listy"))
        self.setAccessibleName(self.tr("Dodaj osobę spoza listy"))
        self.picker = PersonPicker(db, programme_id, self, multiple=False)
        self.picker.sig_chosen.connect(self._chosen)
        buttons = QDialogButtonBox(self)
        self.add_button = buttons.addButton(self.tr("&Dodaj jako obecną"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setAccessibleName(self.tr("Dodaj wybraną osobę jako obecną"))
        cancel = buttons.addButton(self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Anuluj"))
        self.add_button.clicked.connect(lambda: self._chosen(self.picker.selected()))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker, 1)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def _chosen(self, chosen: list) -> None:
        if chosen:
            self.chosen = chosen[0]
            self.accept()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # the picker handles Enter
        super().keyPressEvent(event)


class AttendanceDialog(QDialog):
    """The attendance widget in a window of its own; closing with unsaved marks asks first."""

    def __init__(self, db, event_id: int, programme_id: int | None = None, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendanceDialog")
        self.setWindowTitle(self.tr("Obecność na wydarzeniu"))
        self.setAccessibleName(self.tr("Obecność na wydarzeniu"))
        self.widget = AttendanceWidget(db, event_id, programme_id, self, today=today)
        close = QDialogButtonBox(self)
        self.close_button = close.addButton(self.tr("Zamknij"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setAccessibleName(self.tr("Zamknij listę obecności"))
        self.close_button.setAutoDefault(False)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.widget, 1)
        layout.addWidget(close)
        self.resize(1120, 660)
        self.widget.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # Enter never closes the list by accident
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.widget.is_changed() and not questions.ask(
                self, self.tr("Niezapisana obecność"),
                self.tr("Zaznaczona obecność nie została zapisana. Zamknąć bez zapisywania?"),
                yes=self.tr("Zamknij bez zapisywania"), no=self.tr("Wróć")):
            return
        super().reject()
