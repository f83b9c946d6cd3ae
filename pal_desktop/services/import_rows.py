"""A row of the sheet as the fields of ``ParticipantInput``, and what validation needs from the database
fetched once for the whole file (``Known``), so 10,000 rows cost no query each.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from pal_desktop.domain.enums import (
    DisabilityDegree,
    Education,
    LabourStatus,
    ParticipantStatus,
    Sex,
    TriState,
)
from pal_desktop.domain.import_cells import (
    cell_text,
    parse_date,
    parse_enum,
    parse_flag,
    parse_pesel,
    parse_postal_code,
    parse_reasons,
    split_address,
    split_name,
)
from pal_desktop.domain.names import normalise_name
from pal_desktop.domain.text import fold
from pal_desktop.errors import ValidationError
from pal_desktop.services.import_mapping import IMPORT_FIELDS
from pal_desktop.services.participants import FIELD_LABELS
from pal_desktop.storage.models import AreaStreet, Participant, Programme

_NAME_FIELDS = {"first_name", "last_name"}
_TEXT_FIELDS = {"document_number", "street_name", "house_number", "flat_number",
                "city", "phone", "email", "labour_status_detail", "end_situation", "outside_area_reason", "notes"}
_DATE_FIELDS = {"birth_date", "start_date", "end_date", "declaration_date", "data_protection_date",
                "image_consent_date", "individual_plan_date"}
_TRI_FIELDS = {"disability", "minority_or_foreign", "homeless", "other_disadvantage", "completed_as_planned"}
_ENUM_FIELDS = {"sex": Sex, "education": Education, "labour_status": LabourStatus, "status": ParticipantStatus,
                "disability_degree": DisabilityDegree}


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name) or IMPORT_FIELDS.get(name) or name


def convert_cell(name: str, value: Any) -> dict[str, Any]:
    """The fields one cell fills; ValidationError (without ``field``) when it cannot be read."""
    if name in _NAME_FIELDS:
        return {name: normalise_name(cell_text(value))}
    if name in _TEXT_FIELDS:
        text = cell_text(value)
        if name == "house_number" and "/" in text:
            house, _, flat = text.partition("/")
            return {"house_number": house.strip(), "flat_number": flat.strip()}
        return {name: text}
    if name == "pesel":
        pesel, no_pesel = parse_pesel(value)
        return {"pesel": pesel, **({"no_pesel": True} if no_pesel else {})}
    if name == "no_pesel":
        return {"no_pesel": parse_flag(value)}
    if name in _DATE_FIELDS:
        return {name: parse_date(value)}
    if name in _TRI_FIELDS:
        return {name: parse_enum(TriState, value)}
    if name in _ENUM_FIELDS:
        return {name: parse_enum(_ENUM_FIELDS[name], value)}
    if name == "reasons":
        return {"reasons": parse_reasons(value)}
    if name == "postal_code":
        return {"postal_code": parse_postal_code(value)}
    if name in ("full_name", "full_name_reversed"):
        first, last = split_name(cell_text(value), name == "full_name_reversed")
        return {"first_name": normalise_name(first), "last_name": normalise_name(last)}
    if name == "address":
        return split_address(cell_text(value))
    return {}


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class Converted:
    values: dict[str, Any]
    given: frozenset[str]
    problems: list[tuple[str, ValidationError]]  # (ParticipantInput field, error)


def convert_row(cells: Sequence[Any], columns: Sequence[tuple[int, str]],
                edits: Mapping[str, str] | None = None) -> Converted:
    """The fields a row fills; ``edits`` (field → text typed in the preview) replace the sheet's cells of those
    fields, or add fields the sheet has no column for."""
    values: dict[str, Any] = {}
    problems: list[tuple[str, ValidationError]] = []
    edits = edits or {}
    cells_of = [(name, edits[name] if name in edits else cells[index]) for index, name in columns]
    mapped = {name for _index, name in columns}
    cells_of.extend((name, text) for name, text in edits.items() if name not in mapped)
    for name, value in cells_of:
        if _empty(value):
            continue
        try:
            converted = convert_cell(name, value)
        except ValidationError as error:
            problems.append((name, error))
            continue
        for key, item in converted.items():
            if key not in values or values[key] in ("", None, ()):  # the first filled column wins
                values[key] = item
    values = {k: v for k, v in values.items() if v not in ("", None, ())}
    if values.get("disability_degree") and "disability" not in values:
        values["disability"] = TriState.YES  # a degree of disability says there is one
    if not values.get("pesel") and values.get("document_number") and "no_pesel" not in values:
        values["no_pesel"] = True  # a foreigner identified by a document
    if "street_name" in values:  # a new street: the area list decides the street id again
        values.setdefault("street_id", None)
    return Converted(values, frozenset(values), problems)


# ---- Validation without a query per row ---------------------------------------------------------------


@dataclass
class Known:
    """What validation needs from the database, fetched once for the whole file."""

    pesels: dict[str, int]  # PESEL → participant id
    streets: dict[int, dict[str, tuple[int, str, str, str]]]  # programme → street key → (id, name, code, city)
    street_programme: dict[int, int]  # street id → programme id
    area_names: dict[int, set[str]] = field(default_factory=dict)  # programme → names as collect_errors folds them
    documents: dict[str, int] = field(default_factory=dict)  # document number of a person without PESEL → id
    asked: set[str] = field(default_factory=set)  # PESEL numbers already looked up (found or not)
    programme_starts: dict[int, tuple[dt.date, str]] = field(default_factory=dict)  # id → (start, title)

    def __post_init__(self) -> None:
        for programme_id, streets in self.streets.items():
            self.area_names[programme_id] = {fold(s[1]).removeprefix("ul. ") for s in streets.values()}

    # The two questions participants.collect_errors asks (see participants.DatabaseFacts), answered from memory.
    def pesel_owner(self, pesel: str, other_than: int | None) -> int | None:
        owner = self.pesels.get(pesel)
        return None if owner is None or owner == other_than else owner

    def street_in_area(self, programme_id: int | None, street_id: int | None, street_name: str) -> bool:
        if street_id is not None:
            return self.street_programme.get(street_id) == programme_id
        if not street_name:
            return True
        names = self.area_names.get(programme_id or 0)
        return not names or fold(street_name).removeprefix("ul. ") in names


def document_key(number: str) -> str:
    """A document number as people without PESEL are matched by it: no spaces or dashes, upper case."""
    return re.sub(r"[\s-]", "", number or "").upper()


def registered_documents(session) -> dict[str, int]:
    """Document numbers of the people registered without PESEL (a small part of any registry)."""
    return {document_key(number): pid for number, pid in session.execute(
        select(Participant.document_number, Participant.id).where(Participant.no_pesel.is_(True),
                                                                  Participant.document_number != "")).tuples()}


def street_key(name: str) -> str:
    return fold(name).removeprefix("ul. ").removeprefix("ul ")


def programme_starts(session) -> dict[int, tuple[dt.date, str]]:
    """Every programme's (start date, title): a row may not start before its programme did."""
    return {p.id: (p.start_date, p.title) for p in session.execute(
        select(Programme.id, Programme.start_date, Programme.title))}


def load_streets(session) -> tuple[dict[int, dict[str, tuple[int, str, str, str]]], dict[int, int]]:
    """Every area street: programme → street key → (id, name, postal code, locality), and street → programme."""
    streets: dict[int, dict[str, tuple[int, str, str, str]]] = {}
    owners: dict[int, int] = {}
    for s in session.execute(select(AreaStreet.id, AreaStreet.programme_id, AreaStreet.name, AreaStreet.postal_code,
                                    AreaStreet.locality)):
        streets.setdefault(s.programme_id, {})[street_key(s.name)] = (s.id, s.name, s.postal_code, s.locality)
        owners[s.id] = s.programme_id
    return streets, owners


__all__ = ["Converted", "Known", "convert_cell", "convert_row", "document_key", "field_label", "load_streets", "programme_starts",
           "registered_documents", "street_key"]
