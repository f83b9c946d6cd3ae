"""``pal-desktop report final``, ``--no-suppress`` of the periodic report, and ``pal-desktop export
indicators``: their arguments and which service each calls."""

from __future__ import annotations

from pathlib import Path

NO_SUPPRESS_HELP = ("pokaż także liczby 1 i 2 osób (wydruk do użytku wewnętrznego; zapisywany w dzienniku "
                    "dostępu); domyślnie ukryte jako „<3”")


def add_report_documents(documents, monitoring) -> None:
    """The final report under ``report``, and ``--no-suppress`` for the periodic one."""
    from pal_desktop.cli import _positive_int

    monitoring.add_argument("--no-suppress", action="store_true", help=NO_SUPPRESS_HELP)
    final = documents.add_parser("final", help="raport końcowy: cele, rezultaty, produkty, harmonogram, uczestnicy, "
                                               "wolontariat, wnioski (każdy wydruk zapisywany jako wersja)")
    final.add_argument("--programme", type=_positive_int, metavar="ID", help="numer programu (domyślnie aktywny)")
    final.add_argument("--reprint", type=_positive_int, metavar="N",
                       help="wydrukuj ponownie zapisaną wersję N, dokładnie tak jak wtedy")
    final.add_argument("--no-suppress", action="store_true", help=NO_SUPPRESS_HELP)
    final.add_argument("-o", "--output", required=True, type=Path, metavar="PLIK.pdf", help="plik wynikowy PDF")


def final_report(db, args) -> bytes:
    from pal_desktop.services import final_report as service

    if args.reprint:
        return service.reprint_final_report(db, args.reprint, args.programme)
    return service.print_final_report(db, args.programme, suppress=not args.no_suppress)


def add_indicators_export(kinds) -> None:
    from pal_desktop.cli import _date, _positive_int

    export = kinds.add_parser("indicators", help="wskaźniki i tabele sprawozdań (XLSX, arkusz na tabelę)")
    export.add_argument("file", type=Path, metavar="PLIK", help="plik .xlsx")
    export.add_argument("--from", dest="date_from", type=_date, metavar="DATA",
                        help="początek okresu, dd.mm.rrrr albo rrrr-mm-dd (domyślnie początek programu)")
    export.add_argument("--to", dest="date_to", type=_date, metavar="DATA",
                        help="koniec okresu, dd.mm.rrrr albo rrrr-mm-dd (domyślnie koniec programu)")
    export.add_argument("--programme", type=_positive_int, metavar="ID", help="program (domyślnie aktywny program)")
    export.add_argument("--no-suppress", action="store_true", help=NO_SUPPRESS_HELP)


def cmd_export_indicators(db, programme_id: int | None, args) -> int:
    from pal_desktop.errors import NotFoundError
    from pal_desktop.services.indicator_export import export_indicators

    if programme_id is None:
        raise NotFoundError("Nie ma programu o numerze {id}.", id="—")
    path = export_indicators(db, programme_id, args.file, args.date_from, args.date_to,
                             suppress=not args.no_suppress)
    print(f"Zapisano wskaźniki i tabele sprawozdań: {path}")
    return 0
