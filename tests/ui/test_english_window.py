"""The English window shows no Polish of the program's own: every tab's headers and cells, read with demo data.

Data typed by the office (names, places, titles) stays as typed; what the program itself says (statuses,
kinds, yes/no, units, headers) must come through the translation. A cell or header equal to a Polish source
text whose English translation differs is a text that skipped the translation.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtCore import Qt

TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "pal_desktop_en.ts"
#: Source texts that are also ordinary data or the same in both languages: two of the seed programme's task
#: names are also names of event types.
SAME_IN_DATA = {"%", "Lp.", "PESEL", "Email", "E-mail", "Akademia Lidera", "imprezy integracyjne"}


def _translated_sources() -> set[str]:
    sources = set()
    for message in ElementTree.parse(TS_FILE).getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.findtext("translation") or ""
        if translation and translation != source and "{" not in source:
            sources.add(source.replace("&", ""))
    return sources - SAME_IN_DATA


def test_every_tab_of_the_english_window_shows_its_own_texts_in_english(qtbot, qapp, make_window, demo_app_db):
    from pal_desktop.i18n import install_translators

    polish = _translated_sources()
    found: list[str] = []
    flagged = 0  # the demo's held events have no scanned lists: their marks' tooltips are read too
    try:
        install_translators(qapp, "en")
        window = make_window(demo_app_db)
        for tab_id in window.tab_ids():
            window.select_tab(tab_id)
            tab = window.current_tab()
            qtbot.waitUntil(lambda tab=tab: not tab.busy_reading() and (
                not hasattr(tab, "is_current") or tab.is_current()), timeout=20000)
            model = tab.table.model()
            for column in range(model.columnCount()):
                header = model.headerData(column, Qt.Orientation.Horizontal) or ""
                if str(header).replace("&", "") in polish:
                    found.append(f"{tab_id}: header {header!r}")
            for row in range(min(model.rowCount(), 60)):
                for column in range(model.columnCount()):
                    index = model.index(row, column)
                    value = index.data()
                    if value is not None and str(value) in polish:
                        found.append(f"{tab_id}: row {row}, column {column}: {value!r}")
                    # Marks explained in a tooltip (a held event without a signed list) are the program's too.
                    tip = index.data(Qt.ItemDataRole.ToolTipRole)
                    if tip is not None and str(tip) in polish:
                        found.append(f"{tab_id}: row {row}, column {column}, tooltip: {tip!r}")
                    if tab_id == "events" and index.data(Qt.ItemDataRole.DecorationRole) is not None:
                        flagged += 1
        window.close()
    finally:
        install_translators(qapp, "pl")
    assert not found, "\n".join(sorted(set(found)))
    assert flagged
