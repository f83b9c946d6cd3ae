"""Indicator values measured from the records, the people indicators with their breakdowns, and targets."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pal_desktop.domain.enums import (
    AttendanceStatus,
    Education,
    EventStatus,
    IndicatorKind,
    ParticipantStatus,
    Sex,
    TriState,
)
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.services import indicators, organisation, ui_queries
from pal_desktop.services.programmes import active_programme
from pal_desktop.storage.models import (
    Attendance,
    Event,
    EventType,
    Indicator,
    Internship,
    Participant,
    Volunteer,
    VolunteerHours,
)

D = dt.date
MARCH_2021 = D(2021, 3, 1)
BORN_1980 = D(1980, 1, 1)


def programme_id(db) -> int:
    return active_programme(db).id


def indicator(report, measure: str):
    return next(i for i in report.indicators if i.measure == measure)


def add_event(session, pid: int, type_name: str, day: dt.date, status=EventStatus.HELD) -> Event:
    type_id = session.scalar(select(EventType.id).where(EventType.name == type_name))
    event = Event(programme_id=pid, title=type_name, event_date=day, status=status, event_type_id=type_id)
    session.add(event)
    session.flush()
    return event


def add_person(session, pid: int, n: int, *, status=ParticipantStatus.ACTIVE, start=MARCH_2021, end=None,
               sex=Sex.FEMALE, birth=BORN_1980, disability=TriState.NO, education=Education.PRIMARY
               ) -> Participant:
    person = Participant(programme_id=pid, status=status, first_name=f"Osoba{n}", last_name="Próbna", sex=sex,
                         birth_date=birth, start_date=start, end_date=end, disability=disability,
                         education=education)
    session.add(person)
    session.flush()
    return person


def test_each_measure_counts_only_its_records_in_the_period(db):
    pid = programme_id(db)
    with db.session() as session:
        add_event(session, pid, "spotkanie sąsiedzkie", D(2021, 5, 10))
        add_event(session, pid, "spotkanie sąsiedzkie", D(2021, 6, 10))
        add_event(session, pid, "spotkanie sąsiedzkie", D(2021, 7, 10), EventStatus.PLANNED)
        add_event(session, pid, "spotkanie sąsiedzkie", D(2021, 7, 11), EventStatus.CANCELLED)
        add_event(session, pid, "spotkanie sąsiedzkie", D(2022, 2, 1))
        add_event(session, pid, "warsztat", D(2021, 5, 20))
        person = add_person(session, pid, 1)
        session.add_all([Internship(participant_id=person.id, employer_name="Piekarnia Łącka",
                                    start_date=D(2021, 9, 1), end_date=D(2021, 11, 30)),
                         Internship(participant_id=person.id, employer_name="Sklep Żak",
                                    start_date=D(2022, 1, 3), end_date=D(2022, 3, 31))])
        volunteer = Volunteer(first_name="Żaneta", last_name="Łęcka")
        session.add(volunteer)
        session.flush()
        session.add_all([VolunteerHours(volunteer_id=volunteer.id, work_date=D(2021, 5, 1), hours=Decimal("4.5")),
                         VolunteerHours(volunteer_id=volunteer.id, work_date=D(2021, 12, 31), hours=Decimal("3")),
                         VolunteerHours(volunteer_id=volunteer.id, work_date=D(2022, 1, 1), hours=Decimal("8"))])
    organisation.save_organisation(db, dataclasses.replace(organisation.get_organisation(db),
                                                           name="GOPS w Kłobucku", volunteer_hour_rate="35,00"))
    year = indicators.indicator_values(db, pid, D(2021, 1, 1), D(2021, 12, 31))
    assert indicator(year, "events:spotkanie sąsiedzkie").value == 2
    assert indicator(year, "events:warsztat").value == 1
    assert indicator(year, "events:szkolenie/kurs").value == 0
    assert indicator(year, "internships").value == 1
    assert indicator(year, "volunteer_hours").value == Decimal("7.5")
    assert year.volunteer_hours == Decimal("7.5") and year.hour_rate == Decimal("35.00")
    assert year.volunteer_value == Decimal("262.50")
    assert year.events_held == 3 and year.events_planned == 1
    assert all(i.value is None for i in year.indicators if i.kind == IndicatorKind.RESULT)
    whole = indicators.indicator_values(db, pid)
    assert (whole.date_from, whole.date_to) == (D(2021, 1, 1), D(2022, 12, 31))
    assert indicator(whole, "events:spotkanie sąsiedzkie").value == 3
    assert indicator(whole, "internships").value == 2
    assert whole.volunteer_hours == Decimal("15.5")


def test_the_percentage_needs_a_target_above_zero(db):
    pid = programme_id(db)
    with db.session() as session:
        for day in (1, 2, 3):
            add_event(session, pid, "warsztat", D(2021, 4, day))
    target_id = indicator(indicators.indicator_values(db, pid), "events:warsztat").id
    assert indicator(indicators.indicator_values(db, pid), "events:warsztat").percent is None
    indicators.set_indicator_target(db, target_id, Decimal("4"))
    found = indicator(indicators.indicator_values(db, pid), "events:warsztat")
    assert (found.target, found.value, found.percent) == (Decimal("4.00"), 3, Decimal("75"))
    indicators.set_indicator_target(db, target_id, Decimal("0"))
    assert indicator(indicators.indicator_values(db, pid), "events:warsztat").percent is None
    indicators.set_indicator_target(db, target_id, None)
    assert indicator(indicators.indicator_values(db, pid), "events:warsztat").target is None


def test_a_target_must_be_a_number_of_zero_or_more(db):
    pid = programme_id(db)
    target_id = indicators.indicator_values(db, pid).indicators[0].id
    with pytest.raises(ValidationError) as caught:
        indicators.set_indicator_target(db, target_id, Decimal("-1"))
    assert caught.value.field == "target_value" and "ujemna" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        indicators.parse_target("dwanaście")
    assert "musi być liczbą" in caught.value.message
    assert indicators.parse_target(" 1 500,5 ") == Decimal("1500.5") and indicators.parse_target("") is None
    with pytest.raises(NotFoundError):
        indicators.set_indicator_target(db, 99999, Decimal("1"))


def test_people_are_counted_with_their_breakdowns(db):
    pid = programme_id(db)
    with db.session() as session:
        add_person(session, pid, 1, birth=D(2005, 6, 1), sex=Sex.MALE, education=Education.LOWER_SECONDARY)
        add_person(session, pid, 2, birth=D(1995, 1, 1), disability=TriState.YES)
        add_person(session, pid, 3, birth=D(1960, 1, 1), disability=TriState.REFUSED, status=ParticipantStatus.COMPLETED,
                   end=D(2021, 10, 31)).completed_as_planned = TriState.YES
        add_person(session, pid, 4, birth=None, disability=None, education=None, sex=None,
                   status=ParticipantStatus.DROPPED_OUT, end=D(2021, 6, 30))
        add_person(session, pid, 5, start=D(2022, 3, 1))                          # after the period
        add_person(session, pid, 6, status=ParticipantStatus.CANDIDATE)           # not covered
        add_person(session, pid, 7, status=ParticipantStatus.COMPLETED, end=D(2022, 5, 1),  # left later
                   ).completed_as_planned = TriState.YES
    people = indicators.indicator_values(db, pid, D(2021, 1, 1), D(2021, 12, 31)).people
    assert people.covered == 5
    assert dict(people.by_sex) == {"kobieta": 3, "mężczyzna": 1, "brak danych": 1}
    # The seed programme is of 2014-2020: its bands (domain/efs_2021.py), age on the day of joining.
    assert dict(people.by_age) == {"poniżej 25 lat": 1, "25-53 lata": 2, "54 lata lub więcej": 1, "brak danych": 1}
    assert dict(people.by_disability) == {"Tak": 1, "Nie": 2, "Odmowa podania informacji": 1, "brak danych": 1}
    assert dict(people.by_education)["gimnazjalne (ISCED 2)"] == 1
    assert (people.completed, people.dropped_out) == (1, 1)


def test_attendance_rate_counts_the_marks_of_events_held(db):
    pid = programme_id(db)
    with db.session() as session:
        held = add_event(session, pid, "warsztat", D(2021, 4, 1))
        planned = add_event(session, pid, "warsztat", D(2021, 4, 2), EventStatus.PLANNED)
        people = [add_person(session, pid, n) for n in range(4)]
        for person, status in zip(people, (AttendanceStatus.PRESENT, AttendanceStatus.PRESENT,
                                           AttendanceStatus.PRESENT, AttendanceStatus.ABSENT), strict=True):
            session.add(Attendance(event_id=held.id, participant_id=person.id, status=status, walk_in=False))
        session.add(Attendance(event_id=planned.id, participant_id=people[0].id, status=AttendanceStatus.ABSENT,
                               walk_in=False))
    assert indicators.indicator_values(db, pid).attendance_rate == Decimal("0.75")


def test_a_period_ending_before_it_starts_is_refused(db):
    with pytest.raises(ValidationError):
        indicators.indicator_values(db, programme_id(db), D(2022, 1, 1), D(2021, 1, 1))


def test_demo_data_gives_values_for_every_product_indicator(demo_db):
    pid = programme_id(demo_db)
    report = indicators.indicator_values(demo_db, pid)
    with demo_db.reading() as session:
        measures = dict(session.execute(select(Indicator.measure, Indicator.id)
                                        .where(Indicator.programme_id == pid, Indicator.measure != "")).all())
        held = session.scalar(select(func.count(Event.id)).where(Event.programme_id == pid,
                                                                  Event.status == EventStatus.HELD))
        hours = session.scalar(select(func.sum(VolunteerHours.hours)))
    assert len(measures) == 5
    for measure in measures:
        assert indicator(report, measure).value is not None
    assert report.events_held == held
    assert report.volunteer_hours == hours
    assert report.people.covered > 0 and sum(n for _, n in report.people.by_sex) == report.people.covered
    assert sum(n for _, n in report.people.by_age) == report.people.covered
    assert 0 < report.attendance_rate <= 1
    rows = ui_queries.indicator_rows(demo_db, pid)
    assert len(rows[0]) == 8
    hours_row = next(r for r in rows if r[0] == measures["volunteer_hours"])
    assert hours_row[6] == indicators.number_text(report.volunteer_hours) and hours_row[7] == ""
    assert all(r[6] == "—" for r in rows if r[3] == "rezultat")


def test_small_counts_are_suppressed_in_the_report_that_leaves_the_office(db):
    import io

    from pypdf import PdfReader

    pid = programme_id(db)
    with db.session() as session:
        for n in range(6):
            add_person(session, pid, n, sex=Sex.FEMALE)
        add_person(session, pid, 10, sex=Sex.MALE)  # one man: identifiable

    def text(suppress: bool) -> str:
        pdf = indicators.monitoring_report_pdf(db, pid, D(2021, 1, 1), D(2021, 12, 31), suppress=suppress)
        return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)

    shown, hidden = text(False), text(True)
    assert "kobieta 6" in shown and "mężczyzna 1" in shown
    # "<3" for the one man; and the women's 6 hidden too, or the total of 7 would give the man away.
    assert "mężczyzna <3" in hidden and "kobieta *" in hidden and "mężczyzna 1" not in hidden
