"""Importing participants from the sheets offices already keep: XLSX, or CSV with ``;`` or ``,`` in UTF-8
(with or without BOM), UTF-16 or Windows-1250.

The flow is read → map → preview (and repair) → apply, one module each:

* ``import_sheet.read_sheet`` finds the header row and the rows under it;
* ``import_mapping.guess_mapping`` matches headers to fields; the dialog may correct and keep a mapping;
* ``domain.import_cells`` reads the cells, ``import_rows`` turns a row into ``ParticipantInput`` fields;
* ``import_preview.preview_import`` checks every row, without a query per row; ``edit_rows`` and
  ``add_streets_to_area`` repair rows in the preview;
* ``import_apply.apply_import`` writes the valid rows in one transaction: all of them or none;
* ``import_rejected.write_rejected`` keeps the rows left out as a sheet to fix and import again.

This module gathers the names callers use (the CLI, the import dialog, the tests).
"""

from __future__ import annotations

from pal_desktop.domain.import_cells import (
    cell_text,
    excel_serial_date,
    parse_date,
    parse_enum,
    parse_flag,
    parse_pesel,
    parse_postal_code,
    parse_reasons,
    split_address,
    split_name,
)
from pal_desktop.services.import_apply import ImportReport, apply_import
from pal_desktop.services.import_mapping import (
    HEADER_SYNONYMS,
    IMPORT_FIELDS,
    ColumnMapping,
    guess_mapping,
    header_key,
    load_mapping,
    match_header,
    save_mapping,
    saved_mapping_names,
)
from pal_desktop.services.import_preview import (
    ERROR,
    NEW,
    UPDATE,
    Edits,
    ImportCancelled,
    ImportPreview,
    PreviewColumn,
    Progress,
    RowResult,
    UnknownStreet,
    add_streets_to_area,
    edit_rows,
    preview_import,
    unknown_streets,
)
from pal_desktop.services.import_rejected import rejected_path_for, rejected_rows, write_rejected
from pal_desktop.services.import_rows import Known as _Known
from pal_desktop.services.import_rows import document_key
from pal_desktop.services.import_rows import load_streets as _load_streets
from pal_desktop.services.import_sheet import MAX_FILE_BYTES, OLE_SIGNATURE, ZIP_SIGNATURE, Sheet, read_sheet

__all__ = [
    "ERROR", "HEADER_SYNONYMS", "IMPORT_FIELDS", "MAX_FILE_BYTES", "NEW", "OLE_SIGNATURE", "UPDATE", "ZIP_SIGNATURE",
    "ColumnMapping", "Edits", "ImportCancelled", "ImportPreview", "ImportReport", "PreviewColumn", "Progress",
    "RowResult", "Sheet", "UnknownStreet", "_Known", "_load_streets", "add_streets_to_area", "apply_import",
    "cell_text", "document_key", "edit_rows", "excel_serial_date", "guess_mapping", "header_key", "load_mapping",
    "match_header", "parse_date", "parse_enum", "parse_flag", "parse_pesel", "parse_postal_code", "parse_reasons",
    "preview_import", "read_sheet", "rejected_path_for", "rejected_rows", "save_mapping", "saved_mapping_names",
    "split_address", "split_name", "unknown_streets", "write_rejected",
]
