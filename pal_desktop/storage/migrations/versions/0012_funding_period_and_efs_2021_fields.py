"""Each programme's funding period, and the participant fields of the 2021-2027 data set.

The free-text "w tym" of the labour-market status and the situation at the end are mapped to the new
dictionary columns where the text is recognised; the text itself stays, so nothing typed is lost and what
could not be mapped can be listed (services.efs_validation.unmapped_free_text).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 14:30:00
"""

import sqlalchemy as sa
from alembic import op

from pal_desktop.domain.efs_dictionaries import (
    Citizenship,
    EndSituation,
    FundingPeriod,
    LabourDetail,
    end_situation_from_text,
    labour_detail_from_text,
)
from pal_desktop.domain.enums import LabourStatus, TriState

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

#: The built-in programme was funded from 2014-2020's regional programme.
BUILTIN_KEY = 'klobuck-2021-2022'


def _enum(values, name: str) -> sa.Enum:
    return sa.Enum(*[v.value for v in values], name=name, native_enum=False, create_constraint=True, length=40)


def _participant_columns() -> list[sa.Column]:
    return [
        sa.Column('labour_detail', _enum(LabourDetail, 'labour_detail'), nullable=True),
        sa.Column('citizenship', _enum(Citizenship, 'citizenship'), nullable=True),
        sa.Column('foreign_origin', _enum(TriState, 'foreign_origin'), nullable=True),
        sa.Column('third_country_citizen', _enum(TriState, 'third_country_citizen'), nullable=True),
        sa.Column('minority', _enum(TriState, 'minority'), nullable=True),
        sa.Column('planned_education_end', sa.Date(), nullable=True),
        sa.Column('business_start_date', sa.Date(), nullable=True),
        sa.Column('technical_id', sa.String(length=40), server_default='', nullable=False),
        sa.Column('end_situation_code', _enum(EndSituation, 'end_situation_code'), nullable=True),
    ]


def _add(table: str, column: sa.Column) -> None:
    """Add a column; on SQLite by a plain ALTER TABLE with the CHECK on the column itself.

    Batch mode would copy the table, and dropping the old copy fails while foreign keys are on (they
    cannot be turned off inside the upgrade's transaction) as soon as another table refers to a row.
    """
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        op.add_column(table, column)
        return
    ddl = f"{column.name} {column.type.compile(dialect=bind.dialect)}"
    if isinstance(column.type, sa.Enum):
        values = ", ".join(f"'{value}'" for value in column.type.enums)
        ddl += f" CONSTRAINT ck_{table}_{column.type.name} CHECK ({column.name} IN ({values}))"
    if column.server_default is not None:
        ddl += f" DEFAULT '{column.server_default.arg}'"
    if not column.nullable:
        ddl += " NOT NULL"
    op.execute(f"ALTER TABLE {table} ADD COLUMN {ddl}")


def _drop(table: str, name: str) -> None:
    if op.get_bind().dialect.name == 'sqlite':  # SQLite 3.35+; see _add for why not batch mode
        op.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
    else:
        op.drop_column(table, name)


def upgrade() -> None:
    _add('programme', sa.Column('funding_period', _enum(FundingPeriod, 'funding_period'), nullable=True))
    for column in _participant_columns():
        _add('participant', column)
    connection = op.get_bind()
    connection.execute(sa.text("UPDATE programme SET funding_period = :period WHERE key = :key"),
                       {"period": FundingPeriod.P2014_2020.value, "key": BUILTIN_KEY})
    rows = connection.execute(sa.text(
        "SELECT id, labour_status, labour_status_detail, end_situation FROM participant "
        "WHERE labour_status_detail <> '' OR end_situation <> ''")).all()
    for person_id, status, detail_text, end_text in rows:
        detail = labour_detail_from_text(detail_text or '', LabourStatus(status) if status else None)
        end = end_situation_from_text(end_text or '')
        if detail is None and end is None:
            continue
        connection.execute(sa.text(
            "UPDATE participant SET labour_detail = :detail, end_situation_code = :end WHERE id = :id"),
            {"detail": detail.value if detail else None, "end": end.value if end else None, "id": person_id})


def downgrade() -> None:
    for column in reversed(_participant_columns()):
        _drop('participant', column.name)
    _drop('programme', 'funding_period')
