"""The database never vanishes silently: a moved, replaced or read-only file is noticed before any write."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from pathlib import Path

import pytest

from pal_desktop import config
from pal_desktop.errors import DatabaseError, DatabaseMissingError
from pal_desktop.services import participants
from pal_desktop.services.database import is_read_only, open_app_database, open_window_database
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.participant_profile import participant_profile
from pal_desktop.services.participants import ParticipantQuery


def person(first: str = "Anna", serial: int = 11) -> participants.ParticipantInput:
    return participants.ParticipantInput(first_name=first, last_name="Nowak",
                                         pesel=pesel_for(dt.date(1980, 5, 6), serial, female=True))


def count(db) -> int:
    return participants.count_participants(db, ParticipantQuery())


@pytest.fixture
def opened(tmp_path):
    path = tmp_path / "biuro" / "pal.sqlite3"
    path.parent.mkdir()
    result = open_app_database(str(path))
    yield path, result.db
    result.db.dispose()


def test_a_save_after_the_file_was_moved_away_is_refused_and_nothing_is_created(opened, tmp_path):
    path, db = opened
    participants.create_participant(db, person())
    assert count(db) == 1
    moved = tmp_path / "pendrive-wyjety.sqlite3"
    os.replace(path, moved)

    with pytest.raises(DatabaseError) as refused:
        participants.create_participant(db, person("Ewa", 22))
    message = str(refused.value)
    assert f"Plik bazy „{path}” zniknął albo został przeniesiony" in message
    assert "nic nie zostało zapisane" in message and "no such table" not in message
    assert not path.exists()  # no new empty database in its place
    with pytest.raises(DatabaseError, match="zniknął albo został przeniesiony"):
        count(db)  # reading says the same, in Polish
    assert not path.exists()

    os.replace(moved, path)  # the stick is back: work goes on where it stopped
    participants.create_participant(db, person("Ewa", 22))
    assert count(db) == 2


def test_a_different_file_put_in_its_place_is_not_written_to(opened, tmp_path):
    path, db = opened
    participants.create_participant(db, person())
    os.replace(path, tmp_path / "stara.sqlite3")
    other = open_app_database(str(path))  # somebody made a new database at the same path
    other.db.dispose()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseError, match="zniknął albo został przeniesiony"):
        participants.create_participant(db, person("Ewa", 22))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_read_only_file_opens_shows_its_data_and_refuses_saves(opened):
    path, db = opened
    pid = participants.create_participant(db, person()).id
    db.dispose()
    path.chmod(stat.S_IREAD)
    try:
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        readonly = open_app_database(str(path), create=False).db
        try:
            assert is_read_only(readonly) and not is_read_only(db)
            assert count(readonly) == 1
            with pytest.raises(DatabaseError) as refused:
                participants.create_participant(readonly, person("Ewa", 22))
            assert "jest otwarta tylko do odczytu" in str(refused.value)
            assert "nic nie zostało zapisane" in str(refused.value)
            assert count(readonly) == 1
            assert participant_profile(readonly, pid).id == pid  # the page opens; the log cannot take a row
        finally:
            readonly.dispose()
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    finally:
        path.chmod(stat.S_IREAD | stat.S_IWRITE)


def test_the_window_never_recreates_a_database_it_has_opened_before(tmp_path):
    path = tmp_path / "pal.sqlite3"
    first = open_window_database(str(path))  # never opened here: a new database, as on the first start
    first.db.dispose()
    assert first.created and str(path.resolve()) in config.load().opened_databases
    os.replace(path, tmp_path / "gdzie-indziej.sqlite3")

    with pytest.raises(DatabaseMissingError) as missing:
        open_window_database(str(path))
    assert f"Nie ma pliku bazy „{path}”, który był już otwierany na tym komputerze" in str(missing.value)
    assert not path.exists()

    with pytest.raises(DatabaseMissingError, match="Folder bazy danych „.*” nie istnieje"):
        open_window_database(str(tmp_path / "odlaczony-dysk" / "pal.sqlite3"))

    again = open_window_database(str(path), create_missing=True)  # the user chose to start anew
    again.db.dispose()
    assert again.created and path.exists()


def test_a_new_database_is_still_created_where_none_was(tmp_path):
    path = Path(tmp_path) / "nowa.sqlite3"
    result = open_app_database(str(path))
    try:
        assert result.created and count(result.db) == 0
        participants.create_participant(result.db, person())
        assert count(result.db) == 1
    finally:
        result.db.dispose()


def test_unusual_folder_names_still_open(tmp_path):
    from pathlib import PureWindowsPath

    from pal_desktop.storage.file_guard import uri_of

    path = tmp_path / "Dane GOPS #1 (100%) Kłobuck" / "pal.sqlite3"
    path.parent.mkdir()
    result = open_app_database(str(path))
    try:
        participants.create_participant(result.db, person())
        assert count(result.db) == 1 and path.is_file()
    finally:
        result.db.dispose()
    # a Windows share stays a path (SQLite refuses a URI authority), a drive letter gets its leading slash
    assert uri_of(PureWindowsPath(r"\\serwer\udział\pal.sqlite3").as_posix()) == (
        "file:////serwer/udzia%C5%82/pal.sqlite3")
    assert uri_of(PureWindowsPath(r"C:\Dane GOPS\pal.sqlite3").as_posix()) == "file:///C:/Dane%20GOPS/pal.sqlite3"
