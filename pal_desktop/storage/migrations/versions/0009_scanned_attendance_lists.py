"""Scanned, signed attendance lists kept with their events.

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-03 09:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0006'
branch_labels = None
depends_on = None


def _audit_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
        sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
        sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
        sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    ]


def upgrade() -> None:
    op.create_table('scanned_list_page',
    sa.Column('code', sa.String(length=120), nullable=False),
    sa.Column('page', sa.Integer(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('source_name', sa.String(length=260), nullable=False),
    sa.Column('source_page', sa.Integer(), nullable=False),
    sa.Column('image', sa.LargeBinary(), nullable=False),
    sa.Column('mime_type', sa.String(length=40), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    *_audit_columns(),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scanned_list_page'))
    )
    with op.batch_alter_table('scanned_list_page', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scanned_list_page_sha256'), ['sha256'], unique=False)
    op.create_table('scanned_list_event',
    sa.Column('page_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    *_audit_columns(),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_scanned_list_event_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['page_id'], ['scanned_list_page.id'], name=op.f('fk_scanned_list_event_page_id_scanned_list_page'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scanned_list_event')),
    sa.UniqueConstraint('page_id', 'event_id', name=op.f('uq_scanned_list_event_page_id_event_id'))
    )
    with op.batch_alter_table('scanned_list_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scanned_list_event_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_scanned_list_event_page_id'), ['page_id'], unique=False)


def downgrade() -> None:
    op.drop_table('scanned_list_event')
    op.drop_table('scanned_list_page')
