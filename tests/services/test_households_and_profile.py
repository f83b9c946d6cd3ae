"""Households, the participant's page, the support path and the missing-documents list."""

from __future__ import annotations

import datetime as dt

import pytest

from pal_desktop.domain.enums import AttendanceStatus, ParticipantStatus, SupportStatus
from pal_desktop.errors import ValidationError
from pal_desktop.services import households, participants
from pal_desktop.services import participant_profile as profiles
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.programmes import active_programme
from pal_desktop.storage.models import Attendance, Enrolment, Event


def register(db, first, last, day, female=True, **extra) -> int:
    return participants.create_participant(db, participants.ParticipantInput(
        first_name=first, last_name=last, pesel=pesel_for(day, 11, female), **extra)).id


def test_a_household_with_a_participant_and_a_child_who_is_not_one(db):
    mother = register(db, "Joanna", "Wójcik", dt.date(1988, 4, 4), street_name="ul. Polna", house_number="3")
    household_id = households.household_from_participant(db, mother)
    households.add_family_member(db, household_id, "Staś", "Wójcik", "syn", dt.date(2016, 9, 1))
    view = households.household_of(db, mother)
    assert view.name == "Rodzina Wójcik" and view.address.startswith("ul. Polna 3")
    assert [(m.name, m.relation, m.participant_id is not None) for m in view.members] == [
        ("Joanna Wójcik", "osoba kierująca rodziną", True), ("Staś Wójcik", "syn", False)]
    father = register(db, "Piotr", "Wójcik", dt.date(1986, 1, 1), female=False)
    households.add_participant_member(db, household_id, father, "mąż")
    assert len(households.get_household(db, household_id).members) == 3
    other = households.create_household(db, households.HouseholdInput(name="Rodzina Nowaków"))
    with pytest.raises(ValidationError, match="należy już do gospodarstwa"):
        households.add_participant_member(db, other, father, "syn")
    assert [h[1] for h in households.search_households(db, "wójc")] == ["Rodzina Wójcik"]


def test_the_page_shows_events_attendance_rate_and_history(db):
    programme = active_programme(db)
    person = register(db, "Ewa", "Łęcka", dt.date(1975, 6, 1), status=ParticipantStatus.ACTIVE,
                      start_date=dt.date(2021, 2, 1), declaration_date=dt.date(2021, 2, 1),
                      data_protection_date=dt.date(2021, 2, 1))
    with db.session() as session:
        events = [Event(programme_id=programme.id, title=f"Warsztat {n}", event_date=dt.date(2021, 3, n))
                  for n in range(1, 6)]
        session.add_all(events)
        session.flush()
        for index, event in enumerate(events):
            session.add(Enrolment(event_id=event.id, participant_id=person))
            status = AttendanceStatus.PRESENT if index < 3 else AttendanceStatus.ABSENT
            session.add(Attendance(event_id=event.id, participant_id=person, status=status))
    detail = participants.get_participant(db, person)
    participants.update_participant(db, person, participants.as_input(detail).__class__(
        **{**participants.as_input(detail).__dict__, "phone": "600 000 001"}), expected_version=detail.version)
    page = profiles.participant_profile(db, person, today=dt.date(2021, 12, 31))
    assert [e.title for e in page.events] == [f"Warsztat {n}" for n in range(1, 6)]
    assert (page.held, page.present) == (5, 3)
    assert page.attendance_rate == pytest.approx(0.6) and page.low_attendance
    assert [h.action for h in page.history] == ["update", "insert"]
    assert page.history[0].changes["phone"] == ["", "600 000 001"]
    signed = {d.name: d.signed_on for d in page.documents}
    assert signed["deklaracja uczestnictwa"] == dt.date(2021, 2, 1)
    assert signed["zgoda na wykorzystanie wizerunku"] is None


def test_the_support_path_is_planned_and_followed(db):
    person = register(db, "Adam", "Mazur", dt.date(1979, 1, 1), female=False)
    item = profiles.add_support(db, person, profiles.SupportInput(
        form="szkolenie/kurs zawodowy", planned_start=dt.date(2021, 5, 1), planned_end=dt.date(2021, 6, 30)))
    profiles.update_support(db, item, profiles.SupportInput(
        form="szkolenie/kurs zawodowy", planned_start=dt.date(2021, 5, 1), planned_end=dt.date(2021, 6, 30),
        given_start=dt.date(2021, 5, 3), given_end=dt.date(2021, 6, 28), status=SupportStatus.GIVEN))
    [line] = profiles.participant_profile(db, person).support_path
    assert (line.status, line.given_end) == (SupportStatus.GIVEN, dt.date(2021, 6, 28))
    with pytest.raises(ValidationError, match="nie może być wcześniejsza"):
        profiles.add_support(db, person, profiles.SupportInput(form="staż", planned_start=dt.date(2021, 5, 1),
                                                                planned_end=dt.date(2021, 4, 1)))


def test_missing_documents_are_listed_across_the_registry(db):
    complete = register(db, "Maria", "Kos", dt.date(1960, 1, 1), image_consent_date=dt.date(2021, 1, 1),
                        individual_plan_date=dt.date(2021, 1, 1), declaration_date=dt.date(2021, 1, 1),
                        data_protection_date=dt.date(2021, 1, 1))
    lacking = register(db, "Zofia", "Kruk", dt.date(1961, 1, 1), declaration_date=dt.date(2021, 1, 1))
    rows = profiles.missing_documents(db, active_programme(db).id)
    assert [r.participant_id for r in rows] == [lacking]
    assert complete not in [r.participant_id for r in rows]
    assert rows[0].missing == ("oświadczenie o przetwarzaniu danych osobowych", "zgoda na wykorzystanie wizerunku",
                               "indywidualny plan działania")


def test_a_relative_with_a_pesel_takes_birth_date_and_sex_from_it_and_is_found(db):
    from pal_desktop.domain.enums import Sex
    from pal_desktop.services.audit import AuditFilter, list_entries

    mother = register(db, "Joanna", "Wójcik", dt.date(1988, 4, 4))
    family = households.household_from_participant(db, mother)
    son = pesel_for(dt.date(2016, 9, 1), 5, False)
    households.add_family_member(db, family, "Staś", "Wójcik", "syn", pesel=son)
    with pytest.raises(ValidationError, match="nie zgadza się z numerem PESEL") as wrong:
        households.add_family_member(db, family, "Zosia", "Wójcik", "córka", dt.date(2015, 1, 1),
                                     pesel=pesel_for(dt.date(2014, 2, 2), 6, True))
    assert wrong.value.field == "birth_date"
    with pytest.raises(ValidationError, match="Płeć nie zgadza się") as wrong:
        households.add_family_member(db, family, "Zosia", "Wójcik", "córka", sex=Sex.MALE,
                                     pesel=pesel_for(dt.date(2014, 2, 2), 6, True))
    assert wrong.value.field == "sex"
    with pytest.raises(ValidationError, match="cyfrę kontrolną"):
        households.add_family_member(db, family, "Zosia", "Wójcik", "córka", pesel=son[:-1] + str((int(son[-1]) + 1) % 10))
    with pytest.raises(ValidationError, match="jest już członkiem rodziny „Rodzina Wójcik”"):
        households.add_family_member(db, family, "Stanisław", "Wójcik", "syn", pesel=son)
    with pytest.raises(ValidationError, match="jest w rejestrze uczestników"):
        households.add_family_member(db, family, "Joanna", "Wójcik", "matka", pesel=pesel_for(dt.date(1988, 4, 4), 11, True))

    members = {m.name: m for m in households.get_household(db, family).members}
    assert (members["Staś Wójcik"].birth_date, members["Staś Wójcik"].sex) == (dt.date(2016, 9, 1), Sex.MALE)
    assert members["Staś Wójcik"].pesel == son[:6] + "•••••"  # masked on screen
    assert members["Joanna Wójcik"].sex == Sex.FEMALE and members["Joanna Wójcik"].pesel.endswith("•••••")

    found = households.search_members(db, "stas wojcik")  # typed without Polish letters
    assert [(f.name, f.household, f.participant_id, f.page_participant_id) for f in found] == [
        ("Wójcik Staś", "Rodzina Wójcik", None, mother)]
    assert [f.name for f in households.search_members(db, son[:8])] == ["Wójcik Staś"]
    assert [f.name for f in households.search_members(db, "wójcik")] == ["Wójcik Joanna", "Wójcik Staś"]
    assert households.search_members(db, "x") == []  # one letter finds nobody and logs nothing
    logged = list_entries(db, AuditFilter(action="view"))
    assert [e.what for e in logged].count("household_member_search") == 3

    detail = participants.get_participant(db, mother)  # a renamed participant is found by the new name
    participants.update_participant(db, mother, participants.as_input(detail).__class__(
        **{**participants.as_input(detail).__dict__, "last_name": "Nowak-Wójcik"}), expected_version=detail.version)
    assert [f.name for f in households.search_members(db, "nowak")] == ["Nowak-Wójcik Joanna"]
