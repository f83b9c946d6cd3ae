"""``pal-desktop user add|list|passwd|disable|enable``: accounts managed from the command line.

The first ``user add`` on a database without accounts creates its administrator without ``--user``; after
that only an administrator (``--user``) manages accounts, and anybody changes their own password.
A new password comes from ``PAL_NEW_PASSWORD`` or is asked for twice on the terminal.
"""

from __future__ import annotations

import json
import os

from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP

EXIT_OK = 0
NEW_PASSWORD_VARIABLE = "PAL_NEW_PASSWORD"
ROLE_CHOICES = {"administrator": "administrator", "koordynator": "koordynator", "pracownik": "pracownik",
                "podglad": "podglad", "podgląd": "podglad"}


def add_user_parser(commands) -> None:
    from pal_desktop.cli import PolishArgumentParser

    user = commands.add_parser("user", help="konta użytkowników: dodaj, pokaż, zmień hasło, wyłącz")
    actions = user.add_subparsers(dest="action", metavar="CZYNNOŚĆ", required=True, parser_class=PolishArgumentParser)
    add = actions.add_parser("add", help="dodaj konto (pierwsze konto w bazie: administrator, bez --user)")
    add.add_argument("login", metavar="LOGIN")
    add.add_argument("--role", required=True, choices=sorted(ROLE_CHOICES), metavar="ROLA",
                     help="administrator, koordynator, pracownik albo podglad")
    add.add_argument("--full-name", default="", metavar="IMIĘ_I_NAZWISKO")
    add.add_argument("--cash", action="store_true", help="pracownik z uprawnieniem „pomoc pieniężna”")
    listing = actions.add_parser("list", help="pokaż konta")
    listing.add_argument("--json", action="store_true", help="wypisz jedną tablicę JSON")
    passwd = actions.add_parser("passwd", help="zmień swoje hasło albo (administrator) nadaj hasło tymczasowe")
    passwd.add_argument("login", metavar="LOGIN")
    for name, text in (("disable", "wyłącz konto: nie zaloguje się"), ("enable", "włącz wyłączone konto")):
        actions.add_parser(name, help=text).add_argument("login", metavar="LOGIN")


def _new_password() -> str:
    from pal_desktop.cli_signin import read_password

    first = read_password("Nowe hasło: ", NEW_PASSWORD_VARIABLE)
    if NEW_PASSWORD_VARIABLE not in os.environ and read_password("Powtórz hasło: ", NEW_PASSWORD_VARIABLE) != first:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „Powtórz hasło” różni się od nowego hasła."),
                              field="repeated")
    return first


def cmd_user(args) -> int:
    from pal_desktop.actor import current_actor
    from pal_desktop.domain.enums import UserRole
    from pal_desktop.services import sign_in, users
    from pal_desktop.services.database import open_app_database

    db = open_app_database(args.db).db
    if args.action == "add":
        created = users.create_user(db, args.login, args.full_name, _new_password(),
                                    UserRole(ROLE_CHOICES[args.role]), cash=args.cash)
        print(f"Dodano konto {created.login} (rola: {created.role.label}"
              + (", pomoc pieniężna" if created.cash_permission else "") + ").")
    elif args.action == "list":
        accounts = users.list_users(db)
        if args.json:
            print(json.dumps([{"login": u.login, "full_name": u.full_name, "role": u.role.value, "active": u.active,
                               "cash": u.cash_permission} for u in accounts], ensure_ascii=False))
        for u in [] if args.json else accounts:
            state = "czynne" if u.active else "wyłączone"
            print(f"{u.login:<20} {u.role.label:<14} {state:<10} {'pomoc pieniężna' if u.cash_permission else '':<16}"
                  f"{u.full_name}")
    elif args.action == "passwd":
        if args.login.strip().lower() == current_actor.get():
            from pal_desktop.cli_signin import read_password

            old = read_password("Obecne hasło: ")
            sign_in.change_own_password(db, old, _new_password())
            print("Zmieniono hasło.")
        else:
            users.reset_password(db, args.login, _new_password())
            print(f"Nadano hasło tymczasowe kontu {args.login}: przy logowaniu trzeba będzie je zmienić.")
    else:
        changed = users.update_user(db, args.login, active=args.action == "enable")
        print(f"Konto {changed.login} jest {'czynne' if changed.active else 'wyłączone'}.")
    return EXIT_OK
