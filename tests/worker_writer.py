"""One of several processes saving people into one database as fast as it can (tests and bench/).

    python -m tests.worker_writer URL WORKER COUNT [SYNCHRONOUS]

Prints one line per save: ``ok ID`` or ``refused MESSAGE``, so that the parent can count both. SYNCHRONOUS
(e.g. NORMAL) replaces the program's ``synchronous=FULL`` on SQLite, for the benchmark's price of durability.
"""

from __future__ import annotations

import datetime as dt
import sys

from pal_desktop.errors import PalError
from pal_desktop.services import participants
from pal_desktop.services.demo import pesel_for
from pal_desktop.storage.db import Database, create_db_engine


def main(url: str, worker: int, count: int, synchronous: str = "") -> int:
    engine = create_db_engine(url)
    if synchronous:
        from sqlalchemy import event

        @event.listens_for(engine, "connect")
        def _synchronous(dbapi_connection, _record) -> None:  # after the program's own settings
            dbapi_connection.execute(f"PRAGMA synchronous = {synchronous}")

    db = Database(url, engine)
    for number in range(count):
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=worker * 2000 + number)
        try:
            saved = participants.create_participant(db, participants.ParticipantInput(
                first_name=f"Osoba{number}", last_name=f"Pisarz{worker}", pesel=pesel_for(birth, number % 999, True)))
            print(f"ok {saved.id}", flush=True)
        except PalError as error:
            print(f"refused {error}", flush=True)
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *sys.argv[4:5]))
