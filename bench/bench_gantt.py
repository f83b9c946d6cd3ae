"""Benchmark: the Harmonogram tab (Gantt chart) and its PDF with 2,000 events under the 11 tasks.

Measures, offscreen, on the real widgets (medians):
  * opening the tab: from choosing it in a freshly opened window until the chart is painted (target 300 ms);
  * a full repaint of the chart's viewport at each zoom (``viewport().repaint()``, target 16 ms);
  * the schedule PDF against a bare ReportLab canvas drawing the same number of rectangles (target 3x),
    both timed in the same run.

    python bench/bench_gantt.py                      # 300 demo participants, events topped up to 2,000
    python bench/bench_gantt.py --demo 100000        # the full demo (generate_demo gives 2,000 events)

Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import ctypes
import datetime as dt
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = dt.date(2022, 6, 30)
OPEN_TARGET_MS = 300
REPAINT_TARGET_MS = 16
PDF_TARGET_RATIO = 3.0


def pin_none() -> None:
    """Work around PySide6 6.12.0 on CPython 3.11: every call of a void Qt method drops one reference to
    None (``sys.getrefcount(None)`` falls by one per call), so thousands of repaints end in "Fatal Python
    error: none_dealloc". Python 3.12+ makes None immortal; here the benchmark gives it a large reserve."""
    if sys.version_info < (3, 12):
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


def build_database(folder: Path, demo: int, events: int):
    from sqlalchemy import func, insert, select

    from pal_desktop.domain.enums import EventStatus
    from pal_desktop.services import programmes
    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.demo import generate_demo
    from pal_desktop.storage.models import Event, ScheduleTask

    path = folder / f"gantt-{demo}-{events}.sqlite3"
    fresh = not path.exists()
    opened = open_app_database("sqlite:///" + path.as_posix())
    db = opened.db
    programme = programmes.active_programme(db)
    if fresh:
        print(f"building the database ({demo} demo participants, {events} events) ...", flush=True)
        generate_demo(db, demo, seed=11, today=TODAY)
        rng = random.Random(5)
        with db.session() as session:
            have = session.scalar(select(func.count()).select_from(Event)) or 0
            tasks = session.execute(select(ScheduleTask.id, ScheduleTask.start_date, ScheduleTask.end_date)
                                    .where(ScheduleTask.programme_id == programme.id)).all()
            rows = []
            for number in range(max(0, events - have)):
                task = tasks[number % len(tasks)]
                day = task.start_date + dt.timedelta(days=rng.randint(0, (task.end_date - task.start_date).days))
                status = EventStatus.HELD if day <= TODAY and rng.random() < 0.9 else EventStatus.PLANNED
                rows.append({"programme_id": programme.id, "task_id": task.id, "title": f"Zajęcia {number + 1}",
                             "event_date": day, "start_time": dt.time(rng.choice((10, 14, 16)), 0),
                             "place": "Świetlica, ul. Zamkowa 2", "status": status})
            if rows:
                session.execute(insert(Event), rows)
    with db.reading() as session:
        count = session.scalar(select(func.count()).select_from(Event).where(Event.programme_id == programme.id))
    return db, programme.id, count


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bench_open(db, repeat: int) -> list[float]:
    from PySide6.QtWidgets import QApplication

    from pal_desktop.ui.main_window import MainWindow

    app = QApplication.instance()
    samples = []
    for _ in range(repeat):
        window = MainWindow()
        window.resize(1366, 768)
        window.show()
        window.set_database(db)
        app.processEvents()
        tab = window.tab("schedule")
        tab.today_override = TODAY
        started = time.perf_counter()
        window.select_tab("schedule")
        tab.repaint()  # the tab, the list and the chart painted now
        samples.append(time.perf_counter() - started)
        assert tab.data is not None and tab.data.event_count >= 1
        window.close()
        window.deleteLater()
        app.processEvents()
    return samples


def bench_repaint(db, repeat: int) -> dict[str, list[float]]:
    from PySide6.QtWidgets import QApplication

    from pal_desktop.domain.schedule import Zoom
    from pal_desktop.ui.main_window import MainWindow

    app = QApplication.instance()
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.set_database(db)
    tab = window.tab("schedule")
    tab.today_override = TODAY
    window.select_tab("schedule")
    app.processEvents()
    viewport = tab.chart.viewport()
    results: dict[str, list[float]] = {}
    for zoom in Zoom:
        tab.set_zoom(zoom)
        tab.chart.scroll_to_date(TODAY)
        app.processEvents()
        viewport.repaint()  # warm-up (holidays are read at the first day/week paint)
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            viewport.repaint()
            samples.append(time.perf_counter() - started)
        results[zoom.name.lower()] = samples
    # The busiest task expanded: one row per event.
    busiest = max(range(tab.model.rowCount()), key=lambda r: len(tab.model.tasks[r].events))
    tab.tree.expand(tab.model.index(busiest, 0))
    tab.set_zoom(Zoom.MONTH)
    app.processEvents()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        viewport.repaint()
        samples.append(time.perf_counter() - started)
    results["month, busiest task expanded"] = samples
    window.close()
    return results


def bench_pdf(db, programme_id: int, rectangles: int, repeat: int) -> tuple[list[float], list[float], int]:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    from pal_desktop.services import schedule

    def bare() -> bytes:
        buffer = io.BytesIO()
        page = canvas.Canvas(buffer, pagesize=landscape(A4))
        width, height = landscape(A4)
        for number in range(rectangles):
            x = 40 + (number * 7) % (width - 80)
            y = 40 + (number * 13) % (height - 80)
            page.setFillColorRGB((number % 3) / 3, 0.4, 0.6)
            page.rect(x, y, 1.3, 6, fill=1, stroke=0)
        page.showPage()
        page.save()
        return buffer.getvalue()

    schedule.schedule_pdf(db, programme_id, "A4", today=TODAY)  # fonts registered once, as in the app
    bare()
    ours, theirs = [], []
    size = 0
    for _ in range(repeat):
        started = time.perf_counter()
        size = len(schedule.schedule_pdf(db, programme_id, "A4", today=TODAY))
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        bare()
        theirs.append(time.perf_counter() - started)
    return ours, theirs, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", type=int, default=300, metavar="N", help="demo participants (default 300)")
    parser.add_argument("--events", type=int, default=2000, help="events under the tasks (default 2000)")
    parser.add_argument("--repeat", type=int, default=30, help="repaints per zoom and PDFs (default 30)")
    parser.add_argument("--open-repeat", type=int, default=7, help="tab openings (default 7)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "pal-bench")
    args = parser.parse_args()
    pin_none()
    args.cache.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PAL_DATA_DIR", str(args.cache / "data"))
    os.environ.setdefault("PAL_CONFIG_DIR", str(args.cache / "config"))

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    db, programme_id, events = build_database(args.cache, args.demo, args.events)
    print(f"events in the programme: {events}")
    failed = False

    opened = median_ms(bench_open(db, args.open_repeat))
    ok = opened <= OPEN_TARGET_MS
    failed |= not ok
    print(f"open the Harmonogram tab: {opened:7.1f} ms median  (target {OPEN_TARGET_MS} ms) {'OK' if ok else 'MISSED'}")

    for name, samples in bench_repaint(db, args.repeat).items():
        value = median_ms(samples)
        ok = value <= REPAINT_TARGET_MS
        failed |= not ok
        print(f"full repaint, {name:<30} {value:6.2f} ms median  (target {REPAINT_TARGET_MS} ms) "
              f"{'OK' if ok else 'MISSED'}")

    from pal_desktop.services import schedule

    view = schedule.schedule_view(db, programme_id, TODAY)
    rectangles = len(view.tasks) + sum(len(t.events) for t in view.tasks)
    ours, theirs, size = bench_pdf(db, programme_id, rectangles, max(5, args.repeat // 3))
    ratio = statistics.median(ours) / statistics.median(theirs)
    ok = ratio <= PDF_TARGET_RATIO
    failed |= not ok
    print(f"schedule PDF (A4, {size // 1024} KB): {median_ms(ours):6.1f} ms median; bare ReportLab, {rectangles} "
          f"rectangles: {median_ms(theirs):6.1f} ms; ratio {ratio:4.2f} (target {PDF_TARGET_RATIO}) "
          f"{'OK' if ok else 'MISSED'}")
    db.dispose()
    del app
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
