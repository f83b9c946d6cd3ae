"""The import's limits (issue 13, part 3): file size, rows and an XLSX's unpacked size are said at once with the
limit; the sheet is read as a stream with progress and Cancel; an odd row is refused alone. Small limits are
passed in (or patched) so that no test writes a big file."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest

from pal_desktop.errors import ValidationError
from pal_desktop.services import efs_import, import_sheet
from pal_desktop.services import participant_import as importer
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.import_sheet import ImportCancelled, read_sheet
from tests.services.test_participant_import import count_participants, write_csv, xlsx

HEADER = ["Nazwisko", "Imię", "PESEL", "Data urodzenia"]


def people(count: int) -> list[list]:
    return [[f"Nowak{n}", "Anna", pesel_for(dt.date(1980, 1, 1) + dt.timedelta(days=n), n % 900, True), None]
            for n in range(count)]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = xlsx(tmp_path / "lista.xlsx", [HEADER, *people(50)])
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("the file was read"))
    with pytest.raises(ValidationError, match=r"jest za duży \(.* MB; najwięcej 0,0 MB\)") as caught:
        read_sheet(path, max_bytes=1000)
    assert caught.value.field == "file"
    monkeypatch.setattr(import_sheet, "MAX_FILE_BYTES", 1000)  # the default limit is the module's
    with pytest.raises(ValidationError, match="jest za duży"):
        read_sheet(path)


def test_an_xlsx_unpacking_to_more_than_the_limit_is_refused_from_its_directory(tmp_path, monkeypatch):
    """A zip bomb: a few kB on disk, megabytes of XML; the refusal reads only the zip's directory."""
    path = tmp_path / "bomba.xlsx"
    xlsx(path, [HEADER, *people(3)])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/padding.xml", b" " * (3 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("the file was read"))
    with pytest.raises(ValidationError, match=r"po rozpakowaniu zajmuje 3,0 MB \(najwięcej 1,0 MB\)"):
        read_sheet(path, max_unpacked=1024 * 1024)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_more_rows_than_the_limit_are_refused_naming_the_limit(tmp_path, kind):
    rows = [HEADER, *people(30)]
    path = xlsx(tmp_path / "lista.xlsx", rows) if kind == "xlsx" else write_csv(tmp_path / "lista.csv", rows)
    with pytest.raises(ValidationError, match="najwyżej 20 wierszy"):
        read_sheet(path, max_rows=20)
    assert len(read_sheet(path, max_rows=30).rows) == 30  # exactly the limit is read


def test_an_xlsx_whose_dimension_is_over_the_limit_is_refused_before_a_row_is_read(tmp_path, monkeypatch):
    path = xlsx(tmp_path / "lista.xlsx", [HEADER, *people(40)])  # openpyxl writes <dimension ref="A1:D41">
    monkeypatch.setattr("openpyxl.worksheet._read_only.ReadOnlyWorksheet._cells_by_row",
                        lambda *a, **k: pytest.fail("a row was read"))
    with pytest.raises(ValidationError, match="ma 41 wierszy, a naraz importuje się najwyżej 20 wierszy danych"):
        read_sheet(path, max_rows=20)


def test_an_xlsx_without_a_dimension_is_counted_as_it_streams(tmp_path):
    workbook = openpyxl.Workbook(write_only=True)  # writes no <dimension>, as some programs do
    sheet = workbook.create_sheet("Lista")
    for row in [HEADER, *people(40)]:
        sheet.append(row)
    workbook.save(tmp_path / "lista.xlsx")
    with pytest.raises(ValidationError, match="ma więcej niż 20 wierszy danych"):
        read_sheet(tmp_path / "lista.xlsx", max_rows=20)


def test_the_preview_refuses_at_once_with_the_default_limits(db, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "lista.csv", [HEADER, *people(12)])
    monkeypatch.setattr(import_sheet, "MAX_ROWS", 10)
    with pytest.raises(ValidationError, match="więcej niż 10 wierszy"):
        importer.preview_import(db, path)
    assert count_participants(db) == 0


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_reading_reports_progress_and_honours_cancel(tmp_path, monkeypatch, kind):
    monkeypatch.setattr(import_sheet, "PROGRESS_STEP", 5)
    rows = [HEADER, *people(40)]
    path = xlsx(tmp_path / "lista.xlsx", rows) if kind == "xlsx" else write_csv(tmp_path / "lista.csv", rows)
    seen = []
    sheet = read_sheet(path, progress=lambda done, total: seen.append((done, total)) or True)
    assert len(sheet.rows) == 40
    assert len(seen) >= 8 and seen == sorted(seen) and seen[-1][0] == seen[-1][1] >= 41
    asked = []

    def stop_after_two(done, total):
        asked.append(done)
        return len(asked) < 3

    with pytest.raises(ImportCancelled, match="Import przerwano"):
        read_sheet(path, progress=stop_after_two)
    assert len(asked) == 3  # stopped at the third report, not at the end of the file


def test_the_preview_bar_runs_once_from_reading_to_checking(db, tmp_path):
    path = write_csv(tmp_path / "lista.csv", [HEADER, *people(20)])
    seen = []
    preview = importer.preview_import(db, path, progress=lambda done, total: seen.append((done, total)) or True)
    assert len(preview.rows) == 20
    assert {total for _done, total in seen} == {100}
    assert [done for done, _total in seen] == sorted(done for done, _total in seen) and seen[-1] == (100, 100)


def test_one_odd_row_is_refused_alone_and_the_others_import(db, tmp_path):
    rows = [HEADER, *people(3)]
    rows[2][0] = "K" * 10_000
    rows[3][1] = "An\x07na"  # openpyxl cannot even write this into an XLSX; a CSV holds it
    path = write_csv(tmp_path / "lista.csv", rows)
    preview = importer.preview_import(db, path)
    problems = {r.row_number: r.errors for r in preview.rows if r.errors}
    assert set(problems) == {3, 4}
    assert any("Nazwisko: najwyżej 150 znaków (wpisano 10\u00a0000)" in e for e in problems[3])
    assert any("Imię: niedozwolony znak sterujący (kod U+0007)" in e for e in problems[4])
    report = importer.apply_import(db, preview)
    assert report.created == 1 and count_participants(db) == 1


def test_the_funders_file_has_the_same_limits(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "pefs.csv", [["Imię", "Nazwisko", "PESEL"], *[["Anna", f"N{n}", ""] for n in range(20)]])
    monkeypatch.setattr(import_sheet, "MAX_ROWS", 3)  # three people, and ten rows' room for the header
    with pytest.raises(ValidationError, match="więcej niż 3 wierszy"):
        efs_import.read_efs_file(path)
    monkeypatch.setattr(import_sheet, "MAX_FILE_BYTES", 10)
    with pytest.raises(ValidationError, match="jest za duży"):
        efs_import.read_efs_file(path)
