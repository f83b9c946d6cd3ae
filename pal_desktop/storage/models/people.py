"""The people the office keeps records of: participants and their households, animators, volunteers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pal_desktop.domain.efs_dictionaries import Citizenship, EndSituation, LabourDetail, Occupation
from pal_desktop.domain.enums import (
    DisabilityDegree,
    Education,
    LabourStatus,
    ParticipantStatus,
    Sex,
    SupportReason,
    SupportStatus,
    TriState,
)
from pal_desktop.storage.models.base import Audited, Base, enum_column

#: Binary comparison on PostgreSQL too (its default collation would reorder the key's code points).
SORT_KEY_TYPE = String(400).with_variant(String(400, collation="C"), "postgresql")


def flag(name: str, default: bool = False) -> Mapped[bool]:
    return mapped_column(Boolean(create_constraint=True, name=name), default=default,
                         server_default="1" if default else "0")


class Household(Audited, Base):
    """A family or household whose members are covered by support."""

    __tablename__ = "household"

    name: Mapped[str] = mapped_column(String(200))
    street_name: Mapped[str] = mapped_column(String(200), default="")
    house_number: Mapped[str] = mapped_column(String(20), default="")
    flat_number: Mapped[str] = mapped_column(String(20), default="")
    postal_code: Mapped[str] = mapped_column(String(6), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    members: Mapped[list[HouseholdMember]] = relationship(back_populates="household",
                                                          cascade="all, delete-orphan")


class Participant(Audited, Base):
    __tablename__ = "participant"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="dates_in_order"),
        # Searching scans this narrow index instead of the wide rows, already in Polish name order.
        Index("ix_participant_search", "programme_id", "sort_key", "search_text"),
        # The registry sorted by address or sex reads its pages by keyset from these (services.participant_search).
        Index("ix_participant_street_order", "street_name", "house_number", "id"),
        Index("ix_participant_sex_order", "sex", "id"),
    )

    #: Indexed by ix_participant_search, whose first column it is (a separate index would mislead SQLite's
    #: planner into sorting 100,000 rows instead of reading them in order).
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="RESTRICT"))
    status: Mapped[ParticipantStatus] = mapped_column(enum_column(ParticipantStatus, "participant_status"),
                                                      default=ParticipantStatus.CANDIDATE, index=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(150))
    pesel: Mapped[str | None] = mapped_column(String(11), unique=True)
    no_pesel: Mapped[bool] = flag("no_pesel")
    document_number: Mapped[str] = mapped_column(String(40), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    sex: Mapped[Sex | None] = mapped_column(enum_column(Sex, "sex"))
    street_id: Mapped[int | None] = mapped_column(ForeignKey("area_street.id", ondelete="SET NULL"), index=True)
    street_name: Mapped[str] = mapped_column(String(200), default="")
    outside_area_reason: Mapped[str] = mapped_column(Text, default="")
    house_number: Mapped[str] = mapped_column(String(20), default="")
    flat_number: Mapped[str] = mapped_column(String(20), default="")
    postal_code: Mapped[str] = mapped_column(String(6), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    education: Mapped[Education | None] = mapped_column(enum_column(Education, "education"))
    labour_status: Mapped[LabourStatus | None] = mapped_column(enum_column(LabourStatus, "labour_status"))
    #: Free text from before the dictionary; kept for what the migration could not map (``labour_detail``).
    labour_status_detail: Mapped[str] = mapped_column(String(200), default="")
    labour_detail: Mapped[LabourDetail | None] = mapped_column(enum_column(LabourDetail, "labour_detail"))
    citizenship: Mapped[Citizenship | None] = mapped_column(enum_column(Citizenship, "citizenship"))
    foreign_origin: Mapped[TriState | None] = mapped_column(enum_column(TriState, "foreign_origin"))
    third_country_citizen: Mapped[TriState | None] = mapped_column(enum_column(TriState, "third_country_citizen"))
    #: 2021-2027's "mniejszość narodowa lub etniczna (w tym społeczności marginalizowane)", asked on its own.
    minority: Mapped[TriState | None] = mapped_column(enum_column(TriState, "minority"))
    planned_education_end: Mapped[dt.date | None] = mapped_column(Date)
    business_start_date: Mapped[dt.date | None] = mapped_column(Date)
    #: The beneficiary's own identifier of the person (SM EFS "Techniczny identyfikator uczestnika").
    technical_id: Mapped[str] = mapped_column(String(40), default="", server_default="")
    disability: Mapped[TriState | None] = mapped_column(enum_column(TriState, "disability"))
    disability_degree: Mapped[DisabilityDegree | None] = mapped_column(
        enum_column(DisabilityDegree, "disability_degree"))
    minority_or_foreign: Mapped[TriState | None] = mapped_column(enum_column(TriState, "minority_or_foreign"))
    homeless: Mapped[TriState | None] = mapped_column(enum_column(TriState, "homeless"))
    other_disadvantage: Mapped[TriState | None] = mapped_column(enum_column(TriState, "other_disadvantage"))
    start_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    end_situation: Mapped[str] = mapped_column(Text, default="")
    end_situation_code: Mapped[EndSituation | None] = mapped_column(enum_column(EndSituation, "end_situation_code"))
    completed_as_planned: Mapped[TriState | None] = mapped_column(enum_column(TriState, "completed_as_planned"))
    #: The 2014-2020 practitioners' columns (SL2014): occupation and employer of a person in work, a second
    #: situation at the end, and the grant and PKD of a business started with the project's support.
    occupation: Mapped[Occupation | None] = mapped_column(enum_column(Occupation, "occupation"))
    employed_at: Mapped[str] = mapped_column(String(200), default="", server_default="")
    end_situation_code_2: Mapped[EndSituation | None] = mapped_column(
        enum_column(EndSituation, "end_situation_code_2"))
    business_grant: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    business_pkd: Mapped[str] = mapped_column(String(10), default="", server_default="")
    declaration_date: Mapped[dt.date | None] = mapped_column(Date)
    data_protection_date: Mapped[dt.date | None] = mapped_column(Date)
    image_consent_date: Mapped[dt.date | None] = mapped_column(Date)
    individual_plan_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    anonymised_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    #: Name, PESEL and street folded to lower-case ASCII ("Łukasz" -> "lukasz"), so that a plain LIKE
    #: finds what people type on SQLite and PostgreSQL alike.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: "Nazwisko Imię" as a key that sorts in Polish alphabetical order under a binary collation.
    sort_key: Mapped[str] = mapped_column(SORT_KEY_TYPE, default="", server_default="", index=True)

    reasons: Mapped[list[ParticipantReason]] = relationship(back_populates="participant",
                                                            cascade="all, delete-orphan")
    support_path: Mapped[list[SupportPathItem]] = relationship(
        back_populates="participant", cascade="all, delete-orphan",
        order_by="(SupportPathItem.planned_start, SupportPathItem.id)")
    membership: Mapped[HouseholdMember | None] = relationship(back_populates="participant")


class ParticipantReason(Audited, Base):
    """A reason for support (art. 7 of the social-assistance act) given for a participant."""

    __tablename__ = "participant_reason"
    __table_args__ = (UniqueConstraint("participant_id", "reason"),)

    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    reason: Mapped[SupportReason] = mapped_column(enum_column(SupportReason, "support_reason"))

    participant: Mapped[Participant] = relationship(back_populates="reasons")


class SupportPathItem(Audited, Base):
    """One planned form of support on a participant's individual path (ścieżka uczestnictwa)."""

    __tablename__ = "support_path_item"
    __table_args__ = (
        CheckConstraint("planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start",
                        name="planned_in_order"),
        CheckConstraint("given_end IS NULL OR given_start IS NULL OR given_end >= given_start",
                        name="given_in_order"),
    )

    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    form: Mapped[str] = mapped_column(String(120))
    planned_start: Mapped[dt.date | None] = mapped_column(Date)
    planned_end: Mapped[dt.date | None] = mapped_column(Date)
    given_start: Mapped[dt.date | None] = mapped_column(Date)
    given_end: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[SupportStatus] = mapped_column(enum_column(SupportStatus, "support_status"),
                                                  default=SupportStatus.PLANNED)
    notes: Mapped[str] = mapped_column(Text, default="")

    participant: Mapped[Participant] = relationship(back_populates="support_path")


class HouseholdMember(Audited, Base):
    """A member of a household: a participant, or a relative covered by support who is not one."""

    __tablename__ = "household_member"

    household_id: Mapped[int] = mapped_column(ForeignKey("household.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"),
                                                       unique=True)
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(150), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    #: A relative who is not a participant: birth date and sex follow from it, as for participants.
    pesel: Mapped[str | None] = mapped_column(String(11), unique=True, index=True)
    sex: Mapped[Sex | None] = mapped_column(enum_column(Sex, "sex"))
    #: The folded "last first" name (domain.text.fold): found with or without Polish letters on any database.
    search_text: Mapped[str] = mapped_column(String(300), default="", server_default="")
    relation: Mapped[str] = mapped_column(String(80), default="")
    is_head: Mapped[bool] = flag("is_head")
    covered_by_support: Mapped[bool] = flag("covered_by_support", default=True)

    household: Mapped[Household] = relationship(back_populates="members")
    participant: Mapped[Participant | None] = relationship(back_populates="membership")


class Animator(Audited, Base):
    """A local animator: a resident (often a participant) chosen to animate the community."""

    __tablename__ = "animator"

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="RESTRICT"), index=True)
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participant.id", ondelete="SET NULL"))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(150))
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    chosen_date: Mapped[dt.date | None] = mapped_column(Date)
    field: Mapped[str] = mapped_column(String(300), default="")
    active: Mapped[bool] = flag("animator_active", default=True)
    #: The checks for leading events with children (art. 21 of the act of 13 May 2016; services.child_protection).
    register_check_date: Mapped[dt.date | None] = mapped_column(Date)
    criminal_record_date: Mapped[dt.date | None] = mapped_column(Date)
    residence_statement_date: Mapped[dt.date | None] = mapped_column(Date)
    foreign_countries: Mapped[str] = mapped_column(String(300), default="")
    foreign_record_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    initiatives: Mapped[list[AnimatorInitiative]] = relationship(back_populates="animator",
                                                                 cascade="all, delete-orphan")


class AnimatorInitiative(Audited, Base):
    """A local initiative an animator leads."""

    __tablename__ = "animator_initiative"

    animator_id: Mapped[int] = mapped_column(ForeignKey("animator.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    people_reached: Mapped[int | None] = mapped_column(Integer)

    animator: Mapped[Animator] = relationship(back_populates="initiatives")


class Volunteer(Audited, Base):
    __tablename__ = "volunteer"

    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(150))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    skills: Mapped[str] = mapped_column(Text, default="")
    availability: Mapped[str] = mapped_column(Text, default="")
    works_with_children: Mapped[bool] = flag("works_with_children")
    register_check_date: Mapped[dt.date | None] = mapped_column(Date)
    criminal_record_date: Mapped[dt.date | None] = mapped_column(Date)
    #: The statement on the countries lived in over the last 20 years and their criminal records (art. 21 ust. 4-7).
    residence_statement_date: Mapped[dt.date | None] = mapped_column(Date)
    foreign_countries: Mapped[str] = mapped_column(String(300), default="")
    foreign_record_date: Mapped[dt.date | None] = mapped_column(Date)
    #: Before revision 0016: the waiver is now a term of the agreement (VolunteerAgreement.travel_cost_waiver).
    travel_cost_waiver: Mapped[bool] = flag("travel_cost_waiver")
    guardian_consent_date: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = flag("volunteer_active", default=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    agreements: Mapped[list[VolunteerAgreement]] = relationship(back_populates="volunteer",
                                                                cascade="all, delete-orphan")
    hours: Mapped[list[VolunteerHours]] = relationship(back_populates="volunteer", cascade="all, delete-orphan")


class VolunteerAgreement(Audited, Base):
    """A volunteering agreement (porozumienie o wykonywaniu świadczeń wolontariusza)."""

    __tablename__ = "volunteer_agreement"
    __table_args__ = (CheckConstraint("end_date >= start_date", name="dates_in_order"),)

    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id", ondelete="CASCADE"), index=True)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id", ondelete="SET NULL"))
    number: Mapped[str] = mapped_column(String(60))
    signed_date: Mapped[dt.date | None] = mapped_column(Date)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    scope: Mapped[str] = mapped_column(Text, default="")
    manner: Mapped[str] = mapped_column(Text, default="")
    time_description: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(String(300), default="")
    termination_terms: Mapped[str] = mapped_column(Text, default="")
    written_form: Mapped[bool] = flag("written_form", default=True)
    nnw_insurance: Mapped[bool] = flag("nnw_insurance")
    health_safety_date: Mapped[dt.date | None] = mapped_column(Date)
    #: The volunteer's waiver of travel costs and allowances (art. 45 ust. 1 pkt 4): a term of this agreement.
    travel_cost_waiver: Mapped[bool] = flag("agreement_travel_waiver")
    #: Other costs the organisation reimburses (art. 45 ust. 3), as the agreement words them.
    reimbursed_costs: Mapped[str] = mapped_column(Text, default="")
    #: The accident (NNW) policy of an agreement of 30 days or less (art. 46 ust. 4).
    nnw_insurer: Mapped[str] = mapped_column(String(200), default="")
    nnw_policy_number: Mapped[str] = mapped_column(String(80), default="")
    nnw_from: Mapped[dt.date | None] = mapped_column(Date)
    nnw_to: Mapped[dt.date | None] = mapped_column(Date)

    volunteer: Mapped[Volunteer] = relationship(back_populates="agreements")


class VolunteerHours(Audited, Base):
    """Hours a volunteer worked on one date, for a task or an event."""

    __tablename__ = "volunteer_hours"
    __table_args__ = (CheckConstraint("hours > 0 AND hours <= 24", name="hours_in_day"),)

    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteer.id", ondelete="CASCADE"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer_agreement.id", ondelete="SET NULL"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("schedule_task.id", ondelete="SET NULL"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"))
    work_date: Mapped[dt.date] = mapped_column(Date, index=True)
    hours: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    activity: Mapped[str] = mapped_column(String(300), default="")

    volunteer: Mapped[Volunteer] = relationship(back_populates="hours")



class IssuedDocument(Audited, Base):
    """A numbered document the office issued to a volunteer (a certificate "Z/2026/001", an opinion
    "O/2026/001"): the register its numbers come from."""

    __tablename__ = "issued_document"
    __table_args__ = (UniqueConstraint("number"),)

    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[str] = mapped_column(String(60))
    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer.id", ondelete="SET NULL"), index=True)
    issued_on: Mapped[dt.date] = mapped_column(Date)
