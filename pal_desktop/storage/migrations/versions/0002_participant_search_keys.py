"""Participant search and ordering keys, filled in for the people already registered.

``search_text`` holds name, PESEL and street folded to ASCII lower case, so that "łuk" and "luk" both find
"Łukasz" with a plain LIKE; ``sort_key`` orders surnames as a Polish dictionary does under a binary
collation (C on PostgreSQL).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 09:00:00
"""

import sqlalchemy as sa
from alembic import op

from pal_desktop.domain.text import participant_search_text, sort_key

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 2000


def upgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column(
            "sort_key", sa.String(length=400).with_variant(sa.String(length=400, collation="C"), "postgresql"),
            server_default="", nullable=False))
        batch_op.create_index(batch_op.f("ix_participant_sort_key"), ["sort_key"], unique=False)

    # The keys are computed in Python (the same functions the application uses), in batches.
    connection = op.get_bind()
    participant = sa.table("participant", sa.column("id", sa.Integer), sa.column("first_name", sa.String),
                           sa.column("last_name", sa.String), sa.column("pesel", sa.String),
                           sa.column("street_name", sa.String), sa.column("search_text", sa.Text),
                           sa.column("sort_key", sa.String))
    rows = connection.execute(sa.select(participant.c.id, participant.c.first_name, participant.c.last_name,
                                        participant.c.pesel, participant.c.street_name)).all()
    update = (sa.update(participant).where(participant.c.id == sa.bindparam("pid"))
              .values(search_text=sa.bindparam("st"), sort_key=sa.bindparam("sk")))
    for start in range(0, len(rows), BATCH):
        batch = [{"pid": r.id, "st": participant_search_text(r.first_name, r.last_name, r.pesel, r.street_name),
                  "sk": sort_key(r.last_name, r.first_name)} for r in rows[start:start + BATCH]]
        connection.execute(update, batch)


def downgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participant_sort_key"))
        batch_op.drop_column("sort_key")
        batch_op.drop_column("search_text")
