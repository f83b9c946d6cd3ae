"""Child protection for everyone who leads an event with children: the checks of art. 21, the 20-year residence
statement and foreign records, the warnings before the event, the re-check interval as the office's policy."""

from __future__ import annotations

import datetime as dt

import pytest

from pal_desktop.domain.enums import LeaderKind
from pal_desktop.errors import ValidationError
from pal_desktop.services import animators, child_protection, events, organisation
from pal_desktop.services import volunteers as volunteer_service

TODAY = dt.date(2022, 6, 1)
EVENT_DAY = dt.date(2022, 6, 20)


def animator(db, **extra) -> int:
    values = dict(first_name="Marta", last_name="Żak")
    values.update(extra)
    return animators.create_animator(db, animators.AnimatorInput(**values), today=TODAY)


def event(db, **extra) -> int:
    values = dict(title="Warsztaty plastyczne dla dzieci", event_date=EVENT_DAY, with_children=True)
    values.update(extra)
    return events.create_event(db, events.EventInput(**values))


def texts(db, event_id: int) -> list[str]:
    return [str(n) for n in child_protection.event_warnings(db, event_id)]


def test_an_animator_without_checks_leading_an_event_with_children_is_warned_about(db):
    leader = animator(db)
    event_id = event(db, leader_kind=LeaderKind.ANIMATOR, leader_animator_id=leader)
    found = texts(db, event_id)
    assert any(t.startswith("Marta Żak:") and "Rejestrze Sprawców" in t for t in found)
    assert any("Krajowego Rejestru Karnego" in t for t in found)
    assert any("krajach zamieszkania w ostatnich 20 latach" in t for t in found)
    assert events.get_event(db, event_id).with_children
    without = event(db, leader_kind=LeaderKind.ANIMATOR, leader_animator_id=leader, with_children=False)
    assert texts(db, without) == []


def test_foreign_countries_need_their_records_and_a_checked_animator_passes(db):
    checked = dict(register_check_date=dt.date(2022, 5, 20), criminal_record_date=dt.date(2022, 5, 18),
                   residence_statement_date=dt.date(2022, 5, 18))
    leader = animator(db, **checked, foreign_countries="Niemcy, Irlandia")
    event_id = event(db, leader_kind=LeaderKind.ANIMATOR, leader_animator_id=leader)
    found, = texts(db, event_id)
    assert "Niemcy, Irlandia" in found and "rejestrów karnych" in found
    animators.update_animator(db, leader, animators.AnimatorInput(
        first_name="Marta", last_name="Żak", programme_id=animators.get_animator(db, leader).programme_id, **checked,
        foreign_countries="Niemcy, Irlandia", foreign_record_date=dt.date(2022, 5, 25)), today=TODAY)
    assert texts(db, event_id) == []


def test_volunteers_helping_and_staff_leading_are_covered(db):
    helper = volunteer_service.create_volunteer(db, volunteer_service.VolunteerInput(
        first_name="Jan", last_name="Łęcki", birth_date=dt.date(1990, 1, 1)), today=TODAY).id
    event_id = event(db, leader_kind=LeaderKind.TRAINER, leader_name="Anna Nowak")
    events.add_staff(db, event_id, volunteer_id=helper)
    found = texts(db, event_id)
    assert any(t.startswith("Jan Łęcki: nie ma w danych zaznaczonej pracy z dziećmi") for t in found)
    assert any("Prowadzi Anna Nowak (trener zewnętrzny)" in t and "potwierdź" in t for t in found)
    nobody = event(db)
    assert any("nie ma prowadzącego" in t for t in texts(db, nobody))


def test_the_re_check_interval_is_the_offices_policy_from_the_settings(db):
    checked = dict(register_check_date=dt.date(2021, 9, 1), criminal_record_date=dt.date(2021, 9, 1),
                   residence_statement_date=dt.date(2021, 9, 1))
    event_id = event(db, leader_kind=LeaderKind.ANIMATOR, leader_animator_id=animator(db, **checked))
    assert texts(db, event_id) == []                         # 12 months by default: due again on 01.09.2022
    organisation.save_organisation_field(db, "child_check_months", "6")
    found = texts(db, event_id)
    assert len(found) == 2 and all("według polityki ośrodka (co 6 mies.) do powtórzenia od 01.03.2022" in t
                                   for t in found)
    with pytest.raises(ValidationError, match="od 1 do 120"):
        organisation.save_organisation_field(db, "child_check_months", "0")


def test_a_check_dated_in_the_future_is_refused(db):
    with pytest.raises(ValidationError, match="z przyszłości") as caught:
        animator(db, residence_statement_date=TODAY + dt.timedelta(days=1))
    assert caught.value.field == "residence_statement_date"
    with pytest.raises(ValidationError, match="z przyszłości") as caught:
        volunteer_service.create_volunteer(db, volunteer_service.VolunteerInput(
            first_name="Jan", last_name="Łęcki", foreign_record_date=TODAY + dt.timedelta(days=1)), today=TODAY)
    assert caught.value.field == "foreign_record_date"
