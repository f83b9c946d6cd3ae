"""One of several processes saving people into one database as fast as it can (tests and bench/).

    python -m tests.worker_writer URL WORKER COUNT

Prints one line per save: ``ok ID`` or ``refused MESSAGE``, so that the parent can count both.
"""

from __future__ import annotations

import datetime as dt
import sys

from pal_desktop.errors import PalError
from pal_desktop.services import participants
from pal_desktop.services.demo import pesel_for
from pal_desktop.storage.db import Database, create_db_engine


def main(url: str, worker: int, count: int) -> int:
    db = Database(url, create_db_engine(url))
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
    raise SystemExit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
