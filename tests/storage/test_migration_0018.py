"""Revision 0018: old cash kinds keep their meaning, the travel-cost waiver moves to the volunteer's agreements."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from pal_desktop.storage.db import normalise_url
from pal_desktop.storage.migrate import open_database, upgrade_to
from tests.storage.test_migrations import _insert_participant_at_revision_0001


def test_old_records_come_through_0018(db_url):
    upgrade_to(db_url, "0017")
    _insert_participant_at_revision_0001(db_url)
    engine = create_engine(normalise_url(db_url))
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO cash_assistance (id, participant_id, programme_id, benefit_type, decision_number, amount, "
            "notes) VALUES (1, 1, 1, 'okresowy', 'OPS.1', 300, '')"))
        connection.execute(text(
            "INSERT INTO volunteer (id, first_name, last_name, phone, email, address, skills, availability, "
            "works_with_children, travel_cost_waiver, active, notes) VALUES (1, 'Zofia', 'Żak', '', '', '', '', '', "
            ":false, :true, :true, '')"), {"false": False, "true": True})
        connection.execute(text(
            "INSERT INTO volunteer_agreement (id, volunteer_id, number, start_date, end_date, scope, manner, "
            "time_description, place, termination_terms, written_form, nnw_insurance) VALUES (1, 1, 'W/2021/001', "
            "'2021-04-01', '2021-12-31', 'x', 'x', 'x', '', 'x', :true, :false)"), {"false": False, "true": True})
    engine.dispose()
    result = open_database(db_url)
    try:
        with result.database.engine.connect() as connection:
            assert connection.execute(text("SELECT benefit_type, purpose FROM cash_assistance")).one() == (
                "okresowy", None)
            row = connection.execute(text(
                "SELECT travel_cost_waiver, reimbursed_costs, nnw_insurer FROM volunteer_agreement")).one()
            assert (bool(row[0]), row[1], row[2]) == (True, "", "")
            assert not connection.execute(text("SELECT with_children FROM event")).all()
    finally:
        result.database.dispose()
