"""Reading an office's sheet: the first worksheet of an XLSX, or a CSV with ``;``, ``,`` or tabs in UTF-8
(with or without BOM), UTF-16 or Windows-1250; the header row is the first of the first ten rows with at
least two known headers.

Limits, each said at once with its value (issue 13, part 3): the file's size and, for an XLSX, what it unpacks
to (a zip bomb) are checked before a cell is read; the rows are read as a stream (openpyxl's read-only
iter_rows, the CSV line by line), counted against the row limit as they come, with ``progress(done, total)``
after every PROGRESS_STEP rows, whose False cancels (ImportCancelled). A 20-million-row sheet once ran 400 s
with no output, a 1,000,000-row one ended out of memory.
"""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.progress import OperationCancelled, ProgressCallback
from pal_desktop.services.import_mapping import clean_header, match_header

MAX_FILE_BYTES = 50 * 1024 * 1024
#: Data rows under the header: the registry is built for 100,000 people, and the preview holds every row.
MAX_ROWS = 100_000
#: What an XLSX may unpack to: an honest 50 MB workbook unpacks to a few hundred MB of XML at most.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
#: How often (in rows read) progress is reported and Cancel looked at.
PROGRESS_STEP = 1000
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


class ImportCancelled(OperationCancelled):
    """The user stopped the import; nothing was written."""

    context = "Import"


def _ask(progress: ProgressCallback | None, done: int, total: int) -> None:
    if progress is not None and progress(done, max(total, done)) is False:
        raise ImportCancelled(QT_TRANSLATE_NOOP("Import", "Import przerwano; nic nie zostało zapisane."))


def _megabytes(size: int) -> str:
    """The size in MB as the messages say it: whole above 10 MB, with a decimal comma below ("0,5 MB")."""
    megabytes = size / 1024 / 1024
    return f"{megabytes:.0f}" if megabytes >= 10 else f"{megabytes:.1f}".replace(".", ",")


def check_file_size(path: Path, max_bytes: int | None = None) -> int:
    """The file's size, or ValidationError when it cannot be read, is empty or is over ``max_bytes``."""
    max_bytes = MAX_FILE_BYTES if max_bytes is None else max_bytes
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("Import", "Nie można otworzyć pliku „{path}”: {reason}."),
                              field="file", path=str(path), reason=exc.strerror or str(exc)) from exc
    if size > max_bytes:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Import", "Plik „{name}” jest za duży ({size} MB; najwięcej {max} MB). Podziel go na mniejsze "
                      "części albo usuń zbędne arkusze i kolumny."), field="file", name=path.name,
            size=_megabytes(size), max=_megabytes(max_bytes))
    if size == 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Import", "Plik „{name}” jest pusty."), field="file",
                              name=path.name)
    return size


def check_unpacked_size(path: Path, max_unpacked: int | None = None) -> None:
    """Refuse an XLSX whose parts unpack to more than ``max_unpacked`` bytes, from its directory alone."""
    max_unpacked = MAX_UNPACKED_BYTES if max_unpacked is None else max_unpacked
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _not_a_sheet(path) from exc
    if unpacked > max_unpacked:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Import", "Plik „{name}” po rozpakowaniu zajmuje {size} MB (najwięcej {max} MB) — taki arkusz nie "
                      "zmieści się w pamięci albo plik jest uszkodzony. Zostaw w nim tylko arkusz z danymi "
                      "albo podziel dane na mniejsze pliki."), field="file", name=path.name,
            size=_megabytes(unpacked), max=_megabytes(max_unpacked))


def too_many_rows(path: Path, max_rows: int) -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP(
        "Import", "Plik „{name}” ma więcej niż {max} wierszy danych. Podziel go na części po najwyżej {max} "
                  "wierszy i zaimportuj każdą osobno."), field="file", name=path.name,
        max=_count(max_rows))


def _count(value: int) -> str:
    return f"{value:,}".replace(",", "\u00a0")


def read_sheet(path: Path | str, *, progress: ProgressCallback | None = None, max_bytes: int | None = None,
               max_rows: int | None = None, max_unpacked: int | None = None) -> Sheet:
    """Headers and rows of the first worksheet of an XLSX, or of a CSV (encoding and delimiter detected).

    The limits default to MAX_FILE_BYTES, MAX_ROWS and MAX_UNPACKED_BYTES; ``progress`` may cancel."""
    path = Path(path)
    check_file_size(path, max_bytes)
    max_rows = MAX_ROWS if max_rows is None else max_rows
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("Import", "Nie można otworzyć pliku „{path}”: {reason}."),
                              field="file", path=str(path), reason=exc.strerror or str(exc)) from exc
    suffix = path.suffix.lower()
    if head.startswith(ZIP_SIGNATURE):
        check_unpacked_size(path, max_unpacked)
        return _read_xlsx(path, progress, max_rows)
    if head.startswith(OLE_SIGNATURE):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Import", "Plik „{name}” jest w starym formacie Excel 97-2003 (XLS) albo nie jest arkuszem. Otwórz go "
                      "w Excelu i zapisz jako „Skoroszyt programu Excel (*.xlsx)”."), field="file", name=path.name)
    if suffix in (".xlsx", ".xlsm", ".xltx", ".xls"):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Import", "Plik „{name}” ma rozszerzenie {suffix}, ale nie jest arkuszem Excel (może to plik tekstowy "
                      "ze zmienioną nazwą). Otwórz go w Excelu i zapisz jako XLSX albo CSV."), field="file",
            name=path.name, suffix=suffix)
    return _read_csv(path, path.read_bytes(), progress, max_rows)


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


def _table(path: Path, records: Iterable[Sequence[Any]], kind: str, *, progress: ProgressCallback | None,
           max_rows: int, total: int, **extra) -> Sheet:
    """The sheet under its header, taken from ``records`` one at a time (never all of them in a list)."""
    records = iter(records)
    first = list(itertools.islice(records, HEADER_SEARCH_ROWS))  # islice takes no row past the tenth
    index, _ = _find_header(first)
    if index < 0:
        raise _no_header(path)
    headers = [clean_header(h) for h in first[index]]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    rows: list[list[Any]] = []
    numbers: list[int] = []
    _ask(progress, 0, total)
    for number, record in enumerate(itertools.chain(first[index + 1:], records), start=index + 2):
        if number % PROGRESS_STEP == 0:
            _ask(progress, number, total)
        cells = list(record[:width])
        if not any(c not in (None, "") and not (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        if len(rows) >= max_rows:
            raise too_many_rows(path, max_rows)
        if len(cells) < width:
            cells.extend([None] * (width - len(cells)))
        rows.append(cells)
        numbers.append(number)
    _ask(progress, total, total)
    return Sheet(path.name, headers, rows, numbers, index + 1, kind, **extra)


def _read_xlsx(path: Path, progress: ProgressCallback | None, max_rows: int) -> Sheet:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds (BadZipFile, KeyError...) on a bad file
        raise _not_a_sheet(path) from exc
    try:
        if not workbook.worksheets:
            raise _not_a_sheet(path)
        sheet = workbook.worksheets[0]
        # The sheet's own <dimension> (Excel writes it; some programs omit it or write a wrong one) is the progress
        # bar's length, and a sheet it says is far too long is refused before its first row is read: streaming
        # 100,000 rows through openpyxl takes a quarter of a minute.
        total = sheet.max_row if isinstance(getattr(sheet, "max_row", None), int) else 0
        if total - HEADER_SEARCH_ROWS > max_rows:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Import", "Pierwszy arkusz pliku „{name}” ma {rows} wierszy, a naraz importuje się najwyżej {max} "
                          "wierszy danych. Podziel go na części i zaimportuj każdą osobno (a jeśli pod danymi są "
                          "puste, sformatowane wiersze, usuń je)."), field="file", name=path.name,
                rows=_count(total), max=_count(max_rows))
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # some programs write a wrong <dimension>; read every cell there is
        try:
            return _table(path, sheet.iter_rows(values_only=True), "xlsx", progress=progress, max_rows=max_rows,
                          total=total)
        except (ValidationError, OperationCancelled):
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged worksheet XML
            raise _not_a_sheet(path) from exc
    finally:
        workbook.close()


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


def _read_csv(path: Path, raw: bytes, progress: ProgressCallback | None, max_rows: int) -> Sheet:
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
    try:  # line by line; the line count is the progress bar's length (a quoted cell may hold a new line)
        return _table(path, csv.reader(io.StringIO(text), delimiter=delimiter), "csv", progress=progress,
                      max_rows=max_rows, total=text.count("\n") + 1, encoding=encoding, delimiter=delimiter)
    except csv.Error as exc:
        raise _not_a_sheet(path) from exc


def _first(iterable, count: int):
    for index, item in enumerate(iterable):
        if index >= count:
            return
        yield item


__all__ = ["MAX_FILE_BYTES", "MAX_ROWS", "MAX_UNPACKED_BYTES", "OLE_SIGNATURE", "ZIP_SIGNATURE", "ImportCancelled",
           "Sheet", "check_file_size", "check_unpacked_size", "read_sheet", "too_many_rows"]
