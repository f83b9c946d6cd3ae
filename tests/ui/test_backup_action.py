"""Plik → Kopia zapasowa… and Plik → Przywróć z kopii…, the warning in the status bar, the backup on closing."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from pal_desktop.storage.db import sqlite_path

pytestmark = pytest.mark.sqlite_only


def test_backup_from_the_file_menu(window, tmp_path, monkeypatch, qtbot):
    from pal_desktop.ui import backup_actions

    target = tmp_path / "pendrive-kopia.sqlite3"
    monkeypatch.setattr(backup_actions, "choose_backup_file", lambda parent, suggested: str(target))
    assert window.backup_action.isEnabled()
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == f"Zapisano kopię zapasową: {target}",
                    timeout=5000)
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT count(*) FROM programme").fetchone()[0] == 1
    copy.close()


def _attendance(path) -> int:
    with sqlite3.connect(path) as connection:
        count = connection.execute("SELECT count(*) FROM attendance").fetchone()[0]
    connection.close()
    return count


def test_restore_from_the_file_menu(make_window, demo_app_db, tmp_path, monkeypatch, qtbot, shown_errors):
    from pal_desktop.services import backup
    from pal_desktop.ui import backup_actions

    copy = backup.backup_database(demo_app_db, tmp_path)
    live = sqlite_path(demo_app_db.url)
    expected = _attendance(copy)
    with sqlite3.connect(live) as connection:
        connection.execute("DELETE FROM attendance")
    connection.close()
    window = make_window(demo_app_db)
    asked: list[str] = []
    monkeypatch.setattr(backup_actions, "choose_restore_file", lambda parent, folder: str(copy))
    monkeypatch.setattr(backup_actions, "confirm_restore", lambda parent, text: asked.append(text) or True)
    assert window.restore_action.isEnabled()
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Przywrócono kopię"), timeout=10000)
    assert "Uczestnicy: 300" in asked[0] and f"obecności: {expected}" in asked[0]
    assert _attendance(live) == expected and not shown_errors
    assert window.db is not demo_app_db and window.db.url == demo_app_db.url
    window.db.dispose()


def test_restore_declined_changes_nothing(window, app_db, tmp_path, monkeypatch):
    from pal_desktop.services import backup
    from pal_desktop.ui import backup_actions

    copy = backup.backup_database(app_db, tmp_path)
    monkeypatch.setattr(backup_actions, "choose_restore_file", lambda parent, folder: str(copy))
    monkeypatch.setattr(backup_actions, "confirm_restore", lambda parent, text: False)
    window.restore_action.trigger()
    assert window.db is app_db and window.operations.idle()


def test_warning_without_a_recent_backup_and_backup_on_close(window, app_db):
    from pal_desktop.services import backup, backup_rotation
    from pal_desktop.ui import backup_actions

    assert "Nie ma jeszcze żadnej kopii" in window.statusBar().currentMessage()
    window.close()
    status = backup_rotation.backup_status(app_db)
    assert status.last is not None and status.folder == backup.backup_folder()
    assert backup_actions.backup_warning(app_db) is None
    assert "starsza niż tydzień" in backup_actions.backup_warning(app_db, dt.datetime.now() + dt.timedelta(days=9))
