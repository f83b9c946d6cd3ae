"""Hourly rates per kind of volunteer work, for the value of the programme's own contribution (wkład własny).

Volunteer work counted as an in-kind contribution is valued at the market rate of the same kind of work, so
one flat rate over- or under-values it. The kind of work is the programme's schedule task the hours are
logged for (tasks are what the hours are already entered against: "animacja czasu wolnego", "pomoc
sąsiedzka"...). A task may get its own rate; hours of a task without one, and hours logged for no task,
are valued at the single rate of the settings ("Stawka za godzinę wolontariatu"), which stays the default.

The rates live in the settings shared by every PC, one key per task: ``volunteer.rate.task.<id>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.access_control import require
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import ScheduleTask, Setting

PREFIX = "volunteer.rate.task."
MAX_RATE = Decimal("10000")


@dataclass(frozen=True)
class TaskRate:
    task_id: int
    label: str  # "6. pomoc sąsiedzka"
    rate: Decimal | None  # None: the single rate of the settings


def _parse(text: str) -> Decimal | None:
    try:
        rate = Decimal(text.replace(",", ".").strip())
    except InvalidOperation:
        return None
    return rate if rate.is_finite() and rate > 0 else None


def task_rates(db: Database) -> dict[int, Decimal]:
    """The rate of each task that has its own (tasks without one are left out)."""
    with db.reading() as session:
        stored = session.execute(select(Setting.key, Setting.value).where(Setting.key.like(PREFIX + "%"))).all()
    rates: dict[int, Decimal] = {}
    for key, value in stored:
        number, rate = key.removeprefix(PREFIX), _parse(value or "")
        if number.isdigit() and rate is not None:
            rates[int(number)] = rate
    return rates


def list_task_rates(db: Database, programme_id: int) -> list[TaskRate]:
    """The programme's tasks in the schedule's order, each with its own rate or None."""
    rates = task_rates(db)
    with db.reading() as session:
        tasks = session.execute(select(ScheduleTask.id, ScheduleTask.position, ScheduleTask.name)
                                .where(ScheduleTask.programme_id == programme_id)
                                .order_by(ScheduleTask.position, ScheduleTask.id)).all()
    return [TaskRate(task_id, f"{position}. {name}", rates.get(task_id)) for task_id, position, name in tasks]


def labelled_rates(db: Database) -> list[TaskRate]:
    """The tasks that have their own rate, of any programme, labelled as the hours' lists label them."""
    rates = task_rates(db)
    if not rates:
        return []
    with db.reading() as session:
        tasks = session.execute(select(ScheduleTask.id, ScheduleTask.position, ScheduleTask.name)
                                .where(ScheduleTask.id.in_(list(rates)))).all()
    return [TaskRate(task_id, f"{position}. {name}", rates[task_id]) for task_id, position, name in tasks]


def check_rate(rate: Decimal | None) -> None:
    """A rate is more than 0 and less than 10 000 zł (None: no rate of its own)."""
    if rate is not None and not (Decimal(0) < rate < MAX_RATE):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Stawka za godzinę musi być większa od zera i mniejsza niż 10 000 zł (wpisano: {value})."),
            field="rate", value=str(rate))


def set_task_rate(db: Database, task_id: int, rate: Decimal | None) -> None:
    """Give a task its own hourly rate; None takes it back to the single rate of the settings."""
    require(Permission.SETTINGS)
    check_rate(rate)
    with db.session() as session:
        if session.get(ScheduleTask, task_id) is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma zadania o numerze {id}."), id=task_id)
        key = f"{PREFIX}{task_id}"
        setting = session.scalar(select(Setting).where(Setting.key == key))
        if rate is None:
            if setting is not None:
                session.delete(setting)
        elif setting is None:
            session.add(Setting(key=key, value=str(rate.quantize(Decimal("0.01")))))
        else:
            setting.value = str(rate.quantize(Decimal("0.01")))


def valued(hours_by_task: dict[int | None, Decimal], rates: dict[int, Decimal],
           default: Decimal | None) -> Decimal | None:
    """The value of the hours, each task's at its rate, the rest at ``default``.

    None when some hours have no rate at all (no task rate and no single rate): a partial sum would read as
    the whole contribution.
    """
    total, rated = Decimal("0.00"), default is not None
    for task_id, hours in hours_by_task.items():
        rate = rates.get(task_id) if task_id is not None else None
        rate = rate if rate is not None else default
        if rate is None:
            if hours:
                return None
            continue
        rated = True
        total += (Decimal(hours) * rate).quantize(Decimal("0.01"))
    return total if rated else None  # no rate anywhere: no value, as with the single rate alone


__all__ = ["TaskRate", "check_rate", "labelled_rates", "list_task_rates", "set_task_rate", "task_rates", "valued"]
