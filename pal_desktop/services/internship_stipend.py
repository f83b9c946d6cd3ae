"""The internship stipend due per month from the hours, the working-time limits, and paid against due.

The rule is the programme's (``Programme.stipend_*``); without one the defaults below apply, those of EFS
projects: the monthly stipend is ``DEFAULT_PERCENT`` % of the unemployment benefit for at least
``DEFAULT_FULL_HOURS`` hours in the month, proportionally less for fewer hours.

Sources:
- the 120 % / 160 h rule: the EFS guidelines for labour-market projects (2014-2020 "Wytyczne w zakresie
  realizacji przedsięwzięć z udziałem środków EFS w obszarze rynku pracy", and the 2021-2027 regional
  programmes' rules following them), modelled on the stipend of art. 53 of the act of 20 April 2004 on
  employment promotion. Under the act of 20 March 2025 on the labour market (in force 1 June 2025) a labour
  office's stipend is 160 %: a programme whose funder follows it sets its own percentage;
- ``DEFAULT_BASE``: the zasiłek dla bezrobotnych of the first 90 days from 1 June 2025, 1 721,90 zł
  (obwieszczenie MRPiPS of 19 May 2025; art. 224 ust. 1 of the 2025 act). It changes every 1 June — the
  programme keeps the amount its funder applies;
- the limits: 8 h a day and 40 h a week, 7 h and 35 h for a person with a moderate or severe disability
  (§ 7 ust. 1 of the regulation of 20 August 2009 on internships of the unemployed, Dz.U. 2009 nr 142 poz.
  1160; the same as art. 15 ust. 2 of the act of 27 August 1997 on vocational rehabilitation).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select

from pal_desktop.domain.enums import DisabilityDegree
from pal_desktop.domain.permissions import Permission
from pal_desktop.domain.volunteering import Notice
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.access_control import require
from pal_desktop.services.formatting import format_money
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Internship, InternshipMonth, Participant, Programme

DEFAULT_BASE = Decimal("1721.90")
DEFAULT_PERCENT = Decimal("120")
DEFAULT_FULL_HOURS = 160
CENT = Decimal("0.01")
#: (hours a day, hours a week): everyone, and a person with a moderate or severe disability.
LIMITS = (8, 40)
DISABILITY_LIMITS = (7, 35)
LIMITED = (DisabilityDegree.MODERATE, DisabilityDegree.SEVERE)


@dataclass(frozen=True)
class StipendRule:
    base: Decimal
    percent: Decimal
    full_hours: int
    #: False when the programme sets none and the defaults above apply.
    own: bool = False

    @property
    def full(self) -> Decimal:
        """The stipend for a full month."""
        return (self.base * self.percent / 100).quantize(CENT, rounding=ROUND_HALF_UP)

    def due(self, hours: Decimal | None) -> Decimal | None:
        """The stipend due for ``hours`` in a month (None when the hours are not known)."""
        if hours is None:
            return None
        if hours >= self.full_hours:
            return self.full
        return (self.full * hours / self.full_hours).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class StipendMonth:
    month: dt.date
    hours: Decimal | None
    due: Decimal | None
    paid: Decimal | None

    @property
    def difference(self) -> Decimal | None:
        """Paid minus due: above zero paid too much, below zero too little."""
        return None if self.due is None or self.paid is None else self.paid - self.due


def rule_of(programme: Programme | None) -> StipendRule:
    """The programme's rule, each part it does not set taken from the defaults."""
    values = ((programme.stipend_base, programme.stipend_percent, programme.stipend_full_hours)
              if programme is not None else (None, None, None))
    base, percent, hours = values
    return StipendRule(base or DEFAULT_BASE, percent or DEFAULT_PERCENT, hours or DEFAULT_FULL_HOURS,
                       own=any(value is not None for value in values))


def stipend_rule(db: Database, programme_id: int) -> StipendRule:
    with db.reading() as session:
        return rule_of(session.get(Programme, programme_id))


def stored_rule(db: Database, programme_id: int) -> tuple[Decimal | None, Decimal | None, int | None]:
    """The programme's own (base, percent, full hours) as stored; None where it keeps the default."""
    with db.reading() as session:
        programme = session.get(Programme, programme_id)
        if programme is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma programu o numerze {id}."), id=programme_id)
        return programme.stipend_base, programme.stipend_percent, programme.stipend_full_hours


def programme_of(db: Database, participant_id: int) -> int | None:
    """The programme whose stipend rule applies to the participant's internships."""
    with db.reading() as session:
        person = session.get(Participant, participant_id)
        return person.programme_id if person else None


def set_stipend_rule(db: Database, programme_id: int, base: Decimal | None, percent: Decimal | None,
                     full_hours: int | None) -> StipendRule:
    """The programme's own rule; None in a field keeps its default."""
    require(Permission.PROGRAMME)
    for field, value, low, high, label in (
            ("stipend_base", base, Decimal("0.01"), Decimal("20000"), QT_TRANSLATE_NOOP("Fields", "Kwota zasiłku")),
            ("stipend_percent", percent, Decimal("1"), Decimal("300"), QT_TRANSLATE_NOOP("Fields", "Procent")),
            ("stipend_full_hours", full_hours, 1, 744, QT_TRANSLATE_NOOP("Fields", "Godzin w miesiącu"))):
        if value is not None and not (low <= value <= high):
            raise ValidationError(QT_TRANSLATE_NOOP("Validation", "„{label}” musi być liczbą od {low} do {high}."),
                                  field=field, label=label, low=str(low), high=str(high))
        if isinstance(value, Decimal) and value != value.quantize(CENT):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "„{label}” może mieć najwyżej dwie cyfry po przecinku (grosze)."), field=field,
                label=label)
    with db.session() as session:
        programme = session.get(Programme, programme_id)
        if programme is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma programu o numerze {id}."), id=programme_id)
        programme.stipend_base, programme.stipend_percent, programme.stipend_full_hours = base, percent, full_hours
        session.flush()
        return rule_of(programme)


def limits_of(person: Participant) -> tuple[int, int]:
    return DISABILITY_LIMITS if person.disability_degree in LIMITED else LIMITS


def check_weekly_hours(person: Participant, hours_per_week: Decimal | None) -> None:
    """7 h a day / 35 h a week for a moderate or severe disability: more is refused (§ 7 ust. 1)."""
    daily, weekly = limits_of(person)
    if hours_per_week is not None and hours_per_week > weekly:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Osoba z umiarkowanym lub znacznym stopniem niepełnosprawności może odbywać staż najwyżej "
                          "{daily} godzin na dobę i {weekly} godzin tygodniowo."), field="hours_per_week",
            daily=daily, weekly=weekly)


def check_month_hours(person: Participant, days_present: int, hours: Decimal | None) -> None:
    """The hours of a month at most the days present times the daily limit (8 h, 7 h with a disability)."""
    if hours is None:
        return
    daily, _weekly = limits_of(person)
    if hours > days_present * daily:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "{hours} godz. to więcej niż {days} dni obecności po {daily} godz. ({most} godz.) — "
                          "czas stażu nie może przekraczać {daily} godzin na dobę."), field="hours",
            hours=f"{hours.normalize():f}".replace(".", ","), days=days_present, daily=daily,
            most=days_present * daily)


def _internship(session, internship_id: int) -> Internship:
    item = session.get(Internship, internship_id)
    if item is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma stażu o numerze {id}."), id=internship_id)
    return item


def _rule_for(session, item: Internship) -> StipendRule:
    person = session.get(Participant, item.participant_id)
    return rule_of(session.get(Programme, person.programme_id) if person and person.programme_id else None)


def stipend_months(db: Database, internship_id: int) -> list[StipendMonth]:
    """Each recorded month: the hours, the stipend due by the programme's rule and the stipend paid."""
    with db.reading() as session:
        item = _internship(session, internship_id)
        rule = _rule_for(session, item)
        rows = session.scalars(select(InternshipMonth).where(InternshipMonth.internship_id == internship_id)
                               .order_by(InternshipMonth.month))
        return [StipendMonth(r.month, r.hours, rule.due(r.hours), r.stipend_paid) for r in rows]


def stipend_due(db: Database, internship_id: int, hours: Decimal | None) -> Decimal | None:
    with db.reading() as session:
        return _rule_for(session, _internship(session, internship_id)).due(hours)


def month_warnings(db: Database, internship_id: int, hours: Decimal | None, paid: Decimal | None, *,
                   days_present: int | None = None) -> tuple[Notice, ...]:
    """Paid against due, for the user to confirm before the month is saved; with ``days_present``, hours the
    limits refuse raise their ValidationError first (there is nothing to confirm about them)."""
    with db.reading() as session:
        item = _internship(session, internship_id)
        rule = _rule_for(session, item)
        if days_present is not None:
            check_month_hours(session.get(Participant, item.participant_id), days_present, hours)
    due = rule.due(hours)
    if paid is None:
        return ()
    if due is None:
        return (Notice(QT_TRANSLATE_NOOP(
            "Internships", "Wypłacono {paid}, a nie podano godzin stażu — nie można sprawdzić, ile się należy."),
            {"paid": format_money(paid)}, context="Internships"),)
    if paid == due:
        return ()
    template = (QT_TRANSLATE_NOOP("Internships", "Wypłacono {paid}, a za {hours} godz. należy się {due} — o {diff} "
                                                 "za dużo.") if paid > due else
                QT_TRANSLATE_NOOP("Internships", "Wypłacono {paid}, a za {hours} godz. należy się {due} — o {diff} "
                                                 "za mało."))
    return (Notice(template, {"paid": format_money(paid), "due": format_money(due),
                              "diff": format_money(abs(paid - due)),
                              "hours": f"{hours.normalize():f}".replace(".", ",")}, context="Internships"),)
