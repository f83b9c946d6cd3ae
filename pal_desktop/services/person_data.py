"""The person's rights on paper: what the office holds about one person (art. 15 RODO), and the declaration
of participation with the information clause (art. 13 RODO) to be signed at enrolment.

The art. 15 report is the coordinator's or administrator's (it includes who accessed the record, from the
access log); the clause is printed by whoever enrols people. Both are logged as printouts of the person.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from pal_desktop.domain.enums import AttendanceStatus
from pal_desktop.domain.permissions import Permission
from pal_desktop.reports.person_data import (
    AccessLine,
    ClauseData,
    Controller,
    PersonDataReport,
    render_information_clause,
    render_person_data_report,
)
from pal_desktop.reports.styles import DocumentHeader
from pal_desktop.services import audit, organisation
from pal_desktop.services.access_control import require
from pal_desktop.services.access_log import PRINT, log_access
from pal_desktop.services.formatting import format_date
from pal_desktop.services.reports import document_header, participant_card_data
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Attendance, Enrolment, Event, Participant, Programme

DEFAULT_RETENTION = "do końca okresu przechowywania dokumentacji wskazanego w umowie o dofinansowanie programu"


def _controller(db: Database, programme: Programme) -> Controller:
    office = organisation.office_block(db, programme.id)
    iod = organisation.get_organisation(db).iod_contact
    retention = f"do {format_date(programme.archive_until)}" if programme.archive_until else DEFAULT_RETENTION
    return Controller(office=office.name, address=", ".join(p for p in (office.address, office.town_line) if p),
                      iod_contact=iod, programme_title=programme.title, funding_line=programme.funding_line,
                      retention=retention)


def _events(session, participant_id: int) -> list[tuple[str, str, str]]:
    marks = dict(session.execute(select(Attendance.event_id, Attendance.status)
                                 .where(Attendance.participant_id == participant_id)).all())
    enrolled = set(session.scalars(select(Enrolment.event_id).where(Enrolment.participant_id == participant_id)))
    ids = enrolled | set(marks)
    rows = session.execute(select(Event.id, Event.event_date, Event.title).where(Event.id.in_(ids))
                           .order_by(Event.event_date, Event.id)).all() if ids else []
    return [(format_date(day), title, AttendanceStatus(marks[event_id]).label if event_id in marks
             else "zapisana/zapisany") for event_id, day, title in rows]


def person_data_pdf(db: Database, participant_id: int, *, today: dt.date | None = None) -> bytes:
    """Art. 15 RODO: every record about the person, the purposes and retention, and who accessed them."""
    require(Permission.PRINT_PERSONAL)
    require(Permission.REPORTS)
    today = today or dt.date.today()
    card = participant_card_data(db, participant_id, today=today)
    with db.reading() as session:
        programme = session.get(Programme, session.get(Participant, participant_id).programme_id)
        controller = _controller(db, programme)
        events = _events(session, participant_id)
    access = [AccessLine(line.at.strftime("%d.%m.%Y %H:%M"), line.actor, line.action_label, line.what_label)
              for line in audit.lines_about(db, participant_id)]
    log_access(db, PRINT, "person_data_report", [participant_id])
    return render_person_data_report(PersonDataReport(card, controller, events, access, format_date(today)))


def information_clause_pdf(db: Database, participant_id: int, *, today: dt.date | None = None) -> bytes:
    """The declaration of participation and the art. 13 clause, filled in for one person, to sign."""
    require(Permission.PRINT_PERSONAL)
    from pal_desktop.services import participants

    today = today or dt.date.today()
    person = participants.get_participant(db, participant_id)
    with db.reading() as session:
        programme = session.get(Programme, person.programme_id)
        controller = _controller(db, programme)
        header = DocumentHeader(**document_header(db, programme))
    street = f"{person.street_name} {person.house_number}".strip() + (f"/{person.flat_number}"
                                                                      if person.flat_number else "")
    address = ", ".join(part for part in (street, f"{person.postal_code} {person.city}".strip()) if part)
    log_access(db, PRINT, "information_clause", [participant_id])
    return render_information_clause(ClauseData(
        header=header, controller=controller, name=f"{person.first_name} {person.last_name}".strip(),
        pesel=person.pesel or "", address=address, town=header.town, printed_on=format_date(today)))


__all__ = ["person_data_pdf", "information_clause_pdf"]
