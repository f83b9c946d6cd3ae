"""The figures the periodic and the final reports print, counted by the database (SQL aggregates, never a
Python loop over every participant or attendance mark), so that a city's programme reports in seconds.

- People: covered (cumulatively, up to the period's end), joined in the period, left in the period, completed
  as planned (the participant's "zgodnie ze ścieżką" field, not the status), not as planned, dropped out;
  each broken down by sex, as the EU regulation's annex on common indicators asks of all data on people.
- Age at joining, in the bands of the programme's funding period (domain/efs_2021.py), by sex.
- Events by task: held, planned and still to come, and *overdue* (planned, date passed, never marked held),
  which is not the same as "still to come".
- Volunteers: hours, how many volunteers, the value of their work as own contribution.

Like every service: each function opens its own read session and returns plain frozen values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, case, extract, func, or_, select

from pal_desktop.domain.efs_2021 import AGE_BANDS_2014, AGE_BANDS_2021
from pal_desktop.domain.efs_dictionaries import FundingPeriod
from pal_desktop.domain.enums import EventStatus, ParticipantStatus, Sex, TriState
from pal_desktop.errors import NotFoundError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.volunteer_rates import task_rates, valued
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Event, Participant, Programme, ScheduleTask, VolunteerHours

COVERED = (ParticipantStatus.ACTIVE, ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT)
LEFT = (ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT)
NOT_GIVEN = QT_TRANSLATE_NOOP("Indicators", "brak danych")
#: Column order of every breakdown by sex: women, men, sex not recorded.
SEX_ORDER = (Sex.FEMALE, Sex.MALE, None)


@dataclass(frozen=True)
class BySex:
    women: int = 0
    men: int = 0
    unknown: int = 0

    @property
    def total(self) -> int:
        return self.women + self.men + self.unknown

    def cells(self) -> list[int]:
        return [self.women, self.men, self.unknown]


@dataclass(frozen=True)
class PeopleFigures:
    covered: BySex
    joined: BySex
    left: BySex
    completed_as_planned: BySex
    #: Left by the period's end with "zgodnie ze ścieżką" other than yes (no, refused or not recorded).
    not_as_planned: BySex
    dropped_out: BySex
    #: The bands' labels in order; the last row of ``by_age`` is "brak danych" (no birth date).
    age_bands: tuple[str, ...]
    #: (band label, by sex) of the people covered, age at joining.
    by_age: tuple[tuple[str, BySex], ...]


@dataclass(frozen=True)
class TaskFigures:
    task_id: int | None
    position: int
    name: str
    start: dt.date | None
    end: dt.date | None
    is_milestone: bool
    planned_in_programme: int | None
    held: int
    #: Planned, their date not yet come.
    upcoming: int
    #: Planned, their date passed, never marked as held: *zaległe — nie oznaczono*.
    overdue: int
    cancelled: int


@dataclass(frozen=True)
class ScheduleFigures:
    tasks: tuple[TaskFigures, ...]
    held: int
    upcoming: int
    overdue: int
    cancelled: int


@dataclass(frozen=True)
class VolunteerFigures:
    hours: Decimal
    volunteers: int
    hour_rate: Decimal | None
    value: Decimal | None


def age_bands(period: FundingPeriod | None):
    """The age bands of the funder's common indicators: 2014-2020's, else 2021-2027's (also without EU funds)."""
    return AGE_BANDS_2014 if period == FundingPeriod.P2014_2020 else AGE_BANDS_2021


def _programme(session, programme_id: int) -> Programme:
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma programu o numerze {id}."), id=programme_id)
    return programme


def _age_at_joining():
    """Full years on the day the person joined, in SQL that SQLite and PostgreSQL both run."""
    joined, born = Participant.start_date, Participant.birth_date
    before_birthday = (extract("month", joined) * 100 + extract("day", joined)
                       < extract("month", born) * 100 + extract("day", born))
    return extract("year", joined) - extract("year", born) - case((before_birthday, 1), else_=0)


def band_expression(bands):
    age = _age_at_joining()
    whens = [(and_(age >= low, age <= high) if high is not None else age >= low, index)
             for index, (low, high, _label) in enumerate(bands)]
    return case((Participant.birth_date.is_(None), -1), *whens, else_=-1)


def _by_sex(counts: dict) -> BySex:
    return BySex(counts.get(Sex.FEMALE, 0), counts.get(Sex.MALE, 0), counts.get(None, 0))


def people_conditions(programme_id: int, start: dt.date, end: dt.date) -> dict:
    """The SQL condition of each people indicator for the period (the dashboard lists the people behind one)."""
    covered = and_(Participant.programme_id == programme_id, Participant.status.in_(COVERED),
                   Participant.start_date.is_not(None), Participant.start_date <= end)
    ended_by_end = and_(Participant.end_date.is_not(None), Participant.end_date <= end)
    return {
        "covered": covered,
        "joined": and_(covered, Participant.start_date >= start),
        "left": and_(covered, Participant.status.in_(LEFT), Participant.end_date.between(start, end)),
        "completed_as_planned": and_(covered, ended_by_end,
                                     Participant.completed_as_planned == TriState.YES),
        "not_as_planned": and_(covered, ended_by_end, Participant.status.in_(LEFT), or_(
            Participant.completed_as_planned.is_(None), Participant.completed_as_planned != TriState.YES)),
        "dropped_out": and_(covered, Participant.status == ParticipantStatus.DROPPED_OUT,
                            or_(Participant.end_date.is_(None), Participant.end_date <= end)),
    }


def people_figures(db: Database, programme_id: int, start: dt.date, end: dt.date) -> PeopleFigures:
    """The people indicators for the period, each by sex (one grouped query per indicator)."""
    with db.reading() as session:
        programme = _programme(session, programme_id)
        bands = age_bands(programme.funding_period)
        conditions = people_conditions(programme_id, start, end)
        covered = conditions["covered"]
        # One query: a conditional count per indicator, grouped by sex.
        columns = [func.sum(case((condition, 1), else_=0)) for condition in conditions.values()]
        rows = session.execute(select(Participant.sex, *columns)
                               .where(Participant.programme_id == programme_id).group_by(Participant.sex)).all()
        # Grouped by the label: PostgreSQL would not match two renderings of an expression with parameters.
        band = band_expression(bands).label("band")
        ages = session.execute(select(band, Participant.sex, func.count(Participant.id))
                               .where(covered).group_by(band, Participant.sex)).all()
    figures = {}
    for index, name in enumerate(conditions):
        figures[name] = _by_sex({row[0]: int(row[index + 1] or 0) for row in rows})
    labels = tuple(label for _low, _high, label in bands)
    by_band: dict[int, dict] = {}
    for band_index, sex, count in ages:
        by_band.setdefault(int(band_index), {})[sex] = count
    by_age = [(label, _by_sex(by_band.get(index, {}))) for index, label in enumerate(labels)]
    by_age.append((NOT_GIVEN, _by_sex(by_band.get(-1, {}))))
    return PeopleFigures(age_bands=labels, by_age=tuple(by_age), **figures)


def schedule_figures(db: Database, programme_id: int, start: dt.date, end: dt.date,
                     today: dt.date | None = None) -> ScheduleFigures:
    """The events of the period by task of the schedule (top-level tasks overlapping the period, then the
    events tied to no task): held, still to come, overdue, cancelled."""
    today = today or dt.date.today()
    overdue = and_(Event.status == EventStatus.PLANNED, Event.event_date < today)
    with db.reading() as session:
        _programme(session, programme_id)
        kind = case((Event.status == EventStatus.HELD, "held"), (Event.status == EventStatus.CANCELLED, "cancelled"),
                    (overdue, "overdue"), else_="upcoming").label("kind")
        counts: dict[tuple, int] = {(task_id, k): n for task_id, k, n in session.execute(
            select(Event.task_id, kind, func.count(Event.id))
            .where(Event.programme_id == programme_id, Event.event_date.between(start, end))
            .group_by(Event.task_id, kind)).all()}
        # A sub-task's events count towards its top-level task.
        parents = dict(session.execute(select(ScheduleTask.id, ScheduleTask.parent_id)
                                       .where(ScheduleTask.programme_id == programme_id)).all())
        tasks = session.execute(select(ScheduleTask).where(ScheduleTask.programme_id == programme_id,
                                                           ScheduleTask.parent_id.is_(None))
                                .order_by(ScheduleTask.position, ScheduleTask.id)).scalars().all()
        rows = [(t.id, t.position, t.name, t.start_date, t.end_date, t.is_milestone, t.planned_events)
                for t in tasks]
    folded: dict[tuple, int] = {}
    for (task_id, k), n in counts.items():
        top = task_id
        while top is not None and parents.get(top) is not None:
            top = parents[top]
        folded[(top, k)] = folded.get((top, k), 0) + n
    lines = []
    for task_id, position, name, task_start, task_end, milestone, planned in rows:
        if task_end < start or task_start > end:
            continue
        lines.append(TaskFigures(task_id, position, name, task_start, task_end, milestone, planned,
                                 *(folded.get((task_id, k), 0) for k in ("held", "upcoming", "overdue", "cancelled"))))
    if any(folded.get((None, k)) for k in ("held", "upcoming", "overdue", "cancelled")):
        lines.append(TaskFigures(None, len(rows) + 1, "Wydarzenia bez przypisanego zadania", None, None, False, None,
                                 *(folded.get((None, k), 0) for k in ("held", "upcoming", "overdue", "cancelled"))))

    def total(k: str) -> int:
        return sum(n for (_task, kk), n in folded.items() if kk == k)

    return ScheduleFigures(tuple(lines), total("held"), total("upcoming"), total("overdue"), total("cancelled"))


def volunteer_scope(programme_id: int):
    """Hours of the programme: for its events and tasks, and for none in particular."""
    own_tasks = select(ScheduleTask.id).where(ScheduleTask.programme_id == programme_id)
    own_events = select(Event.id).where(Event.programme_id == programme_id)
    return or_(VolunteerHours.event_id.in_(own_events), VolunteerHours.task_id.in_(own_tasks),
               and_(VolunteerHours.event_id.is_(None), VolunteerHours.task_id.is_(None)))


def volunteer_figures(db: Database, programme_id: int, start: dt.date, end: dt.date,
                      hour_rate: Decimal | None) -> VolunteerFigures:
    """Hours worked in the period for the programme's events and tasks (and for none in particular)."""
    with db.reading() as session:
        own = (VolunteerHours.work_date.between(start, end), volunteer_scope(programme_id))
        hours, volunteers = session.execute(
            select(func.coalesce(func.sum(VolunteerHours.hours), 0), func.count(VolunteerHours.volunteer_id.distinct()))
            .where(*own)).one()
        by_task = {task_id: Decimal(task_hours or 0) for task_id, task_hours in session.execute(
            select(VolunteerHours.task_id, func.sum(VolunteerHours.hours)).where(*own)
            .group_by(VolunteerHours.task_id))}
    hours = Decimal(hours or 0).quantize(Decimal("0.01"))
    # Each task's hours at its own rate (services.volunteer_rates), the rest at the single rate.
    value = valued(by_task, task_rates(db), hour_rate)
    return VolunteerFigures(hours, int(volunteers or 0), hour_rate, value)


__all__ = ["BySex", "PeopleFigures", "ScheduleFigures", "TaskFigures", "VolunteerFigures", "age_bands",
           "people_conditions", "people_figures", "volunteer_scope", "schedule_figures", "volunteer_figures"]
