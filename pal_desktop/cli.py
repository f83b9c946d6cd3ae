"""The ``pal-desktop`` command line: the same service functions the window calls, for IT staff and scripts.

With no sub-command it opens the window. Errors print a Polish message and exit with status 2, without a
traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import NoReturn

from pal_desktop import __version__
from pal_desktop.errors import PalError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

#: argparse's own messages, in Polish (argparse is not translated on Windows installs).
_ARGPARSE_PL = (
    ("the following arguments are required: ", "brakuje wymaganych argumentów: "),
    ("unrecognized arguments: ", "nieznane argumenty: "),
    ("invalid choice: ", "niepoprawny wybór: "),
    ("choose from ", "dozwolone: "),
    ("invalid int value: ", "niepoprawna liczba całkowita: "),
    ("expected one argument", "oczekiwano jednej wartości"),
    ("argument ", "argument "),
    ("invalid choice", "niepoprawny wybór"),
)


class PolishArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        for english, polish in _ARGPARSE_PL:
            message = message.replace(english, polish)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: błąd: {message}\n")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "użycie:", 1)

    def format_help(self) -> str:
        text = super().format_help().replace("usage:", "użycie:", 1)
        return (text.replace("\noptions:\n", "\nopcje:\n").replace("\npositional arguments:\n", "\nargumenty:\n")
                .replace("show this help message and exit", "pokaż tę pomoc i zakończ"))


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}” nie jest liczbą całkowitą") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"liczba musi być większa od zera (podano {value})")
    return value


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"rozmiar „{text}” musi mieć postać SZEROKOŚĆxWYSOKOŚĆ, np. 1366x768") \
            from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"rozmiar „{text}” jest poza zakresem 200-8000 pikseli")
    return width, height


def build_parser() -> PolishArgumentParser:
    parser = PolishArgumentParser(
        prog="pal-desktop",
        description="PAL Desktop — Program Aktywności Lokalnej: uczestnicy, harmonogram, wydarzenia i raporty. "
                    "Bez polecenia otwiera okno programu.",
    )
    parser.add_argument("--db", metavar="ADRES",
                        help="baza danych: ścieżka pliku SQLite albo adres postgresql://użytkownik:hasło@serwer/baza "
                             "(domyślnie zmienna PAL_DATABASE_URL albo plik w folderze danych użytkownika)")
    from pal_desktop.cli_signin import add_user_option

    add_user_option(parser)
    parser.add_argument("--version", action="version", version=f"PAL Desktop {__version__}",
                        help="pokaż wersję programu i zakończ")
    commands = parser.add_subparsers(dest="command", metavar="POLECENIE", parser_class=PolishArgumentParser)
    commands.add_parser("init", help="utwórz bazę danych i wczytaj wbudowany program (PAL Kłobuck 2021-2022)")
    demo = commands.add_parser("demo", help="wypełnij bazę danymi demonstracyjnymi")
    demo.add_argument("--participants", type=_positive_int, default=200, metavar="N",
                      help="liczba uczestników (domyślnie 200)")
    demo.add_argument("--seed", type=int, default=1, metavar="S",
                      help="ziarno losowania: te same dane dla tego samego ziarna (domyślnie 1)")
    demo.add_argument("--events", type=_positive_int, default=None, metavar="N",
                      help="liczba wydarzeń (domyślnie 1 na 50 uczestników, najwyżej 2000)")
    demo.add_argument("--capacity", type=_positive_int, default=None, metavar="N",
                      help="największa grupa na wydarzeniu (np. 66: 20 000 wydarzeń daje ok. miliona obecności)")
    from pal_desktop.cli_backup import add_backup_parsers

    add_backup_parsers(commands)
    info = commands.add_parser("info", help="pokaż, co jest w bazie danych")
    info.add_argument("--json", action="store_true", help="wypisz jeden obiekt JSON")
    shot = commands.add_parser("screenshot", help="zapisz obraz zakładki okna programu do pliku PNG")
    shot.add_argument("--tab", required=True, metavar="NAZWA",
                      help="zakładka: Uczestnicy, Animatorzy, Wolontariusze, Harmonogram, Wydarzenia, Raporty")
    shot.add_argument("-o", "--output", required=True, type=Path, metavar="PLIK.png", help="plik wynikowy PNG")
    shot.add_argument("--size", type=_size, default=(1366, 768), metavar="SZERxWYS",
                      help="rozmiar okna (domyślnie 1366x768)")
    report = commands.add_parser("report", help="wydrukuj dokument do pliku PDF")
    documents = report.add_subparsers(dest="document", metavar="DOKUMENT", required=True,
                                      parser_class=PolishArgumentParser)
    card = documents.add_parser("programme", help="karta programu: cele, harmonogram, rezultaty, produkty")
    card.add_argument("--programme", type=_positive_int, metavar="ID",
                      help="numer programu (domyślnie aktywny program)")
    card.add_argument("-o", "--output", required=True, type=Path, metavar="PLIK.pdf", help="plik wynikowy PDF")
    for name, text in (("participant-card", "karta uczestnika do akt: dane osobowe, dokumenty, otrzymane wsparcie"),
                       ("person-data", "wszystkie dane osoby i kto z nich korzystał (art. 15 RODO)"),
                       ("information-clause", "deklaracja uczestnictwa i klauzula informacyjna (art. 13 RODO)")):
        person_document = documents.add_parser(name, help=text)
        person_document.add_argument("--participant", required=True, type=_positive_int, metavar="ID",
                                     help="numer uczestnika w ewidencji")
        person_document.add_argument("-o", "--output", required=True, type=Path, metavar="PLIK.pdf",
                                     help="plik wynikowy PDF")
    attendance = documents.add_parser("attendance-list",
                                      help="lista obecności do podpisu: jedno wydarzenie albo miesiąc cyklu zajęć")
    which = attendance.add_mutually_exclusive_group(required=True)
    which.add_argument("--event", type=_positive_int, metavar="ID", help="numer wydarzenia")
    which.add_argument("--series", type=_positive_int, metavar="ID", help="numer cyklu zajęć (z --month)")
    attendance.add_argument("--month", type=_month, metavar="RRRR-MM", help="miesiąc cyklu, np. 2021-11")
    rows = attendance.add_mutually_exclusive_group()
    rows.add_argument("--blank-rows", type=int, metavar="N", help="liczba pustych wierszy na osoby spoza zapisów")
    rows.add_argument("--fill-page", action="store_true", help="puste wiersze do końca strony")
    attendance.add_argument("--birth-dates", action="store_true", help="kolumna z datą urodzenia")
    attendance.add_argument("--guardian-signature", action="store_true", help="kolumna na podpis rodzica lub opiekuna")
    attendance.add_argument("-o", "--output", required=True, type=Path, metavar="PLIK.pdf",
                            help="plik wynikowy PDF")
    chart = documents.add_parser("schedule", help="harmonogram jako wykres Gantta (A4 albo A3 poziomo)")
    chart.add_argument("--programme", type=_positive_int, metavar="ID",
                       help="numer programu (domyślnie aktywny program)")
    chart.add_argument("--paper", type=str.upper, choices=["A4", "A3"], default="A4",
                       help="format papieru, poziomo (domyślnie A4)")
    chart.add_argument("-o", "--output", required=True, type=Path, metavar="PLIK.pdf", help="plik wynikowy PDF")
    monitoring = documents.add_parser("monitoring", help="sprawozdanie z realizacji programu za okres "
                                                         "albo raport końcowy: wskaźniki, uczestnicy, wolontariat")
    monitoring.add_argument("--from", dest="date_from", type=_date, metavar="DATA",
                            help="początek okresu, dd.mm.rrrr albo rrrr-mm-dd (domyślnie początek programu)")
    monitoring.add_argument("--to", dest="date_to", type=_date, metavar="DATA",
                            help="koniec okresu, dd.mm.rrrr albo rrrr-mm-dd (domyślnie koniec programu)")
    monitoring.add_argument("--final", action="store_true", help="raport końcowy zamiast sprawozdania okresowego")
    monitoring.add_argument("--programme", type=_positive_int, metavar="ID",
                            help="numer programu (domyślnie aktywny program)")
    monitoring.add_argument("-o", "--output", required=True, type=Path, metavar="PLIK.pdf",
                            help="plik wynikowy PDF")
    from pal_desktop.cli_reports import add_report_documents
    from pal_desktop.cli_volunteers import add_volunteer_documents

    add_report_documents(documents, monitoring)
    add_volunteer_documents(documents)
    _add_import_parser(commands)
    _add_export_parser(commands)
    return parser


def _month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in text.split("-"))
        if not 1 <= month <= 12 or not 1900 < year < 2200:
            raise ValueError
    except ValueError:
        raise argparse.ArgumentTypeError(f"miesiąc „{text}” musi mieć postać RRRR-MM, np. 2021-11") from None
    return year, month


def _date(text: str):
    from pal_desktop.services.formatting import parse_date

    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"data „{text}” musi mieć postać dd.mm.rrrr albo rrrr-mm-dd") from None


def _participant_status(text: str):
    from pal_desktop.domain.enums import ParticipantStatus
    from pal_desktop.domain.text import fold

    for status in ParticipantStatus:
        if fold(text) in (fold(status.label), status.value):
            return status
    allowed = ", ".join(s.label for s in ParticipantStatus)
    raise argparse.ArgumentTypeError(f"nieznany status „{text}” (dozwolone: {allowed})")


def _add_import_parser(commands) -> None:
    imports = commands.add_parser("import", help="wczytaj dane z arkusza XLSX albo pliku CSV")
    kinds = imports.add_subparsers(dest="kind", metavar="DANE", required=True, parser_class=PolishArgumentParser)
    people = kinds.add_parser(
        "participants", help="uczestnicy z arkusza XLSX albo CSV (średnik lub przecinek, UTF-8 albo Windows-1250)",
        description="Wczytuje uczestników z pierwszego arkusza pliku XLSX albo z pliku CSV. Kolumny rozpoznaje po "
                    "nagłówkach (np. Nazwisko, Imię, PESEL, Data urodzenia, Adres, Status, Powody wsparcia). "
                    "Osoba, której PESEL jest już w rejestrze, jest pomijana, chyba że podano --update-existing; "
                    "puste komórki nie usuwają danych z rejestru. Jeśli choć jeden wiersz ma błąd, nic nie jest "
                    "zapisywane (chyba że podano --skip-errors), a każdy błąd jest wypisany w osobnym wierszu. "
                    "Kod wyjścia: 0 — wszystko wczytane; 1 — co najmniej jeden wiersz z błędem; 2 — plik nie do "
                    "odczytania albo inny błąd.")
    people.add_argument("file", type=Path, metavar="PLIK", help="plik .xlsx albo .csv")
    people.add_argument("--dry-run", action="store_true",
                        help="tylko sprawdź plik i pokaż podsumowanie; nic nie zapisuj")
    people.add_argument("--update-existing", action="store_true",
                        help="zaktualizuj osoby, których PESEL jest już w rejestrze (domyślnie są pomijane)")
    people.add_argument("--skip-errors", action="store_true",
                        help="zapisz poprawne wiersze, pomijając błędne (domyślnie błędny wiersz wstrzymuje cały "
                             "import)")
    people.add_argument("--programme", type=_positive_int, metavar="ID",
                        help="program, do którego trafią nowe osoby (domyślnie aktywny program)")
    people.add_argument("--mapping", metavar="NAZWA",
                        help="zapisane w programie przypisanie kolumn do pól (domyślnie rozpoznawane z nagłówków)")
    from pal_desktop.cli_efs import add_efs_import_parser

    add_efs_import_parser(kinds)


def _add_export_parser(commands) -> None:
    exports = commands.add_parser("export", help="zapisz dane do pliku XLSX, CSV albo kalendarza ICS")
    kinds = exports.add_subparsers(dest="kind", metavar="DANE", required=True, parser_class=PolishArgumentParser)
    people = kinds.add_parser(
        "participants", help="rejestr uczestników: wszystkie osoby spełniające filtr (pełny PESEL)",
        description="Zapisuje rejestr uczestników do pliku XLSX albo CSV (średnik, UTF-8 z BOM) — format według "
                    "rozszerzenia pliku. Plik zawiera dane osobowe: przechowuj go zgodnie z zasadami RODO.")
    people.add_argument("file", type=Path, metavar="PLIK", help="plik .xlsx albo .csv")
    people.add_argument("--status", action="append", type=_participant_status, metavar="STATUS",
                        help="tylko osoby o tym statusie: kandydat, uczestnik, zakończył, przerwał, rezerwa "
                             "(można podać kilka razy)")
    people.add_argument("--text", default="", metavar="TEKST",
                        help="tylko osoby, których nazwisko, imię, PESEL albo ulica zawiera ten tekst")
    people.add_argument("--programme", type=_positive_int, metavar="ID",
                        help="program (domyślnie aktywny program)")
    efs = kinds.add_parser(
        "efs", help="dane uczestników dla systemu monitorowania EFS (SL2014 — XLSX, SM EFS — CSV)",
        description="Zapisuje dane uczestników projektu w układzie perspektywy programu: SL2014 (2014-2020, PEFS, "
                    "plik XLSX) albo SM EFS (2021-2027, plik CSV, średnik, UTF-8 z BOM, daty rrrr-mm-dd, wiersz na "
                    "każdą udzieloną formę wsparcia). Rekordy, które system instytucji by odrzucił, są pomijane i "
                    "wypisywane z powodem. Kod wyjścia: 0 — wszystkie rekordy zapisane; 1 — część rekordów "
                    "pominięto; 2 — błąd.")
    efs.add_argument("file", type=Path, metavar="PLIK", help="plik .xlsx (SL2014) albo .csv (SM EFS)")
    efs.add_argument("--layout", choices=["sl2014", "smefs"],
                     help="układ danych: sl2014 albo smefs (domyślnie według perspektywy programu, a gdy jej "
                          "nie podano — według rozszerzenia pliku)")
    efs.add_argument("--programme", type=_positive_int, metavar="ID", help="program (domyślnie aktywny program)")
    efs.add_argument("--check", action="store_true", help="tylko sprawdź rekordy (pole po polu); nic nie zapisuj")
    from pal_desktop.cli_reports import add_indicators_export

    add_indicators_export(kinds)
    ics = kinds.add_parser(
        "ics", help="harmonogram do kalendarza (iCalendar .ics): zadania i wydarzenia",
        description="Zapisuje zadania harmonogramu (jako wydarzenia całodniowe na cały ich okres) i wydarzenia "
                    "programu (z godzinami, miejscem i opisem) do pliku iCalendar, który otworzy Outlook, "
                    "Thunderbird albo Kalendarz Google. Ponowny import tego samego pliku aktualizuje wpisy.")
    ics.add_argument("file", type=Path, metavar="PLIK.ics", help="plik wynikowy .ics")
    ics.add_argument("--programme", type=_positive_int, metavar="ID", help="program (domyślnie aktywny program)")
    from pal_desktop.cli_cash import add_cash_export_parser

    add_cash_export_parser(kinds)
    from pal_desktop.cli_scan import add_scan_parser

    add_scan_parser(commands)
    from pal_desktop.cli_audit import add_audit_parser

    add_audit_parser(commands)
    from pal_desktop.cli_settings import add_settings_parser

    add_settings_parser(commands)
    from pal_desktop.cli_users import add_user_parser

    add_user_parser(commands)
    from pal_desktop.cli_anonymise import add_anonymise_parsers

    add_anonymise_parsers(commands)


def _set_actor() -> None:
    """Every change made from here on is stamped with this PC user's login (the audit log's "who")."""
    from pal_desktop import config
    from pal_desktop.actor import current_actor, login_of_this_user

    current_actor.set_for_process(login_of_this_user(config.load().user_login))


def _cmd_init(args) -> int:
    from pal_desktop.services.database import initialise, open_app_database

    opened = open_app_database(args.db)
    programme_id, created = initialise(opened.db)
    if opened.created:
        print(f"Utworzono bazę danych: {opened.db.location}")
    else:
        print(f"Baza danych już istnieje: {opened.db.location}")
    if opened.upgraded_from:
        print(f"Zaktualizowano schemat bazy (z wersji {opened.upgraded_from}); kopia: {opened.backup}")
    print("Wczytano wbudowany program PAL Kłobuck 2021-2022." if created or opened.created
          else "Wbudowany program PAL Kłobuck 2021-2022 jest już w bazie.")
    return EXIT_OK


def _cmd_demo(args) -> int:
    try:
        import faker  # noqa: F401 - only to say what is missing before anything is opened
    except ImportError:
        print('pal-desktop: dane demonstracyjne wymagają pakietu Faker. Zainstaluj go poleceniem: '
              'pip install "pal-desktop[demo]" (albo pip install Faker).', file=sys.stderr)
        return EXIT_USAGE
    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.demo import generate_demo

    opened = open_app_database(args.db)
    from pal_desktop.cli_progress import TerminalProgress

    progress = TerminalProgress()
    started = time.perf_counter()
    summary = generate_demo(opened.db, args.participants, args.seed, progress=progress, events=args.events,
                            capacity=args.capacity)
    progress.finish()
    counts = summary.counts
    print(f"Dodano dane demonstracyjne do bazy {opened.db.location} w {time.perf_counter() - started:.1f} s: "
          f"{counts.get('participant', 0)} uczestników, {counts.get('household', 0)} gospodarstw domowych, "
          f"{counts.get('animator', 0)} animatorów, {counts.get('volunteer', 0)} wolontariuszy, "
          f"{counts.get('event', 0)} wydarzeń, {counts.get('attendance', 0)} wpisów obecności.")
    return EXIT_OK


NETWORK_SHARE_WARNING = (
    "  Uwaga: baza leży na dysku sieciowym. Może z niej korzystać tylko jeden komputer naraz (praca kilku "
    "stanowisk jednocześnie może uszkodzić dane). Dla kilku stanowisk użyj bazy PostgreSQL na serwerze.")


def _cmd_info(args) -> int:
    from pal_desktop.services.database import database_info, open_app_database

    opened = open_app_database(args.db, create=False)
    info = database_info(opened.db)
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
        return EXIT_OK
    labels = {"participants": "uczestnicy", "households": "gospodarstwa domowe", "animators": "animatorzy",
              "volunteers": "wolontariusze", "events": "wydarzenia", "attendance_records": "wpisy obecności",
              "schedule_tasks": "zadania harmonogramu", "programmes": "programy"}
    print(f"Baza danych: {info['database']}")
    if info["network_share"]:
        print(NETWORK_SHARE_WARNING)
    print(f"Wersja schematu: {info['schema_version']}")
    for key, label in labels.items():
        print(f"  {label}: {info['counts'][key]}")
    for programme in info["programmes"]:
        mark = "*" if programme["active"] else " "
        print(f" {mark} {programme['title']} ({programme['start']} – {programme['end']}, "
              f"zadań: {programme['tasks']})")
    return EXIT_OK


def _cmd_screenshot(args) -> int:
    from pal_desktop.app import screenshot

    path = screenshot(args.db, args.tab, args.output, args.size)
    print(f"Zapisano: {path}")
    return EXIT_OK


def _cmd_report(args) -> int:
    from pal_desktop.services import attendance_lists, reports
    from pal_desktop.services.database import open_app_database

    opened = open_app_database(args.db, create=False)
    if args.document == "programme":
        content = reports.programme_card_pdf(opened.db, args.programme)
    elif args.document == "participant-card":
        content = reports.participant_card_pdf(opened.db, args.participant)
    elif args.document in ("person-data", "information-clause"):
        from pal_desktop.services import person_data

        make = person_data.person_data_pdf if args.document == "person-data" else person_data.information_clause_pdf
        content = make(opened.db, args.participant)
    elif args.document == "attendance-list" and args.event:
        content = attendance_lists.attendance_list_pdf(opened.db, args.event, attendance_lists.ListOptions(
            blank_rows=args.blank_rows, fill_page=args.fill_page, birth_dates=args.birth_dates,
            guardian_signature=args.guardian_signature))
    elif args.document == "attendance-list":
        if args.month is None:
            raise PalError("Lista cyklu zajęć wymaga miesiąca: --month RRRR-MM.")
        content = attendance_lists.series_grid_pdf(
            opened.db, args.series, *args.month,
            blank_rows=attendance_lists.SERIES_BLANK_ROWS if args.blank_rows is None else args.blank_rows)
    elif args.document == "schedule":
        from pal_desktop.services import schedule

        content = schedule.schedule_pdf(opened.db, args.programme, args.paper)
    elif args.document == "monitoring":
        from pal_desktop.services import indicators

        content = indicators.monitoring_report_pdf(opened.db, args.programme, args.date_from, args.date_to,
                                                   args.final, suppress=not args.no_suppress)
    elif args.document == "final":
        from pal_desktop.cli_reports import final_report

        content = final_report(opened.db, args)
    elif args.document.startswith("volunteer-"):
        from pal_desktop.cli_volunteers import volunteer_report

        content = volunteer_report(opened.db, args)
    else:  # pragma: no cover - argparse allows only the documents above
        raise AssertionError(args.document)
    path = reports.write_pdf(content, args.output)
    print(f"Zapisano: {path}")
    return EXIT_OK


def _cmd_import(args) -> int:
    if args.kind == "efs":
        from pal_desktop.cli_efs import cmd_import_efs

        return cmd_import_efs(args)
    from pal_desktop.errors import ValidationError
    from pal_desktop.messages import QT_TRANSLATE_NOOP
    from pal_desktop.services import participant_import as importer
    from pal_desktop.services.database import open_app_database

    opened = open_app_database(args.db)
    mapping = None
    if args.mapping:
        mapping = importer.load_mapping(opened.db, args.mapping)
        if mapping is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Import", "Nie ma zapisanego przypisania kolumn „{name}”."),
                                  field="mapping", name=args.mapping)
    preview = importer.preview_import(opened.db, args.file, mapping, args.programme)
    failed = preview.error_rows
    print(f"Plik {preview.file_name}: wierszy z danymi {len(preview.rows)} — nowe osoby: {len(preview.new_rows)}, "
          f"osoby już w rejestrze: {len(preview.update_rows)}, wiersze z błędami: {len(failed)}.")
    for message in preview.errors:
        print(message)
    if args.dry_run:
        print("Próba (--dry-run): nic nie zostało zapisane.")
        return EXIT_FAILED if failed else EXIT_OK
    if failed and not args.skip_errors:
        print("Nic nie zostało zapisane. Popraw błędne wiersze w pliku albo uruchom import z --skip-errors, "
              "aby zapisać pozostałe.")
        return EXIT_FAILED
    report = importer.apply_import(opened.db, preview, update_existing=args.update_existing)
    line = f"Zapisano: dodano {report.created}, zaktualizowano {report.updated}"
    if report.skipped_existing:
        line += (f", pominięto osoby już w rejestrze: {report.skipped_existing} (aby je zaktualizować, użyj "
                 f"--update-existing)")
    if report.skipped_errors:
        line += f", pominięto wiersze z błędami: {report.skipped_errors}"
    print(line + ".")
    return EXIT_FAILED if failed else EXIT_OK


def _cmd_export(args) -> int:
    from pal_desktop.services import programmes
    from pal_desktop.services.database import open_app_database

    opened = open_app_database(args.db, create=False)
    programme_id = args.programme
    if programme_id is None:
        active = programmes.active_programme(opened.db)
        programme_id = active.id if active else None
    if args.kind == "ics":
        from pal_desktop.services import calendar_export

        path = calendar_export.write_ics(opened.db, args.file, programme_id)
        print(f"Zapisano kalendarz: {path} — {calendar_export.summary_text(opened.db, programme_id)}.")
        return EXIT_OK
    if args.kind == "indicators":
        from pal_desktop.cli_reports import cmd_export_indicators

        return cmd_export_indicators(opened.db, programme_id, args)
    if args.kind == "participants":
        from pal_desktop.services.participant_export import export_participants
        from pal_desktop.services.participants import ParticipantQuery

        query = ParticipantQuery(programme_id=programme_id, text=args.text, statuses=tuple(args.status or ()))
        count = export_participants(opened.db, query, args.file)
        print(f"Zapisano {count} osób: {args.file}")
        return EXIT_OK
    if args.kind == "cash":
        from pal_desktop.cli_cash import cmd_export_cash

        return cmd_export_cash(opened.db, programme_id, args)
    from pal_desktop.cli_efs import cmd_export_efs

    return cmd_export_efs(opened.db, programme_id, args)


def _cmd_backup(args) -> int:
    from pal_desktop.cli_backup import cmd_backup

    return cmd_backup(args)


def _cmd_restore(args) -> int:
    from pal_desktop.cli_backup import cmd_restore

    return cmd_restore(args)


def _cmd_scan(args) -> int:
    from pal_desktop.cli_scan import cmd_scan

    return cmd_scan(args)


def _cmd_audit(args) -> int:
    from pal_desktop.cli_audit import cmd_audit

    return cmd_audit(args)


def _cmd_settings(args) -> int:
    from pal_desktop.cli_settings import cmd_settings

    return cmd_settings(args)


def _cmd_user(args) -> int:
    from pal_desktop.cli_users import cmd_user

    return cmd_user(args)


def _cmd_anonymise(args) -> int:
    from pal_desktop.cli_anonymise import cmd_anonymise

    return cmd_anonymise(args)


def _cmd_programme(args) -> int:
    from pal_desktop.cli_anonymise import cmd_programme

    return cmd_programme(args)


def _cmd_gui(args) -> int:
    from pal_desktop.app import run_gui

    return run_gui(args.db)


COMMANDS = {"backup": _cmd_backup, "init": _cmd_init, "demo": _cmd_demo, "info": _cmd_info, "screenshot": _cmd_screenshot,
            "report": _cmd_report, "import": _cmd_import, "export": _cmd_export, "scan": _cmd_scan,
            "settings": _cmd_settings, "audit": _cmd_audit, "restore": _cmd_restore, "user": _cmd_user,
            "anonymise": _cmd_anonymise, "programme": _cmd_programme}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _set_actor()
    try:
        from pal_desktop.cli_signin import authorise

        authorise(args)
        if args.command is None:
            return _cmd_gui(args)
        return COMMANDS[args.command](args)
    except PalError as error:
        print(f"pal-desktop: błąd: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("pal-desktop: przerwano; nic nie zostało zapisane.", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        print(f"pal-desktop: błąd: {_os_error_text(error)}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        _close_databases()


def _close_databases() -> None:
    """A command's connections are closed when it ends, not whenever the garbage collector gets to them."""
    if "pal_desktop.storage.db" in sys.modules:
        sys.modules["pal_desktop.storage.db"].dispose_all()


def _os_error_text(error: OSError) -> str:
    import errno

    if error.errno == errno.ENOSPC:
        return "brak miejsca na dysku. Zwolnij miejsce i spróbuj ponownie."
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"brak uprawnień do „{error.filename}”."
    if error.errno == errno.ENOENT:
        return f"nie znaleziono „{error.filename}”."
    return f"{error.strerror or error} ({error.filename or ''})"
