"""Internships with monthly attendance, and cash assistance: each rule of the service."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from pal_desktop.domain.enums import BenefitType, CashPurpose, ParticipantStatus
from pal_desktop.errors import ValidationError
from pal_desktop.services import internships, participants
from pal_desktop.services import participant_profile as profiles
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.programmes import active_programme

STAGE = internships.InternshipInput(employer_name="  Piekarnia  „Kłos” ", start_date=dt.date(2021, 3, 1),
                                    end_date=dt.date(2021, 5, 31), position_name="pomoc piekarza",
                                    hours_per_week=Decimal("40"), monthly_stipend=Decimal("1200.00"))
CASH = internships.CashAssistanceInput(benefit_type=BenefitType.PURPOSE, amount=Decimal("450.50"),
                                       decision_number="OPS.8301.12.2021", decision_date=dt.date(2021, 4, 1),
                                       period_from=dt.date(2021, 4, 1), period_to=dt.date(2021, 4, 30),
                                       payment_date=dt.date(2021, 4, 10), purpose=CashPurpose.FOOD)


def register(db, status=ParticipantStatus.CANDIDATE, serial=21) -> int:
    person = participants.create_participant(db, participants.ParticipantInput(
        first_name="Grażyna", last_name="Ślęzak", pesel=pesel_for(dt.date(1980, 5, 5), serial, True))).id
    if status != ParticipantStatus.CANDIDATE:
        from pal_desktop.storage.models import Participant

        with db.session() as session:  # leaving needs dates and documents the internship rules do not care about
            session.get(Participant, person).status = status
    return person


def field_of(call) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.field


def test_an_internship_is_added_edited_listed_and_removed(db):
    person = register(db)
    internship_id = internships.add_internship(db, person, STAGE)
    stored = internships.get_internship(db, internship_id)
    assert stored.employer_name == "Piekarnia „Kłos”" and stored.monthly_stipend == Decimal("1200.00")
    internships.update_internship(db, internship_id, replace(STAGE, position_name="piekarz"))
    line, = profiles.participant_profile(db, person).internships
    assert (line.employer, line.position, line.stipend) == ("Piekarnia „Kłos”", "piekarz", Decimal("1200.00"))
    internships.record_month(db, internship_id, dt.date(2021, 3, 1), 20, 1)
    internships.remove_internship(db, internship_id)
    assert profiles.participant_profile(db, person).internships == []
    assert internships.internship_months(db, internship_id) == []


@pytest.mark.parametrize(("change", "field", "text"), [
    ({"employer_name": "   "}, "employer_name", "Pracodawca"),
    ({"start_date": None}, "start_date", "Początek stażu"),
    ({"end_date": dt.date(2021, 2, 28)}, "end_date", "nie może być wcześniejsza"),
    ({"hours_per_week": Decimal("41")}, "hours_per_week", "od 0 do 40"),
    ({"hours_per_week": Decimal("-1")}, "hours_per_week", "od 0 do 40"),
    ({"monthly_stipend": Decimal("-0.01")}, "monthly_stipend", "Stypendium"),
    ({"monthly_stipend": Decimal("10.005")}, "monthly_stipend", "dwie cyfry"),
    ({"start_date": dt.date(2020, 12, 31)}, "start_date", "okresie programu"),
    ({"end_date": dt.date(2023, 1, 1)}, "end_date", "okresie programu"),
])
def test_internship_rules_name_the_field(db, change, field, text):
    person = register(db)
    with pytest.raises(ValidationError, match=text) as caught:
        internships.add_internship(db, person, replace(STAGE, **change))
    assert caught.value.field == field
    ok = internships.add_internship(db, person, STAGE)
    with pytest.raises(ValidationError, match=text):
        internships.update_internship(db, ok, replace(STAGE, **change))


def test_hours_at_the_limits_and_no_stipend_are_accepted(db):
    person = register(db)
    internships.add_internship(db, person, replace(STAGE, hours_per_week=Decimal(0), monthly_stipend=None))
    internships.add_internship(db, person, replace(STAGE, hours_per_week=None, monthly_stipend=Decimal(0)))
    assert len(profiles.participant_profile(db, person).internships) == 2


@pytest.mark.parametrize("status", [ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT])
def test_no_new_internship_for_someone_who_has_left(db, status):
    person = register(db, status=status)
    with pytest.raises(ValidationError, match="nie można dodać nowego stażu"):
        internships.add_internship(db, person, STAGE)


def test_a_month_is_recorded_once_and_replaced(db):
    internship_id = internships.add_internship(db, register(db), STAGE)
    internships.record_month(db, internship_id, dt.date(2021, 3, 17), 20, 2, Decimal("160"), Decimal("1100.00"))
    internships.record_month(db, internship_id, dt.date(2021, 3, 1), 21, 1, None, Decimal("1200.00"))
    internships.record_month(db, internship_id, dt.date(2021, 5, 31), 0, 31)
    months = internships.internship_months(db, internship_id)
    assert [(m.month, m.days_present, m.days_absent, m.hours, m.stipend_paid) for m in months] == [
        (dt.date(2021, 3, 1), 21, 1, None, Decimal("1200.00")), (dt.date(2021, 5, 1), 0, 31, None, None)]


@pytest.mark.parametrize(("args", "field"), [
    ((dt.date(2021, 2, 15), 10, 0), "month"),
    ((dt.date(2021, 6, 1), 10, 0), "month"),
    ((dt.date(2021, 4, 1), -1, 0), "days_present"),
    ((dt.date(2021, 4, 1), 0, -1), "days_absent"),
    ((dt.date(2021, 4, 1), 20, 11), "days_absent"),
    ((dt.date(2021, 4, 1), 20, 0, Decimal("-1")), "hours"),
    ((dt.date(2021, 4, 1), 20, 0, None, Decimal("-5")), "stipend_paid"),
])
def test_month_rules_name_the_field(db, args, field):
    internship_id = internships.add_internship(db, register(db), STAGE)
    assert field_of(lambda: internships.record_month(db, internship_id, *args)) == field
    assert internships.internship_months(db, internship_id) == []


def test_the_period_cannot_shrink_below_a_recorded_month(db):
    internship_id = internships.add_internship(db, register(db), STAGE)
    internships.record_month(db, internship_id, dt.date(2021, 5, 1), 20, 0)
    with pytest.raises(ValidationError, match="05.2021") as caught:
        internships.update_internship(db, internship_id, replace(STAGE, end_date=dt.date(2021, 4, 30)))
    assert caught.value.field == "end_date"


def test_cash_assistance_is_added_with_the_participants_programme_edited_and_removed(db):
    person = register(db, ParticipantStatus.ACTIVE)
    cash_id = internships.add_cash(db, person, CASH)
    line, = profiles.participant_profile(db, person).cash
    assert (line.benefit, line.amount, line.decision_number) == (BenefitType.PURPOSE, Decimal("450.50"),
                                                                 "OPS.8301.12.2021")
    internships.update_cash(db, cash_id, replace(CASH, amount=Decimal("500"), benefit_type=BenefitType.PERIODIC))
    stored = internships.get_cash(db, cash_id)
    assert (stored.amount, stored.benefit_type) == (Decimal("500.00"), BenefitType.PERIODIC)
    from pal_desktop.storage.models import CashAssistance
    with db.reading() as session:
        assert session.get(CashAssistance, cash_id).programme_id == active_programme(db).id
    internships.remove_cash(db, cash_id)
    assert profiles.participant_profile(db, person).cash == []


@pytest.mark.parametrize(("change", "field", "text"), [
    ({"benefit_type": None}, "benefit_type", "Rodzaj świadczenia"),
    ({"amount": None}, "amount", "Kwota"),
    ({"amount": Decimal("0")}, "amount", "większa od zera"),
    ({"amount": Decimal("-3")}, "amount", "większa od zera"),
    ({"amount": Decimal("450.505")}, "amount", "dwie cyfry"),
    ({"decision_date": dt.date.today() + dt.timedelta(days=1), "payment_date": None}, "decision_date",
     "z przyszłości"),
    ({"period_to": dt.date(2021, 3, 31)}, "period_to", "Okres do"),
    ({"payment_date": dt.date(2021, 3, 31)}, "payment_date", "Data wypłaty"),
])
def test_cash_rules_name_the_field(db, change, field, text):
    person = register(db, ParticipantStatus.ACTIVE)
    with pytest.raises(ValidationError, match=text) as caught:
        internships.add_cash(db, person, replace(CASH, **change))
    assert caught.value.field == field
    ok = internships.add_cash(db, person, CASH)
    with pytest.raises(ValidationError, match=text):
        internships.update_cash(db, ok, replace(CASH, **change))
    assert len(profiles.participant_profile(db, person).cash) == 1


def test_a_decision_dated_today_is_accepted(db):
    internships.add_cash(db, register(db, ParticipantStatus.ACTIVE), replace(CASH, decision_date=dt.date(2021, 4, 1)),
                         today=dt.date(2021, 4, 1))


def test_a_stale_cash_edit_is_refused_with_what_the_other_person_changed(db):
    from pal_desktop.errors import ConflictError

    person = register(db, ParticipantStatus.ACTIVE)
    cash_id = internships.add_cash(db, person, replace(CASH, amount=Decimal("300.00")))
    mine = internships.get_cash(db, cash_id)      # two staff open the same record
    theirs = internships.get_cash(db, cash_id)
    internships.update_cash(db, cash_id, replace(theirs, amount=Decimal("500.00")), base=theirs)
    with pytest.raises(ConflictError) as refused:
        internships.update_cash(db, cash_id, replace(mine, amount=Decimal("400.00"), notes="moja"), base=mine)
    assert "Kwota: 500,00\u00a0zł (Twoja wartość: 400,00\u00a0zł)" in str(refused.value)
    assert internships.get_cash(db, cash_id).amount == Decimal("500.00")  # the newer save stands


def test_a_stale_internship_edit_is_refused_and_a_fresh_one_saves(db):
    from pal_desktop.errors import ConflictError

    person = register(db, ParticipantStatus.ACTIVE)
    internship_id = internships.add_internship(db, person, STAGE)
    mine = internships.get_internship(db, internship_id)
    theirs = internships.get_internship(db, internship_id)
    internships.update_internship(db, internship_id, replace(theirs, position_name="piekarz"), base=theirs)
    with pytest.raises(ConflictError, match="Stanowisko: piekarz"):
        internships.update_internship(db, internship_id, replace(mine, supervisor="Jan Kłos"), base=mine)
    fresh = internships.get_internship(db, internship_id)
    internships.update_internship(db, internship_id, replace(fresh, supervisor="Jan Kłos"), base=fresh)
    stored = internships.get_internship(db, internship_id)
    assert (stored.position_name, stored.supervisor) == ("piekarz", "Jan Kłos")
