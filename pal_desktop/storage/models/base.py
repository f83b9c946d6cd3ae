"""The declarative base every table shares: naming conventions, audit columns and optimistic locking."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import DateTime, Enum, Integer, MetaData, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from pal_desktop.actor import current_actor as _current_actor

#: Constraint names fixed by convention so that the same migrations run on SQLite and PostgreSQL
#: (batch mode on SQLite must be able to find a constraint by its name).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Who is making the current changes; the session's flush hook stamps it on every row it writes.
current_actor = _current_actor


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def enum_column(enum_cls: type[enum.Enum], name: str) -> Enum:
    """A portable enum: a VARCHAR with a named CHECK constraint, storing the members' values."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=40,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Audited:
    """Columns every table carries: id, when and by whom it was created and changed, and a version."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                    server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow,
                                                    server_default=func.current_timestamp())
    created_by: Mapped[str] = mapped_column(String(64), default=lambda: current_actor.get(),
                                            server_default="system")
    updated_by: Mapped[str] = mapped_column(String(64), default=lambda: current_actor.get(),
                                            onupdate=lambda: current_actor.get(), server_default="system")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805 - declared_attr receives the class
        # A stale version makes the UPDATE match no row: SQLAlchemy raises StaleDataError, which the
        # services turn into a "somebody else changed this record" message.
        return {"version_id_col": cls.version}
