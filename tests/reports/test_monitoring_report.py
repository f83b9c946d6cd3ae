"""The monitoring report and the final report: Polish text, indicators, people, pages; the CLI writes them."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from pal_desktop.cli import main
from pal_desktop.reports.monitoring_report import (
    IndicatorLine,
    MonitoringReportData,
    render_monitoring_report,
)
from pal_desktop.reports.styles import DocumentHeader
from pal_desktop.services import indicators
from pal_desktop.services.programmes import active_programme


def pdf_text(content: bytes) -> tuple[str, int]:
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages), len(pages)


def test_the_periodic_report_of_the_demo_programme(demo_db):
    programme = active_programme(demo_db)
    content = indicators.monitoring_report_pdf(demo_db, programme.id, dt.date(2021, 1, 1), dt.date(2021, 12, 31),
                                               today=dt.date(2022, 1, 10))
    text, pages = pdf_text(content)
    assert "Sprawozdanie z realizacji Programu Aktywności Lokalnej" in text
    assert "Okres sprawozdawczy 01.01.2021 – 31.12.2021" in text
    assert "zorganizowanie zajęć edukacyjno-kulturalnych" in text and "usługi wolontariatu" in text
    assert "ocena opisowa" in text and "Akademia Lidera" in text
    assert "Wiek w chwili przystąpienia" in text and "mężczyzna" in text and "Odmowa podania informacji" in text
    assert "Wnioski" in text and "sporządził(a)" in text and "zatwierdził(a)" in text
    assert f"Strona 1 z {pages}" in text and f"Strona {pages} z {pages}" in text


def test_the_final_report_covers_the_whole_programme(demo_db):
    text, _ = pdf_text(indicators.monitoring_report_pdf(demo_db, final=True))
    assert "Raport końcowy z realizacji Programu Aktywności Lokalnej" in text
    assert "Okres sprawozdawczy 01.01.2021 – 31.12.2022" in text and "ocena osiągnięcia celów" in text


def test_the_renderer_takes_plain_values():
    content = render_monitoring_report(MonitoringReportData(
        header=DocumentHeader(organisation="Gminny Ośrodek Pomocy Społecznej w Kłobucku"), title="PAL Żółć",
        period="01.01.2021 – 30.06.2021",
        products=[IndicatorLine("zorganizowanie spotkań", "szt.", "12", "9", "75 %")]))
    text, pages = pdf_text(content)
    assert "Gminny Ośrodek Pomocy Społecznej w Kłobucku" in text and "PAL Żółć" in text
    assert "zorganizowanie spotkań szt. 12 9 75 %" in text and pages == 1 and "Strona 1 z 1" in text


def test_the_cli_writes_the_monitoring_report(db_url, tmp_path, capsys):
    assert main(["--db", db_url, "init"]) == 0
    output = tmp_path / "sprawozdanie.pdf"
    assert main(["--db", db_url, "report", "monitoring", "--from", "01.01.2021", "--to", "2021-06-30",
                 "-o", str(output)]) == 0
    text, _ = pdf_text(output.read_bytes())
    assert "Sprawozdanie z realizacji" in text and "01.01.2021 – 30.06.2021" in text
    final = tmp_path / "koncowy.pdf"
    assert main(["--db", db_url, "report", "monitoring", "--final", "-o", str(final)]) == 0
    assert "Raport końcowy" in pdf_text(final.read_bytes())[0]
    assert main(["--db", db_url, "report", "monitoring", "--programme", "99", "-o", str(final)]) == 2
    assert main(["--db", db_url, "report", "monitoring", "--from", "2022-01-01", "--to", "2021-01-01",
                 "-o", str(final)]) == 2
    assert "nie może być wcześniejszy" in capsys.readouterr().err
