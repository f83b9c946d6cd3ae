"""The paper loop: a printed list is signed (synthetic scans), scanned, read, reviewed and recorded."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pal_desktop.domain.enums import AttendanceStatus
from pal_desktop.domain.scan_code import NotOurCode, PageCode, parse
from pal_desktop.errors import ValidationError
from pal_desktop.reports.attendance_list import render_attendance_list
from pal_desktop.reports.scan_marks import ScanLayout
from pal_desktop.services import attendance_lists, events, reports
from pal_desktop.services import attendance_scan as scan
from pal_desktop.services import attendance_scan_apply as applying
from tests.services.test_events import person, workshop

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scan_synth import Damage, damage, sign_page  # noqa: E402

TODAY = dt.date(2022, 6, 30)


@pytest.fixture
def workshop_of_15(db):
    event_id = events.create_event(db, workshop(db))
    people = [person(db, n) for n in range(1, 16)]
    events.enrol(db, event_id, people)
    return event_id, people


UNHARMED = Damage()


def signed_scan(db, event_id, tmp_path, *, seed=1, harm=UNHARMED, walk_ins=0, suffix=".png", dpi=200):
    data, ids = attendance_lists.event_list(db, event_id)
    layout = ScanLayout()
    pdf = render_attendance_list(data, layout)
    rng = random.Random(seed)
    page = sign_page(pdf, layout, 1, dpi, rng, walk_ins=walk_ins)
    image = damage(page.image, harm, rng)
    path = tmp_path / f"skan-{seed}{suffix}"
    image.save(path)
    truth = {ids[row - 1]: signed for (_, row, _, kind), signed in page.truth.items()
             if kind == "signature" and row <= len(ids)}
    return path, truth, layout


def test_the_page_code_reads_back_and_refuses_other_texts():
    code = PageCode(12, None, None, "0badc0de", "b5", 1, 2, 1, 19)
    assert parse(code.text()) == code
    grid = PageCode(None, 7, "2021-11", "1234abcd", "b3", 2, 2, 20, 31)
    assert parse(grid.text()) == grid
    for text in ("https://example.org", "PAL1;E1;Vxyz;Ob5;P1/1;R1-2", "PAL1;E1;V0badc0de;Ob5;P3/2;R1-2", ""):
        with pytest.raises(NotOurCode):
            parse(text)


def test_every_page_of_a_printed_list_has_its_code_and_corner_marks(db, workshop_of_15):
    event_id, _ = workshop_of_15
    data, _ = attendance_lists.event_list(db, event_id, blank_rows=30)
    layout = ScanLayout()
    pdf = render_attendance_list(data, layout)
    assert layout.pages >= 2
    from tests.scan_synth import render

    codes = [parse(scan.scan_reader.decode_codes(np.asarray(render(pdf, number, 200)))[0].text)
             for number in range(1, layout.pages + 1)]
    assert [(c.event_id, c.page, c.pages, c.options) for c in codes] == [
        (event_id, number, layout.pages, "b30") for number in range(1, layout.pages + 1)]
    assert codes[0].first_row == 1 and codes[1].first_row == codes[0].last_row + 1
    assert max(c.last_row for c in codes) == 45


@pytest.mark.parametrize("harm", [Damage(), Damage(rotation=180.8, noise=6, jpeg_quality=75),
                                  Damage(rotation=92, perspective=0.02, lighting=0.25)])
def test_a_signed_scan_is_read_row_by_row(db, workshop_of_15, tmp_path, harm):
    event_id, people = workshop_of_15
    path, truth, _ = signed_scan(db, event_id, tmp_path, harm=harm, suffix=".jpg")
    result = scan.read_scans(db, [path], known_hashes=set())
    [page] = result.pages
    assert page.problem is None and page.code.event_id == event_id
    read = {row.participant_id: row for row in page.rows if row.participant_id}
    assert set(read) == set(people)
    for pid, signed in truth.items():
        assert read[pid].signed in (signed, None), pid  # never a wrong answer; at worst a question
    assert sum(row.signed is None for row in read.values()) <= 1


def test_applying_records_attendance_keeps_the_scan_and_counts_the_list(db, workshop_of_15, tmp_path):
    event_id, people = workshop_of_15
    path, truth, _ = signed_scan(db, event_id, tmp_path, seed=3)
    result = scan.read_scans(db, [path])
    unsure = {(row.event_id, row.row): row.likely for page in result.usable for row in page.rows
              if row.signed is None and row.participant_id}
    corrected_row = next(row for row in result.usable[0].rows if row.participant_id)
    decisions = {**unsure, (event_id, corrected_row.row): not corrected_row.likely}
    applied = applying.apply_scan(db, result, decisions, today=TODAY)
    assert applied.events == 1 and applied.pages_kept == 1 and applied.present + applied.absent == 15
    sheet = {row.participant_id: row.attendance for row in events.attendance_sheet(db, event_id)}
    for pid, signed in truth.items():
        expected = signed if pid != corrected_row.participant_id else not corrected_row.likely
        if (event_id, people.index(pid) + 1) in unsure:
            expected = unsure[(event_id, people.index(pid) + 1)]
        assert sheet[pid] == (AttendanceStatus.PRESENT if expected else AttendanceStatus.ABSENT)
    stored = applying.event_scans(db, event_id)
    assert len(stored) == 1 and Image.open(__import__("io").BytesIO(applying.scan_image(db, stored[0].page_id)))
    count = applying.signed_list_count(db, events.get_event(db, event_id).programme_id, today=TODAY)
    assert (count.held, count.with_signed_list, count.missing) == (1, 1, [])
    # The report an auditor reads says so.
    from pypdf import PdfReader

    from pal_desktop.services import indicators

    programme_id = events.get_event(db, event_id).programme_id
    pdf = indicators.monitoring_report_pdf(db, programme_id, final=True, today=TODAY)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(__import__("io").BytesIO(pdf)).pages)
    assert "Listy obecności podpisane i zeskanowane 1 z 1 wydarzeń" in text
    # The same page again is a duplicate, and nothing more is recorded.
    again = scan.read_scans(db, [path])
    assert again.pages[0].problem == scan.PageProblem.DUPLICATE and not again.usable


def test_an_unsure_cell_nobody_decided_is_refused_and_nothing_written(db, workshop_of_15, tmp_path):
    event_id, _ = workshop_of_15
    path, _, _ = signed_scan(db, event_id, tmp_path)
    result = scan.read_scans(db, [path])
    row = next(row for row in result.usable[0].rows if row.participant_id)
    result.usable[0].rows[result.usable[0].rows.index(row)] = scan.RowReading(
        row.row, row.participant_id, row.name, row.event_id, None, True, 0.6, row.thumbnail)
    with pytest.raises(ValidationError, match="Nie rozstrzygnięto"):
        applying.apply_scan(db, result, today=TODAY)
    assert all(r.attendance is None for r in events.attendance_sheet(db, event_id))
    assert applying.event_scans(db, event_id) == []


def test_handwritten_rows_are_offered_as_walk_ins(db, workshop_of_15, tmp_path):
    event_id, _ = workshop_of_15
    walk_in = person(db, 20)
    path, _, _ = signed_scan(db, event_id, tmp_path, walk_ins=2)
    result = scan.read_scans(db, [path])
    handwritten = [row for row in result.usable[0].rows if row.participant_id is None]
    assert [row.row for row in handwritten] == [16, 17]
    decisions = {(r.event_id, r.row): r.likely for r in result.usable[0].rows if r.signed is None}
    applying.apply_scan(db, result, decisions, {(event_id, 16): walk_in}, today=TODAY)
    sheet = {row.participant_id: row for row in events.attendance_sheet(db, event_id)}
    assert sheet[walk_in].walk_in and sheet[walk_in].attendance == AttendanceStatus.PRESENT


def test_bad_pages_are_listed_with_what_to_do_and_nothing_recorded(db, workshop_of_15, tmp_path):
    event_id, _ = workshop_of_15
    good, _, _ = signed_scan(db, event_id, tmp_path, seed=5)
    image = np.asarray(Image.open(good))
    from tests.scan_synth import render

    other = tmp_path / "inny-dokument.png"  # another document of the office, with no list code
    render(reports.programme_card_pdf(db, today=TODAY), 1, 200).save(other)
    dark = tmp_path / "ciemny.png"
    Image.fromarray((image * 0.35).astype(np.uint8)).save(dark)
    cut = tmp_path / "uciety.png"
    Image.fromarray(image[image.shape[0] // 3:, :]).save(cut)  # the top corners are off the glass
    not_a_scan = tmp_path / "notatki.txt"
    not_a_scan.write_text("to nie jest skan", encoding="utf-8")
    result = scan.read_scans(db, [other, dark, cut, good, good, not_a_scan])
    problems = [page.problem for page in result.pages]
    assert problems == [scan.PageProblem.NO_CODE, scan.PageProblem.TOO_DARK, scan.PageProblem.CUT_OFF, None,
                        scan.PageProblem.DUPLICATE, scan.PageProblem.UNREADABLE_FILE]
    assert all(problem is None or problem.advice for problem in problems)
    # Enrolling one more person reprints the list: the old paper no longer says who is on which row.
    events.enrol(db, event_id, [person(db, 30)])
    assert scan.read_scans(db, [good]).pages[0].problem == scan.PageProblem.REPRINTED
    events.delete_event(db, event_id)
    assert scan.read_scans(db, [good]).pages[0].problem == scan.PageProblem.DELETED


def test_the_command_line_reads_a_scanned_pdf_and_applies_it(db, db_url, workshop_of_15, tmp_path, capsys):
    import json as json_module

    from pal_desktop.cli import main

    event_id, people = workshop_of_15
    png, truth, _ = signed_scan(db, event_id, tmp_path, seed=8)
    pdf = tmp_path / "z-kopiarki.pdf"
    Image.open(png).save(pdf, resolution=200)
    assert main(["--db", db_url, "scan", "attendance", str(pdf), "--json"]) == 0
    report = json_module.loads(capsys.readouterr().out)
    [page] = report["pages"]
    assert page["list"]["event_id"] == event_id and page["problem"] is None
    rows = {row["participant_id"]: row for row in page["rows"] if row["participant_id"]}
    assert all(rows[pid]["signed"] == signed or rows[pid]["needs_review"] for pid, signed in truth.items())
    assert all(r.attendance is None for r in events.attendance_sheet(db, event_id))  # nothing written
    assert main(["--db", db_url, "scan", "attendance", str(pdf), "--apply", "--accept-guesses"]) == 0
    assert "Zapisano obecność na 1 wydarzeniach" in capsys.readouterr().out
    assert all(r.attendance is not None for r in events.attendance_sheet(db, event_id))
    assert main(["--db", db_url, "scan", "attendance", str(tmp_path / "brak.pdf")]) == 2
