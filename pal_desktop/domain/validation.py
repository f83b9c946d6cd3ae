"""Field rules shared by forms, imports and services; each failure names the field in Polish.

Functions return a cleaned value or raise ``ValidationError`` with ``field`` set to the attribute name.
"""

from __future__ import annotations

import datetime as dt
import re

from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.pl import pesel as stdnum_pesel

from pal_desktop.domain.enums import Sex
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP

POSTAL_CODE = re.compile(r"^\d{2}-\d{3}$")
EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
PHONE = re.compile(r"^\+?[0-9 ()-]{9,20}$")


def check_pesel(value: str, field: str = "pesel") -> tuple[str, dt.date, Sex]:
    """A valid PESEL, with the birth date and sex it encodes."""
    number = re.sub(r"[\s-]", "", value or "")
    if not number.isdigit() or len(number) != 11:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "PESEL musi mieć 11 cyfr (wpisano: „{value}”)."), field=field, value=value)
    try:
        stdnum_pesel.validate(number)
        birth = stdnum_pesel.get_birth_date(number)
    except InvalidChecksum:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "PESEL „{value}” ma błędną cyfrę kontrolną — sprawdź, czy nie ma literówki."),
            field=field, value=number) from None
    except (InvalidComponent, InvalidFormat, InvalidLength, StdnumError, ValueError):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "PESEL „{value}” zawiera niemożliwą datę urodzenia."), field=field, value=number) from None
    if birth > dt.date.today():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "PESEL „{value}” zawiera datę urodzenia z przyszłości."), field=field, value=number)
    sex = Sex.FEMALE if stdnum_pesel.get_gender(number) == "F" else Sex.MALE
    return number, birth, sex


def check_postal_code(value: str, field: str = "postal_code") -> str:
    value = (value or "").strip()
    if value and not POSTAL_CODE.match(value):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Kod pocztowy musi mieć postać 00-000 (wpisano: „{value}”)."), field=field, value=value)
    return value


def postal_code_with_dash(text: str) -> str:
    """Five digits typed without the dash get it ("42100" -> "42-100"); anything else is left as typed."""
    digits = text.replace("-", "")
    if len(digits) == 5 and digits.isdigit():
        return f"{digits[:2]}-{digits[2:]}"
    return text


def check_email(value: str, field: str = "email") -> str:
    value = (value or "").strip()
    if not value:
        return value
    if not value.isascii():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Adres e-mail nie może zawierać polskich liter ani innych znaków spoza ASCII "
                          "(wpisano: „{value}”)."), field=field, value=value)
    if not EMAIL.match(value):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "„{value}” nie jest poprawnym adresem e-mail (np. jan.kowalski@example.pl)."),
            field=field, value=value)
    return value


def check_phone(value: str, field: str = "phone") -> str:
    value = " ".join((value or "").split())
    if value and not PHONE.match(value):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Numer telefonu może zawierać tylko cyfry, spacje, myślniki i „+” — co najmniej 9 cyfr "
                          "(wpisano: „{value}”)."), field=field, value=value)
    return value


def check_required(value: str, field: str, label: str) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „{label}” nie może być puste."), field=field,
                              label=label)
    return value


def check_dates_in_order(start: dt.date | None, end: dt.date | None, *, field: str, start_label: str,
                         end_label: str) -> None:
    if start and end and end < start:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "„{end_label}” ({end}) nie może być wcześniejsza niż „{start_label}” ({start})."),
            field=field, end_label=end_label, start_label=start_label, end=end.strftime("%d.%m.%Y"),
            start=start.strftime("%d.%m.%Y"))


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


#: Age bands of the funders' indicators.
AGE_BANDS = (("<18", 0, 17), ("18-29", 18, 29), ("30-54", 30, 54), ("55+", 55, 200))


def age_band(birth: dt.date | None, day: dt.date) -> str:
    if birth is None:
        return ""
    age = age_on(birth, day)
    for name, low, high in AGE_BANDS:
        if low <= age <= high:
            return name
    return ""
