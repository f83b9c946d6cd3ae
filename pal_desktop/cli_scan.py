"""``pal-desktop scan attendance PLIK…``: read signed attendance lists from scans (PDF, JPG, PNG, TIFF).

Without ``--apply`` nothing is written. With it, what the reader is sure of is recorded and the pages are
kept with their events; a cell the reader is not sure of is decided by its best guess only with
``--accept-guesses`` (otherwise the window's review is the place for it, and nothing is recorded).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED = 0, 1


def add_scan_parser(commands) -> None:
    from pal_desktop.cli import PolishArgumentParser

    scan = commands.add_parser("scan", help="wczytaj skany podpisanych list obecności")
    kinds = scan.add_subparsers(dest="kind", metavar="DOKUMENTY", required=True, parser_class=PolishArgumentParser)
    attendance = kinds.add_parser(
        "attendance", help="listy obecności: kto się podpisał",
        description="Czyta strony list obecności wydrukowanych przez PAL Desktop (PDF z kopiarki, zdjęcia "
                    "JPG/PNG, TIFF; strony w dowolnej kolejności i orientacji). Bez --apply niczego nie zapisuje.")
    attendance.add_argument("files", type=Path, nargs="+", metavar="PLIK", help="skany: PDF, JPG, PNG, TIFF")
    attendance.add_argument("--apply", action="store_true", help="zapisz obecność i zachowaj skany przy wydarzeniach")
    attendance.add_argument("--accept-guesses", action="store_true",
                            help="z --apply: komórki niepewne rozstrzygnij według najlepszego przypuszczenia")
    attendance.add_argument("--json", action="store_true", help="wynik jako JSON (strona, lista, wiersze)")


def _page_json(page) -> dict:
    code = page.code
    return {
        "file": page.source, "file_page": page.source_page,
        "list": None if code is None else {"event_id": code.event_id, "series_id": code.series_id,
                                           "month": code.month, "version": code.version},
        "page": None if code is None else code.page, "pages": None if code is None else code.pages,
        "title": page.title, "problem": None if page.problem is None else page.problem.value,
        "advice": None if page.problem is None else page.problem.advice,
        "rows": [{"row": row.row, "participant_id": row.participant_id, "name": row.name, "event_id": row.event_id,
                  "signed": row.signed if row.signed is not None else row.likely,
                  "confidence": row.confidence, "needs_review": row.needs_review} for row in page.rows],
    }


def cmd_scan(args) -> int:
    from pal_desktop.cli_progress import TerminalProgress
    from pal_desktop.services import attendance_scan, attendance_scan_apply
    from pal_desktop.services.database import open_app_database

    missing = [str(path) for path in args.files if not path.is_file()]
    if missing:
        print(f"pal-desktop: błąd: nie znaleziono pliku: {', '.join(missing)}", file=sys.stderr)
        return 2
    opened = open_app_database(args.db, create=False)
    bar = TerminalProgress()
    result = attendance_scan.read_scans(opened.db, args.files,
                                        lambda done, total: bar("Czytanie skanów", done, total) or True)
    bar.finish()
    if args.json:
        print(json.dumps({"pages": [_page_json(page) for page in result.pages]}, ensure_ascii=False, indent=2))
    else:
        for page in result.pages:
            where = f"{page.source}, strona {page.source_page}" if page.source_page else page.source
            if page.problem is not None:
                print(f"{where}: {page.problem.advice}")
                continue
            signed = sum(1 for row in page.rows if row.signed)
            unsure = sum(1 for row in page.rows if row.needs_review)
            print(f"{where}: {page.title}, strona {page.code.page} z {page.code.pages}: podpisy {signed} "
                  f"z {sum(1 for row in page.rows if row.participant_id)}, do sprawdzenia {unsure}")
    if not args.apply:
        return EXIT_OK if not result.problems else EXIT_FAILED
    decisions = {}
    if args.accept_guesses:
        decisions = {(row.event_id, row.row): row.likely for page in result.usable for row in page.rows
                     if row.signed is None and row.participant_id}
    applied = attendance_scan_apply.apply_scan(opened.db, result, decisions)
    print(f"Zapisano obecność na {applied.events} wydarzeniach: obecni {applied.present}, nieobecni "
          f"{applied.absent}; zachowano {applied.pages_kept} stron skanów.")
    return EXIT_OK if not result.problems else EXIT_FAILED
