"""Finding people in the registry: the filters of the Uczestnicy tab, its sort orders, and its pages.

Pages are read by keyset (``after`` = the last row shown, see storage.keyset): the 500th page of the
registry sorted by birth date costs what the first does, where OFFSET made it read and drop 99,800 rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Select, func, select

from pal_desktop.domain import validation as rules
from pal_desktop.domain.enums import ParticipantStatus, Sex, SupportReason, TriState
from pal_desktop.domain.text import fold
from pal_desktop.services.access_control import may_see_full_pesel
from pal_desktop.services.formatting import mask_pesel
from pal_desktop.storage import keyset
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Participant, ParticipantReason

PAGE_SIZE = 200

#: Columns the registry table can be sorted by (the id is added last, so that every order is total).
SORTABLE = {
    "name": (Participant.sort_key,),
    "pesel": (Participant.pesel,),
    "birth_date": (Participant.birth_date,),
    "street": (Participant.street_name, Participant.house_number),
    "status": (Participant.status,),
    "start_date": (Participant.start_date,),
    "sex": (Participant.sex,),
}


@dataclass(frozen=True)
class ParticipantQuery:
    programme_id: int | None = None
    text: str = ""
    statuses: tuple[ParticipantStatus, ...] = ()
    reason: SupportReason | None = None
    sex: Sex | None = None
    age_band: str | None = None
    disability: TriState | None = None
    sort: str = "name"
    descending: bool = False
    on_day: dt.date | None = None


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    last_name: str
    first_name: str
    pesel: str
    birth_date: dt.date | None
    sex: Sex | None
    address: str
    status: ParticipantStatus
    start_date: dt.date | None
    #: The row's values of its query's sort columns and id, as stored: where the next page starts.
    position: tuple = field(default=(), compare=False, repr=False)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filtered(statement: Select, query: ParticipantQuery) -> Select:
    if query.programme_id is not None:
        statement = statement.where(Participant.programme_id == query.programme_id)
    for word in fold(query.text).split():
        statement = statement.where(Participant.search_text.like(f"%{_escape_like(word)}%", escape="\\"))
    if query.statuses:
        statement = statement.where(Participant.status.in_([s.value for s in query.statuses]))
    if query.reason is not None:
        statement = statement.where(Participant.id.in_(
            select(ParticipantReason.participant_id).where(ParticipantReason.reason == query.reason.value)))
    if query.sex is not None:
        statement = statement.where(Participant.sex == query.sex.value)
    if query.disability is not None:
        statement = statement.where(Participant.disability == query.disability.value)
    if query.age_band:
        day = query.on_day or dt.date.today()
        for name, low, high in rules.AGE_BANDS:
            if name == query.age_band:
                youngest = _years_before(day, low)  # born on or before this date is at least `low`
                oldest = _years_before(day, high + 1)  # born after this date is at most `high`
                statement = statement.where(Participant.birth_date <= youngest, Participant.birth_date > oldest)
    return statement


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def sort_columns(query: ParticipantQuery) -> tuple:
    """The columns the query's list is ordered by, the id last."""
    return (*SORTABLE.get(query.sort, SORTABLE["name"]), Participant.id)


def count_participants(db: Database, query: ParticipantQuery) -> int:
    with db.reading() as session:
        return session.scalar(_filtered(select(func.count()).select_from(Participant), query)) or 0


def search_participants(db: Database, query: ParticipantQuery, offset: int = 0, limit: int = PAGE_SIZE, *,
                        after: ParticipantRow | None = None, show_full_pesel: bool = False) -> list[ParticipantRow]:
    """One page of the registry, filtered and sorted in the database: the rows after ``after`` when it is
    given (a row of the same query), else ``limit`` rows from ``offset``."""
    full = may_see_full_pesel(show_full_pesel)
    columns = sort_columns(query)
    statement = _filtered(select(Participant.id, Participant.last_name, Participant.first_name, Participant.pesel,
                                 Participant.birth_date, Participant.sex, Participant.street_name,
                                 Participant.house_number, Participant.flat_number, Participant.status,
                                 Participant.start_date, *columns), query)
    statement = statement.order_by(*keyset.ordering(columns, query.descending)).limit(limit)
    if after is not None and len(after.position) == len(columns):
        statement = statement.where(keyset.after(columns, after.position, query.descending))
    elif offset:
        statement = statement.offset(offset)
    with db.reading() as session:
        rows = session.execute(statement).all()
    first_sort_value = 11  # the sort columns follow the eleven shown ones
    result = []
    for r in rows:
        address = f"{r.street_name} {r.house_number}".strip() + (f"/{r.flat_number}" if r.flat_number else "")
        result.append(ParticipantRow(
            id=r.id, last_name=r.last_name, first_name=r.first_name,
            pesel=(r.pesel or "") if full else mask_pesel(r.pesel), birth_date=r.birth_date,
            sex=Sex(r.sex) if r.sex else None, address=address, status=ParticipantStatus(r.status),
            start_date=r.start_date, position=tuple(r[first_sort_value:])))
    return result
