"""Anonymisation after the archiving deadline and erasure of a candidate: the figures stay, the names go."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import replace

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import DBAPIError

from pal_desktop.domain.enums import ParticipantStatus, UserRole
from pal_desktop.errors import PermissionDeniedError, ValidationError
from pal_desktop.services import participants
from pal_desktop.services.anonymisation import (
    ANONYMOUS_NAME,
    anonymise_participant,
    anonymise_programme,
    same_age_birth_date,
    set_archive_deadline,
)
from pal_desktop.services.audit import verify_log
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.indicators import indicator_values
from pal_desktop.services.programmes import active_programme
from pal_desktop.storage.db import normalise_url, sqlite_path
from pal_desktop.storage.models import AuditEntry, Household, HouseholdMember, Participant, Programme

RARE_FIRST, RARE_LAST = "Bożydar", "Wąchocki-Zięba"


def _count(db, model) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


def _rename(db, person_id: int, first: str, last: str, phone: str = "600 700 800") -> None:
    """An ordinary edit, which logs the old and the new name in clear."""
    detail = participants.get_participant(db, person_id)
    participants.update_participant(db, person_id, replace(participants.as_input(detail), first_name=first,
                                                           last_name=last, phone=phone))


def _database_bytes(db) -> bytes:
    path = sqlite_path(db.url)
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _nowhere(db, secrets: list[str]) -> list[str]:
    """The secrets still found: as bytes in the SQLite file and its WAL, or in any text column on PostgreSQL."""
    if db.backend == "sqlite":
        content = _database_bytes(db)
        return [s for s in secrets if s.encode("utf-8") in content]
    found = []
    with db.reading() as session:
        dump = " ".join(str(v) for v in session.execute(text(
            "SELECT p::text FROM participant p UNION ALL SELECT h::text FROM household h UNION ALL "
            "SELECT m::text FROM household_member m UNION ALL SELECT a::text FROM audit_log a")).scalars())
    return [s for s in secrets if s in dump] + found


def _figures(db, programme_id: int):
    report = indicator_values(db, programme_id)
    return dataclasses.asdict(report)


def test_the_programme_is_anonymised_after_its_deadline_with_every_figure_kept_and_no_name_left(demo_db, act_as):
    db = demo_db
    act_as(UserRole.ADMIN, login="iod")
    programme = active_programme(db)
    with db.reading() as session:
        people = session.execute(select(Participant.id, Participant.pesel, Participant.last_name)
                                 .where(Participant.programme_id == programme.id)).all()
        end = session.get(Programme, programme.id).end_date
        household = session.scalar(select(HouseholdMember.household_id)
                                   .where(HouseholdMember.participant_id == people[0].id))
    _rename(db, people[0].id, RARE_FIRST, RARE_LAST)
    _rename(db, people[0].id, "Bożydar", "Wąchocki", phone="601 222 333")  # the old rare name is now in the log
    with db.session() as session:  # the family's name, logged in clear when edited
        session.get(Household, household).name = "Rodzina Wąchockich-Ziębów"
    before = _figures(db, programme.id)
    entries_before = _count(db, AuditEntry)

    with pytest.raises(ValidationError, match="nie ma ustawionego terminu archiwizacji"):
        anonymise_programme(db, programme.id, today=end + dt.timedelta(days=4000))
    set_archive_deadline(db, programme.id, end + dt.timedelta(days=5 * 365))
    deadline = end + dt.timedelta(days=5 * 365)
    with pytest.raises(ValidationError, match="trzeba przechowywać do"):
        anonymise_programme(db, programme.id, today=deadline)
    assert _count(db, AuditEntry) == entries_before + 1  # only the deadline's change

    result = anonymise_programme(db, programme.id, "upływ okresu archiwizacji", today=deadline + dt.timedelta(days=1))

    assert result.people == len(people) and not result.erased and result.redacted_entries >= 3
    assert result.scrubbed
    assert _figures(db, programme.id) == before
    pesels = [p.pesel for p in people if p.pesel]
    assert len(pesels) > 250
    left = _nowhere(db, pesels + [RARE_LAST, "Wąchocki", "Wąchockich-Ziębów", "600 700 800", "601 222 333"])
    assert left == []
    with db.reading() as session:
        names = set(session.scalars(select(Participant.last_name).where(Participant.programme_id == programme.id)))
        anonymise = session.scalars(select(AuditEntry).where(AuditEntry.action == "anonymise")).one()
    assert names == {ANONYMOUS_NAME}
    facts = json.loads(anonymise.changes)
    assert anonymise.actor == "iod" and facts["reason"] == "upływ okresu archiwizacji"
    assert facts["people"] == len(people) and facts["redacted_entries"] == result.redacted_entries
    assert verify_log(db).intact

    with pytest.raises(ValidationError, match="zanonimizowano już"):
        anonymise_programme(db, programme.id, today=deadline + dt.timedelta(days=2))
    detail = participants.get_participant(db, people[0].id)
    with pytest.raises(ValidationError, match="zanonimizowano .*nie można ich zmieniać"):
        participants.update_participant(db, people[0].id, replace(participants.as_input(detail), last_name="X"))


def test_a_candidate_who_never_joined_is_erased_on_request_and_a_participant_is_not(db, act_as):
    act_as(UserRole.ADMIN)
    candidate = participants.create_participant(db, participants.ParticipantInput(
        first_name="Eufemia", last_name="Szczygłowska", pesel=pesel_for(dt.date(1975, 2, 3), 41, True))).id
    _rename(db, candidate, "Eufemia", "Szczygłowska-Bąk")
    joined = participants.create_participant(db, participants.ParticipantInput(
        first_name="Jan", last_name="Kowal", pesel=pesel_for(dt.date(1970, 2, 3), 42, False),
        status=ParticipantStatus.ACTIVE, start_date=dt.date(2021, 5, 1), declaration_date=dt.date(2021, 5, 1),
        data_protection_date=dt.date(2021, 5, 1))).id

    with pytest.raises(ValidationError, match="powód"):
        anonymise_participant(db, candidate, "")
    with pytest.raises(ValidationError, match="nie ma ustawionego terminu"):
        anonymise_participant(db, joined, "żądanie z 1.02.2026", today=dt.date(2026, 2, 1))

    result = anonymise_participant(db, candidate, "żądanie osoby z 1.02.2026", today=dt.date(2026, 2, 1))

    assert result.erased and result.people == 1 and result.redacted_entries >= 1
    with db.reading() as session:
        assert session.get(Participant, candidate) is None
        assert session.get(Participant, joined).last_name == "Kowal"
    assert _nowhere(db, ["Szczygłowska", pesel_for(dt.date(1975, 2, 3), 41, True)]) == []
    assert verify_log(db).intact


def test_only_the_administrator_anonymises_and_a_refusal_writes_nothing(db, act_as):
    programme = active_programme(db)
    act_as(UserRole.COORDINATOR)
    set_archive_deadline(db, programme.id, dt.date(2028, 12, 31))
    entries = _count(db, AuditEntry)
    with pytest.raises(PermissionDeniedError, match="anonimizacja"):
        anonymise_programme(db, programme.id, today=dt.date(2030, 1, 1))
    with pytest.raises(ValidationError, match="nie może być wcześniejszy"):
        set_archive_deadline(db, programme.id, dt.date(2020, 1, 1))
    assert _count(db, AuditEntry) == entries


def test_the_birth_date_keeps_the_age_at_start_and_nothing_else():
    assert same_age_birth_date(dt.date(1990, 11, 17), dt.date(2021, 3, 1)) == dt.date(1991, 3, 1)
    assert same_age_birth_date(dt.date(1990, 2, 1), dt.date(2021, 3, 1)) == dt.date(1990, 3, 1)
    assert same_age_birth_date(dt.date(2000, 5, 5), dt.date(2024, 2, 29)) == dt.date(2001, 2, 28)
    assert same_age_birth_date(dt.date(2000, 5, 5), None) == dt.date(2000, 1, 1)
    assert same_age_birth_date(None, dt.date(2021, 3, 1)) is None


def test_masking_an_entry_outside_an_anonymisation_is_found_and_other_edits_are_refused(db):
    participants.create_participant(db, participants.ParticipantInput(
        first_name="Anna", last_name="Nowak", pesel=pesel_for(dt.date(1990, 1, 1), 7, True)))
    engine = create_engine(normalise_url(db.url))
    try:
        with pytest.raises(DBAPIError, match="nie można zmieniać"):
            with engine.begin() as connection:  # masking may not touch the hash or anything else
                connection.execute(text("UPDATE audit_log SET redacted_at = CURRENT_TIMESTAMP, actor = 'ktoś'"))
        with engine.begin() as connection:
            connection.execute(text("UPDATE audit_log SET redacted_at = CURRENT_TIMESTAMP, changes = '{}' "
                                    "WHERE id = (SELECT MAX(id) FROM audit_log)"))
        with pytest.raises(DBAPIError, match="nie można zmieniać"):
            with engine.begin() as connection:  # and a masked entry stays as masked
                connection.execute(text("UPDATE audit_log SET changes = 'x', redacted_at = CURRENT_TIMESTAMP "
                                        "WHERE redacted_at IS NOT NULL"))
    finally:
        engine.dispose()
    result = verify_log(db)
    assert not result.intact and result.reason == "unaccounted"
    assert "poza anonimizacją" in result.reason_text()
