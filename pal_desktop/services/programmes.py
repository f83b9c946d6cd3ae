"""Programmes: the built-in Kłobuck PAL, programmes an office adds, and the choice of the active one."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import func, select

from pal_desktop import paths
from pal_desktop.domain.efs_dictionaries import FundingPeriod
from pal_desktop.domain.enums import DEFAULT_EVENT_TYPES, IndicatorKind, ProgrammeItemKind
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.input_limits import check_input
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import (
    Event,
    EventType,
    Indicator,
    Programme,
    ProgrammeItem,
    ScheduleTask,
    Setting,
)

BUILTIN_PROGRAMME_KEY = "klobuck-2021-2022"
ACTIVE_PROGRAMME_SETTING = "active_programme_id"

#: How each product of seed section XI is counted from the records (the indicators' ``measure``).
PRODUCT_MEASURES = {
    "usługi wolontariatu": ("volunteer_hours", "godz."),
    "zorganizowanie spotkań": ("events:spotkanie sąsiedzkie", "szt."),
    "zorganizowanie szkoleń": ("events:szkolenie/kurs", "szt."),
    "zorganizowanie staży": ("internships", "szt."),
    "zorganizowanie zajęć edukacyjno-kulturalnych": ("events:warsztat", "szt."),
}


@dataclass(frozen=True)
class ProgrammeSummary:
    id: int
    title: str
    subtitle: str
    start: dt.date
    end: dt.date
    tasks: int
    is_active: bool
    archive_until: dt.date | None = None
    anonymised: bool = False


@dataclass(frozen=True)
class TaskRow:
    id: int
    position: int
    name: str
    description: str
    start: dt.date
    end: dt.date
    is_milestone: bool
    events: int


@dataclass(frozen=True)
class ProgrammeInput:
    title: str
    start: dt.date
    end: dt.date
    subtitle: str = ""
    municipality: str = ""
    organisation: str = ""
    funding_line: str = ""
    main_goal: str = ""
    project_number: str = ""
    funding_period: FundingPeriod | None = None


def builtin_programme_data(key: str = BUILTIN_PROGRAMME_KEY) -> dict:
    path = paths.resource_path("programmes", f"{key}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _add_items(programme: Programme, kind: ProgrammeItemKind, texts: list[str]) -> None:
    for position, text in enumerate(texts, start=1):
        programme.items.append(ProgrammeItem(kind=kind, position=position, text=text))


def programme_from_data(data: dict) -> Programme:
    """Build (unsaved) the programme, its items, schedule and indicators from the JSON of a programme."""
    programme = Programme(
        key=data.get("key"), title=data["title"], subtitle=data.get("subtitle", ""),
        municipality=data.get("municipality", ""), organisation=data.get("organisation", ""),
        legal_basis=data.get("legal_basis", ""), resolution=data.get("resolution", ""),
        start_date=dt.date.fromisoformat(data["start"]), end_date=dt.date.fromisoformat(data["end"]),
        funding_line=data.get("funding_line", ""), co_financing=data.get("co_financing", ""),
        target_group=data.get("target_group", ""), main_goal=data.get("main_goal", ""),
        monitoring=data.get("monitoring", ""), project_number=data.get("project_number", ""),
        funding_period=FundingPeriod(data["funding_period"]) if data.get("funding_period") else None,
    )
    _add_items(programme, ProgrammeItemKind.SPECIFIC_GOAL, data.get("specific_goals", []))
    _add_items(programme, ProgrammeItemKind.DIRECTION, data.get("directions", []))
    _add_items(programme, ProgrammeItemKind.METHOD, data.get("methods", []))
    _add_items(programme, ProgrammeItemKind.PLANNED_ACTION, data.get("planned_actions", []))
    _add_items(programme, ProgrammeItemKind.IMPLEMENTER, data.get("implementers", []))
    _add_items(programme, ProgrammeItemKind.PARTNER, data.get("partners", []))
    _add_items(programme, ProgrammeItemKind.FUNDING_SOURCE, data.get("funding_sources", []))
    for task in data.get("tasks", []):
        programme.tasks.append(ScheduleTask(
            position=task["number"], name=task["name"], description=task.get("description", ""),
            start_date=dt.date.fromisoformat(task["start"]), end_date=dt.date.fromisoformat(task["end"]),
            is_milestone=bool(task.get("milestone", False))))
    position = 0
    for text in data.get("products", []):
        position += 1
        measure, unit = PRODUCT_MEASURES.get(text, ("", ""))
        programme.indicators.append(Indicator(kind=IndicatorKind.PRODUCT, position=position, name=text,
                                              measure=measure, unit=unit))
    for text in data.get("results", []):
        position += 1
        programme.indicators.append(Indicator(kind=IndicatorKind.RESULT, position=position, name=text))
    if data.get("key") == BUILTIN_PROGRAMME_KEY:
        _link_goals(programme)
    return programme


def _link_goals(programme: Programme) -> None:
    """The built-in programme's indicators tied to the goals and results they support (domain.goal_links)."""
    from pal_desktop.domain.goal_links import SEED_LINKS

    goals = {item.position: item for item in programme.items if item.kind == ProgrammeItemKind.SPECIFIC_GOAL}
    by_name = {indicator.name: indicator for indicator in programme.indicators}
    for name, (goal, result) in SEED_LINKS.items():
        if name in by_name:
            by_name[name].goal_item = goals.get(goal)
            by_name[name].result = by_name.get(result) if result else None


def ensure_event_types(db: Database) -> None:
    with db.session() as session:
        add_missing_event_types(session)


def add_missing_event_types(session) -> None:
    """The default event types not yet in the database, added in ``session`` (init's own transaction)."""
    existing = set(session.scalars(select(EventType.name)))
    for position, name in enumerate(DEFAULT_EVENT_TYPES, start=1):
        if name not in existing:
            session.add(EventType(name=name, position=position))


def load_builtin_programme(db: Database, key: str = BUILTIN_PROGRAMME_KEY) -> tuple[int, bool]:
    """Load a built-in programme once; returns (its id, whether it was created now)."""
    with db.session() as session:
        return add_builtin_programme(session, key)


def add_builtin_programme(session, key: str = BUILTIN_PROGRAMME_KEY) -> tuple[int, bool]:
    """``load_builtin_programme`` inside ``session``."""
    existing = session.scalar(select(Programme.id).where(Programme.key == key))
    if existing is not None:
        return existing, False
    programme = programme_from_data(builtin_programme_data(key))
    session.add(programme)
    session.flush()
    if _get_setting(session, ACTIVE_PROGRAMME_SETTING) is None:
        _set_setting(session, ACTIVE_PROGRAMME_SETTING, str(programme.id))
    return programme.id, True


def _get_setting(session, key: str) -> str | None:
    return session.scalar(select(Setting.value).where(Setting.key == key))


def _set_setting(session, key: str, value: str) -> None:
    setting = session.scalar(select(Setting).where(Setting.key == key))
    if setting is None:
        session.add(Setting(key=key, value=value))
    elif setting.value != value:
        setting.value = value


def list_programmes(db: Database) -> list[ProgrammeSummary]:
    with db.reading() as session:
        active = _get_setting(session, ACTIVE_PROGRAMME_SETTING)
        task_counts = dict(session.execute(
            select(ScheduleTask.programme_id, func.count()).group_by(ScheduleTask.programme_id)).all())
        return [
            ProgrammeSummary(id=p.id, title=p.title, subtitle=p.subtitle, start=p.start_date, end=p.end_date,
                             tasks=task_counts.get(p.id, 0), is_active=str(p.id) == active,
                             archive_until=p.archive_until, anonymised=p.anonymised_at is not None)
            for p in session.scalars(select(Programme).order_by(Programme.start_date, Programme.id))
        ]


def active_programme(db: Database) -> ProgrammeSummary | None:
    """The programme the office works on now (the active one, else the newest)."""
    programmes = list_programmes(db)
    for programme in programmes:
        if programme.is_active:
            return programme
    return programmes[-1] if programmes else None


def set_active_programme(db: Database, programme_id: int) -> None:
    with db.session() as session:
        if session.get(Programme, programme_id) is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma programu o numerze {id}."), id=programme_id)
        _set_setting(session, ACTIVE_PROGRAMME_SETTING, str(programme_id))


def validate_programme(data: ProgrammeInput) -> None:
    if not data.title.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „Tytuł programu” nie może być puste."),
                              field="title")
    if data.end < data.start:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Koniec programu” ({end}) jest wcześniejsze niż „Początek programu” ({start})."),
            field="end", start=data.start.strftime("%d.%m.%Y"), end=data.end.strftime("%d.%m.%Y"))
    # Lengths and control characters from the programme's columns, its dates from 1900 to 2100.
    check_input(Programme, data, _PROGRAMME_LABELS, {"start": "start_date", "end": "end_date"})


_PROGRAMME_LABELS = {"title": QT_TRANSLATE_NOOP("Fields", "Tytuł programu"),
                     "start": QT_TRANSLATE_NOOP("Fields", "Początek programu"),
                     "end": QT_TRANSLATE_NOOP("Fields", "Koniec programu")}


def create_programme(db: Database, data: ProgrammeInput, *, make_active: bool = False) -> int:
    validate_programme(data)
    with db.session() as session:
        programme = Programme(
            title=data.title.strip(), subtitle=data.subtitle.strip(), start_date=data.start, end_date=data.end,
            municipality=data.municipality.strip(), organisation=data.organisation.strip(),
            funding_line=data.funding_line.strip(), main_goal=data.main_goal.strip(),
            project_number=data.project_number.strip(),
            funding_period=FundingPeriod(data.funding_period) if data.funding_period else None)
        session.add(programme)
        session.flush()
        if make_active:
            _set_setting(session, ACTIVE_PROGRAMME_SETTING, str(programme.id))
        return programme.id


def list_tasks(db: Database, programme_id: int) -> list[TaskRow]:
    with db.reading() as session:
        counts = dict(session.execute(
            select(Event.task_id, func.count()).where(Event.programme_id == programme_id)
            .group_by(Event.task_id)).all())
        tasks = session.scalars(select(ScheduleTask).where(ScheduleTask.programme_id == programme_id)
                                .order_by(ScheduleTask.position, ScheduleTask.id))
        return [TaskRow(id=t.id, position=t.position, name=t.name, description=t.description, start=t.start_date,
                        end=t.end_date, is_milestone=t.is_milestone, events=counts.get(t.id, 0)) for t in tasks]
