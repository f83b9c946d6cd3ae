"""``pal-desktop settings show [--json]`` and ``pal-desktop settings set KLUCZ WARTOŚĆ``: an office set up by IT.

The same checks as Plik → Ustawienia… (services.office_settings); a value that breaks a rule exits with
status 2 and a Polish message naming the field, and nothing is stored.
"""

from __future__ import annotations

import argparse
import json
import sys

from pal_desktop.errors import ValidationError

EXIT_OK, EXIT_USAGE = 0, 2


def add_settings_parser(commands) -> None:
    from pal_desktop.cli import PolishArgumentParser
    from pal_desktop.services.office_settings import KEYS

    keys = "\n".join(f"  {key.key:<20} {key.label}" for key in KEYS)
    settings = commands.add_parser("settings", help="pokaż albo zmień ustawienia organizacji i lokalizację bazy")
    actions = settings.add_subparsers(dest="action", metavar="CZYNNOŚĆ", required=True,
                                      parser_class=PolishArgumentParser)
    show = actions.add_parser("show", help="pokaż wszystkie ustawienia")
    show.add_argument("--json", action="store_true", help="wypisz jeden obiekt JSON")
    change = actions.add_parser(
        "set", help="zmień jedno ustawienie",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Zmienia jedno ustawienie, sprawdzone tak jak w oknie Ustawienia. Klucze:\n" + keys
                    + "\n\nPusta wartość (\"\") czyści pole; „logos” przyjmuje od 0 do 4 plików PNG albo JPEG "
                      "(zastępują obecne, w podanej kolejności); „database” to ścieżka pliku SQLite albo adres "
                      "postgresql://…, obowiązuje od następnego uruchomienia (\"\" — baza domyślna).")
    change.add_argument("key", metavar="KLUCZ", help="nazwa ustawienia, np. name, postal_code, logos, database")
    change.add_argument("values", nargs="*", metavar="WARTOŚĆ", help="nowa wartość (dla logos: pliki)")


def _show_text(values: dict) -> None:
    from pal_desktop.services.office_settings import KEYS

    for key in KEYS:
        value = values[key.key]
        if key.key == "logos":
            value = ", ".join(f"{logo['file_name']} ({logo['format']}, {logo['bytes']} B)" for logo in value)
        elif key.key == "database":
            value = value or f"domyślna ({values['database_default']})"
        elif key.key in ("volunteer_hour_rate", "cash_warning_threshold") and value:
            value = f"{value} zł"
        print(f"{key.label} [{key.key}]: {value or '—'}")
    print(f"Otwarta teraz baza: {values['database_open']}")


def cmd_settings(args) -> int:
    from pal_desktop.errors import PalError
    from pal_desktop.services import office_settings
    from pal_desktop.services.database import open_app_database

    if args.action == "show":
        try:
            opened = open_app_database(args.db, create=False)
        except PalError as error:  # the location is still worth seeing: it may be what needs fixing
            local = office_settings.local_snapshot()
            print(f"Baza danych przy następnym uruchomieniu [database]: "
                  f"{local['database'] or 'domyślna (' + local['database_default'] + ')'}")
            print(f"pal-desktop: błąd: {error}", file=sys.stderr)
            return EXIT_USAGE
        try:
            values = office_settings.snapshot(opened.db)
        finally:
            opened.db.dispose()
        if args.json:
            print(json.dumps(values, ensure_ascii=False, indent=2))
        else:
            _show_text(values)
        return EXIT_OK
    key = office_settings.find_key(args.key)
    try:
        if key.key == "database":  # a setting of this PC: no database needs to be open for it
            stored = office_settings.set_value(None, key, args.values)
        else:
            opened = open_app_database(args.db, create=False)
            try:
                stored = office_settings.set_value(opened.db, key, args.values)
            finally:
                opened.db.dispose()
    except ValidationError as error:  # the field's name first, as the dialog shows it under the field
        print(f"pal-desktop: błąd: {key.label} [{key.key}]: {error}", file=sys.stderr)
        return EXIT_USAGE
    if key.key == "database":
        print(f"Zapisano: {key.label}: {stored or 'domyślna'}. Zmiana obowiązuje od następnego uruchomienia.")
    else:
        print(f"Zapisano: {key.label}: {stored or '—'}")
    return EXIT_OK
