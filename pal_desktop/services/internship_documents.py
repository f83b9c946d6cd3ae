"""An internship's certificate and the host's opinion form as PDFs (reports.internship_documents).

The certificate is issued after the internship has ended and at least one month of attendance is recorded:
it states the hours, which come from those months. Printing either is logged (personal data).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pal_desktop.domain.enums import Sex
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.access_control import require
from pal_desktop.services.access_log import PRINT, log_access
from pal_desktop.services.formatting import format_date
from pal_desktop.services.reports import document_header
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Internship, Participant, Programme


def _hours(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",") if value else "0"


def _record(db: Database, internship_id: int, today: dt.date):
    from pal_desktop.reports.internship_documents import InternshipRecord
    from pal_desktop.reports.styles import DocumentHeader

    with db.reading() as session:
        item = session.get(Internship, internship_id)
        if item is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma stażu o numerze {id}."), id=internship_id)
        person = session.get(Participant, item.participant_id)
        programme = session.get(Programme, person.programme_id) if person.programme_id else None
        header = DocumentHeader(**document_header(db, programme))
        hours = sum((m.hours or Decimal(0) for m in item.months), Decimal(0))
        days = sum(m.days_present for m in item.months)
        agreement = " z ".join(part for part in (f"nr {item.agreement_number}" if item.agreement_number else "",
                                                  format_date(item.agreement_date)) if part)
        record = InternshipRecord(
            header=header, place_and_date=f"{header.town}, {format_date(today)}" if header.town else format_date(today),
            organisation=header.organisation, participant_name=f"{person.first_name} {person.last_name}",
            birth_date=format_date(person.birth_date), female=person.sex == Sex.FEMALE,
            employer=item.employer_name, employer_address=item.employer_address, position=item.position_name,
            supervisor=item.supervisor, period=f"{format_date(item.start_date)} – {format_date(item.end_date)}",
            agreement=agreement, total_hours=_hours(hours), days_present=days,
            programme_title=programme.title if programme else "")
        return record, item.end_date, bool(item.months), person.id


def certificate_pdf(db: Database, internship_id: int, *, today: dt.date | None = None) -> bytes:
    """Zaświadczenie o odbyciu stażu; refused before the internship's end or with no month recorded."""
    require(Permission.PRINT_PERSONAL)
    from pal_desktop.reports.internship_documents import render_certificate

    today = today or dt.date.today()
    record, end, has_months, person_id = _record(db, internship_id, today)
    if end > today:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Staż trwa do {end} — zaświadczenie o odbyciu stażu wydaje się po jego zakończeniu."),
            field="general", end=format_date(end))
    if not has_months:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Nie zapisano obecności na stażu w żadnym miesiącu — zaświadczenie nie miałoby godzin."),
            field="general")
    content = render_certificate(record)
    log_access(db, PRINT, "internship_certificate", [person_id], record_id=internship_id)
    return content


def opinion_pdf(db: Database, internship_id: int, *, today: dt.date | None = None) -> bytes:
    """Opinia organizatora stażu: the internship's facts and ruled space for the host to write and sign."""
    require(Permission.PRINT_PERSONAL)
    from pal_desktop.reports.internship_documents import render_opinion

    record, _end, _months, person_id = _record(db, internship_id, today or dt.date.today())
    content = render_opinion(record)
    log_access(db, PRINT, "internship_opinion", [person_id], record_id=internship_id)
    return content
