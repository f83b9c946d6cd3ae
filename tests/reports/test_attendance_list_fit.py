"""A list fits the paper: 15-17 people and their blank rows on one page with the leader's signature, "fill the
page", optional columns, a long list never leaves the signature alone, and the choice reads back from a scan."""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from pathlib import Path

import pytest

from pal_desktop.cli import main
from pal_desktop.errors import ValidationError
from pal_desktop.reports.attendance_list import render_attendance_list
from pal_desktop.reports.scan_marks import ScanLayout
from pal_desktop.services import attendance_lists, events
from pal_desktop.services import attendance_scan as scan
from pal_desktop.services.attendance_lists import ListOptions
from tests.reports.test_attendance_list import pdf_pages, register

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scan_synth import sign_page  # noqa: E402


def workshop(db, people: int) -> int:
    event_id = events.create_event(db, events.EventInput(
        title="Warsztaty kulinarne", event_date=dt.date(2021, 5, 11), start_time=dt.time(10, 0),
        end_time=dt.time(12, 0), place="Świetlica", leader_name="Jolanta Łęcka"))
    events.enrol(db, event_id, register(db, people))
    return event_id


def row_numbers(page: str) -> list[int]:
    return [int(number) for number in re.findall(r"^(\d+)\.", page, flags=re.MULTILINE)]


@pytest.mark.parametrize("people", [15, 16, 17])
def test_fifteen_to_seventeen_people_fit_one_page_with_the_signature(db, people):
    pages = pdf_pages(attendance_lists.attendance_list_pdf(db, workshop(db, people)))
    assert len(pages) == 1
    assert "podpis osoby prowadzącej zajęcia" in pages[0]
    assert max(row_numbers(pages[0])) == people + 5  # every name and the five blank rows


def test_fill_the_page_gives_as_many_blank_rows_as_the_page_holds(db):
    event_id = workshop(db, 15)
    data, _ = attendance_lists.event_list(db, event_id, ListOptions(fill_page=True))
    assert data.blank_rows > 5 and data.scan.options == f"b{data.blank_rows}"
    pages = pdf_pages(render_attendance_list(data))
    assert len(pages) == 1 and max(row_numbers(pages[0])) == 15 + data.blank_rows
    more = attendance_lists.event_list(db, event_id, ListOptions(blank_rows=data.blank_rows + 1))[0]
    assert len(pdf_pages(render_attendance_list(more))) == 2  # one more row and the page is full


def test_a_long_list_keeps_rows_with_the_signature_on_its_last_page(db):
    event_id = workshop(db, 29)
    for blank in range(0, 12):
        pages = pdf_pages(attendance_lists.attendance_list_pdf(db, event_id, ListOptions(blank_rows=blank)))
        assert "podpis osoby prowadzącej zajęcia" in pages[-1]
        assert len(row_numbers(pages[-1])) >= 3, (blank, pages[-1])


def test_optional_columns_print_the_birth_date_and_a_parents_signature(db):
    event_id = workshop(db, 4)
    pages = pdf_pages(attendance_lists.attendance_list_pdf(db, event_id, ListOptions(
        blank_rows=2, birth_dates=True, guardian_signature=True)))
    text = pages[0]
    assert "Data ur." in text and "Podpis rodzica/opiekuna" in text
    assert "01.01.1970" in text  # the first person's date of birth, as dd.mm.rrrr
    plain = pdf_pages(attendance_lists.attendance_list_pdf(db, event_id))[0]
    assert "Data ur." not in plain and "01.01.1970" not in plain


def test_blank_rows_out_of_range_are_refused_naming_the_field(db):
    event_id = workshop(db, 2)
    with pytest.raises(ValidationError) as raised:
        attendance_lists.attendance_list_pdf(db, event_id, ListOptions(blank_rows=61))
    assert raised.value.field == "blank_rows" and "pustych wierszy" in str(raised.value)


def test_a_list_with_the_optional_columns_reads_back_from_its_scan(db, tmp_path):
    event_id = workshop(db, 15)
    data, ids = attendance_lists.event_list(db, event_id, ListOptions(
        blank_rows=3, birth_dates=True, guardian_signature=True))
    assert data.scan.options == "b3dg"
    layout = ScanLayout()
    pdf = render_attendance_list(data, layout)
    page = sign_page(pdf, layout, 1, 200, random.Random(5))
    path = tmp_path / "skan.png"
    page.image.save(path)
    [reading] = scan.read_scans(db, [path], known_hashes=set()).pages
    assert reading.problem is None
    read = {row.participant_id: row.signed for row in reading.rows if row.participant_id}
    truth = {ids[row - 1]: signed for (_, row, _, kind), signed in page.truth.items()
             if kind == "signature" and row <= len(ids)}
    assert set(read) == set(ids)
    assert all(read[pid] in (signed, None) for pid, signed in truth.items())


def test_the_command_line_prints_with_the_options(db, db_url, tmp_path):
    event_id = workshop(db, 3)
    output = tmp_path / "lista.pdf"
    assert main(["--db", db_url, "report", "attendance-list", "--event", str(event_id), "--fill-page",
                 "--birth-dates", "-o", str(output)]) == 0
    [page] = pdf_pages(output.read_bytes())
    assert "Data ur." in page and max(row_numbers(page)) > 10
