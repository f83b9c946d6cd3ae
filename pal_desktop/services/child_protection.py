"""Child protection for everyone who leads or helps at an event with children: animators, volunteers, staff.

Source: the act of 13 May 2016 on counteracting the threats of sexual crime and on the protection of minors
(title since 15 February 2024, amended by the act of 28 July 2023, "lex Kamilek"), art. 21: before admitting
a person to work or activities with children the organiser checks them in the Register of Sex Offenders
(ust. 1) and obtains the National Criminal Register information (ust. 3); a person who has lived in the last 20
years in countries other than Poland and that of their citizenship states those countries and presents their
criminal-record information (ust. 4-7; where a country issues none, a statement under penalty of perjury —
the paragraph numbers follow the issue and are not confirmed against the consolidated text here).

The act sets no period of validity: how often the checks are repeated is the office's policy
(``organisation.child_check_months``, 12 months when not set), and every message says so.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from pal_desktop.domain.enums import LeaderKind
from pal_desktop.domain.volunteering import FIELD_LABELS, Notice, _d, check_warnings
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Animator, Event, EventStaff, Volunteer

CHECK_DATE_FIELDS = ("register_check_date", "criminal_record_date", "residence_statement_date", "foreign_record_date")


def date_errors(data, today: dt.date) -> list[ValidationError]:
    """Dates of checks from the future are refused (for the fields the record has)."""
    errors = []
    for name in CHECK_DATE_FIELDS:
        value = getattr(data, name, None)
        if value is not None and value > today:
            errors.append(ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pole „{label}” nie może mieć daty z przyszłości ({value})."), field=name,
                label=FIELD_LABELS[name], value=_d(value)))
    return errors


def foreign_notices(person) -> list[Notice]:
    """The 20-year residence statement missing, or other countries named without their records."""
    notices = []
    if person.residence_statement_date is None:
        notices.append(Notice(QT_TRANSLATE_NOOP(
            "Volunteers", "Praca z dziećmi — brak oświadczenia o krajach zamieszkania w ostatnich 20 latach "
                          "(art. 21 ustawy o ochronie małoletnich).")))
    if (person.foreign_countries or "").strip() and person.foreign_record_date is None:
        notices.append(Notice(QT_TRANSLATE_NOOP(
            "Volunteers", "Praca z dziećmi — podano inne kraje zamieszkania ({countries}), a brak informacji z ich "
                          "rejestrów karnych."), {"countries": person.foreign_countries.strip()}))
    return notices


def person_notices(person, day: dt.date, months: int) -> list[Notice]:
    """Everything missing, or due again by the office's policy on ``day``, for one animator or volunteer."""
    return check_warnings(person.register_check_date, person.criminal_record_date, day, months) \
        + foreign_notices(person)


def _named(name: str, notices: list[Notice]) -> list[Notice]:
    return [Notice(QT_TRANSLATE_NOOP("Events", "{name}: {problem}"), {"name": name, "problem": str(n)},
                   context="Events") for n in notices]


def event_warnings(db: Database, event_id: int) -> tuple[Notice, ...]:
    """Before an event with children: whoever leads or helps without the checks the event's day needs (the
    checks are judged on that day). Nothing for an event without children."""
    from pal_desktop.services.organisation import child_check_months_in

    with db.reading() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma wydarzenia o numerze {id}."), id=event_id)
        if not event.with_children:
            return ()
        day = event.event_date
        months = child_check_months_in(session)
        notices: list[Notice] = []
        animators = {event.leader_animator_id} | set(session.scalars(
            select(EventStaff.animator_id).where(EventStaff.event_id == event_id, EventStaff.animator_id.is_not(None))))
        volunteers = {event.leader_volunteer_id} | set(session.scalars(
            select(EventStaff.volunteer_id).where(EventStaff.event_id == event_id,
                                                  EventStaff.volunteer_id.is_not(None))))
        for animator in session.scalars(select(Animator).where(Animator.id.in_(animators - {None}))
                                        .order_by(Animator.last_name, Animator.first_name)):
            notices += _named(f"{animator.first_name} {animator.last_name}", person_notices(animator, day, months))
        for volunteer in session.scalars(select(Volunteer).where(Volunteer.id.in_(volunteers - {None}))
                                         .order_by(Volunteer.last_name, Volunteer.first_name)):
            found = person_notices(volunteer, day, months)
            if not volunteer.works_with_children:
                found.insert(0, Notice(QT_TRANSLATE_NOOP(
                    "Volunteers", "nie ma w danych zaznaczonej pracy z dziećmi.")))
            notices += _named(f"{volunteer.first_name} {volunteer.last_name}", found)
        if event.leader_kind in (LeaderKind.STAFF, LeaderKind.TRAINER):
            notices.append(Notice(QT_TRANSLATE_NOOP(
                "Events", "Prowadzi {name} ({kind}): program nie ma ich sprawdzeń — potwierdź, że ośrodek ma "
                          "sprawdzenie w rejestrze sprawców, informację z KRK i oświadczenie o krajach zamieszkania "
                          "(art. 21)."), {"name": event.leader_name or "—", "kind": event.leader_kind.label},
                context="Events"))
        elif event.leader_kind is None and event.leader_animator_id is None and event.leader_volunteer_id is None:
            notices.append(Notice(QT_TRANSLATE_NOOP(
                "Events", "Wydarzenie z udziałem dzieci nie ma prowadzącego — wskaż go, aby sprawdzić jego "
                          "uprawnienia do pracy z dziećmi."), context="Events"))
        return tuple(notices)
