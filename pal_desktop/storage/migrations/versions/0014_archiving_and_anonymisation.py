"""Anonymisation: each programme's archiving deadline, and an audit log whose entries can be masked.

An entry's hash now covers the SHA-256 of its changes (``changes_digest``) rather than their text, so that
anonymising a person can mask the names and addresses the log holds of them without breaking the chain. The
existing entries are hashed anew in id order; the previous chain's end and whether it was intact are written
into the entry this revision appends, so a hash noted down before the upgrade can still be matched.

The triggers now let one kind of UPDATE through: marking an entry masked (``redacted_at`` from empty to set)
while its hash, link, digest and every other column stay as they were. DELETE stays refused.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 21:45:00
"""

import json

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

REFUSAL = "audit_log: wpisów dziennika nie można zmieniać ani usuwać"
#: Columns a masking UPDATE must leave as they were.
FIXED = ("id", "at", "actor", "action", "table_name", "record_id", "subject_ids", "prev_hash", "entry_hash",
         "changes_digest")

_LOG = sa.table("audit_log", *(sa.column(name) for name in (
    "id", "at", "actor", "action", "table_name", "record_id", "changes", "subject_ids", "prev_hash",
    "entry_hash", "changes_digest", "redacted_at")))


def _drop_triggers(connection) -> None:
    if connection.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")


def _create_triggers(connection, *, allow_masking: bool) -> None:
    if connection.dialect.name == "postgresql":
        same = " AND ".join(f"NEW.{name} IS NOT DISTINCT FROM OLD.{name}" for name in FIXED)
        masking = (f"IF TG_OP = 'UPDATE' THEN IF OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL "
                   f"AND {same} THEN RETURN NEW; END IF; END IF;") if allow_masking else ""
        op.execute(f"""
            CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                {masking}
                RAISE EXCEPTION '{REFUSAL}';
            END $$""")
        op.execute("CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
                   "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()")
    else:
        same = " AND ".join(f"NEW.{name} IS OLD.{name}" for name in FIXED)
        when = (f" WHEN NOT (OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL AND {same})"
                if allow_masking else "")
        op.execute(f"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log{when} "
                   f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END")


def _rechain(connection, hash_of) -> None:
    """Hash every entry anew, in id order, with ``hash_of``."""
    from pal_desktop.storage import audit_chain

    prev, after = audit_chain.GENESIS, 0
    while True:
        rows = connection.execute(sa.select(_LOG).where(_LOG.c.id > after).order_by(_LOG.c.id).limit(5000)) \
            .mappings().all()
        if not rows:
            break
        updates = []
        for row in rows:
            entry = dict(row)
            entry["changes_digest"] = audit_chain.digest(entry["changes"])
            entry["redacted_at"] = None
            entry["prev_hash"] = prev
            prev = hash_of(entry)
            updates.append({"row_id": entry["id"], "digest": entry["changes_digest"], "prev": entry["prev_hash"],
                            "hash": prev})
        connection.execute(_LOG.update().where(_LOG.c.id == sa.bindparam("row_id")).values(
            changes_digest=sa.bindparam("digest"), prev_hash=sa.bindparam("prev"), entry_hash=sa.bindparam("hash")),
            updates)
        after = rows[-1]["id"]


def _drop_column(table: str, column: str) -> None:
    # Not batch mode: on SQLite it copies the table, which loses audit_log's triggers and fails on programme
    # while foreign keys refer to its rows (see 0012). SQLite 3.35+ drops a plain column in place.
    if op.get_bind().dialect.name == 'sqlite':
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    else:
        op.drop_column(table, column)


def upgrade() -> None:
    op.add_column('programme', sa.Column('archive_until', sa.Date(), nullable=True))
    op.add_column('programme', sa.Column('anonymised_at', sa.DateTime(timezone=True), nullable=True))
    connection = op.get_bind()
    _drop_triggers(connection)
    op.add_column('audit_log', sa.Column('changes_digest', sa.String(length=64), server_default='', nullable=False))
    op.add_column('audit_log', sa.Column('redacted_at', sa.DateTime(timezone=True), nullable=True))
    from pal_desktop.storage import audit_chain

    old = audit_chain.verify_legacy(connection)
    _rechain(connection, audit_chain.entry_hash)
    if old.entries:
        facts = {"previous_last_hash": old.last_hash, "entries": old.entries}
        if old.broken is not None:
            facts["previous_break_at"] = old.broken.entry_id
        audit_chain.append(connection, [{"actor": "system", "action": "rechain", "table_name": "audit_log",
                                         "changes": json.dumps(facts)}])
    _create_triggers(connection, allow_masking=True)


def downgrade() -> None:
    connection = op.get_bind()
    from pal_desktop.storage import audit_chain

    _drop_triggers(connection)
    _rechain(connection, audit_chain.legacy_entry_hash)
    for table, column in (('audit_log', 'redacted_at'), ('audit_log', 'changes_digest'),
                          ('programme', 'anonymised_at'), ('programme', 'archive_until')):
        _drop_column(table, column)
    _create_triggers(connection, allow_masking=False)
