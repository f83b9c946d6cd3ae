"""A small programme whose report figures were counted by hand (the Kłobuck seed, funding period 2014-2020).

Twelve people covered (and a candidate who is not):

    no sex born        joined      status      left        as planned  age band (2014-2020)
    1  K   2000-05-10  2021-02-01  uczestnik                           <25
    2  K   1990-03-01  2021-02-01  zakończył   2021-05-31  tak         25-53
    3  K   1985-07-01  2021-03-01  zakończył   2022-06-30  tak         25-53   (internship 07.2021)
    4  K   1967-02-01  2021-03-01  uczestnik                           54+     (54 on the day)
    5  K   1960-01-01  2021-09-01  zakończył   2022-10-31  nie         54+
    6  K   1995-01-01  2021-09-01  przerwał    2021-11-30  —           25-53
    7  K   —           2022-01-10  uczestnik                           brak danych
    8  M   2003-01-01  2021-02-01  zakończył   2021-06-15  tak         <25
    9  M   1980-06-01  2021-04-01  przerwał    2021-06-01  —           25-53
    10 M   1975-01-01  2022-02-01  zakończył   2022-11-30  tak         25-53
    11 —   1970-01-01  2021-05-01  uczestnik                           25-53
    12 K   1998-12-31  2021-12-31  uczestnik                           <25     (23 on the day)

Whole programme: covered 12 (K 8, M 3, — 1); joined 12; left 7 (K 4, M 3); completed as planned 4 (K 2, M 2)
— the status alone would say 5; not as planned 3 (K 2, M 1); dropped out 2 (K 1, M 1). Ages: <25 K2 M1,
25-53 K3 M2 —1, 54+ K2, brak danych K1.
First half of 2021: covered 7 (K 4, M 2, — 1); left 3 (K 1, M 2); as planned 2 (K 1, M 1); dropped out 1 (M).

Events (today 30.06.2022): 10.03.2021 warsztat held, task 7 (present 3 of 4); 20.05.2021 spotkanie held,
task 5 (present 3, one excused); 10.06.2021 szkolenie planned, task 9 — overdue; 20.01.2022 warsztat
cancelled, task 7; 15.03.2022 warsztat held, task 7 (present 2); 01.09.2022 spotkanie planned, task 5 —
still to come. Attendance 8 of 9 counted = 89 % (H1: 6 of 7 = 86 %).
Volunteers: Anna 5 h (10.04.2021) + 3,5 h (05.06.2021), Bogdan 4 h (01.02.2022) + 2 h (05.05.2022):
14,5 h, at 30 zł = 435,00 zł (H1 8,5 h = 255,00 zł).
Targets: meetings 4 (1 held, 25 %), workshops 8 (2, 25 %), volunteering 40 h (14,5 → 36 %).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from pal_desktop.domain.enums import AttendanceStatus, EventStatus, ParticipantStatus, Sex, TriState
from pal_desktop.services import organisation
from pal_desktop.services.programmes import active_programme
from pal_desktop.storage.models import (
    Attendance,
    Event,
    EventType,
    Indicator,
    Internship,
    Participant,
    ScheduleTask,
    Volunteer,
    VolunteerHours,
)

D = dt.date
TODAY = D(2022, 6, 30)
K, M = Sex.FEMALE, Sex.MALE
A, Z, P = ParticipantStatus.ACTIVE, ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT
YES, NO = TriState.YES, TriState.NO
PEOPLE = (
    (K, D(2000, 5, 10), D(2021, 2, 1), A, None, None),
    (K, D(1990, 3, 1), D(2021, 2, 1), Z, D(2021, 5, 31), YES),
    (K, D(1985, 7, 1), D(2021, 3, 1), Z, D(2022, 6, 30), YES),
    (K, D(1967, 2, 1), D(2021, 3, 1), A, None, None),
    (K, D(1960, 1, 1), D(2021, 9, 1), Z, D(2022, 10, 31), NO),
    (K, D(1995, 1, 1), D(2021, 9, 1), P, D(2021, 11, 30), None),
    (K, None, D(2022, 1, 10), A, None, None),
    (M, D(2003, 1, 1), D(2021, 2, 1), Z, D(2021, 6, 15), YES),
    (M, D(1980, 6, 1), D(2021, 4, 1), P, D(2021, 6, 1), None),
    (M, D(1975, 1, 1), D(2022, 2, 1), Z, D(2022, 11, 30), YES),
    (None, D(1970, 1, 1), D(2021, 5, 1), A, None, None),
    (K, D(1998, 12, 31), D(2021, 12, 31), A, None, None),
)


def build(db) -> int:
    """Write the records above into the initialised database; returns the programme's id."""
    pid = active_programme(db).id
    present, absent, excused = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED
    with db.session() as session:
        people = []
        for n, (sex, born, joined, status, left, planned) in enumerate(PEOPLE, 1):
            person = Participant(programme_id=pid, status=status, first_name=f"Osoba{n}", last_name="Ręczna",
                                 sex=sex, birth_date=born, start_date=joined, end_date=left,
                                 completed_as_planned=planned)
            session.add(person)
            people.append(person)
        session.add(Participant(programme_id=pid, status=ParticipantStatus.CANDIDATE, first_name="Kandydatka",
                                last_name="Ręczna", sex=K, birth_date=D(1990, 1, 1)))
        session.flush()
        tasks = dict(session.execute(select(ScheduleTask.position, ScheduleTask.id)
                                     .where(ScheduleTask.programme_id == pid)).all())
        types = dict(session.execute(select(EventType.name, EventType.id)).all())

        def event(kind: str, day: dt.date, status: EventStatus, task: int, marks=()) -> Event:
            row = Event(programme_id=pid, title=kind, event_date=day, status=status, event_type_id=types[kind],
                        task_id=tasks[task])
            session.add(row)
            session.flush()
            for number, mark in marks:
                session.add(Attendance(event_id=row.id, participant_id=people[number - 1].id, status=mark,
                                       walk_in=False))
            return row

        event("warsztat", D(2021, 3, 10), EventStatus.HELD, 7,
              [(1, present), (2, present), (3, absent), (4, present)])
        event("spotkanie sąsiedzkie", D(2021, 5, 20), EventStatus.HELD, 5,
              [(1, present), (8, present), (9, excused), (11, present)])
        event("szkolenie/kurs", D(2021, 6, 10), EventStatus.PLANNED, 9)
        event("warsztat", D(2022, 1, 20), EventStatus.CANCELLED, 7)
        held_2022 = event("warsztat", D(2022, 3, 15), EventStatus.HELD, 7, [(5, present), (7, present)])
        event("spotkanie sąsiedzkie", D(2022, 9, 1), EventStatus.PLANNED, 5)
        session.add(Internship(participant_id=people[2].id, employer_name="Piekarnia Łącka",
                               start_date=D(2021, 7, 1), end_date=D(2021, 9, 30)))
        anna, bogdan = Volunteer(first_name="Anna", last_name="Wolna"), Volunteer(first_name="Bogdan", last_name="Żak")
        session.add_all([anna, bogdan])
        session.flush()
        session.add_all([
            VolunteerHours(volunteer_id=anna.id, work_date=D(2021, 4, 10), hours=Decimal("5")),
            VolunteerHours(volunteer_id=anna.id, work_date=D(2021, 6, 5), hours=Decimal("3.5"), task_id=tasks[6]),
            VolunteerHours(volunteer_id=bogdan.id, work_date=D(2022, 2, 1), hours=Decimal("4"), event_id=held_2022.id),
            VolunteerHours(volunteer_id=bogdan.id, work_date=D(2022, 5, 5), hours=Decimal("2"), task_id=tasks[6])])
        for measure, target in (("events:spotkanie sąsiedzkie", 4), ("events:warsztat", 8), ("volunteer_hours", 40)):
            session.scalar(select(Indicator).where(Indicator.programme_id == pid, Indicator.measure == measure)
                           ).target_value = Decimal(target)
    organisation.save_organisation(db, dataclasses.replace(organisation.get_organisation(db),
                                                           name="GOPS w Kłobucku", volunteer_hour_rate="30,00"))
    return pid
