"""The audit log as a hash chain: every entry carries the hash of the one before it.

An entry's hash is SHA-256 over a canonical JSON of its fields and the previous entry's hash, so editing an
entry breaks its own hash, and removing or moving one breaks the link of the entry after it. The chain is
extended inside the writing transaction, under the write lock (SQLite serialises writers; PostgreSQL takes
an advisory lock), so two writers never both link to the same last entry.

An entry's hash covers the SHA-256 of its ``changes`` (kept in ``changes_digest``), not the text itself, so
that anonymisation can mask the clear values of an entry about the anonymised person (names, addresses)
without breaking the chain: a masked entry is marked ``redacted_at``, its digest still links it, and every
anonymisation logs how many entries it masked, which ``verify`` checks against the masked entries it finds.

The chain alone cannot tell a whole log rewritten with recomputed hashes from the real one: ``audit verify``
prints the last hash, which the administrator notes down (or prints) to anchor the log outside the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import event, inspect, select, text
from sqlalchemy.orm import Session

from pal_desktop.storage.models import AuditEntry
from pal_desktop.storage.models.base import utcnow

GENESIS = "0" * 64
MASK = "***"
#: Any fixed number: the advisory lock PostgreSQL transactions take before extending the chain.
PG_LOCK_KEY = 0x5041_4C41

#: Fields whose values never go into the log in clear (PESEL and RODO art. 9/10 special-category data:
#: health, disability, addiction, violence, the support reasons that reveal them, free-text notes on people
#: and cash assistance). The log keeps the field's name and "***" for the old and the new value.
SENSITIVE: dict[str, frozenset[str]] = {
    # minority_or_foreign reveals ethnic origin (art. 9); search_text holds the PESEL.
    "participant": frozenset({"pesel", "document_number", "disability", "disability_degree", "minority_or_foreign",
                              "end_situation", "notes", "search_text"}),
    "participant_reason": frozenset({"reason"}),
    "support_path_item": frozenset({"form", "notes"}),
    "household": frozenset({"notes"}),
    "household_member": frozenset({"relation"}),
    "cash_assistance": frozenset({"benefit_type", "decision_number", "amount", "notes"}),
    "internship": frozenset({"notes"}),
    "volunteer": frozenset({"notes", "criminal_record_date", "register_check_date"}),
    "animator": frozenset({"notes"}),
    "app_user": frozenset({"password_hash"}),
}
#: Tables whose rows concern one participant through a ``participant_id`` column.
_PERSON_COLUMN = "participant_id"


def is_sensitive(table_name: str, field: str) -> bool:
    return field in SENSITIVE.get(table_name, ())


def subjects_text(ids: Iterable[int | None]) -> str:
    """People concerned, as ",12,45," so that one person is found with LIKE '%,12,%'."""
    unique = sorted({int(i) for i in ids if i is not None})
    return f",{','.join(map(str, unique))}," if unique else ""


def subjects_of(obj) -> str:
    """The participant a changed row is about: the row itself, or the one its ``participant_id`` names."""
    if getattr(obj, "__tablename__", "") == "participant":
        return subjects_text([getattr(obj, "id", None)])
    return subjects_text([getattr(obj, _PERSON_COLUMN, None)])


def parse_subjects(value: str | None) -> list[int]:
    return [int(part) for part in (value or "").split(",") if part]


def _at_text(value) -> str:
    if isinstance(value, str):  # raw SQLite text
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:  # SQLite gives back the UTC time without its zone
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def digest(changes: str | None) -> str:
    return hashlib.sha256((changes or "").encode("utf-8")).hexdigest()


def covered_digest(entry: dict) -> str:
    """The digest of the changes the hash covers: the stored one once the entry was masked, else computed."""
    if entry.get("redacted_at") is not None:
        return entry.get("changes_digest") or ""
    return digest(entry.get("changes"))


def canonical(entry: dict) -> str:
    """The fields an entry's hash covers, in one fixed textual form (the id is not covered: the chain orders)."""
    return json.dumps({
        "at": _at_text(entry["at"]), "actor": entry.get("actor") or "", "action": entry.get("action") or "",
        "table_name": entry.get("table_name") or "", "record_id": entry.get("record_id"),
        "changes_sha256": covered_digest(entry), "subject_ids": entry.get("subject_ids") or "",
        "prev_hash": entry.get("prev_hash") or "",
    }, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(entry: dict) -> str:
    return hashlib.sha256(canonical(entry).encode("utf-8")).hexdigest()


def legacy_entry_hash(entry: dict) -> str:
    """The hash before revision 0014, over the changes' text itself (for checking and restoring old chains)."""
    return hashlib.sha256(json.dumps({
        "at": _at_text(entry["at"]), "actor": entry.get("actor") or "", "action": entry.get("action") or "",
        "table_name": entry.get("table_name") or "", "record_id": entry.get("record_id"),
        "changes": entry.get("changes") or "", "subject_ids": entry.get("subject_ids") or "",
        "prev_hash": entry.get("prev_hash") or "",
    }, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")).hexdigest()


def lock_and_last_hash(connection) -> str:
    """Take the chain's lock, then read its end.

    PostgreSQL: an advisory lock held to the commit. SQLite: the database's write lock, taken by a write that
    changes nothing (the trigger fires per row, so none); read first, the end could be read from a snapshot
    that another writer's commit makes stale, and the insert would then fail as "database is locked" rather
    than wait for its turn.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
    elif connection.dialect.name == "sqlite":
        connection.execute(text("UPDATE audit_log SET id = id WHERE 0"))
    last = connection.execute(text("SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1")).scalar()
    return last or GENESIS


def link(rows: list[dict], prev: str) -> str:
    """Fill ``at``, ``prev_hash`` and ``entry_hash`` of ``rows`` in order, after ``prev``; returns the new end."""
    now = utcnow()
    for row in rows:
        row.setdefault("at", now)
        row.setdefault("subject_ids", "")
        row.setdefault("changes", "")
        row.setdefault("record_id", None)
        row["changes_digest"] = digest(row["changes"])
        row["prev_hash"] = prev
        row["entry_hash"] = prev = entry_hash(row)
    return prev


def append(connection, rows: list[dict]) -> None:
    """Insert audit rows (plain dicts of AuditEntry's columns) at the end of the chain."""
    if not rows:
        return
    link(rows, lock_and_last_hash(connection))
    connection.execute(AuditEntry.__table__.insert(), rows)


@event.listens_for(Session, "before_flush")
def _chain_added_entries(session: Session, _flush_context, _instances) -> None:
    """Entries added as ORM objects (summaries of bulk work) are chained before they are inserted."""
    added = sorted((obj for obj in session.new if isinstance(obj, AuditEntry) and not obj.entry_hash),
                   key=lambda obj: inspect(obj).insert_order)
    if not added:
        return
    rows = [{"at": obj.at or utcnow(), "actor": obj.actor, "action": obj.action, "table_name": obj.table_name,
             "record_id": obj.record_id, "changes": obj.changes or "", "subject_ids": obj.subject_ids or ""}
            for obj in added]
    link(rows, lock_and_last_hash(session.connection()))
    for obj, row in zip(added, rows, strict=True):
        obj.at, obj.changes, obj.subject_ids = row["at"], row["changes"], row["subject_ids"]
        obj.prev_hash, obj.entry_hash = row["prev_hash"], row["entry_hash"]
        obj.changes_digest = row["changes_digest"]


# ---- Checking the chain ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Break:
    """The first entry where the chain does not hold, and why (``edited``, ``removed``, ``reordered``)."""

    entry_id: int
    reason: str


@dataclass(frozen=True)
class ChainState:
    entries: int
    last_hash: str
    broken: Break | None
    redacted: int = 0


#: The action of the entry an anonymisation appends; its changes say how many entries it masked.
ANONYMISE_ACTION = "anonymise"
REDACTED_COUNT = "redacted_entries"
_COLUMNS = ("id", "at", "actor", "action", "table_name", "record_id", "changes", "changes_digest", "redacted_at",
            "subject_ids", "prev_hash", "entry_hash")


def _rows(connection, batch: int = 5000) -> Iterator[dict]:
    table = AuditEntry.__table__
    columns = [table.c[name] for name in _COLUMNS]
    after = 0
    while True:
        chunk = connection.execute(select(*columns).where(table.c.id > after).order_by(table.c.id)
                                   .limit(batch)).mappings().all()
        if not chunk:
            return
        yield from chunk
        after = chunk[-1]["id"]


def _masked_by_anonymisation(row) -> int:
    if row["action"] != ANONYMISE_ACTION or not row["changes"]:
        return 0
    try:
        return int(json.loads(row["changes"]).get(REDACTED_COUNT, 0))
    except (ValueError, TypeError, AttributeError):
        return 0


def verify(connection) -> ChainState:
    """Walk the log in id order; the first entry whose hash or link does not hold is reported.

    A masked entry's text cannot be checked, only its place in the chain; masked entries beyond what the
    anonymisations logged are reported at the first masked one ("unaccounted")."""
    expected, count, redacted, accounted, first_redacted = GENESIS, 0, 0, 0, None
    for row in _rows(connection):
        count += 1
        entry = dict(row)
        if row["redacted_at"] is not None:
            redacted += 1
            first_redacted = first_redacted or row["id"]
        elif row["changes_digest"] and row["changes_digest"] != digest(row["changes"]):
            return ChainState(count, expected, Break(row["id"], "edited"), redacted)
        accounted += _masked_by_anonymisation(row)
        if entry_hash(entry) != row["entry_hash"]:
            return ChainState(count, expected, Break(row["id"], "edited"), redacted)
        if row["prev_hash"] != expected:
            linked_to = connection.execute(text("SELECT id FROM audit_log WHERE entry_hash = :h"),
                                           {"h": row["prev_hash"]}).scalar()
            reason = "reordered" if linked_to is not None else "removed"
            return ChainState(count, expected, Break(row["id"], reason), redacted)
        expected = row["entry_hash"]
    if redacted > accounted:
        return ChainState(count, expected, Break(first_redacted, "unaccounted"), redacted)
    return ChainState(count, expected, None, redacted)


def verify_legacy(connection) -> ChainState:
    """The chain as revision 0011 built it (no digest columns yet): hash and link of each entry."""
    log = AuditEntry.__table__
    columns = [log.c[name] for name in ("id", "at", "actor", "action", "table_name", "record_id", "changes",
                                        "subject_ids", "prev_hash", "entry_hash")]
    expected, count, after = GENESIS, 0, 0
    while True:
        rows = connection.execute(select(*columns).where(log.c.id > after).order_by(log.c.id).limit(5000)) \
            .mappings().all()
        if not rows:
            return ChainState(count, expected, None)
        for row in rows:
            count += 1
            if legacy_entry_hash(dict(row)) != row["entry_hash"] or row["prev_hash"] != expected:
                return ChainState(count, expected, Break(row["id"], "edited"))
            expected = row["entry_hash"]
        after = rows[-1]["id"]


def redact(connection, entry_ids: Iterable[int]) -> int:
    """Mask every value in the changes of these entries (names, addresses of an anonymised person), keeping the
    field names and the digest that links the entry. Entries already masked are left. Returns how many."""
    table = AuditEntry.__table__
    ids = sorted(set(entry_ids))
    masked = 0
    for start in range(0, len(ids), 500):
        rows = connection.execute(select(table.c.id, table.c.changes).where(
            table.c.id.in_(ids[start:start + 500]), table.c.redacted_at.is_(None))).all()
        now = utcnow()
        for row in rows:
            connection.execute(table.update().where(table.c.id == row.id).values(
                changes=_masked_changes(row.changes), redacted_at=now))
        masked += len(rows)
    return masked


def _masked_changes(changes: str) -> str:
    try:
        fields = json.loads(changes) if changes else {}
    except ValueError:
        fields = None
    if not isinstance(fields, dict):
        return json.dumps({"redacted": MASK})
    return json.dumps({key: [MASK, MASK] for key in fields}, ensure_ascii=False)


__all__ = ["GENESIS", "MASK", "SENSITIVE", "ANONYMISE_ACTION", "REDACTED_COUNT", "append", "verify", "redact",
           "digest", "is_sensitive", "subjects_of", "subjects_text",
           "parse_subjects", "Break", "ChainState"]
