"""The final and the periodic reports of the hand-counted programme (tests/report_data.py): every figure read
back from the PDF, with small counts suppressed and not; versions printed again to the same bytes; the XLSX
export and the CLI."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from pal_desktop.cli import main
from pal_desktop.errors import ConflictError, NotFoundError
from pal_desktop.services import final_report, indicators, report_drafts
from pal_desktop.services.audit import AuditFilter, list_entries
from pal_desktop.services.indicator_export import export_indicators
from tests.report_data import TODAY, build

H1 = (dt.date(2021, 1, 1), dt.date(2021, 6, 30))


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


def final_text(db, pid, suppress: bool) -> str:
    return pdf_text(final_report.print_final_report(db, pid, suppress=suppress, today=TODAY))


# Lines of the people table: (label, women, men, unknown, total) shown in full.
PEOPLE = {
    "Osoby objęte wsparciem (narastająco)": "8 3 1 12",
    "Osoby, które przystąpiły w okresie": "8 3 1 12",
    "Osoby, które zakończyły udział w okresie": "4 3 0 7",
    "Osoby, które zakończyły udział zgodnie ze ścieżką": "2 2 0 4",
    "Osoby, które zakończyły udział niezgodnie ze ścieżką": "2 1 0 3",
    "Osoby, które przerwały udział": "1 1 0 2",
}
PEOPLE_SUPPRESSED = {
    "Osoby objęte wsparciem (narastająco)": "8 * <3 12",
    "Osoby, które zakończyły udział w okresie": "4 3 0 7",
    "Osoby, które zakończyły udział zgodnie ze ścieżką": "<3 <3 0 4",
    "Osoby, które zakończyły udział niezgodnie ze ścieżką": "<3 <3 0 3",
    "Osoby, które przerwały udział": "<3 <3 0 <3",
}


def test_the_final_report_shows_every_hand_counted_figure(db):
    pid = build(db)
    text = final_text(db, pid, suppress=False)
    assert "Raport końcowy z realizacji Programu Aktywności Lokalnej" in text
    assert "Okres sprawozdawczy 01.01.2021 – 31.12.2022" in text and "wersja 1 z dnia 30.06.2022" in text
    assert "pokazane w całości" in text
    for label, cells in PEOPLE.items():
        assert f"{label} {cells}" in text, label
    assert ("Wiek w chwili przystąpienia (przedziały 2014-2020) Kobiety Mężczyźni Płeć nieznana Razem "
            "poniżej 25 lat 2 1 0 3 25-53 lata 3 2 1 6 54 lata lub więcej 2 0 0 2 brak danych 1 0 0 1 "
            "Razem 8 3 1 12") in text
    # Goals with the indicators that support them.
    assert "Osoby objęte wsparciem os. — 12 Osoby, które zakończyły udział zgodnie ze ścieżką os. — 4" in text
    assert "Cel szczegółowy 1 zmniejszenie barier" in text
    assert "zorganizowanie zajęć edukacyjno-kulturalnych szt. 8 2 25 %" in text
    assert "Cel szczegółowy 5 promocja postaw prospołecznych" in text and "usługi wolontariatu godz. 40 14,5 36 %" in text
    # Results with their evidence.
    assert "integracja społeczności lokalnej i grup społecznych • zorganizowanie spotkań: 1 szt. z 4 zakładanych (25 %)" in text
    assert "• zorganizowanie szkoleń: 0 szt. • zorganizowanie staży: 1 szt." in text
    # Products, schedule (the training of 10.06.2021 never marked held is overdue, not planned).
    assert "zorganizowanie spotkań szt. 4 1 25 % zorganizowanie szkoleń szt. — 0 zorganizowanie staży szt. — 1" in text
    assert "5 działania środowiskowe 01.01.2021 – 31.12.2022 — 1 — 1" in text
    assert "7 Akademia Lidera 01.01.2021 – 31.12.2022 — 2 — —" in text
    assert "9 działania prozatrudnieniowe 01.05.2021 – 31.12.2022 — 0 1 —" in text and "Razem — 3 1 1" in text
    # Volunteers' contribution and the charts' labels.
    assert "Godziny pracy wolontariuszy 14,5 Wolontariusze, którzy przepracowali godziny 2" in text
    assert "Wartość pracy wolontariuszy (wkład własny) 435,00 zł" in text
    assert "Postęp wskaźników względem wartości docelowych" in text and "cel (100 %)" in text
    assert "kobiety mężczyźni płeć nieznana" in text


def test_small_counts_are_hidden_in_the_final_report_by_default_and_the_full_print_is_logged(db):
    pid = build(db)
    text = final_text(db, pid, suppress=True)
    for label, cells in PEOPLE_SUPPRESSED.items():
        assert f"{label} {cells}" in text, label
    assert "Razem 8 * <3 12" in text and "poniżej 25 lat <3 <3 * 3" in text
    assert "Wolontariusze, którzy przepracowali godziny <3" in text and "zorganizowanie staży szt. — <3" in text
    assert "liczby 1 i 2 osób ukryte" in text and "Na wykresie nie pokazano liczb ukrytych" in text
    assert list_entries(db, AuditFilter(action="print")) == []
    final_text(db, pid, suppress=False)
    [entry] = list_entries(db, AuditFilter(action="print"))
    assert entry.what == "final_report" and entry.details["suppressed"] is False and entry.details["version"] == 2


def test_the_periodic_report_counts_the_half_year(db):
    pid = build(db)
    shown = pdf_text(indicators.monitoring_report_pdf(db, pid, *H1, today=TODAY, suppress=False))
    assert "Osoby objęte wsparciem (narastająco) 4 2 1 7" in shown
    assert "Osoby, które przystąpiły w okresie 4 2 1 7" in shown
    assert "Osoby, które zakończyły udział w okresie 1 2 0 3" in shown
    assert "Osoby, które zakończyły udział zgodnie ze ścieżką 1 1 0 2" in shown
    assert "Osoby, które przerwały udział 0 1 0 1" in shown
    assert "Wydarzenia i zajęcia, które się odbyły 2" in shown
    assert "Wydarzenia zaplanowane (jeszcze się nie odbyły) 0" in shown
    assert "Wydarzenia zaległe — nie oznaczono, że się odbyły 1" in shown
    assert "Frekwencja na zajęciach, które się odbyły 86 %" in shown
    assert "Godziny pracy wolontariuszy 8,5" in shown and "(wkład własny) 255,00 zł" in shown
    assert "usługi wolontariatu godz. 40 8,5 21 %" in shown and "zorganizowanie spotkań szt. 4 1 25 %" in shown
    assert "9 działania prozatrudnieniowe 01.05.2021 – 31.12.2022 0 — 1 —" in shown
    assert "poniżej 25 lat 2 25-53 lata 4 54 lata lub więcej 1" in shown
    [entry] = list_entries(db, AuditFilter(action="print"))
    assert entry.what == "monitoring_report" and entry.details["period"] == "2021-01-01/2021-06-30"
    hidden = pdf_text(indicators.monitoring_report_pdf(db, pid, *H1, today=TODAY))
    assert "Osoby objęte wsparciem (narastająco) 4 <3 <3 7" in hidden
    assert "Osoby, które zakończyły udział zgodnie ze ścieżką <3 <3 0 <3" in hidden
    assert "kobieta 4 mężczyzna <3 brak danych <3" in hidden and "poniżej 25 lat <3 25-53 lata 4" in hidden
    assert len(list_entries(db, AuditFilter(action="print"))) == 1


def test_the_staffs_texts_are_printed_and_a_version_reprints_identically(db):
    pid = build(db)
    data = final_report.final_report_data(db, pid, today=TODAY)
    goal_key = data.goals[0].key
    result_key = data.results[0].key
    version = report_drafts.save_draft(db, pid, {goal_key: "Bariery zmniejszone: 2 z 8 warsztatów.",
                                                 result_key: "Spotkania sąsiedzkie zintegrowały ulicę Łąkową.",
                                                 "conclusions": "Wnioski: więcej spotkań.",
                                                 "recommendations": "Zacząć rekrutację wcześniej."}, None)
    first = final_report.print_final_report(db, pid, today=TODAY)
    text = pdf_text(first)
    assert "Bariery zmniejszone: 2 z 8 warsztatów." in text and "zintegrowały ulicę Łąkową" in text
    assert "7. Wnioski Wnioski: więcej spotkań." in text and "8. Rekomendacje Zacząć rekrutację wcześniej." in text
    # Later the records and the texts change; version 1 prints as it was.
    report_drafts.save_draft(db, pid, {"conclusions": "Inne wnioski."}, version)
    with pytest.raises(ConflictError):
        report_drafts.save_draft(db, pid, {"conclusions": "Stara kopia."}, version)
    from tests.report_data import Participant, active_programme

    with db.session() as session:
        session.add(Participant(programme_id=active_programme(db).id, status="uczestnik", first_name="Nowa",
                                last_name="Osoba", start_date=dt.date(2022, 3, 1)))
    assert final_report.reprint_final_report(db, 1, pid) == first
    second = pdf_text(final_report.print_final_report(db, pid, today=TODAY))
    assert "Inne wnioski." in second and "Osoby objęte wsparciem (narastająco) 8 * <3 13" in second
    assert "Osoby objęte wsparciem (narastająco) 8 * <3 12" in text
    assert [v.number for v in final_report.list_versions(db, pid)] == [2, 1]
    with pytest.raises(NotFoundError):
        final_report.reprint_final_report(db, 9, pid)


def test_the_xlsx_holds_every_table_with_the_hand_counts(db, tmp_path):
    pid = build(db)
    path = export_indicators(db, pid, tmp_path / "wskazniki.xlsx", suppress=False, today=TODAY)
    book = load_workbook(path, read_only=True)
    sheets = {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}
    book.close()
    assert list(sheets) == ["Wskaźniki", "Osoby według płci", "Wiek", "Cechy uczestników", "Harmonogram",
                            "Wydarzenia i wolontariat"]
    rows = {row[2]: row for row in sheets["Wskaźniki"][1:]}
    assert rows["zorganizowanie spotkań"][4:] == [4, 1, "25 %", "cel szczegółowy 4",
                                                  "integracja społeczności lokalnej i grup społecznych"]
    assert rows["usługi wolontariatu"][4:7] == [40, 14.5, "36 %"] and rows["zorganizowanie staży"][5] == 1
    people = {row[0]: row[1:] for row in sheets["Osoby według płci"][1:]}
    for label, cells in PEOPLE.items():
        assert people[label] == [int(n) for n in cells.split()], label
    ages = {row[0]: row[1:] for row in sheets["Wiek"][1:]}
    assert ages["25-53 lata"] == [3, 2, 1, 6] and ages["Razem"] == [8, 3, 1, 12]
    tasks = {row[1]: row[2:] for row in sheets["Harmonogram"][1:]}
    assert tasks["działania prozatrudnieniowe"] == ["—", 0, 1, 0, 0] and tasks["Akademia Lidera"] == ["—", 2, 0, 0, 1]
    summary = dict(sheets["Wydarzenia i wolontariat"][1:])
    assert summary["Wydarzenia zaległe — nie oznaczono, że się odbyły"] == 1
    assert summary["Godziny pracy wolontariuszy"] == 14.5 and summary["Frekwencja na zajęciach, które się odbyły"] == "89 %"
    hidden = export_indicators(db, pid, tmp_path / "ukryte.xlsx", date_from=H1[0], date_to=H1[1], today=TODAY)
    book = load_workbook(hidden, read_only=True)
    people = {row[0]: list(row[1:]) for row in book["Osoby według płci"].iter_rows(min_row=2, values_only=True)}
    book.close()
    assert people["Osoby objęte wsparciem (narastająco)"] == [4, "<3", "<3", 7]
    assert [e.what for e in list_entries(db, AuditFilter(action="export"))] == ["indicators"]


def test_the_cli_prints_reprints_and_exports(db_url, tmp_path, capsys):
    from pal_desktop.services.database import open_app_database

    assert main(["--db", db_url, "init"]) == 0
    opened = open_app_database(db_url, create=False)
    build(opened.db)
    opened.db.dispose()
    final = tmp_path / "koncowy.pdf"
    assert main(["--db", db_url, "report", "final", "-o", str(final)]) == 0
    assert "Osoby, które zakończyły udział zgodnie ze ścieżką <3 <3 0 4" in pdf_text(final.read_bytes())
    again = tmp_path / "ponownie.pdf"
    assert main(["--db", db_url, "report", "final", "--reprint", "1", "-o", str(again)]) == 0
    assert again.read_bytes() == final.read_bytes()
    full = tmp_path / "pelny.pdf"
    assert main(["--db", db_url, "report", "final", "--no-suppress", "-o", str(full)]) == 0
    assert "Osoby, które zakończyły udział zgodnie ze ścieżką 2 2 0 4" in pdf_text(full.read_bytes())
    periodic = tmp_path / "okresowe.pdf"
    assert main(["--db", db_url, "report", "monitoring", "--from", "01.01.2021", "--to", "30.06.2021",
                 "--no-suppress", "-o", str(periodic)]) == 0
    assert "Osoby, które zakończyły udział w okresie 1 2 0 3" in pdf_text(periodic.read_bytes())
    sheet = tmp_path / "wskazniki.xlsx"
    assert main(["--db", db_url, "export", "indicators", str(sheet), "--from", "2021-01-01", "--to",
                 "2021-06-30"]) == 0
    assert sheet.exists() and "Zapisano wskaźniki" in capsys.readouterr().out
    assert main(["--db", db_url, "report", "final", "--reprint", "5", "-o", str(again)]) == 2
    assert "Nie ma wersji 5" in capsys.readouterr().err
