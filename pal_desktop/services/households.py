"""Households: families whose members are covered by support, participants or not.

A relative who is not a participant may have a PESEL: it gives their birth date and sex (counted in the
reports), it is unique among the members, and the office finds them by it (``search_members``, logged as a
view of personal data like any search that shows a PESEL).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import joinedload

from pal_desktop.domain import validation as rules
from pal_desktop.domain.enums import Sex
from pal_desktop.domain.text import fold
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.access_control import may_see_full_pesel
from pal_desktop.services.access_log import VIEW, log_access
from pal_desktop.services.formatting import mask_pesel
from pal_desktop.services.input_limits import check_input
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Household, HouseholdMember, Participant


@dataclass(frozen=True)
class MemberView:
    id: int
    name: str
    relation: str
    birth_date: dt.date | None
    participant_id: int | None
    is_head: bool
    covered_by_support: bool
    pesel: str = ""  # masked unless the role may see it whole
    sex: Sex | None = None


@dataclass(frozen=True)
class MemberFound:
    """A household member found by name or PESEL, with the family it belongs to."""

    member_id: int
    household_id: int
    household: str
    name: str
    pesel: str  # masked unless asked for and allowed
    birth_date: dt.date | None
    relation: str
    participant_id: int | None
    #: Whose page shows the family: the member's own, else the head's, else any participant's of the family.
    page_participant_id: int | None


@dataclass(frozen=True)
class HouseholdView:
    id: int
    name: str
    address: str
    members: list[MemberView]


@dataclass(frozen=True)
class HouseholdInput:
    name: str
    street_name: str = ""
    house_number: str = ""
    flat_number: str = ""
    postal_code: str = ""
    city: str = ""
    notes: str = ""


def _not_found(household_id: int) -> NotFoundError:
    return NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma gospodarstwa domowego o numerze {id}."), id=household_id)


def create_household(db: Database, data: HouseholdInput, *, head_participant_id: int | None = None) -> int:
    name = rules.check_required(data.name, "name", QT_TRANSLATE_NOOP("Fields", "Nazwa rodziny"))
    postal = rules.check_postal_code(data.postal_code)
    check_input(Household, data, {"name": QT_TRANSLATE_NOOP("Fields", "Nazwa rodziny")})  # lengths, characters
    with db.session() as session:
        household = Household(name=name, street_name=data.street_name.strip(), house_number=data.house_number.strip(),
                              flat_number=data.flat_number.strip(), postal_code=postal, city=data.city.strip(),
                              notes=data.notes.strip())
        session.add(household)
        session.flush()
        if head_participant_id is not None:
            _attach_participant(session, household, head_participant_id, "osoba kierująca rodziną", is_head=True)
        return household.id


def household_from_participant(db: Database, participant_id: int) -> int:
    """A new household named after the participant, at their address, with them at its head."""
    with db.reading() as session:
        person = session.get(Participant, participant_id)
        if person is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma uczestnika o numerze {id}."), id=participant_id)
        data = HouseholdInput(name=f"Rodzina {person.last_name}", street_name=person.street_name,
                              house_number=person.house_number, flat_number=person.flat_number,
                              postal_code=person.postal_code, city=person.city)
    return create_household(db, data, head_participant_id=participant_id)


def _attach_participant(session, household: Household, participant_id: int, relation: str, *,
                        is_head: bool = False) -> HouseholdMember:
    person = session.get(Participant, participant_id)
    if person is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma uczestnika o numerze {id}."), id=participant_id)
    existing = session.scalar(select(HouseholdMember).where(HouseholdMember.participant_id == participant_id))
    if existing is not None:
        if existing.household_id == household.id:
            return existing
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "{name} należy już do gospodarstwa domowego „{household}”. Najpierw usuń tę osobę z "
                          "tamtego gospodarstwa."), field="participant", name=f"{person.first_name} {person.last_name}",
            household=existing.household.name)
    member = HouseholdMember(household=household, participant_id=participant_id, first_name=person.first_name,
                             last_name=person.last_name, birth_date=person.birth_date, sex=person.sex,
                             search_text=fold(f"{person.last_name} {person.first_name}"), relation=relation.strip(),
                             is_head=is_head, covered_by_support=True)
    session.add(member)
    return member


def follow_participant(participant: Participant) -> None:
    """The family shows and finds a participant by their name and data as they are now (called on each save)."""
    member = participant.membership
    if member is not None:
        member.first_name, member.last_name = participant.first_name, participant.last_name
        member.birth_date, member.sex = participant.birth_date, participant.sex
        member.search_text = fold(f"{participant.last_name} {participant.first_name}")


def add_participant_member(db: Database, household_id: int, participant_id: int, relation: str) -> int:
    with db.session() as session:
        household = session.get(Household, household_id)
        if household is None:
            raise _not_found(household_id)
        member = _attach_participant(session, household, participant_id, relation)
        session.flush()
        return member.id


def _checked_pesel(session, pesel: str, birth_date: dt.date | None,
                   sex: Sex | None) -> tuple[str | None, dt.date | None, Sex | None]:
    """The PESEL (or None), and the birth date and sex it gives; a given date or sex must agree with it."""
    if not (pesel or "").strip():
        return None, birth_date, sex
    number, birth, from_pesel = rules.check_pesel(pesel)
    if birth_date and birth_date != birth:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Data urodzenia {given} nie zgadza się z numerem PESEL ({from_pesel})."),
            field="birth_date", given=birth_date.strftime("%d.%m.%Y"), from_pesel=birth.strftime("%d.%m.%Y"))
    if sex and sex != from_pesel:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Płeć nie zgadza się z numerem PESEL (według PESEL: {sex})."), field="sex",
            sex=from_pesel.label)
    participant = session.scalar(select(Participant.id).where(Participant.pesel == number))
    if participant is not None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Osoba z numerem PESEL {pesel} jest w rejestrze uczestników: dodaj ją przyciskiem "
                          "„Dodaj uczestnika do rodziny…”."), field="pesel", pesel=number, existing_id=participant)
    other = session.scalar(select(HouseholdMember).where(HouseholdMember.pesel == number))
    if other is not None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Osoba z numerem PESEL {pesel} jest już członkiem rodziny „{household}”."), field="pesel",
            pesel=number, household=other.household.name)
    return number, birth, from_pesel


def add_family_member(db: Database, household_id: int, first_name: str, last_name: str, relation: str,
                      birth_date: dt.date | None = None, covered_by_support: bool = True, *, pesel: str = "",
                      sex: Sex | None = None) -> int:
    """A relative who is not a participant but is covered by support; a PESEL gives the birth date and sex."""
    first = rules.check_required(first_name, "first_name", QT_TRANSLATE_NOOP("Fields", "Imię"))
    last = rules.check_required(last_name, "last_name", QT_TRANSLATE_NOOP("Fields", "Nazwisko"))
    # Lengths and control characters from the member's columns, a birth date from 1900 to today.
    check_input(HouseholdMember, {"first_name": first, "last_name": last, "relation": relation.strip(),
                                  "birth_date": birth_date})
    with db.session() as session:
        if session.get(Household, household_id) is None:
            raise _not_found(household_id)
        number, birth_date, sex = _checked_pesel(session, pesel, birth_date, sex)
        member = HouseholdMember(household_id=household_id, first_name=first, last_name=last,
                                 relation=relation.strip(), birth_date=birth_date, pesel=number, sex=sex,
                                 search_text=fold(f"{last} {first}"),
                                 covered_by_support=covered_by_support)
        session.add(member)
        session.flush()
        return member.id


def remove_member(db: Database, member_id: int) -> None:
    with db.session() as session:
        member = session.get(HouseholdMember, member_id)
        if member is not None:
            session.delete(member)


def household_of(db: Database, participant_id: int, *, show_full_pesel: bool = False) -> HouseholdView | None:
    with db.reading() as session:
        household_id = session.scalar(select(HouseholdMember.household_id)
                                      .where(HouseholdMember.participant_id == participant_id))
    if household_id is None:
        return None
    return get_household(db, household_id, show_full_pesel=show_full_pesel)


def get_household(db: Database, household_id: int, *, show_full_pesel: bool = False) -> HouseholdView:
    with db.reading() as session:
        household = session.get(Household, household_id)
        if household is None:
            raise _not_found(household_id)
        members = sorted(household.members, key=lambda m: (not m.is_head, m.birth_date or dt.date.max, m.id))
        address = " ".join(part for part in (household.street_name, household.house_number +
                                             (f"/{household.flat_number}" if household.flat_number else ""))
                           if part)
        if household.city:
            address = ", ".join(p for p in (address, f"{household.postal_code} {household.city}".strip()) if p)
        pesel_of = {p.id: p.pesel for p in session.scalars(select(Participant).where(
            Participant.id.in_([m.participant_id for m in members if m.participant_id])))}
        full = may_see_full_pesel(show_full_pesel)
        return HouseholdView(household.id, household.name, address, [
            MemberView(m.id, f"{m.first_name} {m.last_name}".strip(), m.relation, m.birth_date, m.participant_id,
                       m.is_head, m.covered_by_support, _shown_pesel(pesel_of.get(m.participant_id) or m.pesel, full),
                       m.sex) for m in members])


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _shown_pesel(pesel: str | None, full: bool) -> str:
    return (pesel or "") if full else mask_pesel(pesel)


def search_households(db: Database, text: str, limit: int = 50) -> list[tuple[int, str, str, int]]:
    """(id, name, address, members) of households whose name or street contains ``text``."""
    pattern = f"%{text.strip()}%"
    with db.reading() as session:
        counts = (select(HouseholdMember.household_id, func.count().label("members"))
                  .group_by(HouseholdMember.household_id).subquery())
        rows = session.execute(
            select(Household.id, Household.name, Household.street_name, Household.house_number, counts.c.members)
            .outerjoin(counts, counts.c.household_id == Household.id)
            .where((Household.name.ilike(pattern)) | (Household.street_name.ilike(pattern)))
            .order_by(Household.name, Household.id).limit(limit)).all()
    return [(r.id, r.name, f"{r.street_name} {r.house_number}".strip(), r.members or 0) for r in rows]


def search_members(db: Database, text: str, limit: int = 50, *, show_full_pesel: bool = False) -> list[MemberFound]:
    """Household members (participants or not) whose name or PESEL contains ``text``, with their family.

    Each search that finds someone is logged as a view of personal data, naming the participants shown."""
    text = " ".join((text or "").split())
    if len(text) < 2:
        return []
    words = fold(text).split()
    digits = text.replace(" ", "")
    with db.reading() as session:
        condition = and_(*(HouseholdMember.search_text.like(f"%{_escape_like(w)}%", escape="\\") for w in words))
        if digits.isdigit():
            condition = HouseholdMember.pesel.startswith(digits) | HouseholdMember.participant_id.in_(
                select(Participant.id).where(Participant.pesel.startswith(digits)))
        members = session.scalars(select(HouseholdMember).where(condition).options(
            joinedload(HouseholdMember.household)).order_by(
            HouseholdMember.last_name, HouseholdMember.first_name, HouseholdMember.id).limit(limit)).all()
        households = {m.household_id for m in members}
        family = session.execute(select(HouseholdMember.household_id, HouseholdMember.participant_id,
                                        HouseholdMember.is_head).where(
            HouseholdMember.household_id.in_(households), HouseholdMember.participant_id.is_not(None))).all()
        page_of: dict[int, int] = {}
        for household_id, participant_id, _head in sorted(family, key=lambda r: (not r.is_head, r.participant_id)):
            page_of.setdefault(household_id, participant_id)
        pesel_of = {p.id: p.pesel for p in session.scalars(select(Participant).where(
            Participant.id.in_([m.participant_id for m in members if m.participant_id])))}
        full = may_see_full_pesel(show_full_pesel)
        found = [MemberFound(m.id, m.household_id, m.household.name, f"{m.last_name} {m.first_name}".strip(),
                             _shown_pesel(pesel_of.get(m.participant_id) or m.pesel, full), m.birth_date, m.relation,
                             m.participant_id, m.participant_id or page_of.get(m.household_id))
                 for m in members]
    if found:
        log_access(db, VIEW, "household_member_search", [f.participant_id for f in found if f.participant_id],
                   count=len(found), full_pesel=full)
    return found
