"""Local animators: the registry with a link to the participant record, initiatives, events run, summaries."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from pal_desktop.domain.enums import AttendanceStatus, ParticipantStatus
from pal_desktop.errors import ValidationError
from pal_desktop.services import animators as service
from pal_desktop.services import events, participants
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.programmes import active_programme
from pal_desktop.storage.models import Animator, AnimatorInitiative, EventStaff

TODAY = dt.date(2022, 6, 30)


def participant(db, n: int = 1) -> int:
    return participants.create_participant(db, participants.ParticipantInput(
        first_name="Łucja", last_name=f"Źdźbło{n}", pesel=pesel_for(dt.date(1975, 2, n), n, True),
        phone="600 100 200", email="lucja@example.pl", street_name="ul. Śląska", status=ParticipantStatus.ACTIVE,
        declaration_date=dt.date(2021, 1, 4), data_protection_date=dt.date(2021, 1, 4),
        start_date=dt.date(2021, 1, 4))).id


def animator(db, **extra) -> int:
    values = dict(first_name="Grażyna", last_name="Żółkiewska", chosen_date=dt.date(2021, 2, 15),
                  field="ul. Śląska; seniorzy, kultura", phone="601 200 300")
    values.update(extra)
    return service.create_animator(db, service.AnimatorInput(**values), today=TODAY)


def count(db, model) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_register_an_animator_linked_to_a_participant(db):
    person = participant(db)
    found = service.find_participants(db, "zdzblo", active_programme(db).id)
    assert [pid for pid, _ in found] == [person] and "Źdźbło1 Łucja" in found[0][1]
    facts = service.participant_facts(db, person)
    assert (facts.first_name, facts.last_name, facts.phone, facts.street) == ("Łucja", "Źdźbło1", "600 100 200",
                                                                              "ul. Śląska")
    animator_id = animator(db, first_name="Łucja", last_name="Źdźbło1", participant_id=person)
    detail = service.get_animator(db, animator_id)
    assert (detail.participant_name, detail.programme_id, detail.field) == ("Źdźbło1 Łucja", active_programme(db).id,
                                                                            "ul. Śląska; seniorzy, kultura")
    error = pytest.raises(ValidationError, animator, db, participant_id=person).value
    assert error.field == "participant_id" and "jest już animatorem" in str(error)
    # Editing the linked animator keeps the link.
    service.update_animator(db, animator_id, service.as_input(detail), expected_version=detail.version, today=TODAY)
    assert count(db, Animator) == 1


@pytest.mark.parametrize(("values", "field", "phrase"), [
    (dict(last_name=""), "last_name", "Nazwisko"),
    (dict(phone="12"), "phone", "co najmniej 9 cyfr"),
    (dict(chosen_date=dt.date(2022, 7, 1)), "chosen_date", "z przyszłości"),
    (dict(chosen_date=dt.date(2020, 12, 31)), "chosen_date", "poza okresem programu"),
    (dict(participant_id=999), "participant_id", "Nie ma wybranego uczestnika"),
])
def test_bad_animator_data_is_refused(db, values, field, phrase):
    with pytest.raises(ValidationError) as caught:
        animator(db, **values)
    assert caught.value.field == field and phrase in str(caught.value)
    assert count(db, Animator) == 0


def test_initiatives_add_edit_remove_and_their_rules(db):
    animator_id = animator(db)
    first = service.add_initiative(db, animator_id, service.InitiativeInput(
        "Dzień Sąsiada", dt.date(2021, 6, 5), dt.date(2021, 6, 5), "Piknik na podwórku", 45))
    service.add_initiative(db, animator_id, service.InitiativeInput("Klub seniora", dt.date(2021, 3, 1)))
    service.update_initiative(db, first, service.InitiativeInput("Dzień Sąsiada 2021", dt.date(2021, 6, 5),
                                                                 dt.date(2021, 6, 6), "Piknik", 60))
    rows = service.initiatives_of(db, animator_id)
    assert [(i.title, i.people_reached) for i in rows] == [("Klub seniora", None), ("Dzień Sąsiada 2021", 60)]
    for data, field in ((service.InitiativeInput(""), "title"),
                        (service.InitiativeInput("Kino", dt.date(2021, 5, 2), dt.date(2021, 5, 1)), "end_date"),
                        (service.InitiativeInput("Kino", people_reached=-3), "people_reached")):
        with pytest.raises(ValidationError) as caught:
            service.add_initiative(db, animator_id, data)
        assert caught.value.field == field
    with pytest.raises(ValidationError) as caught:
        service.parse_people("dużo")
    assert caught.value.field == "people_reached"
    assert service.parse_people(" 1 200 ") == 1200 and service.parse_people("") is None
    service.delete_initiative(db, first)
    assert count(db, AnimatorInitiative) == 1


def test_events_run_and_the_summary(db):
    animator_id = animator(db)
    person = participant(db)
    led = events.create_event(db, events.EventInput(title="Spotkanie sąsiedzkie", event_date=dt.date(2021, 5, 11),
                                                    leader_animator_id=animator_id, place="Świetlica"))
    helped = events.create_event(db, events.EventInput(title="Piknik", event_date=dt.date(2021, 6, 12)))
    events.add_staff(db, helped, animator_id=animator_id, role="współprowadzący")
    events.create_event(db, events.EventInput(title="Inne", event_date=dt.date(2021, 6, 13)))
    events.enrol(db, led, [person])
    events.record_attendance(db, led, {person: AttendanceStatus.PRESENT}, today=TODAY)
    service.add_initiative(db, animator_id, service.InitiativeInput("Ogródek społeczny", people_reached=25))
    service.add_initiative(db, animator_id, service.InitiativeInput("Kącik książek", people_reached=15))
    runs = service.events_of(db, animator_id)
    assert [(e.title, e.role, e.leader, e.present) for e in runs] == [
        ("Spotkanie sąsiedzkie", "prowadzący", True, 1), ("Piknik", "współprowadzący", False, 0)]
    summary = service.summary_of(db, animator_id)
    assert (summary.initiatives, summary.people_reached, summary.events_led, summary.events_helped,
            summary.present_at_events) == (2, 40, 1, 1, 1)
    (row,) = service.animator_rows(db, active_programme(db).id)
    assert row[1:3] == ("Żółkiewska", "Grażyna") and row[5:9] == ("15.02.2021", 2, 40, 2)
    service.delete_animator(db, animator_id)
    assert count(db, Animator) == 0 and count(db, EventStaff) == 0
    assert events.get_event(db, led).leader_animator_id is None
