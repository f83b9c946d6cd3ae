"""What a form typed, checked against what the database can hold, before anything is written (issue 13, part 3).

One call per service: ``check_input(Model, data, LABELS)`` takes the service's input dataclass and refuses a
text longer than its ``String(n)`` column, a control character (new lines and tabs only in multi-line
fields), an amount beyond the ``Numeric`` column or negative, a date before 1900 or centuries ahead, a birth
date in the future; ``input_errors`` gives them all, for a form that shows each beside its field. The same
rules hold every flush (``storage/input_guard.py``), so a service that forgets is still covered, with the
column's generic label instead of the form's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass

from pal_desktop.domain import limits
from pal_desktop.errors import ValidationError
from pal_desktop.storage.input_guard import text_limit, value_errors
from pal_desktop.storage.models import Programme


def _pairs(data) -> Iterable[tuple[str, object]]:
    if is_dataclass(data):
        return ((f.name, getattr(data, f.name)) for f in fields(data))
    return dict(data).items()


def input_errors(model: type, data, labels: Mapping[str, str] | None = None,
                 attributes: Mapping[str, str] | None = None) -> list[ValidationError]:
    """Every field of ``data`` (a dataclass or a mapping) that ``model``'s columns could not hold.

    ``attributes`` maps a field to the stored attribute when the input calls it otherwise (``start`` →
    ``start_date``)."""
    return value_errors(model, _pairs(data), labels, attributes)


def check_input(model: type, data, labels: Mapping[str, str] | None = None,
                attributes: Mapping[str, str] | None = None) -> None:
    """Raise the first of :func:`input_errors`."""
    errors = input_errors(model, data, labels, attributes)
    if errors:
        raise errors[0]


def extend_errors(errors: list[ValidationError], model: type, data, labels: Mapping[str, str] | None = None,
                  attributes: Mapping[str, str] | None = None) -> list[ValidationError]:
    """Add to a service's own ``errors`` those of :func:`input_errors` for fields it has not refused yet (its
    own, more particular message stays the one shown beside the field)."""
    refused = {error.field for error in errors}
    errors.extend(e for e in input_errors(model, data, labels, attributes) if e.field not in refused)
    return errors


def check_not_before_programme(session, programme_id: int | None, value: dt.date | None, *, field: str,
                               label: str) -> None:
    """Refuse ``value`` before the start of the programme ``programme_id`` (nothing to say without either)."""
    if value is None or programme_id is None:
        return
    programme = session.get(Programme, programme_id)
    if programme is not None:
        limits.check_not_before(value, programme.start_date, field=field, label=label, programme=programme.title)


__all__ = ["check_input", "check_not_before_programme", "extend_errors", "input_errors", "text_limit"]
