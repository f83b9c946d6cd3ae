"""The individual support path of each participant, and indexes for searching and sorting the registry.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 08:41:53.856804
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('support_path_item',
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('form', sa.String(length=120), nullable=False),
    sa.Column('planned_start', sa.Date(), nullable=True),
    sa.Column('planned_end', sa.Date(), nullable=True),
    sa.Column('given_start', sa.Date(), nullable=True),
    sa.Column('given_end', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('planowane', 'w_trakcie', 'zrealizowane', 'przerwane', name='support_status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('given_end IS NULL OR given_start IS NULL OR given_end >= given_start', name=op.f('ck_support_path_item_given_in_order')),
    sa.CheckConstraint('planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start', name=op.f('ck_support_path_item_planned_in_order')),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_support_path_item_participant_id_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_support_path_item'))
    )
    with op.batch_alter_table('support_path_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_support_path_item_participant_id'), ['participant_id'], unique=False)

    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_birth_date'), ['birth_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_start_date'), ['start_date'], unique=False)
        batch_op.create_index('ix_participant_search', ['programme_id', 'sort_key', 'search_text'], unique=False)
        batch_op.drop_index(batch_op.f('ix_participant_programme_id'))



def downgrade() -> None:
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_programme_id'), ['programme_id'], unique=False)
        batch_op.drop_index('ix_participant_search')
        batch_op.drop_index(batch_op.f('ix_participant_start_date'))
        batch_op.drop_index(batch_op.f('ix_participant_birth_date'))

    with op.batch_alter_table('support_path_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_support_path_item_participant_id'))

    op.drop_table('support_path_item')
