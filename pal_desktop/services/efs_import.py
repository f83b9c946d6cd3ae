"""The funder's own export of the participant data read back and compared with the registry; writes nothing.

The file may be in either layout (SL2014 or SM EFS, XLSX or CSV); the layout is told by its header row.
People are matched by PESEL, else by the other identifier, else (SL2014, which has none) by surname and
first name; SM EFS lines of one person are compared as the set of forms of support and their starts.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from pal_desktop.domain import efs_2021
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import efs_export, import_sheet
from pal_desktop.services.access_control import require
from pal_desktop.storage.db import Database

HEADER_SEARCH_ROWS = 10
_SUPPORT_2021 = ("Zakres wsparcia", "Zakres wsparcia – w tym", "Data rozpoczęcia udziału we wsparciu")


class DifferenceKind(StrEnum):
    NOT_IN_REGISTRY = "brak_w_rejestrze"
    LEFT_OUT = "pominiety"  # in the registry, but its record fails the checks (so it would not be exported)
    NOT_IN_FILE = "brak_w_pliku"
    FIELD = "pole"


@dataclass(frozen=True)
class EfsDifference:
    kind: DifferenceKind
    key: str
    name: str
    column: str = ""
    registry: str = ""
    file: str = ""

    def text(self) -> str:
        if self.kind == DifferenceKind.NOT_IN_REGISTRY:
            return f"{self.name} ({self.key}): jest w pliku, brak w rejestrze"
        if self.kind == DifferenceKind.LEFT_OUT:
            return f"{self.name} ({self.key}): jest w pliku; w rejestrze pominięty przy eksporcie: {self.file}"
        if self.kind == DifferenceKind.NOT_IN_FILE:
            return f"{self.name} ({self.key}): jest w rejestrze, brak w pliku"
        return f"{self.name} ({self.key}): „{self.column}” — w rejestrze „{self.registry}”, w pliku „{self.file}”"


@dataclass(frozen=True)
class EfsComparison:
    layout: str
    people_in_file: int
    people_in_registry: int
    differences: list[EfsDifference]


def _cell(value: Any) -> str:
    """The cell as comparable text: dates as rrrr-mm-dd (also from dd.mm.rrrr), whole numbers without ",0"."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = " ".join(str(value).split())
    if len(text) == 10 and text[2] == "." and text[5] == "." and text.replace(".", "").isdigit():
        return f"{text[6:]}-{text[3:5]}-{text[:2]}"
    return text


def _capped(path: Path, rows) -> list[list[Any]]:
    """The rows, refused at the first one past the import's row limit (a funder's file is one per person)."""
    records = []
    for row in rows:
        if len(records) > import_sheet.MAX_ROWS + HEADER_SEARCH_ROWS:
            raise import_sheet.too_many_rows(path, import_sheet.MAX_ROWS)
        records.append(list(row))
    return records


def _records(path: Path) -> list[list[Any]]:
    suffix = path.suffix.lower()
    import_sheet.check_file_size(path)  # the import's limits, before a byte is parsed
    if suffix == ".xlsx":
        import openpyxl

        import_sheet.check_unpacked_size(path)
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
            raise ValidationError(QT_TRANSLATE_NOOP("Efs", "Pliku „{name}” nie da się odczytać jako arkusza XLSX."),
                                  field="path", name=path.name) from exc
        try:
            return _capped(path, book.worksheets[0].iter_rows(values_only=True))
        finally:
            book.close()
    if suffix != ".csv":
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Efs", "Plik „{name}” musi mieć rozszerzenie .xlsx albo .csv."), field="path", name=path.name)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1250")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return _capped(path, csv.reader(io.StringIO(text), delimiter=delimiter))


def read_efs_file(path: Path | str) -> tuple[str, list[dict[str, str]]]:
    """The layout and the rows (column -> text) of a funder's file."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(QT_TRANSLATE_NOOP("Efs", "Nie znaleziono pliku „{name}”."), field="path", name=path.name)
    records = _records(path)
    headers = [[_cell(c) for c in row] for row in records[:HEADER_SEARCH_ROWS]]
    index = next((i for i, h in enumerate(headers) if "Imię" in h and "Nazwisko" in h), None)
    if index is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Efs", "W pliku „{name}” nie ma wiersza nagłówków z kolumnami „Imię” i „Nazwisko”."), field="path",
            name=path.name)
    header = headers[index]
    layout = efs_export.SMEFS if "PESEL/Inny identyfikator" in header else efs_export.SL2014
    rows = []
    for row in records[index + 1:]:
        cells = [_cell(c) for c in row]
        if any(cells):
            rows.append({column: (cells[i] if i < len(cells) else "") for i, column in enumerate(header) if column})
    return layout, rows


def _key(row: dict[str, str], layout: str) -> str:
    if layout == efs_export.SMEFS:
        return row.get("PESEL/Inny identyfikator") or row.get("Techniczny identyfikator uczestnika", "")
    return row.get("PESEL") or f"{row.get('Nazwisko', '')} {row.get('Imię', '')}".strip()


def _people(rows: list[dict[str, str]], layout: str) -> dict[str, tuple[dict[str, str], set[tuple[str, ...]]]]:
    """Key -> (the person's cells, their support lines); SL2014 has one line per person, support in it."""
    people: dict[str, tuple[dict[str, str], set[tuple[str, ...]]]] = {}
    for row in rows:
        key = _key(row, layout)
        person, lines = people.setdefault(key, ({k: v for k, v in row.items() if k not in _SUPPORT_2021}, set()))
        if layout == efs_export.SMEFS and any(row.get(c) for c in _SUPPORT_2021):
            lines.add(tuple(row.get(c, "") for c in _SUPPORT_2021))
    return people


def _left_out_keys(db: Database, skipped) -> dict[str, str]:
    """Every key a left-out record could have in the file (PESEL, document, technical id, name) -> why."""
    from pal_desktop.services.efs_export_2021 import technical_id
    from pal_desktop.storage.models import Participant

    keys: dict[str, str] = {}
    with db.reading() as session:
        for problem in skipped:
            p = session.get(Participant, problem.participant_id)
            why = "; ".join(problem.reasons)
            for key in (p.pesel, p.document_number.strip(), technical_id(p), f"{p.last_name} {p.first_name}"):
                if key:
                    keys[key] = why
    return keys


def compare_efs_file(db: Database, programme_id: int, path: Path | str) -> EfsComparison:
    """Who is missing on either side and which fields differ between the funder's file and the registry."""
    require(Permission.EXPORT)
    layout, file_rows = read_efs_file(path)
    columns = efs_2021.COLUMNS if layout == efs_export.SMEFS else efs_export.EFS_COLUMNS
    rows, skipped = efs_export.collect_efs(db, programme_id, layout)
    left_out = _left_out_keys(db, skipped)
    ours = _people([dict(zip(columns, (_cell(c) for c in row), strict=True)) for row in rows], layout)
    theirs = _people(file_rows, layout)
    differences: list[EfsDifference] = []

    def name(person: dict[str, str]) -> str:
        return f"{person.get('Nazwisko', '')} {person.get('Imię', '')}".strip()

    for key, (person, lines) in ours.items():
        if key not in theirs:
            differences.append(EfsDifference(DifferenceKind.NOT_IN_FILE, key, name(person)))
            continue
        other, other_lines = theirs[key]
        for column in columns:
            if column in _SUPPORT_2021 and layout == efs_export.SMEFS:
                continue
            if column in other and person.get(column, "") != other[column]:
                differences.append(EfsDifference(DifferenceKind.FIELD, key, name(person), column,
                                                 person.get(column, ""), other[column]))
        if layout == efs_export.SMEFS and lines != other_lines:
            differences.append(EfsDifference(
                DifferenceKind.FIELD, key, name(person), "Zakres wsparcia",
                " | ".join(" ".join(filter(None, line)) for line in sorted(lines)),
                " | ".join(" ".join(filter(None, line)) for line in sorted(other_lines))))
    for key, (person, _) in theirs.items():
        if key in left_out:
            differences.append(EfsDifference(DifferenceKind.LEFT_OUT, key, name(person), file=left_out[key]))
        elif key not in ours:
            differences.append(EfsDifference(DifferenceKind.NOT_IN_REGISTRY, key, name(person)))
    return EfsComparison(layout, len(theirs), len(ours), differences)


__all__ = ["DifferenceKind", "EfsComparison", "EfsDifference", "compare_efs_file", "read_efs_file"]
