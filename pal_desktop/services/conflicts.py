"""A stale save refused with what the other person changed: field, their value, yours; and the merge.

Each edit form keeps the record as it loaded it (its ``version`` included) and passes it as ``base``; when
the stored row has moved on, the save is refused before anything is written, naming each field whose stored
value differs from what the form loaded. The refusal carries the stored record as an input (``theirs``, with
its version), so that the window can offer to keep the other person's version, save its own over it, or
merge the two (``merge``: each side's changes kept where only one side changed a field, the user's choice
where both did) and save again without retyping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from enum import Enum
from typing import Any

from pal_desktop.errors import ConflictError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.formatting import format_date, format_money


def shown_value(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, Decimal):
        return format_money(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, Enum):
        return getattr(value, "label", str(value.value))
    return str(value)


def refuse_stale(stored, base, mine, labels: dict[str, str], attributes: dict[str, str] | None = None,
                 shown: dict[str, Callable[[Any], str]] | None = None) -> None:
    """Raise ConflictError when ``stored`` (the row now) is newer than ``base`` (what the form loaded).

    ``attributes`` names the stored row's attribute for an input field that is called otherwise; ``shown``
    writes a field's values its own way (a Decimal is money unless said otherwise)."""
    if base is None or getattr(base, "version", None) is None or stored.version == base.version:
        return
    values = {field.name: getattr(stored, (attributes or {}).get(field.name, field.name))
              for field in fields(base) if field.name != "version"}
    theirs = replace(base, **values, version=stored.version)
    raise stale_error(base, theirs, mine, labels, shown)


@dataclass(frozen=True)
class FieldConflict:
    """One field of a stale save: what the form loaded, what is stored now, what the user typed (as texts)."""
    name: str
    label: str
    base: str
    theirs: str
    mine: str
    #: Both people changed it, to different values: the user chooses.
    both_changed: bool
    #: Only the other person changed it (a merge takes theirs); otherwise only the user did (a merge keeps mine).
    theirs_only: bool


def field_conflicts(base, theirs, mine, labels: dict[str, str],
                    shown: dict[str, Callable[[Any], str]] | None = None) -> tuple[FieldConflict, ...]:
    """Every field that either side changed since ``base``, in the input's field order."""
    result = []
    for field in fields(base):
        if field.name == "version":
            continue
        old, other, own = (getattr(record, field.name) for record in (base, theirs, mine))
        if other == old and own == old:
            continue
        text = (shown or {}).get(field.name, shown_value)
        result.append(FieldConflict(
            name=field.name, label=labels.get(field.name, field.name), base=text(old), theirs=text(other),
            mine=text(own), both_changed=other != old and own != old and other != own,
            theirs_only=other != old and own == old))
    return tuple(result)


def stale_error(base, theirs, mine, labels: dict[str, str],
                shown: dict[str, Callable[[Any], str]] | None = None) -> ConflictError:
    """The refusal of a stale save, carrying ``theirs`` and the fields (``conflicts``) for the window's choice."""
    conflicts = field_conflicts(base, theirs, mine, labels, shown)
    lines = [f"{c.label}: {c.theirs} (Twoja wartość: {c.mine})" for c in conflicts if c.theirs != c.base]
    return ConflictError(QT_TRANSLATE_NOOP(
        "Errors", "Ktoś inny zmienił ten wpis, gdy był otwarty u Ciebie; nic nie zostało zapisane. Zmiany tamtej "
                  "osoby: {changes}. Zamknij okno, otwórz wpis ponownie i wprowadź swoją zmianę."),
        changes="; ".join(lines) or "—", theirs=theirs, base=base, mine=mine, conflicts=conflicts)


def merge(base, theirs, mine, keep_mine: frozenset[str] | set[str] = frozenset()):
    """``theirs`` (with its version) plus the user's changes: every field the user changed and the other person
    did not, and of the fields both changed those named in ``keep_mine``."""
    changes = {}
    for field in fields(base):
        if field.name == "version":
            continue
        old, other, own = (getattr(record, field.name) for record in (base, theirs, mine))
        if own != old and (other == old or field.name in keep_mine):
            changes[field.name] = own
    return replace(theirs, **changes)


def take_mine(theirs, mine):
    """The user's whole version, saved over the other person's (their version number, so it is not stale)."""
    return replace(mine, version=theirs.version)


__all__ = ["FieldConflict", "field_conflicts", "merge", "refuse_stale", "shown_value", "stale_error", "take_mine"]
