"""Benchmark: importing participants from an XLSX against reading the same sheet with openpyxl alone.

The sheet holds N realistic rows (the demo generator's people: Faker pl_PL names, valid PESELs, Polish
labels, dates as date cells, some PESELs as numbers that lost their leading zero). The baseline opens it the
way the import does (read_only, data_only) and walks every value; the import run is what a user waits for:
``preview_import`` (read, map, convert, validate) and ``apply_import`` into a fresh SQLite database.

    python bench/bench_import.py --rows 10000 --repeat 3

Target (issue "Participants and their families", part 6): the median ratio import / read stays within 5x.
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

TODAY = dt.date(2022, 6, 30)
HEADERS = ["Lp.", "Nazwisko", "Imię", "PESEL", "Nr dokumentu", "Data urodzenia", "Płeć", "Ulica", "Nr domu",
           "Nr lokalu", "Kod pocztowy", "Miejscowość", "Telefon", "E-mail", "Wykształcenie",
           "Status na rynku pracy", "Niepełnosprawność", "Stopień niepełnosprawności", "Status",
           "Data rozpoczęcia", "Data zakończenia", "Powody wsparcia", "Deklaracja", "RODO", "Uwagi"]


def build_sheet(path: Path, rows: int, seed: int) -> None:
    import openpyxl

    from pal_desktop.domain.enums import (
        DisabilityDegree,
        Education,
        LabourStatus,
        ParticipantStatus,
        SupportReason,
        TriState,
    )
    from pal_desktop.services import demo
    from pal_desktop.services.programmes import builtin_programme_data

    tasks = {t["number"]: {"id": t["number"], "start": dt.date.fromisoformat(t["start"]),
                           "end": dt.date.fromisoformat(t["end"])} for t in builtin_programme_data()["tasks"]}
    tables = demo.build_demo_rows({"id": 1, "start": dt.date(2021, 1, 1), "end": dt.date(2022, 12, 31)}, tasks,
                                  {}, {}, rows, seed, today=TODAY)
    reasons: dict[int, list[str]] = {}
    for row in tables.get("participant_reason", []):
        reasons.setdefault(row["participant_id"], []).append(SupportReason(row["reason"]).label)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Uczestnicy")
    sheet.append(["Ewidencja uczestników Programu Aktywności Lokalnej"])
    sheet.append([])
    sheet.append(HEADERS)
    for number, p in enumerate(tables["participant"], start=1):
        pesel = p["pesel"] or ""
        if pesel and number % 7 == 0:
            pesel = int(pesel)  # Excel turned it into a number (a leading zero is lost)
        sheet.append([
            number, p["last_name"], p["first_name"], pesel, p["document_number"], p["birth_date"],
            p["sex"], p["street_name"], p["house_number"], p["flat_number"], p["postal_code"], p["city"], p["phone"],
            p["email"], Education(p["education"]).label if p["education"] else "",
            LabourStatus(p["labour_status"]).label if p["labour_status"] else "",
            TriState(p["disability"]).label if p["disability"] else "",
            DisabilityDegree(p["disability_degree"]).label if p["disability_degree"] else "",
            ParticipantStatus(p["status"]).label, p["start_date"], p["end_date"], "; ".join(reasons.get(p["id"], [])),
            p["declaration_date"], p["data_protection_date"], p["notes"]])
    workbook.save(path)


def run_read(path: Path) -> float:
    import openpyxl

    started = time.perf_counter()
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = 0
    for row in workbook.worksheets[0].iter_rows(values_only=True):
        count += len(row)
    workbook.close()
    return time.perf_counter() - started


def run_import(path: Path, folder: Path, rows: int) -> float:
    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.participant_import import apply_import, preview_import

    opened = open_app_database("sqlite:///" + (folder / "import.sqlite3").as_posix())
    started = time.perf_counter()
    preview = preview_import(opened.db, path)
    report = apply_import(opened.db, preview)
    elapsed = time.perf_counter() - started
    opened.db.dispose()
    if report.created != rows or preview.error_rows:
        raise SystemExit(f"unexpected result: {report.created} created, first errors: {preview.errors[:3]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    read_times, import_times, ratios = [], [], []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        os.environ["PAL_DATA_DIR"] = str(folder / "data")
        sheet = folder / "uczestnicy.xlsx"
        build_sheet(sheet, args.rows, args.seed)
        print(f"sheet: {args.rows} rows, {sheet.stat().st_size / 1024:.0f} KiB", flush=True)
        for round_number in range(1, args.repeat + 1):
            with tempfile.TemporaryDirectory() as round_folder:
                read = run_read(sheet)
                imported = run_import(sheet, Path(round_folder), args.rows)
            read_times.append(read)
            import_times.append(imported)
            ratios.append(imported / read)
            print(f"round {round_number}: import {imported:.2f} s, openpyxl read {read:.2f} s, "
                  f"ratio {imported / read:.2f}", flush=True)
    ratio = statistics.median(ratios)
    print(f"median: import {statistics.median(import_times):.2f} s, openpyxl read "
          f"{statistics.median(read_times):.2f} s, ratio {ratio:.2f} (target <= 5.0) -> "
          f"{'OK' if ratio <= 5.0 else 'OVER TARGET'}")
    return 0 if ratio <= 5.0 else 1


if __name__ == "__main__":
    sys.exit(main())
