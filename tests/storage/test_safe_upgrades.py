"""Upgrades that cannot lose rows, an init that is all or nothing, refused files left byte for byte (issue 13/4).

The init tests run on PostgreSQL too; the rest are about SQLite's own rebuilds and files.

The rebuild regression runs a throwaway Alembic revision, written into a copy of the migrations folder
(never shipped), that rebuilds ``participant`` the way SQLite's batch mode does: copy, DROP, rename.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from pal_desktop.cli import main
from pal_desktop.errors import DatabaseError, ValidationError
from pal_desktop.services import programmes, ui_queries
from pal_desktop.services.database import open_app_database
from pal_desktop.storage import migrate
from pal_desktop.storage.db import create_db_engine, normalise_url, sqlite_path
from pal_desktop.storage.migrate import open_database, upgrade_to

#: Rows pointing at a participant, all ON DELETE CASCADE (household members: those who are participants).
CHILDREN = {
    "attendance": "SELECT count(*) FROM attendance",
    "enrolment": "SELECT count(*) FROM enrolment",
    "household_member": "SELECT count(*) FROM household_member WHERE participant_id IS NOT NULL",
    "participant_reason": "SELECT count(*) FROM participant_reason",
    "cash_assistance": "SELECT count(*) FROM cash_assistance",
    "internship": "SELECT count(*) FROM internship",
}

REBUILD = '''
import sqlalchemy as sa
from alembic import op

revision = "0099_rebuild"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    # What any batch change of participant does on SQLite: a new table, the rows copied, DROP, rename.
    with op.batch_alter_table("participant", recreate="always") as batch:
        batch.add_column(sa.Column("throwaway", sa.String(10), nullable=True))
    {extra}


def downgrade():
    with op.batch_alter_table("participant", recreate="always") as batch:
        batch.drop_column("throwaway")
'''


def _throwaway_revision(tmp_path: Path, monkeypatch, extra: str = "pass") -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "0099_rebuild.py").write_text(
        REBUILD.format(head=migrate.head_revision(), extra=extra), encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    monkeypatch.setattr(migrate, "SCHEMA_HEAD", "0099_rebuild")


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        counts = {table: connection.execute(query).fetchone()[0]
                  for table, query in {"participant": "SELECT count(*) FROM participant", **CHILDREN}.items()}
        counts["animator linked"] = connection.execute(
            "SELECT count(*) FROM animator WHERE participant_id IS NOT NULL").fetchone()[0]
    connection.close()
    return counts


def _demo_file(demo_db) -> Path:
    path = sqlite_path(demo_db.url)
    demo_db.dispose()
    return path


@pytest.mark.sqlite_only
def test_a_revision_rebuilding_participant_keeps_every_child_row(demo_db, tmp_path, monkeypatch):
    path = _demo_file(demo_db)
    before = _counts(path)
    assert all(before[table] > 0 for table in CHILDREN), before
    shipped_head = migrate.head_revision()
    _throwaway_revision(tmp_path, monkeypatch)

    result = open_database(demo_db.url)
    try:
        assert result.upgraded_from == shipped_head and result.backup is not None
        with result.database.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0099_rebuild"
            # the pooled connection the upgrade used has its foreign keys on again
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        result.database.dispose()
    assert _counts(path) == before


@pytest.mark.sqlite_only
def test_the_old_way_foreign_keys_on_inside_the_transaction_would_have_cascaded(demo_db, tmp_path, monkeypatch):
    """Why the above matters: the same revision run as before this change deletes the child rows."""
    from alembic import command

    path = _demo_file(demo_db)
    before = _counts(path)
    _throwaway_revision(tmp_path, monkeypatch)
    engine = create_db_engine(demo_db.url)
    try:
        with engine.begin() as connection:  # the old _upgrade: the engine's connection, foreign keys on
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")  # ignored inside a transaction
            config = migrate.alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()
    after = _counts(path)
    assert after["participant"] == before["participant"]
    assert {table: after[table] for table in CHILDREN} == dict.fromkeys(CHILDREN, 0), (before, after)


@pytest.mark.sqlite_only
def test_a_connection_whose_foreign_keys_cannot_be_switched_back_on_never_returns_to_the_pool(sqlite_url,
                                                                                              monkeypatch):
    real = migrate._set_foreign_keys

    def failing_on(connection, *, on):
        if on:
            raise sqlite3.OperationalError("disk I/O error")
        real(connection, on=on)

    monkeypatch.setattr(migrate, "_set_foreign_keys", failing_on)
    result = open_database(sqlite_url)
    try:
        for _ in range(3):
            with result.database.engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        result.database.dispose()


@pytest.mark.sqlite_only
def test_an_upgrade_leaving_rows_dangling_is_rolled_back_and_names_the_table(demo_db, tmp_path, monkeypatch):
    path = _demo_file(demo_db)
    before = _counts(path)
    shipped_head = migrate.head_revision()
    _throwaway_revision(tmp_path, monkeypatch, extra=(
        'op.execute("DELETE FROM participant WHERE id = (SELECT min(participant_id) FROM attendance)")'))

    with pytest.raises(DatabaseError, match="została cofnięta") as error:
        open_database(demo_db.url)
    assert "„attendance” → „participant”" in str(error.value)
    assert error.value.params["table"] in CHILDREN
    assert _counts(path) == before
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == shipped_head
        assert "throwaway" not in {row[1] for row in connection.execute("PRAGMA table_info(participant)")}
    connection.close()


def test_init_is_one_transaction_a_failure_leaves_no_half_made_database(db_url, monkeypatch):
    def broken(session, key=programmes.BUILTIN_PROGRAMME_KEY):
        raise RuntimeError("killed during init")

    monkeypatch.setattr(programmes, "add_builtin_programme", broken)
    with pytest.raises(RuntimeError):
        open_app_database(db_url)
    engine = create_engine(normalise_url(db_url))
    try:
        assert inspect(engine).get_table_names() == []  # not even alembic_version: the schema rolled back too
    finally:
        engine.dispose()
    monkeypatch.undo()
    opened = open_app_database(db_url)
    try:
        assert opened.created
        assert [p.title for p in programmes.list_programmes(opened.db)] != []
    finally:
        opened.db.dispose()


def test_an_open_finishes_a_database_an_old_init_left_without_its_programme(db_url):
    upgrade_to(db_url, "head")  # the schema only, as an init killed before its programme left it
    opened = open_app_database(db_url)
    try:
        assert not opened.created
        summaries = programmes.list_programmes(opened.db)
        assert len(summaries) == 1 and summaries[0].is_active
        with opened.db.reading() as session:
            assert session.execute(text("SELECT count(*) FROM event_type")).scalar() == len(
                programmes.DEFAULT_EVENT_TYPES)
    finally:
        opened.db.dispose()
    again = open_app_database(db_url)  # finished once: nothing added the second time
    try:
        assert len(programmes.list_programmes(again.db)) == 1
    finally:
        again.db.dispose()


def test_a_reader_opening_a_half_made_database_sees_it_as_it_is_and_the_next_open_finishes_it(db_url, act_as):
    from pal_desktop.actor import current_actor
    from pal_desktop.domain.enums import UserRole

    upgrade_to(db_url, "head")
    act_as(UserRole.READER, login="ola")
    opened = open_app_database(db_url)  # a podgląd may not write the programme: no error, nothing written
    try:
        assert programmes.list_programmes(opened.db) == []
    finally:
        opened.db.dispose()
    current_actor.set_for_process("system")
    again = open_app_database(db_url)
    try:
        assert len(programmes.list_programmes(again.db)) == 1
    finally:
        again.db.dispose()


# ---- Refused files, byte for byte -------------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.sqlite_only
def test_a_zero_byte_file_given_as_db_is_refused_and_stays_empty(tmp_path, capsys):
    folder = tmp_path / "dane"
    folder.mkdir()
    path = folder / "pusty.sqlite3"
    path.write_bytes(b"")
    for command in (["init"], ["info"]):
        assert main(["--db", str(path), *command]) != 0
        assert "jest pusty (0 bajtów)" in capsys.readouterr().err
    with pytest.raises(DatabaseError, match="pusty"):
        open_app_database("sqlite:///" + path.as_posix())
    with pytest.raises(ValidationError, match="pusty") as typed:  # typed in the settings: named at once
        ui_queries.check_database_location(str(path))
    assert typed.value.field == "database_url"
    assert path.stat().st_size == 0
    assert sorted(p.name for p in folder.iterdir()) == ["pusty.sqlite3"]


@pytest.mark.sqlite_only
def test_a_foreign_wal_file_is_refused_without_a_wal_switch_or_files_beside_it(tmp_path):
    folder = tmp_path / "dane"
    folder.mkdir()
    path = folder / "inny.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("CREATE TABLE faktury (id INTEGER PRIMARY KEY, kwota REAL)")
        connection.execute("INSERT INTO faktury (kwota) VALUES (12.5)")
    connection.close()  # the last connection checkpoints and removes -wal/-shm
    rollback = folder / "stary.sqlite3"
    with sqlite3.connect(rollback) as connection:
        connection.execute("CREATE TABLE notatki (tekst TEXT)")
    connection.close()
    before = _snapshot(folder)
    for target in (path, rollback):
        with pytest.raises(DatabaseError, match="innego programu"):
            open_app_database("sqlite:///" + target.as_posix())
    assert _snapshot(folder) == before


@pytest.mark.sqlite_only
def test_a_newer_schema_is_refused_without_files_beside_it(sqlite_url):
    open_database(sqlite_url).database.dispose()
    path = sqlite_path(sqlite_url)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_z_przyszlosci'")
    connection.close()
    before = _snapshot(path.parent)
    with pytest.raises(DatabaseError, match="nowszej wersji"):
        open_app_database(sqlite_url)
    assert _snapshot(path.parent) == before
