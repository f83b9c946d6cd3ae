"""Reading the cells of an office's sheet: PESEL numbers Excel turned into numbers, dates in any of the ways
people type them (or Excel serials), labels of the registry's lists in loose spellings, addresses in one cell.

Each ``parse_*`` returns the value or raises ``ValidationError`` (without a field: the importer adds the row
and the column in the sheet's own words).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from typing import Any

from pal_desktop.domain import validation as rules
from pal_desktop.domain.enums import (
    DisabilityDegree,
    Education,
    LabelledEnum,
    LabourStatus,
    ParticipantStatus,
    Sex,
    SupportReason,
    TriState,
)
from pal_desktop.domain.text import fold
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP


def _bad(message: str, **params) -> ValidationError:
    return ValidationError(message, **params)


@lru_cache(maxsize=65536)
def _pesel_checked(value: str) -> tuple[tuple[str, dt.date, Sex] | None, ValidationError | None]:
    try:
        return rules.check_pesel(value), None
    except ValidationError as error:
        return None, error


def check_pesel_cached(value: str) -> tuple[str, dt.date, Sex]:
    """``rules.check_pesel``, remembered: a file checks each number twice (validation, then completion)."""
    result, error = _pesel_checked(value)
    if error is not None:
        raise ValidationError(error.message, field=error.field, **error.params)
    return result


def cell_text(value: Any) -> str:
    """A cell as text: whole numbers without ".0", dates as dd.mm.rrrr, the CSV export's "'=" unescaped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return QT_TRANSLATE_NOOP("Enums", "Tak") if value else QT_TRANSLATE_NOOP("Enums", "Nie")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y") if value.time() == dt.time() else value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    text = str(value).strip()
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        text = text[1:]
    return text


def parse_pesel(value: Any) -> tuple[str, bool]:
    """(PESEL, no_pesel); a number that lost its leading zero in Excel gets it back."""
    if value is None:
        return "", False
    if isinstance(value, bool):
        return str(value), False
    if isinstance(value, float):
        if not value.is_integer():
            return repr(value), False
        value = int(value)
    if isinstance(value, int):
        text = str(value)
        return (text.zfill(11) if 9 <= len(text) < 11 else text), False
    text = re.sub(r"[\s-]", "", cell_text(value))
    if not text:
        return "", False
    if fold(text) in ("brak", "brakpesel", "nieposiada", "nie"):
        return "", True
    if re.fullmatch(r"\d+\.0+", text):
        text = text.split(".")[0]
    if text.isdigit() and 9 <= len(text) < 11:
        padded = text.zfill(11)
        try:
            check_pesel_cached(padded)
        except ValidationError:
            return text, False  # a typo, not a lost zero: report the number as written
        return padded, False
    return text, False


_DATE_PATTERNS = (
    (re.compile(r"^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})(?:\s*r\.?)?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"), "dmy"),
    (re.compile(r"^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"), "ymd"),
)
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def excel_serial_date(serial: float) -> dt.date:
    """A date from an Excel serial number (1900 date system, Lotus's 29.02.1900 included)."""
    days = int(serial)
    if days < 1 or days > 2958465:
        raise ValueError(serial)
    if days < 60:
        days += 1  # Excel counts a non-existent 29.02.1900 (serial 60, read as 28.02 like openpyxl does)
    return _EXCEL_EPOCH + dt.timedelta(days=days)


def parse_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return excel_serial_date(value)
        except (ValueError, OverflowError):
            raise _bad(QT_TRANSLATE_NOOP("Import", "„{value}” nie jest datą (wpisz dd.mm.rrrr)."),
                       value=cell_text(value)) from None
    text = cell_text(value)
    if not text:
        return None
    for pattern, order in _DATE_PATTERNS:
        found = pattern.match(text)
        if found:
            a, b, c = (int(x) for x in found.groups())
            day, month, year = (a, b, c) if order == "dmy" else (c, b, a)
            try:
                return dt.date(year, month, day)
            except ValueError:
                break
    else:
        if re.fullmatch(r"\d{4,6}(?:[.,]\d+)?", text):  # a serial number exported to CSV as text
            try:
                return excel_serial_date(float(text.replace(",", ".")))
            except ValueError:
                pass
    raise _bad(QT_TRANSLATE_NOOP("Import", "„{value}” nie jest poprawną datą (wpisz dd.mm.rrrr)."), value=text)


def _labels_index(enum_cls: type[LabelledEnum], extra: dict[str, LabelledEnum]) -> dict[str, LabelledEnum]:
    index: dict[str, LabelledEnum] = {}
    for member, label in enum_cls.labels().items():
        index[fold(label)] = member
        index[fold(member.value)] = member
        bare = re.sub(r"\s*\(.*?\)\s*", " ", label).strip()
        if bare:
            index.setdefault(fold(bare), member)
        inside = re.findall(r"\((.*?)\)", label)
        for text in inside:
            index.setdefault(fold(text), member)
    for text, member in extra.items():
        index.setdefault(fold(text), member)
    return index


_TRI_EXTRA = {"t": TriState.YES, "tak": TriState.YES, "x": TriState.YES, "1": TriState.YES, "prawda": TriState.YES,
              "n": TriState.NO, "nie": TriState.NO, "0": TriState.NO, "falsz": TriState.NO,
              "odmowa": TriState.REFUSED, "odmowil": TriState.REFUSED, "odmowila": TriState.REFUSED,
              "odmowa podania": TriState.REFUSED, "o": TriState.REFUSED}
_SEX_EXTRA = {"k": Sex.FEMALE, "kobieta": Sex.FEMALE, "f": Sex.FEMALE, "z": Sex.FEMALE, "zenska": Sex.FEMALE,
              "m": Sex.MALE, "mezczyzna": Sex.MALE, "meska": Sex.MALE}
_EDUCATION_EXTRA = {
    "brak": Education.NONE, "niepelne podstawowe": Education.NONE, "nizsze niz podstawowe": Education.NONE,
    "isced 0": Education.NONE, "podstawowe": Education.PRIMARY, "isced 1": Education.PRIMARY,
    "gimnazjalne": Education.LOWER_SECONDARY, "isced 2": Education.LOWER_SECONDARY,
    "ponadgimnazjalne": Education.UPPER_SECONDARY, "ponadpodstawowe": Education.UPPER_SECONDARY,
    "srednie": Education.UPPER_SECONDARY, "zawodowe": Education.UPPER_SECONDARY,
    "zasadnicze zawodowe": Education.UPPER_SECONDARY, "srednie zawodowe": Education.UPPER_SECONDARY,
    "srednie ogolnoksztalcace": Education.UPPER_SECONDARY, "isced 3": Education.UPPER_SECONDARY,
    "policealne": Education.POST_SECONDARY, "isced 4": Education.POST_SECONDARY,
    "wyzsze": Education.TERTIARY, "isced 5": Education.TERTIARY, "isced 6": Education.TERTIARY,
    "isced 7": Education.TERTIARY, "isced 8": Education.TERTIARY, "isced 5-8": Education.TERTIARY,
    "licencjat": Education.TERTIARY, "magister": Education.TERTIARY, "inzynier": Education.TERTIARY,
}
_STATUS_EXTRA = {"zakonczyla": ParticipantStatus.COMPLETED, "przerwala": ParticipantStatus.DROPPED_OUT,
                 "uczestniczka": ParticipantStatus.ACTIVE, "kandydatka": ParticipantStatus.CANDIDATE,
                 "lista rezerwowa": ParticipantStatus.RESERVE, "rezygnacja": ParticipantStatus.DROPPED_OUT,
                 "aktywny": ParticipantStatus.ACTIVE, "zakonczony": ParticipantStatus.COMPLETED}
_DEGREE_EXTRA = {"lekki stopien": DisabilityDegree.MILD, "umiarkowany stopien": DisabilityDegree.MODERATE,
                 "znaczny stopien": DisabilityDegree.SEVERE}


@cache
def _index_for(enum_cls: type[LabelledEnum]) -> dict[str, LabelledEnum]:
    extra = {TriState: _TRI_EXTRA, Sex: _SEX_EXTRA, Education: _EDUCATION_EXTRA, ParticipantStatus: _STATUS_EXTRA,
             DisabilityDegree: _DEGREE_EXTRA}.get(enum_cls, {})
    return _labels_index(enum_cls, extra)


@lru_cache(maxsize=4096)
def _enum_from_text(enum_cls: type[LabelledEnum], text: str) -> LabelledEnum | None:
    try:
        return enum_cls.from_label(text)
    except ValueError:
        pass
    key = fold(text).rstrip(".").strip()
    member = _index_for(enum_cls).get(key)
    if member is not None:
        return member
    if enum_cls is LabourStatus:
        if "biern" in key:
            return LabourStatus.INACTIVE
        if "pracuj" in key or "zatrudnion" in key:
            return LabourStatus.EMPLOYED
        if "bezrobotn" in key:
            return LabourStatus.UNEMPLOYED_UNREGISTERED if "niezarejestr" in key else LabourStatus.UNEMPLOYED_REGISTERED
    if enum_cls is Education and key.startswith("isced "):
        return _index_for(enum_cls).get(key.split("-")[0])
    return None


def parse_enum(enum_cls: type[LabelledEnum], value: Any) -> LabelledEnum | None:
    text = cell_text(value)
    if not text:
        return None
    member = _enum_from_text(enum_cls, text)
    if member is None:
        allowed = ", ".join(f"„{label}”" for label in enum_cls.labels().values())
        raise _bad(QT_TRANSLATE_NOOP("Import", "nieznana wartość „{value}” (dozwolone: {allowed})."), value=text,
                   allowed=allowed)
    return member


@lru_cache(maxsize=1)
def _reason_index() -> tuple[dict[str, SupportReason], list[tuple[str, SupportReason]]]:
    exact = _labels_index(SupportReason, {"alkoholizm": SupportReason.ADDICTION, "narkomania": SupportReason.ADDICTION,
                                          "uzaleznienie": SupportReason.ADDICTION,
                                          "choroba": SupportReason.ILLNESS,
                                          "dlugotrwala choroba": SupportReason.ILLNESS,
                                          "ciezka choroba": SupportReason.ILLNESS,
                                          "przemoc": SupportReason.DOMESTIC_VIOLENCE,
                                          "przemoc w rodzinie": SupportReason.DOMESTIC_VIOLENCE,
                                          "wielodzietnosc": SupportReason.MATERNITY,
                                          "macierzynstwo": SupportReason.MATERNITY,
                                          "ochrona macierzynstwa": SupportReason.MATERNITY,
                                          "bezradnosc": SupportReason.HELPLESSNESS,
                                          "bezradnosc opiekunczo-wychowawcza": SupportReason.HELPLESSNESS,
                                          "handel ludzmi": SupportReason.TRAFFICKING,
                                          "zdarzenie losowe": SupportReason.CRISIS,
                                          "sytuacja kryzysowa": SupportReason.CRISIS,
                                          "kleska zywiolowa": SupportReason.DISASTER,
                                          "kleska ekologiczna": SupportReason.DISASTER,
                                          "opuszczenie zakladu karnego": SupportReason.AFTER_PRISON,
                                          "zaklad karny": SupportReason.AFTER_PRISON,
                                          "cudzoziemcy": SupportReason.FOREIGNERS})
    labels = [(fold(label), member) for member, label in SupportReason.labels().items()]
    return exact, labels


@lru_cache(maxsize=4096)
def _reasons_from_text(text: str) -> tuple[tuple[SupportReason, ...], tuple[str, ...]]:
    exact, labels = _reason_index()
    found: list[SupportReason] = []
    unknown: list[str] = []
    for part in re.split(r"[,;\n\r]+", text):
        key = fold(part).strip(" .-•")
        if not key:
            continue
        member = exact.get(key)
        if member is None and len(key) >= 4:
            candidates = {m for label, m in labels if key in label}
            member = candidates.pop() if len(candidates) == 1 else None
        if member is None:
            unknown.append(part.strip())
        elif member not in found:
            found.append(member)
    order = list(SupportReason)
    return tuple(sorted(found, key=order.index)), tuple(unknown)


def parse_reasons(value: Any) -> tuple[SupportReason, ...]:
    text = cell_text(value)
    if not text:
        return ()
    found, unknown = _reasons_from_text(text)
    if unknown:
        raise _bad(QT_TRANSLATE_NOOP(
            "Import", "nieznany powód wsparcia: {values} (powody z art. 7 ustawy o pomocy społecznej, np. "
                      "„ubóstwo”, „bezrobocie”, „niepełnosprawność”; rozdziel je przecinkami)."),
            values=", ".join(f"„{u}”" for u in unknown))
    return found


def parse_postal_code(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = cell_text(value).zfill(5)
    else:
        text = cell_text(value).replace(" ", "")
    if re.fullmatch(r"\d{5}", text):
        return f"{text[:2]}-{text[2:]}"
    return text


def parse_flag(value: Any) -> bool:
    member = parse_enum(TriState, value)
    return member == TriState.YES


_ADDRESS = re.compile(r"^(?P<street>.*?\D)\s*(?P<house>\d+\s?[A-Za-z]?)(?:\s*(?:/|m\.?|lok\.?|mieszk\.?)\s*"
                      r"(?P<flat>[0-9A-Za-z]+))?$", re.IGNORECASE)
_POSTAL = re.compile(r"\b(\d{2}-\d{3})\b\s*(?P<city>[^,\d]*)")


def split_address(text: str) -> dict[str, str]:
    """ "ul. Długa 5/3" → street, house and flat number; "42-100 Kłobuck" parts → postal code and city."""
    result: dict[str, str] = {}
    street_part = ""
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        postal = _POSTAL.search(part)
        if postal:
            result["postal_code"] = postal.group(1)
            if postal.group("city").strip():
                result["city"] = postal.group("city").strip()
            continue
        if not street_part and (re.search(r"\d", part) or not result.get("city") and len(text.split(",")) == 1):
            street_part = part
        elif not result.get("city") and not re.search(r"\d", part):
            result["city"] = part
        else:
            street_part = (street_part + " " + part).strip()
    if street_part:
        found = _ADDRESS.match(street_part)
        if found:
            result["street_name"] = found.group("street").strip()
            result["house_number"] = found.group("house").replace(" ", "")
            if found.group("flat"):
                result["flat_number"] = found.group("flat")
        else:
            result["street_name"] = street_part
    return result


def split_name(text: str, reversed_order: bool) -> tuple[str, str]:
    """(first name, last name) from "Jan Kowalski" or, reversed, "Kowalski Jan"."""
    words = text.split()
    if not words:
        return "", ""
    if len(words) == 1:
        return ("", words[0])
    if reversed_order:
        return " ".join(words[1:]), words[0]
    return words[0], " ".join(words[1:])


__all__ = ["cell_text", "check_pesel_cached", "excel_serial_date", "parse_date", "parse_enum", "parse_flag",
           "parse_pesel", "parse_postal_code", "parse_reasons", "split_address", "split_name"]
