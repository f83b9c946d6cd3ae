"""Importing participants from the sheets offices already keep: XLSX, or CSV with ``;`` or ``,`` in UTF-8
(with or without BOM), UTF-16 or Windows-1250.

The flow is read → map → preview → apply:

* ``read_sheet`` finds the header row (the first of the first ten rows with at least two known headers);
* ``guess_mapping`` matches headers to fields (Polish names, any case, with or without Polish letters,
  synonyms); the UI's mapping dialog may correct the ``ColumnMapping`` and keep it (``save_mapping``);
* ``preview_import`` converts every row to a ``ParticipantInput`` and validates it, without a query per row;
* ``apply_import`` writes the valid rows in one transaction: all of them or, if anything fails, none.

A row whose PESEL is already in the registry (or, for a person without PESEL, whose identity document is)
updates that person, and only the columns the sheet fills: an empty cell never erases what the registry
knows.

Validation is ``participants.collect_errors`` itself; the two questions it asks the database (is this PESEL
registered? is the street in the area?) are answered by ``_Known`` from data fetched once for the whole file,
so 10,000 rows cost no query each; ``tests/services/test_participant_import.py`` checks both answers agree.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import selectinload

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
from pal_desktop.domain.text import fold, participant_search_text, sort_key
from pal_desktop.errors import ConflictError, NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import participants
from pal_desktop.services.participants import FIELD_LABELS, ParticipantInput
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import (
    AreaStreet,
    AuditEntry,
    Participant,
    ParticipantReason,
    Programme,
    Setting,
    current_actor,
)
from pal_desktop.storage.models.base import utcnow

MAX_FILE_BYTES = 50 * 1024 * 1024
HEADER_SEARCH_ROWS = 10
MIN_HEADER_MATCHES = 2
MAPPING_KEY_PREFIX = "import_mapping."
MAX_MAPPING_NAME = 80 - len(MAPPING_KEY_PREFIX)
#: Rows per IN (...) list when looking PESEL numbers up.
_CHUNK = 900

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# ---- Fields and header synonyms -----------------------------------------------------------------------

#: What a column can be mapped to, with the Polish names the mapping dialog shows. Besides the fields of
#: ParticipantInput there are columns that hold several: a full name, and an address "ul. Długa 5/3".
IMPORT_FIELDS: dict[str, str] = {
    "last_name": QT_TRANSLATE_NOOP("Fields", "Nazwisko"),
    "first_name": QT_TRANSLATE_NOOP("Fields", "Imię"),
    "full_name": QT_TRANSLATE_NOOP("Fields", "Imię i nazwisko"),
    "full_name_reversed": QT_TRANSLATE_NOOP("Fields", "Nazwisko i imię"),
    "pesel": QT_TRANSLATE_NOOP("Fields", "PESEL"),
    "no_pesel": QT_TRANSLATE_NOOP("Fields", "Brak PESEL"),
    "document_number": QT_TRANSLATE_NOOP("Fields", "Numer dokumentu"),
    "birth_date": QT_TRANSLATE_NOOP("Fields", "Data urodzenia"),
    "sex": QT_TRANSLATE_NOOP("Fields", "Płeć"),
    "address": QT_TRANSLATE_NOOP("Fields", "Adres (ulica, nr domu i lokalu)"),
    "street_name": QT_TRANSLATE_NOOP("Fields", "Ulica"),
    "house_number": QT_TRANSLATE_NOOP("Fields", "Nr domu"),
    "flat_number": QT_TRANSLATE_NOOP("Fields", "Nr lokalu"),
    "postal_code": QT_TRANSLATE_NOOP("Fields", "Kod pocztowy"),
    "city": QT_TRANSLATE_NOOP("Fields", "Miejscowość"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Telefon"),
    "email": QT_TRANSLATE_NOOP("Fields", "E-mail"),
    "education": QT_TRANSLATE_NOOP("Fields", "Wykształcenie"),
    "labour_status": QT_TRANSLATE_NOOP("Fields", "Status na rynku pracy"),
    "labour_status_detail": QT_TRANSLATE_NOOP("Fields", "Status na rynku pracy — w tym"),
    "disability": QT_TRANSLATE_NOOP("Fields", "Niepełnosprawność"),
    "disability_degree": QT_TRANSLATE_NOOP("Fields", "Stopień niepełnosprawności"),
    "minority_or_foreign": QT_TRANSLATE_NOOP("Fields", "Mniejszość, migrant, obce pochodzenie"),
    "homeless": QT_TRANSLATE_NOOP("Fields", "Bezdomność lub wykluczenie z dostępu do mieszkań"),
    "other_disadvantage": QT_TRANSLATE_NOOP("Fields", "Inna niekorzystna sytuacja społeczna"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
    "start_date": QT_TRANSLATE_NOOP("Fields", "Data rozpoczęcia udziału"),
    "end_date": QT_TRANSLATE_NOOP("Fields", "Data zakończenia udziału"),
    "end_situation": QT_TRANSLATE_NOOP("Fields", "Sytuacja w chwili zakończenia"),
    "completed_as_planned": QT_TRANSLATE_NOOP("Fields", "Zakończenie zgodnie ze ścieżką"),
    "reasons": QT_TRANSLATE_NOOP("Fields", "Powody wsparcia"),
    "declaration_date": QT_TRANSLATE_NOOP("Fields", "Deklaracja uczestnictwa"),
    "data_protection_date": QT_TRANSLATE_NOOP("Fields", "Oświadczenie RODO"),
    "image_consent_date": QT_TRANSLATE_NOOP("Fields", "Zgoda na wykorzystanie wizerunku"),
    "individual_plan_date": QT_TRANSLATE_NOOP("Fields", "Indywidualny plan działania"),
    "outside_area_reason": QT_TRANSLATE_NOOP("Fields", "Uzasadnienie adresu spoza obszaru"),
    "notes": QT_TRANSLATE_NOOP("Fields", "Uwagi"),
}

#: Header texts (folded: lower case, no Polish letters, no dots or colons) that name each field.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "last_name": ("nazwisko", "nazwisko uczestnika", "nazwiska"),
    "first_name": ("imie", "imiona", "imie uczestnika", "pierwsze imie"),
    "full_name": ("imie i nazwisko", "imie nazwisko", "uczestnik", "imie i nazwisko uczestnika"),
    "full_name_reversed": ("nazwisko i imie", "nazwisko imie", "nazwisko i imiona"),
    "pesel": ("pesel", "nr pesel", "numer pesel", "pesel uczestnika"),
    "no_pesel": ("brak pesel", "brak nr pesel"),
    "document_number": ("nr dokumentu", "numer dokumentu", "nr dowodu", "numer dowodu", "nr paszportu",
                        "seria i nr dokumentu", "seria i numer dokumentu", "dokument tozsamosci"),
    "birth_date": ("data urodzenia", "data ur", "urodzony", "urodzona", "ur"),
    "sex": ("plec", "k/m", "k m"),
    "address": ("adres", "adres zamieszkania", "adres uczestnika", "ulica i nr domu", "ulica i numer"),
    "street_name": ("ulica", "ul"),
    "house_number": ("nr domu", "numer domu", "nr budynku", "numer budynku"),
    "flat_number": ("nr lokalu", "numer lokalu", "nr mieszkania", "numer mieszkania", "lokal", "mieszkanie",
                    "nr m"),
    "postal_code": ("kod pocztowy", "kod", "kod poczt"),
    "city": ("miejscowosc", "miasto", "poczta", "miejscowosc zamieszkania"),
    "phone": ("telefon", "tel", "tel kom", "telefon kontaktowy", "nr telefonu", "numer telefonu", "telefon kom",
              "komorka"),
    "email": ("e-mail", "email", "e mail", "adres e-mail", "adres email", "mail", "poczta e-mail"),
    "education": ("wyksztalcenie", "poziom wyksztalcenia"),
    "labour_status": ("status na rynku pracy", "sytuacja na rynku pracy",
                      "status osoby na rynku pracy w chwili przystapienia do projektu"),
    "labour_status_detail": ("w tym", "status na rynku pracy w tym"),
    "disability": ("niepelnosprawnosc", "osoba niepelnosprawna", "osoba z niepelnosprawnosciami",
                   "orzeczenie o niepelnosprawnosci"),
    "disability_degree": ("stopien niepelnosprawnosci", "stopien"),
    "minority_or_foreign": ("mniejszosc", "osoba nalezaca do mniejszosci narodowej lub etnicznej, migrant, osoba "
                                          "obcego pochodzenia", "migrant"),
    "homeless": ("bezdomnosc", "osoba bezdomna", "osoba bezdomna lub dotknieta wykluczeniem z dostepu do "
                                                 "mieszkan"),
    "other_disadvantage": ("inna niekorzystna sytuacja", "osoba w innej niekorzystnej sytuacji spolecznej"),
    "status": ("status", "status uczestnika", "etap"),
    "start_date": ("data rozpoczecia", "data przystapienia", "data rozpoczecia udzialu", "data przystapienia do "
                   "projektu", "data przystapienia do programu", "data rozpoczecia udzialu w projekcie",
                   "data rozpoczecia udzialu w programie"),
    "end_date": ("data zakonczenia", "data zakonczenia udzialu", "data zakonczenia udzialu w projekcie",
                 "data zakonczenia udzialu w programie", "data wyjscia", "data rezygnacji"),
    "end_situation": ("sytuacja w chwili zakonczenia", "sytuacja po zakonczeniu",
                      "sytuacja osoby w momencie zakonczenia udzialu w projekcie"),
    "completed_as_planned": ("zakonczenie zgodnie ze sciezka", "zakonczenie udzialu osoby w projekcie zgodnie z "
                                                               "zaplanowana dla niej sciezka uczestnictwa"),
    "reasons": ("powod", "powody", "powody wsparcia", "powod wsparcia", "przyczyny", "przyczyna",
                "powody udzielenia wsparcia", "powody przyznania pomocy", "przyczyny udzielenia pomocy",
                "dysfunkcje"),
    "declaration_date": ("deklaracja", "data deklaracji", "deklaracja uczestnictwa",
                         "data podpisania deklaracji", "data deklaracji uczestnictwa"),
    "data_protection_date": ("rodo", "oswiadczenie rodo", "data rodo", "data oswiadczenia rodo",
                             "oswiadczenie o przetwarzaniu danych osobowych", "zgoda rodo"),
    "image_consent_date": ("zgoda na wizerunek", "zgoda na wykorzystanie wizerunku", "wizerunek"),
    "individual_plan_date": ("ipd", "indywidualny plan dzialania", "data ipd"),
    "outside_area_reason": ("uzasadnienie adresu spoza obszaru", "uzasadnienie"),
    "notes": ("uwagi", "notatki", "komentarz", "informacje dodatkowe"),
}
#: Pseudo-fields that fill several ParticipantInput fields.
_FILLS = {"full_name": ("first_name", "last_name"), "full_name_reversed": ("first_name", "last_name"),
          "address": ("street_name", "house_number", "flat_number")}


def header_key(text: Any) -> str:
    """A header as the synonyms are written: folded, without dots, colons, asterisks or brackets."""
    folded = fold(str(text)) if text is not None else ""
    return " ".join(re.sub(r"[.:;*()\[\]_]+", " ", folded).split())


@lru_cache(maxsize=1)
def _synonym_index() -> tuple[dict[str, str], list[tuple[str, str]]]:
    exact: dict[str, str] = {}
    for name, synonyms in HEADER_SYNONYMS.items():
        for synonym in synonyms:
            exact.setdefault(header_key(synonym), name)
    # A longer header that starts with a synonym ("Telefon komórkowy", "Data urodzenia (dd.mm.rrrr)").
    prefixes = sorted(((k, v) for k, v in exact.items() if len(k) >= 4), key=lambda kv: -len(kv[0]))
    return exact, prefixes


def match_header(text: Any) -> str | None:
    """The field a header names, or None."""
    key = header_key(text)
    if not key:
        return None
    exact, prefixes = _synonym_index()
    if key in exact:
        return exact[key]
    for synonym, name in prefixes:
        if key.startswith(synonym + " "):
            return name
    return None


@dataclass
class ColumnMapping:
    """Which field each header of the sheet fills (None: the column is left out)."""

    columns: dict[str, str | None] = field(default_factory=dict)

    def field_for(self, header: str) -> str | None:
        return self.columns.get(_clean_header(header))

    def set(self, header: str, field_name: str | None) -> None:
        if field_name is not None and field_name not in IMPORT_FIELDS:
            raise ValidationError(QT_TRANSLATE_NOOP("Import", "Nieznane pole „{name}” w przypisaniu kolumn."),
                                  field="mapping", name=field_name)
        self.columns[_clean_header(header)] = field_name

    def fields(self) -> set[str]:
        return {f for f in self.columns.values() if f}

    def to_json(self) -> str:
        return json.dumps(self.columns, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError(text)
        return cls({str(k): (v if v in IMPORT_FIELDS else None) for k, v in data.items()})


def _clean_header(header: Any) -> str:
    return " ".join(str(header).split()) if header is not None else ""


def guess_mapping(headers: Sequence[str]) -> ColumnMapping:
    """The automatic header → field matching."""
    return ColumnMapping({_clean_header(h): match_header(h) for h in headers if _clean_header(h)})


def save_mapping(db: Database, name: str, mapping: ColumnMapping) -> None:
    """Keep a corrected mapping for the next file of the same shape (setting ``import_mapping.<name>``)."""
    name = " ".join((name or "").split())
    if not name or len(name) > MAX_MAPPING_NAME:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Import", "Nazwa przypisania kolumn musi mieć od 1 do {max} znaków."), field="name",
            max=MAX_MAPPING_NAME)
    key = MAPPING_KEY_PREFIX + name
    with db.session() as session:
        setting = session.scalar(select(Setting).where(Setting.key == key))
        if setting is None:
            session.add(Setting(key=key, value=mapping.to_json()))
        else:
            setting.value = mapping.to_json()


def load_mapping(db: Database, name: str) -> ColumnMapping | None:
    """A saved mapping, or None when there is none under that name."""
    key = MAPPING_KEY_PREFIX + " ".join((name or "").split())
    with db.reading() as session:
        value = session.scalar(select(Setting.value).where(Setting.key == key))
    if value is None:
        return None
    try:
        return ColumnMapping.from_json(value)
    except (ValueError, TypeError):
        return None


def saved_mapping_names(db: Database) -> list[str]:
    with db.reading() as session:
        keys = session.scalars(select(Setting.key).where(Setting.key.startswith(MAPPING_KEY_PREFIX)))
        return sorted(k[len(MAPPING_KEY_PREFIX):] for k in keys)


# ---- Reading the file ---------------------------------------------------------------------------------


@dataclass
class Sheet:
    """The table under the header row: ``rows[i]`` is sheet row ``row_numbers[i]`` (1-based)."""

    file_name: str
    headers: list[str]
    rows: list[list[Any]]
    row_numbers: list[int]
    header_row: int
    kind: str  # "xlsx" or "csv"
    encoding: str = ""
    delimiter: str = ""


def _not_a_sheet(path: Path) -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP(
        "Import", "Plik „{name}” nie jest arkuszem kalkulacyjnym (XLSX) ani plikiem CSV. Zapisz dane w Excelu "
                  "jako „Skoroszyt programu Excel (*.xlsx)” albo „CSV (rozdzielany przecinkami)” i spróbuj "
                  "ponownie."), field="file", name=path.name)


def read_sheet(path: Path | str) -> Sheet:
    """Headers and rows of the first worksheet of an XLSX, or of a CSV (encoding and delimiter detected)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("Import", "Nie można otworzyć pliku „{path}”: {reason}."),
                              field="file", path=str(path), reason=exc.strerror or str(exc)) from exc
    if size > MAX_FILE_BYTES:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Import", "Plik „{name}” jest za duży ({size} MB; najwięcej {max} MB). Podziel go na mniejsze "
                      "części albo usuń zbędne arkusze i kolumny."), field="file", name=path.name,
            size=f"{size / 1024 / 1024:.0f}", max=MAX_FILE_BYTES // 1024 // 1024)
    if size == 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Import", "Plik „{name}” jest pusty."), field="file",
                              name=path.name)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("Import", "Nie można otworzyć pliku „{path}”: {reason}."),
                              field="file", path=str(path), reason=exc.strerror or str(exc)) from exc
    suffix = path.suffix.lower()
    if head.startswith(ZIP_SIGNATURE):
        return _read_xlsx(path)
    if head.startswith(OLE_SIGNATURE):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Import", "Plik „{name}” jest w starym formacie Excel 97-2003 (XLS) albo nie jest arkuszem. Otwórz go "
                      "w Excelu i zapisz jako „Skoroszyt programu Excel (*.xlsx)”."), field="file", name=path.name)
    if suffix in (".xlsx", ".xlsm", ".xltx", ".xls"):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Import", "Plik „{name}” ma rozszerzenie {suffix}, ale nie jest arkuszem Excel (może to plik tekstowy "
                      "ze zmienioną nazwą). Otwórz go w Excelu i zapisz jako XLSX albo CSV."), field="file",
            name=path.name, suffix=suffix)
    return _read_csv(path, path.read_bytes())


def _find_header(rows: Iterable[Sequence[Any]]) -> tuple[int, int]:
    """(index of the header row among ``rows``, matches), or (-1, best) when no row has enough."""
    best = 0
    for index, row in enumerate(rows):
        if index >= HEADER_SEARCH_ROWS:
            break
        matches = len({match_header(cell) for cell in row if cell not in (None, "")} - {None})
        if matches >= MIN_HEADER_MATCHES:
            return index, matches
        best = max(best, matches)
    return -1, best


def _no_header(path: Path) -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP(
        "Import", "W pliku „{name}” nie znaleziono wiersza nagłówków w pierwszych {rows} wierszach. Jeden z nich "
                  "musi zawierać nazwy kolumn, np. „Nazwisko”, „Imię”, „PESEL”, „Data urodzenia”."), field="file",
        name=path.name, rows=HEADER_SEARCH_ROWS)


def _table(path: Path, records: Iterable[Sequence[Any]], kind: str, **extra) -> Sheet:
    records = list(records)
    index, _ = _find_header(records)
    if index < 0:
        raise _no_header(path)
    headers = [_clean_header(h) for h in records[index]]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    rows: list[list[Any]] = []
    numbers: list[int] = []
    for number, record in enumerate(records[index + 1:], start=index + 2):
        cells = list(record[:width])
        if not any(c not in (None, "") and not (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        if len(cells) < width:
            cells.extend([None] * (width - len(cells)))
        rows.append(cells)
        numbers.append(number)
    return Sheet(path.name, headers, rows, numbers, index + 1, kind, **extra)


def _read_xlsx(path: Path) -> Sheet:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds (BadZipFile, KeyError...) on a bad file
        raise _not_a_sheet(path) from exc
    try:
        if not workbook.worksheets:
            raise _not_a_sheet(path)
        sheet = workbook.worksheets[0]
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # some programs write a wrong <dimension>; read every cell there is
        try:
            records = list(sheet.iter_rows(values_only=True))
        except Exception as exc:  # noqa: BLE001 - a damaged worksheet XML
            raise _not_a_sheet(path) from exc
    finally:
        workbook.close()
    return _table(path, records, "xlsx")


def _decode(path: Path, raw: bytes) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in raw[:4096]:
        raise _not_a_sheet(path)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1250"), "cp1250"
    except UnicodeDecodeError:
        raise _not_a_sheet(path) from None


def _read_csv(path: Path, raw: bytes) -> Sheet:
    text, encoding = _decode(path, raw)
    sample = text[:65536]
    best = None
    for delimiter in (";", ",", "\t"):
        try:
            records = list(_first(csv.reader(io.StringIO(sample), delimiter=delimiter), HEADER_SEARCH_ROWS))
        except csv.Error:
            continue
        index, matches = _find_header(records)
        score = (index >= 0, matches if index >= 0 else 0, sample.split("\n", 1)[0].count(delimiter))
        if best is None or score > best[0]:
            best = (score, delimiter)
    if best is None or not best[0][0]:
        raise _no_header(path)
    delimiter = best[1]
    try:
        records = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise _not_a_sheet(path) from exc
    return _table(path, records, "csv", encoding=encoding, delimiter=delimiter)


def _first(iterable, count: int):
    for index, item in enumerate(iterable):
        if index >= count:
            return
        yield item


# ---- Cell values --------------------------------------------------------------------------------------


def _bad(message: str, **params) -> ValidationError:
    return ValidationError(message, **params)


@lru_cache(maxsize=65536)
def _pesel_checked(value: str) -> tuple[tuple[str, dt.date, Sex] | None, ValidationError | None]:
    try:
        return rules.check_pesel(value), None
    except ValidationError as error:
        return None, error


def _check_pesel(value: str) -> tuple[str, dt.date, Sex]:
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
            _check_pesel(padded)
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


# ---- Rows to ParticipantInput --------------------------------------------------------------------------

_TEXT_FIELDS = {"first_name", "last_name", "document_number", "street_name", "house_number", "flat_number",
                "city", "phone", "email", "labour_status_detail", "end_situation", "outside_area_reason", "notes"}
_DATE_FIELDS = {"birth_date", "start_date", "end_date", "declaration_date", "data_protection_date",
                "image_consent_date", "individual_plan_date"}
_TRI_FIELDS = {"disability", "minority_or_foreign", "homeless", "other_disadvantage", "completed_as_planned"}
_ENUM_FIELDS = {"sex": Sex, "education": Education, "labour_status": LabourStatus, "status": ParticipantStatus,
                "disability_degree": DisabilityDegree}


def _label(name: str) -> str:
    return FIELD_LABELS.get(name) or IMPORT_FIELDS.get(name) or name


def _convert_cell(name: str, value: Any) -> dict[str, Any]:
    """The fields one cell fills; ValidationError (without ``field``) when it cannot be read."""
    if name in _TEXT_FIELDS:
        text = cell_text(value)
        if name == "house_number" and "/" in text:
            house, _, flat = text.partition("/")
            return {"house_number": house.strip(), "flat_number": flat.strip()}
        return {name: text}
    if name == "pesel":
        pesel, no_pesel = parse_pesel(value)
        return {"pesel": pesel, **({"no_pesel": True} if no_pesel else {})}
    if name == "no_pesel":
        return {"no_pesel": parse_flag(value)}
    if name in _DATE_FIELDS:
        return {name: parse_date(value)}
    if name in _TRI_FIELDS:
        return {name: parse_enum(TriState, value)}
    if name in _ENUM_FIELDS:
        return {name: parse_enum(_ENUM_FIELDS[name], value)}
    if name == "reasons":
        return {"reasons": parse_reasons(value)}
    if name == "postal_code":
        return {"postal_code": parse_postal_code(value)}
    if name in ("full_name", "full_name_reversed"):
        first, last = split_name(cell_text(value), name == "full_name_reversed")
        return {"first_name": first, "last_name": last}
    if name == "address":
        return split_address(cell_text(value))
    return {}


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class _Converted:
    values: dict[str, Any]
    given: frozenset[str]
    problems: list[tuple[str, ValidationError]]  # (ParticipantInput field, error)


def _convert_row(cells: Sequence[Any], columns: Sequence[tuple[int, str]]) -> _Converted:
    values: dict[str, Any] = {}
    problems: list[tuple[str, ValidationError]] = []
    for index, name in columns:
        value = cells[index]
        if _empty(value):
            continue
        try:
            converted = _convert_cell(name, value)
        except ValidationError as error:
            problems.append((name, error))
            continue
        for key, item in converted.items():
            if key not in values or values[key] in ("", None, ()):  # the first filled column wins
                values[key] = item
    values = {k: v for k, v in values.items() if v not in ("", None, ())}
    if values.get("disability_degree") and "disability" not in values:
        values["disability"] = TriState.YES  # a degree of disability says there is one
    if not values.get("pesel") and values.get("document_number") and "no_pesel" not in values:
        values["no_pesel"] = True  # a foreigner identified by a document
    if "street_name" in values:  # a new street: the area list decides the street id again
        values.setdefault("street_id", None)
    return _Converted(values, frozenset(values), problems)


# ---- Validation without a query per row ---------------------------------------------------------------


@dataclass
class _Known:
    """What validation needs from the database, fetched once for the whole file."""

    pesels: dict[str, int]  # PESEL → participant id
    streets: dict[int, dict[str, tuple[int, str, str, str]]]  # programme → street key → (id, name, code, city)
    street_programme: dict[int, int]  # street id → programme id
    area_names: dict[int, set[str]] = field(default_factory=dict)  # programme → names as collect_errors folds them
    documents: dict[str, int] = field(default_factory=dict)  # document number of a person without PESEL → id

    def __post_init__(self) -> None:
        for programme_id, streets in self.streets.items():
            self.area_names[programme_id] = {fold(s[1]).removeprefix("ul. ") for s in streets.values()}

    # The two questions participants.collect_errors asks (see participants.DatabaseFacts), answered from memory.
    def pesel_owner(self, pesel: str, other_than: int | None) -> int | None:
        owner = self.pesels.get(pesel)
        return None if owner is None or owner == other_than else owner

    def street_in_area(self, programme_id: int | None, street_id: int | None, street_name: str) -> bool:
        if street_id is not None:
            return self.street_programme.get(street_id) == programme_id
        if not street_name:
            return True
        names = self.area_names.get(programme_id or 0)
        return not names or fold(street_name).removeprefix("ul. ") in names


def document_key(number: str) -> str:
    """A document number as people without PESEL are matched by it: no spaces or dashes, upper case."""
    return re.sub(r"[\s-]", "", number or "").upper()


def _documents(session) -> dict[str, int]:
    """Document numbers of the people registered without PESEL (a small part of any registry)."""
    return {document_key(number): pid for number, pid in session.execute(
        select(Participant.document_number, Participant.id).where(Participant.no_pesel.is_(True),
                                                                  Participant.document_number != "")).tuples()}


def _street_key(name: str) -> str:
    return fold(name).removeprefix("ul. ").removeprefix("ul ")


# ---- Preview -------------------------------------------------------------------------------------------

NEW, UPDATE, ERROR = "new", "update", "error"


@dataclass(frozen=True)
class RowResult:
    """One row of the sheet: what it would become, and what is wrong with it."""

    row_number: int
    data: ParticipantInput
    errors: list[str]
    action: str  # "new" | "update" | "error"
    existing_id: int | None = None
    existing_version: int | None = None
    #: The same problems as ValidationErrors (message "Wiersz {row}, {column}: {problem}"), for the UI.
    problems: tuple[ValidationError, ...] = ()

    @property
    def name(self) -> str:
        return f"{self.data.last_name} {self.data.first_name}".strip()


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    path: Path
    programme_id: int
    headers: list[str]
    mapping: ColumnMapping
    rows: list[RowResult]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def new_rows(self) -> list[RowResult]:
        return [r for r in self.rows if r.action == NEW]

    @property
    def update_rows(self) -> list[RowResult]:
        return [r for r in self.rows if r.action == UPDATE]

    @property
    def error_rows(self) -> list[RowResult]:
        return [r for r in self.rows if r.action == ERROR]

    @property
    def errors(self) -> list[str]:
        return [message for r in self.rows for message in r.errors]

    @property
    def unmapped_headers(self) -> list[str]:
        return [h for h in self.headers if h and not self.mapping.field_for(h)]


def _row_problem(row: int, column: str, name: str, error: ValidationError) -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP("Import", "Wiersz {row}, {column}: {problem}"),
                           field=error.field or name, row=row, column=column, problem=str(error))


def _column_names(headers: Sequence[str], mapping: ColumnMapping) -> dict[str, str]:
    """ParticipantInput field → the sheet's header it came from (for messages in the user's own words)."""
    names: dict[str, str] = {}
    for header in headers:
        name = mapping.field_for(header)
        if not name:
            continue
        for target in (name, *_FILLS.get(name, ())):
            names.setdefault(target, header)
    return names


def _check_mapping(mapping: ColumnMapping, file_name: str) -> None:
    chosen = mapping.fields()
    if not ({"first_name", "last_name"} <= chosen or chosen & {"full_name", "full_name_reversed"}):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Import", "W pliku „{name}” nie rozpoznano kolumn z imieniem i nazwiskiem. Przypisz je ręcznie "
                      "(kolumny „Imię” i „Nazwisko” albo „Imię i nazwisko”)."), field="mapping", name=file_name)


def _chunks(items: Sequence, size: int = _CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _programme_for(db: Database, session, programme_id: int | None) -> int:
    if programme_id is None:
        from pal_desktop.services.programmes import active_programme

        active = active_programme(db)
        if active is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Najpierw utwórz program."), field="programme")
        return active.id
    if session.get(Programme, programme_id) is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma programu o numerze {id}."), id=programme_id)
    return programme_id


def _load_streets(session) -> tuple[dict[int, dict[str, tuple[int, str, str, str]]], dict[int, int]]:
    streets: dict[int, dict[str, tuple[int, str, str, str]]] = {}
    owners: dict[int, int] = {}
    for s in session.execute(select(AreaStreet.id, AreaStreet.programme_id, AreaStreet.name, AreaStreet.postal_code,
                                    AreaStreet.locality)):
        streets.setdefault(s.programme_id, {})[_street_key(s.name)] = (s.id, s.name, s.postal_code, s.locality)
        owners[s.id] = s.programme_id
    return streets, owners


def _existing_inputs(session, ids: list[int]) -> dict[int, tuple[ParticipantInput, int]]:
    """The registry's current data of these people, as inputs, with their row versions."""
    found: dict[int, tuple[ParticipantInput, int]] = {}
    for chunk in _chunks(ids):
        for person in session.scalars(select(Participant).where(Participant.id.in_(chunk))
                                      .options(selectinload(Participant.reasons))):
            values = {name: getattr(person, name) for name in participants._COLUMN_FIELDS}
            values["pesel"] = values["pesel"] or ""
            reasons = tuple(sorted((r.reason for r in person.reasons), key=list(SupportReason).index))
            found[person.id] = (ParticipantInput(**values, reasons=reasons), person.version)
    return found


_INPUT_FIELDS = frozenset(f.name for f in fields(ParticipantInput))


def preview_import(db: Database, path: Path | str, mapping: ColumnMapping | None = None,
                   programme_id: int | None = None) -> ImportPreview:
    """Every row of the file converted and checked; nothing is written."""
    path = Path(path)
    sheet = read_sheet(path)
    guessed = guess_mapping(sheet.headers)
    if mapping is not None:  # a saved mapping decides the columns it knows; new columns are guessed
        guessed.columns.update(mapping.columns)
    mapping = guessed
    _check_mapping(mapping, sheet.file_name)
    columns = [(i, mapping.field_for(h)) for i, h in enumerate(sheet.headers) if mapping.field_for(h)]
    names = _column_names(sheet.headers, mapping)
    converted = [_convert_row(cells, columns) for cells in sheet.rows]
    results: list[RowResult] = []
    with db.reading() as session:
        programme_id = _programme_for(db, session, programme_id)
        wanted = sorted({c.values["pesel"] for c in converted if c.values.get("pesel")})
        known_pesels: dict[str, int] = {}
        for chunk in _chunks(wanted):
            known_pesels.update(session.execute(select(Participant.pesel, Participant.id)
                                                .where(Participant.pesel.in_(chunk))).tuples().all())
        streets, owners = _load_streets(session)
        known = _Known(known_pesels, streets, owners, documents=_documents(session))
        in_file = {document_key(c.values.get("document_number", "")) for c in converted
                   if c.values.get("no_pesel") and not c.values.get("pesel")}
        matched = {pid for key, pid in known.documents.items() if key in in_file}
        existing = _existing_inputs(session, sorted(set(known_pesels.values()) | matched))
        seen: dict[tuple[str, str], int] = {}
        for number, row in zip(sheet.row_numbers, converted, strict=True):
            results.append(_check_row(number, row, programme_id, known, existing, seen, names))
    return ImportPreview(sheet.file_name, path, programme_id, sheet.headers, mapping, results)


def _check_row(number: int, row: _Converted, programme_id: int, known: _Known,
               existing: dict[int, tuple[ParticipantInput, int]], seen: dict[tuple[str, str], int],
               names: dict[str, str]) -> RowResult:
    values = {k: v for k, v in row.values.items() if k in _INPUT_FIELDS}
    problems: list[tuple[str, ValidationError]] = list(row.problems)
    pesel = values.get("pesel", "")
    document = "" if pesel or not values.get("no_pesel") else document_key(values.get("document_number", ""))
    # The same person: the same PESEL, or (without PESEL) the same identity document.
    existing_id = known.pesels.get(pesel) if pesel else known.documents.get(document) if document else None
    version = None
    if existing_id is not None and existing_id in existing:
        base, version = existing[existing_id]
        data = replace(base, **values)
    else:
        existing_id = None
        data = ParticipantInput(**{"first_name": "", "last_name": "", "programme_id": programme_id, **values})
    data = participants.normalise(data)
    data = _with_area_street(data, known)
    for error in participants.collect_errors(None, data, existing_id, facts=known):
        problems.append((error.field or "", error))
    key = ("pesel", pesel) if pesel else ("document", document) if document else None
    if key in seen:
        if pesel:
            problems.append(("pesel", ValidationError(QT_TRANSLATE_NOOP(
                "Import", "ten sam numer PESEL {pesel} jest już w wierszu {first} tego pliku."), field="pesel",
                pesel=pesel, first=seen[key])))
        else:
            problems.append(("document_number", ValidationError(QT_TRANSLATE_NOOP(
                "Import", "ten sam numer dokumentu {document} jest już w wierszu {first} tego pliku."),
                field="document_number", document=values.get("document_number", ""), first=seen[key])))
    elif key is not None:
        seen[key] = number
    problem_errors = tuple(_row_problem(number, names.get(name) or _label(name), name, error)
                           for name, error in problems)
    action = ERROR if problems else (UPDATE if existing_id is not None else NEW)
    if not problems and data.pesel and not data.no_pesel:  # participants._complete: birth date and sex from PESEL
        pesel, birth, sex = _check_pesel(data.pesel)
        data = replace(data, pesel=pesel, birth_date=data.birth_date or birth, sex=data.sex or sex)
    return RowResult(number, data, [str(p) for p in problem_errors], action, existing_id, version, problem_errors)


def _with_area_street(data: ParticipantInput, known: _Known) -> ParticipantInput:
    """A street of the area gets its id, its spelling from the area list, and its postal code if none given."""
    if data.street_id is not None or not data.street_name:
        return data
    match = known.streets.get(data.programme_id or 0, {}).get(_street_key(data.street_name))
    if match is None:
        return data
    street_id, name, code, locality = match
    return replace(data, street_id=street_id, street_name=name, postal_code=data.postal_code or code,
                   city=data.city or locality)


# ---- Writing -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    skipped_existing: int
    skipped_errors: int
    created_ids: tuple[int, ...] = ()
    errors: tuple[str, ...] = ()


def apply_import(db: Database, preview: ImportPreview, *, update_existing: bool | set[int] = False) -> ImportReport:
    """Write the valid rows in one transaction: new people are registered; people already in the registry are
    updated only where chosen (``True`` for all, or a set of sheet row numbers). Rows with errors are left out.
    If anything fails on the way, nothing is written."""
    def chosen(row: RowResult) -> bool:
        if isinstance(update_existing, bool):
            return update_existing
        return row.row_number in update_existing

    new_rows = preview.new_rows
    update_rows = [r for r in preview.update_rows if chosen(r)]
    skipped_existing = len(preview.update_rows) - len(update_rows)
    with db.session() as session:
        # Somebody may have registered one of these people since the preview.
        taken: dict[str, int] = {}
        pesels = [r.data.pesel for r in new_rows if r.data.pesel]
        for chunk in _chunks(pesels):
            taken.update(session.execute(select(Participant.pesel, Participant.id)
                                         .where(Participant.pesel.in_(chunk))).tuples().all())
        documents = _documents(session)
        for row in new_rows:
            if row.data.no_pesel and document_key(row.data.document_number) in documents:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Import", "Wiersz {row}, Numer dokumentu: osoba z dokumentem {document} została dodana do "
                              "rejestru po przygotowaniu podglądu. Przygotuj podgląd ponownie; nic nie zostało "
                              "zapisane."), field="document_number", row=row.row_number,
                    document=row.data.document_number)
            if row.data.pesel in taken:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Import", "Wiersz {row}, PESEL: osoba z numerem PESEL {pesel} została dodana do rejestru po "
                              "przygotowaniu podglądu. Przygotuj podgląd ponownie; nic nie zostało zapisane."),
                    field="pesel", row=row.row_number, pesel=row.data.pesel)
        people: dict[int, Participant] = {}
        ids = [r.existing_id for r in update_rows if r.existing_id is not None]
        for chunk in _chunks(ids):
            people.update((p.id, p) for p in session.scalars(
                select(Participant).where(Participant.id.in_(chunk)).options(selectinload(Participant.reasons))))
        for row in update_rows:
            person = people.get(row.existing_id or 0)
            if person is None or person.version != row.existing_version:
                raise ConflictError(QT_TRANSLATE_NOOP(
                    "Errors", "Wiersz {row}: ktoś zmienił albo usunął tę osobę w rejestrze po przygotowaniu "
                              "podglądu. Przygotuj podgląd ponownie; nic nie zostało zapisane."), row=row.row_number)
            participants._apply(person, row.data)
        # The summary entry goes first: on SQLite this write takes the lock before new ids are chosen.
        session.add(AuditEntry(actor=current_actor.get(), action="bulk", table_name="participant_import",
                               record_id=None, changes=json.dumps(
                                   {"file": preview.file_name, "created": len(new_rows),
                                    "updated": len(update_rows)}, ensure_ascii=False)))
        session.flush()
        created_ids = _insert_new(session, [r.data for r in new_rows])
    return ImportReport(len(created_ids), len(update_rows), skipped_existing, len(preview.error_rows), created_ids,
                        tuple(preview.errors))


def _insert_new(session, people: list[ParticipantInput]) -> tuple[int, ...]:
    """Register many people at once: what ``participants._apply`` writes, as one executemany per table.

    The ORM would build, track and flush an object per person and per reason (10,000 rows: most of the
    import's time). The columns are ``participants._COLUMN_FIELDS`` and the search and sort keys come from
    the same functions; the audit log gets the same "insert" entries the session hook writes. Ids are taken
    up front (PostgreSQL: from the sequence; SQLite: after the highest, under the write lock the transaction
    already holds), so the rows go in without RETURNING, which both drivers batch far faster.
    """
    if not people:
        return ()
    table, reasons_table, audit = Participant.__table__, ParticipantReason.__table__, AuditEntry.__table__
    now, actor = utcnow(), current_actor.get()
    stamp = {"created_at": now, "updated_at": now, "created_by": actor, "updated_by": actor, "version": 1}
    ids = _allocate_ids(session, table, len(people))
    records = []
    for pid, data in zip(ids, people, strict=True):
        record = {name: getattr(data, name) for name in participants._COLUMN_FIELDS}
        record["id"] = pid
        record["pesel"] = data.pesel or None
        record["search_text"] = participant_search_text(data.first_name, data.last_name, data.pesel or None,
                                                        data.street_name)
        record["sort_key"] = sort_key(data.last_name, data.first_name)
        record.update(stamp)
        records.append(record)
    reasons = [{"participant_id": pid, "reason": reason, **stamp}
               for pid, data in zip(ids, people, strict=True) for reason in data.reasons]
    reason_ids = _allocate_ids(session, reasons_table, len(reasons))
    for row, reason_id in zip(reasons, reason_ids, strict=True):
        row["id"] = reason_id
    entries = [{"at": now, "actor": actor, "action": "insert", "table_name": name, "record_id": record_id,
                "changes": ""} for name, numbers in (("participant", ids), ("participant_reason", reason_ids))
               for record_id in numbers]
    for target, rows in ((table, records), (reasons_table, reasons), (audit, entries)):
        for chunk in _chunks(rows, 5000):
            session.execute(insert(target), chunk)
    return tuple(ids)


def _allocate_ids(session, table, count: int) -> list[int]:
    if count == 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        return list(session.scalars(sql_text(
            "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)"),
            {"table": table.name, "count": count}))
    first = (session.scalar(select(func.max(table.c.id))) or 0) + 1
    return list(range(first, first + count))


__all__ = [
    "HEADER_SYNONYMS", "IMPORT_FIELDS", "MAX_FILE_BYTES", "ColumnMapping", "ImportPreview", "ImportReport",
    "RowResult", "Sheet", "apply_import", "guess_mapping", "load_mapping", "match_header", "preview_import",
    "read_sheet", "save_mapping", "saved_mapping_names",
]
