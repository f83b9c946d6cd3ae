"""Logging who looked at, printed, exported, backed up or photographed personal data (RODO art. 5(2), 30, 32).

Changes of records are logged by the session hook; this is for what leaves no change behind. Each call is
one short transaction appending one hash-chained entry.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from pal_desktop.storage import audit_chain, file_guard
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import current_actor

VIEW, PRINT, EXPORT, BACKUP, SCREENSHOT = "view", "print", "export", "backup", "screenshot"
ACCESS_ACTIONS = (VIEW, PRINT, EXPORT, BACKUP, SCREENSHOT)


def access_entry(action: str, what: str, subject_ids: Iterable[int] = (), count: int | None = None, *,
                 record_id: int | None = None, **details) -> dict:
    """The row ``log_access`` appends: which people by id, or how many when there are too many to name."""
    subjects = audit_chain.subjects_text(subject_ids)
    ids = audit_chain.parse_subjects(subjects)
    if record_id is None and len(ids) == 1:
        record_id = ids[0]
    facts = {key: value for key, value in details.items() if value is not None}
    if count is not None:
        facts["count"] = count
    return {"actor": current_actor.get(), "action": action, "table_name": what[:60], "record_id": record_id,
            "subject_ids": subjects, "changes": json.dumps(facts, ensure_ascii=False, sort_keys=True) if facts else ""}


def log_access(db: Database, action: str, what: str, subject_ids: Iterable[int] = (), count: int | None = None,
               *, record_id: int | None = None, **details) -> None:
    """Append who did ``action`` (view, print, export, backup, screenshot) on ``what`` and whose data it held.

    A read-only database file (a copy on a CD, a locked share) cannot take the entry: it is shown unlogged,
    since refusing would not protect it (any SQLite tool reads the file as it is)."""
    if file_guard.is_read_only(db.engine):
        return
    row = access_entry(action, what, subject_ids, count, record_id=record_id, **details)
    with db.session(log_only=True) as session:
        audit_chain.append(session.connection(), [row])


__all__ = ["log_access", "access_entry", "VIEW", "PRINT", "EXPORT", "BACKUP", "SCREENSHOT", "ACCESS_ACTIONS"]
