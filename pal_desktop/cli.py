"""The ``pal-desktop`` command line: the same service functions the window calls, for IT staff and scripts.

With no sub-command it opens the window. Errors print a Polish message and exit with status 2, without a
traceback.
"""

from __future__ import annotations

import argparse
import getpass
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
    parser.add_argument("--version", action="version", version=f"PAL Desktop {__version__}",
                        help="pokaż wersję programu i zakończ")
    commands = parser.add_subparsers(dest="command", metavar="POLECENIE", parser_class=PolishArgumentParser)
    commands.add_parser("init", help="utwórz bazę danych i wczytaj wbudowany program (PAL Kłobuck 2021-2022)")
    demo = commands.add_parser("demo", help="wypełnij bazę danymi demonstracyjnymi")
    demo.add_argument("--participants", type=_positive_int, default=200, metavar="N",
                      help="liczba uczestników (domyślnie 200)")
    demo.add_argument("--seed", type=int, default=1, metavar="S",
                      help="ziarno losowania: te same dane dla tego samego ziarna (domyślnie 1)")
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
    return parser


class TerminalProgress:
    """A one-line progress bar on stderr (plain lines when stderr is not a terminal)."""

    WIDTH = 30

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.interactive = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.stage = None
        self.started = time.perf_counter()
        self.last_plain = -1

    def __call__(self, stage: str, done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        if stage != self.stage:
            if self.stage is not None and self.interactive:
                self.stream.write("\n")
            self.stage = stage
            self.last_plain = -1
        filled = int(self.WIDTH * fraction)
        bar = "█" * filled + "░" * (self.WIDTH - filled)
        line = f"{stage:<28} [{bar}] {fraction:6.1%}  {done}/{total}"
        if self.interactive:
            self.stream.write("\r" + line)
        else:
            decile = int(fraction * 10)
            if decile == self.last_plain:
                return
            self.last_plain = decile
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.interactive and self.stage is not None:
            self.stream.write("\n")
        self.stream.flush()


def _set_actor() -> None:
    from pal_desktop import config
    from pal_desktop.storage.models import current_actor

    login = config.load().user_login
    if not login:
        try:
            login = getpass.getuser()
        except Exception:  # noqa: BLE001 - no login name on some Windows service accounts
            login = "system"
    current_actor.set(login[:64])


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
    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.demo import generate_demo

    opened = open_app_database(args.db)
    progress = TerminalProgress()
    started = time.perf_counter()
    summary = generate_demo(opened.db, args.participants, args.seed, progress=progress)
    progress.finish()
    counts = summary.counts
    print(f"Dodano dane demonstracyjne do bazy {opened.db.location} w {time.perf_counter() - started:.1f} s: "
          f"{counts.get('participant', 0)} uczestników, {counts.get('household', 0)} gospodarstw domowych, "
          f"{counts.get('animator', 0)} animatorów, {counts.get('volunteer', 0)} wolontariuszy, "
          f"{counts.get('event', 0)} wydarzeń, {counts.get('attendance', 0)} wpisów obecności.")
    return EXIT_OK


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
    from pal_desktop.services import reports
    from pal_desktop.services.database import open_app_database

    opened = open_app_database(args.db, create=False)
    if args.document == "programme":
        content = reports.programme_card_pdf(opened.db, args.programme)
    else:  # pragma: no cover - argparse allows only the documents above
        raise AssertionError(args.document)
    path = reports.write_pdf(content, args.output)
    print(f"Zapisano: {path}")
    return EXIT_OK


def _cmd_gui(args) -> int:
    from pal_desktop.app import run_gui

    return run_gui(args.db)


COMMANDS = {"init": _cmd_init, "demo": _cmd_demo, "info": _cmd_info, "screenshot": _cmd_screenshot,
            "report": _cmd_report}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _cmd_gui(args)
    _set_actor()
    try:
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


def _os_error_text(error: OSError) -> str:
    import errno

    if error.errno == errno.ENOSPC:
        return "brak miejsca na dysku. Zwolnij miejsce i spróbuj ponownie."
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"brak uprawnień do „{error.filename}”."
    if error.errno == errno.ENOENT:
        return f"nie znaleziono „{error.filename}”."
    return f"{error.strerror or error} ({error.filename or ''})"
