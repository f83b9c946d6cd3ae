"""Volunteers: the registry, agreements (art. 44), hours, totals and value, and the warnings the tab lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pal_desktop.domain import volunteering
from pal_desktop.errors import ConflictError, ValidationError
from pal_desktop.services import events, organisation, volunteer_agreements, volunteer_alerts, volunteer_hours
from pal_desktop.services import volunteers as service
from pal_desktop.services.programmes import active_programme, list_tasks
from pal_desktop.storage.models import Volunteer, VolunteerAgreement, VolunteerHours

TODAY = dt.date(2022, 6, 30)


def adult(db, **extra) -> int:
    values = dict(first_name="Żaneta", last_name="Łęcka", birth_date=dt.date(1990, 3, 4), phone="601 234 567",
                  email="zaneta@example.pl", skills="prace plastyczne")
    values.update(extra)
    return service.create_volunteer(db, service.VolunteerInput(**values), today=TODAY).id


def agreement(db, volunteer_id: int, start=dt.date(2022, 4, 1), end=dt.date(2022, 12, 31), **extra):
    signed = min(start, TODAY) if start else None
    values = dict(volunteer_id=volunteer_id, start_date=start, end_date=end, signed_date=signed,
                  scope="pomoc przy zajęciach świetlicowych", manner=volunteer_agreements.DEFAULT_MANNER,
                  time_description="do 10 godzin tygodniowo", place="Kłobuck",
                  termination_terms=volunteer_agreements.DEFAULT_TERMINATION, written_form=True,
                  nnw_insurance=bool(start and end) and volunteering.agreement_days(start, end) <= 30,
                  health_safety_date=signed)
    values.update(extra)
    return volunteer_agreements.create_agreement(db, volunteer_agreements.AgreementInput(**values), today=TODAY)


def count(db, model) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


def refused(call, field: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.field == field, str(caught.value)
    return caught.value


def task6(db) -> int:
    return next(t.id for t in list_tasks(db, active_programme(db).id) if t.position == 6)


# ---- The registry ---------------------------------------------------------------------------------------


def test_register_edit_and_read_back_a_volunteer(db):
    volunteer_id = adult(db, address="ul. Śląska 7, Kłobuck", availability="wtorki", travel_cost_waiver=True)
    person = service.get_volunteer(db, volunteer_id)
    assert (person.name, person.address, person.travel_cost_waiver) == ("Żaneta Łęcka", "ul. Śląska 7, Kłobuck",
                                                                        True)
    changed = service.update_volunteer(db, volunteer_id, replace(service.as_input(person), skills="sport"),
                                       expected_version=person.version, today=TODAY)
    assert changed.version == person.version + 1
    assert service.get_volunteer(db, volunteer_id).skills == "sport"
    with pytest.raises(ConflictError):  # someone else saved in the meantime
        service.update_volunteer(db, volunteer_id, service.as_input(person), expected_version=person.version,
                                 today=TODAY)
    rows = volunteer_alerts.volunteer_rows(db, today=TODAY)
    assert rows[0][:5] == (volunteer_id, "Łęcka", "Żaneta", "601 234 567", False)


@pytest.mark.parametrize(("values", "field", "phrase"), [
    (dict(first_name=" "), "first_name", "Imię"),
    (dict(email="żaneta@example.pl"), "email", "polskich liter"),
    (dict(birth_date=dt.date(2023, 1, 1)), "birth_date", "z przyszłości"),
    (dict(birth_date=dt.date(2006, 9, 1)), "guardian_consent_date", "niepełnoletni (15 lat)"),
    (dict(works_with_children=True, criminal_record_date=dt.date(2022, 1, 10)), "register_check_date",
     "Rejestrze Sprawców"),
    (dict(works_with_children=True, register_check_date=dt.date(2022, 1, 10)), "criminal_record_date",
     "Krajowego Rejestru Karnego"),
])
def test_bad_volunteer_data_is_refused_naming_the_field(db, values, field, phrase):
    error = refused(lambda: adult(db, **values), field)
    assert phrase in str(error)
    assert count(db, Volunteer) == 0


def test_a_minor_with_the_guardians_consent_and_checks_for_work_with_children(db):
    minor = adult(db, birth_date=dt.date(2006, 9, 1), guardian_consent_date=dt.date(2022, 3, 1))
    assert service.get_volunteer(db, minor).guardian_consent_date == dt.date(2022, 3, 1)
    result = service.create_volunteer(db, service.VolunteerInput(
        first_name="Jan", last_name="Żak", birth_date=dt.date(1980, 1, 1), works_with_children=True,
        register_check_date=dt.date(2021, 7, 20), criminal_record_date=dt.date(2021, 7, 15)), today=TODAY)
    # Repeated after 12 months by the office's default policy: the certificate of 15.07.2021 is due again by
    # 14.07.2022, within 30 days of TODAY; the 20-year residence statement is missing.
    assert [str(w) for w in result.warnings] == [
        "Praca z dziećmi — sprawdzenie w rejestrze sprawców z dnia 20.07.2021: według polityki ośrodka (co 12 mies.) "
        "do powtórzenia do 19.07.2022.",
        "Praca z dziećmi — informacja z KRK z dnia 15.07.2021: według polityki ośrodka (co 12 mies.) do powtórzenia "
        "do 14.07.2022.",
        "Praca z dziećmi — brak oświadczenia o krajach zamieszkania w ostatnich 20 latach (art. 21 ustawy o "
        "ochronie małoletnich)."]
    assert volunteering.check_valid_until(dt.date(2021, 7, 15)) == dt.date(2022, 7, 14)
    assert volunteering.check_state(dt.date(2021, 7, 15), dt.date(2022, 6, 1)) == "valid"
    assert volunteering.check_state(dt.date(2021, 7, 15), dt.date(2022, 7, 15)) == "expired"


# ---- Agreements ----------------------------------------------------------------------------------------


def test_agreements_are_numbered_per_year_and_numbers_stay_unique(db):
    volunteer_id = adult(db)
    first = agreement(db, volunteer_id, dt.date(2021, 4, 1), dt.date(2021, 12, 31))
    second = agreement(db, volunteer_id, dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert (first.number, second.number) == ("W/2021/001", "W/2022/001")
    other = agreement(db, adult(db, first_name="Olga"), dt.date(2022, 2, 1), dt.date(2022, 2, 20))
    assert other.number == "W/2022/002"
    error = refused(lambda: agreement(db, volunteer_id, dt.date(2022, 5, 1), dt.date(2022, 5, 20),
                                      number="W/2022/002"), "number")
    assert "„W/2022/002” już jest" in str(error)
    detail = volunteer_agreements.get_agreement(db, second.id)
    assert (detail.volunteer_name, detail.scope, detail.written_form) == ("Żaneta Łęcka",
                                                                          "pomoc przy zajęciach świetlicowych", True)
    assert [a.state for a in volunteer_agreements.agreements_of(db, volunteer_id, today=TODAY)] == ["ended", "current"]


@pytest.mark.parametrize(("extra", "field", "phrase"), [
    (dict(start=dt.date(2022, 5, 1), end=dt.date(2022, 4, 30)), "end_date", "nie może kończyć się (30.04.2022)"),
    (dict(start=None), "start_date", "Początek"),
    (dict(written_form=False), "written_form", "wymaga formy pisemnej"),
    (dict(start=dt.date(2022, 5, 1), end=dt.date(2022, 5, 30), nnw_insurance=False), "nnw_insurance",
     "następstw nieszczęśliwych wypadków"),
    (dict(scope=""), "scope", "Zakres świadczeń"),
    (dict(termination_terms=" "), "termination_terms", "Rozwiązanie porozumienia"),
    (dict(signed_date=dt.date(2022, 7, 1)), "signed_date", "z przyszłości"),
])
def test_an_agreement_breaking_the_act_is_refused_and_nothing_is_saved(db, extra, field, phrase):
    volunteer_id = adult(db)
    values = dict(extra)
    start, end = values.pop("start", dt.date(2022, 4, 1)), values.pop("end", dt.date(2022, 12, 31))
    error = refused(lambda: agreement(db, volunteer_id, start, end, **values), field)
    assert phrase in str(error)
    assert count(db, VolunteerAgreement) == 0


def test_thirty_days_need_no_written_form_but_insurance(db):
    volunteer_id = adult(db)
    result = agreement(db, volunteer_id, dt.date(2022, 6, 1), dt.date(2022, 6, 30), written_form=False,
                       nnw_insurance=True)
    assert volunteering.agreement_days(dt.date(2022, 6, 1), dt.date(2022, 6, 30)) == 30
    assert not volunteer_agreements.get_agreement(db, result.id).written_form


def test_a_minors_agreement_needs_the_guardians_consent_which_is_kept_on_the_volunteer(db):
    # 17 on the first day of the agreement, 18 later: the consent is still needed.
    volunteer_id = service.create_volunteer(db, service.VolunteerInput(
        first_name="Kuba", last_name="Żółtek", birth_date=dt.date(2004, 5, 1), guardian_consent_date=None),
        today=TODAY).id
    error = refused(lambda: agreement(db, volunteer_id, dt.date(2022, 4, 1), dt.date(2022, 12, 31)),
                    "guardian_consent_date")
    assert "17 lat" in str(error) and "zgody przedstawiciela ustawowego" in str(error)
    assert count(db, VolunteerAgreement) == 0
    agreement(db, volunteer_id, dt.date(2022, 4, 1), dt.date(2022, 12, 31),
              guardian_consent_date=dt.date(2022, 3, 25))
    assert service.get_volunteer(db, volunteer_id).guardian_consent_date == dt.date(2022, 3, 25)


def test_an_agreement_needs_the_birth_date_and_for_work_with_children_the_checks(db):
    no_birth = adult(db, birth_date=None)
    refused(lambda: agreement(db, no_birth), "birth_date")
    with db.session() as session:  # a record from before the rule (e.g. imported) without the checks
        legacy = Volunteer(first_name="Ewa", last_name="Nowak", birth_date=dt.date(1985, 1, 1),
                           works_with_children=True)
        session.add(legacy)
        session.flush()
        legacy_id = legacy.id
    error = refused(lambda: agreement(db, legacy_id), "works_with_children")
    assert "Krajowego Rejestru Karnego" in str(error)


def test_agreement_warnings_health_and_safety_and_checks_out_of_date(db):
    volunteer_id = adult(db, works_with_children=True, register_check_date=dt.date(2021, 1, 10),
                         criminal_record_date=dt.date(2021, 1, 5))
    result = agreement(db, volunteer_id, dt.date(2022, 4, 1), dt.date(2022, 12, 31), health_safety_date=None)
    texts = [str(w) for w in result.warnings]
    assert any("zasadach BHP" in t for t in texts)
    assert any("informację z KRK z dnia 05.01.2021 według polityki ośrodka trzeba powtórzyć" in t for t in texts)


# ---- Hours ---------------------------------------------------------------------------------------------


def log(db, volunteer_id, day, hours, **extra) -> int:
    return volunteer_hours.add_hours(db, volunteer_hours.HoursInput(volunteer_id, day, hours, **extra), today=TODAY)


@pytest.mark.parametrize(("day", "hours", "field", "phrase"), [
    (dt.date(2022, 3, 31), "2", "work_date", "nie mieści się w żadnym porozumieniu"),
    (dt.date(2022, 4, 5), "-2", "hours", "nie może być ujemna"),
    (dt.date(2022, 4, 5), "0", "hours", "większa od zera"),
    (dt.date(2022, 4, 5), "25", "hours", "nie może przekraczać 24"),
    (dt.date(2022, 4, 5), "dwie", "hours", "musi być liczbą"),
    (dt.date(2022, 4, 5), "1,333", "hours", "setnych"),
    (dt.date(2022, 7, 1), "2", "work_date", "z przyszłą datą"),
    (None, "2", "work_date", "Data"),
])
def test_impossible_hours_are_refused_naming_the_field(db, day, hours, field, phrase):
    volunteer_id = adult(db)
    agreement(db, volunteer_id)
    error = refused(lambda: log(db, volunteer_id, day, hours), field)
    assert phrase in str(error)
    assert count(db, VolunteerHours) == 0


def test_hours_without_any_agreement_say_what_to_do(db):
    error = refused(lambda: log(db, adult(db), dt.date(2022, 4, 5), 2), "work_date")
    assert "najpierw zapisz porozumienie" in str(error)


def test_a_day_holds_at_most_24_hours_and_a_batch_is_all_or_nothing(db):
    volunteer_id = adult(db)
    agreement(db, volunteer_id)
    log(db, volunteer_id, dt.date(2022, 4, 5), "20")
    error = refused(lambda: log(db, volunteer_id, dt.date(2022, 4, 5), "4,5"), "hours")
    assert str(error) == ("W dniu 05.04.2022 zapisano już 20 godz.; z tym wpisem byłoby 24,5 godz., a doba ma 24 "
                          "godziny.")
    log(db, volunteer_id, dt.date(2022, 4, 5), "4")  # exactly 24
    with pytest.raises(ValidationError):
        volunteer_hours.add_hours_many(db, [volunteer_hours.HoursInput(volunteer_id, dt.date(2022, 4, 6), "3"),
                                    volunteer_hours.HoursInput(volunteer_id, dt.date(2022, 4, 7), "-1")], today=TODAY)
    assert count(db, VolunteerHours) == 2
    ids = volunteer_hours.add_hours_many(db, [volunteer_hours.HoursInput(volunteer_id, dt.date(2022, 4, 6), "3"),
                                      volunteer_hours.HoursInput(volunteer_id, dt.date(2022, 4, 6), "2,5")], today=TODAY)
    assert len(ids) == 2
    # Editing an entry counts the day without the entry's old hours.
    volunteer_hours.update_hours(db, ids[0], volunteer_hours.HoursInput(volunteer_id, dt.date(2022, 4, 6), "21,5"), today=TODAY)
    assert volunteer_hours.get_hours(db, ids[0]).hours == Decimal("21.50")


def test_hours_at_an_event_take_its_task_and_must_match_its_date(db):
    volunteer_id = adult(db)
    agreement(db, volunteer_id)
    event_id = events.create_event(db, events.EventInput(title="Piknik rodzinny", event_date=dt.date(2022, 6, 4),
                                                         task_id=task6(db)))
    error = refused(lambda: log(db, volunteer_id, dt.date(2022, 6, 5), 3, event_id=event_id), "event_id")
    assert "odbyło się 04.06.2022" in str(error)
    log(db, volunteer_id, dt.date(2022, 6, 4), 3, event_id=event_id, activity="obsługa stoiska")
    (row,) = volunteer_hours.hours_of(db, volunteer_id)
    assert (row.event_title, row.task_name, row.activity) == ("Piknik rodzinny",
                                                              "6. świadczenie pomocy w formie usług wolontariatu",
                                                              "obsługa stoiska")
    assert [c.text for c in volunteer_hours.event_choices(db, dt.date(2022, 6, 4))] == ["Piknik rodzinny"]


def test_totals_per_month_and_task_and_the_value_at_the_settings_rate(db):
    volunteer_id = adult(db)
    agreement(db, volunteer_id)
    log(db, volunteer_id, dt.date(2022, 4, 5), "2,5", task_id=task6(db))
    log(db, volunteer_id, dt.date(2022, 4, 6), "3", task_id=task6(db))
    log(db, volunteer_id, dt.date(2022, 5, 10), "4")
    totals = volunteer_hours.hours_totals(db, volunteer_id)
    assert totals.total == Decimal("9.50") and totals.days == 3
    assert totals.per_month == [("04.2022", Decimal("5.50")), ("05.2022", Decimal("4.00"))]
    assert totals.per_task == [("6. świadczenie pomocy w formie usług wolontariatu", Decimal("5.50")),
                               ("", Decimal("4.00"))]
    assert totals.value is None and totals.value_text == "brak stawki w ustawieniach"
    organisation.save_organisation(db, organisation.OrganisationSettings(name="GOPS Kłobuck",
                                                                         volunteer_hour_rate="35,00"))
    totals = volunteer_hours.hours_totals(db, volunteer_id)
    assert totals.value == Decimal("332.50") and totals.value_text == "332,50\u00a0zł"
    assert volunteer_alerts.volunteer_rows(db, today=TODAY)[0][6] == "9,5"
    assert volunteer_hours.hours_months(db, volunteer_id) == [(2022, 5), (2022, 4)]


def test_the_gala_ranking_shares_places_for_equal_hours(db):
    people = {name: adult(db, first_name=name) for name in ("Anna", "Bożena", "Celina")}
    for volunteer_id in people.values():
        agreement(db, volunteer_id)
    log(db, people["Anna"], dt.date(2022, 4, 5), 3)
    log(db, people["Bożena"], dt.date(2022, 4, 5), 5)
    log(db, people["Celina"], dt.date(2022, 4, 6), 3)
    ranking = volunteer_hours.period_hours(db, dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert [(p.place, p.first_name, p.hours) for p in ranking] == [
        (1, "Bożena", Decimal("5.00")), (2, "Anna", Decimal("3.00")), (2, "Celina", Decimal("3.00"))]
    assert volunteer_hours.period_hours(db, dt.date(2022, 4, 6), dt.date(2022, 4, 30))[0].first_name == "Celina"
    refused(lambda: volunteer_hours.period_hours(db, dt.date(2022, 5, 1), dt.date(2022, 4, 1)), "date_to")
    assert volunteer_hours.period_month_totals(db, dt.date(2022, 1, 1), dt.date(2022, 12, 31)) == [(2022, 4, Decimal("11.00"))]


# ---- Warnings ------------------------------------------------------------------------------------------


def test_the_warnings_of_the_tab(db):
    ending = adult(db, first_name="Anna")
    agreement(db, ending, dt.date(2022, 4, 1), dt.date(2022, 7, 10))
    follows = adult(db, first_name="Bożena")
    agreement(db, follows, dt.date(2022, 4, 1), dt.date(2022, 7, 10))
    agreement(db, follows, dt.date(2022, 7, 11), dt.date(2022, 12, 31))
    children = adult(db, first_name="Celina", works_with_children=True, register_check_date=dt.date(2021, 7, 1),
                     criminal_record_date=dt.date(2021, 5, 1))
    agreement(db, children)
    outside = adult(db, first_name="Dorota")
    long_one = agreement(db, outside, dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    log(db, outside, dt.date(2022, 2, 1), 2)
    log(db, outside, dt.date(2022, 5, 1), 3)
    # The agreement is shortened: the February day is now outside every agreement.
    moved = volunteer_agreements.update_agreement(db, long_one.id, replace(
        volunteer_agreements.agreement_as_input(volunteer_agreements.get_agreement(db, long_one.id)), start_date=dt.date(2022, 3, 1),
        signed_date=dt.date(2022, 3, 1), health_safety_date=dt.date(2022, 3, 1)), today=TODAY)
    assert any("poza porozumieniami wolontariusza: 1" in str(w) for w in moved.warnings)
    alerts = {(a.name, a.kind): a.text for a in volunteer_alerts.volunteer_alerts(db, today=TODAY)}
    assert alerts[("Łęcka Anna", "ending")] == "Porozumienie nr W/2022/001 kończy się 10.07.2022 (za 10 dni)."
    assert not any(name == "Łęcka Bożena" for name, _ in alerts)  # another agreement follows on
    assert ("Łęcka Celina", "checks") in alerts
    assert alerts[("Łęcka Dorota", "outside")] == ("Godziny poza porozumieniem: 1 wpis(y), razem 2 godz. "
                                                   "(01.02.2022).")
    (row,) = [r for r in volunteer_hours.hours_of(db, outside) if r.work_date == dt.date(2022, 2, 1)]
    assert row.outside_agreement and row.agreement_number == ""
    notes = {r[2]: r[7] for r in volunteer_alerts.volunteer_rows(db, today=TODAY)}
    assert notes["Dorota"] == ("godziny poza porozumieniem",) and notes["Anna"] == ("koniec porozumienia",)
    assert volunteer_agreements.delete_agreement(db, long_one.id) == 2  # both days are outside now


def test_deleting_a_volunteer_removes_agreements_and_hours(db):
    volunteer_id = adult(db)
    agreement(db, volunteer_id)
    log(db, volunteer_id, dt.date(2022, 4, 5), 2)
    service.delete_volunteer(db, volunteer_id)
    assert (count(db, Volunteer), count(db, VolunteerAgreement), count(db, VolunteerHours)) == (0, 0, 0)
