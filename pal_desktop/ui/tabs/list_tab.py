"""The shared shape of a list screen: a count and a search field above a table.

A tab shows a message in place of the table while it loads, when its list is empty and when a search
finds nothing. Short lists are read whole and searched in memory (``RowsTab``); the long ones (Uczestnicy,
Wydarzenia) read pages from the database with their own models.

Tabs do not import the services at module level (the window must appear before SQLAlchemy is loaded):
each ``load`` imports what it needs when it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.ui.models.row_table_model import Column, RowTableModel
from pal_desktop.ui.models.search_filter import SearchFilterModel
from pal_desktop.ui.widgets.read_only_table import set_read_only_rows
from pal_desktop.ui.widgets.spare_width import SpareWidth


def format_count(value: int) -> str:
    from pal_desktop.services.formatting import format_count as service_format_count

    return service_format_count(value)


def make_table(accessible_name: str, parent: QWidget | None = None) -> QTableView:
    """A read-only table: whole-row selection, alternating colours, no row numbers, compact rows."""
    table = QTableView(parent)
    table.setAccessibleName(accessible_name)
    set_read_only_rows(table)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setSortingEnabled(False)    # lists come ordered from the database
    return table


def size_columns(table: QTableView, columns: Sequence, padding_letters: float = 2) -> SpareWidth:
    """Starting widths from the column specs; the spare width goes to the columns with a share (``share``,
    or 1 for a ``stretch`` one) in proportion, until the person sizes the columns themselves."""
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    digit = metrics.horizontalAdvance("0")
    padding = round(padding_letters * metrics.horizontalAdvance("M"))
    shares = {}
    for index, column in enumerate(columns):
        title = table.model().headerData(index, Qt.Orientation.Horizontal)
        header.resizeSection(index, max(column.width * digit, metrics.horizontalAdvance(title)) + padding)
        header.setSectionResizeMode(index, QHeaderView.ResizeMode.Interactive)
        shares[index] = getattr(column, "share", 0) or (1 if column.stretch else 0)
    header.setStretchLastSection(False)  # a short list leaves empty space rather than one very wide column
    spare = getattr(table, "spare_width", None)
    if spare is not None:
        spare.deleteLater()
    table.spare_width = SpareWidth(table, shares)
    return table.spare_width


class ListTab(QWidget):
    """Count label, search field and table (or a message in the table's place)."""

    sig_loaded = Signal()
    """Rows (or the empty-list message) are on screen after a load."""

    #: Stable English id (used by ``pal-desktop screenshot --tab`` and in code).
    tab_id = ""
    #: The columns of the table.
    columns: Sequence[Column] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)

        self.search = QLineEdit(self)
        self.search.setObjectName("searchField")
        self.search.setPlaceholderText(QCoreApplication.translate("ListTab", "Szukaj…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self.search.installEventFilter(self)

        self.table = make_table(self.list_name(), self)
        self.empty_label = QLabel(QCoreApplication.translate("ListTab", "Wczytywanie danych…"), self)
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName(QCoreApplication.translate("ListTab", "Komunikat listy"))
        self.empty_label.setStyleSheet("QLabel { color: palette(placeholder-text); font-size: 11pt; }")

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty_label)
        self._stack.setCurrentWidget(self.empty_label)

        top = QHBoxLayout()
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.search)

        body = QHBoxLayout()
        body.addWidget(self._stack, 3)
        side = self.build_side_panel()
        if side is not None:
            body.addWidget(side, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        toolbar = self.build_toolbar()
        if toolbar is not None:
            layout.addWidget(toolbar)
        layout.addLayout(top)
        filters = self.build_filters()
        if filters is not None:
            layout.addWidget(filters)
        layout.addLayout(body, 1)
        footer = self.build_footer()
        if footer is not None:
            layout.addWidget(footer)

        self.search.setAccessibleName(self.search_name())
        self.count_label.setAccessibleName(QCoreApplication.translate("ListTab", "Liczba pozycji"))
        self.setAccessibleName(self.title())

    # ---- What each tab says (override)
    def title(self) -> str:
        """The tab's title (translated)."""
        raise NotImplementedError

    def list_name(self) -> str:
        """Accessible name of the table, e.g. "Lista uczestników"."""
        raise NotImplementedError

    def search_name(self) -> str:
        return QCoreApplication.translate("ListTab", "Szukaj: {list}").format(list=self.list_name().lower())

    def count_text(self, count: str) -> str:
        """The count label for ``count`` (already formatted), e.g. "Uczestników: 20 449"."""
        raise NotImplementedError

    def empty_text(self) -> str:
        """What to say when the list is empty, e.g. "Brak uczestników w tym programie."."""
        raise NotImplementedError

    def build_toolbar(self) -> QWidget | None:
        """An optional row of buttons above the count and the search field (see ``toolbar``)."""
        return None

    def toolbar(self, object_name: str, accessible_name: str) -> tuple[QWidget, QHBoxLayout, Callable[..., QPushButton]]:
        """A row for ``build_toolbar`` and a ``button(text, name, tip, slot, accessible=None)`` that adds to it.

        Every button gets an object name (for tests), an accessible name (the text without "&" and "…" unless
        given) and a tooltip that names its shortcut.
        """
        bar = QWidget(self)
        bar.setObjectName(object_name)
        bar.setAccessibleName(accessible_name)
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 4)

        def button(text: str, name: str, tip: str, slot, accessible: str | None = None) -> QPushButton:
            widget = QPushButton(text, bar)
            widget.setObjectName(name)
            widget.setAccessibleName(accessible or text.replace("&", "").rstrip("…"))
            widget.setToolTip(tip)
            widget.clicked.connect(slot)
            row.addWidget(widget)
            return widget

        return bar, row, button

    def build_filters(self) -> QWidget | None:
        """An optional row of filters between the search field and the table."""
        return None

    def build_side_panel(self) -> QWidget | None:
        """An optional panel to the right of the table."""
        return None

    def build_footer(self) -> QWidget | None:
        """An optional widget under the table (e.g. a legend)."""
        return None

    # ---- Commands of the main window (override where the list supports them)
    def new_record(self) -> bool:
        """Edycja → Nowy… (Ctrl+N); False when this list cannot add records."""
        return False

    def print_current(self) -> bool:
        """Plik → Drukuj… (Ctrl+P); False when this list has nothing to print."""
        return False

    def why_no_new(self) -> str:
        """What the window says when Ctrl+N has nothing to add on this tab (a disabled "Nowy" button's tooltip
        says why it is disabled, e.g. the role)."""
        button = getattr(self, "new_button", None)
        if button is not None and not button.isEnabled() and button.toolTip():
            return button.toolTip()
        return self.tr("Na tej karcie nie dodaje się rekordów.")

    def why_no_print(self) -> str:
        """What the window says when Ctrl+P has nothing to print on this tab."""
        return self.tr("Na tej karcie nie ma dokumentu do wydrukowania.")

    def can_add(self) -> bool:
        return False

    def can_print(self) -> bool:
        return False

    # ---- Loading
    def load(self, db, programme_id: int | None) -> None:
        """Read the list for ``programme_id`` from ``db`` and show it (runs on the UI thread: keep it quick)."""
        raise NotImplementedError

    def busy_reading(self) -> bool:
        """A background read of this tab is waiting or running (a screenshot waits for it to be shown)."""
        reader = getattr(self, "reader", None)
        return getattr(self, "_rows_pending", False) or (reader is not None and not reader.idle())

    def show_loading(self) -> None:
        self.count_label.clear()
        self.empty_label.setText(QCoreApplication.translate("ListTab", "Wczytywanie danych…"))
        self._stack.setCurrentWidget(self.empty_label)

    def _show_list_or_message(self, shown: int, total: int, *, count_format: Callable[[int], str] = format_count,
                              rows_widget: QWidget | None = None) -> None:
        """The rows (``rows_widget``, by default the table) or the message of an empty list or a search that
        found nothing; the count label says how many rows are shown (of how many)."""
        if total == 0:
            self.empty_label.setText(self.empty_text())
            self._stack.setCurrentWidget(self.empty_label)
        elif shown == 0:
            self.empty_label.setText(QCoreApplication.translate("ListTab", "Nic nie znaleziono dla „{query}”.")
                                     .format(query=self.search.text().strip()))
            self._stack.setCurrentWidget(self.empty_label)
        else:
            self._stack.setCurrentWidget(rows_widget or self.table)
        if shown == total:
            count = count_format(total)
        else:
            count = QCoreApplication.translate("ListTab", "{shown} z {total}").format(
                shown=count_format(shown), total=count_format(total))
        self.count_label.setText(self.count_text(count))

    # ---- Search
    def search_enabled(self) -> bool:
        return self.search.isEnabled()

    def focus_search(self) -> bool:
        """Put the cursor in the search field; False when this list cannot be searched yet."""
        if not self.search.isEnabled():
            return False
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
        return True

    def is_showing_table(self) -> bool:
        return self._stack.currentWidget() is self.table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down arrow in the search field moves to the list, Escape clears the search.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.is_showing_table():
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.table.currentIndex().isValid() and self.table.model().rowCount() > 0:
                    self.table.selectRow(0)
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)


class RowsTab(ListTab):
    """A short list, read whole and searched in memory."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowTableModel(self.columns, self, bold_if=self.is_emphasised)
        self.proxy = SearchFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.table.setModel(self.proxy)
        size_columns(self.table, self.columns)
        self.search.textChanged.connect(self._on_search)

    def is_emphasised(self, row: tuple) -> bool:
        """Rows shown in bold (e.g. milestones)."""
        return False

    #: Read the rows on a background thread, with "Wczytywanie danych…" in the table's place meanwhile: for lists
    #: whose figures take long at city scale (Raporty: 2.2 s at 100,000 people and 1,000,000 attendance records).
    #: ``fetch_rows`` then runs off the UI thread, so it may call services only, never touch a widget.
    loads_in_background = False

    def fetch_rows(self, db, programme_id: int | None) -> list[tuple]:
        raise NotImplementedError

    def load(self, db, programme_id: int | None) -> None:
        from pal_desktop.ui.latest_query import LatestQueryRunner, is_in_memory

        if not self.loads_in_background or is_in_memory(db):
            self.set_rows(self.fetch_rows(db, programme_id))
            return
        if getattr(self, "reader", None) is None:
            self.reader = LatestQueryRunner(self)
        self.show_loading()
        self._rows_pending = True
        self.reader.submit("rows", lambda: self.fetch_rows(db, programme_id), self.set_rows, self._rows_failed)

    def _rows_failed(self, error: BaseException) -> None:
        from pal_desktop.errors import PalError
        from pal_desktop.ui.dialogs import error_dialog

        self._rows_pending = False
        if not isinstance(error, PalError):
            raise error
        self.empty_label.setText(error_dialog.error_text(error))
        error_dialog.show_error(self, error)

    def set_rows(self, rows: Sequence[tuple]) -> None:
        self._rows_pending = False
        self.model.set_rows(rows)
        self._refresh()
        self.sig_loaded.emit()

    def _on_search(self, text: str) -> None:
        self.proxy.set_query(text)
        self._refresh()

    def _refresh(self) -> None:
        self._show_list_or_message(self.proxy.rowCount(), self.model.rowCount())
