"""Housekeeping the database needs after bulk work, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from sqlalchemy import text

from pal_desktop.storage.db import Database

#: Fewer new rows than this leave the planner's statistics as good as they were.
BULK_ROWS = 1000


def refresh_statistics(db: Database) -> None:
    """Re-read the tables' statistics (``ANALYZE``), so that queries plan for the rows now there.

    Right after a bulk load of 100,000 people PostgreSQL planned a search page at 91 ms and a count at 81 ms,
    against 11 ms and 48 ms once analysed; SQLite's planner likewise picks indexes from ``sqlite_stat1``.
    Both accept ANALYZE inside a transaction, so it takes the write lock like any other write.
    """
    with db.session() as session:
        session.execute(text("ANALYZE"))
