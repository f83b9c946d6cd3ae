"""The import's preview: every row of the sheet converted and checked, nothing written; and the repairs an
office makes in it instead of fixing the file elsewhere and starting again:

* ``edit_rows``: cells typed in the preview (or one value given to many rows, e.g. the reason for a street
  outside the area) replace the sheet's cells of those fields; the rows are checked again at once;
* ``add_streets_to_area``: the sheet's streets the area list does not know, added to it in one transaction.

Validation is ``participants.collect_errors`` itself; the two questions it asks the database (is this PESEL
registered? is the street in the area?) are answered by ``import_rows.Known`` from data fetched once for the
whole file; ``tests/services/test_participant_import.py`` checks both answers agree.

A row that gives a start date of participation and no status becomes a participant (status *uczestnik*):
who has joined is a participant, not a candidate; a status in the sheet decides where there is one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from pal_desktop.domain import validation as rules
from pal_desktop.domain.enums import ParticipantStatus, SupportReason
from pal_desktop.domain.import_cells import cell_text, check_pesel_cached
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.progress import ProgressCallback, scaled
from pal_desktop.services import participants
from pal_desktop.services.import_mapping import FILLS, IMPORT_FIELDS, ColumnMapping, guess_mapping
from pal_desktop.services.import_rows import (
    Converted,
    Known,
    convert_row,
    document_key,
    field_label,
    load_streets,
    programme_starts,
    registered_documents,
    street_key,
)
from pal_desktop.services.import_sheet import ImportCancelled, Sheet, read_sheet
from pal_desktop.services.participants import ParticipantInput
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import AreaStreet, Participant, Programme

NEW, UPDATE, ERROR = "new", "update", "error"
#: Rows per IN (...) list when looking PESEL numbers up.
CHUNK = 900
#: How often (in rows) the progress callback is asked whether to go on.
PROGRESS_STEP = 500
#: The part of preview_import's progress (of 100) that reading the file takes; checking the rows is the rest.
READING_SHARE = 40

#: ``progress(done, total)`` is called as rows are checked or written; returning False cancels.
Progress = ProgressCallback
#: Sheet row number → import field → the text typed for it in the preview.
Edits = Mapping[int, Mapping[str, str]]


def _cancelled() -> ImportCancelled:
    return ImportCancelled(QT_TRANSLATE_NOOP("Import", "Import przerwano; nic nie zostało zapisane."))


def ask(progress: Progress | None, done: int, total: int) -> None:
    """Report progress; ImportCancelled when the callback says stop."""
    if progress is not None and progress(done, total) is False:
        raise _cancelled()


@dataclass(frozen=True)
class PreviewColumn:
    """A column of the preview: a mapped column of the sheet, or one the preview added (``index`` None)."""

    header: str
    field: str
    index: int | None


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
    #: The text of each of the preview's columns, edits included.
    cells: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return f"{self.data.last_name} {self.data.first_name}".strip()

    @property
    def error_fields(self) -> frozenset[str]:
        """The ParticipantInput fields at fault."""
        return frozenset(p.field for p in self.problems if p.field)


@dataclass
class _Context:
    """What checking a row again needs, kept from the first preview so edits cost no file read."""

    sheet: Sheet
    columns: list[tuple[int, str]]  # (index in the sheet, field) of the mapped columns
    names: dict[str, str]  # ParticipantInput field → the sheet's header
    known: Known
    existing: dict[int, tuple[ParticipantInput, int]]
    converted: list[Converted]  # each row as the sheet has it, before edits


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    path: Path
    programme_id: int
    headers: list[str]
    mapping: ColumnMapping
    rows: list[RowResult]
    columns: tuple[PreviewColumn, ...] = ()
    edits: Mapping[int, Mapping[str, str]] = field(default_factory=dict)
    context: _Context | None = field(default=None, repr=False, compare=False)

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

    def row(self, row_number: int) -> RowResult:
        for result in self.rows:
            if result.row_number == row_number:
                return result
        raise KeyError(row_number)


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
        for target in (name, *FILLS.get(name, ())):
            names.setdefault(target, header)
    return names


def _check_mapping(mapping: ColumnMapping, file_name: str) -> None:
    chosen = mapping.fields()
    if not ({"first_name", "last_name"} <= chosen or chosen & {"full_name", "full_name_reversed"}):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Import", "W pliku „{name}” nie rozpoznano kolumn z imieniem i nazwiskiem. Przypisz je ręcznie "
                      "(kolumny „Imię” i „Nazwisko” albo „Imię i nazwisko”)."), field="mapping", name=file_name)


def chunks(items: Sequence, size: int = CHUNK):
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


def _existing_inputs(session, ids: list[int]) -> dict[int, tuple[ParticipantInput, int]]:
    """The registry's current data of these people, as inputs, with their row versions."""
    found: dict[int, tuple[ParticipantInput, int]] = {}
    for chunk in chunks(ids):
        for person in session.scalars(select(Participant).where(Participant.id.in_(chunk))
                                      .options(selectinload(Participant.reasons))):
            values = {name: getattr(person, name) for name in participants._COLUMN_FIELDS}
            values["pesel"] = values["pesel"] or ""
            reasons = tuple(sorted((r.reason for r in person.reasons), key=list(SupportReason).index))
            found[person.id] = (ParticipantInput(**values, reasons=reasons), person.version)
    return found


def _learn(session, context: _Context, converted: Sequence[Converted]) -> None:
    """Ask the database about the PESEL numbers and documents of these rows that the context does not know."""
    known = context.known
    wanted = sorted({c.values["pesel"] for c in converted if c.values.get("pesel")} - known.asked)
    known.asked.update(wanted)
    found: dict[str, int] = {}
    for chunk in chunks(wanted):
        found.update(session.execute(select(Participant.pesel, Participant.id)
                                     .where(Participant.pesel.in_(chunk))).tuples().all())
    known.pesels.update(found)
    in_file = {document_key(c.values.get("document_number", "")) for c in converted
               if c.values.get("no_pesel") and not c.values.get("pesel")}
    matched = {pid for key, pid in known.documents.items() if key in in_file}
    ids = sorted((set(found.values()) | matched) - set(context.existing))
    context.existing.update(_existing_inputs(session, ids))


def _preview_columns(context: _Context, mapping: ColumnMapping, edits: Edits) -> tuple[PreviewColumn, ...]:
    columns = [PreviewColumn(context.sheet.headers[i], name, i) for i, name in context.columns]
    present = {c.field for c in columns}
    added = {name for row in edits.values() for name in row} - present
    columns.extend(PreviewColumn(field_label(name), name, None) for name in IMPORT_FIELDS if name in added)
    return tuple(columns)


def preview_import(db: Database, path: Path | str, mapping: ColumnMapping | None = None,
                   programme_id: int | None = None, *, edits: Edits | None = None,
                   progress: Progress | None = None, sheet: Sheet | None = None) -> ImportPreview:
    """Every row of the file converted and checked; nothing is written. ``edits`` are applied as typed in the
    preview; ``progress`` may cancel (ImportCancelled). ``sheet``: the file as read_sheet read it already (the
    import window reads it once, not again at each change of the mapping)."""
    path = Path(path)
    if sheet is None:
        sheet = read_sheet(path, progress=scaled(progress, 0, READING_SHARE))  # reading, then checking, one bar
    guessed = guess_mapping(sheet.headers)
    if mapping is not None:  # a saved mapping decides the columns it knows; new columns are guessed
        guessed.columns.update(mapping.columns)
    mapping = guessed
    _check_mapping(mapping, sheet.file_name)
    columns = [(i, mapping.field_for(h)) for i, h in enumerate(sheet.headers) if mapping.field_for(h)]
    converted = [convert_row(cells, columns) for cells in sheet.rows]
    with db.reading() as session:
        programme_id = _programme_for(db, session, programme_id)
        streets, owners = load_streets(session)
        known = Known({}, streets, owners, documents=registered_documents(session),
                      programme_starts=programme_starts(session))
        context = _Context(sheet, columns, _column_names(sheet.headers, mapping), known, {}, converted)
        edited = _edited_conversions(context, edits or {})
        _learn(session, context, [*converted, *edited.values()])
    return _checked(path, programme_id, mapping, context, dict(edits or {}), edited,
                    scaled(progress, READING_SHARE, 100))


def _edited_conversions(context: _Context, edits: Edits) -> dict[int, Converted]:
    index = {number: position for position, number in enumerate(context.sheet.row_numbers)}
    return {number: convert_row(context.sheet.rows[index[number]], context.columns, row)
            for number, row in edits.items() if number in index and row}


def _checked(path: Path, programme_id: int, mapping: ColumnMapping, context: _Context, edits: dict,
             edited: dict[int, Converted], progress: Progress | None) -> ImportPreview:
    sheet = context.sheet
    preview_columns = _preview_columns(context, mapping, edits)
    seen: dict[tuple[str, str], int] = {}
    results: list[RowResult] = []
    total = len(sheet.rows)
    for position, (number, cells) in enumerate(zip(sheet.row_numbers, sheet.rows, strict=True)):
        if position % PROGRESS_STEP == 0:
            ask(progress, position, total)
        row = edited.get(number) or context.converted[position]
        result = _check_row(number, row, programme_id, context, seen)
        row_edits = edits.get(number, {})
        texts = tuple(row_edits[c.field] if c.field in row_edits else
                      (cell_text(cells[c.index]) if c.index is not None else "") for c in preview_columns)
        results.append(replace(result, cells=texts))
    ask(progress, total, total)
    return ImportPreview(sheet.file_name, path, programme_id, sheet.headers, mapping, results, preview_columns,
                         edits, context)


def edit_rows(db: Database, preview: ImportPreview, changes: Edits, *,
              progress: Progress | None = None) -> ImportPreview:
    """The preview with these cells typed in (row number → field → text; "" empties a cell) and every row
    checked again. Only PESEL numbers new to the preview are looked up; the file is not read again."""
    context = preview.context
    if context is None:
        raise ValueError("a preview made by preview_import")
    edits = {number: dict(row) for number, row in preview.edits.items()}
    for number, row in changes.items():
        edits.setdefault(number, {}).update(row)
    edited = _edited_conversions(context, edits)
    fresh = [edited[number] for number in changes if number in edited]
    with db.reading() as session:
        _learn(session, context, fresh)
    return _checked(preview.path, preview.programme_id, preview.mapping, context, edits, edited, progress)


def _check_row(number: int, row: Converted, programme_id: int, context: _Context,
               seen: dict[tuple[str, str], int]) -> RowResult:
    known, existing, names = context.known, context.existing, context.names
    values = {k: v for k, v in row.values.items() if k in _INPUT_FIELDS}
    problems: list[tuple[str, ValidationError]] = list(row.problems)
    pesel = values.get("pesel", "")
    document = "" if pesel or not values.get("no_pesel") else document_key(values.get("document_number", ""))
    # The same person: the same PESEL, or (without PESEL) the same identity document.
    existing_id = known.pesels.get(pesel) if pesel else known.documents.get(document) if document else None
    version = None
    base = None
    if existing_id is not None and existing_id in existing:
        base, version = existing[existing_id]
    else:
        existing_id = None
    if values.get("start_date") and "status" not in values and (
            base is None or base.status in (ParticipantStatus.CANDIDATE, ParticipantStatus.RESERVE)):
        values["status"] = ParticipantStatus.ACTIVE  # who has joined is a participant
    if base is not None:
        data = replace(base, **values)
    else:
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
    problem_errors = tuple(_row_problem(number, names.get(name) or field_label(name), name, error)
                           for name, error in problems)
    action = ERROR if problems else (UPDATE if existing_id is not None else NEW)
    if not problems and data.pesel and not data.no_pesel:  # participants._complete: birth date and sex from PESEL
        pesel, birth, sex = check_pesel_cached(data.pesel)
        data = replace(data, pesel=pesel, birth_date=data.birth_date or birth, sex=data.sex or sex)
    return RowResult(number, data, [str(p) for p in problem_errors], action, existing_id, version, problem_errors)


_INPUT_FIELDS = frozenset(f.name for f in fields(ParticipantInput))


def _with_area_street(data: ParticipantInput, known: Known) -> ParticipantInput:
    """A street of the area gets its id, its spelling from the area list, and its postal code if none given."""
    if data.street_id is not None or not data.street_name:
        return data
    match = known.streets.get(data.programme_id or 0, {}).get(street_key(data.street_name))
    if match is None:
        return data
    street_id, name, code, locality = match
    return replace(data, street_id=street_id, street_name=name, postal_code=data.postal_code or code,
                   city=data.city or locality)


# ---- Streets the area does not know ---------------------------------------------------------------------


@dataclass(frozen=True)
class UnknownStreet:
    """A street of the sheet outside the area list, as the sheet spells it, with the rows that give it."""

    name: str
    rows: tuple[int, ...]
    postal_code: str
    locality: str


def _most_common(values: Sequence[str]) -> str:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else ""


def unknown_streets(preview: ImportPreview) -> list[UnknownStreet]:
    """Streets of rows refused only for want of a reason for an address outside the area, in sheet order."""
    groups: dict[str, list[RowResult]] = {}
    for row in preview.rows:
        if row.action == ERROR and "outside_area_reason" in row.error_fields and row.data.street_name:
            groups.setdefault(street_key(row.data.street_name), []).append(row)
    found = []
    for rows in groups.values():
        codes = [r.data.postal_code for r in rows if rules.POSTAL_CODE.match(r.data.postal_code or "")]
        found.append(UnknownStreet(rows[0].data.street_name, tuple(r.row_number for r in rows), _most_common(codes),
                                   _most_common([r.data.city for r in rows])))
    return found


def add_streets_to_area(db: Database, preview: ImportPreview, names: Sequence[str] | None = None) -> ImportPreview:
    """Add the sheet's unknown streets (all, or those named) to the programme's area in one transaction, and
    check the rows again. Returns the new preview."""
    wanted = {street_key(n) for n in names} if names is not None else None
    streets = [s for s in unknown_streets(preview) if wanted is None or street_key(s.name) in wanted]
    with db.session() as session:
        present = {(street_key(n), loc) for n, loc in session.execute(
            select(AreaStreet.name, AreaStreet.locality).where(AreaStreet.programme_id == preview.programme_id))}
        for street in streets:
            if (street_key(street.name), street.locality) not in present:
                session.add(AreaStreet(programme_id=preview.programme_id, name=street.name,
                                       postal_code=street.postal_code, locality=street.locality))
                present.add((street_key(street.name), street.locality))
    return preview_import(db, preview.path, preview.mapping, preview.programme_id, edits=preview.edits)


__all__ = ["ERROR", "NEW", "UPDATE", "Edits", "ImportCancelled", "ImportPreview", "PreviewColumn", "Progress",
           "RowResult", "UnknownStreet", "add_streets_to_area", "edit_rows", "preview_import", "unknown_streets"]
