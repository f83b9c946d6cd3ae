"""The lists each tab of the main window shows, read a page at a time.

Rows are plain tuples of display values (already formatted in Polish), with the record id first, so that
table models stay thin and nothing lazy-loads in the UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from pal_desktop.domain.enums import EventStatus, ParticipantStatus, Sex
from pal_desktop.services.access_control import may_see_full_pesel
from pal_desktop.services.formatting import format_date, mask_pesel
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import (
    Animator,
    AnimatorInitiative,
    Attendance,
    Enrolment,
    Event,
    EventType,
    Participant,
    ScheduleTask,
    Volunteer,
    VolunteerAgreement,
    VolunteerHours,
)


@dataclass(frozen=True)
class Page:
    """One page of a list: the rows, and how many rows the whole list has."""

    rows: list[tuple]
    total: int


def count_participants(db: Database, programme_id: int) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Participant)
                              .where(Participant.programme_id == programme_id)) or 0


def participant_page(db: Database, programme_id: int, offset: int, limit: int, *,
                     show_full_pesel: bool = False) -> list[tuple]:
    """(id, Nazwisko, Imię, PESEL, Ulica, Status, Data rozpoczęcia) in Polish alphabetical order."""
    with db.reading() as session:
        rows = session.execute(
            select(Participant.id, Participant.last_name, Participant.first_name, Participant.pesel,
                   Participant.street_name, Participant.house_number, Participant.status, Participant.start_date,
                   Participant.sex)
            .where(Participant.programme_id == programme_id)
            .order_by(Participant.sort_key, Participant.id)
            .offset(offset).limit(limit)).all()
    result = []
    for r in rows:
        pesel = r.pesel if may_see_full_pesel(show_full_pesel) else mask_pesel(r.pesel)
        street = f"{r.street_name} {r.house_number}".strip()
        sex = Sex(r.sex).label if r.sex else ""
        result.append((r.id, r.last_name, r.first_name, pesel or "brak PESEL", sex, street,
                       ParticipantStatus(r.status).label, format_date(r.start_date)))
    return result


def animator_rows(db: Database, programme_id: int) -> list[tuple]:
    """(id, Nazwisko, Imię, Telefon, Obszar działania, Data wyboru, Inicjatywy, Aktywny)."""
    with db.reading() as session:
        initiatives = dict(session.execute(select(AnimatorInitiative.animator_id, func.count())
                                           .group_by(AnimatorInitiative.animator_id)).all())
        animators = session.scalars(select(Animator).where(Animator.programme_id == programme_id)
                                    .order_by(Animator.last_name, Animator.first_name))
        return [(a.id, a.last_name, a.first_name, a.phone, a.field, format_date(a.chosen_date),
                 initiatives.get(a.id, 0), "tak" if a.active else "nie") for a in animators]


def volunteer_rows(db: Database) -> list[tuple]:
    """(id, Nazwisko, Imię, Telefon, Praca z dziećmi, Porozumienie do, Godziny łącznie)."""
    with db.reading() as session:
        hours = dict(session.execute(select(VolunteerHours.volunteer_id, func.sum(VolunteerHours.hours))
                                     .group_by(VolunteerHours.volunteer_id)).all())
        agreement_end = dict(session.execute(select(VolunteerAgreement.volunteer_id,
                                                    func.max(VolunteerAgreement.end_date))
                                             .group_by(VolunteerAgreement.volunteer_id)).all())
        volunteers = session.scalars(select(Volunteer).order_by(Volunteer.last_name, Volunteer.first_name))
        return [(v.id, v.last_name, v.first_name, v.phone, "tak" if v.works_with_children else "nie",
                 format_date(agreement_end.get(v.id)), _hours_text(hours.get(v.id)))
                for v in volunteers]


def _hours_text(value) -> str:
    if value is None:
        return "0"
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def count_events(db: Database, programme_id: int) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Event).where(Event.programme_id == programme_id)) or 0


def event_page(db: Database, programme_id: int, offset: int, limit: int) -> list[tuple]:
    """(id, Data, Godziny, Tytuł, Rodzaj, Zadanie, Miejsce, Zapisani, Obecni, Status), by date."""
    with db.reading() as session:
        enrolled = (select(func.count()).where(Enrolment.event_id == Event.id).correlate(Event)
                    .scalar_subquery())
        present = (select(func.count()).where(Attendance.event_id == Event.id, Attendance.status == "obecny")
                   .correlate(Event).scalar_subquery())
        rows = session.execute(
            select(Event.id, Event.event_date, Event.start_time, Event.end_time, Event.title, EventType.name,
                   ScheduleTask.position, Event.place, enrolled.label("enrolled"), present.label("present"),
                   Event.status)
            .outerjoin(EventType, EventType.id == Event.event_type_id)
            .outerjoin(ScheduleTask, ScheduleTask.id == Event.task_id)
            .where(Event.programme_id == programme_id)
            .order_by(Event.event_date, Event.start_time, Event.id)
            .offset(offset).limit(limit)).all()
    result = []
    for r in rows:
        hours = ""
        if r.start_time:
            hours = r.start_time.strftime("%H:%M") + ("–" + r.end_time.strftime("%H:%M") if r.end_time else "")
        result.append((r.id, format_date(r.event_date), hours, r.title, r.name or "",
                       f"{r.position}" if r.position is not None else "", r.place, r.enrolled, r.present,
                       EventStatus(r.status).label))
    return result


__all__ = ["Page", "animator_rows", "count_events", "count_participants", "event_page",
           "participant_page", "volunteer_rows"]
