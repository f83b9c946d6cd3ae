"""Benchmark: recording attendance for an event of 300 people through the real widget (offscreen).

Each toggle is a Space key press on the current row of ``AttendanceWidget``'s table, timed until the event
queue is empty again (the row repainted, the rate label updated); the cursor moves down a row between
toggles. The database is watched at the same time: a toggle must not run a single SQL statement (the list
is saved by Zapisz, in one transaction, which is timed too).

    QT_QPA_PLATFORM=offscreen python bench/bench_attendance.py --toggles 300

Target (issue "Events and attendance lists"): the median toggle under 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 50.0
TODAY = dt.date(2022, 6, 30)


def build_event(db, people: int) -> int:
    from pal_desktop.services import events
    from pal_desktop.services.demo import generate_demo
    from pal_desktop.services.programmes import active_programme

    generate_demo(db, people * 2 + 100, seed=1, today=TODAY)
    programme = active_programme(db)
    ids = [pid for pid, label in events.find_people(db, "", programme.id, limit=people * 3)
           if "zakończył" not in label][:people]
    event_id = events.create_event(db, events.EventInput(
        title="Gala wolontariuszy", event_date=dt.date(2022, 6, 10), start_time=dt.time(17, 0),
        end_time=dt.time(20, 0), place="Dom Kultury"))
    assert len(events.enrol(db, event_id, ids).enrolled) == people
    return event_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--toggles", type=int, default=300)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp())
    os.environ.setdefault("PAL_DATA_DIR", str(folder / "data"))
    os.environ.setdefault("PAL_CONFIG_DIR", str(folder / "config"))

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event as sa_event

    from pal_desktop.services.database import open_app_database
    from pal_desktop.ui.dialogs import questions
    from pal_desktop.ui.widgets.attendance_widget import AttendanceDialog

    app = QApplication.instance() or QApplication([])
    db = open_app_database("sqlite:///" + (folder / "bench.sqlite3").as_posix()).db
    event_id = build_event(db, args.people)

    dialog = AttendanceDialog(db, event_id, today=TODAY)
    dialog.resize(1120, 660)
    dialog.show()
    QTest.qWaitForWindowExposed(dialog)
    table = dialog.widget.table
    table.setFocus()
    app.processEvents()

    statements = []
    sa_event.listen(db.engine, "before_cursor_execute", lambda *a, **k: statements.append(a[2]))
    times = []
    for number in range(args.toggles):
        start = time.perf_counter()
        QTest.keyClick(table, Qt.Key.Key_Space)
        app.processEvents()
        times.append(time.perf_counter() - start)
        if number % 3 == 2:  # three toggles per person: obecny, nieobecny, usprawiedliwiony
            QTest.keyClick(table, Qt.Key.Key_Down)
            app.processEvents()
    toggled_queries = len(statements)

    questions.ask = lambda *a, **k: True  # unmarked people: save them as absent
    start = time.perf_counter()
    dialog.widget.save()
    save_ms = (time.perf_counter() - start) * 1000
    median = statistics.median(times) * 1000
    worst = max(times) * 1000
    print(f"{args.people} people, {args.toggles} toggles (Space): median {median:.2f} ms, "
          f"90th percentile {statistics.quantiles(times, n=10)[-1] * 1000:.2f} ms, max {worst:.2f} ms "
          f"(target median < {TARGET_MS:.0f} ms); SQL statements during toggles: {toggled_queries}; "
          f"Zapisz (one transaction): {save_ms:.0f} ms")
    dialog.widget.model.mark_saved({})
    dialog.close()
    db.dispose()
    return 0 if median < TARGET_MS and toggled_queries == 0 else 1


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip the interpreter's teardown of the Qt objects (PySide6 may crash there)
