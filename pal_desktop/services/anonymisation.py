"""Anonymising a programme's participants after its archiving deadline, and erasing a candidate (RODO art. 17).

What identifies a person goes: names, PESEL, document, address, contact data, free-text notes, decision and
agreement numbers, the names of their household, the images of signed lists. What the reports count stays:
sex, the age at start (the birth date becomes the day that many years before the start), education,
disability, dates, statuses, reasons, support, attendance, cash and internship figures, so every report
figure is the same before and after.

The rows are changed with bulk statements, not through the ORM, so the change hook does not copy the old
names into the log; the log's existing entries about the people are masked instead (``audit_chain.redact``)
and one entry says who anonymised, when, why and how many entries were masked. Afterwards the database is
rewritten (``storage.maintenance.scrub``) so that the old values are left in no free page and no WAL.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select, update

from pal_desktop.domain.enums import ParticipantStatus
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import ConflictError, NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.progress import ProgressCallback, report, scaled
from pal_desktop.services.access_control import require
from pal_desktop.services.formatting import format_date
from pal_desktop.storage import audit_chain, maintenance
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import (
    Animator,
    Attendance,
    AuditEntry,
    CashAssistance,
    Event,
    Household,
    HouseholdMember,
    Internship,
    Participant,
    Programme,
    ScannedListEvent,
    ScannedListPage,
    Setting,
    SupportPathItem,
    current_actor,
)
from pal_desktop.storage.models.base import utcnow

#: What an anonymised person is called on every list and page that still shows them.
ANONYMOUS_NAME = "(zanonimizowano)"
#: Who may be erased instead of anonymised: people who never joined the programme.
ERASABLE = (ParticipantStatus.CANDIDATE, ParticipantStatus.RESERVE)
_BATCH = 500
SCRUB_PENDING = "anonymisation.scrub_pending"


@dataclass(frozen=True)
class AnonymisationResult:
    people: int
    erased: bool
    redacted_entries: int
    scans_cleared: int
    #: False when another program kept the database open and old pages could not all be rewritten yet.
    scrubbed: bool


@dataclass(frozen=True)
class ArchiveState:
    """What the archiving dialog shows of one programme."""

    programme_id: int
    title: str
    end: dt.date
    archive_until: dt.date | None
    anonymised_at: dt.datetime | None
    participants: int
    version: int

    def may_anonymise_on(self, day: dt.date) -> bool:
        return self.anonymised_at is None and self.archive_until is not None and day > self.archive_until


def archive_state(db: Database, programme_id: int) -> ArchiveState:
    with db.reading() as session:
        programme = _programme(session, programme_id)
        people = session.scalar(select(func.count(Participant.id)).where(
            Participant.programme_id == programme_id, Participant.anonymised_at.is_(None))) or 0
        return ArchiveState(programme.id, programme.title, programme.end_date, programme.archive_until,
                            programme.anonymised_at, people, programme.version)


def set_archive_deadline(db: Database, programme_id: int, deadline: dt.date | None, *,
                         expected_version: int | None = None) -> None:
    """The date until which the funder requires the programme's records kept (none: not yet known)."""
    require(Permission.PROGRAMME)
    with db.session() as session:
        programme = _programme(session, programme_id)
        if expected_version is not None and programme.version != expected_version:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "Anonymisation", "Ktoś inny zmienił w międzyczasie dane programu (termin archiwizacji: {deadline}). "
                                 "Nic nie zapisano; sprawdź termin i zapisz ponownie."),
                deadline=format_date(programme.archive_until) if programme.archive_until else "—")
        if deadline is not None and deadline < programme.end_date:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Anonymisation", "Termin archiwizacji ({deadline}) nie może być wcześniejszy niż koniec programu "
                                 "({end})."), field="archive_until", deadline=format_date(deadline),
                end=format_date(programme.end_date))
        programme.archive_until = deadline


def _programme(session, programme_id: int) -> Programme:
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma programu o numerze {id}."), id=programme_id)
    return programme


def _check_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if len(reason) < 3:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Anonymisation", "Podaj powód anonimizacji (np. „upływ okresu archiwizacji” albo „żądanie osoby z "
                             "dnia …”)."), field="reason")
    return reason[:500]


def _check_deadline(programme: Programme, today: dt.date) -> None:
    if programme.archive_until is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Anonymisation", "Program „{title}” nie ma ustawionego terminu archiwizacji; ustaw go w danych "
                             "programu, zanim zanonimizujesz uczestników."), field="archive_until",
            title=programme.title)
    if today <= programme.archive_until:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Anonymisation", "Dane programu „{title}” trzeba przechowywać do {deadline}; anonimizacja będzie "
                             "możliwa od następnego dnia."), field="archive_until", title=programme.title,
            deadline=format_date(programme.archive_until))


def anonymise_programme(db: Database, programme_id: int, reason: str = "upływ okresu archiwizacji", *,
                        today: dt.date | None = None, progress: ProgressCallback | None = None) -> AnonymisationResult:
    """Anonymise every participant of a programme whose archiving deadline has passed. Irreversible.

    Cancelling (``progress`` returning False) rolls everything back until the commit; the rewrite of the
    file that follows it cannot be cancelled."""
    require(Permission.ANONYMISE)
    reason = _check_reason(reason)
    today = today or dt.date.today()
    with db.session() as session:
        programme = _programme(session, programme_id)
        if programme.anonymised_at is not None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Anonymisation", "Uczestników programu „{title}” zanonimizowano już {when}; nie ma czego "
                                 "anonimizować ponownie."), title=programme.title,
                when=format_date(programme.anonymised_at.date()))
        _check_deadline(programme, today)
        people = list(session.scalars(select(Participant.id).where(Participant.programme_id == programme_id,
                                                                   Participant.anonymised_at.is_(None))))
        maintenance.secure_delete(session)
        now = utcnow()
        cleared = _anonymise_people(session, people, now, scaled(progress, 0, 70))
        scans = _clear_scans(session, select(Event.id).where(Event.programme_id == programme_id))
        entries = _entries_about(session, people, cleared)
        report(progress, 80, 100)
        redacted = audit_chain.redact(session.connection(), entries)
        report(progress, 90, 100)
        programme.anonymised_at = now
        session.flush()
        _log(session, "programme", programme_id, [], reason, people=len(people), redacted=redacted,
             erased=False)
    return AnonymisationResult(len(people), False, redacted, scans, finish_scrub(db))


def anonymise_participant(db: Database, participant_id: int, reason: str, *, today: dt.date | None = None,
                          progress: ProgressCallback | None = None) -> AnonymisationResult:
    """One person: a candidate who never joined is erased (art. 17); a participant is anonymised, but only
    after the programme's archiving deadline (the funder's retention is a legal obligation, art. 17(3)(b))."""
    require(Permission.ANONYMISE)
    reason = _check_reason(reason)
    today = today or dt.date.today()
    with db.session() as session:
        person = session.get(Participant, participant_id)
        if person is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma uczestnika o numerze {id}."), id=participant_id)
        if person.anonymised_at is not None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Anonymisation", "Uczestnika nr {id} zanonimizowano już {when}."), id=participant_id,
                when=format_date(person.anonymised_at.date()))
        erase = _never_joined(session, person)
        if not erase:
            _check_deadline(_programme(session, person.programme_id), today)
        maintenance.secure_delete(session)
        scans = _clear_scans(session, select(Attendance.event_id).where(Attendance.participant_id == participant_id))
        cleared = _anonymise_people(session, [participant_id], utcnow(), progress)
        entries = _entries_about(session, [participant_id], cleared)
        if erase:
            session.expire_all()  # the bulk statements above moved the row's version on
            session.delete(session.get(Participant, participant_id))
            session.flush()
        redacted = audit_chain.redact(session.connection(), entries)
        _log(session, "participant", participant_id, [participant_id], reason, people=1, redacted=redacted,
             erased=erase)
    return AnonymisationResult(1, erase, redacted, scans, finish_scrub(db))


def scrub_pending(db: Database) -> bool:
    """True after an anonymisation whose rewrite of the file another open connection kept from finishing."""
    with db.reading() as session:
        return session.scalar(select(Setting.value).where(Setting.key == SCRUB_PENDING)) == "1"


def finish_scrub(db: Database) -> bool:
    """Rewrite the database file so that no free page keeps removed values; remembers when it could not."""
    require(Permission.ANONYMISE)
    done = maintenance.scrub(db)
    wanted = "" if done else "1"
    if scrub_pending(db) != (not done):
        with db.session() as session:
            setting = session.scalar(select(Setting).where(Setting.key == SCRUB_PENDING))
            if setting is None:
                session.add(Setting(key=SCRUB_PENDING, value=wanted))
            else:
                setting.value = wanted
        if done and db.backend == "sqlite":  # the flag just cleared went through the WAL; empty it again
            maintenance.scrub(db)
    return done


def _never_joined(session, person: Participant) -> bool:
    if person.status not in ERASABLE or person.start_date is not None:
        return False
    attended = session.scalar(select(func.count(Attendance.id)).where(Attendance.participant_id == person.id))
    return not attended


@dataclass
class _Cleared:
    """Rows other than the participants' own whose names went, for finding their log entries."""

    households: set[int]
    members: set[int]
    animators: set[int]


def _anonymise_people(session, ids: list[int], now: dt.datetime, progress: ProgressCallback | None) -> _Cleared:
    cleared = _Cleared(set(), set(), set())
    for start in range(0, len(ids), _BATCH):
        report(progress, start, len(ids))
        chunk = ids[start:start + _BATCH]
        births = [{"person": person_id, "birth": same_age_birth_date(birth, began)}
                  for person_id, birth, began in session.execute(select(
                      Participant.id, Participant.birth_date, Participant.start_date).where(Participant.id.in_(chunk)))]
        if births:  # one executemany, not a statement per person
            table = Participant.__table__
            session.execute(table.update().where(table.c.id == bindparam("person")).values(
                birth_date=bindparam("birth")), births)
        session.execute(update(Participant).where(Participant.id.in_(chunk)).values(
            first_name="", last_name=ANONYMOUS_NAME, pesel=None, no_pesel=True, document_number="",
            street_id=None, street_name="", outside_area_reason="", house_number="", flat_number="",
            postal_code="", city="", phone="", email="", labour_status_detail="", end_situation="", notes="",
            employed_at="",  # the employer's name can point at the person in a small municipality
            search_text="", sort_key=ANONYMOUS_NAME.casefold(), anonymised_at=now, **_stamp(Participant)))
        session.execute(update(SupportPathItem).where(SupportPathItem.participant_id.in_(chunk))
                        .values(notes="", **_stamp(SupportPathItem)))
        session.execute(update(CashAssistance).where(CashAssistance.participant_id.in_(chunk))
                        .values(decision_number="", notes="", **_stamp(CashAssistance)))
        session.execute(update(Internship).where(Internship.participant_id.in_(chunk))
                        .values(agreement_number="", notes="", **_stamp(Internship)))
        animators = set(session.scalars(select(Animator.id).where(Animator.participant_id.in_(chunk))))
        if animators:
            session.execute(update(Animator).where(Animator.id.in_(animators)).values(
                first_name="", last_name=ANONYMOUS_NAME, phone="", email="", notes="", **_stamp(Animator)))
        cleared.animators |= animators
        cleared.households |= set(session.scalars(select(HouseholdMember.household_id).where(
            HouseholdMember.participant_id.in_(chunk))))
    for start in range(0, len(ids), _BATCH):
        members = set(session.scalars(select(HouseholdMember.id).where(
            HouseholdMember.participant_id.in_(ids[start:start + _BATCH]))))
        _clear_members(session, members)
        cleared.members |= members
    _clear_households(session, cleared)
    return cleared


def same_age_birth_date(birth: dt.date | None, start: dt.date | None) -> dt.date | None:
    """A birth date that gives the same age in whole years at the start, and no other fact about the day."""
    if birth is None:
        return None
    if start is None:
        return dt.date(birth.year, 1, 1)
    age = start.year - birth.year - ((start.month, start.day) < (birth.month, birth.day))
    try:
        return start.replace(year=start.year - age)
    except ValueError:  # 29 February
        return start.replace(year=start.year - age, day=28)


def _clear_members(session, member_ids: Iterable[int]) -> None:
    member_ids = list(member_ids)
    for start in range(0, len(member_ids), _BATCH):
        session.execute(update(HouseholdMember).where(HouseholdMember.id.in_(member_ids[start:start + _BATCH]))
                        .values(first_name="", last_name=ANONYMOUS_NAME, relation="", pesel=None, search_text="",
                                **_stamp(HouseholdMember)))


def _clear_households(session, cleared: _Cleared) -> None:
    """A household whose every participant is anonymised loses its name, address and family names too."""
    households = sorted(cleared.households)
    for start in range(0, len(households), _BATCH):
        chunk = households[start:start + _BATCH]
        still_named = set(session.scalars(select(HouseholdMember.household_id).join(
            Participant, Participant.id == HouseholdMember.participant_id).where(
            HouseholdMember.household_id.in_(chunk), Participant.anonymised_at.is_(None)).distinct()))
        done = [household_id for household_id in chunk if household_id not in still_named]
        if not done:
            continue
        session.execute(update(Household).where(Household.id.in_(done)).values(
            name=ANONYMOUS_NAME, street_name="", house_number="", flat_number="", postal_code="", city="",
            notes="", **_stamp(Household)))
        family = set(session.scalars(select(HouseholdMember.id).where(HouseholdMember.household_id.in_(done))))
        _clear_members(session, family - cleared.members)
        cleared.members |= family


def _stamp(model) -> dict:
    return {"version": model.version + 1, "updated_at": utcnow(), "updated_by": current_actor.get()}


def _clear_scans(session, events) -> int:
    """The images of signed lists show names and signatures: they go; what was read from them stays."""
    pages = list(session.scalars(select(ScannedListEvent.page_id).where(ScannedListEvent.event_id.in_(events))
                                 .distinct()))
    for start in range(0, len(pages), _BATCH):
        session.execute(update(ScannedListPage).where(ScannedListPage.id.in_(pages[start:start + _BATCH]))
                        .values(image=b"", source_name="", **_stamp(ScannedListPage)))
    return len(pages)


def _entries_about(session, people: list[int], cleared: _Cleared) -> list[int]:
    """Log entries that may hold the people's values: those naming them, and changes of their households,
    family members and animator records."""
    wanted = set(people)
    found: list[int] = []
    log = AuditEntry.__table__
    if len(wanted) <= 20:
        for person_id in wanted:
            found += session.scalars(select(log.c.id).where(log.c.subject_ids.like(f"%,{person_id},%"),
                                                            log.c.changes != "", log.c.redacted_at.is_(None)))
    else:
        after = 0
        while True:
            rows = session.execute(select(log.c.id, log.c.subject_ids).where(
                log.c.id > after, log.c.subject_ids != "", log.c.changes != "", log.c.redacted_at.is_(None))
                .order_by(log.c.id).limit(20000)).all()
            if not rows:
                break
            found += [row.id for row in rows if wanted.intersection(audit_chain.parse_subjects(row.subject_ids))]
            after = rows[-1].id
    for table, ids in (("household", cleared.households), ("household_member", cleared.members),
                       ("animator", cleared.animators)):
        ids = sorted(ids)
        for start in range(0, len(ids), _BATCH):
            found += session.scalars(select(log.c.id).where(
                log.c.table_name == table, log.c.record_id.in_(ids[start:start + _BATCH]), log.c.changes != "",
                log.c.redacted_at.is_(None)))
    return found


def _log(session, table: str, record_id: int, subjects: list[int], reason: str, *, people: int, redacted: int,
         erased: bool) -> None:
    facts = {"reason": reason, "people": people, audit_chain.REDACTED_COUNT: redacted}
    if erased:
        facts["erased"] = True
    audit_chain.append(session.connection(), [{
        "actor": current_actor.get(), "action": audit_chain.ANONYMISE_ACTION, "table_name": table,
        "record_id": record_id, "subject_ids": audit_chain.subjects_text(subjects),
        "changes": json.dumps(facts, ensure_ascii=False, sort_keys=True)}])


__all__ = ["AnonymisationResult", "ArchiveState", "archive_state", "ANONYMOUS_NAME", "anonymise_programme", "anonymise_participant",
           "set_archive_deadline", "same_age_birth_date", "finish_scrub", "scrub_pending"]
