"""The data model on SQLite and PostgreSQL: constraints, audit columns, the audit log, optimistic locking."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from pal_desktop.domain.enums import AttendanceStatus, BenefitType, ParticipantStatus, SupportReason
from pal_desktop.errors import ConflictError
from pal_desktop.services.programmes import active_programme
from pal_desktop.storage.models import (
    Attendance,
    AuditEntry,
    CashAssistance,
    Event,
    Household,
    HouseholdMember,
    Participant,
    ParticipantReason,
    Volunteer,
    VolunteerAgreement,
    VolunteerHours,
    current_actor,
)


def _participant(programme_id: int, **extra) -> Participant:
    values = dict(programme_id=programme_id, first_name="Łucja", last_name="Żółkiewska", pesel="85010112345",
                  status=ParticipantStatus.ACTIVE, start_date=dt.date(2021, 3, 1))
    values.update(extra)
    return Participant(**values)


def test_a_participant_with_family_reasons_and_records_round_trips(db):
    programme_id = active_programme(db).id
    token = current_actor.set("anna.kowalska")
    try:
        with db.session() as session:
            person = _participant(programme_id)
            person.reasons = [ParticipantReason(reason=SupportReason.POVERTY),
                              ParticipantReason(reason=SupportReason.UNEMPLOYMENT)]
            household = Household(name="Rodzina Żółkiewskich", city="Kłobuck")
            household.members = [HouseholdMember(participant=person, relation="osoba kierująca rodziną",
                                                 is_head=True),
                                 HouseholdMember(first_name="Jaś", last_name="Żółkiewski", relation="dziecko",
                                                 birth_date=dt.date(2015, 5, 5))]
            session.add_all([person, household])
            session.flush()
            event = Event(programme_id=programme_id, title="Spotkanie sąsiedzkie", event_date=dt.date(2021, 4, 1))
            session.add(event)
            session.flush()
            session.add(Attendance(event_id=event.id, participant_id=person.id, status=AttendanceStatus.PRESENT))
            session.add(CashAssistance(participant_id=person.id, benefit_type=BenefitType.PURPOSE,
                                       amount=Decimal("350.50"), decision_date=dt.date(2021, 5, 1)))
            person_id = person.id
    finally:
        current_actor.reset(token)

    with db.reading() as session:
        stored = session.get(Participant, person_id)
        assert stored.last_name == "Żółkiewska"
        assert stored.status is ParticipantStatus.ACTIVE
        assert {r.reason for r in stored.reasons} == {SupportReason.POVERTY, SupportReason.UNEMPLOYMENT}
        assert stored.created_by == "anna.kowalska" and stored.updated_by == "anna.kowalska"
        assert stored.version == 1
        assert stored.membership.household.name == "Rodzina Żółkiewskich"
        assert len(stored.membership.household.members) == 2
        assert session.scalar(select(CashAssistance.amount)) == Decimal("350.50")


def test_every_change_is_logged_with_who_and_what(db):
    programme_id = active_programme(db).id
    with db.session() as session:
        person = _participant(programme_id)
        session.add(person)
    token = current_actor.set("jan.nowak")
    try:
        with db.session() as session:
            session.get(Participant, person.id).phone = "600 100 200"
    finally:
        current_actor.reset(token)
    with db.reading() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "participant")
                                  .order_by(AuditEntry.id)).all()
        stored = session.get(Participant, person.id)
    assert [e.action for e in entries] == ["insert", "update"]
    assert entries[1].actor == "jan.nowak" and entries[1].record_id == person.id
    assert json.loads(entries[1].changes) == {"phone": ["", "600 100 200"]}
    assert stored.updated_by == "jan.nowak" and stored.version == 2


def test_a_stale_edit_is_refused_and_nothing_is_written(db):
    programme_id = active_programme(db).id
    with db.session() as session:
        person = _participant(programme_id)
        session.add(person)
    stale = person  # detached copy at version 1
    with db.session() as session:
        session.get(Participant, person.id).phone = "111"
    with pytest.raises(ConflictError, match="Ktoś inny zmienił"):
        with db.session() as session:
            merged = session.merge(stale, load=False)
            merged.phone = "222"
    with db.reading() as session:
        assert session.get(Participant, person.id).phone == "111"


def test_the_same_pesel_twice_is_refused_by_the_database(db):
    programme_id = active_programme(db).id
    with db.session() as session:
        session.add(_participant(programme_id))
    with pytest.raises(IntegrityError):
        with db.session() as session:
            session.add(_participant(programme_id, first_name="Inna"))


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError):
        with db.session() as session:
            session.add(Attendance(event_id=999, participant_id=999, status=AttendanceStatus.ABSENT))


@pytest.mark.parametrize("hours", [Decimal("0"), Decimal("25")])
def test_impossible_volunteer_hours_are_refused(db, hours):
    with db.session() as session:
        volunteer = Volunteer(first_name="Ewa", last_name="Łęcka")
        volunteer.agreements = [VolunteerAgreement(number="W/1", start_date=dt.date(2021, 4, 1),
                                                   end_date=dt.date(2021, 12, 31))]
        session.add(volunteer)
    with pytest.raises(IntegrityError):
        with db.session() as session:
            session.add(VolunteerHours(volunteer_id=volunteer.id, work_date=dt.date(2021, 5, 5), hours=hours))


def test_a_failed_write_leaves_nothing_half_written(db):
    programme_id = active_programme(db).id
    with pytest.raises(IntegrityError):
        with db.session() as session:
            session.add(_participant(programme_id))
            session.flush()
            session.add(Attendance(event_id=12345, participant_id=12345, status=AttendanceStatus.ABSENT))
    with db.reading() as session:
        assert session.scalars(select(Participant)).all() == []
