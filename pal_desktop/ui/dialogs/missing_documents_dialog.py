"""Brakujące dokumenty: candidates and participants who have not signed every document of the checklist.

Read in the background (it looks through the whole registry); a search field narrows the list by name,
PESEL or document, and Enter or a double click opens the person's page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.errors import PalError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import participant_profile as profile_service
from pal_desktop.services.formatting import format_count
from pal_desktop.ui.dialogs import error_dialog
from pal_desktop.ui.latest_query import LatestQueryRunner
from pal_desktop.ui.models.row_table_model import ID_ROLE, Column, RowTableModel
from pal_desktop.ui.models.search_filter import SearchFilterModel
from pal_desktop.ui.tabs.list_tab import make_table, size_columns
from pal_desktop.ui.widgets.form_parts import add_close_button

LIMIT = 5000
COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Nazwisko i imię"), 1, width=24),
    Column(QT_TRANSLATE_NOOP("Columns", "PESEL"), 2, width=12),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"), 3, width=10),
    Column(QT_TRANSLATE_NOOP("Columns", "Brakujące dokumenty"), 4, width=40, stretch=True, tooltip_field=4),
)


class MissingDocumentsDialog(QDialog):
    sig_open_participant = Signal(int)
    """Open this participant's page."""
    sig_loaded = Signal()
    """The list is on screen."""

    def __init__(self, db, programme_id: int, synchronous: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self.programme_id = db, programme_id
        self.loaded = False
        self.setObjectName("missingDocumentsDialog")
        self.setWindowTitle(self.tr("Brakujące dokumenty"))
        self.setAccessibleName(self.windowTitle())
        self.setSizeGripEnabled(True)
        self.reader = LatestQueryRunner(self, synchronous=synchronous)

        self.count_label = QLabel(self.tr("Wczytywanie…"), self)
        self.count_label.setObjectName("countLabel")
        self.count_label.setAccessibleName(self.tr("Liczba osób z brakami"))
        self.count_label.setWordWrap(True)
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchField")
        self.search.setAccessibleName(self.tr("Szukaj na liście brakujących dokumentów"))
        self.search.setPlaceholderText(self.tr("Szukaj: nazwisko, PESEL albo dokument"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(300)
        self.search.textChanged.connect(self._on_search)
        self.search.installEventFilter(self)

        self.model = RowTableModel(COLUMNS, self)
        self.proxy = SearchFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self.tr("Osoby z brakującymi dokumentami"), self)
        self.table.setModel(self.proxy)
        size_columns(self.table, COLUMNS)
        self.table.activated.connect(self._open_index)
        self.table.installEventFilter(self)

        note = QLabel(self.tr("Kandydaci i uczestnicy, którzy nie podpisali jeszcze wszystkich dokumentów. "
                              "Enter lub dwuklik otwiera stronę osoby, gdzie można uzupełnić daty."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(self.tr("&Otwórz"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setAccessibleName(self.tr("Otwórz stronę zaznaczonej osoby"))
        self.open_button.clicked.connect(self.open_current)
        self.open_button.setAutoDefault(False)
        add_close_button(buttons, self, self.tr("Zamknij"), self.tr("Zamknij listę"))

        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.search)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(980, 600)
        self.reload()

    def reload(self) -> None:
        db, programme_id = self._db, self.programme_id
        self.reader.submit("missing", lambda: profile_service.missing_documents(db, programme_id, limit=LIMIT),
                           self._arrived, self._failed)

    def _arrived(self, found) -> None:
        rows = [(m.participant_id, m.name, m.pesel, QCoreApplication.translate("Enums", m.status.label),
                 ", ".join(QCoreApplication.translate("Documents", d) for d in m.missing)) for m in found]
        self.model.set_rows(rows)
        self.loaded = True
        self._show_count()
        if rows:
            self.table.selectRow(0)
        self.table.setFocus()
        self.sig_loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.count_label.setText("")
        if isinstance(error, PalError):
            error_dialog.show_error(self, error)
        else:
            raise error

    def _show_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if total == 0:
            self.count_label.setText(self.tr("Wszyscy kandydaci i uczestnicy mają komplet dokumentów."))
            return
        text = self.tr("Osób z brakami: {count}").format(count=format_count(total))
        if total >= LIMIT:
            text = self.tr("Osób z brakami: co najmniej {count} (pokazano pierwsze {count})").format(
                count=format_count(total))
        if shown != total:
            text += self.tr(" — pasuje do wyszukiwania: {shown}").format(shown=format_count(shown))
        self.count_label.setText(text)

    def _on_search(self, text: str) -> None:
        self.proxy.set_query(text)
        self._show_count()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def open_current(self) -> None:
        participant_id = self.current_id()
        if participant_id is not None:
            self.sig_open_participant.emit(participant_id)

    def _open_index(self, index) -> None:
        participant_id = index.data(ID_ROLE)
        if participant_id is not None:
            self.sig_open_participant.emit(participant_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            if watched is self.table and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if watched is self.search and event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
            if watched is self.search and event.key() == Qt.Key.Key_Down and self.proxy.rowCount():
                self.table.setFocus()
                return True
        return super().eventFilter(watched, event)
