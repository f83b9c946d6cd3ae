"""The rows an import left out, as a sheet to fix and import again.

The sheet has the file's own columns (with what was typed in the preview), the columns the preview added
(e.g. "Uzasadnienie adresu spoza obszaru") and, last, "Błędy" with every problem of the row on its own line.
Importing it again reads the same columns; "Błędy" matches no field and is left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.import_preview import ImportPreview
from pal_desktop.services.participant_export import write_table

ERRORS_HEADER = QT_TRANSLATE_NOOP("Import", "Błędy")
REJECTED_SUFFIX = "-pominiete.xlsx"


def rejected_path_for(source: Path | str) -> Path:
    """Where the CLI keeps the rows left out: next to the input, "<name>-pominiete.xlsx"."""
    source = Path(source)
    return source.with_name(source.stem + REJECTED_SUFFIX)


def rejected_rows(preview: ImportPreview) -> tuple[list[str], list[list[Any]]]:
    """(headers, rows) of the sheet of rows left out: the sheet's cells as they were, edits typed over them."""
    context = preview.context
    sheet = context.sheet if context is not None else None
    added = [c for c in preview.columns if c.index is None]
    headers = [*preview.headers, *(c.header for c in added), ERRORS_HEADER]
    by_number = dict(zip(sheet.row_numbers, sheet.rows, strict=True)) if sheet is not None else {}
    rows: list[list[Any]] = []
    for result in preview.error_rows:
        cells = list(by_number.get(result.row_number, [None] * len(preview.headers)))
        edits = preview.edits.get(result.row_number, {})
        for column in preview.columns:
            if column.index is not None and column.field in edits:
                cells[column.index] = edits[column.field]
        cells.extend(edits.get(c.field, "") for c in added)
        cells.append("\n".join(result.errors))
        rows.append(cells)
    return headers, rows


def write_rejected(preview: ImportPreview, path: Path | str) -> int:
    """Write the rows left out to an XLSX (or CSV, by suffix); returns how many."""
    headers, rows = rejected_rows(preview)
    widths = [max(10, min(40, len(h) + 2)) for h in headers[:-1]] + [80]
    return write_table(Path(path), headers, rows, sheet_title=QT_TRANSLATE_NOOP("Import", "Pominięte"),
                       widths=widths)


def save_rejected(db, preview: ImportPreview, path: Path | str) -> int:
    """``write_rejected``, logged as an export: the rows name people, so who took them out is recorded."""
    from pal_desktop.services.participant_export import log_export

    count = write_rejected(preview, path)
    log_export(db, "import_rejected", Path(path), count)
    return count


__all__ = ["ERRORS_HEADER", "rejected_path_for", "rejected_rows", "save_rejected", "write_rejected"]
