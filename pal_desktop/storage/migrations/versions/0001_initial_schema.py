"""The initial schema: programmes, people, activities, users, settings and the audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-26 08:24:47.854597
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_user',
    sa.Column('login', sa.String(length=64), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('role', sa.Enum('administrator', 'pracownik', 'odczyt', name='user_role', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('active', sa.Boolean(create_constraint=True, name='user_active'), server_default='1', nullable=False),
    sa.Column('show_full_pesel', sa.Boolean(create_constraint=True, name='show_full_pesel'), server_default='0', nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_user')),
    sa.UniqueConstraint('login', name=op.f('uq_app_user_login'))
    )
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=True),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('event_type',
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(create_constraint=True, name='event_type_active'), server_default='1', nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_type')),
    sa.UniqueConstraint('name', name=op.f('uq_event_type_name'))
    )
    op.create_table('household',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('street_name', sa.String(length=200), nullable=False),
    sa.Column('house_number', sa.String(length=20), nullable=False),
    sa.Column('flat_number', sa.String(length=20), nullable=False),
    sa.Column('postal_code', sa.String(length=6), nullable=False),
    sa.Column('city', sa.String(length=120), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household'))
    )
    op.create_table('logo_image',
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=260), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_logo_image'))
    )
    op.create_table('programme',
    sa.Column('key', sa.String(length=80), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('subtitle', sa.String(length=300), nullable=False),
    sa.Column('project_number', sa.String(length=80), nullable=False),
    sa.Column('municipality', sa.String(length=200), nullable=False),
    sa.Column('organisation', sa.String(length=300), nullable=False),
    sa.Column('legal_basis', sa.Text(), nullable=False),
    sa.Column('resolution', sa.Text(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('funding_line', sa.Text(), nullable=False),
    sa.Column('co_financing', sa.Text(), nullable=False),
    sa.Column('target_group', sa.Text(), nullable=False),
    sa.Column('main_goal', sa.Text(), nullable=False),
    sa.Column('monitoring', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_programme_dates_in_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme')),
    sa.UniqueConstraint('key', name=op.f('uq_programme_key'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_setting')),
    sa.UniqueConstraint('key', name=op.f('uq_setting_key'))
    )
    op.create_table('volunteer',
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=150), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('skills', sa.Text(), nullable=False),
    sa.Column('availability', sa.Text(), nullable=False),
    sa.Column('works_with_children', sa.Boolean(create_constraint=True, name='works_with_children'), server_default='0', nullable=False),
    sa.Column('register_check_date', sa.Date(), nullable=True),
    sa.Column('criminal_record_date', sa.Date(), nullable=True),
    sa.Column('travel_cost_waiver', sa.Boolean(create_constraint=True, name='travel_cost_waiver'), server_default='0', nullable=False),
    sa.Column('guardian_consent_date', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(create_constraint=True, name='volunteer_active'), server_default='1', nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer'))
    )
    op.create_table('area_street',
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('locality', sa.String(length=120), nullable=False),
    sa.Column('postal_code', sa.String(length=6), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_area_street_programme_id_programme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_area_street')),
    sa.UniqueConstraint('programme_id', 'locality', 'name', name=op.f('uq_area_street_programme_id_locality_name'))
    )
    with op.batch_alter_table('area_street', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_area_street_programme_id'), ['programme_id'], unique=False)

    op.create_table('indicator',
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('produkt', 'rezultat', name='indicator_kind', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('target_value', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('measure', sa.String(length=80), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_indicator_programme_id_programme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator'))
    )
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_programme_id'), ['programme_id'], unique=False)

    op.create_table('programme_item',
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('cel_szczegolowy', 'kierunek_dzialan', 'metoda', 'planowane_dzialanie', 'realizator', 'partner', 'zrodlo_finansowania', name='programme_item_kind', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_programme_item_programme_id_programme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_item'))
    )
    with op.batch_alter_table('programme_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_item_programme_id'), ['programme_id'], unique=False)

    op.create_table('schedule_task',
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('is_milestone', sa.Boolean(create_constraint=True, name='is_milestone'), nullable=False),
    sa.Column('planned_events', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_schedule_task_dates_in_order')),
    sa.ForeignKeyConstraint(['parent_id'], ['schedule_task.id'], name=op.f('fk_schedule_task_parent_id_schedule_task'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_schedule_task_programme_id_programme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_schedule_task'))
    )
    with op.batch_alter_table('schedule_task', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_schedule_task_programme_id'), ['programme_id'], unique=False)

    op.create_table('volunteer_agreement',
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=True),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('signed_date', sa.Date(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('scope', sa.Text(), nullable=False),
    sa.Column('manner', sa.Text(), nullable=False),
    sa.Column('time_description', sa.Text(), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('termination_terms', sa.Text(), nullable=False),
    sa.Column('written_form', sa.Boolean(create_constraint=True, name='written_form'), server_default='1', nullable=False),
    sa.Column('nnw_insurance', sa.Boolean(create_constraint=True, name='nnw_insurance'), server_default='0', nullable=False),
    sa.Column('health_safety_date', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_volunteer_agreement_dates_in_order')),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_volunteer_agreement_programme_id_programme'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_volunteer_agreement_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer_agreement'))
    )
    with op.batch_alter_table('volunteer_agreement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_volunteer_agreement_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('event_series',
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('event_type_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('recurrence', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['event_type_id'], ['event_type.id'], name=op.f('fk_event_series_event_type_id_event_type'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_event_series_programme_id_programme'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['schedule_task.id'], name=op.f('fk_event_series_task_id_schedule_task'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_series'))
    )
    with op.batch_alter_table('event_series', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_series_programme_id'), ['programme_id'], unique=False)

    op.create_table('participant',
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('kandydat', 'uczestnik', 'zakonczyl', 'przerwal', 'rezerwa', name='participant_status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=150), nullable=False),
    sa.Column('pesel', sa.String(length=11), nullable=True),
    sa.Column('no_pesel', sa.Boolean(create_constraint=True, name='no_pesel'), server_default='0', nullable=False),
    sa.Column('document_number', sa.String(length=40), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('sex', sa.Enum('K', 'M', name='sex', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('street_id', sa.Integer(), nullable=True),
    sa.Column('street_name', sa.String(length=200), nullable=False),
    sa.Column('outside_area_reason', sa.Text(), nullable=False),
    sa.Column('house_number', sa.String(length=20), nullable=False),
    sa.Column('flat_number', sa.String(length=20), nullable=False),
    sa.Column('postal_code', sa.String(length=6), nullable=False),
    sa.Column('city', sa.String(length=120), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('education', sa.Enum('isced0', 'isced1', 'isced2', 'isced3', 'isced4', 'isced5_8', name='education', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('labour_status', sa.Enum('bezrobotna_zarejestrowana', 'bezrobotna_niezarejestrowana', 'bierna', 'pracujaca', name='labour_status', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('labour_status_detail', sa.String(length=200), nullable=False),
    sa.Column('disability', sa.Enum('tak', 'nie', 'odmowa', name='disability', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('disability_degree', sa.Enum('lekki', 'umiarkowany', 'znaczny', name='disability_degree', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('minority_or_foreign', sa.Enum('tak', 'nie', 'odmowa', name='minority_or_foreign', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('homeless', sa.Enum('tak', 'nie', 'odmowa', name='homeless', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('other_disadvantage', sa.Enum('tak', 'nie', 'odmowa', name='other_disadvantage', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('end_situation', sa.Text(), nullable=False),
    sa.Column('completed_as_planned', sa.Enum('tak', 'nie', 'odmowa', name='completed_as_planned', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('declaration_date', sa.Date(), nullable=True),
    sa.Column('data_protection_date', sa.Date(), nullable=True),
    sa.Column('image_consent_date', sa.Date(), nullable=True),
    sa.Column('individual_plan_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('anonymised_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('end_date IS NULL OR start_date IS NULL OR end_date >= start_date', name=op.f('ck_participant_dates_in_order')),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_participant_programme_id_programme'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['street_id'], ['area_street.id'], name=op.f('fk_participant_street_id_area_street'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participant')),
    sa.UniqueConstraint('pesel', name=op.f('uq_participant_pesel'))
    )
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_street_id'), ['street_id'], unique=False)

    op.create_table('animator',
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=150), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('chosen_date', sa.Date(), nullable=True),
    sa.Column('field', sa.String(length=300), nullable=False),
    sa.Column('active', sa.Boolean(create_constraint=True, name='animator_active'), server_default='1', nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_animator_participant_id_participant'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_animator_programme_id_programme'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_animator'))
    )
    with op.batch_alter_table('animator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_animator_programme_id'), ['programme_id'], unique=False)

    op.create_table('cash_assistance',
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=True),
    sa.Column('benefit_type', sa.Enum('celowy', 'okresowy', 'staly', name='benefit_type', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('decision_number', sa.String(length=80), nullable=False),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('amount', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('period_from', sa.Date(), nullable=True),
    sa.Column('period_to', sa.Date(), nullable=True),
    sa.Column('payment_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_cash_assistance_amount_positive')),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_cash_assistance_participant_id_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_cash_assistance_programme_id_programme'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cash_assistance'))
    )
    with op.batch_alter_table('cash_assistance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cash_assistance_participant_id'), ['participant_id'], unique=False)

    op.create_table('household_member',
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=150), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('relation', sa.String(length=80), nullable=False),
    sa.Column('is_head', sa.Boolean(create_constraint=True, name='is_head'), server_default='0', nullable=False),
    sa.Column('covered_by_support', sa.Boolean(create_constraint=True, name='covered_by_support'), server_default='1', nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_household_member_household_id_household'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_household_member_participant_id_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household_member')),
    sa.UniqueConstraint('participant_id', name=op.f('uq_household_member_participant_id'))
    )
    with op.batch_alter_table('household_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_member_household_id'), ['household_id'], unique=False)

    op.create_table('internship',
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('employer_name', sa.String(length=300), nullable=False),
    sa.Column('employer_address', sa.String(length=300), nullable=False),
    sa.Column('agreement_number', sa.String(length=60), nullable=False),
    sa.Column('agreement_date', sa.Date(), nullable=True),
    sa.Column('supervisor', sa.String(length=200), nullable=False),
    sa.Column('position_name', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('hours_per_week', sa.Numeric(precision=5, scale=2), nullable=True),
    sa.Column('monthly_stipend', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_internship_dates_in_order')),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_internship_participant_id_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['schedule_task.id'], name=op.f('fk_internship_task_id_schedule_task'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_internship'))
    )
    with op.batch_alter_table('internship', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_internship_participant_id'), ['participant_id'], unique=False)

    op.create_table('participant_reason',
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Enum('ubostwo', 'sieroctwo', 'bezdomnosc', 'bezrobocie', 'niepelnosprawnosc', 'choroba', 'przemoc', 'handel_ludzmi', 'macierzynstwo', 'bezradnosc', 'opuszczenie_placowki', 'cudzoziemcy', 'zaklad_karny', 'uzaleznienie', 'zdarzenie_losowe', 'kleska', name='support_reason', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_participant_reason_participant_id_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participant_reason')),
    sa.UniqueConstraint('participant_id', 'reason', name=op.f('uq_participant_reason_participant_id_reason'))
    )
    with op.batch_alter_table('participant_reason', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_reason_participant_id'), ['participant_id'], unique=False)

    op.create_table('animator_initiative',
    sa.Column('animator_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('people_reached', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['animator_id'], ['animator.id'], name=op.f('fk_animator_initiative_animator_id_animator'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_animator_initiative'))
    )
    with op.batch_alter_table('animator_initiative', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_animator_initiative_animator_id'), ['animator_id'], unique=False)

    op.create_table('event',
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('series_id', sa.Integer(), nullable=True),
    sa.Column('event_type_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=True),
    sa.Column('end_time', sa.Time(), nullable=True),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('leader_kind', sa.Enum('pracownik', 'animator', 'wolontariusz', 'trener', name='leader_kind', native_enum=False, create_constraint=True, length=40), nullable=True),
    sa.Column('leader_name', sa.String(length=200), nullable=False),
    sa.Column('leader_animator_id', sa.Integer(), nullable=True),
    sa.Column('leader_volunteer_id', sa.Integer(), nullable=True),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('planowane', 'odbylo_sie', 'odwolane', name='event_status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('capacity IS NULL OR capacity >= 0', name=op.f('ck_event_capacity_not_negative')),
    sa.CheckConstraint('end_time IS NULL OR start_time IS NULL OR end_time > start_time', name=op.f('ck_event_times_in_order')),
    sa.ForeignKeyConstraint(['event_type_id'], ['event_type.id'], name=op.f('fk_event_event_type_id_event_type'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['leader_animator_id'], ['animator.id'], name=op.f('fk_event_leader_animator_id_animator'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['leader_volunteer_id'], ['volunteer.id'], name=op.f('fk_event_leader_volunteer_id_volunteer'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_event_programme_id_programme'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['series_id'], ['event_series.id'], name=op.f('fk_event_series_id_event_series'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['task_id'], ['schedule_task.id'], name=op.f('fk_event_task_id_schedule_task'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_event_date'), ['event_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_series_id'), ['series_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_task_id'), ['task_id'], unique=False)

    op.create_table('internship_month',
    sa.Column('internship_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('days_present', sa.Integer(), nullable=False),
    sa.Column('days_absent', sa.Integer(), nullable=False),
    sa.Column('hours', sa.Numeric(precision=6, scale=2), nullable=True),
    sa.Column('stipend_paid', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['internship_id'], ['internship.id'], name=op.f('fk_internship_month_internship_id_internship'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_internship_month')),
    sa.UniqueConstraint('internship_id', 'month', name=op.f('uq_internship_month_internship_id_month'))
    )
    with op.batch_alter_table('internship_month', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_internship_month_internship_id'), ['internship_id'], unique=False)

    op.create_table('attendance',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('obecny', 'nieobecny', 'usprawiedliwiony', name='attendance_status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('walk_in', sa.Boolean(create_constraint=True, name='walk_in'), server_default='0', nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_attendance_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_attendance_participant_id_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('event_id', 'participant_id', name=op.f('uq_attendance_event_id_participant_id'))
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_participant_id'), ['participant_id'], unique=False)

    op.create_table('enrolment',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('zapisany', 'lista_rezerwowa', 'wypisany', name='enrolment_status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_enrolment_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_enrolment_participant_id_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrolment')),
    sa.UniqueConstraint('event_id', 'participant_id', name=op.f('uq_enrolment_event_id_participant_id'))
    )
    with op.batch_alter_table('enrolment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrolment_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enrolment_participant_id'), ['participant_id'], unique=False)

    op.create_table('event_staff',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('animator_id', sa.Integer(), nullable=True),
    sa.Column('volunteer_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=120), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['animator_id'], ['animator.id'], name=op.f('fk_event_staff_animator_id_animator'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_staff_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_event_staff_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_staff'))
    )
    with op.batch_alter_table('event_staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_staff_event_id'), ['event_id'], unique=False)

    op.create_table('volunteer_hours',
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('work_date', sa.Date(), nullable=False),
    sa.Column('hours', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('activity', sa.String(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('created_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('updated_by', sa.String(length=64), server_default='system', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('hours > 0 AND hours <= 24', name=op.f('ck_volunteer_hours_hours_in_day')),
    sa.ForeignKeyConstraint(['agreement_id'], ['volunteer_agreement.id'], name=op.f('fk_volunteer_hours_agreement_id_volunteer_agreement'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_volunteer_hours_event_id_event'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['task_id'], ['schedule_task.id'], name=op.f('fk_volunteer_hours_task_id_schedule_task'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_volunteer_hours_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer_hours'))
    )
    with op.batch_alter_table('volunteer_hours', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_volunteer_hours_volunteer_id'), ['volunteer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_volunteer_hours_work_date'), ['work_date'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('volunteer_hours', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_volunteer_hours_work_date'))
        batch_op.drop_index(batch_op.f('ix_volunteer_hours_volunteer_id'))

    op.drop_table('volunteer_hours')
    with op.batch_alter_table('event_staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_staff_event_id'))

    op.drop_table('event_staff')
    with op.batch_alter_table('enrolment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrolment_participant_id'))
        batch_op.drop_index(batch_op.f('ix_enrolment_event_id'))

    op.drop_table('enrolment')
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_participant_id'))
        batch_op.drop_index(batch_op.f('ix_attendance_event_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('internship_month', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_internship_month_internship_id'))

    op.drop_table('internship_month')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_task_id'))
        batch_op.drop_index(batch_op.f('ix_event_series_id'))
        batch_op.drop_index(batch_op.f('ix_event_programme_id'))
        batch_op.drop_index(batch_op.f('ix_event_event_date'))

    op.drop_table('event')
    with op.batch_alter_table('animator_initiative', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_animator_initiative_animator_id'))

    op.drop_table('animator_initiative')
    with op.batch_alter_table('participant_reason', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_reason_participant_id'))

    op.drop_table('participant_reason')
    with op.batch_alter_table('internship', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_internship_participant_id'))

    op.drop_table('internship')
    with op.batch_alter_table('household_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_member_household_id'))

    op.drop_table('household_member')
    with op.batch_alter_table('cash_assistance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cash_assistance_participant_id'))

    op.drop_table('cash_assistance')
    with op.batch_alter_table('animator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_animator_programme_id'))

    op.drop_table('animator')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_street_id'))
        batch_op.drop_index(batch_op.f('ix_participant_status'))
        batch_op.drop_index(batch_op.f('ix_participant_programme_id'))

    op.drop_table('participant')
    with op.batch_alter_table('event_series', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_series_programme_id'))

    op.drop_table('event_series')
    with op.batch_alter_table('volunteer_agreement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_volunteer_agreement_volunteer_id'))

    op.drop_table('volunteer_agreement')
    with op.batch_alter_table('schedule_task', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_schedule_task_programme_id'))

    op.drop_table('schedule_task')
    with op.batch_alter_table('programme_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programme_item_programme_id'))

    op.drop_table('programme_item')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_programme_id'))

    op.drop_table('indicator')
    with op.batch_alter_table('area_street', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_area_street_programme_id'))

    op.drop_table('area_street')
    op.drop_table('volunteer')
    op.drop_table('setting')
    op.drop_table('programme')
    op.drop_table('logo_image')
    op.drop_table('household')
    op.drop_table('event_type')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    op.drop_table('app_user')
