"""Documents embed a font with Polish letters, and the text comes back out of the PDF intact."""

from __future__ import annotations

import io

from pypdf import PdfReader

from pal_desktop.cli import main
from pal_desktop.reports.programme_card import ProgrammeCardData, ScheduleLine, render_programme_card
from pal_desktop.reports.styles import DocumentHeader


def pdf_text(content: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def embedded_fonts(content: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(content))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                names.add(str(font["/BaseFont"]))
    return names


def test_polish_letters_survive_the_round_trip():
    content = render_programme_card(ProgrammeCardData(
        header=DocumentHeader(organisation="Miejski Ośrodek Pomocy Społecznej w Łodzi"),
        title="Łódź, Żółć", subtitle="Gęślą jaźń", period="01.01.2021 – 31.12.2022",
        schedule=[ScheduleLine(1, "źdźbło", "", "01.2021")]))
    text, pages = pdf_text(content)
    assert "Łódź, Żółć" in text
    assert "Gęślą jaźń" in text and "źdźbło" in text
    assert pages == 1 and "Strona 1 z 1" in text
    assert any("DejaVuSans" in name for name in embedded_fonts(content))


def test_the_programme_card_of_the_seeded_programme(db_url, tmp_path, capsys):
    assert main(["--db", db_url, "init"]) == 0
    output = tmp_path / "karta programu.pdf"
    assert main(["--db", db_url, "report", "programme", "-o", str(output)]) == 0
    text, pages = pdf_text(output.read_bytes())
    flat = " ".join(text.split())
    assert "Program Aktywności Lokalnej dla Gminy Kłobuck na lata 2021-2022" in flat
    assert "„Centrum Integracji i Aktywności Społecznej”" in flat
    assert "wyłonienie animatorów lokalnych" in flat and "01.01.2021 – 31.03.2021" in flat
    assert "zakończenie programu" in flat
    assert pages >= 2 and f"Strona {pages} z {pages}" in text
