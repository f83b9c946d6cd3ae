"""Benchmark: what the safe upgrade costs on a big SQLite database (issue "Never lose a record", part 4).

Builds a demo database of ``--participants`` people, then times on copies of it:
- ``PRAGMA foreign_key_check`` alone (what every upgrade now runs before its commit);
- an upgrade by a throwaway revision that rebuilds ``participant`` (batch mode: copy, DROP, rename), with
  the child rows counted before and after (they must be equal).

    python bench/bench_upgrade.py [--participants 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILDREN = ("attendance", "enrolment", "household_member", "participant_reason", "cash_assistance")


def counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("participant", *CHILDREN)}
    finally:
        connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    folder = Path(tempfile.mkdtemp(prefix="pal-bench-upgrade-"))
    os.environ.setdefault("PAL_DATA_DIR", str(folder / "data"))
    os.environ.setdefault("PAL_CONFIG_DIR", str(folder / "config"))
    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.demo import generate_demo
    from pal_desktop.storage import migrate
    from tests.storage.test_safe_upgrades import REBUILD

    source = folder / "demo.sqlite3"
    started = time.perf_counter()
    opened = open_app_database("sqlite:///" + source.as_posix())
    generate_demo(opened.db, args.participants, seed=3)
    opened.db.dispose()
    print(f"demo of {args.participants} people built in {time.perf_counter() - started:.1f} s, "
          f"{source.stat().st_size / 1e6:.1f} MB; {counts(source)}")

    checks, upgrades = [], []
    scripts = folder / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_rebuild.py").write_text(
        REBUILD.format(head=migrate.head_revision(), extra="pass"), encoding="utf-8")
    for round_ in range(args.repeat):
        copy = folder / f"copy{round_}.sqlite3"
        shutil.copyfile(source, copy)
        connection = sqlite3.connect(copy)
        started = time.perf_counter()
        dangling = connection.execute("PRAGMA foreign_key_check").fetchall()
        checks.append(time.perf_counter() - started)
        connection.close()
        assert dangling == []
        before = counts(copy)
        migrate.MIGRATIONS_DIR, real_head = scripts, migrate.SCHEMA_HEAD
        migrate.SCHEMA_HEAD = "0099_rebuild"
        try:
            started = time.perf_counter()
            result = migrate.open_database("sqlite:///" + copy.as_posix())
            upgrades.append(time.perf_counter() - started)
            result.database.dispose()
        finally:
            migrate.MIGRATIONS_DIR, migrate.SCHEMA_HEAD = Path(migrate.__file__).parent / "migrations", real_head
        after = counts(copy)
        assert after == before, (before, after)
    check, upgrade = statistics.median(checks), statistics.median(upgrades)
    print(f"foreign_key_check: median {check * 1000:.0f} ms; rebuild of participant with the check and a backup "
          f"copy first: median {upgrade:.2f} s (check {100 * check / upgrade:.0f} % of it); child rows kept: "
          f"{before}")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
