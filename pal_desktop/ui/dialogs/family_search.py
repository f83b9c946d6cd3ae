"""Szukaj w rodzinach…: a relative found by name or PESEL, whether a participant or not, with their family.

A school calls about a child who is not a participant: the office types the child's name or PESEL and sees
which family they belong to; Enter or a double click opens the page that shows that family. Each search that
finds someone is logged by the service as a view of personal data.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.services.formatting import format_count, format_date
from pal_desktop.ui.latest_query import LatestQueryRunner, is_in_memory
from pal_desktop.ui.widgets.read_only_table import set_read_only_rows

HINT_STYLE = "QLabel { color: palette(placeholder-text); }"


class FamilySearchDialog(QDialog):
    sig_open_participant = Signal(int)
    """The page of this participant shows the family of the chosen member."""
    sig_results_shown = Signal()

    def __init__(self, db, parent: QWidget | None = None, *, show_full_pesel: bool = False) -> None:
        super().__init__(parent)
        self._db, self.show_full_pesel = db, show_full_pesel
        self.results = []
        self.reader = LatestQueryRunner(self, synchronous=is_in_memory(db))
        self.setObjectName("familySearchDialog")
        self.setWindowTitle(self.tr("Szukaj w rodzinach"))
        self.setAccessibleName(self.windowTitle())
        self.setSizeGripEnabled(True)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("familySearch")
        self.search_edit.setAccessibleName(self.tr("Szukaj członka rodziny"))
        self.search_edit.setPlaceholderText(self.tr("nazwisko i imię albo PESEL (co najmniej 2 znaki)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.search)
        caption = QLabel(self.tr("&Szukaj:"), self)
        caption.setBuddy(self.search_edit)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("familyResults")
        self.table.setAccessibleName(self.tr("Znalezieni członkowie rodzin"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Nazwisko i imię"), self.tr("PESEL"), self.tr("Data urodzenia"), self.tr("Pokrewieństwo"),
            self.tr("Rodzina"), self.tr("Uczestnik")])
        set_read_only_rows(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.status_label = QLabel(self.tr("Wpisz nazwisko i imię albo PESEL."), self)
        self.status_label.setObjectName("familySearchStatus")
        self.status_label.setStyleSheet(HINT_STYLE)
        self.status_label.setAccessibleName(self.tr("Wynik wyszukiwania"))
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(self.tr("&Otwórz stronę rodziny"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setAccessibleName(self.tr("Otwórz stronę uczestnika z tą rodziną"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        close = buttons.addButton(self.tr("Zamknij"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.table.currentCellChanged.connect(lambda row, *_: self._update_open(row))
        line = QHBoxLayout()
        line.addWidget(caption)
        line.addWidget(self.search_edit, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(line)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)
        self.resize(860, 460)

    def search(self) -> None:
        from pal_desktop.services import households

        text, db, full = self.search_edit.text(), self._db, self.show_full_pesel
        self.reader.submit("family_search", lambda: households.search_members(db, text, show_full_pesel=full),
                           self._show, self._failed)

    def _show(self, results) -> None:
        self.results = results
        table = self.table
        table.setRowCount(len(results))
        yes, no = self.tr("tak"), self.tr("nie")
        for row, found in enumerate(results):
            values = (found.name, found.pesel, format_date(found.birth_date), found.relation, found.household,
                      yes if found.participant_id else no)
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        if results:
            table.setCurrentCell(0, 0)
            self.status_label.setText(self.tr("Znaleziono: {count}. Enter otwiera stronę z tą rodziną.").format(
                count=format_count(len(results))))
        elif len(self.search_edit.text().strip()) < 2:
            self.status_label.setText(self.tr("Wpisz nazwisko i imię albo PESEL."))
        else:
            self.status_label.setText(self.tr("Nikogo nie znaleziono w rodzinach."))
        self._update_open(table.currentRow())
        self.sig_results_shown.emit()

    def _failed(self, error: BaseException) -> None:
        from pal_desktop.errors import PalError
        from pal_desktop.ui.dialogs import error_dialog

        if not isinstance(error, PalError):
            raise error
        self.status_label.setText(error_dialog.error_text(error))
        self.sig_results_shown.emit()

    def _update_open(self, row: int) -> None:
        found = self.results[row] if 0 <= row < len(self.results) else None
        self.open_button.setEnabled(found is not None and found.page_participant_id is not None)
        if found is not None and found.page_participant_id is None:
            self.status_label.setText(self.tr("W rodzinie „{family}” nie ma uczestnika, więc nie ma jej strony.")
                                      .format(family=found.household))

    def open_row(self, row: int) -> None:
        found = self.results[row] if 0 <= row < len(self.results) else None
        if found is not None and found.page_participant_id is not None:
            self.sig_open_participant.emit(found.page_participant_id)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Enter in the search field opens the first (current) result instead of closing the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results:
            self.open_row(max(self.table.currentRow(), 0))
            return
        super().keyPressEvent(event)


__all__ = ["FamilySearchDialog"]
