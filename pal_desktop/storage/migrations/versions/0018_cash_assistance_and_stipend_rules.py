"""Cash assistance by the social-assistance act, and the internship stipend's rule per programme.

The kinds of cash assistance grow from celowy / okresowy / stały to the act's seven (art. 37, 38, 39, 39a, 40,
41 pkt 1 and 2): the three old codes keep their meaning, so old records map to themselves and need no update.
A zasiłek celowy gets a purpose (art. 39 ust. 2); old records have none, and the form asks for it at the next
edit. The programme gets the stipend's base amount, percentage and hours for the full stipend (NULL: the
defaults documented in services.internship_stipend).

A volunteer agreement gets the terms the act puts in it: the travel-cost waiver (copied from the volunteer,
where it was kept before; the volunteer's column stays, unused, for older copies of the program), the costs
reimbursed, and the NNW policy (insurer, number, period).

Child protection (act of 13 May 2016, art. 21): an event is marked "z udziałem dzieci"; an animator gets the
register check, the criminal record, the 20-year residence statement and the foreign records; a volunteer the
last three.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 21:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

OLD_KINDS = ('celowy', 'okresowy', 'staly')
NEW_KINDS = ('celowy', 'celowy_kontrakt', 'celowy_zdarzenie', 'celowy_specjalny', 'celowy_zwrotny', 'okresowy',
             'staly')
PURPOSES = ('zywnosc', 'leki', 'opal', 'odziez', 'przedmioty', 'remonty', 'pogrzeb', 'inne')


def _sqlite() -> bool:
    return op.get_bind().dialect.name == 'sqlite'


def _set_kinds(values) -> None:
    if _sqlite():  # a CHECK changes only by copying the table; cash_assistance has no child tables
        with op.batch_alter_table('cash_assistance', recreate='always') as batch:
            batch.drop_constraint(op.f('ck_cash_assistance_benefit_type'), type_='check')
        with op.batch_alter_table('cash_assistance') as batch:
            batch.create_check_constraint('benefit_type', sa.column('benefit_type').in_(values))
    else:
        op.drop_constraint(op.f('ck_cash_assistance_benefit_type'), 'cash_assistance', type_='check')
        op.create_check_constraint('benefit_type', 'cash_assistance', sa.column('benefit_type').in_(values))


def _programme_columns() -> list[sa.Column]:
    return [sa.Column('stipend_base', sa.Numeric(10, 2), nullable=True),
            sa.Column('stipend_percent', sa.Numeric(5, 2), nullable=True),
            sa.Column('stipend_full_hours', sa.Integer(), nullable=True)]


AGREEMENT_TEXTS = (('reimbursed_costs', 'TEXT'), ('nnw_insurer', 'VARCHAR(200)'),
                   ('nnw_policy_number', 'VARCHAR(80)'))
AGREEMENT_DATES = ('nnw_from', 'nnw_to')


def _agreement_terms() -> None:
    # volunteer_hours refers to volunteer_agreement: plain ALTER TABLE on SQLite, not batch mode (see 0012)
    if _sqlite():
        op.execute("ALTER TABLE volunteer_agreement ADD COLUMN travel_cost_waiver BOOLEAN DEFAULT '0' NOT NULL "
                   "CONSTRAINT ck_volunteer_agreement_agreement_travel_waiver CHECK (travel_cost_waiver IN (0, 1))")
        for name, kind in AGREEMENT_TEXTS:
            op.execute(f"ALTER TABLE volunteer_agreement ADD COLUMN {name} {kind} DEFAULT '' NOT NULL")
        for name in AGREEMENT_DATES:
            op.execute(f"ALTER TABLE volunteer_agreement ADD COLUMN {name} DATE")
    else:
        op.add_column('volunteer_agreement', sa.Column(
            'travel_cost_waiver', sa.Boolean(create_constraint=True, name='agreement_travel_waiver'),
            server_default=sa.false(), nullable=False))
        op.add_column('volunteer_agreement', sa.Column('reimbursed_costs', sa.Text(), server_default='',
                                                       nullable=False))
        op.add_column('volunteer_agreement', sa.Column('nnw_insurer', sa.String(200), server_default='',
                                                       nullable=False))
        op.add_column('volunteer_agreement', sa.Column('nnw_policy_number', sa.String(80), server_default='',
                                                       nullable=False))
        for name in AGREEMENT_DATES:
            op.add_column('volunteer_agreement', sa.Column(name, sa.Date(), nullable=True))
    op.execute("UPDATE volunteer_agreement SET travel_cost_waiver = (SELECT v.travel_cost_waiver FROM volunteer v "
               "WHERE v.id = volunteer_agreement.volunteer_id)")


CHECK_DATES = ('residence_statement_date', 'foreign_record_date')


def _child_protection() -> None:
    # event, animator and volunteer are referred to by other tables: plain ALTER TABLE on SQLite (see 0012)
    columns = [('animator', 'register_check_date'), ('animator', 'criminal_record_date'),
               *[(table, name) for table in ('animator', 'volunteer') for name in CHECK_DATES]]
    if _sqlite():
        op.execute("ALTER TABLE event ADD COLUMN with_children BOOLEAN DEFAULT '0' NOT NULL "
                   "CONSTRAINT ck_event_event_with_children CHECK (with_children IN (0, 1))")
        for table, name in columns:
            op.execute(f"ALTER TABLE {table} ADD COLUMN {name} DATE")
        for table in ('animator', 'volunteer'):
            op.execute(f"ALTER TABLE {table} ADD COLUMN foreign_countries VARCHAR(300) DEFAULT '' NOT NULL")
    else:
        op.add_column('event', sa.Column('with_children', sa.Boolean(create_constraint=True,
                                                                     name='event_with_children'),
                                         server_default=sa.false(), nullable=False))
        for table, name in columns:
            op.add_column(table, sa.Column(name, sa.Date(), nullable=True))
        for table in ('animator', 'volunteer'):
            op.add_column(table, sa.Column('foreign_countries', sa.String(300), server_default='', nullable=False))


def _drop_child_protection() -> None:
    columns = [('event', 'with_children'), ('animator', 'register_check_date'), ('animator', 'criminal_record_date'),
               *[(table, name) for table in ('animator', 'volunteer')
                 for name in (*CHECK_DATES, 'foreign_countries')]]
    for table, name in columns:
        if _sqlite():
            op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
        else:
            op.drop_column(table, name)


def upgrade() -> None:
    _child_protection()
    _agreement_terms()
    _set_kinds(NEW_KINDS)
    purpose = sa.Enum(*PURPOSES, name='cash_purpose', native_enum=False, create_constraint=True, length=40)
    if _sqlite():
        values = ", ".join(f"'{value}'" for value in PURPOSES)
        op.execute(f"ALTER TABLE cash_assistance ADD COLUMN purpose VARCHAR(40) "
                   f"CONSTRAINT ck_cash_assistance_cash_purpose CHECK (purpose IN ({values}))")
        # programme is referred to by many tables: a plain ALTER TABLE, not batch mode (see 0012)
        for column in _programme_columns():
            op.execute(f"ALTER TABLE programme ADD COLUMN {column.name} "
                       f"{column.type.compile(dialect=op.get_bind().dialect)}")
    else:
        op.add_column('cash_assistance', sa.Column('purpose', purpose, nullable=True))
        for column in _programme_columns():
            op.add_column('programme', column)


def downgrade() -> None:
    _drop_child_protection()
    for name in ('travel_cost_waiver', *(n for n, _ in AGREEMENT_TEXTS), *AGREEMENT_DATES):
        if _sqlite():
            op.execute(f"ALTER TABLE volunteer_agreement DROP COLUMN {name}")
        else:
            op.drop_column('volunteer_agreement', name)
    if _sqlite():
        for column in _programme_columns():
            op.execute(f"ALTER TABLE programme DROP COLUMN {column.name}")
        with op.batch_alter_table('cash_assistance', recreate='always') as batch:
            batch.drop_constraint(op.f('ck_cash_assistance_cash_purpose'), type_='check')
            batch.drop_column('purpose')
    else:
        for column in _programme_columns():
            op.drop_column('programme', column.name)
        op.drop_column('cash_assistance', 'purpose')
    # the act's new kinds fall back to the plain zasiłek celowy they are forms of
    op.execute(sa.text("UPDATE cash_assistance SET benefit_type = 'celowy' WHERE benefit_type NOT IN "
                       "('celowy', 'okresowy', 'staly')"))
    _set_kinds(OLD_KINDS)
