"""Choosing many people at once for an event: a filtered list with checkboxes.

The filter picks where the people come from (every active participant, a household, a street, those who came
to or were enrolled on another event); the name field narrows the list as you type. Space ticks the current
row; "Zaznacz wszystkie" ticks every row shown. People already enrolled are shown ticked and greyed, with
their enrolment, so that nobody is enrolled twice by mistake. The list is read off the UI thread (a whole
programme's participants can take a moment), the newest request winning.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.domain.text import fold
from pal_desktop.ui.latest_query import LatestQueryRunner, is_in_memory
from pal_desktop.ui.widgets.date_field import format_date

ID_ROLE = Qt.ItemDataRole.UserRole
ALREADY_ROLE = Qt.ItemDataRole.UserRole + 1


class CandidateList(QWidget):
    sig_enrol = Signal(list)
    """Zapisz pressed: the ids of the ticked people (those already enrolled left out)."""

    sig_loaded = Signal()
    """The rows of the current filter are on screen."""

    def __init__(self, db, event_id: int, programme_id: int | None, parent: QWidget | None = None) -> None:
        from pal_desktop.services.enrolment import CandidateSource

        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.programme_id = programme_id
        self._candidates: list = []
        self.reader = LatestQueryRunner(self, synchronous=is_in_memory(db))

        self.source_combo = QComboBox(self)
        self.source_combo.setObjectName("candidateSource")
        self.source_combo.setAccessibleName(self.tr("Skąd wziąć osoby"))
        for text, source in ((self.tr("wszyscy aktywni uczestnicy"), CandidateSource.ACTIVE),
                             (self.tr("gospodarstwo domowe"), CandidateSource.HOUSEHOLD),
                             (self.tr("ulica"), CandidateSource.STREET),
                             (self.tr("obecni na innym wydarzeniu"), CandidateSource.ATTENDEES),
                             (self.tr("zapisani na inne wydarzenie"), CandidateSource.ENROLLED)):
            self.source_combo.addItem(text, source)
        source_label = QLabel(self.tr("P&okaż:"), self)
        source_label.setBuddy(self.source_combo)

        self.key_combo = QComboBox(self)
        self.key_combo.setObjectName("candidateKey")
        self.key_combo.setAccessibleName(self.tr("Które gospodarstwo, ulica lub wydarzenie"))
        self.key_combo.setMinimumContentsLength(24)
        self.key_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.key_label = QLabel(self.tr("&Które:"), self)
        self.key_label.setBuddy(self.key_combo)

        self.name_filter = QLineEdit(self)
        self.name_filter.setObjectName("candidateNameFilter")
        self.name_filter.setAccessibleName(self.tr("Zawęź listę: nazwisko lub imię"))
        self.name_filter.setPlaceholderText(self.tr("nazwisko lub imię, np. „kowal”"))
        self.name_filter.setClearButtonEnabled(True)
        name_label = QLabel(self.tr("N&azwisko:"), self)
        name_label.setBuddy(self.name_filter)

        self.list = QListWidget(self)
        self.list.setObjectName("candidateList")
        self.list.setAccessibleName(self.tr("Osoby do zapisania (spacja zaznacza)"))
        self.list.setUniformItemSizes(True)

        self.all_button = QPushButton(self.tr("Zaznacz wsz&ystkie"), self)
        self.all_button.setObjectName("tickAllButton")
        self.all_button.setAccessibleName(self.tr("Zaznacz wszystkie widoczne osoby"))
        self.all_button.clicked.connect(lambda: self.tick_all(True))
        self.none_button = QPushButton(self.tr("Odzna&cz"), self)
        self.none_button.setObjectName("untickAllButton")
        self.none_button.setAccessibleName(self.tr("Odznacz wszystkie osoby"))
        self.none_button.clicked.connect(lambda: self.tick_all(False))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("tickedCount")
        self.count_label.setAccessibleName(self.tr("Liczba zaznaczonych osób"))
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("Zaznaczono: 0000 z 0000") + 8)
        self.save_button = QPushButton(self.tr("Za&pisz zaznaczonych"), self)
        self.save_button.setObjectName("enrolTickedButton")
        self.save_button.setAccessibleName(self.tr("Zapisz zaznaczone osoby"))
        self.save_button.clicked.connect(self.enrol_ticked)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(source_label, 0, 0)
        grid.addWidget(self.source_combo, 0, 1)
        grid.addWidget(self.key_label, 1, 0)
        grid.addWidget(self.key_combo, 1, 1)
        grid.addWidget(name_label, 2, 0)
        grid.addWidget(self.name_filter, 2, 1)
        grid.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        for first, second in ((self.source_combo, self.key_combo), (self.key_combo, self.name_filter),
                              (self.name_filter, self.list), (self.list, self.all_button),
                              (self.all_button, self.none_button), (self.none_button, self.save_button)):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.source_combo)

        self.source_combo.currentIndexChanged.connect(lambda _index: self._fill_keys())
        self.key_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.name_filter.textChanged.connect(lambda _text: self._show())
        self.list.itemChanged.connect(lambda _item: self._show_count())
        self._fill_keys()

    # ---- Reading
    def source(self):
        return self.source_combo.currentData()

    def _fill_keys(self) -> None:
        from pal_desktop.services import enrolment, households
        from pal_desktop.services.enrolment import CandidateSource

        source = self.source()
        self.key_combo.blockSignals(True)
        self.key_combo.clear()
        if source == CandidateSource.HOUSEHOLD:
            for household_id, name, address, members in households.search_households(self.db, "", limit=5000):
                self.key_combo.addItem(self.tr("{name}, {address} — osób: {members}").format(
                    name=name, address=address or self.tr("bez adresu"), members=members), household_id)
        elif source == CandidateSource.STREET and self.programme_id is not None:
            for street, count in enrolment.street_choices(self.db, self.programme_id):
                self.key_combo.addItem(self.tr("{street} — osób: {count}").format(street=street, count=count),
                                       street)
        elif source in (CandidateSource.ATTENDEES, CandidateSource.ENROLLED):
            for choice in enrolment.event_choices(self.db, self.event_id):
                self.key_combo.addItem(self.tr("{date} {title} — zapisanych {enrolled}, obecnych {present}").format(
                    date=format_date(choice.event_date), title=choice.title, enrolled=choice.enrolled,
                    present=choice.present), choice.id)
        self.key_combo.blockSignals(False)
        keyed = source != CandidateSource.ACTIVE
        self.key_combo.setEnabled(keyed and self.key_combo.count() > 0)
        self.key_label.setEnabled(keyed)
        self.reload()

    def reload(self) -> None:
        """Read the people of the current filter (in the background); ticks of people still shown are kept."""
        from pal_desktop.services import enrolment
        from pal_desktop.services.enrolment import CandidateSource

        source, key = self.source(), self.key_combo.currentData()
        if source != CandidateSource.ACTIVE and key is None:
            self._on_loaded([])
            return
        db, event_id = self.db, self.event_id
        self.reader.submit("candidates", lambda: enrolment.enrolment_candidates(db, event_id, source, key),
                           self._on_loaded, self._on_failed)

    def _on_loaded(self, candidates: list) -> None:
        self._candidates = candidates
        self._show()
        self.sig_loaded.emit()

    def _on_failed(self, error: BaseException) -> None:
        from pal_desktop.errors import PalError
        from pal_desktop.ui.dialogs import error_dialog

        if not isinstance(error, PalError):
            raise error
        error_dialog.show_error(self, error)

    # ---- Showing
    def _show(self) -> None:
        from pal_desktop.domain.enums import EnrolmentStatus

        ticked = set(self.ticked())
        words = fold(self.name_filter.text()).split()
        self.list.blockSignals(True)
        self.list.clear()
        for person in self._candidates:
            if words and not all(word in fold(person.name) for word in words):
                continue
            text = person.name + (f" — {person.address}" if person.address else "")
            item = QListWidgetItem(self.list)
            item.setData(ID_ROLE, person.participant_id)
            if person.enrolment is not None:
                text += " — " + (self.tr("już zapisany(-a)") if person.enrolment == EnrolmentStatus.ENROLLED
                                 else self.tr("już na liście rezerwowej"))
                item.setData(ALREADY_ROLE, True)
                item.setFlags(Qt.ItemFlag.ItemIsSelectable)  # shown ticked, cannot be changed
                item.setCheckState(Qt.CheckState.Checked)
            elif person.left_programme:
                text += " — " + self.tr("zakończył(a) udział")
                item.setFlags(Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(Qt.CheckState.Unchecked)
            else:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if person.participant_id in ticked
                                   else Qt.CheckState.Unchecked)
            item.setText(text)
        self.list.blockSignals(False)
        first = next((r for r in range(self.list.count())
                      if self.list.item(r).flags() & Qt.ItemFlag.ItemIsEnabled), None)
        if first is not None:
            self.list.setCurrentRow(first)
        self._show_count()

    def _tickable(self) -> list[QListWidgetItem]:
        return [self.list.item(r) for r in range(self.list.count())
                if self.list.item(r).flags() & Qt.ItemFlag.ItemIsUserCheckable]

    def ticked(self) -> list[int]:
        return [item.data(ID_ROLE) for item in self._tickable() if item.checkState() == Qt.CheckState.Checked]

    def tick_all(self, on: bool) -> None:
        self.list.blockSignals(True)
        for item in self._tickable():
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._show_count()

    def _show_count(self) -> None:
        ticked, shown = len(self.ticked()), len(self._tickable())
        self.count_label.setText(self.tr("Zaznaczono: {ticked} z {shown}").format(ticked=ticked, shown=shown))
        self.save_button.setText(self.tr("Za&pisz zaznaczonych ({count})").format(count=ticked))
        self.save_button.setEnabled(ticked > 0)
        for button in (self.all_button, self.none_button):
            button.setEnabled(shown > 0)

    def rows(self) -> list[str]:
        """The rows as shown, each with its tick ("[x] " or "[ ] "), for tests and screen readers."""
        return [("[x] " if self.list.item(r).checkState() == Qt.CheckState.Checked else "[ ] ")
                + self.list.item(r).text() for r in range(self.list.count())]

    # ---- Acting
    def enrol_ticked(self) -> None:
        ids = self.ticked()
        if ids:
            self.sig_enrol.emit(ids)
