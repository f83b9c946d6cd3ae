"""The final report against the goals: each indicator's goal of section V and result of section X, the
staff's narrative drafts, and every printed report kept as a version that can be printed again.

The built-in Kłobuck programme gets its links (``domain.goal_links``); other programmes' stay empty for the
office to choose.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 21:30:00
"""

import sqlalchemy as sa
from alembic import op

from pal_desktop.domain.goal_links import SEED_LINKS

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

SEED_KEY = "klobuck-2021-2022"


def _audited() -> list:
    return [
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'),
                  nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'),
                  nullable=False),
        sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
        sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
        sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    ]


def upgrade() -> None:
    bind = op.get_bind()
    # SQLite copies the table (batch mode) to give the new columns named foreign keys; nothing refers to
    # the indicator table yet, so the copy touches nothing else.
    with op.batch_alter_table('indicator') as batch:
        batch.add_column(sa.Column('goal_item_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('result_id', sa.Integer(), nullable=True))
        batch.create_foreign_key('fk_indicator_goal_item_id_programme_item', 'programme_item',
                                 ['goal_item_id'], ['id'], ondelete='SET NULL')
        batch.create_foreign_key('fk_indicator_result_id_indicator', 'indicator',
                                 ['result_id'], ['id'], ondelete='SET NULL')
    op.create_table(
        'report_draft',
        sa.Column('programme_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('narratives', sa.Text(), nullable=False),
        *_audited(),
        sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name='fk_report_draft_programme_id_programme',
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name='pk_report_draft'),
        sa.UniqueConstraint('programme_id', 'kind', name='uq_report_draft_programme_id_kind'))
    op.create_index('ix_report_draft_programme_id', 'report_draft', ['programme_id'])
    op.create_table(
        'report_version',
        sa.Column('programme_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('date_from', sa.Date(), nullable=False),
        sa.Column('date_to', sa.Date(), nullable=False),
        sa.Column('printed_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('printed_by', sa.String(length=64), nullable=False),
        sa.Column('suppressed', sa.Boolean(create_constraint=True, name='report_suppressed'), nullable=False),
        sa.Column('figures', sa.Text(), nullable=False),
        sa.Column('narratives', sa.Text(), nullable=False),
        *_audited(),
        sa.ForeignKeyConstraint(['programme_id'], ['programme.id'],
                                name='fk_report_version_programme_id_programme', ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name='pk_report_version'),
        sa.UniqueConstraint('programme_id', 'kind', 'number', name='uq_report_version_programme_id_kind_number'))
    op.create_index('ix_report_version_programme_id', 'report_version', ['programme_id'])
    _link_seed(bind)


def _link_seed(bind) -> None:
    programme = bind.execute(sa.text("SELECT id FROM programme WHERE key = :key"), {"key": SEED_KEY}).scalar()
    if programme is None:
        return
    goals = dict(bind.execute(sa.text(
        "SELECT position, id FROM programme_item WHERE programme_id = :p AND kind = 'cel_szczegolowy'"),
        {"p": programme}).all())
    indicators = dict(bind.execute(sa.text("SELECT name, id FROM indicator WHERE programme_id = :p"),
                                   {"p": programme}).all())
    for name, (goal, result) in SEED_LINKS.items():
        if name not in indicators:
            continue
        bind.execute(sa.text("UPDATE indicator SET goal_item_id = :goal, result_id = :result WHERE id = :id"),
                     {"goal": goals.get(goal), "result": indicators.get(result), "id": indicators[name]})


def downgrade() -> None:
    op.drop_index('ix_report_version_programme_id', table_name='report_version')
    op.drop_table('report_version')
    op.drop_index('ix_report_draft_programme_id', table_name='report_draft')
    op.drop_table('report_draft')
    with op.batch_alter_table('indicator') as batch:
        batch.drop_constraint('fk_indicator_result_id_indicator', type_='foreignkey')
        batch.drop_constraint('fk_indicator_goal_item_id_programme_item', type_='foreignkey')
        batch.drop_column('result_id')
        batch.drop_column('goal_item_id')
