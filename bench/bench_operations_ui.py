"""Benchmark: how long the window freezes while long work runs, on the 100,000-participant demo database.

For each piece of work (the final report, the programme card, the schedule PDF, the XLSX export of the whole
registry, the EU data set), measured with medians over ``--repeat`` rounds:

* **runner**: the work queued on the window's operations runner as the buttons now do (the heavy ones in the
  worker process, the programme card on the runner's thread), until its result is back on the UI thread; the longest lateness of a 5 ms timer on the UI thread meanwhile (a freeze the user
  would feel);
* **baseline**, in the same run: the same service called on the UI thread, as the landed code did, and the
  same timer's longest lateness.

    python bench/bench_operations_ui.py [--db /tmp/pal-bench/demo-100000.sqlite3] [--repeat 3]

Target (issue "A window that never freezes"): no stall over 50 ms while the work runs on the runner.
The database is built once if missing (``pal-desktop demo --participants 100000``) and only read afterwards.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_participants_ui import DEFAULT_DB, ensure_database  # noqa: E402

TARGET_MS = 50.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ensure_database(args.db, args.participants)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix="pal-bench-ops-"))
    os.environ["PAL_CONFIG_DIR"] = str(scratch)
    os.environ["PAL_DATA_DIR"] = str(scratch)

    from PySide6.QtCore import QTimer

    from pal_desktop.app import application
    from pal_desktop.services import programmes, reports
    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.participants import ParticipantQuery
    from pal_desktop.ui.main_window import MainWindow
    from pal_desktop.worker_process import ProcessCall

    app = application()
    db = open_app_database("sqlite:///" + args.db.as_posix(), create=False).db
    programme_id = programmes.active_programme(db).id
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    app.processEvents()

    query = ParticipantQuery(programme_id=programme_id)
    # As the window queues them: the heavy ones in the worker process, the card on the runner's thread.
    work = {
        "raport końcowy": ProcessCall("pal_desktop.services.indicators:monitoring_report_pdf", db, (programme_id,),
                                      {"final": True}),
        "karta programu": lambda progress: reports.programme_card_pdf(db, programme_id),
        "harmonogram A4": ProcessCall("pal_desktop.services.schedule:schedule_pdf", db, (programme_id, "A4")),
        "eksport XLSX": ProcessCall("pal_desktop.services.participant_export:export_participants", db,
                                    (query, scratch / "uczestnicy.xlsx"), progress=True),
        "dane EFS": ProcessCall("pal_desktop.services.efs_export:export_efs", db,
                                (programme_id, scratch / "efs.xlsx", None), progress=True),
    }

    def queue(name, job, done):
        if isinstance(job, ProcessCall):
            return window.operations.submit_heavy(name, job, done)
        return window.operations.submit(name, job, done)

    def on_ui_thread(job, done):
        done(job.run_here(None) if isinstance(job, ProcessCall) else job(None))

    def measured(run) -> tuple[float, float]:
        """(seconds until done, longest timer lateness in seconds) while ``run(finished)`` does the work."""
        ticks: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            ticks.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        finished = []
        timer.start()
        started = last[0] = time.perf_counter()
        run(lambda *_: finished.append(time.perf_counter()))
        while not finished:
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()
        timer.stop()
        tick()
        return finished[0] - started, max(ticks)

    results: dict[str, dict[str, list[tuple[float, float]]]] = {}
    for _ in range(args.repeat):
        for name, job in work.items():
            on_runner = measured(lambda done, name=name, job=job: queue(name, job, done))
            on_ui = measured(lambda done, job=job: on_ui_thread(job, done))
            results.setdefault(name, {}).setdefault("runner", []).append(on_runner)
            results[name].setdefault("ui", []).append(on_ui)

    window.close()
    db.dispose()

    def med(values, index):
        return statistics.median(v[index] for v in values) * 1000

    print(f"Long work in the window, {args.db}, offscreen 1366x768, {args.repeat} rounds, medians:")
    print(f"  {'work':16} {'on runner':>10} {'stall':>8} {'on UI (old)':>12} {'stall':>8} "
          f"{'stall ratio':>11} {'stall/50 ms':>11}")
    worst = 0.0
    for name, by_kind in results.items():
        run_time, run_stall = med(by_kind["runner"], 0), med(by_kind["runner"], 1)
        ui_time, ui_stall = med(by_kind["ui"], 0), med(by_kind["ui"], 1)
        worst = max(worst, run_stall)
        print(f"  {name:16} {run_time:7.0f} ms {run_stall:5.1f} ms {ui_time:9.0f} ms {ui_stall:5.1f} ms "
              f"{ui_stall / run_stall:11.1f} {run_stall / TARGET_MS:11.2f}")
    print(f"  worst median stall on the runner: {worst:.1f} ms (target {TARGET_MS:.0f} ms)")
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
