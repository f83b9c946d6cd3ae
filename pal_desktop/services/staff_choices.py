"""Who can lead or help at an event: the programme's animators and the volunteers, as typed choices for the
event and staff dialogs' lists, in Polish alphabetical order."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from pal_desktop.domain.text import sort_key
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Animator, Volunteer


@dataclass(frozen=True)
class PersonChoice:
    id: int
    last_name: str
    first_name: str
    active: bool = True

    @property
    def name(self) -> str:
        return f"{self.last_name} {self.first_name}".strip()


def _sorted(rows) -> list[PersonChoice]:
    people = [PersonChoice(r.id, r.last_name, r.first_name, bool(r.active)) for r in rows]
    return sorted(people, key=lambda p: (sort_key(p.last_name, p.first_name), p.id))


def animator_choices(db: Database, programme_id: int | None) -> list[PersonChoice]:
    """The programme's animators (none without a programme)."""
    if programme_id is None:
        return []
    with db.reading() as session:
        return _sorted(session.execute(select(Animator.id, Animator.last_name, Animator.first_name, Animator.active)
                                       .where(Animator.programme_id == programme_id)).all())


def volunteer_choices(db: Database) -> list[PersonChoice]:
    with db.reading() as session:
        return _sorted(session.execute(select(Volunteer.id, Volunteer.last_name, Volunteer.first_name,
                                              Volunteer.active)).all())


__all__ = ["PersonChoice", "animator_choices", "volunteer_choices"]
