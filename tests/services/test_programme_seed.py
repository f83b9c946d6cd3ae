"""The built-in Kłobuck PAL 2021-2022, loaded by init, checked against the seed document itself."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from pal_desktop.domain.enums import IndicatorKind, ProgrammeItemKind
from pal_desktop.errors import ValidationError
from pal_desktop.services import programmes as service
from pal_desktop.services.database import initialise
from pal_desktop.storage.models import Indicator, Programme, ProgrammeItem

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "pal-klobuck-2021-2022.md"
TASK_LINE = re.compile(r"^- (\d+)\) (.+?) – (?:(\d{2})\.(\d{4})-)?(\d{2})\.(\d{4})[;.]$")


def seed_schedule() -> list[tuple[int, str, dt.date, dt.date]]:
    """Section IX of the seed, read straight from the document."""
    if not SEED.exists():
        pytest.skip(f"the seed document is not at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    section = text.split("## IX.")[1].split("## X.")[0]
    tasks = []
    for line in section.splitlines():
        match = TASK_LINE.match(line.strip())
        if not match:
            continue
        number, body, m1, y1, m2, y2 = match.groups()
        name = re.split(r" \(", body, maxsplit=1)[0]
        first = dt.date(int(y1 or y2), int(m1 or m2), 1)
        last = dt.date(int(y2), int(m2), calendar.monthrange(int(y2), int(m2))[1])
        tasks.append((int(number), name, first, last))
    return tasks


def test_init_loads_the_eleven_tasks_of_section_ix_with_their_dates(db):
    expected = seed_schedule()
    assert len(expected) == 11
    programme = service.active_programme(db)
    tasks = service.list_tasks(db, programme.id)
    assert [(t.position, t.name) for t in tasks] == [(n, name) for n, name, _, _ in expected]
    for task, (_, _, first, last) in zip(tasks, expected, strict=True):
        if task.is_milestone:
            assert (task.start, task.end) == (last, last)
        else:
            assert (task.start, task.end) == (first, last)
    assert [t.name for t in tasks if t.is_milestone] == ["zakończenie programu"]
    assert tasks[0].start == dt.date(2021, 1, 1) and tasks[0].end == dt.date(2021, 3, 31)
    assert tasks[7].name == "imprezy integracyjne"
    assert (tasks[7].start, tasks[7].end) == (dt.date(2021, 7, 1), dt.date(2022, 7, 31))


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
    assert len(by_kind[ProgrammeItemKind.SPECIFIC_GOAL]) == 7
    assert len(by_kind[ProgrammeItemKind.PLANNED_ACTION]) == 10
    assert len(by_kind[ProgrammeItemKind.FUNDING_SOURCE]) == 4
    assert by_kind[ProgrammeItemKind.IMPLEMENTER][0].text.startswith("Gmina Kłobuck działająca przez")
    products = [i for i in indicators if i.kind == IndicatorKind.PRODUCT]
    results = [i for i in indicators if i.kind == IndicatorKind.RESULT]
    assert [p.name for p in products] == ["usługi wolontariatu", "zorganizowanie spotkań", "zorganizowanie szkoleń",
                                          "zorganizowanie staży", "zorganizowanie zajęć edukacyjno-kulturalnych"]
    assert len(results) == 7 and results[0].name == "integracja społeczności lokalnej i grup społecznych"
    if SEED.exists():
        seed_text = " ".join(SEED.read_text(encoding="utf-8").split())
        for item in items:
            assert " ".join(item.text.split()) in seed_text


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
