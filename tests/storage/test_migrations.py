"""Migrations: from empty, from the first revision with data, and what is refused without a byte changed."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from pal_desktop import paths
from pal_desktop.errors import DatabaseError
from pal_desktop.storage.db import normalise_url, sqlite_path
from pal_desktop.storage.migrate import head_revision, open_database, upgrade_to
from pal_desktop.storage.models import Base


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_known_head_is_alembics_head():
    from pal_desktop.storage.migrate import script_directory

    assert script_directory().get_current_head() == head_revision()


def test_a_new_database_gets_the_whole_schema_matching_the_models(db_url):
    result = open_database(db_url)
    try:
        assert result.created and result.backup is None
        with result.database.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
            revision = MigrationContext.configure(connection).get_current_revision()
        assert diff == [], f"models and migrations disagree: {diff}"
        assert revision == head_revision()
    finally:
        result.database.dispose()


def _insert_participant_at_revision_0001(url: str) -> None:
    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO programme (id, title, subtitle, project_number, municipality, organisation, legal_basis, "
            "resolution, start_date, end_date, funding_line, co_financing, target_group, main_goal, monitoring) "
            "VALUES (1, 'PAL', '', '', '', '', '', '', '2021-01-01', '2022-12-31', '', '', '', '', '')"))
        connection.execute(text(
            "INSERT INTO participant (id, programme_id, status, first_name, last_name, pesel, no_pesel, "
            "document_number, street_name, outside_area_reason, house_number, flat_number, postal_code, city, "
            "phone, email, labour_status_detail, end_situation, notes) VALUES (1, 1, 'uczestnik', 'Łukasz', "
            "'Żak', '85010112345', :false, '', 'ul. Źródlana', '', '1', '', '42-100', 'Kłobuck', '', '', '', '', '')"),
            {"false": False})
    engine.dispose()


def test_upgrading_from_the_first_revision_keeps_the_data_and_fills_the_new_columns(db_url):
    upgrade_to(db_url, "0001")
    _insert_participant_at_revision_0001(db_url)

    result = open_database(db_url)
    try:
        assert result.upgraded_from == "0001"
        with result.database.engine.connect() as connection:
            row = connection.execute(text("SELECT first_name, search_text, sort_key FROM participant")).one()
        assert row.first_name == "Łukasz"
        assert "zak lukasz" in row.search_text and "85010112345" in row.search_text
        assert "zrodlana" in row.search_text
        assert row.sort_key != ""
    finally:
        result.database.dispose()


def test_upgrading_a_sqlite_file_copies_it_aside_first(sqlite_url):
    upgrade_to(sqlite_url, "0001")
    _insert_participant_at_revision_0001(sqlite_url)
    result = open_database(sqlite_url)
    result.database.dispose()
    assert result.backup is not None and result.backup.parent == paths.backup_dir()
    with sqlite3.connect(result.backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert copy.execute("SELECT last_name FROM participant").fetchone()[0] == "Żak"


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(sqlite_url):
    open_database(sqlite_url).database.dispose()
    path = sqlite_path(sqlite_url)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    before = _digest(path)
    with pytest.raises(DatabaseError, match="nowszej wersji PAL Desktop") as error:
        open_database(sqlite_url)
    assert error.value.params["revision"] == "9999_from_the_future"
    assert _digest(path) == before
    assert not list(paths.backup_dir().iterdir())


def test_a_database_of_another_program_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "inny.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE faktury (id INTEGER PRIMARY KEY, kwota REAL)")
    connection.close()
    before = _digest(path)
    with pytest.raises(DatabaseError, match="innego programu"):
        open_database("sqlite:///" + path.as_posix())
    assert _digest(path) == before


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notatki.sqlite3"
    path.write_text("Lista obecności — Łódź, Żółć\n" * 100, encoding="utf-8")
    before = _digest(path)
    with pytest.raises(DatabaseError, match="nie jest bazą danych"):
        open_database("sqlite:///" + path.as_posix())
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notatki.sqlite3"]


def test_a_missing_database_is_not_created_when_only_reading(tmp_path):
    path = tmp_path / "brak.sqlite3"
    with pytest.raises(DatabaseError, match="nie istnieje"):
        open_database("sqlite:///" + path.as_posix(), create=False)
    assert not path.exists()


def test_sqlite_is_opened_with_foreign_keys_wal_and_a_busy_timeout(sqlite_url):
    result = open_database(sqlite_url)
    try:
        with result.database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        result.database.dispose()
