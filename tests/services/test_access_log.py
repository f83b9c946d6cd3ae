"""What leaves no change behind is logged too: opened pages, printouts, exports, backups; and the files that
hold personal data are readable by their owner only."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest

from pal_desktop.domain.enums import ParticipantStatus
from pal_desktop.services import (
    attendance_lists,
    enrolment,
    events,
    participant_profile,
    participants,
    reports,
)
from pal_desktop.services.audit import AuditFilter, list_entries, verify_log
from pal_desktop.services.backup import backup_database
from pal_desktop.services.database import open_app_database
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.participant_export import export_participants
from pal_desktop.storage.models import current_actor

SIGNED = dict(status=ParticipantStatus.ACTIVE, start_date=dt.date(2021, 3, 1), declaration_date=dt.date(2021, 3, 1),
              data_protection_date=dt.date(2021, 3, 1))
posix_only = pytest.mark.skipif(os.name != "posix", reason="Windows: per-user folders are private, no chmod")


def register(db, first: str, serial: int) -> int:
    return participants.create_participant(db, participants.ParticipantInput(
        first_name=first, last_name="Zielińska", pesel=pesel_for(dt.date(1988, 4, 2), serial, True),
        **SIGNED)).id


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_opening_a_persons_page_logs_who_opened_whose_page(db):
    anna, ewa = register(db, "Anna", 1), register(db, "Ewa", 2)
    token = current_actor.set("beata.kowal")
    try:
        participant_profile.participant_profile(db, anna)
    finally:
        current_actor.reset(token)
    [entry] = list_entries(db, AuditFilter(action="view"))
    assert (entry.actor, entry.what, entry.record_id, entry.subject_ids) == ("beata.kowal", "participant_page",
                                                                              anna, (anna,))
    assert list_entries(db, AuditFilter(participant_id=ewa, action="view")) == []
    # The page's own history still shows changes only, not who looked at it.
    page = participant_profile.participant_profile(db, anna)
    assert [line.action for line in page.history] == ["insert"]
    assert verify_log(db).intact


def test_a_participant_card_logs_one_printout_and_no_page_view(db):
    anna = register(db, "Anna", 1)
    assert reports.participant_card_pdf(db, anna).startswith(b"%PDF")
    logged = [(e.action, e.what) for e in list_entries(db, AuditFilter(participant_id=anna))]
    assert ("print", "participant_card") in logged and ("view", "participant_page") not in logged


def test_an_attendance_list_logs_the_people_on_it(db):
    people = [register(db, name, n) for n, name in enumerate(("Anna", "Ewa", "Iga"), start=1)]
    event_id = events.create_event(db, events.EventInput(title="Warsztaty", event_date=dt.date(2021, 5, 4)))
    enrolment.enrol(db, event_id, people[:2])
    attendance_lists.attendance_list_pdf(db, event_id)
    [entry] = list_entries(db, AuditFilter(action="print"))
    assert entry.what == "attendance_list" and set(entry.subject_ids) == set(people[:2])
    assert entry.details["count"] == 2 and entry.details["event_id"] == event_id
    assert [e.id for e in list_entries(db, AuditFilter(participant_id=people[0], action="print"))] == [entry.id]
    assert list_entries(db, AuditFilter(participant_id=people[2], action="print")) == []


def test_an_export_is_logged_with_its_count_and_is_private(db, tmp_path):
    register(db, "Anna", 1)
    path = tmp_path / "uczestnicy.xlsx"
    export_participants(db, participants.ParticipantQuery(), path)
    [entry] = list_entries(db, AuditFilter(action="export"))
    assert (entry.what, entry.details) == ("participant_export", {"count": 1, "file": "uczestnicy.xlsx"})
    if os.name == "posix":
        assert _mode(path) == 0o600


@posix_only
def test_a_new_database_and_its_backup_are_readable_by_the_owner_only(sqlite_url, tmp_path):
    opened = open_app_database(sqlite_url)
    try:
        database = tmp_path / "pal-test.sqlite3"
        assert _mode(database) == 0o600
        for companion in (tmp_path / "pal-test.sqlite3-wal", tmp_path / "pal-test.sqlite3-shm"):
            if companion.exists():
                assert _mode(companion) == 0o600
        copy = backup_database(opened.db, tmp_path / "kopia.sqlite3")
        assert _mode(copy) == 0o600
        [entry] = list_entries(opened.db, AuditFilter(action="backup"))
        assert entry.details == {"file": "kopia.sqlite3"}
    finally:
        opened.db.dispose()


@posix_only
def test_a_printout_written_to_a_file_is_private(db, tmp_path):
    anna = register(db, "Anna", 1)
    path = reports.write_pdf(reports.participant_card_pdf(db, anna), tmp_path / "karta.pdf")
    assert _mode(path) == 0o600


def test_a_page_opened_while_another_program_writes_waits_for_its_turn(sqlite_url):
    import sqlite3
    import threading
    import time

    from pal_desktop.storage.db import sqlite_path

    opened = open_app_database(sqlite_url)
    try:
        anna = register(opened.db, "Anna", 1)
        other = sqlite3.connect(sqlite_path(sqlite_url), isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")  # e.g. an import on another PC, in the middle of its transaction
        other.execute("INSERT INTO setting (key, value) VALUES ('inny.program', '1')")

        def finish() -> None:
            time.sleep(0.4)
            other.execute("COMMIT")

        writer = threading.Thread(target=finish)
        writer.start()
        page = participant_profile.participant_profile(opened.db, anna)
        writer.join()
        other.close()
        assert page.id == anna
        assert [e.subject_ids for e in list_entries(opened.db, AuditFilter(action="view"))] == [(anna,)]
        assert verify_log(opened.db).intact
    finally:
        opened.db.dispose()
