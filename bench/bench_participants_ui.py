"""Benchmark: the real Uczestnicy tab on the 100,000-participant demo database, offscreen.

Measures, with medians over ``--repeat`` rounds:

* opening the tab: ``MainWindow.set_database`` (count + first page, on the UI thread) until the rows are shown;
* every keystroke of a search typed character by character ("kowal", then "łuk"), until the table shows the
  new result: the whole wait (including the 150 ms pause the search field waits for typing to stop) and the
  work after that pause (background query + model reset + paint);
* the longest time the UI thread was blocked while typing (a 5 ms timer measures its own lateness);
* the baseline, measured in the same run: the bare service calls ``search_participants`` (first 200 rows) and
  ``count_participants`` for the same texts, one after the other, without Qt.

    python bench/bench_participants_ui.py [--db /tmp/pal-bench/demo-100000.sqlite3] [--repeat 5]

The database is built once if missing (``python -m pal_desktop --db … demo --participants 100000``, a few
minutes) and only read afterwards. Target (issue "Participants and their families"): a keystroke's result
within 100 ms (the work after the typing pause).
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

DEFAULT_DB = Path("/tmp/pal-bench/demo-100000.sqlite3")
TEXTS = ("kowal", "łuk")
TARGET_MS = 100.0


def ensure_database(path: Path, participants: int) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"Building {path} with {participants} demo participants (once)…", flush=True)
    subprocess.run([sys.executable, "-m", "pal_desktop", "--db", str(path), "demo", "--participants",
                    str(participants)], check=True)


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000 if values else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    ensure_database(args.db, args.participants)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix="pal-bench-ui-"))
    os.environ["PAL_CONFIG_DIR"] = str(scratch)  # masked PESEL, and no change to the user's own settings
    os.environ["PAL_DATA_DIR"] = str(scratch)

    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from pal_desktop.app import application
    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.participants import ParticipantQuery, count_participants, search_participants
    from pal_desktop.ui.main_window import MainWindow

    app = application()
    db = open_app_database("sqlite:///" + args.db.as_posix(), create=False).db

    def wait_for(condition, timeout: float = 30.0) -> None:
        end = time.perf_counter() + timeout
        while not condition():
            app.processEvents()
            if time.perf_counter() > end:
                raise SystemExit("timed out waiting for the table")
            time.sleep(0.0005)

    def shown(tab) -> bool:
        if not tab.is_current():
            return False
        tab.table.viewport().repaint()  # the rows painted, as a user would see them
        return True

    # ---- Opening the tab
    open_times: list[float] = []
    window = None
    for _ in range(args.repeat):
        if window is not None:
            window.close()
            window.deleteLater()
            app.processEvents()
        window = MainWindow()
        window.resize(1366, 768)
        window.show()
        app.processEvents()
        started = time.perf_counter()
        window.set_database(db)
        tab = window.tab("participants")
        wait_for(lambda tab=tab: shown(tab))
        open_times.append(time.perf_counter() - started)
    tab = window.tab("participants")
    programme_id = tab._programme_id
    total = tab.model.rowCount()

    # ---- Typing
    stalls: list[float] = []
    last_tick = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        stalls.append(now - last_tick[0])
        last_tick[0] = now

    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    fired = [0.0]
    rows_at: dict[int, float] = {}
    count_at: dict[int, float] = {}
    tab._search_timer.timeout.connect(lambda: fired.__setitem__(0, time.perf_counter()))
    tab.model.sig_page_shown.connect(lambda generation: rows_at.__setitem__(generation, time.perf_counter()))
    tab.sig_count_shown.connect(lambda generation: count_at.__setitem__(generation, time.perf_counter()))

    whole: dict[str, list[float]] = {}
    work: dict[str, list[float]] = {}
    counted: dict[str, list[float]] = {}
    for _ in range(args.repeat):
        for text in TEXTS:
            tab.search.clear()
            wait_for(lambda: shown(tab))
            for length in range(1, len(text) + 1):
                prefix = text[:length]
                char = text[length - 1]
                last_tick[0] = time.perf_counter()
                ticker.start()
                started = time.perf_counter()
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(tab.search, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                                 Qt.KeyboardModifier.NoModifier, char))
                wait_for(lambda: shown(tab))
                ticker.stop()
                assert tab.search.text() == prefix
                generation = tab.model.generation
                rows = rows_at.get(generation, count_at[generation])  # nothing found: shown with the count
                whole.setdefault(prefix, []).append(rows - started)
                work.setdefault(prefix, []).append(rows - fired[0])
                counted.setdefault(prefix, []).append(count_at[generation] - fired[0])

    # ---- Baseline: the bare service, same texts
    baseline: dict[str, list[float]] = {}
    for _ in range(args.repeat):
        for text in TEXTS:
            for length in range(1, len(text) + 1):
                prefix = text[:length]
                query = ParticipantQuery(programme_id=programme_id, text=prefix)
                started = time.perf_counter()
                search_participants(db, query, 0, 200)
                count_participants(db, query)
                baseline.setdefault(prefix, []).append(time.perf_counter() - started)

    window.close()
    db.dispose()

    print(f"Uczestnicy tab, {args.db} ({total} rows on the first page), offscreen 1366x768, "
          f"{args.repeat} rounds, medians:")
    print(f"  open tab (count + first page shown): {median_ms(open_times):7.1f} ms")
    print("  (keystroke→rows includes the 150 ms typing pause; 'rows' and 'count' are measured from the end of it;")
    print("   'service' is search_participants + count_participants called directly, one after the other)")
    print(f"  {'typed':8} {'keystroke→rows':>15} {'rows':>9} {'count':>9} {'service':>9} {'rows/service':>12} "
          f"{'rows/100 ms':>11}")

    def line(label: str, w: float, k: float, c: float, b: float) -> None:
        print(f"  {label:8} {w:12.1f} ms {k:6.1f} ms {c:6.1f} ms {b:6.1f} ms {k / b:12.2f} {k / TARGET_MS:11.2f}")

    for text in TEXTS:
        for length in range(1, len(text) + 1):
            prefix = text[:length]
            line(repr(prefix), median_ms(whole[prefix]), median_ms(work[prefix]), median_ms(counted[prefix]),
                 median_ms(baseline[prefix]))

    def every(values: dict[str, list[float]]) -> list[float]:
        return [v for group in values.values() for v in group]

    line("all", median_ms(every(whole)), median_ms(every(work)), median_ms(every(counted)),
         median_ms(every(baseline)))
    print(f"  longest UI-thread stall while typing: {max(stalls) * 1000:.1f} ms "
          f"(median tick {median_ms(stalls):.1f} ms for a 5 ms timer)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
