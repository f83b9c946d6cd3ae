"""Importuj… and Eksportuj… of the participant list.

Import: choose an XLSX or CSV file; the dialog shows how its columns were matched to the registry's fields
(each can be changed), and a preview of every row with what would happen to it (new person, update of
someone already registered, or left out because of errors, with the errors in the sheet's own words).
Nothing is written until "Importuj"; "Anuluj" leaves the registry untouched. People already registered are
updated only when "Aktualizuj dane osób, które już są w rejestrze" is ticked.

Export: the list as filtered (every matching row, not just the page on screen) to XLSX or CSV; and the EU
participant data set (SL2014 as XLSX, SM EFS as CSV) with the list of records left out and why.

Reading, checking and writing files run in the background (``LatestQueryRunner``); file choosers go through
module-level functions that tests replace.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.errors import PalError
from pal_desktop.progress import OperationCancelled
from pal_desktop.services.formatting import format_count
from pal_desktop.ui.dialogs import error_dialog, import_edits, import_fixes
from pal_desktop.ui.dialogs.participant_page_tables import make_table
from pal_desktop.ui.latest_query import LatestQueryRunner, is_in_memory
from pal_desktop.ui.operations import runner_for
from pal_desktop.ui.status_bar import show_status
from pal_desktop.ui.widgets.form_parts import error_label
from pal_desktop.worker_process import ProcessCall

RED = QColor("#b3261e")
ERROR_STYLE = "QLabel { color: #b3261e; }"
HINT_STYLE = "QLabel { color: palette(placeholder-text); }"
PREVIEW_DELAY_MS = 300


def choose_open_file(parent: QWidget | None, title: str, filters: str) -> str:
    """The file the user chose to open ("" when cancelled)."""
    from pal_desktop.ui import file_dialogs

    return file_dialogs.open_file(parent, title, str(Path.home()), filters)


def choose_save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    """The file the user chose to write ("" when cancelled); the suffix of the chosen filter is added if missing."""
    from pal_desktop.ui import file_dialogs

    name, chosen = file_dialogs.save_file(parent, title, str(Path.home() / suggested), filters)
    if name and not Path(name).suffix:
        suffix = chosen[chosen.rfind("*") + 1:].rstrip(")") if "*" in chosen else ""
        name += suffix
    return name


def _status(widget: QWidget, text: str, timeout: int = 10000) -> None:
    show_status(widget, text, timeout)


def _table(name: str, headers: list[str], parent: QWidget) -> QTableWidget:
    return make_table(name, headers, parent, highlight_sections=True)


# ---- Import ----------------------------------------------------------------------------------------------


def import_participants(tab, db, programme_id: int | None) -> ImportDialog | None:
    """Importuj…: choose a file and open the import dialog on it."""
    if db is None or programme_id is None:
        return None
    name = choose_open_file(tab, QCoreApplication.translate("Import", "Importuj uczestników z pliku"),
                            QCoreApplication.translate("Import", "Arkusze i pliki CSV (*.xlsx *.csv);;"
                                                                 "Wszystkie pliki (*)"))
    if not name:
        return None
    dialog = ImportDialog(db, programme_id, Path(name), tab.window())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.sig_imported.connect(lambda report: _imported(tab, report))
    tab.import_dialog = dialog
    dialog.open()
    return dialog


def _imported(tab, report) -> None:
    text = QCoreApplication.translate("Import", "Zaimportowano: nowych osób {created}, zaktualizowanych {updated}; "
                                                "pominięto {skipped}.").format(
        created=format_count(report.created), updated=format_count(report.updated),
        skipped=format_count(report.skipped_errors + report.skipped_existing))
    _status(tab, text)
    tab.reload()


class ImportDialog(QDialog):
    sig_imported = Signal(object)
    """The rows were written (the ImportReport)."""
    sig_preview_shown = Signal()
    """A preview (or an error instead of it) is on screen."""

    def __init__(self, db, programme_id: int, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self.programme_id, self.path = db, programme_id, Path(path)
        self.db = db
        self.sheet = None
        self.mapping = None
        self.preview = None
        self.report = None
        self._generation = 0
        self._filling = False
        self.filling_table = False
        self.pending_edits: dict[int, dict[str, str]] = {}  # corrections typed, not yet in a preview
        self.shown_rows = []
        self.reader = LatestQueryRunner(self, synchronous=is_in_memory(db))
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import uczestników — {name}").format(name=self.path.name))
        self.setAccessibleName(self.tr("Import uczestników"))
        self.setSizeGripEnabled(True)
        from pal_desktop.services import participant_import

        self._fields = participant_import.IMPORT_FIELDS

        mapping_box = QGroupBox(self.tr("1. Kolumny pliku i pola rejestru"), self)
        self.mapping_table = _table(self.tr("Przypisanie kolumn"), [
            self.tr("Kolumna w pliku"), self.tr("Pole w rejestrze"), self.tr("Przykład z pierwszego wiersza")],
            mapping_box)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        mapping_note = QLabel(self.tr("Sprawdź, czy każda kolumna trafia we właściwe pole. „— pomiń —” oznacza, "
                                      "że kolumna nie zostanie wczytana."), mapping_box)
        mapping_note.setWordWrap(True)
        box = QVBoxLayout(mapping_box)
        box.addWidget(mapping_note)
        box.addWidget(self.mapping_table)

        preview_box = QGroupBox(self.tr("2. Podgląd: co stanie się z każdym wierszem"), self)
        self.summary_label = QLabel(self.tr("Wczytywanie pliku…"), preview_box)
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setAccessibleName(self.tr("Podsumowanie podglądu"))
        self.summary_label.setWordWrap(True)
        self.only_errors_check = QCheckBox(self.tr("Pokaż tylko wiersze z &błędami"), preview_box)
        self.only_errors_check.setObjectName("onlyErrors")
        self.only_errors_check.toggled.connect(self._show_preview_rows)
        self.preview_table = _table(self.tr("Podgląd importu"), [
            self.tr("Wiersz"), self.tr("Co się stanie"), self.tr("Błędy")], preview_box)
        self.preview_table.setWordWrap(False)
        self.preview_table.horizontalHeader().setStretchLastSection(False)
        self.preview_table.setToolTip(self.tr("Komórki z błędem są na czerwono: wpisz w nich poprawną wartość. "
                                              "„Uzupełnij zaznaczone…” wpisuje jedną wartość w wielu wierszach."))
        import_edits.prepare(self.preview_table)
        self.preview_table.itemChanged.connect(lambda item: import_edits.cell_edited(self, item))
        self.preview_table.currentCellChanged.connect(lambda row, *_: self._show_row_errors(row))
        self.row_errors_label = QLabel(preview_box)
        self.row_errors_label.setObjectName("rowErrors")
        self.row_errors_label.setAccessibleName(self.tr("Błędy zaznaczonego wiersza"))
        self.row_errors_label.setStyleSheet(ERROR_STYLE)
        self.row_errors_label.setWordWrap(True)
        self.row_errors_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(preview_box)
        line = QHBoxLayout()
        line.addWidget(self.summary_label, 1)
        line.addWidget(self.only_errors_check)
        box.addLayout(line)
        box.addWidget(self.preview_table)
        box.addWidget(self.row_errors_label)
        box.addLayout(import_fixes.build(self, preview_box))

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(mapping_box)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        self.update_check = QCheckBox(self.tr("&Aktualizuj dane osób, które już są w rejestrze"), self)
        self.update_check.setObjectName("updateExisting")
        self.update_check.setToolTip(self.tr("Bez zaznaczenia osoby z rejestru (ten sam PESEL) zostaną pominięte. "
                                             "Puste komórki nigdy nie kasują danych z rejestru."))
        self.update_check.toggled.connect(self._update_buttons)
        self.error_label = error_label(self, "importError")
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(self.tr("&Importuj"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.import_button.setAccessibleName(self.tr("Importuj wiersze bez błędów"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.cancel_button = buttons.addButton(self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setAccessibleName(self.tr("Anuluj import; nic nie zostanie zapisane"))
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.update_check)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.resize(1100, 720)
        self._read()

    # ---- Reading and mapping
    def _read(self) -> None:
        from pal_desktop.services import participant_import

        path = self.path

        def read(progress):
            try:
                return participant_import.read_sheet(path, progress=progress)
            except OperationCancelled:
                return None  # Przerwij while reading: the window closes (see _sheet_read)

        # On the window's operations, with a progress bar and Przerwij: 100,000 rows take a while to read.
        runner_for(self, self._db).submit(self.tr("Wczytywanie arkusza „{name}”").format(name=path.name), read,
                                          self._sheet_read, on_error=self._show_failure, modal=True)

    def _sheet_read(self, sheet) -> None:
        from pal_desktop.services import participant_import

        if sheet is None:
            self.reject()
            return
        self.sheet = sheet
        self.mapping = participant_import.guess_mapping(sheet.headers)
        self._fill_mapping()
        self.refresh_preview()

    def _fill_mapping(self) -> None:
        self._filling = True
        try:
            headers = [h for h in self.sheet.headers if h]
            self.mapping_table.setRowCount(len(headers))
            first = self.sheet.rows[0] if self.sheet.rows else []
            for row, header in enumerate(headers):
                self.mapping_table.setItem(row, 0, QTableWidgetItem(header))
                combo = QComboBox(self.mapping_table)
                combo.setAccessibleName(self.tr("Pole dla kolumny „{header}”").format(header=header))
                combo.addItem(self.tr("— pomiń —"), None)
                for key, label in self._fields.items():
                    combo.addItem(QCoreApplication.translate("Fields", label), key)
                index = combo.findData(self.mapping.field_for(header))
                combo.setCurrentIndex(max(index, 0))
                combo.currentIndexChanged.connect(lambda _i, h=header, c=combo: self._mapping_changed(h, c))
                self.mapping_table.setCellWidget(row, 1, combo)
                position = self.sheet.headers.index(header)
                sample = first[position] if position < len(first) else None
                if isinstance(sample, dt.datetime | dt.date):
                    sample = sample.strftime("%d.%m.%Y")
                self.mapping_table.setItem(row, 2, QTableWidgetItem("" if sample is None else str(sample)))
        finally:
            self._filling = False

    def _mapping_changed(self, header: str, combo: QComboBox) -> None:
        if self._filling or self.mapping is None:
            return
        self.mapping.set(header, combo.currentData())
        self.import_button.setEnabled(False)
        self.summary_label.setText(self.tr("Sprawdzanie wierszy…"))
        self._preview_timer.start()

    def set_mapping(self, header: str, field: str | None) -> None:
        """Choose the field for a column, as picking it in the column's list does."""
        for row in range(self.mapping_table.rowCount()):
            if self.mapping_table.item(row, 0).text() == header:
                combo: QComboBox = self.mapping_table.cellWidget(row, 1)
                combo.setCurrentIndex(combo.findData(field))
                return
        raise KeyError(header)

    # ---- Preview
    def refresh_preview(self) -> None:
        from pal_desktop.services import participant_import

        self._preview_timer.stop()
        if self.sheet is None:
            return
        self._generation += 1
        generation = self._generation
        db, path, mapping, programme_id = self._db, self.path, self.mapping, self.programme_id
        copy = participant_import.ColumnMapping(dict(mapping.columns))
        edits = {n: dict(row) for n, row in (self.preview.edits if self.preview is not None else {}).items()}
        for number, row in self.pending_edits.items():
            edits.setdefault(number, {}).update(row)
        sheet = self.sheet
        self.reader.submit("import", lambda: participant_import.preview_import(db, path, copy, programme_id,
                                                                              edits=edits, sheet=sheet),
                           lambda preview: self._preview_arrived(generation, preview),
                           lambda error: self._preview_failed(generation, error))

    def _preview_arrived(self, generation: int, preview) -> None:
        if generation != self._generation:
            return
        self.preview = preview
        self.error_label.hide()
        new, update, errors = len(preview.new_rows), len(preview.update_rows), len(preview.error_rows)
        self.summary_label.setText(self.tr(
            "Nowe osoby: {new} · już w rejestrze: {update} · z błędami (zostaną pominięte): {errors}").format(
            new=format_count(new), update=format_count(update), errors=format_count(errors)))
        self.update_check.setText(self.tr("&Aktualizuj dane osób, które już są w rejestrze ({count})").format(
            count=format_count(update)))
        self.update_check.setEnabled(update > 0)
        self._show_preview_rows()
        self._update_buttons()
        import_fixes.update(self)
        self.sig_preview_shown.emit()

    @property
    def check_generation(self) -> int:
        return self._generation

    def begin_check(self) -> None:
        """A new check of the rows starts; the answer of any earlier one is ignored."""
        self._preview_timer.stop()
        self._generation += 1

    def preview_checked(self, generation: int, preview) -> None:
        self._preview_arrived(generation, preview)

    def preview_check_failed(self, generation: int, error: BaseException) -> None:
        self._preview_failed(generation, error)

    def show_new_preview(self, preview) -> None:
        """A preview made by a fix (streets added): shown as if it had just been read."""
        self._generation += 1
        self._preview_arrived(self._generation, preview)

    def say(self, text: str) -> None:
        self.row_errors_label.setStyleSheet(HINT_STYLE)
        self.row_errors_label.setText(text)

    def show_fix_error(self, error: BaseException) -> None:
        if not isinstance(error, PalError):
            raise error
        error_dialog.show_error(self, error)

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.preview = None
        self.preview_table.setRowCount(0)
        self._show_failure(error)

    def _show_failure(self, error: BaseException) -> None:
        if not isinstance(error, PalError):
            raise error
        self.summary_label.setText("")
        self.error_label.setText(error_dialog.error_text(error))
        self.error_label.show()
        self._update_buttons()
        self.sig_preview_shown.emit()

    def _show_preview_rows(self) -> None:
        if self.preview is None:
            return
        rows = [r for r in self.preview.rows if r.action == "error" or not self.only_errors_check.isChecked()]
        table = self.preview_table
        previous = self.shown_rows[table.currentRow()].row_number \
            if 0 <= table.currentRow() < len(self.shown_rows) else None
        column = max(table.currentColumn(), 0)
        import_edits.fill(self, rows)
        self.shown_rows = rows
        again = next((i for i, r in enumerate(rows) if r.row_number == previous), -1)
        if again >= 0:  # after a correction the user stays where they typed
            table.setCurrentCell(again, min(column, table.columnCount() - 1))
            self._show_row_errors(again)
            return
        first_error = next((i for i, r in enumerate(rows) if r.action == "error"), -1)
        if first_error >= 0:
            table.setCurrentCell(first_error, 0)
        self._show_row_errors(table.currentRow())

    def _show_row_errors(self, row: int) -> None:
        rows = self.shown_rows
        result = rows[row] if 0 <= row < len(rows) else None
        if result is None or result.action != "error":
            self.row_errors_label.setText(self.tr("Zaznacz wiersz z błędami, aby przeczytać je w całości."))
            self.row_errors_label.setStyleSheet(HINT_STYLE)
            return
        problems = [error_dialog.error_text(p) for p in result.problems] or list(result.errors)
        self.row_errors_label.setStyleSheet(ERROR_STYLE)
        self.row_errors_label.setText("\n".join(f"• {p}" for p in problems))

    def rows_to_write(self) -> int:
        if self.preview is None:
            return 0
        return len(self.preview.new_rows) + (len(self.preview.update_rows) if self.update_check.isChecked() else 0)

    def _update_buttons(self) -> None:
        count = self.rows_to_write()
        self.import_button.setEnabled(count > 0)
        self.import_button.setText(self.tr("&Importuj ({count})").format(count=format_count(count)) if count
                                   else self.tr("&Importuj"))

    # ---- Writing
    def run_import(self) -> None:
        from pal_desktop.services import participant_import

        if self.rows_to_write() == 0:
            return
        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.summary_label.setText(self.tr("Zapisywanie…"))
        db, preview, update = self._db, self.preview, self.update_check.isChecked()
        # All or nothing: Cancel in the progress dialog rolls the whole import back.
        runner_for(self, db).submit(
            self.tr("Import uczestników"),
            lambda progress: participant_import.apply_import(db, preview, update_existing=update, progress=progress),
            self._imported, on_error=self._import_failed, modal=True)

    def _imported(self, report) -> None:
        self.report = report
        self.sig_imported.emit(report)
        super().accept()

    def _import_failed(self, error: BaseException) -> None:
        self.cancel_button.setEnabled(True)
        self._update_buttons()
        if isinstance(error, OperationCancelled):
            self.summary_label.setText(self.tr("Import przerwano; nic nie zostało zapisane."))
        elif isinstance(error, PalError):
            error_dialog.show_error(self, error)
            self.refresh_preview()
        else:
            raise error

    def accept(self) -> None:
        self.run_import()

    def reject(self) -> None:
        if not self.cancel_button.isEnabled():
            return  # writing: all or nothing, cannot be interrupted half-way
        self._preview_timer.stop()
        super().reject()


# ---- Export ----------------------------------------------------------------------------------------------


def export_list(tab, db, query) -> None:
    """The list as filtered, every matching row, to XLSX or CSV."""
    if db is None or query.programme_id is None:
        return

    name = choose_save_file(tab, QCoreApplication.translate("Export", "Eksportuj listę uczestników"),
                            f"uczestnicy-{dt.date.today().isoformat()}.xlsx",
                            QCoreApplication.translate("Export", "Arkusz Excel (*.xlsx);;CSV dla Excela (*.csv)"))
    if not name:
        return
    runner_for(tab, db).submit_heavy(
        QCoreApplication.translate("Export", "Eksport listy uczestników"),
        ProcessCall("pal_desktop.services.participant_export:export_participants", db, (query, name), progress=True),
        lambda count: _status(tab, QCoreApplication.translate(
            "Export", "Zapisano {count} osób do pliku {path}").format(count=format_count(count), path=name)))


def export_efs(tab, db, programme_id: int | None) -> None:
    """The EU participant data set; the records left out are listed in a dialog."""
    if db is None or programme_id is None:
        return
    from pal_desktop.services import efs_export

    # The programme's funding period sets the layout, and so the file's type the dialog proposes.
    layout = efs_export.PERIOD_LAYOUTS.get(efs_export.period_of(db, programme_id), efs_export.SL2014)
    name = choose_save_file(tab, QCoreApplication.translate("Export", "Dane uczestników dla SL2014 / SM EFS"),
                            f"uczestnicy-efs-{dt.date.today().isoformat()}{efs_export.LAYOUTS[layout]}",
                            QCoreApplication.translate("Export", "SL2014 (PEFS) — arkusz Excel (*.xlsx);;"
                                                                 "SM EFS — CSV (*.csv)"))
    if not name:
        return

    def done(report) -> None:
        _status(tab, QCoreApplication.translate("Export", "Zapisano dane {count} uczestników do pliku {path}").format(
            count=format_count(report.exported), path=str(report.path)))
        dialog = EfsReportDialog(report, tab.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_open_participant.connect(lambda pid, d=dialog: tab.open_participant(pid, d))
        tab.efs_dialog = dialog
        dialog.open()

    runner_for(tab, db).submit_heavy(
        QCoreApplication.translate("Export", "Dane uczestników dla SL2014 / SM EFS"),
        ProcessCall("pal_desktop.services.efs_export:export_efs", db, (programme_id, name, None), progress=True), done)


class EfsReportDialog(QDialog):
    """What went into the EU data set file and which records were left out, with the reasons."""

    sig_open_participant = Signal(int)

    def __init__(self, report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("efsReportDialog")
        self.setWindowTitle(self.tr("Dane uczestników dla SL2014 / SM EFS"))
        self.setAccessibleName(self.windowTitle())
        self.setSizeGripEnabled(True)
        summary = QLabel(self)
        summary.setObjectName("efsSummary")
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text = self.tr("Zapisano dane {count} uczestników do pliku:\n{path}").format(
            count=format_count(report.exported), path=str(report.path))
        if report.left_out:
            text += "\n\n" + self.tr("Pominięto {count} osób, którym brakuje danych wymaganych w zestawie EFS. "
                                     "Uzupełnij je (dwuklik otwiera stronę osoby) i wyeksportuj ponownie:").format(
                count=format_count(len(report.left_out)))
        not_joined = report.not_joined
        if not_joined:
            text += "\n\n" + self.tr("Nie wyeksportowano {count} osób, które nie przystąpiły do programu "
                                     "(kandydaci i lista rezerwowa); są na liście poniżej.").format(
                count=format_count(len(not_joined)))
        if not report.left_out and not not_joined:
            text += "\n\n" + self.tr("Nikogo nie pominięto.")
        summary.setText(text)
        self.summary_label = summary
        self.table = _table(self.tr("Osoby pominięte w eksporcie"), [
            self.tr("Nazwisko i imię"), self.tr("PESEL"), self.tr("Dlaczego pominięto")], self)
        shown = list(report.left_out) + list(not_joined)
        self.table.setRowCount(len(shown))
        for row, problem in enumerate(shown):
            reasons = "; ".join(QCoreApplication.translate("Efs", r) for r in problem.reasons)
            for column, value in enumerate((problem.name, problem.pesel, reasons)):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, problem.participant_id)
                if column == 2:
                    item.setToolTip(reasons.replace("; ", "\n"))
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(shown))
        self.table.doubleClicked.connect(self._open)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("Zamknij"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 560 if shown else 200)

    def _open(self, index) -> None:
        item = self.table.item(index.row(), 0)
        if item is not None:
            self.sig_open_participant.emit(item.data(Qt.ItemDataRole.UserRole))


__all__ = ["ImportDialog", "EfsReportDialog", "choose_open_file", "choose_save_file", "export_efs", "export_list",
           "import_participants"]
