"""The command line signs in too: ``--user LOGIN`` with the password from ``PAL_PASSWORD`` or a prompt.

Once the database has any account, every command that reads or writes personal data refuses to run
without a valid account; on a database without accounts (IT's set-up: init, demo, the first ``user add``)
commands run as this PC's user, as before.
"""

from __future__ import annotations

import getpass
import os
import sys

from pal_desktop.errors import DatabaseError, PalError
from pal_desktop.messages import QT_TRANSLATE_NOOP

#: Commands that hold no personal data: they run without signing in.
FREE_COMMANDS = frozenset({"info"})
PASSWORD_VARIABLE = "PAL_PASSWORD"


def add_user_option(parser) -> None:
    parser.add_argument("--user", dest="signed_in_user", metavar="LOGIN",
                        help="zaloguj się na to konto (hasło: zmienna PAL_PASSWORD albo pytanie o hasło); "
                             "wymagane, gdy w bazie są konta użytkowników")


def read_password(prompt: str, variable: str = PASSWORD_VARIABLE) -> str:
    """The password from ``variable`` (scheduled tasks), else asked on the terminal without echo."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise PalError(QT_TRANSLATE_NOOP(
            "CliSignIn", "Brak hasła: ustaw zmienną {variable} albo uruchom polecenie w oknie terminala."),
            variable=variable)
    return getpass.getpass(prompt)


def authorise(args) -> None:
    """Sign in as ``--user`` when the database has accounts; refuse (PalError, exit 2) without one.

    The window (no command) asks for itself; given ``--user``, it starts signed in (no dialog)."""
    if args.command in FREE_COMMANDS or (args.command is None and not args.signed_in_user):
        return
    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.sign_in import sign_in
    from pal_desktop.services.users import has_accounts

    try:
        db = open_app_database(args.db, create=False).db
    except DatabaseError:
        return  # missing, empty or not ours: nothing to protect here; the command itself says what is wrong
    if not has_accounts(db):
        return
    if not args.signed_in_user:
        raise PalError(QT_TRANSLATE_NOOP(
            "CliSignIn", "W bazie są konta użytkowników: podaj swój login opcją --user LOGIN (hasło w zmiennej "
                         "PAL_PASSWORD albo wpisywane po pytaniu)."))
    sign_in(db, args.signed_in_user, read_password("Hasło: "))
