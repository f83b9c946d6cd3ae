"""The participant fields of the 2014-2020 data set's practitioner columns (SL2014).

"Wykonywany zawód" (a dictionary), "Zatrudniony w" (the employer's name), "Sytuacja (2) osoby w momencie
zakończenia udziału w projekcie" (a second value of the end-situation dictionary) and the grant and PKD of a
business started with the project's support. "Planowana data zakończenia edukacji" and "Data założenia
działalności gospodarczej" were added for 2021-2027 by 0012 and serve both periods. Nothing is mapped: the
fields are new, and empty on every existing record.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04 22:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

# The values as they were at this revision (the enums may grow later; this migration must not change).
OCCUPATIONS = ('instruktor_praktycznej_nauki_zawodu', 'nauczyciel_ksztalcenia_ogolnego',
               'nauczyciel_wychowania_przedszkolnego', 'nauczyciel_ksztalcenia_zawodowego',
               'pracownik_ochrony_zdrowia', 'pracownik_pomocy_i_integracji_spolecznej', 'pracownik_rynku_pracy',
               'pracownik_szkolnictwa_wyzszego', 'pracownik_wspierania_rodziny', 'pracownik_owes',
               'pracownik_poradni_pp', 'rolnik', 'inny')
END_SITUATIONS = ('podjecie_pracy', 'kontynuacja_zatrudnienia', 'podjecie_ksztalcenia', 'poszukiwanie_pracy',
                  'nabycie_kwalifikacji', 'brak_zmian', 'inne')


def _enum(values, name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=40)


def _columns() -> list[sa.Column]:
    return [
        sa.Column('occupation', _enum(OCCUPATIONS, 'occupation'), nullable=True),
        sa.Column('employed_at', sa.String(length=200), server_default='', nullable=False),
        sa.Column('end_situation_code_2', _enum(END_SITUATIONS, 'end_situation_code_2'), nullable=True),
        sa.Column('business_grant', sa.Numeric(12, 2), nullable=True),
        sa.Column('business_pkd', sa.String(length=10), server_default='', nullable=False),
    ]


def _add(column: sa.Column) -> None:
    """A plain ALTER TABLE on SQLite, the CHECK on the column: participant has child tables (see 0012)."""
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        op.add_column('participant', column)
        return
    ddl = f"{column.name} {column.type.compile(dialect=bind.dialect)}"
    if isinstance(column.type, sa.Enum):
        values = ", ".join(f"'{value}'" for value in column.type.enums)
        ddl += f" CONSTRAINT ck_participant_{column.type.name} CHECK ({column.name} IN ({values}))"
    if column.server_default is not None:
        ddl += f" DEFAULT '{column.server_default.arg}'"
    if not column.nullable:
        ddl += " NOT NULL"
    op.execute(f"ALTER TABLE participant ADD COLUMN {ddl}")


def upgrade() -> None:
    for column in _columns():
        _add(column)


def downgrade() -> None:
    for column in reversed(_columns()):
        if op.get_bind().dialect.name == 'sqlite':
            op.execute(f"ALTER TABLE participant DROP COLUMN {column.name}")
        else:
            op.drop_column('participant', column.name)
