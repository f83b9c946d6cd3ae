"""The import preview as a sheet the office can correct: the cells of the file, the faulty ones in red, typed
over in place; and one value given to many selected rows at once (the reason for an address outside the area,
a declaration date, a status) instead of fixing the file elsewhere and importing it again.

Every correction goes to ``import_preview.edit_rows`` off the UI thread, and the rows are checked again;
corrections typed while a check runs are kept and sent with the next one, never dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.services.formatting import format_count
from pal_desktop.ui.dialogs import error_dialog

RED = QColor("#b3261e")
FAULT_BACKGROUND = QColor("#fde7e7")
#: Summary columns before the file's own: Wiersz, Co się stanie, Błędy.
FIXED_COLUMNS = 3
ERRORS_WIDTH = 320
#: A column of the sheet that fills several fields is at fault when any of them is.
_COMPOSITE = {"full_name": {"first_name", "last_name"}, "full_name_reversed": {"first_name", "last_name"},
              "address": {"street_name", "house_number", "flat_number"}}
EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


def prepare(table) -> None:
    """The preview table: many rows may be selected; a cell of the file is edited by typing or F2."""
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    # Sized to the contents once per preview, then the user's to change: a long error must not hide the cells.
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                          | QAbstractItemView.EditTrigger.AnyKeyPressed)


def at_fault(field: str, error_fields: frozenset[str]) -> bool:
    return field in error_fields or bool(_COMPOSITE.get(field, set()) & error_fields)


def fill(dialog, rows) -> None:
    """Show ``rows`` (RowResults): the summary columns, then each column of the file, editable."""
    table = dialog.preview_table
    columns = dialog.preview.columns
    labels = {"new": QCoreApplication.translate("ImportDialog", "nowa osoba"),
              "update": QCoreApplication.translate("ImportDialog", "aktualizacja danych"),
              "error": QCoreApplication.translate("ImportDialog", "pominięty — błędy")}
    dialog.filling_table = True
    table.setUpdatesEnabled(False)
    try:
        table.clear()
        table.setColumnCount(FIXED_COLUMNS + len(columns))
        table.setHorizontalHeaderLabels([
            QCoreApplication.translate("ImportDialog", "Wiersz"),
            QCoreApplication.translate("ImportDialog", "Co się stanie"),
            QCoreApplication.translate("ImportDialog", "Błędy")] + [c.header for c in columns])
        table.setRowCount(len(rows))
        for index, result in enumerate(rows):
            problems = "; ".join(error_dialog.error_text(p) for p in result.problems) if result.problems \
                else "; ".join(result.errors)
            summary = (str(result.row_number), labels.get(result.action, result.action), problems)
            faults = result.error_fields
            for column, value in enumerate(summary):
                item = QTableWidgetItem(value)
                item.setFlags(READ_ONLY)
                if result.action == "error":
                    item.setForeground(QBrush(RED))
                if column == 2 and value:
                    item.setToolTip(value.replace("; ", "\n"))
                table.setItem(index, column, item)
            for offset, column in enumerate(columns):
                text = result.cells[offset] if offset < len(result.cells) else ""
                item = QTableWidgetItem(text)
                item.setFlags(EDITABLE)
                item.setData(Qt.ItemDataRole.UserRole, (result.row_number, column.field))
                if at_fault(column.field, faults):
                    item.setBackground(QBrush(FAULT_BACKGROUND))
                    item.setForeground(QBrush(RED))
                    item.setToolTip(QCoreApplication.translate(
                        "ImportEdits", "Ta komórka ma błąd: wpisz poprawną wartość (Enter zatwierdza)."))
                table.setItem(index, FIXED_COLUMNS + offset, item)
        table.resizeColumnsToContents()
        if table.columnWidth(2) > ERRORS_WIDTH:
            table.setColumnWidth(2, ERRORS_WIDTH)  # read in full under the table and in the tooltip
    finally:
        table.setUpdatesEnabled(True)
        dialog.filling_table = False


def cell_edited(dialog, item: QTableWidgetItem) -> None:
    """A cell of the file was typed over: check the rows again with it."""
    if dialog.filling_table or dialog.preview is None:
        return
    key = item.data(Qt.ItemDataRole.UserRole)
    if not key:
        return
    row_number, field = key
    submit(dialog, {row_number: {field: item.text().strip()}})


def selected_row_numbers(dialog) -> list[int]:
    """The sheet's row numbers of the selected rows (the current row when nothing is selected)."""
    table = dialog.preview_table
    positions = sorted({index.row() for index in table.selectionModel().selectedIndexes()})
    if not positions and table.currentRow() >= 0:
        positions = [table.currentRow()]
    shown = dialog.shown_rows
    return [shown[p].row_number for p in positions if p < len(shown)]


def submit(dialog, changes: dict[int, dict[str, str]]) -> None:
    """Send the corrections, with any still waiting, to be checked; the newest preview wins."""
    from pal_desktop.services import import_preview

    for number, row in changes.items():
        dialog.pending_edits.setdefault(number, {}).update(row)
    sent = {number: dict(row) for number, row in dialog.pending_edits.items()}
    base, db = dialog.preview, dialog.db
    dialog.import_button.setEnabled(False)
    dialog.summary_label.setText(QCoreApplication.translate("ImportDialog", "Sprawdzanie wierszy…"))
    dialog.begin_check()
    generation = dialog.check_generation

    def arrived(preview) -> None:
        for number, row in sent.items():
            waiting = dialog.pending_edits.get(number, {})
            for field, text in row.items():
                if waiting.get(field) == text:
                    del waiting[field]
            if not waiting:
                dialog.pending_edits.pop(number, None)
        dialog.preview_checked(generation, preview)

    dialog.reader.submit("import", lambda: import_preview.edit_rows(db, base, sent), arrived,
                         lambda error: dialog.preview_check_failed(generation, error))


class FillRowsDialog(QDialog):
    """One field, one value, for every selected row of the preview."""

    def __init__(self, fields: dict[str, str], chosen: str, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fillRowsDialog")
        self.setWindowTitle(self.tr("Uzupełnij zaznaczone wiersze"))
        self.setAccessibleName(self.windowTitle())
        intro = QLabel(self.tr("Ta sama wartość zostanie wpisana w {count} zaznaczonych wierszach; wiersze "
                               "zostaną sprawdzone ponownie.").format(count=format_count(count)), self)
        intro.setWordWrap(True)
        self.field_combo = QComboBox(self)
        self.field_combo.setAccessibleName(self.tr("Pole do uzupełnienia"))
        for key, label in fields.items():
            self.field_combo.addItem(QCoreApplication.translate("Fields", label), key)
        self.field_combo.setCurrentIndex(max(self.field_combo.findData(chosen), 0))
        self.value_edit = QLineEdit(self)
        self.value_edit.setAccessibleName(self.tr("Wartość dla zaznaczonych wierszy"))
        self.value_edit.setPlaceholderText(self.tr("np. uzasadnienie adresu spoza obszaru albo data dd.mm.rrrr"))
        form = QFormLayout()
        field_label = QLabel(self.tr("&Pole:"), self)
        field_label.setBuddy(self.field_combo)
        value_label = QLabel(self.tr("&Wartość:"), self)
        value_label.setBuddy(self.value_edit)
        form.addRow(field_label, self.field_combo)
        form.addRow(value_label, self.value_edit)
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(self.tr("&Wpisz"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setDefault(True)
        buttons.addButton(self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.value_edit.setFocus()

    def choice(self) -> tuple[str, str]:
        return self.field_combo.currentData(), self.value_edit.text().strip()


def fill_selected(dialog) -> None:
    """Uzupełnij zaznaczone…: ask for a field and a value, then write it into every selected row."""
    from pal_desktop.services.import_mapping import IMPORT_FIELDS

    numbers = selected_row_numbers(dialog)
    if dialog.preview is None or not numbers:
        return
    faults = [f for n in numbers for f in sorted(dialog.preview.row(n).error_fields)]
    # The field most of the selected rows are missing is the likely one (often the outside-area reason).
    chosen = max(set(faults), key=faults.count) if faults else "outside_area_reason"
    fields = {key: label for key, label in IMPORT_FIELDS.items()
              if key not in ("full_name", "full_name_reversed", "address")}
    ask = FillRowsDialog(fields, chosen, len(numbers), dialog)
    ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fill_dialog = ask

    def accepted() -> None:
        field, value = ask.choice()
        submit(dialog, {number: {field: value} for number in numbers})

    ask.accepted.connect(accepted)
    ask.open()


__all__ = ["FillRowsDialog", "at_fault", "cell_edited", "fill", "fill_selected", "prepare", "selected_row_numbers",
           "submit"]
