"""Volunteering rules that need no database: the limits of the act, dates a check stays valid, the warnings
about checks for work with children, the state of an agreement, and reading and showing numbers of hours.

The rules come from the act of 24 April 2003 on public-benefit activity and volunteering (art. 42-46) and
the act of 13 May 2016 on counteracting sexual crime (art. 21): an agreement of more than 30 days is in
writing, a shorter one needs accident insurance (NNW); a minor volunteers with a guardian's written consent;
whoever works with children is checked in the sex-offender register and shows a criminal-record certificate,
re-checked by the office's policy (by default every 12 months — the act sets no expiry, art. 21 requires
the check before the work starts), with a warning 30 days before; hours are at most 24 on one day.

The services in ``pal_desktop.services.volunteers`` (the registry), ``volunteer_agreements``,
``volunteer_hours`` and ``volunteer_alerts`` apply them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from pal_desktop.domain import validation as rules
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP

#: An agreement for more than this many days must be in writing; up to it the volunteer is insured (NNW).
WRITTEN_FORM_DAYS = 30
#: The office's policy when its settings name none: a register check and a criminal-record certificate are
#: repeated after this many months. The act sets no expiry (art. 21 requires them before the work starts).
CHECK_VALID_MONTHS = 12
#: Warn this many days before a check runs out.
CHECK_WARN_DAYS = 30
#: Warn about agreements ending within this many days.
AGREEMENT_WARN_DAYS = 14
MAX_DAY_HOURS = Decimal(24)
ADULT_AGE = 18


FIELD_LABELS = {
    "first_name": QT_TRANSLATE_NOOP("Fields", "Imię"),
    "last_name": QT_TRANSLATE_NOOP("Fields", "Nazwisko"),
    "birth_date": QT_TRANSLATE_NOOP("Fields", "Data urodzenia"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Telefon"),
    "email": QT_TRANSLATE_NOOP("Fields", "E-mail"),
    "register_check_date": QT_TRANSLATE_NOOP("Fields", "Sprawdzenie w Rejestrze Sprawców Przestępstw na Tle "
                                                      "Seksualnym"),
    "criminal_record_date": QT_TRANSLATE_NOOP("Fields", "Informacja z Krajowego Rejestru Karnego"),
    "guardian_consent_date": QT_TRANSLATE_NOOP("Fields", "Zgoda przedstawiciela ustawowego"),
    "residence_statement_date": QT_TRANSLATE_NOOP("Fields", "Oświadczenie o krajach zamieszkania (20 lat)"),
    "foreign_countries": QT_TRANSLATE_NOOP("Fields", "Inne kraje zamieszkania"),
    "foreign_record_date": QT_TRANSLATE_NOOP("Fields", "Informacja z rejestrów karnych tych krajów"),
    "number": QT_TRANSLATE_NOOP("Fields", "Numer porozumienia"),
    "signed_date": QT_TRANSLATE_NOOP("Fields", "Data zawarcia"),
    "start_date": QT_TRANSLATE_NOOP("Fields", "Początek"),
    "end_date": QT_TRANSLATE_NOOP("Fields", "Koniec"),
    "scope": QT_TRANSLATE_NOOP("Fields", "Zakres świadczeń"),
    "manner": QT_TRANSLATE_NOOP("Fields", "Sposób wykonywania"),
    "time_description": QT_TRANSLATE_NOOP("Fields", "Czas wykonywania"),
    "place": QT_TRANSLATE_NOOP("Fields", "Miejsce"),
    "termination_terms": QT_TRANSLATE_NOOP("Fields", "Rozwiązanie porozumienia"),
    "health_safety_date": QT_TRANSLATE_NOOP("Fields", "Informacja o ryzyku i zasadach BHP"),
    "work_date": QT_TRANSLATE_NOOP("Fields", "Data"),
    "hours": QT_TRANSLATE_NOOP("Fields", "Liczba godzin"),
    "activity": QT_TRANSLATE_NOOP("Fields", "Czynności"),
    "address": QT_TRANSLATE_NOOP("Fields", "Adres"),
    "skills": QT_TRANSLATE_NOOP("Fields", "Umiejętności"),
    "availability": QT_TRANSLATE_NOOP("Fields", "Dostępność"),
    "works_with_children": QT_TRANSLATE_NOOP("Fields", "Praca z dziećmi"),
    "travel_cost_waiver": QT_TRANSLATE_NOOP("Fields", "Zwolnienie z kosztów podróży i diet"),
    "active": QT_TRANSLATE_NOOP("Fields", "Aktywny"),
    "notes": QT_TRANSLATE_NOOP("Fields", "Uwagi"),
    "written_form": QT_TRANSLATE_NOOP("Fields", "Forma pisemna"),
    "nnw_insurance": QT_TRANSLATE_NOOP("Fields", "Ubezpieczenie NNW"),
    "reimbursed_costs": QT_TRANSLATE_NOOP("Fields", "Inne koszty do zwrotu"),
    "nnw_insurer": QT_TRANSLATE_NOOP("Fields", "Ubezpieczyciel NNW"),
    "nnw_policy_number": QT_TRANSLATE_NOOP("Fields", "Numer polisy NNW"),
    "nnw_from": QT_TRANSLATE_NOOP("Fields", "Polisa NNW od"),
    "nnw_to": QT_TRANSLATE_NOOP("Fields", "Polisa NNW do"),
}


def _d(value: dt.date | None) -> str:
    """dd.mm.rrrr, or an empty string (as ``services.formatting.format_date``)."""
    return value.strftime("%d.%m.%Y") if value else ""


def hours_text(value: Decimal | float | int | None) -> str:
    """12.50 -> "12,5"; 3 -> "3" (Polish decimal comma, no trailing zeros)."""
    if value is None:
        return "0"
    text = f"{Decimal(str(value)).quantize(Decimal('0.01')):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the last day of the month when it has fewer days)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError(day)  # pragma: no cover


def check_valid_until(checked_on: dt.date, months: int = CHECK_VALID_MONTHS) -> dt.date:
    """The last day before the office's policy asks for a check of ``checked_on`` to be repeated."""
    return add_months(checked_on, months) - dt.timedelta(days=1)


def agreement_days(start: dt.date, end: dt.date) -> int:
    """How many days the work lasts, both ends included."""
    return (end - start).days + 1


@dataclass(frozen=True)
class Notice:
    """A warning for the user: a Polish template (marked for translation) and the values for its placeholders.

    The UI translates ``template`` in ``context`` and fills it with ``params``; ``str()`` gives the Polish text.
    """

    template: str
    params: dict = field(default_factory=dict)
    context: str = "Volunteers"

    def text(self, template: str | None = None) -> str:
        try:
            return (template or self.template).format(**self.params)
        except (KeyError, IndexError, ValueError):
            return template or self.template

    def __str__(self) -> str:
        return self.text()


def work_value(hours: Decimal, rate: Decimal | None) -> Decimal | None:
    if rate is None:
        return None
    return (Decimal(hours) * rate).quantize(Decimal("0.01"))


def is_minor(birth_date: dt.date | None, day: dt.date) -> bool:
    return birth_date is not None and rules.age_on(birth_date, day) < ADULT_AGE


_CHECK_NOTICES = {
    ("register", "missing"): QT_TRANSLATE_NOOP(
        "Volunteers", "Praca z dziećmi — brak sprawdzenia w Rejestrze Sprawców Przestępstw na Tle Seksualnym."),
    ("register", "expired"): QT_TRANSLATE_NOOP(
        "Volunteers", "Praca z dziećmi — sprawdzenie w rejestrze sprawców z dnia {date}: według polityki ośrodka "
                      "(co {months} mies.) do powtórzenia od {since}."),
    ("register", "expiring"): QT_TRANSLATE_NOOP(
        "Volunteers", "Praca z dziećmi — sprawdzenie w rejestrze sprawców z dnia {date}: według polityki ośrodka "
                      "(co {months} mies.) do powtórzenia do {until}."),
    ("record", "missing"): QT_TRANSLATE_NOOP(
        "Volunteers", "Praca z dziećmi — brak informacji z Krajowego Rejestru Karnego."),
    ("record", "expired"): QT_TRANSLATE_NOOP(
        "Volunteers", "Praca z dziećmi — informacja z KRK z dnia {date}: według polityki ośrodka (co {months} mies.) "
                      "do powtórzenia od {since}."),
    ("record", "expiring"): QT_TRANSLATE_NOOP(
        "Volunteers", "Praca z dziećmi — informacja z KRK z dnia {date}: według polityki ośrodka (co {months} mies.) "
                      "do powtórzenia do {until}."),
}


def check_state(checked_on: dt.date | None, today: dt.date, months: int = CHECK_VALID_MONTHS) -> str:
    """ "missing", "expired" (due again by the office's policy), "expiring" (within 30 days) or "valid"."""
    if checked_on is None:
        return "missing"
    until = check_valid_until(checked_on, months)
    if until < today:
        return "expired"
    if (until - today).days < CHECK_WARN_DAYS:
        return "expiring"
    return "valid"


def check_warnings(register_check: dt.date | None, criminal_record: dt.date | None,
                   today: dt.date, months: int = CHECK_VALID_MONTHS) -> list[Notice]:
    """Warnings about checks for work with children that are missing or due again by the office's policy."""
    notices = []
    for which, value in (("register", register_check), ("record", criminal_record)):
        state = check_state(value, today, months)
        if state == "valid":
            continue
        params = {}
        if value is not None:
            until = check_valid_until(value, months)
            params = {"date": _d(value), "until": _d(until), "since": _d(until + dt.timedelta(days=1)),
                      "months": months}
        notices.append(Notice(_CHECK_NOTICES[(which, state)], params))
    return notices


def agreement_state(start: dt.date, end: dt.date, today: dt.date) -> str:
    """ "future", "current", "ending" (within 14 days) or "ended"."""
    if today < start:
        return "future"
    if today > end:
        return "ended"
    if (end - today).days <= AGREEMENT_WARN_DAYS:
        return "ending"
    return "current"


def _decimal(value) -> Decimal:
    if value is None:
        return Decimal("0.00")
    return Decimal(str(value)).quantize(Decimal("0.01"))


def parse_hours(value: Decimal | str | float | int | None) -> Decimal:
    """The number of hours typed ("2,5", "2.5", 2.5); ValidationError (field "hours") when impossible."""
    text = "" if value is None else str(value).strip().replace(",", ".").replace(" ", "")
    if not text:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „{label}” nie może być puste."), field="hours",
                              label=FIELD_LABELS["hours"])
    try:
        amount = Decimal(text)
        if not amount.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Liczba godzin musi być liczbą, np. 2,5 (wpisano: „{value}”)."), field="hours",
            value=str(value)) from None
    shown = str(value).strip()
    if amount < 0:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Liczba godzin nie może być ujemna (wpisano: „{value}”)."), field="hours", value=shown)
    if amount == 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Liczba godzin musi być większa od zera."),
                              field="hours")
    if amount > MAX_DAY_HOURS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Liczba godzin w jednym dniu nie może przekraczać 24 (wpisano: „{value}”)."),
            field="hours", value=shown)
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Podaj godziny z dokładnością do setnych części, np. 1,25 (wpisano: „{value}”)."),
            field="hours", value=shown)
    return amount.quantize(Decimal("0.01"))


def check_period(date_from: dt.date | None, date_to: dt.date | None) -> None:
    if date_from is None or date_to is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Podaj okres: datę początkową i końcową."),
                              field="date_from" if date_from is None else "date_to")
    if date_to < date_from:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Koniec okresu ({end}) nie może być wcześniejszy niż jego początek ({start})."),
            field="date_to", start=_d(date_from), end=_d(date_to))


__all__ = [
    "ADULT_AGE", "AGREEMENT_WARN_DAYS", "CHECK_VALID_MONTHS", "CHECK_WARN_DAYS", "FIELD_LABELS", "MAX_DAY_HOURS",
    "WRITTEN_FORM_DAYS", "Notice", "add_months", "agreement_days", "agreement_state", "check_period", "check_state",
    "check_valid_until", "check_warnings", "hours_text", "is_minor", "parse_hours", "work_value",
]
