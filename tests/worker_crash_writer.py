"""A writer the crash test kills at random moments: it saves people and their attendance, forever.

    python -m tests.worker_crash_writer URL EVENT_ID RUN [share]

``share``: the file is taken for one on a network share (plain path, rollback journal instead of WAL).

After each commit it prints (flushed) ``ok ID`` for the participant and ``present ID`` for the attendance,
so that whatever it printed before the kill is known to be committed.
"""

from __future__ import annotations

import datetime as dt
import sys

from pal_desktop.domain.enums import SupportReason
from pal_desktop.services import attendance, participants
from pal_desktop.services.demo import pesel_for
from pal_desktop.storage.db import Database, create_db_engine


def main(url: str, event_id: int, run: int, share: bool = False) -> int:
    if share:
        from pal_desktop.storage import network_paths

        network_paths.is_network_path = lambda path, platform=None: True
    db = Database(url, create_db_engine(url))
    number = 0
    while number < 1000:  # distinct PESELs: 1,000 birth days per run, 1940 to 1995 over 20 runs
        birth = dt.date(1940, 1, 1) + dt.timedelta(days=run * 1000 + number)
        saved = participants.create_participant(db, participants.ParticipantInput(
            first_name=f"Zofia{number}", last_name=f"Żółkiewska{run}", pesel=pesel_for(birth, number % 999, False),
            city="Kłobuck", reasons=(SupportReason.POVERTY,) if number % 2 else ()))
        print(f"ok {saved.id}", flush=True)
        attendance.add_walk_in(db, event_id, saved.id)
        print(f"present {saved.id}", flush=True)
        number += 1
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:] == ["share"]))
