"""The built-in Kłobuck PAL 2021-2022, loaded by init, checked against the seed document's facts
(tests/seed_facts.py) and, where it is beside the checkout, its text."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from pal_desktop.domain.enums import IndicatorKind, ProgrammeItemKind
from pal_desktop.errors import ValidationError
from pal_desktop.services import programmes as service
from pal_desktop.services.database import initialise
from pal_desktop.storage.models import Indicator, Programme, ProgrammeItem
from tests.seed_facts import COUNTS, PRODUCTS, SCHEDULE, collapse, seed_path


def test_init_loads_the_eleven_tasks_of_section_ix_with_their_dates(db):
    programme = service.active_programme(db)
    tasks = service.list_tasks(db, programme.id)
    assert [(t.position, t.name, t.start, t.end, t.is_milestone) for t in tasks] == [tuple(t) for t in SCHEDULE]


def test_the_programme_carries_its_document(db):
    with db.reading() as session:
        programme = session.scalar(select(Programme))
        items = session.scalars(select(ProgrammeItem).where(ProgrammeItem.programme_id == programme.id)).all()
        indicators = session.scalars(select(Indicator).order_by(Indicator.position)).all()
        assert programme.title == "Program Aktywności Lokalnej dla Gminy Kłobuck na lata 2021-2022"
        assert programme.subtitle == "Centrum Integracji i Aktywności Społecznej"
        assert (programme.start_date, programme.end_date) == (dt.date(2021, 1, 1), dt.date(2022, 12, 31))
        assert "art. 110 ust. 10" in programme.legal_basis
        assert "Poddziałanie: 9.1.1" in programme.funding_line and "RIT" in programme.funding_line
        assert programme.main_goal.startswith("Celem głównym")
    by_kind = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    assert len(by_kind[ProgrammeItemKind.SPECIFIC_GOAL]) == COUNTS["specific_goals"]
    assert len(by_kind[ProgrammeItemKind.PLANNED_ACTION]) == COUNTS["planned_actions"]
    assert len(by_kind[ProgrammeItemKind.FUNDING_SOURCE]) == COUNTS["funding_sources"]
    assert by_kind[ProgrammeItemKind.IMPLEMENTER][0].text.startswith("Gmina Kłobuck działająca przez")
    products = [i for i in indicators if i.kind == IndicatorKind.PRODUCT]
    results = [i for i in indicators if i.kind == IndicatorKind.RESULT]
    assert tuple(p.name for p in products) == PRODUCTS
    assert len(results) == COUNTS["results"] and results[0].name == "integracja społeczności lokalnej i grup społecznych"
    seed = seed_path()
    if seed is not None:  # the full text, where the document is beside the checkout
        seed_text = collapse(seed.read_text(encoding="utf-8"))
        for item in items:
            assert collapse(item.text) in seed_text


def test_init_twice_does_not_duplicate_the_programme(db):
    programme_id, created = initialise(db)
    assert not created
    assert [p.id for p in service.list_programmes(db)] == [programme_id]


def test_an_office_adds_its_own_programme_and_makes_it_active(db):
    new_id = service.create_programme(db, service.ProgrammeInput(
        title="PAL Gminy Kłobuck 2023-2024", start=dt.date(2023, 1, 1), end=dt.date(2024, 12, 31)))
    assert service.active_programme(db).title.endswith("2021-2022")
    service.set_active_programme(db, new_id)
    active = service.active_programme(db)
    assert (active.id, active.tasks) == (new_id, 0)
    assert [p.is_active for p in service.list_programmes(db)] == [False, True]


def test_a_programme_that_ends_before_it_starts_is_refused(db):
    with pytest.raises(ValidationError, match="Koniec programu") as error:
        service.create_programme(db, service.ProgrammeInput(title="PAL", start=dt.date(2024, 1, 1),
                                                            end=dt.date(2023, 1, 1)))
    assert error.value.field == "end"
    assert len(service.list_programmes(db)) == 1


def test_a_programme_needs_a_title(db):
    with pytest.raises(ValidationError, match="Tytuł programu"):
        service.create_programme(db, service.ProgrammeInput(title="  ", start=dt.date(2023, 1, 1),
                                                            end=dt.date(2023, 2, 1)))
