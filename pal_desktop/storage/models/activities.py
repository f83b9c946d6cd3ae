"""What happens under the schedule: events and series, enrolments, attendance, internships, cash assistance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pal_desktop.domain.enums import (
    AttendanceStatus,
    BenefitType,
    CashPurpose,
    EnrolmentStatus,
    EventStatus,
    LeaderKind,
)
from pal_desktop.storage.models.base import Audited, Base, enum_column
from pal_desktop.storage.models.people import flag


class EventType(Audited, Base):
    """The editable list of event types (spotkanie sąsiedzkie, warsztat, ...)."""

    __tablename__ = "event_type"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = flag("event_type_active", default=True)


class EventSeries(Audited, Base):
    """A series of sessions (a workshop every Tuesday for 10 weeks), each session an Event of its own."""

    __tablename__ = "event_series"

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("schedule_task.id", ondelete="SET NULL"))
    event_type_id: Mapped[int | None] = mapped_column(ForeignKey("event_type.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300))
    recurrence: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    events: Mapped[list[Event]] = relationship(back_populates="series", order_by="Event.event_date")


class Event(Audited, Base):
    """A meeting, workshop session, training, integration event... held on one date."""

    __tablename__ = "event"
    __table_args__ = (
        CheckConstraint("end_time IS NULL OR start_time IS NULL OR end_time > start_time", name="times_in_order"),
        CheckConstraint("capacity IS NULL OR capacity >= 0", name="capacity_not_negative"),
    )

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("schedule_task.id", ondelete="SET NULL"), index=True)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("event_series.id", ondelete="SET NULL"), index=True)
    event_type_id: Mapped[int | None] = mapped_column(ForeignKey("event_type.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300))
    event_date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(300), default="")
    leader_kind: Mapped[LeaderKind | None] = mapped_column(enum_column(LeaderKind, "leader_kind"))
    leader_name: Mapped[str] = mapped_column(String(200), default="")
    leader_animator_id: Mapped[int | None] = mapped_column(ForeignKey("animator.id", ondelete="SET NULL"))
    leader_volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id", ondelete="SET NULL"))
    capacity: Mapped[int | None] = mapped_column(Integer)
    #: "z udziałem dzieci": whoever leads or helps needs the child-protection checks (services.child_protection).
    with_children: Mapped[bool] = flag("event_with_children")
    status: Mapped[EventStatus] = mapped_column(enum_column(EventStatus, "event_status"),
                                                default=EventStatus.PLANNED)
    notes: Mapped[str] = mapped_column(Text, default="")

    series: Mapped[EventSeries | None] = relationship(back_populates="events")
    event_type: Mapped[EventType | None] = relationship()
    enrolments: Mapped[list[Enrolment]] = relationship(back_populates="event", cascade="all, delete-orphan")
    attendance: Mapped[list[Attendance]] = relationship(back_populates="event", cascade="all, delete-orphan")
    staff: Mapped[list[EventStaff]] = relationship(back_populates="event", cascade="all, delete-orphan")


class EventStaff(Audited, Base):
    """An animator or volunteer who led or helped at an event."""

    __tablename__ = "event_staff"

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    animator_id: Mapped[int | None] = mapped_column(ForeignKey("animator.id", ondelete="CASCADE"))
    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(120), default="")

    event: Mapped[Event] = relationship(back_populates="staff")


class Enrolment(Audited, Base):
    __tablename__ = "enrolment"
    __table_args__ = (UniqueConstraint("event_id", "participant_id"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    status: Mapped[EnrolmentStatus] = mapped_column(enum_column(EnrolmentStatus, "enrolment_status"),
                                                    default=EnrolmentStatus.ENROLLED)

    event: Mapped[Event] = relationship(back_populates="enrolments")


class Attendance(Audited, Base):
    """Whether a participant came to an event; a walk-in has no enrolment."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("event_id", "participant_id"),)

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    status: Mapped[AttendanceStatus] = mapped_column(enum_column(AttendanceStatus, "attendance_status"))
    walk_in: Mapped[bool] = flag("walk_in")

    event: Mapped[Event] = relationship(back_populates="attendance")


class Internship(Audited, Base):
    """An internship (staż) with a host employer."""

    __tablename__ = "internship"
    __table_args__ = (CheckConstraint("end_date >= start_date", name="dates_in_order"),)

    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("schedule_task.id", ondelete="SET NULL"))
    employer_name: Mapped[str] = mapped_column(String(300))
    employer_address: Mapped[str] = mapped_column(String(300), default="")
    agreement_number: Mapped[str] = mapped_column(String(60), default="")
    agreement_date: Mapped[dt.date | None] = mapped_column(Date)
    supervisor: Mapped[str] = mapped_column(String(200), default="")
    position_name: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    hours_per_week: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    monthly_stipend: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    notes: Mapped[str] = mapped_column(Text, default="")

    months: Mapped[list[InternshipMonth]] = relationship(back_populates="internship", cascade="all, delete-orphan",
                                                         order_by="InternshipMonth.month")


class InternshipMonth(Audited, Base):
    """Monthly attendance at an internship: the basis of the stipend."""

    __tablename__ = "internship_month"
    __table_args__ = (UniqueConstraint("internship_id", "month"),)

    internship_id: Mapped[int] = mapped_column(ForeignKey("internship.id", ondelete="CASCADE"), index=True)
    month: Mapped[dt.date] = mapped_column(Date)
    days_present: Mapped[int] = mapped_column(Integer, default=0)
    days_absent: Mapped[int] = mapped_column(Integer, default=0)
    hours: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    stipend_paid: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))

    internship: Mapped[Internship] = relationship(back_populates="months")


class CashAssistance(Audited, Base):
    """Cash assistance decided in the centre's main system and recorded for the programme."""

    __tablename__ = "cash_assistance"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id", ondelete="SET NULL"))
    benefit_type: Mapped[BenefitType] = mapped_column(enum_column(BenefitType, "benefit_type"))
    #: What a zasiłek celowy pays for (art. 39 ust. 2); None for okresowy/stały and for records before 0016.
    purpose: Mapped[CashPurpose | None] = mapped_column(enum_column(CashPurpose, "cash_purpose"))
    decision_number: Mapped[str] = mapped_column(String(80), default="")
    decision_date: Mapped[dt.date | None] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    period_from: Mapped[dt.date | None] = mapped_column(Date)
    period_to: Mapped[dt.date | None] = mapped_column(Date)
    payment_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
