"""Internships (staż) with their monthly attendance, and cash assistance (pomoc pieniężna) of a participant.

Art. 100 of the social-assistance act: this data is for the office only — nothing here goes into any export.
Amounts are ``Decimal``; reading "450,50" typed by the user is the UI's business.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from pal_desktop.domain import validation as rules
from pal_desktop.domain.enums import BenefitType, CashPurpose, ParticipantStatus
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import cash_rules, internship_stipend
from pal_desktop.services.access_control import require
from pal_desktop.services.conflicts import refuse_stale
from pal_desktop.services.input_limits import check_input
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import CashAssistance, Internship, InternshipMonth, Participant, Programme

CENT = Decimal("0.01")
MAX_HOURS_PER_WEEK = Decimal(40)
#: A participant who has left cannot start a new internship.
LEFT = (ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT)


def _date(value: dt.date) -> str:
    return value.strftime("%d.%m.%Y")


def _participant(session, participant_id: int) -> Participant:
    person = session.get(Participant, participant_id)
    if person is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma uczestnika o numerze {id}."), id=participant_id)
    return person


def _check_money(value: Decimal | None, field: str, label: str, *, positive: bool = False) -> None:
    if value is None:
        return
    if not value.is_finite() or value != value.quantize(CENT):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "„{label}” może mieć najwyżej dwie cyfry po przecinku (grosze)."), field=field, label=label)
    if positive and value <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "„{label}” musi być większa od zera."), field=field, label=label)
    if value < 0:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "„{label}” nie może być ujemne."), field=field, label=label)


# ---- Internships -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InternshipInput:
    employer_name: str
    start_date: dt.date | None
    end_date: dt.date | None
    employer_address: str = ""
    agreement_number: str = ""
    agreement_date: dt.date | None = None
    supervisor: str = ""
    position_name: str = ""
    hours_per_week: Decimal | None = None
    monthly_stipend: Decimal | None = None
    notes: str = ""
    task_id: int | None = None
    #: As loaded by ``get_internship``; an edit passes the loaded record as ``base`` (see services.conflicts).
    version: int | None = None


def _check_internship(data: InternshipInput) -> None:
    rules.check_required(data.employer_name, "employer_name", QT_TRANSLATE_NOOP("Fields", "Pracodawca"))
    if data.start_date is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „{label}” nie może być puste."),
                              field="start_date", label=QT_TRANSLATE_NOOP("Fields", "Początek stażu"))
    if data.end_date is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „{label}” nie może być puste."),
                              field="end_date", label=QT_TRANSLATE_NOOP("Fields", "Koniec stażu"))
    rules.check_dates_in_order(data.start_date, data.end_date, field="end_date",
                               start_label=QT_TRANSLATE_NOOP("Fields", "Początek stażu"),
                               end_label=QT_TRANSLATE_NOOP("Fields", "Koniec stażu"))
    if data.hours_per_week is not None and not (0 <= data.hours_per_week <= MAX_HOURS_PER_WEEK):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "„{label}” musi być liczbą od 0 do 40."), field="hours_per_week",
            label=QT_TRANSLATE_NOOP("Fields", "Godzin w tygodniu"))
    _check_money(data.monthly_stipend, "monthly_stipend", QT_TRANSLATE_NOOP("Fields", "Stypendium miesięczne"))
    check_input(Internship, data, INTERNSHIP_LABELS)  # lengths, control characters, the stipend's ceiling


def _check_in_programme(session, person: Participant, start: dt.date, end: dt.date) -> None:
    programme = session.get(Programme, person.programme_id)
    if programme is None:
        return
    for field, value in (("start_date", start), ("end_date", end)):
        if not programme.start_date <= value <= programme.end_date:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Staż musi się mieścić w okresie programu: od {start} do {end}."), field=field,
                start=_date(programme.start_date), end=_date(programme.end_date))


def _apply_internship(item: Internship, data: InternshipInput) -> None:
    item.employer_name = " ".join(data.employer_name.split())
    item.employer_address = data.employer_address.strip()
    item.agreement_number = data.agreement_number.strip()
    item.agreement_date = data.agreement_date
    item.supervisor = data.supervisor.strip()
    item.position_name = data.position_name.strip()
    item.start_date = data.start_date
    item.end_date = data.end_date
    item.hours_per_week = data.hours_per_week
    item.monthly_stipend = data.monthly_stipend
    item.notes = data.notes.strip()
    item.task_id = data.task_id


def add_internship(db: Database, participant_id: int, data: InternshipInput) -> int:
    _check_internship(data)
    with db.session() as session:
        person = _participant(session, participant_id)
        if person.status in LEFT:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Uczestnik ma status „{status}” — nie można dodać nowego stażu."), field="general",
                status=person.status.label)
        _check_in_programme(session, person, data.start_date, data.end_date)
        internship_stipend.check_weekly_hours(person, data.hours_per_week)
        item = Internship(participant_id=participant_id)
        _apply_internship(item, data)
        session.add(item)
        session.flush()
        return item.id


def get_internship(db: Database, internship_id: int) -> InternshipInput:
    """The internship as it is stored, ready to be edited."""
    with db.reading() as session:
        item = session.get(Internship, internship_id)
        if item is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma stażu o numerze {id}."), id=internship_id)
        return InternshipInput(**{name: getattr(item, name) for name in InternshipInput.__dataclass_fields__})


INTERNSHIP_LABELS = {
    "employer_name": "Pracodawca", "employer_address": "Adres pracodawcy", "agreement_number": "Nr umowy",
    "agreement_date": "Data umowy", "supervisor": "Opiekun", "position_name": "Stanowisko",
    "start_date": "Staż od", "end_date": "Staż do", "hours_per_week": "Godzin w tygodniu",
    "monthly_stipend": "Stypendium miesięczne", "notes": "Uwagi", "task_id": "Zadanie harmonogramu"}
CASH_LABELS = {
    "benefit_type": "Rodzaj świadczenia", "amount": "Kwota", "decision_number": "Nr decyzji",
    "decision_date": "Data decyzji", "period_from": "Okres od", "period_to": "Okres do",
    "payment_date": "Data wypłaty", "notes": "Uwagi", "purpose": "Cel zasiłku"}


def update_internship(db: Database, internship_id: int, data: InternshipInput, *,
                      base: InternshipInput | None = None) -> None:
    """Save an edit; ``base`` (the record as the form loaded it) refuses a stale one with what changed."""
    _check_internship(data)
    with db.session() as session:
        item = session.get(Internship, internship_id)
        if item is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma stażu o numerze {id}."), id=internship_id)
        refuse_stale(item, base, data, INTERNSHIP_LABELS)
        person = _participant(session, item.participant_id)
        _check_in_programme(session, person, data.start_date, data.end_date)
        internship_stipend.check_weekly_hours(person, data.hours_per_week)
        first, last = data.start_date.replace(day=1), data.end_date
        outside = [m.month for m in item.months if not first <= m.month <= last]
        if outside:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Obecność jest już zapisana za {month} — okres stażu musi obejmować ten miesiąc."),
                field="start_date" if outside[0] < first else "end_date", month=outside[0].strftime("%m.%Y"))
        _apply_internship(item, data)


def remove_internship(db: Database, internship_id: int) -> None:
    with db.session() as session:
        item = session.get(Internship, internship_id)
        if item is not None:
            session.delete(item)


@dataclass(frozen=True)
class MonthLine:
    id: int
    month: dt.date
    days_present: int
    days_absent: int
    hours: Decimal | None
    stipend_paid: Decimal | None


def record_month(db: Database, internship_id: int, month: dt.date, days_present: int, days_absent: int,
                 hours: Decimal | None = None, stipend_paid: Decimal | None = None) -> int:
    """Attendance at the internship in one month (any day of it); a second call for the month replaces it."""
    if month is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „{label}” nie może być puste."), field="month",
                              label=QT_TRANSLATE_NOOP("Fields", "Miesiąc"))
    first = month.replace(day=1)
    length = calendar.monthrange(first.year, first.month)[1]
    for field, value, label in (("days_present", days_present, QT_TRANSLATE_NOOP("Fields", "Dni obecności")),
                                ("days_absent", days_absent, QT_TRANSLATE_NOOP("Fields", "Dni nieobecności"))):
        if value is None or value < 0:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "„{label}” nie może być ujemne."), field=field, label=label)
    if days_present + days_absent > length:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Dni obecności i nieobecności razem ({total}) to więcej niż dni w miesiącu ({days})."),
            field="days_absent", total=days_present + days_absent, days=length)
    if hours is not None and hours < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "„{label}” nie może być ujemne."), field="hours",
                              label=QT_TRANSLATE_NOOP("Fields", "Godziny"))
    _check_money(stipend_paid, "stipend_paid", QT_TRANSLATE_NOOP("Fields", "Wypłacone stypendium"))
    with db.session() as session:
        item = session.get(Internship, internship_id)
        if item is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma stażu o numerze {id}."), id=internship_id)
        if not item.start_date.replace(day=1) <= first <= item.end_date:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Miesiąc {month} jest poza okresem stażu ({start} – {end})."), field="month",
                month=first.strftime("%m.%Y"), start=_date(item.start_date), end=_date(item.end_date))
        internship_stipend.check_month_hours(_participant(session, item.participant_id), days_present, hours)
        row = session.scalar(select(InternshipMonth).where(InternshipMonth.internship_id == internship_id,
                                                           InternshipMonth.month == first))
        if row is None:
            row = InternshipMonth(internship_id=internship_id, month=first)
            session.add(row)
        row.days_present, row.days_absent = days_present, days_absent
        row.hours, row.stipend_paid = hours, stipend_paid
        session.flush()
        return row.id


def internship_months(db: Database, internship_id: int) -> list[MonthLine]:
    with db.reading() as session:
        rows = session.scalars(select(InternshipMonth).where(InternshipMonth.internship_id == internship_id)
                               .order_by(InternshipMonth.month))
        return [MonthLine(r.id, r.month, r.days_present, r.days_absent, r.hours, r.stipend_paid) for r in rows]


# ---- Cash assistance ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CashAssistanceInput:
    benefit_type: BenefitType | None
    amount: Decimal | None
    decision_number: str = ""
    decision_date: dt.date | None = None
    period_from: dt.date | None = None
    period_to: dt.date | None = None
    payment_date: dt.date | None = None
    notes: str = ""
    version: int | None = None
    #: What a zasiłek celowy pays for (art. 39 ust. 2); required for every celowy kind (services.cash_rules).
    purpose: CashPurpose | None = None


def _check_cash(data: CashAssistanceInput, today: dt.date | None) -> None:
    today = today or dt.date.today()
    if data.benefit_type is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „{label}” nie może być puste."),
                              field="benefit_type", label=QT_TRANSLATE_NOOP("Fields", "Rodzaj świadczenia"))
    if data.amount is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „{label}” nie może być puste."),
                              field="amount", label=QT_TRANSLATE_NOOP("Fields", "Kwota"))
    _check_money(data.amount, "amount", QT_TRANSLATE_NOOP("Fields", "Kwota"), positive=True)
    if data.decision_date is not None and data.decision_date > today:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "„{label}” ({date}) nie może być z przyszłości."), field="decision_date",
            label=QT_TRANSLATE_NOOP("Fields", "Data decyzji"), date=_date(data.decision_date))
    rules.check_dates_in_order(data.period_from, data.period_to, field="period_to",
                               start_label=QT_TRANSLATE_NOOP("Fields", "Okres od"),
                               end_label=QT_TRANSLATE_NOOP("Fields", "Okres do"))
    rules.check_dates_in_order(data.decision_date, data.payment_date, field="payment_date",
                               start_label=QT_TRANSLATE_NOOP("Fields", "Data decyzji"),
                               end_label=QT_TRANSLATE_NOOP("Fields", "Data wypłaty"))
    check_input(CashAssistance, data, CASH_LABELS)  # lengths, control characters, the amount's ceiling
    cash_rules.check_by_the_act(data)


def _apply_cash(item: CashAssistance, data: CashAssistanceInput) -> None:
    item.benefit_type = data.benefit_type
    item.purpose = data.purpose if data.benefit_type.is_purpose_kind else None
    item.amount = data.amount
    item.decision_number = data.decision_number.strip()
    item.decision_date = data.decision_date
    item.period_from = data.period_from
    item.period_to = data.period_to
    item.payment_date = data.payment_date
    item.notes = data.notes.strip()


def add_cash(db: Database, participant_id: int, data: CashAssistanceInput, *, today: dt.date | None = None) -> int:
    require(Permission.CASH)
    _check_cash(data, today)
    with db.session() as session:
        person = _participant(session, participant_id)
        cash_rules.check_in_context(session, person, data)
        item = CashAssistance(participant_id=participant_id, programme_id=person.programme_id)
        _apply_cash(item, data)
        session.add(item)
        session.flush()
        return item.id


def get_cash(db: Database, cash_id: int) -> CashAssistanceInput:
    """The cash assistance as it is stored, ready to be edited."""
    require(Permission.CASH)
    with db.reading() as session:
        item = session.get(CashAssistance, cash_id)
        if item is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma pomocy pieniężnej o numerze {id}."), id=cash_id)
        return CashAssistanceInput(**{name: getattr(item, name)
                                      for name in CashAssistanceInput.__dataclass_fields__})


def update_cash(db: Database, cash_id: int, data: CashAssistanceInput, *, today: dt.date | None = None,
                base: CashAssistanceInput | None = None) -> None:
    """Save an edit; ``base`` (the record as the form loaded it) refuses a stale one with what changed."""
    require(Permission.CASH)
    _check_cash(data, today)
    with db.session() as session:
        item = session.get(CashAssistance, cash_id)
        if item is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma pomocy pieniężnej o numerze {id}."), id=cash_id)
        refuse_stale(item, base, data, CASH_LABELS)
        person = _participant(session, item.participant_id)
        cash_rules.check_in_context(session, person, data)
        item.programme_id = person.programme_id
        _apply_cash(item, data)


def remove_cash(db: Database, cash_id: int) -> None:
    require(Permission.CASH)
    with db.session() as session:
        item = session.get(CashAssistance, cash_id)
        if item is not None:
            session.delete(item)


def cash_warnings(db: Database, participant_id: int, data: CashAssistanceInput, *,
                  cash_id: int | None = None) -> tuple:
    """The warnings (``Notice``) the user confirms before ``add_cash``/``update_cash`` (services.cash_rules).

    A record the rules refuse raises their ValidationError first: there is nothing to confirm about it."""
    require(Permission.CASH)
    from pal_desktop.services.organisation import cash_warning_threshold

    _check_cash(data, None)
    threshold = cash_warning_threshold(db)
    with db.reading() as session:
        cash_rules.check_in_context(session, _participant(session, participant_id), data)
        return cash_rules.warnings_for(session, participant_id, data, threshold, cash_id)
