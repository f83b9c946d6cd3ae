"""The series table's figures: meetings held of planned, people enrolled, excused absences counted apart, and
the rate under the organisation's rule."""

from __future__ import annotations

import datetime as dt

from pal_desktop.domain.enums import AttendanceStatus
from pal_desktop.services import attendance, events, participants
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.enrolment import Scope
from pal_desktop.services.programmes import active_programme, list_tasks
from pal_desktop.services.series_overview import series_overview

TODAY = dt.date(2022, 6, 30)


def person(db, n: int) -> int:
    return participants.create_participant(db, participants.ParticipantInput(
        first_name=f"Osoba{n}", last_name=f"Żółć{n:02d}", pesel=pesel_for(dt.date(1980, 1, 1 + n), n, n % 2 == 0),
        declaration_date=dt.date(2021, 1, 4), data_protection_date=dt.date(2021, 1, 4),
        start_date=dt.date(2021, 1, 4))).id


def series_of(db, sessions: int, title: str = "Trening umiejętności") -> events.SeriesResult:
    task = next(t.id for t in list_tasks(db, active_programme(db).id) if t.position == 7)
    return events.create_series(db, events.EventInput(title=title, event_date=dt.date(2021, 10, 5), task_id=task,
                                                      start_time=dt.time(16, 0), end_time=dt.time(18, 0)), sessions)


def test_the_overview_counts_each_series_and_follows_the_rule(db):
    first = series_of(db, 4)
    second = series_of(db, 2, title="Zajęcia plastyczne")
    ids = [person(db, n) for n in range(3)]
    events.enrol(db, first.event_ids[0], ids, scope=Scope.SERIES)
    events.enrol(db, second.event_ids[1], ids[:1])
    events.record_attendance(db, first.event_ids[0], {ids[0]: AttendanceStatus.PRESENT,
                                                      ids[1]: AttendanceStatus.EXCUSED}, today=TODAY)
    # ids[2] left unmarked on a recorded meeting: absent.
    programme = active_programme(db).id
    plain, art = series_overview(db, programme)
    assert (plain.title, plain.meetings, plain.held, plain.enrolled) == ("Trening umiejętności", 4, 1, 3)
    assert (plain.rate.present, plain.rate.absent, plain.rate.excused) == (1, 1, 1)
    assert plain.rate.value == 0.5  # excused left out: 1 of 2
    assert (art.title, art.meetings, art.held, art.enrolled, art.rate.value) == ("Zajęcia plastyczne", 2, 0, 1, None)
    attendance.save_attendance_rules(db, attendance.AttendanceRules(excused_lowers_rate=True, threshold_percent=30))
    plain, _art = series_overview(db, programme)
    assert round(plain.rate.value, 3) == 0.333 and not plain.rate.low
