"""The attendance list: names in Polish order, blank rows, header on every page, page numbers."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from pal_desktop.cli import main
from pal_desktop.services import attendance_lists, events, participants
from pal_desktop.services.demo import pesel_for


def pdf_pages(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def register(db, count: int) -> list[int]:
    firsts = ["Łucja", "Żaneta", "Ćwirek", "Zenon", "Ola"]
    return [participants.create_participant(db, participants.ParticipantInput(
        first_name=firsts[n % len(firsts)], last_name=f"Źdźbło-{n:04d}",
        pesel=pesel_for(dt.date(1970, 1, 1) + dt.timedelta(days=n), n % 5000, n % 2 == 0))).id
        for n in range(count)]


def test_a_thirty_person_list(db):
    event_id = events.create_event(db, events.EventInput(
        title="Łódź, Żółć — warsztaty", event_date=dt.date(2021, 5, 11), start_time=dt.time(10, 0),
        end_time=dt.time(12, 0), place="Świetlica", leader_name="Jolanta Łęcka"))
    events.enrol(db, event_id, register(db, 30))
    pages = pdf_pages(attendance_lists.attendance_list_pdf(db, event_id))
    text = "\n".join(pages)
    assert "LISTA OBECNOŚCI" in text and "Łódź, Żółć — warsztaty" in text
    assert "11.05.2021" in text and "10:00–12:00" in text and "Jolanta Łęcka" in text
    assert "Łucja Źdźbło-0000" in text and "36." in text  # 30 names and 6 blank rows for walk-ins
    assert len(pages) == 2
    for number, page in enumerate(pages, start=1):
        assert f"Strona {number} z 2" in page
        assert "Program Aktywności Lokalnej dla Gminy Kłobuck" in page  # the header repeats
        assert "Lista obecności: Łódź, Żółć — warsztaty — 11.05.2021" in page
    assert "podpis osoby prowadzącej zajęcia" in pages[-1]


def test_a_series_month_grid_and_the_command_line(db, db_url, tmp_path, capsys):
    series = events.create_series(db, events.EventInput(title="Trening umiejętności", event_date=dt.date(2021, 11, 2),
                                                        place="GOPS"), 6)
    people = register(db, 4)
    for event_id in series.event_ids:
        events.enrol(db, event_id, people)
    output = tmp_path / "lista.pdf"
    assert main(["--db", db_url, "report", "attendance-list", "--series", str(series.series_id),
                 "--month", "2021-11", "-o", str(output)]) == 0
    text = "\n".join(pdf_pages(output.read_bytes()))
    assert "listopad 2021" in text
    for day in ("02.11", "09.11", "16.11", "23.11", "30.11"):
        assert day in text
    assert "07.12" not in text
    assert main(["--db", db_url, "report", "attendance-list", "--event", str(series.event_ids[0]),
                 "-o", str(tmp_path / "one.pdf")]) == 0
    assert "Trening umiejętności" in "\n".join(pdf_pages((tmp_path / "one.pdf").read_bytes()))
