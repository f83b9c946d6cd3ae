"""``pal-desktop anonymise`` and ``pal-desktop programme list|deadline``: the end of a programme's records.

``programme deadline ID DATE`` sets the archiving deadline (the funder's retention period); after it
``anonymise --programme ID --yes`` anonymises the programme's participants. ``anonymise --participant ID
--reason TEXT --yes`` erases a candidate who never joined (art. 17 RODO) or, after the deadline, anonymises
one participant. Without ``--yes`` nothing happens: the command says what it would do and exits 2.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_NOT_CONFIRMED = 2


def add_anonymise_parsers(commands) -> None:
    from pal_desktop.cli import PolishArgumentParser, _date, _positive_int

    anonymise = commands.add_parser(
        "anonymise", help="anonimizuj uczestników programu po terminie archiwizacji albo usuń dane kandydata",
        description="Nieodwracalnie usuwa z bazy imiona, nazwiska, PESEL, adresy, dane kontaktowe, uwagi i skany "
                    "list; zostaje to, co liczą sprawozdania. Kopie zapasowe sprzed anonimizacji nadal "
                    "zawierają dane.")
    target = anonymise.add_mutually_exclusive_group(required=True)
    target.add_argument("--programme", type=_positive_int, metavar="ID", help="wszyscy uczestnicy programu")
    target.add_argument("--participant", type=_positive_int, metavar="ID", help="jedna osoba")
    anonymise.add_argument("--reason", default="", metavar="TEKST",
                           help="powód (wymagany dla jednej osoby; dla programu domyślnie „upływ okresu "
                                "archiwizacji”)")
    anonymise.add_argument("--yes", action="store_true", help="potwierdzam: operacja jest nieodwracalna")
    programme = commands.add_parser("programme", help="programy: lista i termin archiwizacji")
    actions = programme.add_subparsers(dest="action", metavar="CZYNNOŚĆ", required=True,
                                       parser_class=PolishArgumentParser)
    actions.add_parser("list", help="pokaż programy z ich numerami, okresem i terminem archiwizacji")
    deadline = actions.add_parser("deadline", help="ustaw termin archiwizacji programu")
    deadline.add_argument("programme_id", type=_positive_int, metavar="ID")
    deadline.add_argument("deadline", type=_date, metavar="DATA", help="dd.mm.rrrr albo rrrr-mm-dd")
    actions.add_parser("scrub", help="dokończ nadpisywanie pliku bazy po anonimizacji (gdy baza była otwarta "
                                     "w innym programie)")


def cmd_anonymise(args) -> int:
    from pal_desktop.services.anonymisation import anonymise_participant, anonymise_programme
    from pal_desktop.services.database import open_app_database

    db = open_app_database(args.db, create=False).db
    what = (f"uczestników programu nr {args.programme}" if args.programme
            else f"uczestnika nr {args.participant}")
    if not args.yes:
        print(f"Anonimizacja {what} jest nieodwracalna. Powtórz polecenie z opcją --yes, aby ją wykonać.")
        return EXIT_NOT_CONFIRMED
    if args.programme:
        result = anonymise_programme(db, args.programme, args.reason or "upływ okresu archiwizacji")
    else:
        result = anonymise_participant(db, args.participant, args.reason)
    if result.erased:
        print(f"Usunięto dane kandydata nr {args.participant} (art. 17 RODO).")
    else:
        print(f"Zanonimizowano osoby: {result.people}.")
    print(f"Zamaskowane wpisy dziennika: {result.redacted_entries}; usunięte skany list: {result.scans_cleared}.")
    if not result.scrubbed:
        print("Uwaga: baza była otwarta w innym programie, więc stare strony pliku nie zostały jeszcze nadpisane. "
              "Zamknij program na innych komputerach i uruchom „pal-desktop programme scrub”.")
    print("Kopie zapasowe sprzed anonimizacji nadal zawierają dane; usuń je po okresie ich przechowywania.")
    return EXIT_OK


def cmd_programme(args) -> int:
    from pal_desktop.services.anonymisation import set_archive_deadline
    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.formatting import format_date
    from pal_desktop.services.programmes import list_programmes

    db = open_app_database(args.db, create=False).db
    if args.action == "scrub":
        from pal_desktop.services.anonymisation import finish_scrub

        if finish_scrub(db):
            print("Plik bazy nadpisano: usunięte dane nie zostały w nim.")
            return EXIT_OK
        print("Baza jest nadal otwarta w innym programie; zamknij go i powtórz polecenie.")
        return EXIT_NOT_CONFIRMED
    if args.action == "deadline":
        set_archive_deadline(db, args.programme_id, args.deadline)
        print(f"Termin archiwizacji programu nr {args.programme_id}: {format_date(args.deadline)}.")
        return EXIT_OK
    for programme in list_programmes(db):
        deadline = format_date(programme.archive_until) if programme.archive_until else "nie ustawiono"
        state = " (zanonimizowano)" if programme.anonymised else ""
        print(f"{programme.id:>4}  {format_date(programme.start)}–{format_date(programme.end)}  "
              f"archiwizacja do: {deadline}{state}  {programme.title}")
    return EXIT_OK
