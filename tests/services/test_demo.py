"""Demo data: realistic, valid, reproducible, and written all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, func, select
from stdnum.pl import pesel as stdnum_pesel

from pal_desktop.errors import DatabaseError, ValidationError
from pal_desktop.services.database import database_info
from pal_desktop.services.demo import generate_demo, pesel_for
from pal_desktop.storage.models import (
    Attendance,
    Event,
    Household,
    HouseholdMember,
    Participant,
    ParticipantReason,
    ScheduleTask,
    VolunteerHours,
)

TODAY = dt.date(2022, 6, 30)


def test_generated_pesels_are_valid_and_carry_birth_date_and_sex():
    for birth, female in ((dt.date(1950, 1, 31), True), (dt.date(2005, 12, 1), False), (dt.date(1999, 2, 28), True)):
        number = pesel_for(birth, 1234, female)
        assert stdnum_pesel.is_valid(number)
        assert stdnum_pesel.get_birth_date(number) == birth
        assert stdnum_pesel.get_gender(number) == ("F" if female else "M")


def test_demo_fills_every_part_of_the_registry(demo_db):
    counts = database_info(demo_db)["counts"]
    assert counts["participants"] == 300
    assert counts["households"] > 50 and counts["animators"] >= 5 and counts["volunteers"] >= 10
    assert counts["events"] >= 20 and counts["attendance_records"] > 0
    with demo_db.reading() as session:
        pesels = session.scalars(select(Participant.pesel).where(Participant.pesel.is_not(None))).all()
        assert pesels and all(stdnum_pesel.is_valid(p) for p in pesels)
        assert len(set(pesels)) == len(pesels)
        orphans = session.scalar(select(func.count()).select_from(Participant)
                                 .where(~Participant.id.in_(select(HouseholdMember.participant_id)
                                                            .where(HouseholdMember.participant_id.is_not(None)))))
        assert orphans == 0
        assert session.scalar(select(func.count()).select_from(ParticipantReason)) >= 300
        # Attendance is recorded only for events that have already taken place.
        future = session.scalar(select(func.count()).select_from(Attendance).join(Event)
                                .where(Event.event_date > TODAY))
        assert future == 0
        # Every event lies within the dates of the task it belongs to.
        outside = session.scalar(select(func.count()).select_from(Event).join(ScheduleTask)
                                 .where((Event.event_date < ScheduleTask.start_date)
                                        | (Event.event_date > ScheduleTask.end_date)))
        assert outside == 0
        assert session.scalar(select(func.sum(VolunteerHours.hours))) > 0


def _fingerprint(db) -> list[tuple]:
    with db.reading() as session:
        return session.execute(select(Participant.first_name, Participant.last_name, Participant.pesel,
                                      Participant.street_name, Participant.status)
                               .order_by(Participant.id)).all()


def test_the_same_seed_gives_the_same_data(tmp_path):
    from pal_desktop.services.database import open_app_database

    prints = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        opened = open_app_database("sqlite:///" + (tmp_path / f"{name}.sqlite3").as_posix())
        generate_demo(opened.db, 120, seed=seed, today=TODAY)
        prints.append(_fingerprint(opened.db))
        opened.db.dispose()
    assert prints[0] == prints[1]
    assert prints[0] != prints[2]


def test_demo_can_be_added_twice(db):
    generate_demo(db, 50, seed=1, today=TODAY)
    generate_demo(db, 50, seed=2, today=TODAY)
    assert database_info(db)["counts"]["participants"] == 100


def test_a_bad_number_of_participants_is_refused(db):
    with pytest.raises(ValidationError, match="Liczba uczestników"):
        generate_demo(db, 0)


def test_a_full_disk_gets_a_clear_message_and_nothing_is_written(sqlite_url):
    from pal_desktop.services.database import open_app_database

    opened = open_app_database(sqlite_url)
    db = opened.db
    with db.reading() as session:
        households_before = session.scalar(select(func.count()).select_from(Household))

    # SQLite reports SQLITE_FULL, exactly as on a full disk, once the file may not grow any more.
    @event.listens_for(db.engine, "connect")
    def _cap(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA max_page_count = 1")

    db.engine.dispose()
    with db.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    event.remove(db.engine, "connect", _cap)

    @event.listens_for(db.engine, "connect")
    def _cap_at_current(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 5}")

    db.engine.dispose()
    with pytest.raises(DatabaseError, match="Brak miejsca na dysku"):
        generate_demo(db, 2000, seed=3, today=TODAY)
    event.remove(db.engine, "connect", _cap_at_current)
    db.engine.dispose()
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Participant)) == 0
        assert session.scalar(select(func.count()).select_from(Household)) == households_before
    db.dispose()


def test_the_planner_statistics_are_refreshed_after_the_bulk_load(demo_db):
    from sqlalchemy import text

    with demo_db.reading() as session:
        if demo_db.backend == "sqlite":
            analysed = session.execute(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'participant'")).scalar()
        else:
            analysed = session.execute(text(
                "SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'participant' "
                "AND (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL)")).scalar()
    assert analysed >= 1


def test_the_demo_command_says_how_to_get_faker_when_it_is_missing(db_url, monkeypatch, capsys):
    import sys

    from pal_desktop.cli import main

    monkeypatch.setitem(sys.modules, "faker", None)  # import faker now raises ImportError
    assert main(["--db", db_url, "demo", "--participants", "10"]) == 2
    assert 'pip install "pal-desktop[demo]"' in capsys.readouterr().err


def test_surnames_agree_with_the_persons_sex(db):
    """A man is never "Majewska" (a household headed by a woman once gave her surname to her sons)."""
    from pal_desktop.services.demo import generate_demo
    from pal_desktop.storage.models import HouseholdMember, Participant

    generate_demo(db, 1500, seed=11, today=dt.date(2022, 6, 30))
    with db.reading() as session:
        people = [(p.sex.value, p.last_name) for p in session.scalars(select(Participant))]
        relatives = [(m.first_name, m.last_name) for m in session.scalars(select(HouseholdMember).where(
            HouseholdMember.participant_id.is_(None)))]
    boys = {first for first, _ in relatives if not first.endswith("a")}
    men = [last for sex, last in people if sex == "M"] + [last for first, last in relatives if first in boys]
    women = [last for sex, last in people if sex == "K"]
    assert len(men) > 100 and len(women) > 100
    assert [last for last in men if last.endswith(("ska", "cka", "dzka"))] == []
    assert [last for last in women if last.endswith(("ski", "cki", "dzki"))] == []
    assert any(last.endswith("ski") for last in men) and any(last.endswith("ska") for last in women)


def test_demo_cash_assistance_uses_the_acts_kinds_with_plausible_purposes(demo_db):
    from types import SimpleNamespace

    from pal_desktop.domain.enums import BenefitType
    from pal_desktop.services.cash_rules import check_by_the_act
    from pal_desktop.services.demo import CASH_KINDS
    from pal_desktop.storage.models import CashAssistance

    assert set(CASH_KINDS) == set(BenefitType)  # every kind of art. 37-41 can come out
    with demo_db.reading() as session:
        rows = session.scalars(select(CashAssistance)).all()
    kinds = {row.benefit_type for row in rows}
    assert len(rows) == 15 and len(kinds) >= 4  # not only celowy, okresowy and stały
    assert kinds - {BenefitType.PURPOSE, BenefitType.PERIODIC, BenefitType.PERMANENT}
    for row in rows:
        purposes = CASH_KINDS[row.benefit_type][1]
        assert (row.purpose in purposes) if purposes else row.purpose is None, row.benefit_type
        check_by_the_act(SimpleNamespace(**{name: getattr(row, name) for name in (
            "decision_number", "decision_date", "benefit_type", "purpose", "period_from", "period_to", "amount",
            "payment_date")}))
