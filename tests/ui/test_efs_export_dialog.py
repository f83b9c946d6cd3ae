"""The EU data set export as the office runs it: what went in, who was left out and why, by name."""

from __future__ import annotations

import datetime as dt

from pal_desktop.domain.enums import ParticipantStatus
from pal_desktop.services import participants as registry
from pal_desktop.services.demo import pesel_for
from pal_desktop.ui.dialogs import transfer


def add_person(db, first: str, last: str, birth: dt.date, serial: int, **values) -> int:
    return registry.create_participant(db, registry.ParticipantInput(
        first_name=first, last_name=last, pesel=pesel_for(birth, serial, True), **values)).id


def test_an_export_of_only_candidates_names_each_of_them(qtbot, make_window, app_db, tmp_path, monkeypatch):
    """Before anyone has joined, the office must see why the file is empty rather than an empty file."""
    add_person(app_db, "Łucja", "Żak", dt.date(1985, 3, 14), 1, status=ParticipantStatus.CANDIDATE)
    add_person(app_db, "Ewa", "Rezerwowa", dt.date(1990, 1, 2), 2, status=ParticipantStatus.RESERVE)
    window = make_window(app_db)
    tab = window.tab("participants")
    target = tmp_path / "efs.xlsx"
    monkeypatch.setattr(transfer, "choose_save_file", lambda *args: str(target))

    tab.export_efs_action.trigger()
    qtbot.waitUntil(lambda: getattr(tab, "efs_dialog", None) is not None, timeout=20000)
    dialog = tab.efs_dialog
    assert target.exists()
    summary = dialog.summary_label.text()
    assert "Zapisano dane 0 uczestników" in summary
    assert "Nie wyeksportowano 2 osób, które nie przystąpiły do programu" in summary
    assert "Nikogo nie pominięto" not in summary
    assert dialog.table.isVisibleTo(dialog)
    shown = {dialog.table.item(row, 0).text(): dialog.table.item(row, 2).text()
             for row in range(dialog.table.rowCount())}
    assert set(shown) == {"Żak Łucja", "Rezerwowa Ewa"}
    assert shown["Żak Łucja"].startswith("kandydat: nie przystąpił jeszcze do programu")
    assert shown["Rezerwowa Ewa"].startswith("lista rezerwowa: nie przystąpił jeszcze")
    assert dialog.table.item(0, 1).text().endswith("•••••")  # the PESEL is masked on screen
    dialog.close()
