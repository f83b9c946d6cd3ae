"""Plik → Kopia zapasowa…: the user picks a file and sees where the copy went."""

from __future__ import annotations

import sqlite3


def test_backup_from_the_file_menu(window, tmp_path, monkeypatch):
    from pal_desktop.ui import main_window

    target = tmp_path / "pendrive-kopia.sqlite3"
    monkeypatch.setattr(main_window, "choose_backup_file", lambda parent, suggested: str(target))
    assert window.backup_action.isEnabled()
    window.backup_action.trigger()
    assert target.exists()
    assert window.statusBar().currentMessage() == f"Zapisano kopię zapasową: {target}"
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT count(*) FROM programme").fetchone()[0] == 1
    copy.close()
