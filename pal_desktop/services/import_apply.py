"""Writing an import: the preview's valid rows in one transaction, all of them or, if anything fails (or the
user cancels), none.

A row whose PESEL is already in the registry (or, for a person without PESEL, whose identity document is)
updates that person, and only the columns the sheet fills: an empty cell never erases what the registry
knows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import selectinload

from pal_desktop.domain.permissions import Permission
from pal_desktop.domain.text import participant_search_text, sort_key
from pal_desktop.errors import ConflictError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import participants
from pal_desktop.services.access_control import require
from pal_desktop.services.import_preview import (
    PROGRESS_STEP,
    ImportPreview,
    Progress,
    RowResult,
    ask,
    chunks,
)
from pal_desktop.services.import_rows import document_key, registered_documents
from pal_desktop.services.participants import ParticipantInput
from pal_desktop.storage import audit_chain
from pal_desktop.storage.audit_chain import subjects_text
from pal_desktop.storage.db import Database
from pal_desktop.storage.maintenance import BULK_ROWS, refresh_statistics
from pal_desktop.storage.models import AuditEntry, Participant, ParticipantReason, current_actor
from pal_desktop.storage.models.base import utcnow


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    skipped_existing: int
    skipped_errors: int
    created_ids: tuple[int, ...] = ()
    errors: tuple[str, ...] = ()


def apply_import(db: Database, preview: ImportPreview, *, update_existing: bool | set[int] = False,
                 progress: Progress | None = None) -> ImportReport:
    """Write the valid rows in one transaction: new people are registered; people already in the registry are
    updated only where chosen (``True`` for all, or a set of sheet row numbers). Rows with errors are left out.
    If anything fails on the way, or ``progress(done, total)`` returns False (ImportCancelled), nothing is
    written."""
    require(Permission.EDIT_REGISTRY)
    def chosen(row: RowResult) -> bool:
        if isinstance(update_existing, bool):
            return update_existing
        return row.row_number in update_existing

    new_rows = preview.new_rows
    update_rows = [r for r in preview.update_rows if chosen(r)]
    skipped_existing = len(preview.update_rows) - len(update_rows)
    with db.session() as session:
        # Somebody may have registered one of these people since the preview.
        taken: dict[str, int] = {}
        pesels = [r.data.pesel for r in new_rows if r.data.pesel]
        for chunk in chunks(pesels):
            taken.update(session.execute(select(Participant.pesel, Participant.id)
                                         .where(Participant.pesel.in_(chunk))).tuples().all())
        documents = registered_documents(session)
        for row in new_rows:
            if row.data.no_pesel and document_key(row.data.document_number) in documents:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Import", "Wiersz {row}, Numer dokumentu: osoba z dokumentem {document} została dodana do "
                              "rejestru po przygotowaniu podglądu. Przygotuj podgląd ponownie; nic nie zostało "
                              "zapisane."), field="document_number", row=row.row_number,
                    document=row.data.document_number)
            if row.data.pesel in taken:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Import", "Wiersz {row}, PESEL: osoba z numerem PESEL {pesel} została dodana do rejestru po "
                              "przygotowaniu podglądu. Przygotuj podgląd ponownie; nic nie zostało zapisane."),
                    field="pesel", row=row.row_number, pesel=row.data.pesel)
        people: dict[int, Participant] = {}
        ids = [r.existing_id for r in update_rows if r.existing_id is not None]
        for chunk in chunks(ids):
            people.update((p.id, p) for p in session.scalars(
                select(Participant).where(Participant.id.in_(chunk)).options(
                    selectinload(Participant.reasons), selectinload(Participant.membership))))
        total = len(update_rows) + len(new_rows)
        ask(progress, 0, total)
        for done, row in enumerate(update_rows, start=1):
            if done % PROGRESS_STEP == 0:
                ask(progress, done, total)
            person = people.get(row.existing_id or 0)
            if person is None or person.version != row.existing_version:
                raise ConflictError(QT_TRANSLATE_NOOP(
                    "Errors", "Wiersz {row}: ktoś zmienił albo usunął tę osobę w rejestrze po przygotowaniu "
                              "podglądu. Przygotuj podgląd ponownie; nic nie zostało zapisane."), row=row.row_number)
            participants._apply(person, row.data)
        # The summary entry goes first: on SQLite this write takes the lock before new ids are chosen.
        session.add(AuditEntry(actor=current_actor.get(), action="bulk", table_name="participant_import",
                               record_id=None, changes=json.dumps(
                                   {"file": preview.file_name, "created": len(new_rows),
                                    "updated": len(update_rows)}, ensure_ascii=False)))
        session.flush()
        created_ids = _insert_new(session, [r.data for r in new_rows],
                                  lambda done: ask(progress, len(update_rows) + done, total))
        ask(progress, total, total)
    if len(created_ids) + len(update_rows) >= BULK_ROWS:
        refresh_statistics(db)
    return ImportReport(len(created_ids), len(update_rows), skipped_existing, len(preview.error_rows), created_ids,
                        tuple(preview.errors))


def _insert_new(session, people: list[ParticipantInput], written: Callable[[int], None]) -> tuple[int, ...]:
    """Register many people at once: what ``participants._apply`` writes, as one executemany per table.

    The ORM would build, track and flush an object per person and per reason (10,000 rows: most of the
    import's time). The columns are ``participants._COLUMN_FIELDS`` and the search and sort keys come from
    the same functions; the audit log gets the same "insert" entries the session hook writes. Ids are taken
    up front (PostgreSQL: from the sequence; SQLite: after the highest, under the write lock the transaction
    already holds), so the rows go in without RETURNING, which both drivers batch far faster.
    """
    if not people:
        return ()
    table, reasons_table = Participant.__table__, ParticipantReason.__table__
    now, actor = utcnow(), current_actor.get()
    stamp = {"created_at": now, "updated_at": now, "created_by": actor, "updated_by": actor, "version": 1}
    ids = _allocate_ids(session, table, len(people))
    records = []
    for done, (pid, data) in enumerate(zip(ids, people, strict=True)):
        if done and done % PROGRESS_STEP == 0:
            written(done // 2)  # building the rows is about half of the work, sending them the other half
        record = {name: getattr(data, name) for name in participants._COLUMN_FIELDS}
        record["id"] = pid
        record["pesel"] = data.pesel or None
        record["search_text"] = participant_search_text(data.first_name, data.last_name, data.pesel or None,
                                                        data.street_name)
        record["sort_key"] = sort_key(data.last_name, data.first_name)
        record.update(stamp)
        records.append(record)
    reasons = [{"participant_id": pid, "reason": reason, **stamp}
               for pid, data in zip(ids, people, strict=True) for reason in data.reasons]
    reason_ids = _allocate_ids(session, reasons_table, len(reasons))
    for row, reason_id in zip(reasons, reason_ids, strict=True):
        row["id"] = reason_id
    entries = [{"at": now, "actor": actor, "action": "insert", "table_name": "participant", "record_id": pid,
                "changes": "", "subject_ids": subjects_text([pid])} for pid in ids]
    entries += [{"at": now, "actor": actor, "action": "insert", "table_name": "participant_reason",
                 "record_id": reason_id, "changes": "", "subject_ids": subjects_text([row["participant_id"]])}
                for row, reason_id in zip(reasons, reason_ids, strict=True)]
    sent = 0
    for target, rows in ((table, records), (reasons_table, reasons)):
        for chunk in chunks(rows, 5000):
            session.execute(insert(target), chunk)
            if target is table:
                sent += len(chunk)
                written(len(people) // 2 + sent // 2)
    for chunk in chunks(entries, 5000):
        audit_chain.append(session.connection(), chunk)
    return tuple(ids)


def _allocate_ids(session, table, count: int) -> list[int]:
    if count == 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        return list(session.scalars(sql_text(
            "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)"),
            {"table": table.name, "count": count}))
    first = (session.scalar(select(func.max(table.c.id))) or 0) + 1
    return list(range(first, first + count))


__all__ = ["ImportReport", "apply_import"]
