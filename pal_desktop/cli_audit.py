"""``pal-desktop audit``: the access log on the command line.

``audit [filters] [--json]`` lists entries (newest first), ``audit verify`` checks the hash chain (exit 0
intact, exit 1 with the first broken entry), ``audit export PLIK.xlsx [filters]`` writes the filtered log.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_OK, EXIT_BROKEN = 0, 1


def _add_filters(parser, *, suppress: bool) -> None:
    # Suppressed defaults on the sub-command keep argparse from overwriting filters given before it.
    default = argparse.SUPPRESS if suppress else None
    from pal_desktop.cli import _date, _positive_int

    parser.add_argument("--participant", type=_positive_int, metavar="ID", default=default,
                        help="tylko wpisy dotyczące tego uczestnika")
    parser.add_argument("--user", metavar="LOGIN", default=default, help="tylko czynności tego użytkownika")
    parser.add_argument("--action", metavar="CZYNNOŚĆ", default=default,
                        help="tylko ta czynność: insert, update, delete, view, print, export, backup, screenshot")
    parser.add_argument("--from", dest="date_from", type=_date, metavar="DATA", default=default,
                        help="od dnia (dd.mm.rrrr albo rrrr-mm-dd)")
    parser.add_argument("--to", dest="date_to", type=_date, metavar="DATA", default=default,
                        help="do dnia włącznie (dd.mm.rrrr albo rrrr-mm-dd)")


def add_audit_parser(commands) -> None:
    from pal_desktop.cli import PolishArgumentParser, _positive_int

    audit = commands.add_parser(
        "audit", help="dziennik dostępu: kto, kiedy i co zmienił, otworzył, wydrukował lub wyeksportował",
        description="Bez podpolecenia wypisuje wpisy dziennika, od najnowszych. Dziennika nie można zmieniać; "
                    "„audit verify” sprawdza, czy żadnego wpisu nie zmieniono, nie usunięto ani nie przestawiono.")
    _add_filters(audit, suppress=False)
    audit.add_argument("--json", action="store_true", help="wpisy jako JSON")
    audit.add_argument("--limit", type=_positive_int, default=None, metavar="N", help="najwyżej N najnowszych wpisów")
    actions = audit.add_subparsers(dest="audit_command", metavar="PODPOLECENIE", parser_class=PolishArgumentParser)
    actions.add_parser("verify", help="sprawdź łańcuch skrótów dziennika (kod 0: nienaruszony, 1: naruszony)")
    export = actions.add_parser("export", help="zapisz dziennik (z filtrami) do pliku XLSX albo CSV")
    export.add_argument("file", type=Path, metavar="PLIK.xlsx", help="plik wynikowy .xlsx albo .csv")
    _add_filters(export, suppress=True)


def _filter(args):
    from pal_desktop.services.audit import AuditFilter

    return AuditFilter(participant_id=getattr(args, "participant", None), user=getattr(args, "user", None),
                       action=getattr(args, "action", None), date_from=getattr(args, "date_from", None),
                       date_to=getattr(args, "date_to", None))


def _verify(db) -> int:
    from pal_desktop.services.audit import verify_log

    result = verify_log(db)
    if result.intact:
        print(f"Dziennik nienaruszony: {result.entries} wpisów. Skrót ostatniego wpisu: {result.last_hash}")
        print("Zapisz ten skrót poza bazą (np. w protokole): późniejsze sprawdzenie potwierdzi, że dziennika "
              "nie przepisano w całości.")
        return EXIT_OK
    print(f"Dziennik NARUSZONY przy wpisie nr {result.broken_id}: {result.reason_text()}.")
    print(f"Wpisy przed nim ({result.entries - 1}) są nienaruszone.")
    return EXIT_BROKEN


def cmd_audit(args) -> int:
    from pal_desktop.services import audit
    from pal_desktop.services.database import open_app_database

    opened = open_app_database(args.db, create=False)
    try:
        if args.audit_command == "verify":
            return _verify(opened.db)
        flt = _filter(args)
        if args.audit_command == "export":
            count = audit.export_log(opened.db, args.file, flt)
            print(f"Zapisano {count} wpisów dziennika: {args.file}")
            return EXIT_OK
        lines = audit.list_entries(opened.db, flt, limit=args.limit)
        if args.json:
            print(json.dumps({"entries": [line.as_json() for line in lines]}, ensure_ascii=False, indent=2))
            return EXIT_OK
        for line in lines:
            people = f" osoby: {', '.join(map(str, line.subject_ids))}" if line.subject_ids else ""
            record = f" nr {line.record_id}" if line.record_id is not None else ""
            details = f" {line.details_text()}" if line.details else ""
            print(f"{line.id:>7}  {line.at:%d.%m.%Y %H:%M:%S}  {line.actor:<16} {line.action_label}: "
                  f"{line.what}{record}{people}{details}")
        if not lines:
            print("Brak wpisów spełniających warunki.", file=sys.stderr)
        return EXIT_OK
    finally:
        opened.db.dispose()
