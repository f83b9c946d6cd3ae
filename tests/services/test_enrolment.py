"""Series as offices run them: enrol once for every meeting (or from a date), leave from a date, capacity and
the waiting list per meeting, a meeting added later, copying another event's enrolment, the filtered lists
people are chosen from, and rates that count every meeting a person was expected at."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from pal_desktop.domain.enums import AttendanceStatus, EnrolmentStatus, ParticipantStatus
from pal_desktop.errors import ValidationError
from pal_desktop.services import (
    attendance,
    attendance_lists,
    enrolment,
    events,
    households,
    participants,
)
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.enrolment import CandidateSource, Scope
from pal_desktop.services.programmes import active_programme, list_tasks

TODAY = dt.date(2022, 6, 30)
FIRST = dt.date(2021, 10, 5)


def person(db, n: int, status=ParticipantStatus.ACTIVE, street: str = "ul. Polna") -> int:
    signed = dict(declaration_date=dt.date(2021, 1, 4), data_protection_date=dt.date(2021, 1, 4),
                  start_date=dt.date(2021, 1, 4))
    if status in (ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT):
        signed["end_date"] = dt.date(2021, 6, 1)
    return participants.create_participant(db, participants.ParticipantInput(
        first_name=f"Osoba{n}", last_name=f"Żółć{n:02d}", pesel=pesel_for(dt.date(1980, 1, 1 + n), n, n % 2 == 0),
        status=status, street_name=street, house_number=str(n), city="Kłobuck", **signed)).id


def series_of(db, sessions: int = 8, **extra) -> events.SeriesResult:
    task = next(t.id for t in list_tasks(db, active_programme(db).id) if t.position == 7)
    values = dict(title="Trening umiejętności", event_date=FIRST, task_id=task, start_time=dt.time(16, 0),
                  end_time=dt.time(18, 0), place="Świetlica")
    values.update(extra)
    return events.create_series(db, events.EventInput(**values), sessions)


def enrolled_ids(db, event_id: int) -> list[int]:
    return [r.participant_id for r in attendance.attendance_sheet(db, event_id)]


def test_enrolling_once_puts_the_people_on_every_meeting_of_the_series(db):
    series = series_of(db)
    ids = [person(db, n) for n in range(15)]
    result = events.enrol(db, series.event_ids[0], ids, scope=Scope.SERIES)
    assert sorted(result.enrolled) == sorted(ids) and len(result.meetings) == 8 and not result.waiting
    for event_id in series.event_ids:
        assert events.get_event(db, event_id).enrolled == 15
        assert sorted(enrolled_ids(db, event_id)) == sorted(ids)
    rows = events.list_events(db, events.EventQuery(programme_id=active_programme(db).id))
    assert [row.enrolled for row in rows] == [15] * 8  # the "Zapisani" column of the Wydarzenia tab
    detail = events.get_event(db, series.event_ids[4])
    assert (detail.series_number, detail.series_total) == (5, 8)
    # The printed list of meeting 5 names the series' people.
    pdf = PdfReader(io.BytesIO(attendance_lists.attendance_list_pdf(db, series.event_ids[4])))
    content = "".join(page.extract_text() for page in pdf.pages)
    assert all(f"Osoba{n} Żółć{n:02d}" in content for n in range(15))
    # Enrolling again writes nothing.
    again = events.enrol(db, series.event_ids[3], ids[:2], scope=Scope.SERIES)
    assert again.already == ids[:2] and not again.enrolled


def test_absence_from_later_meetings_lowers_the_series_rate(db):
    series = series_of(db)
    ids = [person(db, n) for n in range(3)]
    events.enrol(db, series.event_ids[0], ids, scope=Scope.SERIES)
    events.record_attendance(db, series.event_ids[0], dict.fromkeys(ids, AttendanceStatus.PRESENT), today=TODAY)
    for event_id in series.event_ids[1:4]:  # only the first two people are marked; the third is left unmarked
        events.record_attendance(db, event_id, {ids[0]: AttendanceStatus.PRESENT,
                                                ids[1]: AttendanceStatus.EXCUSED}, today=TODAY)
    rates = events.series_rates(db, series.series_id)
    assert (rates[ids[0]][1].present, rates[ids[0]][1].recorded) == (4, 4)
    third = rates[ids[2]][1]
    assert (third.present, third.absent, third.recorded) == (1, 3, 4)  # not "1 z 1 = 100 %"
    assert third.value == pytest.approx(0.25) and third.low
    second = rates[ids[1]][1]
    assert (second.present, second.excused, second.absent) == (1, 3, 0) and second.value == 1.0
    assert not second.low
    # Meetings without recorded attendance do not count yet.
    assert events.event_rate(db, series.event_ids[6]).recorded == 0
    assert events.event_rate(db, series.event_ids[1]).absent == 1


def test_the_threshold_and_the_excused_rule_are_the_organisations_settings(db):
    assert attendance.attendance_rules(db) == attendance.AttendanceRules(False, 80)
    attendance.save_attendance_rules(db, attendance.AttendanceRules(True, 75))
    assert attendance.attendance_rules(db) == attendance.AttendanceRules(True, 75)
    with pytest.raises(ValidationError, match="Próg frekwencji") as error:
        attendance.save_attendance_rules(db, attendance.AttendanceRules(True, 0))
    assert error.value.field == "threshold_percent"
    rate = attendance.Rate(3, 0, 1, excused_lowers=True, threshold_percent=75)
    assert rate.value == 0.75 and not rate.low
    assert attendance.Rate(0, 0, 2).value is None and not attendance.Rate(0, 0, 2).low


def test_enrolling_from_a_date_and_meetings_already_recorded_are_left_alone(db):
    series = series_of(db)
    early = person(db, 1)
    events.enrol(db, series.event_ids[0], [early], scope=Scope.SERIES)
    events.record_attendance(db, series.event_ids[0], {early: AttendanceStatus.PRESENT}, today=TODAY)
    late = person(db, 2)
    result = events.enrol(db, series.event_ids[3], [late], scope=Scope.FROM_DATE,
                          from_date=events.get_event(db, series.event_ids[3]).event_date)
    assert len(result.meetings) == 5
    assert [late in enrolled_ids(db, e) for e in series.event_ids] == [False] * 3 + [True] * 5
    whole = events.enrol(db, series.event_ids[0], [person(db, 3)], scope=Scope.SERIES)
    assert whole.skipped == [FIRST] and len(whole.meetings) == 7
    with pytest.raises(ValidationError, match="Podaj datę"):
        events.enrol(db, series.event_ids[0], [late], scope=Scope.FROM_DATE)


def test_leaving_the_series_from_a_date_frees_each_meetings_place_for_its_waiting_list(db):
    series = series_of(db, capacity=2)
    ids = [person(db, n) for n in range(3)]
    result = events.enrol(db, series.event_ids[0], ids, scope=Scope.SERIES)
    assert result.enrolled == ids[:2] and result.waiting == ids[2:]
    assert len(result.waiting_on[ids[2]]) == 8
    events.record_attendance(db, series.event_ids[0], dict.fromkeys(ids[:2], AttendanceStatus.PRESENT),
                             today=TODAY)
    leaving = events.leave_series(db, series.event_ids[0], ids[0], from_date=None)
    assert leaving.kept == [FIRST] and len(leaving.removed) == 7
    assert [pid for _day, pid in leaving.promoted] == [ids[2]] * 7
    statuses = [{r.participant_id: r.enrolment for r in attendance.attendance_sheet(db, e, include_waiting=True)}
                for e in series.event_ids]
    assert statuses[0] == {ids[0]: EnrolmentStatus.ENROLLED, ids[1]: EnrolmentStatus.ENROLLED,
                           ids[2]: EnrolmentStatus.WAITING}
    assert all(s == {ids[1]: EnrolmentStatus.ENROLLED, ids[2]: EnrolmentStatus.ENROLLED} for s in statuses[1:])
    # Leaving from a date keeps the earlier meetings.
    from_day = events.get_event(db, series.event_ids[5]).event_date
    later = events.leave_series(db, series.event_ids[5], ids[1], from_date=from_day)
    assert later.removed == [events.get_event(db, e).event_date for e in series.event_ids[5:]]
    assert ids[1] in enrolled_ids(db, series.event_ids[4]) and ids[1] not in enrolled_ids(db, series.event_ids[5])


def test_a_meeting_added_later_takes_the_enrolment_of_the_meeting_before_it(db):
    series = series_of(db, sessions=4)
    ids = [person(db, n) for n in range(4)]
    events.enrol(db, series.event_ids[0], ids, scope=Scope.SERIES)
    last = events.get_event(db, series.event_ids[-1])
    events.leave_series(db, series.event_ids[-1], ids[3], from_date=last.event_date)
    added = events.add_series_meeting(db, series.series_id, last.event_date + dt.timedelta(days=7))
    detail = events.get_event(db, added)
    assert (detail.series_number, detail.series_total, detail.title) == (5, 5, "Trening umiejętności")
    assert sorted(enrolled_ids(db, added)) == sorted(ids[:3])  # who left before it is not brought back
    with pytest.raises(ValidationError, match="ma już spotkanie"):
        events.add_series_meeting(db, series.series_id, last.event_date)


def test_copying_the_enrolment_or_the_attendees_of_another_event(db):
    source = events.create_event(db, events.EventInput(title="Piknik", event_date=dt.date(2021, 9, 1)))
    ids = [person(db, n) for n in range(4)]
    events.enrol(db, source, ids)
    events.record_attendance(db, source, {ids[0]: AttendanceStatus.PRESENT, ids[1]: AttendanceStatus.ABSENT},
                             today=TODAY)
    series = series_of(db)
    came = enrolment.copy_enrolment(db, source, series.event_ids[0], attendees_only=True, scope=Scope.SERIES)
    assert came.enrolled == [ids[0]]
    copied = enrolment.copy_enrolment(db, source, series.event_ids[0], scope=Scope.SERIES)
    assert sorted(copied.enrolled) == sorted(ids[1:]) and copied.already == [ids[0]]
    assert len(enrolled_ids(db, series.event_ids[7])) == 4
    choices = enrolment.event_choices(db, series.event_ids[0])
    assert any(c.id == source and (c.enrolled, c.present) == (4, 1) for c in choices)


def test_the_filtered_lists_people_are_chosen_from(db):
    series = series_of(db, sessions=2)
    polna = [person(db, n) for n in range(3)]
    lipowa = person(db, 5, street="ul. Lipowa")
    gone = person(db, 6, status=ParticipantStatus.DROPPED_OUT, street="ul. Lipowa")
    events.enrol(db, series.event_ids[0], polna[:1])
    everyone = enrolment.enrolment_candidates(db, series.event_ids[0], CandidateSource.ACTIVE)
    assert [c.participant_id for c in everyone] == polna + [lipowa]  # in alphabetical order, without who left
    assert everyone[0].enrolment == EnrolmentStatus.ENROLLED and everyone[1].enrolment is None
    assert everyone[0].address == "ul. Polna 0, Kłobuck"
    street = enrolment.enrolment_candidates(db, series.event_ids[0], CandidateSource.STREET, "ul. Lipowa")
    assert [(c.participant_id, c.left_programme) for c in street] == [(lipowa, False), (gone, True)]
    assert enrolment.street_choices(db, active_programme(db).id) == [("ul. Lipowa", 1), ("ul. Polna", 3)]
    family = households.household_from_participant(db, polna[1])
    households.add_participant_member(db, family, polna[2], "syn")
    members = enrolment.enrolment_candidates(db, series.event_ids[0], CandidateSource.HOUSEHOLD, family)
    assert [c.participant_id for c in members] == polna[1:]
    result = events.enrol(db, series.event_ids[0], [lipowa, gone], scope=Scope.SERIES)
    assert result.enrolled == [lipowa] and result.refused == [(gone, "osoba zakończyła udział w programie")]


def test_a_series_enrolled_before_this_version_is_filled_in_by_the_migration(db_url):
    from pal_desktop.services.database import open_app_database
    from pal_desktop.storage.db import normalise_url

    opened = open_app_database(db_url)
    db = opened.db
    series = series_of(db, sessions=4, capacity=3)
    ids = [person(db, n) for n in range(4)]
    events.enrol(db, series.event_ids[0], ids)  # as the old window did: the first meeting only
    single = series_of(db, sessions=2, title="Inny cykl")
    events.enrol(db, single.event_ids[1], ids[:1])  # enrolled on its second meeting alone: kept as it is
    opened.db.dispose()
    from sqlalchemy import create_engine

    from pal_desktop.storage.migrate import downgrade_to

    downgrade_to(db_url, "0009")  # columns added since go by their own downgrades
    engine = create_engine(normalise_url(db_url))
    with engine.begin() as connection:
        # Back to the schema before series enrolment: the tables of later revisions go too.
        for table in ("scanned_list_event", "scanned_list_page", "issued_document"):
            connection.execute(text(f"DROP TABLE IF EXISTS {table}"))
        connection.execute(text("UPDATE alembic_version SET version_num = '0003'"))
    engine.dispose()

    reopened = open_app_database(db_url)
    try:
        db = reopened.db
        for event_id in series.event_ids:
            sheet = attendance.attendance_sheet(db, event_id, include_waiting=True)
            assert [(r.participant_id, r.enrolment) for r in sheet] == [
                (pid, EnrolmentStatus.ENROLLED) for pid in ids[:3]] + [(ids[3], EnrolmentStatus.WAITING)]
        assert enrolled_ids(db, single.event_ids[0]) == []
        assert enrolled_ids(db, single.event_ids[1]) == ids[:1]
    finally:
        reopened.db.dispose()
