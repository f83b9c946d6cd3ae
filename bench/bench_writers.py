"""Benchmark: several processes saving people into one SQLite file as fast as they can.

Prints the refused saves and the throughput of 4 writers as a ratio to 1 writer (the baseline, same run),
medians over ``--repeat`` rounds. Target (issue "Never lose a record"): 0 refused saves. It also prints the
price of durability: one writer with the program's ``synchronous=FULL`` against the same writer with
``synchronous=NORMAL`` (which can lose the last commits on a power cut), in the same run. With
``--import-rows N`` (10,000 by default) the four writers are three saving people and one importing a sheet of
N people into the same file at the same time, as when one PC imports while others work.

    python bench/bench_writers.py [--saves 200] [--repeat 3] [--import-rows 10000]
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


def run_round(url: str, writers: int, saves: int, synchronous: str = "") -> tuple[float, int, int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    started = time.perf_counter()
    extra = [synchronous] if synchronous else []
    processes = [subprocess.Popen([sys.executable, "-m", "tests.worker_writer", url, str(worker), str(saves), *extra],
                                  stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT) for worker in range(writers)]
    lines = [line for process in processes for line in process.communicate()[0].splitlines()]
    elapsed = time.perf_counter() - started
    saved = sum(line.startswith("ok") for line in lines)
    refused = sum(line.startswith("refused") for line in lines)
    return saved / elapsed, saved, refused


def import_worker(url: str, sheet: str) -> int:
    """The fourth writer: preview and apply a sheet, printing ``ok N`` (rows created) or ``refused MESSAGE``."""
    from pal_desktop.errors import PalError
    from pal_desktop.services.participant_import import apply_import, preview_import
    from pal_desktop.storage.db import Database, create_db_engine

    db = Database(url, create_db_engine(url))
    try:
        report = apply_import(db, preview_import(db, Path(sheet)))
        print(f"import {report.created}", flush=True)
    except PalError as error:
        print(f"refused {error}", flush=True)
    db.dispose()
    return 0


def run_mixed(url: str, saves: int, sheet: Path) -> tuple[float, int, int, int]:
    """Three people writers and one import at once: (saves/s of the three, saved, refused, rows imported)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    started = time.perf_counter()
    importer = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--import-worker", url, str(sheet)],
                                stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    writers = [subprocess.Popen([sys.executable, "-m", "tests.worker_writer", url, str(worker), str(saves)],
                                stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT) for worker in range(3)]
    lines = [line for process in writers for line in process.communicate()[0].splitlines()]
    elapsed = time.perf_counter() - started
    imported_lines = importer.communicate()[0].splitlines()
    lines += imported_lines
    imported = sum(int(line.split()[1]) for line in imported_lines if line.startswith("import"))
    saved = sum(line.startswith("ok") for line in lines)
    refused = sum(line.startswith("refused") for line in lines)
    return saved / elapsed, saved, refused, imported


def main() -> int:
    if sys.argv[1:2] == ["--import-worker"]:
        sys.path.insert(0, str(ROOT))
        return import_worker(sys.argv[2], sys.argv[3])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200, help="saves per writer")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--import-rows", type=int, default=10_000, help="rows of the sheet imported meanwhile")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_import import build_sheet

    from pal_desktop.services.database import open_app_database

    sheet = Path(tempfile.mkdtemp(prefix="pal-bench-sheet-")) / "uczestnicy.xlsx"
    if args.import_rows:
        build_sheet(sheet, args.import_rows, seed=11)
    mixed: list[tuple[float, int, int, int]] = []

    results: dict[object, list[tuple[float, int, int]]] = {1: [], 4: [], "normal": []}
    for _ in range(args.repeat):
        for kind in (1, 4, "normal"):
            folder = Path(tempfile.mkdtemp(prefix="pal-bench-writers-"))
            url = "sqlite:///" + (folder / "pal.sqlite3").as_posix()
            open_app_database(url).db.dispose()
            writers = 1 if kind == "normal" else kind
            results[kind].append(run_round(url, writers, args.saves, "NORMAL" if kind == "normal" else ""))
        if args.import_rows:
            folder = Path(tempfile.mkdtemp(prefix="pal-bench-writers-"))
            url = "sqlite:///" + (folder / "pal.sqlite3").as_posix()
            open_app_database(url).db.dispose()
            mixed.append(run_mixed(url, args.saves, sheet))
    one = statistics.median(r[0] for r in results[1])
    normal = statistics.median(r[0] for r in results["normal"])
    four = statistics.median(r[0] for r in results[4])
    refused = sum(r[2] for r in results[4])
    saved = sum(r[1] for r in results[4])
    print(f"Saves of people into one SQLite file, {args.saves} per writer, {args.repeat} rounds, medians:")
    print(f"  1 writer : {one:7.1f} saves/s")
    print(f"  4 writers: {four:7.1f} saves/s together, ratio to 1 writer {four / one:.2f}")
    print(f"  refused with 4 writers: {refused} of {saved + refused} (target 0)")
    if mixed:
        print(f"  3 writers and an import of {args.import_rows} rows at once: "
              f"{statistics.median(m[0] for m in mixed):.1f} saves/s, rows imported {min(m[3] for m in mixed)}"
              f"–{max(m[3] for m in mixed)}, refused {sum(m[2] for m in mixed)} of "
              f"{sum(m[1] + m[2] for m in mixed)} (target 0)")
        refused += sum(m[2] for m in mixed)
    print(f"  1 writer, synchronous=NORMAL: {normal:7.1f} saves/s; FULL costs {100 * (1 - one / normal):.0f} % "
          f"(ratio FULL/NORMAL {one / normal:.2f})")
    return 0 if refused == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
