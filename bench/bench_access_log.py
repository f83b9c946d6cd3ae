"""Benchmark: what logging an opened participant's page costs (the access log of issue 12).

A demo database (SQLite file, WAL) of ``--participants`` people; the page's data (``participant_profile``) is
loaded ``--opens`` times for people drawn at random, alternately with and without the access entry (which
is one short write transaction appending a hash-chained row). Medians of each, and their ratio, are printed;
the chain is verified at the end.

    python bench/bench_access_log.py --participants 2000 --opens 200
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this source tree, not an installed copy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=2000)
    parser.add_argument("--opens", type=int, default=200)
    parser.add_argument("--db", help="an existing database instead of a new demo one")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp())
    os.environ.setdefault("PAL_DATA_DIR", str(folder / "data"))
    os.environ.setdefault("PAL_CONFIG_DIR", str(folder / "config"))

    from sqlalchemy import select

    from pal_desktop.services import participant_profile
    from pal_desktop.services.audit import verify_log
    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.demo import generate_demo
    from pal_desktop.storage.models import Participant

    url = args.db or "sqlite:///" + (folder / "bench.sqlite3").as_posix()
    opened = open_app_database(url)
    db = opened.db
    if not args.db:
        generate_demo(db, args.participants, seed=3, today=dt.date(2022, 6, 30))
    with db.reading() as session:
        ids = list(session.scalars(select(Participant.id)))
    chooser = random.Random(5)
    plain, logged = [], []
    for round_number in range(args.opens * 2):
        pid = chooser.choice(ids)
        with_log = round_number % 2 == 1
        start = time.perf_counter()
        participant_profile.participant_profile(db, pid, record_view=with_log)
        (logged if with_log else plain).append((time.perf_counter() - start) * 1000)
    base, with_entry = statistics.median(plain), statistics.median(logged)
    started = time.perf_counter()
    check = verify_log(db)
    verify_ms = (time.perf_counter() - started) * 1000
    print(f"database: {db.backend}, {len(ids)} participants, {args.opens} opens each way")
    print(f"page load without logging: median {base:.2f} ms")
    print(f"page load with the access entry: median {with_entry:.2f} ms")
    print(f"cost of the entry: {with_entry - base:.2f} ms per opened page, ratio {with_entry / base:.2f}")
    print(f"audit verify: {check.entries} entries in {verify_ms:.0f} ms, intact: {check.intact}")
    opened.db.dispose()
    return 0 if check.intact else 1


if __name__ == "__main__":
    sys.exit(main())
