"""Benchmark: the attendance list PDF of an event against a bare ReportLab document with the same table.

For an event with 30 and with 1,000 enrolled people, both measured in the same run (medians of --repeat runs):

* ours: ``attendance_lists.attendance_list_pdf(db, event_id)`` — reading the event and the people from the database, the
  header with organisation and programme on every page, "Strona X z Y", the signature block;
* baseline: ``SimpleDocTemplate`` + one ``Table`` of the same rows (Lp., name, empty signature cell, the same
  blank rows), the same DejaVu Sans font registration, nothing else.

    python bench/bench_attendance_pdf.py --repeat 7

Target (issue "Events and attendance lists"): ours / baseline within 2x for both sizes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET = 2.0


def build_event(db, people: int) -> int:
    from pal_desktop.services import events
    from pal_desktop.services.demo import generate_demo

    generate_demo(db, people * 2 + 100, seed=1, today=dt.date(2022, 6, 30))
    from pal_desktop.services.programmes import active_programme

    programme = active_programme(db)
    ids = [pid for pid, label in events.find_people(db, "", programme.id, limit=people * 2)
           if "zakończył" not in label][:people]
    event_id = events.create_event(db, events.EventInput(
        title="Warsztaty kulinarne — Łódź, Żółć", event_date=dt.date(2021, 10, 12), start_time=dt.time(16, 0),
        end_time=dt.time(18, 0), place="Świetlica „Pod Lipami”", leader_name="Jolanta Łęcka"))
    result = events.enrol(db, event_id, ids)
    assert len(result.enrolled) == people, (len(result.enrolled), people)
    return event_id


def baseline(names: list[str], blank_rows: int) -> bytes:
    """A bare document with the same table: the same rows, widths, row heights and font."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from pal_desktop.reports.styles import FONT, FONT_BOLD, MARGIN, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                 bottomMargin=MARGIN)
    usable = A4[0] - 2 * MARGIN
    rows = [["Lp.", "Imię i nazwisko", "Podpis"]]
    rows += [[f"{n}.", name, ""] for n, name in enumerate(names, start=1)]
    rows += [[f"{len(names) + 1 + i}.", "", ""] for i in range(blank_rows)]
    table = Table(rows, colWidths=[12 * mm, usable * 0.5 - 12 * mm, usable * 0.5], repeatRows=1,
                  rowHeights=[7 * mm] + [9 * mm] * (len(rows) - 1))
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
        ("FONTSIZE", (0, 0), (-1, -1), 10), ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, -1), "RIGHT"),
    ]))
    document.build([table])
    return buffer.getvalue()


def median_times(first, second, repeat: int) -> tuple[float, float]:
    """Medians of ``repeat`` runs of each, interleaved so that a busy moment of the machine hits both."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for function, bucket in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            function()
            bucket.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def measure(people: int, repeat: int, folder: Path) -> tuple[float, float]:
    from pal_desktop.services import attendance_lists, events
    from pal_desktop.services.database import open_app_database

    opened = open_app_database("sqlite:///" + (folder / f"bench-{people}.sqlite3").as_posix())
    db = opened.db
    try:
        event_id = build_event(db, people)
        names = [f"{r.first_name} {r.last_name}" for r in events.attendance_sheet(db, event_id)]
        blank = max(5, round(len(names) * 0.2))
        attendance_lists.attendance_list_pdf(db, event_id)  # warm up: fonts, imports, the first query
        baseline(names, blank)
        ours, bare = median_times(lambda: attendance_lists.attendance_list_pdf(db, event_id), lambda: baseline(names, blank),
                                  repeat)
    finally:
        db.dispose()
    return ours, bare


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--sizes", default="30,1000")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("PAL_DATA_DIR", str(Path(folder) / "data"))
        os.environ.setdefault("PAL_CONFIG_DIR", str(Path(folder) / "config"))
        worst = 0.0
        for people in (int(s) for s in args.sizes.split(",")):
            ours, bare = measure(people, args.repeat, Path(folder))
            ratio = ours / bare
            worst = max(worst, ratio)
            print(f"{people:>5} people: attendance_list_pdf {ours * 1000:8.1f} ms, bare ReportLab "
                  f"{bare * 1000:8.1f} ms, ratio {ratio:.2f}x (target <= {TARGET:.0f}x)")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
