"""Indexes for the registry sorted by address and by sex: its pages are read by keyset (``storage.keyset``), and
without an index in the sort's order every page of 100,000 people sorted by street was a full sort (112 ms).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 22:00:00
"""

from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_participant_street_order", "participant", ["street_name", "house_number", "id"])
    op.create_index("ix_participant_sex_order", "participant", ["sex", "id"])


def downgrade() -> None:
    op.drop_index("ix_participant_sex_order", table_name="participant")
    op.drop_index("ix_participant_street_order", table_name="participant")
