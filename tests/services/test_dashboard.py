"""The dashboard's figures against the hand counts of tests/report_data.py, for two periods, and the records
behind a figure."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from pal_desktop.domain.enums import EventStatus, Sex, SupportReason
from pal_desktop.services import dashboard
from pal_desktop.services.dashboard import PeriodChoice
from pal_desktop.services.report_figures import BySex
from pal_desktop.storage.models import Household, HouseholdMember, Participant, ParticipantReason
from tests.report_data import TODAY, D, build


def _with_reasons_and_households(db) -> int:
    """Osoba1 and Osoba2 give poverty, Osoba9 unemployment; one household of Osoba1 and Osoba8, another of
    the candidate (not covered): two reasons' counts and one household covered."""
    pid = build(db)
    with db.session() as session:
        people = {p.first_name: p for p in session.scalars(select(Participant))}
        for name, reason in (("Osoba1", SupportReason.POVERTY), ("Osoba2", SupportReason.POVERTY),
                             ("Osoba9", SupportReason.UNEMPLOYMENT), ("Kandydatka", SupportReason.ILLNESS)):
            session.add(ParticipantReason(participant_id=people[name].id, reason=reason))
        first, second = Household(name="Ręczni"), Household(name="Kandydaci")
        session.add_all([first, second])
        session.flush()
        for household, name in ((first, "Osoba1"), (first, "Osoba8"), (second, "Kandydatka")):
            session.add(HouseholdMember(household_id=household.id, participant_id=people[name].id))
    return pid


def test_period_dates():
    today = D(2022, 5, 17)
    args = (today, D(2021, 1, 1), D(2022, 12, 31))
    assert dashboard.period_dates(PeriodChoice.MONTH, *args) == (D(2022, 5, 1), D(2022, 5, 31))
    assert dashboard.period_dates(PeriodChoice.QUARTER, *args) == (D(2022, 4, 1), D(2022, 6, 30))
    assert dashboard.period_dates(PeriodChoice.HALF_YEAR, *args) == (D(2022, 1, 1), D(2022, 6, 30))
    assert dashboard.period_dates(PeriodChoice.QUARTER, D(2022, 12, 1), *args[1:]) == (D(2022, 10, 1),
                                                                                       D(2022, 12, 31))
    assert dashboard.period_dates(PeriodChoice.PROGRAMME, *args) == (D(2021, 1, 1), D(2022, 12, 31))
    assert dashboard.period_dates(PeriodChoice.CUSTOM, *args, D(2021, 3, 1), D(2021, 3, 31)) == (
        D(2021, 3, 1), D(2021, 3, 31))


def test_whole_programme_and_first_half_of_2021(db):
    pid = _with_reasons_and_households(db)
    whole = dashboard.dashboard(db, pid, PeriodChoice.PROGRAMME, today=TODAY)
    assert (whole.start, whole.end) == (D(2021, 1, 1), D(2022, 12, 31))
    values = {i.measure: (i.target, i.value, i.percent) for i in whole.indicators}
    assert values["events:spotkanie sąsiedzkie"] == (Decimal(4), Decimal(1), Decimal(25))
    assert values["events:warsztat"] == (Decimal(8), Decimal(2), Decimal(25))
    assert values["volunteer_hours"] == (Decimal(40), Decimal("14.50"), Decimal(36))
    s = whole.structure
    assert s.covered == BySex(8, 3, 1) and s.left == BySex(4, 3, 0) and s.completed_as_planned == BySex(2, 2, 0)
    assert [(label, by.total) for label, by in s.by_age] == [
        ("poniżej 25 lat", 3), ("25-53 lata", 6), ("54 lata lub więcej", 2), ("brak danych", 1)]
    reasons = dict(s.by_reason)
    assert reasons[SupportReason.POVERTY] == 2 and reasons[SupportReason.UNEMPLOYMENT] == 1
    assert reasons[SupportReason.ILLNESS] == 0  # the candidate is not covered
    assert s.households == 1
    assert len(whole.months) == 24
    months = {m.month: m for m in whole.months}
    assert (months[D(2021, 3, 1)].held, months[D(2021, 3, 1)].attendance_rate) == (1, Decimal(3) / 4)
    assert months[D(2021, 6, 1)].planned == 1 and months[D(2021, 6, 1)].volunteer_hours == Decimal("3.50")
    assert months[D(2022, 9, 1)].planned == 1 and months[D(2022, 1, 1)].held == 0
    assert sum(m.volunteer_hours for m in whole.months) == Decimal("14.50")

    half = dashboard.dashboard(db, pid, PeriodChoice.CUSTOM, D(2021, 1, 1), D(2021, 6, 30), today=TODAY)
    values = {i.measure: i.value for i in half.indicators}
    assert values["events:warsztat"] == 1 and values["volunteer_hours"] == Decimal("8.50")
    assert half.structure.covered == BySex(4, 2, 1) and half.structure.left == BySex(1, 2, 0)
    assert half.structure.households == 1 and dict(half.structure.by_reason)[SupportReason.POVERTY] == 2
    assert [m.month for m in half.months] == [D(2021, m, 1) for m in range(1, 7)]
    may = half.months[4]
    assert (may.held, may.attendance_rate) == (1, Decimal(1))  # an excused absence does not count by default
    assert [m.volunteer_hours for m in half.months][3:] == [Decimal("5.00"), Decimal("0.00"), Decimal("3.50")]


def test_the_records_behind_a_figure(db):
    pid = _with_reasons_and_households(db)
    h1 = (D(2021, 1, 1), D(2021, 6, 30))
    women = dashboard.people_behind(db, pid, *h1, "covered", Sex.FEMALE)
    assert [p.name for p in women] == ["Ręczna Osoba1", "Ręczna Osoba2", "Ręczna Osoba3", "Ręczna Osoba4"]
    left = dashboard.people_behind(db, pid, *h1, "left")
    assert [p.name for p in left] == ["Ręczna Osoba2", "Ręczna Osoba8", "Ręczna Osoba9"]
    unknown = dashboard.people_behind(db, pid, D(2021, 1, 1), D(2022, 12, 31), "covered", None)
    assert [p.name for p in unknown] == ["Ręczna Osoba11"]
    no_birth = dashboard.people_behind(db, pid, D(2021, 1, 1), D(2022, 12, 31), dashboard.AGE, detail=-1)
    assert [p.name for p in no_birth] == ["Ręczna Osoba7"]
    poor = dashboard.people_behind(db, pid, *h1, dashboard.REASON, detail=SupportReason.POVERTY)
    assert [p.name for p in poor] == ["Ręczna Osoba1", "Ręczna Osoba2"]
    homes = dashboard.people_behind(db, pid, *h1, dashboard.HOUSEHOLDS)
    assert [p.name for p in homes] == ["Ręczna Osoba1", "Ręczna Osoba8"]
    workshops = dashboard.events_behind(db, pid, D(2021, 1, 1), D(2022, 12, 31), "events:warsztat")
    assert [(e.event_date, e.status) for e in workshops] == [(D(2021, 3, 10), EventStatus.HELD),
                                                            (D(2022, 3, 15), EventStatus.HELD)]
    hours = dashboard.hours_behind(db, pid, *h1)
    assert [(h.volunteer, h.hours) for h in hours] == [("Wolna Anna", Decimal("5.00")),
                                                       ("Wolna Anna", Decimal("3.50"))]
