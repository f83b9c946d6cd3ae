"""The import window reads the sheet on the operations runner (a bar and Przerwij), says a limit at once, and
closes when the reading is stopped (issue 13, part 3)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog

from pal_desktop.services import import_sheet, participant_import, programmes
from pal_desktop.services.demo import pesel_for
from pal_desktop.ui.dialogs.transfer import ImportDialog


def sheet_of(tmp_path, count: int):
    path = tmp_path / "lista.csv"
    lines = ["Nazwisko;Imię;PESEL"] + [f"Nowak{n};Anna;{pesel_for(dt.date(1980, 1, 1 + n), n, True)}"
                                       for n in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def test_a_sheet_over_the_row_limit_is_refused_at_once_in_the_window(qtbot, app_db, tmp_path, monkeypatch):
    monkeypatch.setattr(import_sheet, "MAX_ROWS", 3)
    dialog = ImportDialog(app_db, programmes.active_programme(app_db).id, sheet_of(tmp_path, 5))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10000)
    assert "ma więcej niż 3 wierszy danych" in dialog.error_label.text()
    assert dialog.preview is None and not dialog.import_button.isEnabled()


def test_the_sheet_is_read_with_progress_and_przerwij_closes_the_window(qtbot, app_db, tmp_path, monkeypatch):
    monkeypatch.setattr(import_sheet, "PROGRESS_STEP", 1)
    real_read = participant_import.read_sheet
    reports = []

    def read_then_stop(path, progress):
        def watching(done, total):
            reports.append((done, total))
            if len(reports) == 3:
                progress.cancel()  # what Przerwij on the operation's progress dialog does
            return progress(done, total)

        return real_read(path, progress=watching)

    monkeypatch.setattr(participant_import, "read_sheet", read_then_stop)
    dialog = ImportDialog(app_db, programmes.active_programme(app_db).id, sheet_of(tmp_path, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible(),
                    timeout=10000)
    assert len(reports) == 3 and reports[0] == (0, 22)
    assert dialog.sheet is None and dialog.preview is None
