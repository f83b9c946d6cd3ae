"""The rows of the 2021-2027 participant data set (SM EFS): one line per form of support received.

A person's data repeat on each of their lines, as the funder's import sheet expects; forms that are only
planned are never written (a line says support was given). A person without PESEL is identified by the
number of their document ("PESEL/Inny identyfikator"), and every person by a technical identifier that
stays the same from one export to the next (the record's own, else "PAL-" and the record's number).
"""

from __future__ import annotations

from typing import Any

from pal_desktop.domain import efs_2021
from pal_desktop.domain.enums import TriState
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.efs_validation import birth_of, received
from pal_desktop.storage.models import Participant, SupportPathItem

COLUMNS = efs_2021.COLUMNS
WIDTHS = (16, 8, 12, 14, 14, 14, 18, 24, 8, 16, 11, 10, 30, 12, 12, 12, 16, 9, 12, 14, 24, 14, 14, 24, 24, 14,
          14, 12, 12, 20, 16, 16, 24, 16, 14)


def technical_id(p: Participant) -> str:
    return p.technical_id.strip() or f"PAL-{p.id}"


def _tri(value: TriState | None) -> str:
    return TriState(value).label if value else ""


def person_cells(p: Participant, area, project_number: str) -> list[Any]:
    """The person's cells, the same on each of their lines (all but the support's three)."""
    birth = birth_of(p)
    return [
        project_number, QT_TRANSLATE_NOOP("Efs", "Polska"), QT_TRANSLATE_NOOP("Efs", "Indywidualny"), "",
        technical_id(p), p.first_name, p.last_name, p.citizenship.label if p.citizenship else "",
        _tri(TriState.NO if p.pesel else TriState.YES), p.pesel or p.document_number.strip(),
        (p.sex.label[:1].upper() + p.sex.label[1:]) if p.sex else "",
        efs_2021.age_at_start(birth, p.start_date) if birth and p.start_date else None,
        efs_2021.education_label(p.education),
        area.voivodeship, area.county, area.municipality, p.city, p.postal_code, area.degurba, p.phone, p.email,
        p.start_date, p.end_date, efs_2021.labour_label(p.labour_status),
        p.labour_detail.label if p.labour_detail else "",
        p.planned_education_end, p.business_start_date,
        _tri(p.foreign_origin), _tri(p.third_country_citizen), _tri(p.minority), _tri(p.homeless),
        _tri(p.disability),
    ]


def rows_2021(p: Participant, area, items: list[SupportPathItem], project_number: str) -> list[list[Any]]:
    cells = person_cells(p, area, project_number)
    return [cells + [item.form, "", item.given_start] for item in received(items)]


__all__ = ["COLUMNS", "WIDTHS", "rows_2021", "technical_id"]
