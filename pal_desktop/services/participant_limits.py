"""The participant form's input against what the database holds and the programme allows (issue 13, part 3).

``participants.collect_errors`` adds these to its own rules, for the form and for every imported row alike:
lengths and control characters from the ``participant`` columns, a birth date from 1900 to today, and no
start of participation before the programme started. The import answers "when did the programme start" from
memory (``import_rows.Known.programme_starts``), the form from the database.
"""

from __future__ import annotations

import datetime as dt

from pal_desktop.domain import limits
from pal_desktop.errors import ValidationError
from pal_desktop.services.input_limits import input_errors
from pal_desktop.storage.models import Participant, Programme


def programme_start(facts, programme_id: int | None) -> tuple[dt.date, str] | None:
    """(start date, title) of the programme, from the import's memory or the form's session."""
    if programme_id is None:
        return None
    starts = getattr(facts, "programme_starts", None)
    if starts is not None:
        return starts.get(programme_id)
    session = getattr(facts, "session", None)
    programme = session.get(Programme, programme_id) if session is not None else None
    return (programme.start_date, programme.title) if programme is not None else None


def limit_errors(facts, data, labels: dict[str, str]) -> list[ValidationError]:
    errors = input_errors(Participant, data, labels)
    start = programme_start(facts, data.programme_id) if data.start_date else None
    if start is not None:
        try:
            limits.check_not_before(data.start_date, start[0], field="start_date",
                                    label=labels.get("start_date", "start_date"), programme=start[1])
        except ValidationError as error:
            errors.append(error)
    return errors


__all__ = ["limit_errors", "programme_start"]
