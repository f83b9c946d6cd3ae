"""Cash assistance by the social-assistance act: what is refused, what warns, the totals and the accountant's file."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from pal_desktop.domain.enums import BenefitType, CashPurpose, ParticipantStatus
from pal_desktop.errors import ValidationError
from pal_desktop.services import cash_reports, internships, organisation
from tests.services.test_internships import CASH, register


def active(db, serial=21) -> int:
    return register(db, ParticipantStatus.ACTIVE, serial)


@pytest.mark.parametrize(("change", "field", "text"), [
    # 5 zł with no decision: the decision's number and date are required (art. 106 ust. 1)
    ({"amount": Decimal("5"), "decision_number": "", "decision_date": None}, "decision_number", "Nr decyzji"),
    ({"decision_date": None, "payment_date": None}, "decision_date", "Data decyzji"),
    # 100 000 zł of a zasiłek celowy: a zero too many
    ({"amount": Decimal("100000.00")}, "amount", "nieprawdopodobna"),
    # a 2019 period for a 2021-2022 programme
    ({"decision_date": dt.date(2019, 3, 1), "period_from": dt.date(2019, 3, 1), "period_to": dt.date(2019, 3, 31),
      "payment_date": dt.date(2019, 3, 10)}, "payment_date", "okresie programu"),
    ({"period_from": dt.date(2019, 3, 1), "period_to": dt.date(2019, 3, 31), "payment_date": None},
     "period_from", "okresie programu"),
    ({"payment_date": dt.date(2021, 5, 3)}, "payment_date", "poza okresem z decyzji"),
    ({"purpose": None}, "purpose", "art. 39 ust. 2"),
    ({"purpose": None, "benefit_type": BenefitType.CONTRACT}, "purpose", "cel zasiłku"),
    ({"benefit_type": BenefitType.PERIODIC, "period_to": None}, "period_to", "art. 38"),
])
def test_what_the_act_does_not_allow_is_refused_naming_the_field(db, change, field, text):
    person = active(db)
    with pytest.raises(ValidationError, match=text) as caught:
        internships.add_cash(db, person, replace(CASH, **change))
    assert caught.value.field == field
    saved = internships.add_cash(db, person, CASH)
    with pytest.raises(ValidationError, match=text):
        internships.update_cash(db, saved, replace(CASH, **change))


@pytest.mark.parametrize("status", [ParticipantStatus.CANDIDATE, ParticipantStatus.RESERVE])
def test_cash_for_a_candidate_or_the_reserve_list_is_refused(db, status):
    with pytest.raises(ValidationError, match="tylko uczestnikom"):
        internships.add_cash(db, register(db, status), CASH)


def test_cash_before_the_person_joined_or_after_they_left_is_refused(db):
    from pal_desktop.storage.models import Participant

    person = active(db)
    with db.session() as session:
        stored = session.get(Participant, person)
        stored.start_date, stored.end_date = dt.date(2021, 4, 15), dt.date(2021, 6, 30)
    with pytest.raises(ValidationError, match="nie była jeszcze uczestnikiem"):
        internships.add_cash(db, person, CASH)                   # paid 10.04.2021
    with pytest.raises(ValidationError, match="nie była już uczestnikiem"):
        internships.add_cash(db, person, replace(CASH, decision_date=dt.date(2021, 7, 1), period_from=None,
                                                 period_to=None, payment_date=dt.date(2021, 7, 5)))
    internships.add_cash(db, person, replace(CASH, payment_date=dt.date(2021, 4, 20)))


@pytest.mark.parametrize("kind", list(BenefitType))
def test_every_kind_of_the_act_is_accepted_and_kept(db, kind):
    person = active(db)
    cash_id = internships.add_cash(db, person, replace(CASH, benefit_type=kind))
    stored = internships.get_cash(db, cash_id)
    assert stored.benefit_type == kind
    # okresowy and stały are not granted for a stated need: no purpose is kept for them
    assert stored.purpose == (CashPurpose.FOOD if kind.is_purpose_kind else None)


def test_a_disaster_aid_above_the_everyday_bound_is_plausible(db):
    internships.add_cash(db, active(db), replace(CASH, benefit_type=BenefitType.CHANCE_EVENT,
                                                 purpose=CashPurpose.REPAIRS, amount=Decimal("100000.00")))


def test_an_amount_above_the_offices_threshold_warns_and_a_second_payment_of_a_decision_too(db):
    person = active(db)
    assert internships.cash_warnings(db, person, CASH) == ()     # no threshold set: nothing to ask
    organisation.save_organisation_field(db, "cash_warning_threshold", "400")
    assert organisation.get_organisation(db).cash_warning_threshold == "400,00"
    warning, = internships.cash_warnings(db, person, CASH)
    assert "450,50" in str(warning) and "400,00" in str(warning)
    assert internships.cash_warnings(db, person, replace(CASH, amount=Decimal("400.00"))) == ()
    cash_id = internships.add_cash(db, person, replace(CASH, amount=Decimal("300.00")))
    again, = internships.cash_warnings(db, person, replace(CASH, amount=Decimal("300.00")))
    assert "OPS.8301.12.2021" in str(again)
    assert internships.cash_warnings(db, person, replace(CASH, amount=Decimal("300.00")), cash_id=cash_id) == ()


@pytest.mark.parametrize("typed", ["0", "-5", "dużo"])
def test_a_threshold_that_is_not_an_amount_is_refused(db, typed):
    with pytest.raises(ValidationError, match="Próg ostrzeżenia") as caught:
        organisation.save_organisation_field(db, "cash_warning_threshold", typed)
    assert caught.value.field == "cash_warning_threshold"


def _three_payments(db):
    first, second = active(db, 21), active(db, 22)
    internships.add_cash(db, first, CASH)
    internships.add_cash(db, first, replace(CASH, amount=Decimal("100.00"), payment_date=dt.date(2021, 4, 20),
                                            purpose=CashPurpose.FUEL))
    internships.add_cash(db, second, replace(CASH, benefit_type=BenefitType.PERIODIC, amount=Decimal("600.00"),
                                             decision_number="OPS.8302.3.2021", period_from=dt.date(2021, 5, 1),
                                             period_to=dt.date(2021, 5, 31), payment_date=dt.date(2021, 5, 5)))
    return first, second


def test_totals_per_month_kind_and_person(db):
    first, second = _three_payments(db)
    payments = cash_reports.cash_payments(db)
    rows = [(t.month, t.benefit, t.participant_id, t.count, t.amount) for t in cash_reports.totals(payments)]
    assert rows == [(dt.date(2021, 4, 1), BenefitType.PURPOSE, first, 2, Decimal("550.50")),
                    (dt.date(2021, 5, 1), BenefitType.PERIODIC, second, 1, Decimal("600.00"))]
    mine = cash_reports.cash_payments(db, participant_id=second)
    assert [p.amount for p in mine] == [Decimal("600.00")]
    may = cash_reports.cash_payments(db, start=dt.date(2021, 5, 1), end=dt.date(2021, 5, 31))
    assert [p.participant_id for p in may] == [second]


def test_the_accountants_workbook_has_the_payments_and_the_sums(db, tmp_path):
    import openpyxl

    _three_payments(db)
    path = tmp_path / "pomoc.xlsx"
    assert cash_reports.export_cash_xlsx(db, path, start=dt.date(2021, 4, 1), end=dt.date(2021, 4, 30)) == 2
    book = openpyxl.load_workbook(path)
    lines = list(book["Wypłaty"].iter_rows(values_only=True))
    assert lines[0][:4] == ("Nazwisko", "Imię", "Rodzaj świadczenia", "Podstawa (ustawa o pomocy społecznej)")
    assert lines[1][2:6] == ("zasiłek celowy", "art. 39", "żywność", "OPS.8301.12.2021")
    assert lines[1][9].date() == dt.date(2021, 4, 10) and float(lines[1][11]) == 450.5
    sums = list(book["Sumy"].iter_rows(values_only=True))
    assert sums[1] == ("04.2021", "zasiłek celowy", "Ślęzak Grażyna", 2, 550.5)
    assert sums[-1] == ("Razem", None, None, 2, 550.5)
    from pal_desktop.storage.models import AuditEntry

    with db.reading() as session:
        from sqlalchemy import select

        assert session.scalar(select(AuditEntry).where(AuditEntry.table_name == "cash_assistance",
                                                       AuditEntry.action == "export")) is not None


def test_the_command_line_writes_the_accountants_file(db, db_url, tmp_path, capsys):
    from pal_desktop.cli import main

    _three_payments(db)
    path = tmp_path / "ksiegowosc.xlsx"
    assert main(["--db", db_url, "export", "cash", str(path), "--from", "01.05.2021", "--to", "31.05.2021"]) == 0
    assert "Zapisano 1 wypłat" in capsys.readouterr().out
    assert path.exists()
