"""The rules of the social-assistance act for a record of cash assistance, and the warnings before saving one.

Sources (ustawa z dnia 12 marca 2004 r. o pomocy społecznej, t.j. Dz.U. 2024 poz. 1283 ze zm.):
- the kinds: art. 37 (stały), 38 (okresowy), 39 (celowy), 39a (celowy in a social contract), 40 (celowy after a
  chance event, a natural or ecological disaster), 41 pkt 1 (specjalny celowy), 41 pkt 2 (celowy or in kind on
  condition of repayment);
- a zasiłek celowy is granted "to meet a necessary living need", listed in art. 39 ust. 2 (food, medicines and
  treatment, fuel, clothing, household items, small repairs, funeral): the purpose is required for every celowy;
- every one is granted by an administrative decision (art. 106 ust. 1): its number and date are required;
- a zasiłek okresowy is granted for a period the centre sets (art. 38 ust. 4): its period is required.
The act sets no upper limit for a zasiłek celowy; ``MAX_AMOUNT`` is this program's guard against a typing
slip (a zero too many), not a rule of law, and the office's own threshold only warns.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from pal_desktop.domain.enums import BenefitType, ParticipantStatus
from pal_desktop.domain.volunteering import Notice
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.formatting import format_money
from pal_desktop.storage.models import CashAssistance, Participant, Programme

#: Refused above these (a typing slip); the disaster kind is higher, as aid to rebuild after a flood can be
#: granted as a zasiłek celowy under art. 40 by a special act.
MAX_AMOUNT = Decimal("30000.00")
MAX_DISASTER_AMOUNT = Decimal("200000.00")
#: Who may receive cash recorded for the programme: a participant, not a candidate or someone on the reserve list.
NOT_PARTICIPANTS = (ParticipantStatus.CANDIDATE, ParticipantStatus.RESERVE)
#: The office setting (organisation.cash_warning_threshold) above which saving asks first.
THRESHOLD_FIELD = "cash_warning_threshold"


def _d(value: dt.date) -> str:
    return value.strftime("%d.%m.%Y")


def _empty(field: str, label: str) -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „{label}” nie może być puste."), field=field,
                           label=label)


def check_by_the_act(data) -> None:
    """The rules that need no database: decision, purpose, period, payment inside the period, amount bounds."""
    if not (data.decision_number or "").strip():
        raise _empty("decision_number", QT_TRANSLATE_NOOP("Fields", "Nr decyzji"))
    if data.decision_date is None:
        raise _empty("decision_date", QT_TRANSLATE_NOOP("Fields", "Data decyzji"))
    kind = data.benefit_type
    if kind.is_purpose_kind and data.purpose is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Podaj cel zasiłku celowego (art. 39 ust. 2 ustawy o pomocy społecznej), np. żywność, "
                          "opał, leki."), field="purpose")
    if kind == BenefitType.PERIODIC and (data.period_from is None or data.period_to is None):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Zasiłek okresowy przyznaje się na okres ustalony w decyzji (art. 38 ust. 4) — podaj "
                          "okres od i do."), field="period_from" if data.period_from is None else "period_to")
    limit = MAX_DISASTER_AMOUNT if kind == BenefitType.CHANCE_EVENT else MAX_AMOUNT
    if data.amount is not None and data.amount > limit:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Kwota {amount} jest nieprawdopodobna dla tego świadczenia (najwyżej {limit}) — "
                          "sprawdź, czy nie wpisano zera za dużo."), field="amount",
            amount=format_money(data.amount), limit=format_money(limit))
    paid = data.payment_date
    if paid is not None:
        if (data.period_from is not None and paid < data.period_from) or (
                data.period_to is not None and paid > data.period_to):
            raise _outside_period(data)


def _outside_period(data) -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP(
        "Validation", "Data wypłaty ({paid}) jest poza okresem z decyzji ({start} – {end})."), field="payment_date",
        paid=_d(data.payment_date), start=_d(data.period_from) if data.period_from else "…",
        end=_d(data.period_to) if data.period_to else "…")


def check_in_context(session, person: Participant, data) -> None:
    """The person a participant at the time, and the payment (or the decision) inside the programme."""
    when = data.payment_date or data.decision_date
    if person.status in NOT_PARTICIPANTS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Osoba ma status „{status}” — pomoc pieniężną w programie ewidencjonuje się tylko "
                          "uczestnikom."), field="general", status=person.status.label)
    if person.start_date is not None and when < person.start_date:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "{date} osoba nie była jeszcze uczestnikiem (uczestniczy od {start})."),
            field="payment_date" if data.payment_date else "decision_date", date=_d(when),
            start=_d(person.start_date))
    if person.end_date is not None and when > person.end_date:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "{date} osoba nie była już uczestnikiem (uczestniczyła do {end})."),
            field="payment_date" if data.payment_date else "decision_date", date=_d(when), end=_d(person.end_date))
    programme = session.get(Programme, person.programme_id) if person.programme_id else None
    if programme is None:
        return
    inside = programme.start_date <= when <= programme.end_date
    period_outside = ((data.period_to is not None and data.period_to < programme.start_date)
                      or (data.period_from is not None and data.period_from > programme.end_date))
    if not inside or period_outside:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pomoc pieniężna musi przypadać w okresie programu: od {start} do {end}."),
            field="payment_date" if not inside and data.payment_date else
            ("decision_date" if not inside else "period_from"),
            start=_d(programme.start_date), end=_d(programme.end_date))


def warnings_for(session, participant_id: int, data, threshold: Decimal | None,
                 cash_id: int | None = None) -> tuple[Notice, ...]:
    """What the user confirms before saving: an amount above the office's threshold, a decision recorded twice."""
    notices = []
    if threshold is not None and data.amount is not None and data.amount > threshold:
        notices.append(Notice(QT_TRANSLATE_NOOP(
            "Cash", "Kwota {amount} przekracza próg {threshold} ustalony przez ośrodek w ustawieniach."),
            {"amount": format_money(data.amount), "threshold": format_money(threshold)}, context="Cash"))
    number = (data.decision_number or "").strip()
    if number:
        query = select(CashAssistance.id).where(CashAssistance.participant_id == participant_id,
                                                CashAssistance.decision_number == number,
                                                CashAssistance.benefit_type == data.benefit_type,
                                                CashAssistance.payment_date == data.payment_date)
        if cash_id is not None:
            query = query.where(CashAssistance.id != cash_id)
        if session.scalar(query.limit(1)) is not None:
            notices.append(Notice(QT_TRANSLATE_NOOP(
                "Cash", "Wypłata z decyzji nr {number} z tą samą datą jest już zapisana."), {"number": number},
                context="Cash"))
    return tuple(notices)
