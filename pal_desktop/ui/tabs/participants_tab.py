"""Uczestnicy: the registry of the active programme — search, filters, sorting, and the participant's page.

The table reads 200 rows at a time from the database, filtered and sorted there (``ParticipantQuery``), in a
background thread: typing in the search field (a moment after the last key) or changing a filter asks for
the first page of the new result, and the old rows stay until it arrives. The count says how many people
match out of how many the programme has ("Uczestników: 1 234 z 20 449"). PESEL numbers are masked unless
"Pokaż pełny PESEL" is ticked (a preference of this computer's user, kept in the local config).

Enter or a double click opens the participant's page; Ctrl+N adds a participant; Ctrl+F goes to the search
field and Esc there clears it; Ctrl+P prints the selected participant's card.

Like every tab, this module imports no service at module level (the window must appear before SQLAlchemy
is loaded); the dialogs and services are imported when first used.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)

from pal_desktop.domain.enums import ParticipantStatus, Sex, SupportReason, TriState
from pal_desktop.errors import PalError
from pal_desktop.ui.dialogs import error_dialog
from pal_desktop.ui.latest_query import LatestQueryRunner, is_in_memory
from pal_desktop.ui.models.participant_model import COLUMNS, SORT_KEYS, ParticipantTableModel
from pal_desktop.ui.models.row_table_model import ID_ROLE
from pal_desktop.ui.status_bar import show_status
from pal_desktop.ui.tabs.list_tab import ListTab, format_count, size_columns
from pal_desktop.ui.tabs.tab_actions import EnterOpens, keep_open
from pal_desktop.ui.widgets.value_combo import ValueCombo

SEARCH_DELAY_MS = 150
AGE_BANDS = (
    ("<18", "poniżej 18 lat"),
    ("18-29", "18–29 lat"),
    ("30-54", "30–54 lata"),
    ("55+", "55 lat i więcej"),
)


def _enum_text(member) -> str:
    return QCoreApplication.translate("Enums", member.label)


class ParticipantsTab(EnterOpens, ListTab):
    tab_id = "participants"

    sig_count_shown = Signal(int)
    """The count of request number ``generation`` is on screen (its rows come with model.sig_page_shown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._db = None
        self._programme_id: int | None = None
        self._programme_total = 0
        self._matching: int | None = None
        self._count_generation = 0
        self._sort = "name"
        self._descending = False
        self._filling_filters = False
        self.page_dialogs: list = []
        self.form = None
        self.missing_dialog = None
        super().__init__(parent)
        self.reader = LatestQueryRunner(self)
        self.model = ParticipantTableModel(self.reader, self)
        self.table.setModel(self.model)
        self._size_columns()
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # the model sorts in the database (sig_sort_requested)
        self.model.sig_sort_requested.connect(self._on_sort_requested)
        self.model.sig_page_shown.connect(self._on_page_shown)
        self.model.sig_failed.connect(self._on_failed)
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.table.installEventFilter(self)

        self.search.setPlaceholderText(self.tr("Szukaj: nazwisko, imię, PESEL lub ulica (Ctrl+F)"))
        self.search.setToolTip(self.tr("Wielkość liter i polskie znaki nie mają znaczenia: „luk” znajdzie "
                                       "„Łukasz”. Esc czyści pole."))
        self.search.setMinimumWidth(380)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self._set_enabled(False)

    # ---- What the tab says
    def title(self) -> str:
        return self.tr("Uczestnicy")

    def list_name(self) -> str:
        return self.tr("Lista uczestników")

    def count_text(self, count: str) -> str:
        return self.tr("Uczestników: {count}").format(count=count)

    def empty_text(self) -> str:
        return self.tr("Brak uczestników w tym programie. Dodaj pierwszą osobę: Ctrl+N.")

    # ---- Building
    def build_toolbar(self) -> QWidget:
        bar, row, button = self.toolbar("participantsToolbar", self.tr("Działania na liście uczestników"))

        self.new_button = button(self.tr("&Nowy uczestnik…"), "newParticipantButton",
                                 self.tr("Dodaj uczestnika (Ctrl+N)"), self.new_record)
        self.open_button = button(self.tr("&Otwórz"), "openParticipantButton",
                                  self.tr("Otwórz stronę zaznaczonego uczestnika (Enter)"), self.open_current)
        self.print_button = button(self.tr("Drukuj kart&ę"), "printCardButton",
                                   self.tr("Karta zaznaczonego uczestnika w PDF (Ctrl+P)"), self.print_current)
        self.missing_button = button(self.tr("&Brakujące dokumenty…"), "missingDocumentsButton",
                                     self.tr("Kto z kandydatów i uczestników nie podpisał jeszcze wszystkich "
                                             "dokumentów"), self.show_missing_documents)
        self.family_search_button = button(self.tr("Ro&dziny…"), "familySearchButton",
                                           self.tr("Szukaj członka rodziny, także takiego, który nie jest "
                                                   "uczestnikiem, po nazwisku lub numerze PESEL"),
                                           self.show_family_search)
        row.addStretch(1)
        self.import_button = button(self.tr("&Importuj…"), "importButton",
                                    self.tr("Dodaj uczestników z arkusza XLSX lub pliku CSV"), self.import_file)
        self.export_button = QPushButton(self.tr("Eksportu&j"), bar)
        self.export_button.setObjectName("exportButton")
        self.export_button.setAccessibleName(self.tr("Eksportuj"))
        self.export_button.setToolTip(self.tr("Zapisz listę do pliku"))
        menu = QMenu(self.export_button)
        menu.setToolTipsVisible(True)
        self.export_list_action = menu.addAction(self.tr("Lista, jak po filtrach (XLSX lub CSV)…"))
        self.export_list_action.setObjectName("exportListAction")
        self.export_list_action.triggered.connect(self.export_list)
        self.export_efs_action = menu.addAction(self.tr("Dane uczestników do SL2014 / SM EFS…"))
        self.export_efs_action.setObjectName("exportEfsAction")
        self.export_efs_action.triggered.connect(self.export_efs)
        self.export_cash_action = menu.addAction(self.tr("Pomoc pieniężna dla księgowości (XLSX)…"))
        self.export_cash_action.setObjectName("exportCashAction")
        self.export_cash_action.triggered.connect(self.export_cash)
        self.export_button.setMenu(menu)
        row.addWidget(self.export_button)
        return bar

    def build_filters(self) -> QWidget:
        bar = QWidget(self)
        bar.setObjectName("participantFilters")
        bar.setAccessibleName(self.tr("Filtry listy uczestników"))
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.filters: dict[str, ValueCombo] = {}

        def combo(key: str, label: str, name: str, items, width: int = 10) -> ValueCombo:
            widget = ValueCombo(bar)
            widget.setObjectName(f"filter_{key}")
            widget.setAccessibleName(name)
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(width)
            for text, value in items:
                widget.addItem(text, value)
            widget.view().setMinimumWidth(widget.view().sizeHintForColumn(0) + 24)
            widget.currentIndexChanged.connect(self._on_filter_changed)
            caption = QLabel(label, bar)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
            self.filters[key] = widget
            return widget

        everyone = self.tr("wszyscy")
        combo("status", self.tr("&Status:"), self.tr("Filtr: status"),
              [(self.tr("wszystkie"), None)] + [(_enum_text(s), s) for s in ParticipantStatus], 9)
        combo("reason", self.tr("Przes&łanka:"), self.tr("Filtr: przesłanka wsparcia"),
              [(self.tr("wszystkie"), None)] + [(_enum_text(r), r) for r in SupportReason], 14)
        combo("sex", self.tr("Płe&ć:"), self.tr("Filtr: płeć"),
              [(everyone, None), (self.tr("kobiety"), Sex.FEMALE), (self.tr("mężczyźni"), Sex.MALE)], 8)
        combo("age_band", self.tr("Wie&k:"), self.tr("Filtr: wiek"),
              [(everyone, None)] + [(self.tr(text), band) for band, text in AGE_BANDS], 9)
        combo("disability", self.tr("Niepełnospr&awność:"), self.tr("Filtr: niepełnosprawność"),
              [(everyone, None)] + [(_enum_text(t), t) for t in TriState], 6)
        self.clear_filters_button = QPushButton(self.tr("Wyczyść &filtry"), bar)
        self.clear_filters_button.setObjectName("clearFiltersButton")
        self.clear_filters_button.setAccessibleName(self.tr("Wyczyść filtry i wyszukiwanie"))
        self.clear_filters_button.clicked.connect(self.clear_filters)
        row.addWidget(self.clear_filters_button)
        row.addStretch(1)
        self.pesel_check = QCheckBox(self.tr("Pokaż pełny PESE&L"), bar)
        self.pesel_check.setObjectName("showFullPesel")
        self.pesel_check.setAccessibleName(self.tr("Pokaż pełny PESEL"))
        self.pesel_check.setToolTip(self.tr("Domyślnie widać tylko datę urodzenia z numeru PESEL. Ustawienie "
                                            "zapamiętuje się dla Ciebie na tym komputerze."))
        self.pesel_check.setChecked(self._saved_show_full_pesel())
        self.pesel_check.toggled.connect(self._on_pesel_toggled)
        row.addWidget(self.pesel_check)
        return bar

    def _size_columns(self) -> None:
        size_columns(self.table, COLUMNS)

    # ---- The query
    def show_full_pesel(self) -> bool:
        return self.pesel_check.isChecked()

    def query(self):
        """The ParticipantQuery the search field, the filters and the sorted column make."""
        from pal_desktop.services.participants import ParticipantQuery

        status = self.filters["status"].currentData()
        return ParticipantQuery(
            programme_id=self._programme_id, text=self.search.text().strip(),
            statuses=(status,) if status is not None else (), reason=self.filters["reason"].currentData(),
            sex=self.filters["sex"].currentData(), age_band=self.filters["age_band"].currentData(),
            disability=self.filters["disability"].currentData(), sort=self._sort, descending=self._descending)

    def is_filtered(self) -> bool:
        return bool(self.search.text().strip()) or any(c.currentIndex() > 0 for c in self.filters.values())

    def _fetcher(self):
        from pal_desktop.services.participants import search_participants

        db, full = self._db, self.show_full_pesel()

        def fetch(query, offset: int, limit: int, after) -> list:
            return search_participants(db, query, offset, limit, after=after, show_full_pesel=full)

        return fetch

    # ---- Loading
    def load(self, db, programme_id: int | None) -> None:
        """Count the programme's participants and show the first page (quick reads, on the UI thread)."""
        from pal_desktop.services.participants import ParticipantQuery, count_participants

        if db is not self._db:
            self.reader.synchronous = is_in_memory(db)
        self._db, self._programme_id = db, programme_id
        self._set_enabled(programme_id is not None)
        if programme_id is None:
            self.model.clear()
            self._programme_total = 0
            self._matching = 0
            self._show_state()
            self.sig_loaded.emit()
            return
        self._programme_total = count_participants(db, ParticipantQuery(programme_id=programme_id))
        if self.is_filtered():
            self.refresh()
        else:
            self._matching = self._programme_total
            self._count_generation = self.model.load_now(self.query(), self._fetcher())
        self._show_state()
        self.sig_loaded.emit()

    def refresh(self, *, recount_total: bool = False) -> None:
        """Ask (in the background) for the first page and the count of the current search and filters."""
        self._search_timer.stop()
        if self._db is None or self._programme_id is None:
            return
        from pal_desktop.services.participants import ParticipantQuery, count_participants

        query = self.query()
        generation = self.model.load(query, self._fetcher())
        db, filtered, known_total = self._db, self.is_filtered(), self._programme_total
        everyone = ParticipantQuery(programme_id=self._programme_id)

        def count() -> tuple[int, int]:
            matching = count_participants(db, query)
            if not filtered:
                return matching, matching
            return matching, count_participants(db, everyone) if recount_total else known_total

        self.reader.submit("count", count, lambda result: self._count_arrived(generation, result),
                           self._on_failed)

    def reload(self) -> None:
        """After a change (save, import): read the programme total and the current result again."""
        if self._db is not None:
            self.refresh(recount_total=True)

    def _count_arrived(self, generation: int, result: tuple[int, int]) -> None:
        if generation != self.model.generation:
            return
        self._count_generation = generation
        self._matching, self._programme_total = result
        if self._matching == 0:
            self.model.show_nothing_found(generation)
        self._show_state()
        self.sig_count_shown.emit(generation)

    def _on_page_shown(self, generation: int) -> None:
        self._show_state()
        self._update_buttons()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, PalError):
            error_dialog.show_error(self, error)
        else:
            raise error

    def is_current(self) -> bool:
        """The table and the count answer the current search, filters and sort order."""
        return (not self._search_timer.isActive() and self.model.is_current()
                and self._count_generation == self.model.generation and self.reader.idle())

    def _show_state(self) -> None:
        total = self._programme_total
        matching = self._matching if self._matching is not None else total
        if total == 0 and self._programme_id is not None and not self.is_filtered():
            self.empty_label.setText(self.empty_text())
            self._stack.setCurrentWidget(self.empty_label)
        elif self._programme_id is None:
            self.empty_label.setText(self.tr("Najpierw wybierz albo utwórz program."))
            self._stack.setCurrentWidget(self.empty_label)
        elif self.model.rowCount() == 0 and self.model.shown_generation == self.model.generation:
            text = self.search.text().strip()
            if text:
                message = QCoreApplication.translate("ListTab", "Nic nie znaleziono dla „{query}”.").format(query=text)
            else:
                message = self.tr("Nikt nie spełnia wybranych warunków.")
            if any(c.currentIndex() > 0 for c in self.filters.values()):
                message += "\n" + self.tr("Filtry są włączone — „Wyczyść filtry” pokaże wszystkich.")
            self.empty_label.setText(message)
            self._stack.setCurrentWidget(self.empty_label)
        else:
            self._stack.setCurrentWidget(self.table)
        if self.is_filtered() or matching != total:
            count = QCoreApplication.translate("ListTab", "{shown} z {total}").format(
                shown=format_count(matching), total=format_count(total))
        else:
            count = format_count(total)
        self.count_label.setText(self.count_text(count))
        self.clear_filters_button.setEnabled(self.is_filtered())

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.search, self.new_button, self.missing_button, self.import_button, self.export_button,
                       *self.filters.values()):
            widget.setEnabled(enabled)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.current_participant_id() is not None
        self.open_button.setEnabled(selected)
        self.print_button.setEnabled(selected and self.card_available())

    # ---- Filters, sorting, PESEL
    def _on_filter_changed(self, _index: int) -> None:
        if not self._filling_filters:
            self.refresh()

    def clear_filters(self) -> None:
        self._filling_filters = True
        try:
            for combo in self.filters.values():
                combo.setCurrentIndex(0)
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        finally:
            self._filling_filters = False
        self.refresh()

    def _on_sort_requested(self, key: str, descending: bool) -> None:
        if (key, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = key, descending
        self.refresh()

    def sort_by(self, key: str, descending: bool = False) -> None:
        """Sort as a click on the column's header does."""
        self.table.horizontalHeader().setSortIndicator(
            SORT_KEYS.index(key), Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)

    def _saved_show_full_pesel(self) -> bool:
        from pal_desktop import config

        try:
            return bool(config.load().show_full_pesel)
        except Exception:  # noqa: BLE001 - a broken config file must not break the list; masked is safe
            return False

    def _on_pesel_toggled(self, checked: bool) -> None:
        from pal_desktop import config

        try:
            local = config.load()
            local.show_full_pesel = checked
            config.save(local)
        except OSError:
            self._status(self.tr("Nie można zapamiętać ustawienia „Pokaż pełny PESEL” na tym komputerze."))
        self.refresh()

    # ---- Keyboard
    def on_enter(self) -> None:
        """Enter on the list opens the selected participant's page (EnterOpens)."""
        self.open_current()

    # ---- The selected participant
    def current_participant_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return index.data(ID_ROLE)

    def _on_activated(self, index) -> None:
        participant_id = index.data(ID_ROLE)
        if participant_id is not None:
            self.open_participant(participant_id)

    def open_current(self) -> None:
        participant_id = self.current_participant_id()
        if participant_id is not None:
            self.open_participant(participant_id)

    def open_participant(self, participant_id: int, parent: QWidget | None = None):
        """Show the participant's page (a window of its own); returns it."""
        from pal_desktop.ui.dialogs.participant_page import ParticipantPage

        for page in self.page_dialogs:
            if page.participant_id == participant_id and page.isVisible():
                page.raise_()
                page.activateWindow()
                return page
        try:
            page = ParticipantPage(self._db, participant_id, self._programme_id, parent or self.window(),
                                   show_full_pesel=self.show_full_pesel())
        except PalError as err:
            error_dialog.show_error(self, err)
            return None
        page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page.sig_changed.connect(self.reload)
        page.sig_open_participant.connect(lambda pid, p=page: self.open_participant(pid, p))
        page.destroyed.connect(lambda *_args, p=page: self._forget_page(p))
        self.page_dialogs.append(page)
        page.open()
        return page

    def _forget_page(self, page) -> None:
        self.page_dialogs = [p for p in self.page_dialogs if p is not page]

    # ---- Commands
    def can_add(self) -> bool:
        return self._db is not None and self._programme_id is not None

    def new_record(self) -> bool:
        if not self.can_add():
            return False
        from pal_desktop.ui.dialogs.participant_form import ParticipantForm

        try:
            form = ParticipantForm(self._db, self._programme_id, parent=self.window())
        except PalError as err:
            error_dialog.show_error(self, err)
            return True
        form.sig_saved.connect(self._on_created)
        form.sig_open_participant.connect(lambda pid, f=form: self.open_participant(pid, f))
        keep_open(self, form, "form")
        return True

    def _on_created(self, participant_id: int, warnings) -> None:
        from pal_desktop.services.participants import get_participant

        try:
            person = get_participant(self._db, participant_id)
            name = f"{person.first_name} {person.last_name}"
        except PalError:
            name = ""
        text = self.tr("Dodano uczestnika: {name}.").format(name=name)
        if warnings:
            text += " " + " ".join(warnings)
        self._status(text, 10000)
        self.reload()

    def card_available(self) -> bool:
        """The participant card PDF can be made (the report exists; known once the database is open)."""
        if self._db is None:
            return False
        if not hasattr(self, "_card_available"):
            from pal_desktop.services import reports

            self._card_available = hasattr(reports, "participant_card_pdf")
        return self._card_available

    def can_print(self) -> bool:
        return self.card_available()

    def print_current(self) -> bool:
        participant_id = self.current_participant_id()
        if participant_id is None:
            self._status(self.tr("Zaznacz na liście osobę, której kartę chcesz wydrukować."))
            return True
        from pal_desktop.ui.dialogs.participant_page import print_card

        print_card(self, self._db, participant_id)
        return True

    def show_missing_documents(self) -> None:
        if self._db is None or self._programme_id is None:
            return
        from pal_desktop.ui.dialogs.missing_documents_dialog import MissingDocumentsDialog

        dialog = MissingDocumentsDialog(self._db, self._programme_id, self.reader.synchronous, self.window())
        dialog.sig_open_participant.connect(lambda pid, d=dialog: self.open_participant(pid, d))
        keep_open(self, dialog, "missing_dialog")

    def show_family_search(self) -> None:
        if self._db is None:
            return
        from pal_desktop.ui.dialogs.family_search import FamilySearchDialog

        dialog = FamilySearchDialog(self._db, self.window(), show_full_pesel=self.show_full_pesel())
        dialog.sig_open_participant.connect(lambda pid, d=dialog: self.open_participant(pid, d))
        keep_open(self, dialog, "family_dialog")

    def import_file(self) -> None:
        from pal_desktop.ui.dialogs import transfer

        transfer.import_participants(self, self._db, self._programme_id)

    def export_list(self) -> None:
        from pal_desktop.ui.dialogs import transfer

        transfer.export_list(self, self._db, self.query())

    def export_efs(self) -> None:
        from pal_desktop.ui.dialogs import transfer

        transfer.export_efs(self, self._db, self._programme_id)

    def export_cash(self) -> None:
        from pal_desktop.ui.cash_export import export_cash

        export_cash(self, self._db, self._programme_id)

    def _status(self, text: str, timeout: int = 5000) -> None:
        show_status(self, text, timeout)
