"""A writer killed at random moments (SIGKILL; TerminateProcess on Windows) never costs a committed row.

The writer (tests/worker_crash_writer.py) saves people and their attendance through the services and prints
each id once its transaction is committed. After each kill the file must open, pass ``integrity_check`` and
``foreign_key_check``, and hold every id the writer reported; the audit chain must still verify at the end.
It runs on a local file (WAL) and on one taken for a network share (the rollback journal, whose recovery
is another path of SQLite's). ``PAL_CRASH_KILLS`` sets the number of kills on the local file (20 by default,
as in CI); the share gets half as many.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pal_desktop.services import events
from pal_desktop.services.audit import verify_log
from pal_desktop.services.database import open_app_database
from pal_desktop.storage.db import sqlite_path

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("PAL_CRASH_KILLS", "20"))
#: Seconds the writer runs after its first commit before the kill: from at once to a few dozen saves.
WINDOW = (0.0, 0.35)


def _committed(output: str) -> tuple[set[int], set[int]]:
    """The ids of whole lines only: a line cut by the kill is not a report."""
    people, present = set(), set()
    for line in output.split("\n")[:-1]:
        kind, _, number = line.partition(" ")
        (people if kind == "ok" else present).add(int(number))
    return people, present


def _check_file(path: Path, journal: str) -> tuple[set[int], set[int]]:
    """Open as the program does after a crash (WAL or journal recovery included); then what the file holds."""
    opened = open_app_database("sqlite:///" + path.as_posix(), create=False)
    with opened.db.reading() as session:
        assert session.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == journal
    opened.db.dispose()
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        people = {row[0] for row in connection.execute("SELECT id FROM participant")}
        present = {row[0] for row in connection.execute("SELECT participant_id FROM attendance")}
    finally:
        connection.close()
    return people, present


@pytest.mark.sqlite_only
@pytest.mark.timeout(240)
@pytest.mark.parametrize("share", [False, True], ids=["local-wal", "share-rollback-journal"])
def test_a_writer_killed_at_random_moments_never_loses_a_reported_row(db, share, monkeypatch):
    from pal_desktop.storage import network_paths

    if share:
        monkeypatch.setattr(network_paths, "is_network_path", lambda path, platform=None: True)
    kills, journal = (max(1, KILLS // 2), "delete") if share else (KILLS, "wal")
    path = sqlite_path(db.url)
    event_id = events.create_event(db, events.EventInput(title="Klub seniora", event_date=dt.date(2022, 6, 1)))
    db.dispose()
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    chance = random.Random(int(os.environ.get("PAL_CRASH_SEED", "13")))
    reported: set[int] = set()
    reported_present: set[int] = set()
    mid_write = 0
    started = time.monotonic()
    for run in range(kills):
        command = [sys.executable, "-m", "tests.worker_crash_writer", db.url, str(event_id), str(run)]
        writer = subprocess.Popen(command + (["share"] if share else []), stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, env=env, cwd=ROOT)
        first = writer.stdout.readline()  # its first commit: it is in the middle of its work from now on
        if not first.startswith(b"ok "):
            writer.kill()
            pytest.fail(f"run {run}: the writer did not start: {first!r} {writer.communicate()[1].decode()}")
        time.sleep(chance.uniform(*WINDOW))
        writer.kill()  # SIGKILL on POSIX: no atexit, no rollback, no flush of anything not yet flushed
        rest, errors = writer.communicate(timeout=30)
        # A -journal left behind: the kill landed inside a write transaction, which the next open rolls back.
        mid_write += Path(f"{path}-journal").exists()
        assert writer.returncode != 0, errors  # killed, not ended by an error of its own
        people, present = _committed((first + rest).decode("utf-8"))
        reported |= people
        reported_present |= present
        in_file, present_in_file = _check_file(path, journal)
        assert reported <= in_file, f"run {run}: reported but lost: {sorted(reported - in_file)[:10]}"
        assert reported_present <= present_in_file, f"run {run}: attendance lost"
    elapsed = time.monotonic() - started
    opened = open_app_database(db.url, create=False)
    try:
        assert verify_log(opened.db).intact
    finally:
        opened.db.dispose()
    assert len(reported) > kills  # every run committed at least its first person
    print(f"\ncrash test ({journal}): {kills} kills in {elapsed:.1f} s, {len(reported)} people reported, all there"
          + (f"; {mid_write} kills inside a write transaction (hot journal)" if share else ""))
