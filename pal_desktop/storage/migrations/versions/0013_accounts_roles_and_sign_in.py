"""Accounts for sign-in: the four roles, the separate cash-assistance permission, failed sign-ins.

The read-only role was called "odczyt" and is now "podglad"; accounts keep their role.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 18:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

OLD_ROLES = ('administrator', 'pracownik', 'odczyt')
NEW_ROLES = ('administrator', 'koordynator', 'pracownik', 'podglad')


def _role(values) -> sa.Enum:
    return sa.Enum(*values, name='user_role', native_enum=False, create_constraint=True, length=40)


def _columns() -> list[sa.Column]:
    return [
        sa.Column('cash_permission', sa.Boolean(create_constraint=True, name='user_cash'), server_default='0',
                  nullable=False),
        sa.Column('must_change_password', sa.Boolean(create_constraint=True, name='user_must_change'),
                  server_default='0', nullable=False),
        sa.Column('failed_sign_ins', sa.Integer(), server_default='0', nullable=False),
        sa.Column('last_failed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_sign_in_at', sa.DateTime(timezone=True), nullable=True),
    ]


def _sqlite() -> bool:
    return op.get_bind().dialect.name == 'sqlite'


def _set_roles(old: str, new: str, values) -> None:
    if _sqlite():  # a CHECK changes only by copying the table; app_user has no child tables to cascade into
        with op.batch_alter_table('app_user', recreate='always') as batch:
            batch.drop_constraint(op.f('ck_app_user_user_role'), type_='check')
    else:
        op.drop_constraint(op.f('ck_app_user_user_role'), 'app_user', type_='check')
    op.execute(sa.text("UPDATE app_user SET role = :new WHERE role = :old").bindparams(new=new, old=old))
    if _sqlite():
        with op.batch_alter_table('app_user') as batch:
            batch.create_check_constraint('user_role', sa.column('role').in_(values))
    else:
        op.create_check_constraint('user_role', 'app_user', sa.column('role').in_(values))


def upgrade() -> None:
    _set_roles('odczyt', 'podglad', NEW_ROLES)
    with op.batch_alter_table('app_user') as batch:
        for column in _columns():
            batch.add_column(column)


def downgrade() -> None:
    op.execute(sa.text("UPDATE app_user SET role = 'pracownik' WHERE role = 'koordynator'"))
    if _sqlite():
        with op.batch_alter_table('app_user', recreate='always') as batch:
            for check in ('ck_app_user_user_cash', 'ck_app_user_user_must_change'):
                batch.drop_constraint(op.f(check), type_='check')
            for column in _columns():
                batch.drop_column(column.name)
    else:  # the columns' CHECKs go with them
        for column in _columns():
            op.drop_column('app_user', column.name)
    _set_roles('podglad', 'odczyt', OLD_ROLES)
