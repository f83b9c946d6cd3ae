"""Several processes saving into one database at once: they wait their turn, none is refused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pal_desktop.storage.models import Participant

ROOT = Path(__file__).resolve().parents[2]


def test_four_writers_at_once_are_never_refused(db, db_url):
    workers, saves = 4, 40
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    processes = [subprocess.Popen([sys.executable, "-m", "tests.worker_writer", db_url, str(worker), str(saves)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
                 for worker in range(workers)]
    lines = []
    for process in processes:
        out, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
        lines += out.splitlines()
    refused = [line for line in lines if line.startswith("refused")]
    saved = [int(line.split()[1]) for line in lines if line.startswith("ok")]
    assert refused == []
    assert len(saved) == workers * saves == len(set(saved))
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Participant)) == workers * saves


def test_the_busy_message_says_how_long_it_waited_and_what_to_do():
    from pal_desktop.storage.db import translate_operational_error

    error = translate_operational_error(Exception("database is locked"), "C:/pal.sqlite3", waited=15.2)
    assert "czekano 15 s" in str(error) and "spróbuj ponownie" in str(error)
    timeout = translate_operational_error(Exception("canceling statement due to lock timeout"), "serwer/pal")
    assert "nie odpowiedziała w czasie" in str(timeout) and "Nic nie zostało zapisane" in str(timeout)


def test_postgresql_connections_carry_the_lock_and_statement_timeouts(db):
    from sqlalchemy import text

    if db.backend != "postgresql":
        pytest.skip("SQLite has its busy timeout instead (the test above)")
    with db.reading() as session:
        assert session.execute(text("SHOW lock_timeout")).scalar() == "15s"
        assert session.execute(text("SHOW statement_timeout")).scalar() == "5min"
