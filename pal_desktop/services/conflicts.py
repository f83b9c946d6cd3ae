"""A stale save refused with what the other person changed: field, their value, yours.

Each edit form keeps the record as it loaded it (its ``version`` included) and passes it as ``base``; when
the stored row has moved on, the save is refused before anything is written, naming each field whose stored
value differs from what the form loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import fields
from decimal import Decimal
from enum import Enum
from typing import Any

from pal_desktop.errors import ConflictError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.formatting import format_date, format_money


def _shown(value) -> str:
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
    lines = []
    for field in fields(base):
        if field.name == "version":
            continue
        theirs = getattr(stored, (attributes or {}).get(field.name, field.name))
        if theirs != getattr(base, field.name):
            text = (shown or {}).get(field.name, _shown)
            lines.append(f"{labels.get(field.name, field.name)}: {text(theirs)} (Twoja wartość: "
                         f"{text(getattr(mine, field.name))})")
    raise ConflictError(QT_TRANSLATE_NOOP(
        "Errors", "Ktoś inny zmienił ten wpis, gdy był otwarty u Ciebie; nic nie zostało zapisane. Zmiany tamtej "
                  "osoby: {changes}. Zamknij okno, otwórz wpis ponownie i wprowadź swoją zmianę."),
        changes="; ".join(lines) or "—")


__all__ = ["refuse_stale"]
