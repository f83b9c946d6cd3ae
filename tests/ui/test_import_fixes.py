"""The import preview's fixes: the sheet's streets added to the area in one click, the skipped rows kept."""

from __future__ import annotations

import datetime as dt

import openpyxl
from PySide6.QtCore import Qt

from pal_desktop.services import participants, programmes
from pal_desktop.services.audit import AuditFilter, list_entries
from pal_desktop.services.demo import pesel_for
from pal_desktop.ui.dialogs import questions, transfer
from pal_desktop.ui.dialogs.transfer import ImportDialog


def open_preview(qtbot, db, sheet) -> ImportDialog:
    programme = programmes.active_programme(db)
    dialog = ImportDialog(db, programme.id, sheet)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    return dialog


def summary_errors(dialog) -> str:
    return dialog.summary_label.text().rsplit(":", 1)[-1].strip()


def test_the_sheets_streets_are_added_to_the_area_and_the_rest_is_kept_as_a_sheet(
        qtbot, app_db, tmp_path, monkeypatch, shown_errors):
    programme = programmes.active_programme(app_db)
    participants.add_area_street(app_db, programme.id, "ul. Zamkowa", "42-100", "Kłobuck")
    sheet = tmp_path / "lista.csv"
    anna, jan, ewa = (pesel_for(dt.date(1970 + i, 3, 3), i, i % 2 == 0) for i in range(3))
    sheet.write_text("Nazwisko;Imię;PESEL;Ulica;Nr domu;Kod pocztowy;Miejscowość\n"
                     f"Nowak;Anna;{anna};zamkowa;4;42-100;Kłobuck\n"
                     f"Kowal;Jan;{jan};Leśna;1;42-100;Kłobuck\n"
                     f"Lis;Ewa;{ewa};Leśna;2;42-100;Kłobuck\n"
                     "Zieliński;Marek;12345678901;Zamkowa;5;42-100;Kłobuck\n", encoding="utf-8-sig")
    dialog = open_preview(qtbot, app_db, sheet)
    assert summary_errors(dialog) == "3"
    assert dialog.add_streets_button.isEnabled() and "Leśna" in dialog.add_streets_button.toolTip()
    asked = []
    monkeypatch.setattr(questions, "ask", lambda parent, title, text, **kw: asked.append(kw["informative"]) or True)

    qtbot.mouseClick(dialog.add_streets_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: summary_errors(dialog) == "1", timeout=10000)
    assert asked == ["Leśna (Kłobuck) — wierszy: 2"]
    assert "Leśna" in [s.name for s in participants.area_streets(app_db, programme.id)]
    assert dialog.row_errors_label.text() == "Dodano ulice do obszaru: 1."
    assert not dialog.add_streets_button.isEnabled()  # nothing left to add
    assert dialog.import_button.text() == "&Importuj (3)"

    target = tmp_path / "pominiete.xlsx"
    monkeypatch.setattr(transfer, "choose_save_file", lambda *args: str(target))
    qtbot.mouseClick(dialog.save_rejected_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=10000)
    qtbot.waitUntil(lambda: "Zapisano pominięte wiersze (1)" in dialog.row_errors_label.text(), timeout=10000)
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][-1] == "Błędy" and rows[1][:2] == ("Zieliński", "Marek")
    assert "PESEL" in rows[1][-1]
    [entry] = list_entries(app_db, AuditFilter(action="export"))
    assert (entry.what, entry.details) == ("import_rejected", {"count": 1, "file": "pominiete.xlsx"})
    assert shown_errors == []


def test_nothing_is_added_when_the_user_says_no(qtbot, app_db, tmp_path, monkeypatch):
    programme = programmes.active_programme(app_db)
    participants.add_area_street(app_db, programme.id, "ul. Zamkowa", "42-100", "Kłobuck")
    sheet = tmp_path / "lista.csv"
    sheet.write_text("Nazwisko;Imię;PESEL;Ulica;Nr domu\n"
                     f"Kowal;Jan;{pesel_for(dt.date(1980, 1, 1), 1, False)};Polna;1\n", encoding="utf-8-sig")
    dialog = open_preview(qtbot, app_db, sheet)
    monkeypatch.setattr(questions, "ask", lambda *args, **kwargs: False)
    qtbot.mouseClick(dialog.add_streets_button, Qt.MouseButton.LeftButton)
    assert [s.name for s in participants.area_streets(app_db, programme.id)] == ["ul. Zamkowa"]
    assert summary_errors(dialog) == "1"
