"""Reading an office's sheet: the first worksheet of an XLSX, or a CSV with ``;``, ``,`` or tabs in UTF-8
(with or without BOM), UTF-16 or Windows-1250; the header row is the first of the first ten rows with at
least two known headers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.import_mapping import clean_header, match_header

MAX_FILE_BYTES = 50 * 1024 * 1024
HEADER_SEARCH_ROWS = 10
MIN_HEADER_MATCHES = 2
ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
    headers = [clean_header(h) for h in records[index]]
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


__all__ = ["MAX_FILE_BYTES", "OLE_SIGNATURE", "ZIP_SIGNATURE", "Sheet", "read_sheet"]
