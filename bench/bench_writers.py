"""Benchmark: several processes saving people into one SQLite file as fast as they can.

Prints the refused saves and the throughput of 4 writers as a ratio to 1 writer (the baseline, same run),
medians over ``--repeat`` rounds. Target (issue "Never lose a record"): 0 refused saves.

    python bench/bench_writers.py [--saves 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_round(url: str, writers: int, saves: int) -> tuple[float, int, int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    started = time.perf_counter()
    processes = [subprocess.Popen([sys.executable, "-m", "tests.worker_writer", url, str(worker), str(saves)],
                                  stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT) for worker in range(writers)]
    lines = [line for process in processes for line in process.communicate()[0].splitlines()]
    elapsed = time.perf_counter() - started
    saved = sum(line.startswith("ok") for line in lines)
    refused = sum(line.startswith("refused") for line in lines)
    return saved / elapsed, saved, refused


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200, help="saves per writer")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from pal_desktop.services.database import open_app_database

    results: dict[int, list[tuple[float, int, int]]] = {1: [], 4: []}
    for _ in range(args.repeat):
        for writers in (1, 4):
            folder = Path(tempfile.mkdtemp(prefix="pal-bench-writers-"))
            url = "sqlite:///" + (folder / "pal.sqlite3").as_posix()
            open_app_database(url).db.dispose()
            results[writers].append(run_round(url, writers, args.saves))
    one = statistics.median(r[0] for r in results[1])
    four = statistics.median(r[0] for r in results[4])
    refused = sum(r[2] for r in results[4])
    saved = sum(r[1] for r in results[4])
    print(f"Saves of people into one SQLite file, {args.saves} per writer, {args.repeat} rounds, medians:")
    print(f"  1 writer : {one:7.1f} saves/s")
    print(f"  4 writers: {four:7.1f} saves/s together, ratio to 1 writer {four / one:.2f}")
    print(f"  refused with 4 writers: {refused} of {saved + refused} (target 0)")
    return 0 if refused == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
