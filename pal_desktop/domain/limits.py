"""What a database column can hold, said before the database says it worse (issue 13, part 3).

SQLite stores a 10,000-character surname without a word, PostgreSQL refuses it with a raw traceback that
prints the row (PESEL included); both take a NUL or a bell character that later blocks an XLSX export. These
checks refuse such input first, the same way on both, naming the field in Polish. The limits themselves come
from the model's columns (``storage/input_guard.py`` reads them); here are only the rules.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP

#: A Text column has no limit in either database; this one keeps a pasted file out of a notes field.
TEXT_LIMIT = 20_000
#: Dates before this are typing errors (a year "0985"), birth dates included.
EARLIEST_DATE = dt.date(1900, 1, 1)
#: Dates after this are typing errors too ("2202" for "2022"); an archive deadline is years ahead, not centuries.
LATEST_DATE = dt.date(2100, 12, 31)
#: PostgreSQL's INTEGER; a larger number typed into a count would end in "integer out of range".
INTEGER_LIMIT = 2**31 - 1
#: Polish names of the stored attributes, for fields that a service does not label itself (the last check,
#: at the flush, names the field with these).
COLUMN_LABELS = {
    "first_name": QT_TRANSLATE_NOOP("Fields", "Imię"),
    "last_name": QT_TRANSLATE_NOOP("Fields", "Nazwisko"),
    "name": QT_TRANSLATE_NOOP("Fields", "Nazwa"),
    "title": QT_TRANSLATE_NOOP("Fields", "Tytuł"),
    "subtitle": QT_TRANSLATE_NOOP("Fields", "Podtytuł"),
    "pesel": QT_TRANSLATE_NOOP("Fields", "PESEL"),
    "document_number": QT_TRANSLATE_NOOP("Fields", "Numer dokumentu"),
    "birth_date": QT_TRANSLATE_NOOP("Fields", "Data urodzenia"),
    "street_name": QT_TRANSLATE_NOOP("Fields", "Ulica"),
    "house_number": QT_TRANSLATE_NOOP("Fields", "Nr domu"),
    "flat_number": QT_TRANSLATE_NOOP("Fields", "Nr lokalu"),
    "postal_code": QT_TRANSLATE_NOOP("Fields", "Kod pocztowy"),
    "city": QT_TRANSLATE_NOOP("Fields", "Miejscowość"),
    "locality": QT_TRANSLATE_NOOP("Fields", "Miejscowość"),
    "address": QT_TRANSLATE_NOOP("Fields", "Adres"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Telefon"),
    "email": QT_TRANSLATE_NOOP("Fields", "E-mail"),
    "notes": QT_TRANSLATE_NOOP("Fields", "Uwagi"),
    "description": QT_TRANSLATE_NOOP("Fields", "Opis"),
    "place": QT_TRANSLATE_NOOP("Fields", "Miejsce"),
    "leader_name": QT_TRANSLATE_NOOP("Fields", "Prowadzący"),
    "role": QT_TRANSLATE_NOOP("Fields", "Rola"),
    "relation": QT_TRANSLATE_NOOP("Fields", "Pokrewieństwo"),
    "form": QT_TRANSLATE_NOOP("Fields", "Forma wsparcia"),
    "employer_name": QT_TRANSLATE_NOOP("Fields", "Pracodawca"),
    "employer_address": QT_TRANSLATE_NOOP("Fields", "Adres pracodawcy"),
    "agreement_number": QT_TRANSLATE_NOOP("Fields", "Numer umowy"),
    "supervisor": QT_TRANSLATE_NOOP("Fields", "Opiekun"),
    "position_name": QT_TRANSLATE_NOOP("Fields", "Stanowisko"),
    "decision_number": QT_TRANSLATE_NOOP("Fields", "Numer decyzji"),
    "amount": QT_TRANSLATE_NOOP("Fields", "Kwota"),
    "hours": QT_TRANSLATE_NOOP("Fields", "Godziny"),
    "hours_per_week": QT_TRANSLATE_NOOP("Fields", "Godzin tygodniowo"),
    "monthly_stipend": QT_TRANSLATE_NOOP("Fields", "Stypendium miesięczne"),
    "stipend_paid": QT_TRANSLATE_NOOP("Fields", "Wypłacone stypendium"),
    "target_value": QT_TRANSLATE_NOOP("Fields", "Wartość docelowa"),
    "start_date": QT_TRANSLATE_NOOP("Fields", "Data rozpoczęcia"),
    "end_date": QT_TRANSLATE_NOOP("Fields", "Data zakończenia"),
    "event_date": QT_TRANSLATE_NOOP("Fields", "Data"),
    "work_date": QT_TRANSLATE_NOOP("Fields", "Data"),
    "activity": QT_TRANSLATE_NOOP("Fields", "Czynności"),
    "skills": QT_TRANSLATE_NOOP("Fields", "Umiejętności"),
    "availability": QT_TRANSLATE_NOOP("Fields", "Dostępność"),
    "field": QT_TRANSLATE_NOOP("Fields", "Dziedzina"),
    "number": QT_TRANSLATE_NOOP("Fields", "Numer"),
    "scope": QT_TRANSLATE_NOOP("Fields", "Zakres"),
    "project_number": QT_TRANSLATE_NOOP("Fields", "Numer projektu"),
    "municipality": QT_TRANSLATE_NOOP("Fields", "Gmina"),
    "organisation": QT_TRANSLATE_NOOP("Fields", "Organizacja"),
    "full_name": QT_TRANSLATE_NOOP("Fields", "Imię i nazwisko"),
    "login": QT_TRANSLATE_NOOP("Fields", "Login"),
    "unit": QT_TRANSLATE_NOOP("Fields", "Jednostka"),
    "text": QT_TRANSLATE_NOOP("Fields", "Treść"),
    "value": QT_TRANSLATE_NOOP("Fields", "Wartość"),
}


def _count(value: int) -> str:
    # The thousands separator of services.formatting.format_count; the domain cannot import the services.
    return f"{value:,}".replace(",", "\u00a0")


#: Cc (NUL, the C0 and C1 controls, DEL) and Cs (a lone surrogate, which no database encodes as UTF-8); a
#: multi-line field keeps new lines (also Windows' \r\n) and tabs. One regular expression each, because every
#: saved and imported text goes through them (a loop per character would cost an import seconds).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _control(value: str, multiline: bool) -> re.Match | None:
    return (_CONTROL_MULTILINE if multiline else _CONTROL).search(value)


def check_text(value: str | None, *, field: str, label: str, limit: int | None, multiline: bool = False) -> None:
    """Refuse text longer than ``limit`` characters or holding a control character (the value is not
    repeated in the message: it may be a PESEL or a note about someone's health)."""
    if not value:
        return
    limit = TEXT_LIMIT if limit is None else limit
    if len(value) > limit:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "{label}: najwyżej {limit} znaków (wpisano {given})."), field=field, label=label,
            limit=_count(limit), given=_count(len(value)))
    found = _control(value, multiline)
    if found is not None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "{label}: niedozwolony znak sterujący (kod {code}) na pozycji {position}. Usuń go; "
                          "często trafia do tekstu przy wklejaniu z innego programu."), field=field,
            label=label, code=f"U+{ord(found.group()):04X}", position=found.start() + 1)


def clean_text(value: str, *, multiline: bool = True) -> str:
    """The text without its control characters (for a stored value that must not stop an export)."""
    return (_CONTROL_MULTILINE if multiline else _CONTROL).sub("", value)


def check_amount(value, *, field: str, label: str, precision: int, scale: int, negative: bool = False) -> None:
    """Refuse a number the Numeric(precision, scale) column cannot hold, or a negative one where that
    makes no sense (an amount, hours, a stipend)."""
    if value is None:
        return
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "{label}: to nie jest liczba."), field=field,
                              label=label) from None
    if not number.is_finite():
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "{label}: to nie jest liczba."), field=field,
                              label=label)
    if number < 0 and not negative:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "{label}: wartość nie może być ujemna."),
                              field=field, label=label)
    ceiling = Decimal(10) ** (precision - scale)
    if abs(number) >= ceiling:
        largest = ceiling - Decimal(1).scaleb(-scale)
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "{label}: najwyżej {largest} (wpisano {given})."), field=field, label=label,
            largest=_plain(largest), given=_plain(number))


def _plain(number: Decimal) -> str:
    whole, _, fraction = f"{number:f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = _count(int(whole.lstrip("-") or 0))
    return f"{sign}{whole},{fraction}" if fraction else f"{sign}{whole}"


def check_integer(value, *, field: str, label: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > INTEGER_LIMIT:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "{label}: liczba jest za duża (najwyżej {largest})."), field=field, label=label,
            largest=_count(INTEGER_LIMIT))


def _shown(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def check_date(value, *, field: str, label: str, birth: bool = False, today: dt.date | None = None) -> None:
    """A date a person could mean: 1900 onwards and before 2101; a birth date not in the future."""
    if not isinstance(value, dt.date):
        return
    day = value.date() if isinstance(value, dt.datetime) else value
    if day < EARLIEST_DATE:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "{label}: data {value} jest wcześniejsza niż 1900 rok — sprawdź rok."), field=field,
            label=label, value=_shown(day))
    if birth and day > (today or dt.date.today()):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "{label}: data {value} jest z przyszłości."), field=field, label=label, value=_shown(day))
    if day > LATEST_DATE:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "{label}: data {value} jest zbyt odległa — sprawdź rok."), field=field, label=label,
            value=_shown(day))


def check_not_before(value: dt.date | None, start: dt.date | None, *, field: str, label: str,
                     programme: str) -> None:
    """Refuse a date before the programme's start (a person joining it, a task of its schedule)."""
    if value is None or start is None or value >= start:
        return
    raise ValidationError(QT_TRANSLATE_NOOP(
        "Validation", "{label}: {value} to data sprzed rozpoczęcia programu „{programme}” ({start})."),
        field=field, label=label, value=_shown(value), start=_shown(start), programme=programme)


__all__ = ["COLUMN_LABELS", "EARLIEST_DATE", "INTEGER_LIMIT", "LATEST_DATE", "TEXT_LIMIT", "check_amount",
           "check_date", "check_integer", "check_not_before", "check_text", "clean_text"]
