"""Hourly rates per kind of volunteer work (the programme's task) for the value of the own contribution."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pal_desktop.errors import ValidationError
from pal_desktop.services import organisation, volunteer_hours, volunteer_rates
from pal_desktop.services.programmes import active_programme, list_tasks
from pal_desktop.services.report_figures import volunteer_figures
from tests.services.test_volunteers import TODAY, adult, agreement, log, task6


def other_task(db) -> int:
    return next(t.id for t in list_tasks(db, active_programme(db).id) if t.position not in (6,) and t.position)


def test_a_task_with_its_own_rate_and_the_single_rate_for_the_rest(db):
    volunteer_id = adult(db)
    agreement(db, volunteer_id)
    log(db, volunteer_id, dt.date(2022, 4, 5), "2,5", task_id=task6(db))
    log(db, volunteer_id, dt.date(2022, 4, 6), "3", task_id=task6(db))
    log(db, volunteer_id, dt.date(2022, 5, 10), "4")  # no task: the single rate
    programme_id = active_programme(db).id
    start, end = dt.date(2022, 1, 1), dt.date(2022, 12, 31)
    # no rate anywhere: no value, as before
    assert volunteer_hours.hours_totals(db, volunteer_id).value is None
    assert volunteer_figures(db, programme_id, start, end, None).value is None
    # only the single rate: every hour at it (the default kept)
    organisation.save_organisation(db, organisation.OrganisationSettings(name="GOPS Kłobuck",
                                                                         volunteer_hour_rate="35,00"))
    assert volunteer_hours.hours_totals(db, volunteer_id).value == Decimal("332.50")
    assert volunteer_figures(db, programme_id, start, end, Decimal("35")).value == Decimal("332.50")
    # task 6 at 50 zł: 5.5 h × 50 + 4 h × 35
    volunteer_rates.set_task_rate(db, task6(db), Decimal("50"))
    rows = {r.task_id: r.rate for r in volunteer_rates.list_task_rates(db, programme_id)}
    assert rows[task6(db)] == Decimal("50.00") and rows[other_task(db)] is None
    totals = volunteer_hours.hours_totals(db, volunteer_id)
    assert totals.value == Decimal("415.00") and totals.value_text == "415,00\u00a0zł"
    assert volunteer_figures(db, programme_id, start, end, Decimal("35")).value == Decimal("415.00")
    assert [p.value for p in volunteer_hours.period_hours(db, start, end)] == [Decimal("415.00")]
    # without the single rate, the hours of no task have no rate: no partial sum
    organisation.save_organisation(db, organisation.OrganisationSettings(name="GOPS Kłobuck"))
    assert volunteer_hours.hours_totals(db, volunteer_id).value is None
    # taken back: the single rate again
    volunteer_rates.set_task_rate(db, task6(db), None)
    assert volunteer_rates.task_rates(db) == {}
    assert TODAY.year == 2022


@pytest.mark.parametrize("rate", [Decimal("0"), Decimal("-5"), Decimal("10000")])
def test_a_rate_out_of_range_is_refused_naming_the_field(db, rate):
    with pytest.raises(ValidationError) as caught:
        volunteer_rates.set_task_rate(db, task6(db), rate)
    assert caught.value.field == "rate"
