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


# ---- Attendance lists ------------------------------------------------------------------------------


def _event_facts(event) -> dict:
    hours = ""
    if event.start_time:
        hours = event.start_time.strftime("%H:%M") + (f"–{event.end_time.strftime('%H:%M')}" if event.end_time else "")
    return {"form": event.type_name, "topic": event.title, "date": format_date(event.event_date), "hours": hours,
            "place": event.place, "leader": event.leader}


def _programme_of(db: Database, programme_id: int) -> Programme | None:
    with db.reading() as session:
        return session.get(Programme, programme_id)


def event_list(db: Database, event_id: int, *, blank_rows: int | None = None):
    """What the list for one session holds: the enrolled in Polish alphabetical order, then blank rows for
    walk-ins, with its page code's target. Returns the report's data and the participants' ids by row: the
    scan reader lays the same list out again to know whose cell is where."""
    from pal_desktop.domain.scan_code import layout_options, list_version
    from pal_desktop.reports.attendance_list import AttendanceListData, EventFacts
    from pal_desktop.reports.scan_marks import ScanTarget
    from pal_desktop.reports.styles import DocumentHeader
    from pal_desktop.services import events

    event = events.get_event(db, event_id)
    sheet = events.attendance_sheet(db, event_id)
    names = [f"{row.first_name} {row.last_name}" for row in sheet]
    ids = [row.participant_id for row in sheet]
    if blank_rows is None:
        blank_rows = max(5, round(len(names) * 0.2))
    options = layout_options(blank_rows)
    target = ScanTarget(event_id, None, None, list_version("E", event_id, options, *ids), options)
    header = DocumentHeader(**document_header(db, _programme_of(db, event.programme_id)))
    return AttendanceListData(header, EventFacts(**_event_facts(event)), names, blank_rows, scan=target), ids


def attendance_list_pdf(db: Database, event_id: int, *, blank_rows: int | None = None) -> bytes:
    """The list for one session, with a code and corner marks on every page for reading the signed scan."""
    require(Permission.PRINT_PERSONAL)
    from pal_desktop.reports.attendance_list import render_attendance_list

    data, ids = event_list(db, event_id, blank_rows=blank_rows)
    content = render_attendance_list(data)
    log_access(db, PRINT, "attendance_list", ids, count=len(ids), event_id=event_id)
    return content


POLISH_MONTHS = ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
                 "październik", "listopad", "grudzień")


def series_list(db: Database, series_id: int, year: int, month: int, *, blank_rows: int = 3):
    """A month of a series: participants × the session dates of that month. Returns the report's data, the
    participants' ids by row and the sessions' event ids by column."""
    from pal_desktop.domain.scan_code import layout_options, list_version
    from pal_desktop.domain.text import sort_key
    from pal_desktop.reports.attendance_list import EventFacts, SeriesGridData
    from pal_desktop.reports.scan_marks import ScanTarget
    from pal_desktop.reports.styles import DocumentHeader
    from pal_desktop.services import events

    sessions = [(event_id, day) for event_id, day in events.series_events(db, series_id)
                if (day.year, day.month) == (year, month)]
    if not sessions:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "Errors", "Cykl nie ma spotkań w miesiącu {month}."), month=f"{month:02d}.{year}")
    first = events.get_event(db, sessions[0][0])
    people: dict[int, tuple[str, str]] = {}
    for event_id, _ in sessions:
        for row in events.attendance_sheet(db, event_id):
            people.setdefault(row.participant_id, (row.first_name, row.last_name))
    ordered = sorted(people.items(), key=lambda item: (sort_key(item[1][1], item[1][0]), item[0]))
    ids = [pid for pid, _ in ordered]
    event_ids = [event_id for event_id, _ in sessions]
    options = layout_options(blank_rows)
    month_text = f"{year:04d}-{month:02d}"
    target = ScanTarget(None, series_id, month_text,
                        list_version("S", series_id, month_text, options, *ids, "|", *event_ids), options)
    header = DocumentHeader(**document_header(db, _programme_of(db, first.programme_id)))
    data = SeriesGridData(header, EventFacts(**_event_facts(first)), f"{POLISH_MONTHS[month - 1]} {year}",
                          [day.strftime("%d.%m") for _, day in sessions],
                          [f"{first_name} {last_name}" for _, (first_name, last_name) in ordered],
                          blank_rows, scan=target)
    return data, ids, event_ids


def series_grid_pdf(db: Database, series_id: int, year: int, month: int) -> bytes:
    """A month of a series on one grid, with a code and corner marks on every page."""
    require(Permission.PRINT_PERSONAL)
    from pal_desktop.reports.attendance_list import render_series_grid

    data, ids, _ = series_list(db, series_id, year, month)
    content = render_series_grid(data)
    log_access(db, PRINT, "series_attendance_list", ids, count=len(ids), series_id=series_id,
               month=f"{year:04d}-{month:02d}")
    return content
