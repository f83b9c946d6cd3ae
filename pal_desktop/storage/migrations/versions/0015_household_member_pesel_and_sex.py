"""A relative's PESEL and sex: a family member covered by support who is not a participant is counted in the
reports by sex and age, and the office finds them by PESEL.

The PESEL is unique among household members (NULL for those without one); its birth date and sex are the
member's, as for participants. Existing members keep no PESEL; those who are participants take their sex.
``search_text`` is the folded name (``domain.text.fold``), so that a search typed with or without Polish letters
finds a relative on SQLite as on PostgreSQL; existing members get theirs here.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 19:00:00
"""

import sqlalchemy as sa
from alembic import op

from pal_desktop.domain.enums import Sex
from pal_desktop.domain.text import fold

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

SEX_VALUES = ", ".join(f"'{member.value}'" for member in Sex)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':  # a plain ALTER TABLE: batch mode would copy a table others refer to
        op.execute("ALTER TABLE household_member ADD COLUMN pesel VARCHAR(11)")
        op.execute(f"ALTER TABLE household_member ADD COLUMN sex VARCHAR(40) "
                   f"CONSTRAINT ck_household_member_sex CHECK (sex IN ({SEX_VALUES}))")
        op.execute("ALTER TABLE household_member ADD COLUMN search_text VARCHAR(300) DEFAULT '' NOT NULL")
    else:
        op.add_column('household_member', sa.Column('pesel', sa.String(length=11), nullable=True))
        op.add_column('household_member', sa.Column('sex', sa.Enum(
            *[m.value for m in Sex], name='sex', native_enum=False, create_constraint=True, length=40),
            nullable=True))
        op.add_column('household_member', sa.Column('search_text', sa.String(length=300), server_default='',
                                                    nullable=False))
    op.create_index('ix_household_member_pesel', 'household_member', ['pesel'], unique=True)
    rows = bind.execute(sa.text("SELECT id, first_name, last_name FROM household_member")).all()
    for member_id, first, last in rows:
        bind.execute(sa.text("UPDATE household_member SET search_text = :text WHERE id = :id"),
                     {"text": fold(f"{last} {first}"), "id": member_id})
    bind.execute(sa.text(
        "UPDATE household_member SET sex = (SELECT p.sex FROM participant p WHERE p.id = household_member.participant_id) "
        "WHERE participant_id IS NOT NULL"))


def downgrade() -> None:
    op.drop_index('ix_household_member_pesel', table_name='household_member')
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("ALTER TABLE household_member DROP COLUMN search_text")
        op.execute("ALTER TABLE household_member DROP COLUMN sex")
        op.execute("ALTER TABLE household_member DROP COLUMN pesel")
    else:
        op.drop_column('household_member', 'search_text')
        op.drop_column('household_member', 'sex')
        op.drop_column('household_member', 'pesel')
