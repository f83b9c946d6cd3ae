"""Benchmark: what signing in adds to a start (issue 12).

On one SQLite file with an administrator account, the start's own database work (opening the file and
bringing it to the schema, ``open_app_database``, as the window does after its first paint) is timed
``--repeat`` times, and so is a sign-in (``sign_in``: the argon2 check of the password, the counters and the
log entry). Medians of each and their ratio are printed; the sign-in is what the user waits for after
pressing *Zaloguj*.

    python bench/bench_sign_in.py --repeat 15
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this source tree, not an installed copy


def _median_ms(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    from pal_desktop.services import sign_in, users
    from pal_desktop.services.database import open_app_database
    from pal_desktop.storage.db import dispose_all

    with tempfile.TemporaryDirectory() as folder:
        url = "sqlite:///" + (Path(folder) / "bench.sqlite3").as_posix()
        db = open_app_database(url).db
        users.create_first_administrator(db, "admin", "", "Tajne-haslo-1")

        def open_once():
            open_app_database(url).db.dispose()

        opening = _median_ms(open_once, args.repeat)
        signing = _median_ms(lambda: sign_in.sign_in(db, "admin", "Tajne-haslo-1"), args.repeat)
        dispose_all()
    print(f"opening the database (median of {args.repeat}): {opening:.1f} ms")
    print(f"signing in (median of {args.repeat}):             {signing:.1f} ms")
    print(f"ratio sign-in / opening: {signing / opening:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
