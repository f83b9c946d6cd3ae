"""Backups: a consistent copy of the SQLite database, from the command line and the window."""

from __future__ import annotations

import sqlite3

import pytest

from pal_desktop.cli import main
from pal_desktop.errors import PalError
from pal_desktop.services.backup import backup_database
from pal_desktop.services.database import open_app_database


def test_the_backup_is_a_working_copy_of_the_database(sqlite_url, tmp_path, capsys):
    opened = open_app_database(sqlite_url)
    target = backup_database(opened.db, tmp_path / "kopia.sqlite3")
    opened.db.dispose()
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT count(*) FROM schedule_task").fetchone()[0] == 11
    copy.close()
    assert main(["--db", sqlite_url, "backup"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Zapisano kopię zapasową:") and "kopie" in out


def test_the_backup_never_replaces_the_database_itself(sqlite_url):
    opened = open_app_database(sqlite_url)
    with pytest.raises(PalError, match="nie może zastąpić samej bazy"):
        backup_database(opened.db, sqlite_url.removeprefix("sqlite:///"))
    opened.db.dispose()


def test_a_missing_folder_is_named(sqlite_url, tmp_path):
    opened = open_app_database(sqlite_url)
    with pytest.raises(PalError, match="nie istnieje"):
        backup_database(opened.db, tmp_path / "brak" / "kopia.sqlite3")
    opened.db.dispose()
