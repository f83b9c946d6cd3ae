"""Benchmark: `demo --participants N` against plain sqlite3 executemany of the same rows.

Both runs write into a fresh database with the same schema. The baseline gets the rows already built and
already converted to what sqlite3 stores, so it measures the bare insert; the demo run measures what a user
waits for (building the rows, converting and inserting them in one transaction).

    python bench/bench_demo.py --participants 100000 --repeat 3

Target (issue 2): the median ratio demo / baseline stays within 4x.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

TODAY = dt.date(2022, 6, 30)


def _plain(value):
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S.%f")
    if isinstance(value, Decimal):
        return float(value)
    return value


def run_demo(folder: Path, participants: int, seed: int) -> float:
    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.demo import generate_demo

    opened = open_app_database("sqlite:///" + (folder / "demo.sqlite3").as_posix())
    started = time.perf_counter()
    generate_demo(opened.db, participants, seed, today=TODAY)
    elapsed = time.perf_counter() - started
    opened.db.dispose()
    return elapsed


def run_baseline(folder: Path, participants: int, seed: int) -> float:
    from sqlalchemy import func, select

    from pal_desktop.services import demo
    from pal_desktop.services.database import open_app_database
    from pal_desktop.storage.models import EventType, Programme, ScheduleTask

    path = folder / "baseline.sqlite3"
    opened = open_app_database("sqlite:///" + path.as_posix())
    with opened.db.reading() as session:
        programme = session.scalar(select(Programme))
        tasks = {t.position: {"id": t.id, "start": t.start_date, "end": t.end_date}
                 for t in session.scalars(select(ScheduleTask))}
        event_types = dict(session.execute(select(EventType.name, EventType.id)).all())
        first_ids = {t.name: (session.scalar(select(func.max(t.c.id))) or 0) + 1
                     for t in demo.TABLE_ORDER if "id" in t.c}
        info = {"id": programme.id, "start": programme.start_date, "end": programme.end_date}
    opened.db.dispose()
    tables = demo.build_demo_rows(info, tasks, event_types, first_ids, participants, seed, today=TODAY)
    prepared = []
    for table in demo.TABLE_ORDER:
        rows = tables.get(table.name, [])
        if not rows:
            continue
        columns = list(rows[0])
        sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        prepared.append((sql, [tuple(_plain(row[c]) for c in columns) for row in rows]))
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    started = time.perf_counter()
    connection.execute("BEGIN")
    for sql, params in prepared:
        connection.executemany(sql, params)
    connection.execute("COMMIT")
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    demo_times, base_times, ratios = [], [], []
    for round_number in range(1, args.repeat + 1):
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            os.environ["PAL_DATA_DIR"] = str(folder / "data")
            base = run_baseline(folder, args.participants, args.seed)
            demo_time = run_demo(folder, args.participants, args.seed)
        demo_times.append(demo_time)
        base_times.append(base)
        ratios.append(demo_time / base)
        print(f"round {round_number}: demo {demo_time:.2f} s, sqlite3 executemany {base:.2f} s, "
              f"ratio {demo_time / base:.2f}", flush=True)
    ratio = statistics.median(ratios)
    print(f"median: demo {statistics.median(demo_times):.2f} s, baseline {statistics.median(base_times):.2f} s, "
          f"ratio {ratio:.2f} (target <= 4.0) -> {'OK' if ratio <= 4.0 else 'OVER TARGET'}")
    return 0 if ratio <= 4.0 else 1


if __name__ == "__main__":
    sys.exit(main())
