"""``pal-desktop backup [-o FOLDER_OR_FILE]`` and ``pal-desktop restore FILE [--yes]``."""

from __future__ import annotations

import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED = 0, 1


def add_backup_parsers(commands) -> None:
    backup = commands.add_parser("backup", help="zrób kopię zapasową bazy danych (sprawdzoną, z rotacją)")
    backup.add_argument("-o", "--output", type=Path, metavar="FOLDER_LUB_PLIK",
                        help="folder albo plik kopii (domyślnie folder kopii z ustawień, z datą w nazwie)")
    restore = commands.add_parser("restore", help="przywróć bazę danych z kopii zapasowej")
    restore.add_argument("file", type=Path, metavar="PLIK", help="plik kopii (pal-kopia-….sqlite3)")
    restore.add_argument("--yes", action="store_true", help="nie pytaj o potwierdzenie")


def cmd_backup(args) -> int:
    from pal_desktop.services import backup_rotation
    from pal_desktop.services.backup import backup_database
    from pal_desktop.services.database import open_app_database

    opened = open_app_database(args.db, create=False)
    try:
        path = backup_database(opened.db, args.output)
        if args.output is None or args.output.is_dir():
            backup_rotation.rotate(path.parent)
    finally:
        opened.db.dispose()
    print(f"Zapisano kopię zapasową: {path}")
    return EXIT_OK


def cmd_restore(args) -> int:
    from pal_desktop.services import restore
    from pal_desktop.storage.db import resolve_url, sqlite_path

    url = resolve_url(args.db)
    if sqlite_path(url) is not None:
        info = restore.describe_backup(args.file)
        print(f"Kopia: {info.path}")
        print(f"Data: {info.made.strftime('%d.%m.%Y %H:%M:%S')}, schemat {info.revision}")
        print(f"Uczestnicy: {info.participants}, wydarzenia: {info.events}, obecności: {info.attendance}")
    if not args.yes:
        print("Obecna baza zostanie zastąpiona (najpierw powstanie jej kopia). Kontynuować? [t/n] ", end="",
              flush=True)
        answer = sys.stdin.readline().strip().lower()
        if answer not in ("t", "tak", "y", "yes"):
            print("Przerwano; baza pozostała bez zmian.")
            return EXIT_FAILED
    result = restore.restore_database(url, args.file)
    if result.safety_backup:
        print(f"Kopia stanu sprzed przywrócenia: {result.safety_backup}")
    print(f"Przywrócono kopię: {result.restored.participants} uczestników, {result.restored.events} wydarzeń, "
          f"{result.restored.attendance} obecności.")
    return EXIT_OK
