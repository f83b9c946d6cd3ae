"""The schedule as a Gantt chart: what it shows, and the changes made on it (one transaction each).

``schedule_view`` reads the programme's tasks with their events into plain dataclasses (the chart, the
printed chart and the calendar export all start from it). The writes validate against the programme's
period: the task editor refuses a task outside it with a message naming the field; a drag (``move_task``)
is clamped to the period and says so.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select

from pal_desktop.domain import schedule as rules
from pal_desktop.domain.enums import AttendanceStatus, EventStatus
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import programmes as programme_service
from pal_desktop.services.conflicts import refuse_stale
from pal_desktop.services.formatting import format_date
from pal_desktop.services.input_limits import check_input
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import (
    Attendance,
    Enrolment,
    Event,
    EventSeries,
    EventType,
    Internship,
    Programme,
    ScheduleTask,
    VolunteerHours,
)

PAPERS = ("A4", "A3")


# ---- What the chart shows
@dataclass(frozen=True)
class EventMark:
    """One event under a task, as the chart marks it."""

    id: int
    task_id: int | None
    date: dt.date
    title: str
    status: EventStatus
    type_name: str = ""
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str = ""
    #: Dated before today and still "planowane".
    overdue: bool = False

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def hours(self) -> str:
        if self.start_time is None:
            return ""
        text = self.start_time.strftime("%H:%M")
        return f"{text}–{self.end_time.strftime('%H:%M')}" if self.end_time else text


@dataclass(frozen=True)
class TaskBar:
    """One task (or milestone) of the schedule with its progress on ``ScheduleView.today``."""

    id: int
    position: int
    name: str
    description: str
    start: dt.date
    end: dt.date
    is_milestone: bool
    #: The planned number of events as set on the task (None: the events recorded under it are the plan).
    planned_events: int | None
    #: Events the task should have (its planned number, else the events recorded under it).
    planned: int
    #: Events that took place (status "odbyło się", or dated today or earlier and not cancelled).
    held: int
    #: Events dated before today still "planowane".
    overdue: int
    #: Share of the task's days that have passed (0.0–1.0).
    time_progress: float
    events: tuple[EventMark, ...] = ()
    parent_id: int | None = None
    version: int | None = None

    @property
    def behind(self) -> bool:
        return self.overdue > 0

    @property
    def period(self) -> str:
        if self.is_milestone or self.start == self.end:
            return format_date(self.start)
        return f"{format_date(self.start)} – {format_date(self.end)}"

    def as_input(self) -> TaskInput:
        return TaskInput(name=self.name, description=self.description, start=self.start, end=self.end,
                         is_milestone=self.is_milestone, planned_events=self.planned_events, version=self.version)


@dataclass(frozen=True)
class ScheduleView:
    programme_id: int
    title: str
    start: dt.date
    end: dt.date
    today: dt.date
    tasks: tuple[TaskBar, ...]
    #: Events of the programme not assigned to any task.
    unassigned: tuple[EventMark, ...] = ()

    def task(self, task_id: int) -> TaskBar | None:
        return next((t for t in self.tasks if t.id == task_id), None)

    @property
    def event_count(self) -> int:
        return sum(len(t.events) for t in self.tasks) + len(self.unassigned)


@dataclass(frozen=True)
class TaskInput:
    """What the task editor sends; a milestone is one day (its end is its start)."""

    name: str
    start: dt.date
    end: dt.date
    description: str = ""
    is_milestone: bool = False
    planned_events: int | None = None
    #: The version the editor (or the chart) loaded: a change to a task someone else saved since is refused.
    version: int | None = None

    def cleaned(self) -> TaskInput:
        end = self.start if self.is_milestone else self.end
        return replace(self, name=(self.name or "").strip(), description=(self.description or "").strip(), end=end)


@dataclass(frozen=True)
class MoveResult:
    start: dt.date
    end: dt.date
    #: The dates asked for fell outside the programme's period and were moved inside it.
    clamped: bool
    #: The task's version after the move (what an undo of it starts from).
    version: int | None = None


@dataclass(frozen=True)
class DeletedTask:
    """Everything needed to put a deleted task back (undo): its data and what pointed at it."""

    programme_id: int
    position: int
    parent_id: int | None
    data: TaskInput
    event_ids: tuple[int, ...] = ()
    series_ids: tuple[int, ...] = ()
    internship_ids: tuple[int, ...] = ()
    volunteer_hours_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class EventInfo:
    """One event's details for the small info window opened from the chart."""

    mark: EventMark
    task_name: str
    leader: str
    capacity: int | None
    enrolled: int
    present: int
    notes: str = ""
    extra: dict = field(default_factory=dict)


# ---- Reading
def _resolve_programme(db: Database, programme_id: int | None) -> int:
    if programme_id is not None:
        return programme_id
    active = programme_service.active_programme(db)
    if active is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "W bazie nie ma jeszcze żadnego programu."))
    return active.id


def _programme(session, programme_id: int) -> Programme:
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma programu o numerze {id}."), id=programme_id)
    return programme


def _task(session, task_id: int) -> ScheduleTask:
    task = session.get(ScheduleTask, task_id)
    if task is None:
        raise NotFoundError(QT_TRANSLATE_NOOP(
            "Errors", "Nie ma zadania harmonogramu o numerze {id} (mogło zostać usunięte). Odśwież widok."),
            id=task_id)
    return task


def schedule_view(db: Database, programme_id: int | None = None, today: dt.date | None = None) -> ScheduleView:
    """The programme's tasks in order, each with its events and its progress on ``today``."""
    today = today or dt.date.today()
    programme_id = _resolve_programme(db, programme_id)
    with db.reading() as session:
        programme = _programme(session, programme_id)
        header = (programme.title, programme.start_date, programme.end_date)
        tasks = session.execute(
            select(ScheduleTask.id, ScheduleTask.position, ScheduleTask.name, ScheduleTask.description,
                   ScheduleTask.start_date, ScheduleTask.end_date, ScheduleTask.is_milestone,
                   ScheduleTask.planned_events, ScheduleTask.parent_id, ScheduleTask.version)
            .where(ScheduleTask.programme_id == programme_id)
            .order_by(ScheduleTask.position, ScheduleTask.id)).all()
        events = session.execute(
            select(Event.id, Event.task_id, Event.event_date, Event.title, Event.status, EventType.name,
                   Event.start_time, Event.end_time, Event.place)
            .outerjoin(EventType, EventType.id == Event.event_type_id)
            .where(Event.programme_id == programme_id)
            .order_by(Event.event_date, Event.start_time, Event.id)).all()
    by_task: dict[int | None, list[EventMark]] = defaultdict(list)
    for e in events:
        status = EventStatus(e.status)
        by_task[e.task_id].append(EventMark(
            id=e.id, task_id=e.task_id, date=e.event_date, title=e.title, status=status, type_name=e.name or "",
            start_time=e.start_time, end_time=e.end_time, place=e.place or "",
            overdue=status == EventStatus.PLANNED and e.event_date < today))
    known = {t.id for t in tasks}
    bars = []
    for t in tasks:
        marks = tuple(by_task.get(t.id, ()))
        tally = rules.tally_events(((m.date, m.status) for m in marks), t.planned_events, today)
        bars.append(TaskBar(
            id=t.id, position=t.position, name=t.name, description=t.description or "", start=t.start_date,
            end=t.end_date, is_milestone=bool(t.is_milestone), planned_events=t.planned_events,
            planned=tally.planned, held=tally.held, overdue=tally.overdue,
            time_progress=rules.time_progress(t.start_date, t.end_date, today), events=marks, parent_id=t.parent_id,
            version=t.version))
    unassigned = tuple(m for task_id, marks in by_task.items() if task_id not in known for m in marks)
    title, start, end = header
    return ScheduleView(programme_id=programme_id, title=title, start=start, end=end, today=today,
                        tasks=tuple(bars), unassigned=unassigned)


def event_info(db: Database, event_id: int, today: dt.date | None = None) -> EventInfo:
    today = today or dt.date.today()
    with db.reading() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma wydarzenia o numerze {id}."), id=event_id)
        task = session.get(ScheduleTask, event.task_id) if event.task_id else None
        enrolled = session.scalar(select(func.count()).select_from(Enrolment)
                                  .where(Enrolment.event_id == event_id)) or 0
        present = session.scalar(select(func.count()).select_from(Attendance)
                                 .where(Attendance.event_id == event_id,
                                        Attendance.status == AttendanceStatus.PRESENT)) or 0
        status = EventStatus(event.status)
        mark = EventMark(id=event.id, task_id=event.task_id, date=event.event_date, title=event.title, status=status,
                         type_name=event.event_type.name if event.event_type else "", start_time=event.start_time,
                         end_time=event.end_time, place=event.place or "",
                         overdue=status == EventStatus.PLANNED and event.event_date < today)
        leader = event.leader_name or (event.leader_kind.label if event.leader_kind else "")
        return EventInfo(mark=mark, task_name=f"{task.position}. {task.name}" if task else "", leader=leader,
                         capacity=event.capacity, enrolled=enrolled, present=present, notes=event.notes or "")


# ---- Writing
def _check(session, programme_id: int, data: TaskInput) -> TaskInput:
    programme = _programme(session, programme_id)
    data = data.cleaned()
    rules.check_task(data.name, data.start, data.end, programme.start_date, programme.end_date, data.planned_events)
    check_input(ScheduleTask, data, TASK_LABELS, _TASK_ATTRIBUTES)  # lengths and control characters
    return data


def add_task(db: Database, programme_id: int, data: TaskInput, *, position: int | None = None) -> int:
    """A new task (or milestone) at the end of the schedule; refused, with the field named, when invalid."""
    with db.session() as session:
        data = _check(session, programme_id, data)
        if position is None:
            position = (session.scalar(select(func.max(ScheduleTask.position))
                                       .where(ScheduleTask.programme_id == programme_id)) or 0) + 1
        task = ScheduleTask(programme_id=programme_id, position=position, name=data.name,
                            description=data.description, start_date=data.start, end_date=data.end,
                            is_milestone=data.is_milestone, planned_events=data.planned_events)
        session.add(task)
        session.flush()
        return task.id


TASK_LABELS = {"name": "Zadanie", "start": "Od", "end": "Do", "description": "Opis", "is_milestone": "Kamień milowy",
               "planned_events": "Planowane wydarzenia"}
_TASK_ATTRIBUTES = {"start": "start_date", "end": "end_date"}


def update_task(db: Database, task_id: int, data: TaskInput, *, base: TaskInput | None = None) -> int:
    """Save the editor's changes; refused, with the field named, when the task would break a rule, and with
    what changed when ``base`` (the task as the editor loaded it) is stale. Returns the task's new version."""
    with db.session() as session:
        task = _task(session, task_id)
        refuse_stale(task, base, data, TASK_LABELS, _TASK_ATTRIBUTES)
        data = _check(session, task.programme_id, data)
        task.name, task.description = data.name, data.description
        task.start_date, task.end_date = data.start, data.end
        task.is_milestone, task.planned_events = data.is_milestone, data.planned_events
        session.flush()
        return task.version


def move_task(db: Database, task_id: int, new_start: dt.date, new_end: dt.date, *,
              clamp: bool = True, base: TaskInput | None = None) -> MoveResult:
    """New dates from a drag on the chart, in one transaction.

    Dates outside the programme's period are moved inside it (``clamp``, the result says so) or refused
    (``clamp=False``); an end before the start is always refused.
    """
    if new_end < new_start:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Do” ({end}) jest wcześniejsze niż pole „Od” ({start}): zadanie musi się kończyć "
                          "w dniu rozpoczęcia albo później."),
            field="end", start=format_date(new_start), end=format_date(new_end))
    with db.session() as session:
        task = _task(session, task_id)
        if base is not None:  # the chart showed ``base``: someone else's change since is not dragged over
            refuse_stale(task, base, replace(base, start=new_start, end=new_end), TASK_LABELS, _TASK_ATTRIBUTES)
        programme = _programme(session, task.programme_id)
        if task.is_milestone:
            new_end = new_start
        if new_start != task.start_date and new_end == task.end_date:
            mode = rules.START
        elif new_end != task.end_date and new_start == task.start_date:
            mode = rules.END
        else:
            mode = rules.MOVE
        start, end, clamped = rules.clamp_range(new_start, new_end, programme.start_date, programme.end_date, mode)
        if clamped and not clamp:
            rules.check_task(task.name, new_start, new_end, programme.start_date, programme.end_date)
        if (start, end) != (task.start_date, task.end_date):
            task.start_date, task.end_date = start, end
            session.flush()
        return MoveResult(start=start, end=end, clamped=clamped, version=task.version)


def attached_events(db: Database, task_id: int) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Event).where(Event.task_id == task_id)) or 0


def delete_task(db: Database, task_id: int, *, detach_events: bool = False) -> DeletedTask:
    """Delete a task; returns what ``restore_task`` needs to put it back.

    A task with events is refused unless ``detach_events``: then its events stay in the records without a
    task (as do its internships, volunteer hours and series). A task with sub-tasks is always refused.
    """
    with db.session() as session:
        task = _task(session, task_id)
        children = session.scalar(select(func.count()).select_from(ScheduleTask)
                                  .where(ScheduleTask.parent_id == task_id)) or 0
        if children:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Zadanie „{name}” ma zadania podrzędne ({count}). Usuń je najpierw."),
                name=task.name, count=children)
        events = list(session.scalars(select(Event).where(Event.task_id == task_id)))
        if events and not detach_events:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Do zadania „{name}” przypisano wydarzenia ({count}). Zadanie z wydarzeniami można "
                              "usunąć tylko razem z odłączeniem wydarzeń od harmonogramu."),
                name=task.name, count=len(events))
        linked = {}
        for model in (EventSeries, Internship, VolunteerHours):
            rows = list(session.scalars(select(model).where(model.task_id == task_id)))
            linked[model] = tuple(r.id for r in rows)
            for row in rows:
                row.task_id = None
        for event in events:
            event.task_id = None
        snapshot = DeletedTask(
            programme_id=task.programme_id, position=task.position, parent_id=task.parent_id,
            data=TaskInput(name=task.name, description=task.description or "", start=task.start_date,
                           end=task.end_date, is_milestone=bool(task.is_milestone),
                           planned_events=task.planned_events),
            event_ids=tuple(e.id for e in events), series_ids=linked[EventSeries],
            internship_ids=linked[Internship], volunteer_hours_ids=linked[VolunteerHours])
        session.flush()
        session.delete(task)
        return snapshot


def restore_task(db: Database, snapshot: DeletedTask) -> int:
    """Put a deleted task back (undo of ``delete_task``), re-attaching what still has no task; its new id."""
    with db.session() as session:
        _programme(session, snapshot.programme_id)
        data = snapshot.data
        task = ScheduleTask(programme_id=snapshot.programme_id, position=snapshot.position,
                            parent_id=snapshot.parent_id if snapshot.parent_id and
                            session.get(ScheduleTask, snapshot.parent_id) else None,
                            name=data.name, description=data.description, start_date=data.start, end_date=data.end,
                            is_milestone=data.is_milestone, planned_events=data.planned_events)
        session.add(task)
        session.flush()
        for model, ids in ((Event, snapshot.event_ids), (EventSeries, snapshot.series_ids),
                           (Internship, snapshot.internship_ids), (VolunteerHours, snapshot.volunteer_hours_ids)):
            if not ids:
                continue
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                for row in session.scalars(select(model).where(model.id.in_(chunk), model.task_id.is_(None))):
                    row.task_id = task.id
        return task.id


# ---- Printing
def schedule_pdf(db: Database, programme_id: int | None = None, paper: str = "A4", *,
                 today: dt.date | None = None) -> bytes:
    """The schedule as a Gantt chart on A4 or A3 landscape pages, with the task list on every page."""
    from pal_desktop.reports.schedule_chart import (
        ChartEvent,
        ChartTask,
        ScheduleChartData,
        render_schedule_chart,
    )
    from pal_desktop.reports.styles import DocumentHeader
    from pal_desktop.services.reports import document_header

    paper = (paper or "A4").upper()
    if paper not in PAPERS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Format papieru „{paper}” nie jest obsługiwany: wybierz A4 albo A3."), field="paper",
            paper=paper)
    today = today or dt.date.today()
    view = schedule_view(db, programme_id, today)
    with db.reading() as session:
        programme = _programme(session, view.programme_id)
        header = DocumentHeader(**document_header(db, programme))
    tasks = [ChartTask(
        number=t.position, name=t.name, start=t.start, end=t.end, milestone=t.is_milestone,
        time_progress=t.time_progress, held=t.held, planned=t.planned, overdue=t.overdue,
        events=tuple(ChartEvent(e.date, e.status.value, e.overdue) for e in t.events)) for t in view.tasks]
    return render_schedule_chart(ScheduleChartData(
        header=header, title=view.title, period_start=view.start, period_end=view.end, today=today, tasks=tasks,
        paper=paper, printed_on=format_date(today)))


__all__ = ["DeletedTask", "EventInfo", "EventMark", "MoveResult", "PAPERS", "ScheduleView", "TaskBar", "TaskInput",
           "add_task", "attached_events", "delete_task", "event_info", "move_task", "restore_task",
           "schedule_pdf", "schedule_view", "update_task"]
