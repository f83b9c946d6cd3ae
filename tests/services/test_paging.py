"""Long lists read page by page by keyset: every sort order, ascending and descending, with NULLs and ties,
gives the same rows in the same order as reading the whole list at once, on SQLite as on PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from pal_desktop.domain.enums import ParticipantStatus, Sex
from pal_desktop.services import events
from pal_desktop.services import participants as registry
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.participant_search import SORTABLE
from pal_desktop.services.programmes import active_programme
from tests.services.test_events import task_id, workshop

STREETS = ("Lipowa", "Lipowa", "Akacjowa", "")


def _people(db) -> None:
    signed = dict(declaration_date=dt.date(2021, 1, 4), data_protection_date=dt.date(2021, 1, 4))
    for n in range(14):
        extra = dict(street_name=STREETS[n % 4], house_number=str(n % 3 + 1))
        if n % 5 == 0:  # no PESEL, no sex: NULLs in two sort columns
            extra.update(no_pesel=True, document_number=f"AB{n:06d}", birth_date=dt.date(1990, 5, 1))
        else:
            extra.update(pesel=pesel_for(dt.date(1970 + n % 3, 2, 1 + n), n, n % 2 == 0))
        if n % 3:  # the others keep no start date: NULLs again
            extra.update(status=ParticipantStatus.ACTIVE, start_date=dt.date(2021, 1, 4 + n % 2), **signed)
        registry.create_participant(db, registry.ParticipantInput(
            first_name="Ala" if n % 4 else "Łucja", last_name="Żak" if n % 2 else "Nowak", **extra))


def _paged(read, limit: int) -> list[int]:
    ids, after = [], None
    while True:
        page = read(after, limit)
        ids.extend(row.id for row in page)
        if len(page) < limit:
            return ids
        after = page[-1]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", sorted(SORTABLE))
def test_every_registry_order_reads_the_same_by_keyset_as_at_once(db, sort, descending):
    _people(db)
    query = registry.ParticipantQuery(programme_id=active_programme(db).id, sort=sort, descending=descending)
    whole = [row.id for row in registry.search_participants(db, query, limit=100)]
    assert len(whole) == 14
    for limit in (1, 3, 4):
        assert _paged(lambda after, n: registry.search_participants(db, query, limit=n, after=after), limit) == whole


def test_the_registry_sorted_by_sex_puts_the_unknown_first_on_both_databases(db):
    _people(db)
    query = registry.ParticipantQuery(sort="sex")
    rows = registry.search_participants(db, query, limit=100)
    assert [row.sex for row in rows[:3]] == [None, None, None]
    assert {row.sex for row in rows[3:]} == {Sex.FEMALE, Sex.MALE}
    descending = registry.search_participants(db, query.__class__(sort="sex", descending=True), limit=100)
    assert [row.sex for row in descending[-3:]] == [None, None, None]


def test_events_read_by_keyset_keep_the_day_and_hour_order_with_events_without_an_hour(db):
    day = dt.date(2021, 10, 12)
    for n in range(9):
        hours = {} if n % 3 == 0 else dict(start_time=dt.time(9 + n, 0), end_time=dt.time(10 + n, 0))
        events.create_event(db, workshop(db, title=f"Zajęcia {n}", event_date=day + dt.timedelta(days=n % 2),
                                         task_id=task_id(db, 7), **({"start_time": None, "end_time": None} | hours)))
    query = events.EventQuery()
    whole = events.list_events(db, query, limit=100)
    assert len(whole) == 9
    assert [(r.event_date, r.start_time or dt.time(0)) for r in whole] == sorted(
        (r.event_date, r.start_time or dt.time(0)) for r in whole)
    for limit in (1, 2, 4):
        assert _paged(lambda after, n: events.list_events(db, query, limit=n, after=after), limit) == [
            r.id for r in whole]
