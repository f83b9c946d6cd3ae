"""A programme of local activity and what its document lays down: goals, schedule, area, indicators."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pal_desktop.domain.efs_dictionaries import FundingPeriod
from pal_desktop.domain.enums import IndicatorKind, ProgrammeItemKind
from pal_desktop.storage.models.base import Audited, Base, enum_column


class Programme(Audited, Base):
    __tablename__ = "programme"
    __table_args__ = (CheckConstraint("end_date >= start_date", name="dates_in_order"),)

    #: A stable key for built-in programmes (e.g. "klobuck-2021-2022"), so a second init does not duplicate them.
    key: Mapped[str | None] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    subtitle: Mapped[str] = mapped_column(String(300), default="")
    project_number: Mapped[str] = mapped_column(String(80), default="")
    municipality: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    funding_line: Mapped[str] = mapped_column(Text, default="")
    co_financing: Mapped[str] = mapped_column(Text, default="")
    target_group: Mapped[str] = mapped_column(Text, default="")
    main_goal: Mapped[str] = mapped_column(Text, default="")
    monitoring: Mapped[str] = mapped_column(Text, default="")
    #: Chooses the participant data set (SL2014 or SM EFS); None for a programme without EU funds.
    funding_period: Mapped[FundingPeriod | None] = mapped_column(enum_column(FundingPeriod, "funding_period"))
    #: The end of the period the funder requires the records kept for; only after it may they be anonymised.
    archive_until: Mapped[dt.date | None] = mapped_column(Date)
    #: When the programme's participants were anonymised (None: not yet).
    anonymised_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    #: The internship stipend's rule (services.internship_stipend); None: the documented defaults there.
    stipend_base: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    stipend_percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    stipend_full_hours: Mapped[int | None] = mapped_column(Integer)

    items: Mapped[list[ProgrammeItem]] = relationship(
        back_populates="programme", cascade="all, delete-orphan", order_by="ProgrammeItem.position")
    tasks: Mapped[list[ScheduleTask]] = relationship(
        back_populates="programme", cascade="all, delete-orphan", order_by="ScheduleTask.position")
    streets: Mapped[list[AreaStreet]] = relationship(back_populates="programme", cascade="all, delete-orphan")
    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="programme", cascade="all, delete-orphan", order_by="Indicator.position")


class ProgrammeItem(Audited, Base):
    """One entry of a listed part of the programme document (a specific goal, a planned action...)."""

    __tablename__ = "programme_item"

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ProgrammeItemKind] = mapped_column(enum_column(ProgrammeItemKind, "programme_item_kind"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    programme: Mapped[Programme] = relationship(back_populates="items")


class ScheduleTask(Audited, Base):
    """A task of the programme's schedule (section IX of the seed), or a milestone, or a sub-task."""

    __tablename__ = "schedule_task"
    __table_args__ = (CheckConstraint("end_date >= start_date", name="dates_in_order"),)

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("schedule_task.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    is_milestone: Mapped[bool] = mapped_column(Boolean(create_constraint=True, name="is_milestone"), default=False)
    planned_events: Mapped[int | None] = mapped_column(Integer)

    programme: Mapped[Programme] = relationship(back_populates="tasks")


class AreaStreet(Audited, Base):
    """A street of the revitalisation area the programme serves."""

    __tablename__ = "area_street"
    __table_args__ = (UniqueConstraint("programme_id", "locality", "name"),)

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    locality: Mapped[str] = mapped_column(String(120), default="")
    postal_code: Mapped[str] = mapped_column(String(6), default="")

    programme: Mapped[Programme] = relationship(back_populates="streets")


class Indicator(Audited, Base):
    """A product or result indicator with its target; ``measure`` names how its value is computed."""

    __tablename__ = "indicator"

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    kind: Mapped[IndicatorKind] = mapped_column(enum_column(IndicatorKind, "indicator_kind"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(40), default="")
    target_value: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    measure: Mapped[str] = mapped_column(String(80), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    #: The specific goal of section V the indicator supports (None: the main goal only).
    goal_item_id: Mapped[int | None] = mapped_column(ForeignKey("programme_item.id", ondelete="SET NULL"))
    #: The result of section X it supports. The results are the programme's result indicators, so a product
    #: points at one of them (a result indicator at none).
    result_id: Mapped[int | None] = mapped_column(ForeignKey("indicator.id", ondelete="SET NULL"))

    programme: Mapped[Programme] = relationship(back_populates="indicators")
    goal_item: Mapped[ProgrammeItem | None] = relationship()
    result: Mapped[Indicator | None] = relationship(remote_side="Indicator.id")
