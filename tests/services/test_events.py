"""Events: planning one or a weekly series, enrolment with a waiting list, attendance and rates."""

from __future__ import annotations

import datetime as dt

import pytest

from pal_desktop.domain.enums import AttendanceStatus, EventStatus, ParticipantStatus
from pal_desktop.errors import ValidationError
from pal_desktop.services import attendance, participants
from pal_desktop.services import events as service
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.programmes import active_programme, list_tasks

TODAY = dt.date(2022, 6, 30)


def task_id(db, number: int) -> int:
    return next(t.id for t in list_tasks(db, active_programme(db).id) if t.position == number)


def person(db, n: int, status=ParticipantStatus.ACTIVE) -> int:
    signed = dict(declaration_date=dt.date(2021, 1, 4), data_protection_date=dt.date(2021, 1, 4),
                  start_date=dt.date(2021, 1, 4))
    if status in (ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT):
        signed["end_date"] = dt.date(2021, 6, 1)
    if status == ParticipantStatus.CANDIDATE:
        signed = {}
    return participants.create_participant(db, participants.ParticipantInput(
        first_name=f"Osoba{n}", last_name=f"Żółć{n:02d}", pesel=pesel_for(dt.date(1980, 1, 1 + n), n, n % 2 == 0),
        status=status, **signed)).id


def workshop(db, **extra) -> service.EventInput:
    values = dict(title="Warsztaty kulinarne", event_date=dt.date(2021, 10, 12), task_id=task_id(db, 7),
                  start_time=dt.time(16, 0), end_time=dt.time(18, 0), place="Świetlica „Pod Lipami”")
    values.update(extra)
    return service.EventInput(**values)


def test_a_weekly_series_skips_polish_public_holidays(db):
    # Tuesdays from 2 November 2021: 9 November is fine; 11 November 2021 is a Thursday, so use Thursdays.
    result = service.create_series(db, workshop(db, event_date=dt.date(2021, 10, 28)), 4)
    dates = [day for _, day in service.series_events(db, result.series_id)]
    assert dates == [dt.date(2021, 10, 28), dt.date(2021, 11, 4), dt.date(2021, 11, 18), dt.date(2021, 11, 25)]
    assert result.skipped_holidays == [(dt.date(2021, 11, 11), "Narodowe Święto Niepodległości")]
    one = service.get_event(db, result.event_ids[0])
    assert one.series_id == result.series_id and one.title == "Warsztaty kulinarne"


@pytest.mark.parametrize(("extra", "field", "message"), [
    ({"start_time": dt.time(18, 0), "end_time": dt.time(16, 0)}, "end_time", "musi być późniejsza"),
    ({"event_date": dt.date(2023, 1, 10)}, "event_date", "poza okresem programu"),
    ({"event_date": dt.date(2021, 6, 1), "task_id": None}, None, None),
    ({"title": "  "}, "title", "Temat"),
])
def test_bad_events_are_refused_by_field(db, extra, field, message):
    if field is None:
        assert service.create_event(db, workshop(db, **extra))
        return
    with pytest.raises(ValidationError, match=message) as error:
        service.create_event(db, workshop(db, **extra))
    assert error.value.field == field
    assert service.count_events(db, service.EventQuery()) == 0


def test_an_event_outside_its_task_is_refused(db):
    with pytest.raises(ValidationError, match="poza terminem zadania „imprezy integracyjne”"):
        service.create_event(db, workshop(db, task_id=task_id(db, 8), event_date=dt.date(2021, 3, 1)))


def test_a_whole_series_is_refused_when_one_session_falls_outside(db):
    with pytest.raises(ValidationError, match="poza okresem programu"):
        service.create_series(db, workshop(db, event_date=dt.date(2022, 12, 1)), 10)
    assert service.count_events(db, service.EventQuery()) == 0


def test_enrolment_fills_places_then_the_waiting_list(db):
    event_id = service.create_event(db, workshop(db, capacity=2))
    ids = [person(db, n) for n in range(4)]
    left = person(db, 9, status=ParticipantStatus.DROPPED_OUT)
    result = service.enrol(db, event_id, ids + [left])
    assert result.enrolled == ids[:2] and result.waiting == ids[2:]
    assert [pid for pid, _ in result.refused] == [left]
    assert service.enrol(db, event_id, ids[:1]).already == ids[:1]
    promoted = service.unenrol(db, event_id, ids[0])
    assert promoted == ids[2]
    detail = service.get_event(db, event_id)
    assert (detail.enrolled, detail.waiting) == (2, 1)
    with pytest.raises(ValidationError, match="nie może być mniejsza niż liczba zapisanych"):
        service.update_event(db, event_id, workshop(db, capacity=1))


def test_double_booking_at_the_same_hour_is_warned(db):
    first = service.create_event(db, workshop(db))
    second = service.create_event(db, workshop(db, title="Trening", start_time=dt.time(17, 0),
                                               end_time=dt.time(19, 0)))
    later = service.create_event(db, workshop(db, title="Kino", start_time=dt.time(19, 0), end_time=dt.time(21, 0)))
    someone = person(db, 1)
    service.enrol(db, first, [someone])
    assert service.enrol(db, second, [someone]).double_booked == [(someone, "Warsztaty kulinarne")]
    assert service.enrol(db, later, [someone]).double_booked == []


def test_attendance_is_recorded_after_the_session_and_rates_flag_under_80_percent(db):
    series = service.create_series(db, workshop(db, event_date=dt.date(2021, 10, 5)), 5)
    ids = [person(db, n) for n in range(3)]
    for event_id in series.event_ids:
        service.enrol(db, event_id, ids)
    for index, event_id in enumerate(series.event_ids):
        marks = {ids[0]: AttendanceStatus.PRESENT,
                 ids[1]: AttendanceStatus.PRESENT if index < 4 else AttendanceStatus.EXCUSED,
                 ids[2]: AttendanceStatus.PRESENT if index < 2 else AttendanceStatus.ABSENT}
        service.record_attendance(db, event_id, marks, today=TODAY)
    rates = service.series_rates(db, series.series_id)
    assert rates[ids[0]][1].value == 1.0 and not rates[ids[0]][1].low
    # An excused absence is its own kind and, by default, does not lower the rate.
    assert (rates[ids[1]][1].present, rates[ids[1]][1].excused, rates[ids[1]][1].absent) == (4, 1, 0)
    assert rates[ids[1]][1].value == 1.0 and not rates[ids[1]][1].low
    assert rates[ids[2]][1].value == pytest.approx(0.4) and rates[ids[2]][1].low
    # The organisation may decide that it does.
    attendance.save_attendance_rules(db, attendance.AttendanceRules(excused_lowers_rate=True))
    rates = service.series_rates(db, series.series_id)
    assert rates[ids[1]][1].value == pytest.approx(0.8) and not rates[ids[1]][1].low
    assert service.get_event(db, series.event_ids[0]).status is EventStatus.HELD
    assert service.event_rate(db, series.event_ids[4]).present == 1


def test_attendance_for_a_future_session_is_refused(db):
    event_id = service.create_event(db, workshop(db, event_date=dt.date(2022, 9, 6)))
    someone = person(db, 1)
    service.enrol(db, event_id, [someone])
    with pytest.raises(ValidationError, match="jeszcze się nie odbyło"):
        service.record_attendance(db, event_id, {someone: AttendanceStatus.PRESENT}, today=TODAY)
    assert service.attendance_sheet(db, event_id)[0].attendance is None


def test_all_present_and_a_walk_in(db):
    event_id = service.create_event(db, workshop(db))
    ids = [person(db, n) for n in range(3)]
    service.enrol(db, event_id, ids[:2])
    assert service.mark_all_present(db, event_id, today=TODAY) == 2
    service.add_walk_in(db, event_id, ids[2], today=TODAY)
    sheet = service.attendance_sheet(db, event_id)
    assert [(r.attendance, r.walk_in) for r in sheet] == [(AttendanceStatus.PRESENT, False)] * 2 + [
        (AttendanceStatus.PRESENT, True)]
    assert sheet[2].enrolment is None
    with pytest.raises(ValidationError, match="dodaj ją jako osobę spoza listy"):
        service.record_attendance(db, event_id, {person(db, 5): AttendanceStatus.PRESENT}, today=TODAY)


def test_event_types_are_an_editable_list(db):
    names = [t.name for t in service.event_types(db)]
    assert names[:2] == ["spotkanie sąsiedzkie", "warsztat"] and "Akademia Lidera" in names
    new_id = service.add_event_type(db, "rajd rowerowy")
    service.rename_event_type(db, new_id, "rajd rowerowy rodzinny")
    with pytest.raises(ValidationError, match="już jest na liście"):
        service.rename_event_type(db, new_id, "Warsztat")
    service.set_event_type_active(db, new_id, False)
    assert "rajd rowerowy rodzinny" not in [t.name for t in service.event_types(db)]


def test_listing_filters_by_task_type_dates_and_leader(db):
    types = {t.name: t.id for t in service.event_types(db)}
    service.create_event(db, workshop(db, event_type_id=types["warsztat"], leader_name="Anna Łąka"))
    service.create_event(db, workshop(db, title="Piknik", task_id=task_id(db, 8), event_date=dt.date(2021, 7, 10),
                                      event_type_id=types["impreza integracyjna"]))
    assert [e.title for e in service.list_events(db, service.EventQuery(task_id=task_id(db, 8)))] == ["Piknik"]
    assert [e.title for e in service.list_events(db, service.EventQuery(leader="Anna"))] == ["Warsztaty kulinarne"]
    july = service.events_by_day(db, active_programme(db).id, dt.date(2021, 7, 1), dt.date(2021, 7, 31))
    assert list(july) == [dt.date(2021, 7, 10)]
    [planned] = service.list_events(db, service.EventQuery(event_type_id=types["warsztat"]))
    assert planned.status is EventStatus.PLANNED and planned.leader == "Anna Łąka"


def test_removing_a_volunteer_from_an_event_removes_their_hours_there(db):
    from sqlalchemy import func, select

    from pal_desktop.storage.models import Volunteer, VolunteerAgreement, VolunteerHours

    event_id = service.create_event(db, workshop(db))
    with db.session() as session:
        volunteer = Volunteer(first_name="Ewa", last_name="Żuk")
        volunteer.agreements = [VolunteerAgreement(number="W/2021/001", start_date=dt.date(2021, 4, 1),
                                                   end_date=dt.date(2021, 12, 31))]
        session.add(volunteer)
    staff_id = service.add_staff(db, event_id, volunteer_id=volunteer.id, role="pomoc", hours="2,5")
    with db.reading() as session:
        assert session.scalar(select(func.sum(VolunteerHours.hours))) == 2.5
    service.remove_staff(db, staff_id)
    assert service.event_staff(db, event_id) == []
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(VolunteerHours)) == 0


def test_the_events_tab_opens_on_today_or_on_the_last_event_so_far(db):
    programme = active_programme(db)
    period = (programme.start, programme.end)
    inside = programme.start + dt.timedelta(days=30)
    assert service.starting_day(db, programme.id, period, inside) == inside
    assert service.starting_day(db, programme.id, None, inside) == inside
    before = programme.start - dt.timedelta(days=3)
    assert service.starting_day(db, programme.id, period, before) == programme.start
    after = programme.end + dt.timedelta(days=3)
    assert service.starting_day(db, programme.id, period, after) == programme.end
    service.create_event(db, workshop(db))
    assert service.starting_day(db, programme.id, period, after) == dt.date(2021, 10, 12)
