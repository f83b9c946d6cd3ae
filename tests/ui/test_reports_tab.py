"""Raporty: the programme card is printed from the tab as a PDF opened in the system viewer."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import Qt


def test_the_programme_card_button_opens_the_pdf(qtbot, window, monkeypatch):
    from pal_desktop.ui import pdf_output

    opened = []
    monkeypatch.setattr(pdf_output, "open_file", lambda path: opened.append(path) or True)
    window.select_tab("reports")
    tab = window.tab("reports")
    qtbot.waitUntil(lambda: tab.programme_card_button.isEnabled())
    qtbot.mouseClick(tab.programme_card_button, Qt.MouseButton.LeftButton)
    [path] = opened
    assert path.suffix == ".pdf" and path.parent.name == "wydruki"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)
    assert "Program Aktywności Lokalnej dla Gminy Kłobuck" in " ".join(text.split())
