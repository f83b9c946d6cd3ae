"""Gathering the data for documents and handing it to the PDF renderers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pal_desktop.domain.enums import IndicatorKind, ProgrammeItemKind
from pal_desktop.errors import NotFoundError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import organisation as organisation_service
from pal_desktop.services import programmes as programme_service
from pal_desktop.services.formatting import format_date
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Programme


def document_header(db: Database, programme: Programme | None = None) -> dict:
    """The organisation, programme and logos every document carries, as plain values."""
    settings = organisation_service.get_organisation(db)
    address = ", ".join(part for part in (settings.address, f"{settings.postal_code} {settings.city}".strip()) if part)
    return {
        "organisation": settings.name or (programme.organisation if programme else ""),
        "address": address,
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
    temporary.replace(output)
    return output
