"""The schedule service, its pure rules and the calendar export: progress, validation, drags, undo data, ICS."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import func, select

from pal_desktop.domain import schedule as rules
from pal_desktop.domain.enums import EventStatus
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.services import calendar_export, programmes, schedule
from pal_desktop.storage.models import Event, ScheduleTask

D = dt.date
MID = D(2022, 6, 30)

#: Section IX of the seed, as loaded by init (the milestone is the last day of 12.2022).
SECTION_IX = [
    (1, "działania organizacyjne", D(2021, 1, 1), D(2021, 3, 31)),
    (2, "rekrutacja uczestników", D(2021, 1, 1), D(2022, 12, 31)),
    (3, "ustalenie z uczestnikami Programu priorytetów realizacji PAL", D(2021, 1, 1), D(2021, 4, 30)),
    (4, "wyłonienie animatorów lokalnych", D(2021, 1, 1), D(2021, 3, 31)),
    (5, "działania środowiskowe", D(2021, 1, 1), D(2022, 12, 31)),
    (6, "świadczenie pomocy w formie usług wolontariatu", D(2021, 4, 1), D(2022, 12, 31)),
    (7, "Akademia Lidera", D(2021, 1, 1), D(2022, 12, 31)),
    (8, "imprezy integracyjne", D(2021, 7, 1), D(2022, 7, 31)),
    (9, "działania prozatrudnieniowe", D(2021, 5, 1), D(2022, 12, 31)),
    (10, "pomoc pieniężna dla uczestników projektu", D(2021, 2, 1), D(2022, 12, 31)),
    (11, "zakończenie programu", D(2022, 12, 31), D(2022, 12, 31)),
]


@pytest.fixture
def programme_id(db) -> int:
    return programmes.active_programme(db).id


def task_id(db, programme_id: int, position: int) -> int:
    return next(t.id for t in programmes.list_tasks(db, programme_id) if t.position == position)


def add_events(db, programme_id: int, task: int | None, rows) -> list[int]:
    """rows: (date, status[, title, start time, place])."""
    ids = []
    with db.session() as session:
        for row in rows:
            day, status, *rest = row
            title = rest[0] if rest else f"Spotkanie {day:%d.%m}"
            start = rest[1] if len(rest) > 1 else None
            place = rest[2] if len(rest) > 2 else ""
            event = Event(programme_id=programme_id, task_id=task, title=title, event_date=day, status=status,
                          start_time=start, end_time=dt.time(start.hour + 2, 0) if start else None, place=place)
            session.add(event)
            session.flush()
            ids.append(event.id)
    return ids


def task_dates(db, task: int) -> tuple[dt.date, dt.date]:
    with db.reading() as session:
        row = session.get(ScheduleTask, task)
        return row.start_date, row.end_date


# ---- The view
def test_the_view_shows_section_ix(db, programme_id):
    view = schedule.schedule_view(db, programme_id, MID)
    assert (view.start, view.end) == (D(2021, 1, 1), D(2022, 12, 31))
    assert [(t.position, t.name, t.start, t.end) for t in view.tasks] == SECTION_IX
    assert [t.is_milestone for t in view.tasks] == [False] * 10 + [True]
    assert view.tasks[0].time_progress == 1.0 and view.tasks[10].time_progress == 0.0
    assert view.tasks[1].time_progress == pytest.approx(546 / 730)
    assert all(t.planned == t.held == t.overdue == 0 and not t.behind for t in view.tasks)
    assert view.tasks[0].period == "01.01.2021 – 31.03.2021" and view.tasks[10].period == "31.12.2022"


def test_held_planned_and_behind(db, programme_id):
    task = task_id(db, programme_id, 8)
    add_events(db, programme_id, task, [
        (D(2021, 8, 1), EventStatus.HELD),          # held
        (D(2022, 3, 1), EventStatus.PLANNED),       # dated before today, still planned: behind, not held
        (D(2022, 6, 30), EventStatus.PLANNED),      # today: not late yet, not held yet
        (D(2022, 7, 20), EventStatus.PLANNED),      # to come
        (D(2022, 5, 5), EventStatus.CANCELLED),     # counted nowhere
    ])
    view = schedule.schedule_view(db, programme_id, MID)
    bar = view.task(task)
    assert (bar.held, bar.planned, bar.overdue, bar.behind) == (1, 4, 1, True)
    assert [e.date for e in bar.events if e.overdue] == [D(2022, 3, 1)]
    assert len(bar.events) == 5 and bar.events[0].date == D(2021, 8, 1)
    # A planned number set on the task is the plan.
    schedule.update_task(db, task, schedule.TaskInput(name=bar.name, start=bar.start, end=bar.end, planned_events=12))
    bar = schedule.schedule_view(db, programme_id, MID).task(task)
    assert (bar.held, bar.planned, bar.planned_events) == (1, 12, 12)
    # Events without a task are listed apart.
    add_events(db, programme_id, None, [(D(2021, 9, 9), EventStatus.HELD)])
    assert len(schedule.schedule_view(db, programme_id, MID).unassigned) == 1


def test_the_view_of_an_unknown_programme_is_refused(db):
    with pytest.raises(NotFoundError):
        schedule.schedule_view(db, 999)


# ---- Adding and editing
def test_add_task_and_milestone(db, programme_id):
    new = schedule.add_task(db, programme_id, schedule.TaskInput(
        name="  Piknik rodzinny ", start=D(2022, 5, 1), end=D(2022, 5, 31), description="ognisko, konkursy",
        planned_events=2))
    stone = schedule.add_task(db, programme_id, schedule.TaskInput(
        name="Gala wolontariuszy", start=D(2022, 12, 5), end=D(2022, 12, 20), is_milestone=True))
    view = schedule.schedule_view(db, programme_id, MID)
    added = view.task(new)
    assert (added.position, added.name, added.planned) == (12, "Piknik rodzinny", 2)
    milestone = view.task(stone)
    assert milestone.is_milestone and milestone.start == milestone.end == D(2022, 12, 5)


@pytest.mark.parametrize("data, field, words", [
    (dict(name="X", start=D(2021, 5, 10), end=D(2021, 5, 1)), "end", ["„Do” (01.05.2021)", "„Od” (10.05.2021)"]),
    (dict(name="X", start=D(2020, 12, 1), end=D(2021, 5, 1)), "start", ["„Od” (01.12.2020)", "okresem programu"]),
    (dict(name="X", start=D(2022, 12, 1), end=D(2023, 1, 31)), "end", ["„Do” (31.01.2023)", "31.12.2022"]),
    (dict(name="  ", start=D(2021, 5, 1), end=D(2021, 5, 2)), "name", ["Nazwa zadania"]),
    (dict(name="X", start=D(2021, 5, 1), end=D(2021, 5, 2), planned_events=-3), "planned_events", ["-3"]),
])
def test_bad_tasks_are_refused_naming_the_field(db, programme_id, data, field, words):
    before = len(programmes.list_tasks(db, programme_id))
    with pytest.raises(ValidationError) as caught:
        schedule.add_task(db, programme_id, schedule.TaskInput(**data))
    assert caught.value.field == field
    for word in words:
        assert word in str(caught.value)
    assert len(programmes.list_tasks(db, programme_id)) == before
    first = task_id(db, programme_id, 1)
    with pytest.raises(ValidationError):
        schedule.update_task(db, first, schedule.TaskInput(**data))
    assert task_dates(db, first) == (D(2021, 1, 1), D(2021, 3, 31))


# ---- Drags
def test_move_task_keeps_inside_the_period(db, programme_id):
    task = task_id(db, programme_id, 8)  # 01.07.2021 – 31.07.2022
    result = schedule.move_task(db, task, D(2021, 8, 1), D(2022, 8, 31))
    assert (result.start, result.end, result.clamped) == (D(2021, 8, 1), D(2022, 8, 31), False)
    assert task_dates(db, task) == (D(2021, 8, 1), D(2022, 8, 31))
    # Past the end: moved back inside with its length kept, and it says so.
    result = schedule.move_task(db, task, D(2022, 6, 1), D(2023, 7, 1))
    assert result.clamped and result.end == D(2022, 12, 31)
    assert (result.end - result.start) == (D(2023, 7, 1) - D(2022, 6, 1))
    assert task_dates(db, task) == (result.start, result.end)
    # Refused instead of clamped: nothing changes.
    with pytest.raises(ValidationError) as caught:
        schedule.move_task(db, task, D(2020, 11, 1), D(2021, 1, 31), clamp=False)
    assert caught.value.field == "start"
    assert task_dates(db, task) == (result.start, result.end)
    # An end before the start is always refused.
    with pytest.raises(ValidationError) as caught:
        schedule.move_task(db, task, D(2021, 9, 1), D(2021, 8, 1))
    assert caught.value.field == "end"
    # Dragging one end past the edge stops that end at the edge.
    result = schedule.move_task(db, task, result.start, D(2023, 3, 1))
    assert task_dates(db, task)[1] == D(2022, 12, 31)


def test_a_milestone_moves_as_one_day(db, programme_id):
    stone = task_id(db, programme_id, 11)
    result = schedule.move_task(db, stone, D(2022, 11, 30), D(2022, 12, 31))
    assert (result.start, result.end) == (D(2022, 11, 30), D(2022, 11, 30))


# ---- Deleting and putting back
def test_delete_refuses_a_task_with_events_unless_detached_and_restore_reattaches(db, programme_id):
    task = task_id(db, programme_id, 7)
    events = add_events(db, programme_id, task, [(D(2021, 3, 1), EventStatus.HELD), (D(2021, 4, 1), EventStatus.HELD)])
    with pytest.raises(ValidationError) as caught:
        schedule.delete_task(db, task)
    assert "wydarzenia (2)" in str(caught.value)
    assert len(programmes.list_tasks(db, programme_id)) == 11
    snapshot = schedule.delete_task(db, task, detach_events=True)
    assert len(programmes.list_tasks(db, programme_id)) == 10
    with db.reading() as session:
        assert session.scalars(select(Event.task_id).where(Event.id.in_(events))).all() == [None, None]
    restored = schedule.restore_task(db, snapshot)
    view = schedule.schedule_view(db, programme_id, MID)
    again = view.task(restored)
    assert (again.position, again.name, again.start, again.end) == (7, "Akademia Lidera", D(2021, 1, 1), D(2022, 12, 31))
    assert [e.id for e in again.events] == events
    with pytest.raises(NotFoundError):
        schedule.move_task(db, task, D(2021, 1, 1), D(2021, 1, 2))


def test_delete_a_task_without_events(db, programme_id):
    task = task_id(db, programme_id, 4)
    schedule.delete_task(db, task)
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(ScheduleTask)) == 10


# ---- Rules
def test_clamp_and_shift_rules():
    period = (D(2021, 1, 1), D(2022, 12, 31))
    assert rules.shift_range(D(2021, 1, 1), D(2021, 3, 31), rules.MOVE, 10) == (D(2021, 1, 11), D(2021, 4, 10))
    assert rules.shift_range(D(2021, 1, 1), D(2021, 3, 31), rules.START, 200) == (D(2021, 3, 31), D(2021, 3, 31))
    assert rules.shift_range(D(2021, 1, 1), D(2021, 3, 31), rules.END, -500) == (D(2021, 1, 1), D(2021, 1, 1))
    assert rules.clamp_range(D(2020, 12, 1), D(2021, 1, 31), *period) == (D(2021, 1, 1), D(2021, 3, 3), True)
    assert rules.clamp_range(D(2021, 2, 1), D(2023, 1, 5), *period, rules.END) == (D(2021, 2, 1), D(2022, 12, 31), True)
    assert rules.clamp_range(D(2021, 2, 1), D(2021, 3, 1), *period) == (D(2021, 2, 1), D(2021, 3, 1), False)
    assert rules.clamp_range(D(2020, 1, 1), D(2024, 1, 1), *period) == (*period, True)


def test_time_scale_and_bands():
    scale = rules.TimeScale(D(2020, 12, 1), D(2023, 1, 31), rules.Zoom.DAY.px_per_day)
    assert scale.x(D(2020, 12, 1)) == 0 and scale.x(D(2021, 1, 1)) == 31 * 26
    assert scale.date_at(scale.x(D(2021, 7, 4)) + 3) == D(2021, 7, 4)
    assert scale.day_delta(26 * 3 + 5) == 3
    upper, lower = rules.scale_bands(rules.Zoom.MONTH, D(2020, 12, 1), D(2023, 1, 31))
    assert [c.label for c in upper] == ["2020", "2021", "2022", "2023"]
    assert [c.label for c in lower[:3]] == ["gru", "sty", "lut"] and len(lower) == 26
    upper, lower = rules.scale_bands(rules.Zoom.QUARTER, D(2021, 1, 1), D(2021, 12, 31))
    assert [c.label for c in lower] == ["I kw.", "II kw.", "III kw.", "IV kw."]
    upper, lower = rules.scale_bands(rules.Zoom.WEEK, D(2021, 1, 1), D(2021, 1, 31))
    assert upper[0].label == "styczeń 2021" and lower[1].label == "04.01"
    _upper, lower = rules.scale_bands(rules.Zoom.DAY, D(2021, 1, 1), D(2021, 1, 10))
    assert [c.weekend for c in lower[:4]] == [False, True, True, False]
    assert rules.padded_range([D(2021, 1, 1), D(2022, 12, 31)]) == (D(2020, 12, 1), D(2023, 1, 31))
    assert rules.time_progress(D(2021, 1, 1), D(2021, 1, 10), D(2021, 1, 5)) == 0.5


def test_polish_holidays():
    found = rules.polish_holidays(D(2021, 1, 1), D(2021, 12, 31))
    assert {D(2021, 1, 6), D(2021, 5, 3), D(2021, 6, 3), D(2021, 11, 11), D(2021, 12, 25)} <= set(found)
    assert found[D(2021, 11, 11)] == "Narodowe Święto Niepodległości"
    assert D(2021, 11, 12) not in found


# ---- Calendar export
def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_ics_has_the_eleven_tasks_as_all_day_events(db, programme_id):
    add_events(db, programme_id, task_id(db, programme_id, 8), [
        (D(2021, 8, 14), EventStatus.HELD, "Piknik; rodzinny, z konkursami", dt.time(15, 0), "Park Miejski, Kłobuck")])
    text = calendar_export.calendar_text(db, programme_id, now=dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC))
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    raw_lines = text.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in raw_lines)
    assert any(line.startswith(" ") for line in raw_lines)  # long lines are folded
    lines = unfold(text)
    assert lines.count("BEGIN:VEVENT") == 12 and lines.count("END:VEVENT") == 12
    task_uids = [line for line in lines if re.match(r"UID:task-\d+@klobuck-2021-2022\.pal-desktop$", line)]
    assert len(task_uids) == 11
    assert lines.count("DTSTART;VALUE=DATE:20210101") == 6  # tasks 1, 2, 3, 4, 5 and 7
    assert "DTEND;VALUE=DATE:20210401" in lines  # the day after 31.03.2021
    assert "DTSTART;VALUE=DATE:20221231" in lines and "DTEND;VALUE=DATE:20230101" in lines
    assert "SUMMARY:◆ 11. zakończenie programu" in lines
    assert "SUMMARY:6. świadczenie pomocy w formie usług wolontariatu" in lines
    assert "DTSTART;TZID=Europe/Warsaw:20210814T150000" in lines
    assert "DTEND;TZID=Europe/Warsaw:20210814T170000" in lines
    assert "SUMMARY:Piknik\\; rodzinny\\, z konkursami" in lines
    assert "LOCATION:Park Miejski\\, Kłobuck" in lines
    assert "STATUS:CONFIRMED" in lines and "DTSTAMP:20240102T030405Z" in lines
    # The same records keep their UIDs in every export.
    again = unfold(calendar_export.calendar_text(db, programme_id))
    assert [line for line in again if line.startswith("UID:")] == [line for line in lines if line.startswith("UID:")]


def test_fold_never_splits_a_polish_letter():
    line = "DESCRIPTION:" + "żółć " * 40
    folded = calendar_export.fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 2 and all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line
    assert calendar_export.escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_write_ics_and_the_command_line(db, db_url, tmp_path, capsys):
    from pal_desktop import cli

    path = calendar_export.write_ics(db, tmp_path / "h.ics")
    assert path.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert cli.main(["--db", db_url, "export", "ics", str(tmp_path / "cli.ics")]) == 0
    assert "11 zadań" in capsys.readouterr().out
    assert (tmp_path / "cli.ics").read_text(encoding="utf-8").count("BEGIN:VEVENT") == 11
    assert cli.main(["--db", db_url, "report", "schedule", "-o", str(tmp_path / "h.pdf"), "--paper", "A3"]) == 0
    assert (tmp_path / "h.pdf").read_bytes().startswith(b"%PDF")
    assert cli.main(["--db", db_url, "report", "schedule", "-o", str(tmp_path / "x.pdf"), "--programme", "99"]) == 2
    assert "Nie ma programu o numerze 99" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_schedule_pdf_refuses_an_unknown_paper(db):
    with pytest.raises(ValidationError) as caught:
        schedule.schedule_pdf(db, None, "B5")
    assert caught.value.field == "paper"
