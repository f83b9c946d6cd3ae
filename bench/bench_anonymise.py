"""Benchmark: anonymising a programme (issue 12), against rewriting the same database file alone.

A demo database (SQLite file, WAL) of ``--participants`` people, ``--edits`` of whom are renamed first so
that the log holds clear names to mask. Timed: ``anonymise_programme`` (bulk statements, masking, the
anonymisation's entry, then VACUUM and a WAL checkpoint) and, on a copy made before it, the VACUUM and
checkpoint alone (``maintenance.scrub``), each ``--repeat`` times on fresh copies; medians and their ratio
are printed, and the chain is verified after each anonymisation.

    python bench/bench_anonymise.py --participants 100000 --edits 2000 --repeat 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this source tree, not an installed copy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=5000)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp())
    os.environ.setdefault("PAL_DATA_DIR", str(folder / "data"))
    os.environ.setdefault("PAL_CONFIG_DIR", str(folder / "config"))

    from sqlalchemy import select

    from pal_desktop.services import participants
    from pal_desktop.services.anonymisation import anonymise_programme, set_archive_deadline
    from pal_desktop.services.audit import verify_log
    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.demo import generate_demo
    from pal_desktop.services.programmes import active_programme
    from pal_desktop.storage import maintenance
    from pal_desktop.storage.models import Participant

    source = folder / "source.sqlite3"
    db = open_app_database("sqlite:///" + source.as_posix()).db
    generate_demo(db, args.participants, seed=3, today=dt.date(2022, 6, 30))
    programme = active_programme(db).id
    with db.reading() as session:
        ids = list(session.scalars(select(Participant.id).limit(args.edits)))
    for pid in ids:
        detail = participants.get_participant(db, pid)
        participants.update_participant(db, pid, replace(participants.as_input(detail), phone="600 000 000",
                                                          last_name=detail.last_name + "-Testowa"))
    set_archive_deadline(db, programme, dt.date(2027, 12, 31))
    maintenance.scrub(db)
    db.dispose()
    size = source.stat().st_size

    def copy(name: str):
        target = folder / f"{name}.sqlite3"
        shutil.copyfile(source, target)
        return open_app_database("sqlite:///" + target.as_posix()).db

    anonymise, scrub_only = [], []
    for round_number in range(args.repeat):
        base = copy(f"scrub{round_number}")
        started = time.perf_counter()
        maintenance.scrub(base)
        scrub_only.append(time.perf_counter() - started)
        base.dispose()
        work = copy(f"anon{round_number}")
        started = time.perf_counter()
        result = anonymise_programme(work, programme, today=dt.date(2028, 1, 2))
        anonymise.append(time.perf_counter() - started)
        assert verify_log(work).intact and result.scrubbed
        work.dispose()
    a, s = statistics.median(anonymise), statistics.median(scrub_only)
    print(f"participants {args.participants}, renamed {args.edits}, file {size / 1e6:.1f} MB, "
          f"masked entries {result.redacted_entries}")
    print(f"anonymise_programme median {a:.2f} s; VACUUM + checkpoint alone median {s:.2f} s; ratio {a / s:.2f}")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
