"""Gathering the data for documents and handing it to the PDF renderers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pal_desktop import paths
from pal_desktop.domain.enums import IndicatorKind, ProgrammeItemKind
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import NotFoundError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import organisation as organisation_service
from pal_desktop.services import programmes as programme_service
from pal_desktop.services.access_control import may, require
from pal_desktop.services.access_log import PRINT, log_access
from pal_desktop.services.formatting import format_date
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Programme


def document_header(db: Database, programme: Programme | None = None) -> dict:
    """The office, programme and logos every document carries, as plain values (the office from the
    settings, else from the programme's implementer: ``organisation_service.office_block``)."""
    office = organisation_service.office_block(db, programme.id if programme is not None else None)
    return {
        "organisation": office.name,
        "address": ", ".join(part for part in (office.address, office.town_line) if part),
        "office_lines": office.lines,
        "town": office.city,
        "programme_title": programme.title if programme else "",
        "project_number": programme.project_number if programme else "",
        "funding_line": programme.funding_line if programme else "",
        "logos": [logo.content for logo in organisation_service.list_logos(db)],
    }


def programme_card_pdf(db: Database, programme_id: int | None = None, *, today: dt.date | None = None) -> bytes:
    from pal_desktop.reports.programme_card import ProgrammeCardData, ScheduleLine, render_programme_card
    from pal_desktop.reports.styles import DocumentHeader

    if programme_id is None:
        active = programme_service.active_programme(db)
        programme_id = active.id if active else None
    with db.reading() as session:
        programme = session.get(Programme, programme_id) if programme_id is not None else None
        if programme is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma programu o numerze {id}."), id=programme_id)
        items: dict[ProgrammeItemKind, list[str]] = {}
        for item in programme.items:
            items.setdefault(item.kind, []).append(item.text)
        schedule = [ScheduleLine(t.position, t.name, t.description,
                                 format_date(t.end_date) if t.is_milestone
                                 else f"{format_date(t.start_date)} – {format_date(t.end_date)}")
                    for t in programme.tasks]
        indicators = list(programme.indicators)
        data = dict(title=programme.title, subtitle=programme.subtitle,
                    period=f"{format_date(programme.start_date)} – {format_date(programme.end_date)}",
                    legal_basis=programme.legal_basis, funding_line=programme.funding_line,
                    main_goal=programme.main_goal)
    header = DocumentHeader(**document_header(db, programme))
    return render_programme_card(ProgrammeCardData(
        header=header, schedule=schedule,
        specific_goals=items.get(ProgrammeItemKind.SPECIFIC_GOAL, []),
        planned_actions=items.get(ProgrammeItemKind.PLANNED_ACTION, []),
        results=[i.name for i in indicators if i.kind == IndicatorKind.RESULT],
        products=[i.name for i in indicators if i.kind == IndicatorKind.PRODUCT],
        implementers=items.get(ProgrammeItemKind.IMPLEMENTER, []), partners=items.get(ProgrammeItemKind.PARTNER, []),
        funding_sources=items.get(ProgrammeItemKind.FUNDING_SOURCE, []),
        printed_on=format_date(today or dt.date.today()), **data))


def write_pdf(content: bytes, output: Path) -> Path:
    """Write a finished PDF atomically: a failure never leaves half a file under the final name."""
    output = Path(output)
    temporary = output.with_name(output.name + ".tmp")
    temporary.write_bytes(content)
    paths.make_private(temporary)
    temporary.replace(output)
    return output


def participant_card_pdf(db: Database, participant_id: int, *, today: dt.date | None = None) -> bytes:
    """Karta uczestnika: the participant's data, documents and the support received, for the office's file.

    It shows the cash assistance received (art. 100 of the social-assistance act keeps that off lists that
    leave the office; this card goes to the participant's own file).
    """
    require(Permission.PRINT_PERSONAL)
    from pal_desktop.reports.participant_card import render_participant_card

    data = participant_card_data(db, participant_id, today=today)
    log_access(db, PRINT, "participant_card", [participant_id])
    return render_participant_card(data)


def participant_card_data(db: Database, participant_id: int, *, today: dt.date | None = None):
    """What the participant card (and the person's own data report) prints of one person; logs nothing."""
    require(Permission.PRINT_PERSONAL)
    from sqlalchemy import select

    from pal_desktop.domain.enums import TriState
    from pal_desktop.reports.participant_card import (
        CashLine,
        InternshipLine,
        ParticipantCardData,
        SupportLine,
    )
    from pal_desktop.reports.styles import DocumentHeader
    from pal_desktop.services import households, participant_profile, participants
    from pal_desktop.services.formatting import format_money
    from pal_desktop.storage.models import CashAssistance

    def period(start: dt.date | None, end: dt.date | None) -> str:
        if not start and not end:
            return ""
        return f"{format_date(start)} – {format_date(end)}".strip(" –") if end else f"od {format_date(start)}"

    def answer(value: TriState | None) -> str:
        return TriState(value).label if value else ""

    today = today or dt.date.today()
    person = participants.get_participant(db, participant_id)
    profile = participant_profile.participant_profile(db, participant_id, today=today, record_view=False)
    household = households.household_of(db, participant_id)
    with db.reading() as session:
        programme = session.get(Programme, person.programme_id)
        cash = [CashLine(c.benefit_type.label, " z dnia ".join(p for p in (c.decision_number,
                                                                            format_date(c.decision_date)) if p),
                         period(c.period_from, c.period_to), format_money(c.amount), format_date(c.payment_date))
                for c in session.scalars(select(CashAssistance).where(CashAssistance.participant_id == participant_id)
                                         .order_by(CashAssistance.decision_date, CashAssistance.id))] if may(Permission.CASH) else []
    street = f"{person.street_name} {person.house_number}".strip() + (f"/{person.flat_number}"
                                                                      if person.flat_number else "")
    address = ", ".join(part for part in (street, f"{person.postal_code} {person.city}".strip()) if part)
    labour = person.labour_status.label if person.labour_status else ""
    if person.labour_status_detail:
        labour = f"{labour} ({person.labour_status_detail})" if labour else person.labour_status_detail
    personal = [
        ("PESEL", person.pesel or (f"brak; dokument: {person.document_number}" if person.document_number else "brak")),
        ("Data urodzenia", format_date(person.birth_date)),
        ("Płeć", person.sex.label if person.sex else ""),
        ("Telefon", person.phone),
        ("E-mail", person.email),
        ("Wykształcenie", person.education.label if person.education else ""),
        ("Adres", address),
        ("Status na rynku pracy", labour),
        ("Rozpoczęcie udziału", format_date(person.start_date)),
        ("Zakończenie udziału", format_date(person.end_date)),
    ]
    if person.end_date or person.end_situation:
        personal += [("Sytuacja po zakończeniu", person.end_situation),
                     ("Zgodnie ze ścieżką", answer(person.completed_as_planned))]
    disability = answer(person.disability)
    if person.disability_degree:
        disability = f"{disability}, stopień {person.disability_degree.label}"
    special = [("Osoba z niepełnosprawnościami", disability),
               ("Bezdomność lub wykluczenie z dostępu do mieszkań", answer(person.homeless)),
               ("Mniejszość narodowa lub etniczna, migrant, obce pochodzenie", answer(person.minority_or_foreign)),
               ("Inna niekorzystna sytuacja społeczna", answer(person.other_disadvantage))]
    documents = [(d.name[:1].upper() + d.name[1:], format_date(d.signed_on)) for d in profile.documents]
    support = [SupportLine(s.form, period(s.planned_start, s.planned_end), period(s.given_start, s.given_end),
                           s.status.label) for s in profile.support_path]
    if profile.held:
        attendance = (f"Zajęcia i wydarzenia: obecność na {profile.present} z {profile.held} "
                      f"({profile.attendance_rate:.0%}).").replace("%", " %")
    else:
        attendance = "Zajęcia i wydarzenia: brak zarejestrowanych zajęć."
    internships = [InternshipLine(i.employer, i.position, period(i.start, i.end),
                                  f"{format_money(i.stipend)} / mies." if i.stipend is not None else "")
                   for i in profile.internships]
    family = [(m.name, m.relation, format_date(m.birth_date)) for m in (household.members if household else [])
              if m.participant_id != participant_id and m.covered_by_support]
    return ParticipantCardData(
        header=DocumentHeader(**document_header(db, programme)),
        name=f"{person.first_name} {person.last_name}", record_number=str(person.id), status=person.status.label,
        personal=personal, reasons=[r.label for r in person.reasons], special=special, documents=documents,
        support=support, attendance=attendance, internships=internships, cash=cash, family=family,
        notes=person.notes, printed_on=format_date(today))


POLISH_MONTHS = ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
                 "październik", "listopad", "grudzień")
