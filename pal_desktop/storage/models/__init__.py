"""All tables of PAL Desktop, importable from one place (Alembic reads ``Base.metadata`` from here)."""

from pal_desktop.storage.models.activities import (
    Attendance,
    CashAssistance,
    Enrolment,
    Event,
    EventSeries,
    EventStaff,
    EventType,
    Internship,
    InternshipMonth,
)
from pal_desktop.storage.models.base import Base, current_actor
from pal_desktop.storage.models.people import (
    Animator,
    AnimatorInitiative,
    Household,
    HouseholdMember,
    IssuedDocument,
    Participant,
    ParticipantReason,
    SupportPathItem,
    Volunteer,
    VolunteerAgreement,
    VolunteerHours,
)
from pal_desktop.storage.models.programme import AreaStreet, Indicator, Programme, ProgrammeItem, ScheduleTask
from pal_desktop.storage.models.reporting import ReportDraft, ReportVersion
from pal_desktop.storage.models.scans import ScannedListEvent, ScannedListPage
from pal_desktop.storage.models.system import AuditEntry, LogoImage, Setting, User

__all__ = [
    "Animator", "AnimatorInitiative", "AreaStreet", "Attendance", "AuditEntry", "Base", "CashAssistance",
    "Enrolment", "Event", "EventSeries", "EventStaff", "EventType", "Household", "HouseholdMember", "Indicator",
    "Internship", "InternshipMonth", "IssuedDocument", "LogoImage", "Participant", "ParticipantReason", "Programme",
    "ProgrammeItem", "ReportDraft", "ReportVersion", "ScannedListEvent", "ScannedListPage", "ScheduleTask", "Setting", "SupportPathItem", "User",
    "Volunteer", "VolunteerAgreement", "VolunteerHours",
    "current_actor",
]
