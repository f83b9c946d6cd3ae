"""The audit log becomes append-only and hash-chained; entries name the people concerned.

Existing entries are chained in id order (their values were logged before masking; they stay as they were,
since the log is never rewritten). Triggers refuse UPDATE and DELETE of audit_log on both backends.

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-03 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0009'
branch_labels = None
depends_on = None

REFUSAL = "audit_log: wpisów dziennika nie można zmieniać ani usuwać"

SQLITE_TRIGGERS = {
    "audit_log_no_update": "BEFORE UPDATE ON audit_log",
    "audit_log_no_delete": "BEFORE DELETE ON audit_log",
}


def _chain_existing(connection) -> None:
    from pal_desktop.storage.audit_chain import GENESIS
    from pal_desktop.storage.audit_chain import legacy_entry_hash as entry_hash  # the rule of 0011-0013

    log = sa.table("audit_log", sa.column("id", sa.Integer), sa.column("at", sa.DateTime(timezone=True)),
                   sa.column("actor", sa.String), sa.column("action", sa.String), sa.column("table_name", sa.String),
                   sa.column("record_id", sa.Integer), sa.column("changes", sa.Text),
                   sa.column("subject_ids", sa.Text), sa.column("prev_hash", sa.String),
                   sa.column("entry_hash", sa.String))
    prev, after = GENESIS, 0
    while True:
        rows = connection.execute(sa.select(log).where(log.c.id > after).order_by(log.c.id).limit(5000)) \
            .mappings().all()
        if not rows:
            return
        updates = []
        for row in rows:
            entry = dict(row)
            entry["subject_ids"] = f",{entry['record_id']}," if entry["table_name"] == "participant" and \
                entry["record_id"] is not None else ""
            entry["prev_hash"] = prev
            prev = entry_hash(entry)
            updates.append({"row_id": entry["id"], "subject_ids": entry["subject_ids"], "prev_hash": entry["prev_hash"],
                            "entry_hash": prev})
        connection.execute(log.update().where(log.c.id == sa.bindparam("row_id")).values(
            subject_ids=sa.bindparam("subject_ids"), prev_hash=sa.bindparam("prev_hash"),
            entry_hash=sa.bindparam("entry_hash")), updates)
        after = rows[-1]["id"]


def upgrade() -> None:
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject_ids', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), server_default='', nullable=False))
        batch_op.add_column(sa.Column('entry_hash', sa.String(length=64), server_default='', nullable=False))
    connection = op.get_bind()
    _chain_existing(connection)
    if connection.dialect.name == "postgresql":
        op.execute(f"""
            CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{REFUSAL}';
            END $$""")
        op.execute("CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
                   "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()")
        op.execute("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
                   "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()")
    else:
        for name, when in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {when} BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END")


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_column('entry_hash')
        batch_op.drop_column('prev_hash')
        batch_op.drop_column('subject_ids')
