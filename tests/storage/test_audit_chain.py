"""The audit log is append-only and hash-chained: a database tool cannot change it unnoticed."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import replace

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.exc import DBAPIError

from pal_desktop.domain.enums import ParticipantStatus, SupportReason, TriState
from pal_desktop.services import participant_profile, participants
from pal_desktop.services.audit import verify_log
from pal_desktop.services.database import open_app_database
from pal_desktop.services.demo import pesel_for
from pal_desktop.storage.db import normalise_url, sqlite_path
from pal_desktop.storage.migrate import alembic_config, open_database, upgrade_to
from pal_desktop.storage.models import AuditEntry

SIGNED = dict(status=ParticipantStatus.ACTIVE, start_date=dt.date(2021, 3, 1), declaration_date=dt.date(2021, 3, 1),
              data_protection_date=dt.date(2021, 3, 1))


def register(db, first="Anna", last="Nowak", serial=1, **extra) -> int:
    return participants.create_participant(db, participants.ParticipantInput(
        first_name=first, last_name=last, pesel=pesel_for(dt.date(1990, 1, 1), serial, True), **SIGNED,
        **extra)).id


def _raw(db) -> sqlite3.Connection:
    """The file opened as an attacker with a database tool would, triggers dropped first."""
    connection = sqlite3.connect(sqlite_path(db.url))
    connection.execute("DROP TRIGGER audit_log_no_update")
    connection.execute("DROP TRIGGER audit_log_no_delete")
    return connection


def _ids(db) -> list[int]:
    with db.reading() as session:
        return list(session.scalars(select(AuditEntry.id).order_by(AuditEntry.id)))


@pytest.fixture
def file_db(sqlite_url):
    opened = open_app_database(sqlite_url)
    yield opened.db
    opened.db.dispose()


def test_a_fresh_log_verifies_and_the_chain_holds_across_many_service_writes(db):
    people = [register(db, f"Osoba{n}", "Kowalska", serial=n) for n in range(1, 31)]
    for pid in people[:10]:
        detail = participants.get_participant(db, pid)
        participants.update_participant(db, pid, replace(participants.as_input(detail), phone="600100200"))
        participant_profile.participant_profile(db, pid)
    result = verify_log(db)
    assert result.intact, result
    assert result.entries == len(_ids(db)) > 40
    with db.reading() as session:
        rows = session.execute(select(AuditEntry.prev_hash, AuditEntry.entry_hash).order_by(AuditEntry.id)).all()
    assert all(later.prev_hash == earlier.entry_hash for earlier, later in zip(rows, rows[1:], strict=False))


def test_update_and_delete_of_the_log_are_refused_by_the_database(db):
    register(db)
    engine = create_engine(normalise_url(db.url))
    try:
        for statement in ("UPDATE audit_log SET actor = 'ktoś'", "DELETE FROM audit_log"):
            with pytest.raises(DBAPIError, match="nie można zmieniać ani usuwać"):
                with engine.begin() as connection:
                    connection.execute(text(statement))
    finally:
        engine.dispose()
    assert verify_log(db).intact


def test_an_entry_edited_with_a_database_tool_is_found(file_db):
    register(file_db)
    victim = _ids(file_db)[2]
    with _raw(file_db) as connection:
        connection.execute("UPDATE audit_log SET actor = 'nikt' WHERE id = ?", (victim,))
    result = verify_log(file_db)
    assert (result.broken_id, result.reason) == (victim, "edited")
    assert "zmieniono" in result.reason_text()


def test_a_removed_entry_is_found_at_the_one_after_it(file_db):
    register(file_db)
    register(file_db, "Ewa", serial=2)
    ids = _ids(file_db)
    with _raw(file_db) as connection:
        connection.execute("DELETE FROM audit_log WHERE id = ?", (ids[3],))
    result = verify_log(file_db)
    assert (result.broken_id, result.reason) == (ids[4], "removed")


def test_swapped_entries_are_found_as_reordered(file_db):
    register(file_db)
    register(file_db, "Ewa", serial=2)
    first, second = _ids(file_db)[1:3]
    with _raw(file_db) as connection:
        columns = "at, actor, action, table_name, record_id, changes, subject_ids, prev_hash, entry_hash"
        rows = {row[0]: row[1:] for row in connection.execute(
            f"SELECT id, {columns} FROM audit_log WHERE id IN (?, ?)", (first, second))}
        for target, source in ((first, second), (second, first)):
            connection.execute(f"UPDATE audit_log SET ({columns}) = ({', '.join('?' * 9)}) WHERE id = ?",
                               (*rows[source], target))
    result = verify_log(file_db)
    assert (result.broken_id, result.reason) == (first, "reordered")


def test_a_forged_entry_with_a_made_up_hash_is_found(file_db):
    register(file_db)
    with _raw(file_db) as connection:
        last = connection.execute("SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
        connection.execute("INSERT INTO audit_log (at, actor, action, table_name, record_id, changes, subject_ids, "
                           "prev_hash, entry_hash) VALUES ('2026-01-01 10:00:00.000000', 'admin', 'view', "
                           "'participant_page', 1, '', ',1,', ?, ?)", (last, "f" * 64))
        forged = connection.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    result = verify_log(file_db)
    assert (result.broken_id, result.reason) == (forged, "edited")


def test_a_pesel_change_is_logged_without_the_numbers(db):
    pid = register(db, disability=TriState.YES, notes="leczenie odwykowe", reasons=(SupportReason.ADDICTION,))
    old = participants.get_participant(db, pid)
    new_pesel = pesel_for(dt.date(1990, 1, 1), 7, True)
    participants.update_participant(db, pid, replace(
        participants.as_input(old), pesel=new_pesel, notes="przemoc w rodzinie", disability=TriState.NO,
        phone="600 100 200", reasons=(SupportReason.DOMESTIC_VIOLENCE,)))
    with db.reading() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.table_name == "participant",
                                                        AuditEntry.action == "update"))
        everything = " ".join(session.scalars(select(AuditEntry.changes)))
    changes = json.loads(entry.changes)
    assert changes["pesel"] == ["***", "***"]
    assert changes["notes"] == ["***", "***"] and changes["disability"] == ["***", "***"]
    assert changes["phone"][1] == "600 100 200"  # ordinary fields keep their values
    for secret in (old.pesel, new_pesel, "odwykowe", "przemoc"):
        assert secret not in everything
    assert entry.subject_ids == f",{pid},"


def test_upgrading_chains_the_entries_written_before_and_downgrade_undoes_it(db_url):
    upgrade_to(db_url, "0009")
    engine = create_engine(normalise_url(db_url))
    with engine.begin() as connection:
        for n in range(3):
            connection.execute(text(
                "INSERT INTO audit_log (at, actor, action, table_name, record_id, changes) VALUES "
                "(:at, 'anna', 'update', 'participant', :id, '{}')"),
                {"at": dt.datetime(2025, 1, n + 1, 10, 0, 0, 123456 * n, tzinfo=dt.UTC), "id": n + 1})
    engine.dispose()
    # The schema's upgrade alone: the application's open would also finish this programme-less database
    # (as one an old init left half made) and log its built-in programme.
    db = open_database(db_url).database
    try:
        result = verify_log(db)
        # 0014 hashes the entries anew and says so in one more entry, naming the end of the chain before
        assert result.intact and result.entries == 4
        with db.reading() as session:
            assert list(session.scalars(select(AuditEntry.subject_ids).order_by(AuditEntry.id))) == [
                ",1,", ",2,", ",3,", ""]
            rechain = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert rechain.action == "rechain" and json.loads(rechain.changes)["entries"] == 3
    finally:
        db.dispose()
    command.downgrade(alembic_config(normalise_url(db_url)), "0009")
    engine = create_engine(normalise_url(db_url))
    try:
        with engine.begin() as connection:
            connection.execute(text("DELETE FROM audit_log WHERE id = 1"))  # no trigger any more
            columns = {column["name"] for column in inspect(connection).get_columns("audit_log")}
    finally:
        engine.dispose()
    assert "entry_hash" not in columns and "subject_ids" not in columns and "prev_hash" not in columns


def test_writers_at_the_same_time_never_fork_the_chain(db):
    if db.backend != "postgresql":
        pytest.skip("SQLite lets one writer at a time; PostgreSQL's concurrent writers take the chain's lock")
    import threading

    failures: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            for n in range(8):
                register(db, f"Osoba{worker}x{n}", "Wątek", serial=worker * 10 + n + 1)
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    result = verify_log(db)
    assert result.intact and result.entries == len(_ids(db))
