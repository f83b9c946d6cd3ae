"""The report figures against the hand counts of tests/report_data.py."""

from __future__ import annotations

from decimal import Decimal

from pal_desktop.domain.efs_dictionaries import FundingPeriod
from pal_desktop.services import indicators, report_figures
from pal_desktop.services.report_figures import BySex
from tests.report_data import TODAY, D, build

H1 = (D(2021, 1, 1), D(2021, 6, 30))
WHOLE = (D(2021, 1, 1), D(2022, 12, 31))


def test_people_by_sex_whole_programme_and_first_half(db):
    pid = build(db)
    whole = report_figures.people_figures(db, pid, *WHOLE)
    assert whole.covered == BySex(8, 3, 1) and whole.joined == BySex(8, 3, 1)
    assert whole.left == BySex(4, 3, 0)
    # The as-planned field, not the status: five have "zakończył", four of them as planned.
    assert whole.completed_as_planned == BySex(2, 2, 0)
    assert whole.not_as_planned == BySex(2, 1, 0) and whole.dropped_out == BySex(1, 1, 0)
    half = report_figures.people_figures(db, pid, *H1)
    assert half.covered == BySex(4, 2, 1) and half.joined == BySex(4, 2, 1)
    assert half.left == BySex(1, 2, 0) and half.completed_as_planned == BySex(1, 1, 0)
    assert half.not_as_planned == BySex(0, 1, 0) and half.dropped_out == BySex(0, 1, 0)
    later = report_figures.people_figures(db, pid, D(2022, 1, 1), D(2022, 12, 31))
    assert later.joined == BySex(1, 1, 0) and later.left == BySex(2, 1, 0) and later.covered.total == 12


def test_age_bands_follow_the_funding_period(db):
    pid = build(db)
    ages = dict(report_figures.people_figures(db, pid, *WHOLE).by_age)
    assert ages == {"poniżej 25 lat": BySex(2, 1, 0), "25-53 lata": BySex(3, 2, 1),
                    "54 lata lub więcej": BySex(2, 0, 0), "brak danych": BySex(1, 0, 0)}
    from pal_desktop.storage.models import Programme

    with db.session() as session:
        session.get(Programme, pid).funding_period = FundingPeriod.P2021_2027
    ages = dict(report_figures.people_figures(db, pid, *WHOLE).by_age)
    assert ages == {"poniżej 18 lat": BySex(0, 0, 0), "18-29 lat": BySex(3, 1, 0), "30-54 lata": BySex(3, 2, 1),
                    "55 lat lub więcej": BySex(1, 0, 0), "brak danych": BySex(1, 0, 0)}


def test_past_events_never_marked_held_are_overdue_not_future(db):
    pid = build(db)
    whole = report_figures.schedule_figures(db, pid, *WHOLE, today=TODAY)
    assert (whole.held, whole.upcoming, whole.overdue, whole.cancelled) == (3, 1, 1, 1)
    by_task = {t.position: (t.held, t.upcoming, t.overdue, t.cancelled) for t in whole.tasks}
    assert by_task[5] == (1, 1, 0, 0) and by_task[7] == (2, 0, 0, 1) and by_task[9] == (0, 0, 1, 0)
    assert by_task[1] == (0, 0, 0, 0) and len(whole.tasks) == 11
    half = report_figures.schedule_figures(db, pid, *H1, today=TODAY)
    assert (half.held, half.upcoming, half.overdue) == (2, 0, 1)
    # Before its date the same event is still to come.
    early = report_figures.schedule_figures(db, pid, *H1, today=D(2021, 6, 1))
    assert (early.held, early.upcoming, early.overdue) == (2, 1, 0)


def test_volunteers_and_indicator_values(db):
    pid = build(db)
    whole = report_figures.volunteer_figures(db, pid, *WHOLE, Decimal("30"))
    assert (whole.hours, whole.volunteers, whole.value) == (Decimal("14.50"), 2, Decimal("435.00"))
    half = report_figures.volunteer_figures(db, pid, *H1, Decimal("30"))
    assert (half.hours, half.volunteers, half.value) == (Decimal("8.50"), 1, Decimal("255.00"))
    report = indicators.indicator_values(db, pid)
    values = {i.measure: (i.value, i.percent) for i in report.indicators if i.measure}
    assert values["events:spotkanie sąsiedzkie"] == (1, 25) and values["events:warsztat"] == (2, 25)
    assert values["volunteer_hours"] == (Decimal("14.50"), 36) and values["internships"] == (1, None)
    assert report.people.completed == 4 and report.people.joined == 12 and report.people.left == 7
    assert report.attendance_rate.quantize(Decimal("0.01")) == Decimal("0.89")
