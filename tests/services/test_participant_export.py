"""The registry to XLSX/CSV (formula injection neutralised) and the EU participant data set (SL2014, SM EFS)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import openpyxl
import pytest
from sqlalchemy import select

from pal_desktop.cli import main
from pal_desktop.domain.enums import (
    Education,
    LabourStatus,
    ParticipantStatus,
    Sex,
    SupportReason,
    SupportStatus,
    TriState,
)
from pal_desktop.errors import ValidationError
from pal_desktop.services import efs_export, participant_profile, participants
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.participant_export import EXPORT_COLUMNS, export_participants
from pal_desktop.services.participant_import import preview_import
from pal_desktop.services.programmes import active_programme
from pal_desktop.storage.models import AuditEntry, Participant, Programme

EVIL = '=HYPERLINK("http://zlo.example/x","Kliknij")'
SIGNED = dict(status=ParticipantStatus.ACTIVE, start_date=dt.date(2021, 3, 1), declaration_date=dt.date(2021, 3, 1),
              data_protection_date=dt.date(2021, 3, 1))
COMPLETE = dict(education=Education.UPPER_SECONDARY, labour_status=LabourStatus.INACTIVE, city="Kłobuck",
                postal_code="42-100", street_name="ul. Długa", house_number="5", flat_number="3",
                disability=TriState.NO, minority_or_foreign=TriState.REFUSED, homeless=TriState.NO,
                other_disadvantage=TriState.YES, **SIGNED)


def register(db, first, last, birth, serial=1, female=True, **extra) -> int:
    return participants.create_participant(db, participants.ParticipantInput(
        first_name=first, last_name=last, pesel=pesel_for(birth, serial, female), **extra)).id


def read_csv(path) -> tuple[bytes, list[list[str]]]:
    raw = path.read_bytes()
    return raw, list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


# ---- The registry -------------------------------------------------------------------------------------


def test_csv_export_neutralises_formulas_and_comes_back_in(db, tmp_path):
    anna = register(db, "Anna", EVIL, dt.date(2002, 7, 8), phone="+48 600 100 200", city="Kłobuck",
                    street_name="ul. Długa", house_number="5", flat_number="3", postal_code="42-100",
                    reasons=(SupportReason.UNEMPLOYMENT, SupportReason.POVERTY), **SIGNED)
    path = tmp_path / "uczestnicy.csv"
    assert export_participants(db, participants.ParticipantQuery(), path) == 1
    raw, rows = read_csv(path)
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.splitlines()[0]
    assert rows[0] == list(EXPORT_COLUMNS)
    pesel = participants.get_participant(db, anna).pesel
    assert rows[1][:14] == ["'" + EVIL, "Anna", pesel, "08.07.2002", "kobieta", "ul. Długa 5/3", "42-100",
                            "Kłobuck", "'+48 600 100 200", "", "uczestnik", "01.03.2021", "", "ubóstwo, bezrobocie"]
    assert len(rows[1]) == len(EXPORT_COLUMNS)
    assert pesel.startswith("0")  # the full PESEL, leading zero kept
    [row] = preview_import(db, path).rows  # the export reads back in: the same person, the apostrophes gone
    assert (row.action, row.existing_id, row.data.last_name, row.data.phone) == ("update", anna, EVIL,
                                                                                 "+48 600 100 200")
    assert row.data.reasons == (SupportReason.POVERTY, SupportReason.UNEMPLOYMENT) and not row.errors
    with db.reading() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.table_name == "participant_export"))
        assert entry.action == "export" and '"count": 1' in entry.changes  # who took personal data out, and when


def test_xlsx_export_stores_risky_text_as_text_never_as_a_formula(db, tmp_path):
    register(db, "@SUM(A1:A9)", EVIL, dt.date(1985, 3, 14), phone="-600100200")
    path = tmp_path / "uczestnicy.xlsx"
    export_participants(db, participants.ParticipantQuery(), path)
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]] == list(EXPORT_COLUMNS)
    surname, first, pesel, birth = sheet["A2"], sheet["B2"], sheet["C2"], sheet["D2"]
    assert (surname.value, surname.data_type, surname.quotePrefix) == (EVIL, "s", True)
    assert (first.value, first.data_type) == ("@SUM(A1:A9)", "s") and sheet["I2"].value == "-600100200"
    assert pesel.data_type == "s" and pesel.value == pesel_for(dt.date(1985, 3, 14), 1, True)
    assert birth.value == dt.datetime(1985, 3, 14) and birth.number_format == "DD.MM.YYYY"
    assert not (tmp_path / "uczestnicy.xlsx.tmp").exists()


def test_the_export_has_every_row_the_filter_finds_not_one_page(demo_db, tmp_path):
    programme = active_programme(demo_db)
    query = participants.ParticipantQuery(programme_id=programme.id,
                                          statuses=(ParticipantStatus.ACTIVE, ParticipantStatus.COMPLETED))
    wanted = participants.count_participants(demo_db, query)
    assert wanted > participants.PAGE_SIZE
    path = tmp_path / "uczestnicy.csv"
    assert export_participants(demo_db, query, path) == wanted
    _, rows = read_csv(path)
    assert len(rows) == wanted + 1 and {r[10] for r in rows[1:]} == {"uczestnik", "zakończył"}
    first_page = participants.search_participants(demo_db, query, show_full_pesel=True)
    assert [(r[0], r[1], r[2]) for r in rows[1:len(first_page) + 1]] == [
        (p.last_name, p.first_name, p.pesel) for p in first_page]  # the table's order


def test_cli_export_participants_with_filters(db, db_url, tmp_path, capsys):
    register(db, "Anna", "Nowak", dt.date(1985, 3, 14), **SIGNED)
    register(db, "Jan", "Nowak", dt.date(1980, 1, 2), female=False)
    register(db, "Ewa", "Wiśniewska", dt.date(1990, 5, 6), **SIGNED)
    path = tmp_path / "nowakowie.xlsx"
    assert main(["--db", db_url, "export", "participants", str(path), "--status", "uczestnik", "--text",
                 "nowak"]) == 0
    assert "Zapisano 1 osób" in capsys.readouterr().out
    assert [c.value for c in openpyxl.load_workbook(path).active["B"]][1:] == ["Anna"]
    assert main(["--db", db_url, "export", "participants", str(path), "--status", "zakonczyl"]) == 0
    assert openpyxl.load_workbook(path).active.max_row == 1
    assert main(["--db", db_url, "export", "participants", str(tmp_path / "lista.pdf")]) == 2
    assert "musi mieć rozszerzenie .xlsx albo .csv" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--db", db_url, "export", "participants", str(path), "--status", "emeryt"])
    assert "nieznany status „emeryt”" in capsys.readouterr().err


# ---- The EU participant data set ----------------------------------------------------------------------


@pytest.fixture
def efs_people(db):
    """Complete records, incomplete ones, a foreigner without PESEL, and a candidate (not reported)."""
    complete = register(db, "Łucja", "Żak", dt.date(1985, 3, 14), **COMPLETE)
    foreigner = participants.create_participant(db, participants.ParticipantInput(
        first_name="Olena", last_name="Kowalenko", no_pesel=True, document_number="FX123456",
        birth_date=dt.date(1990, 6, 30), sex=Sex.FEMALE, **COMPLETE)).id
    no_education = register(db, "Jan", "Bez", dt.date(1970, 1, 1), serial=2, female=False,
                            **{**COMPLETE, "education": None})
    legacy = register(db, "Ewa", "Stara", dt.date(1960, 2, 2), serial=3, **COMPLETE)
    register(db, "Kamil", "Kandydat", dt.date(1999, 9, 9), serial=4, female=False)
    with db.session() as session:  # records from before the rules: no declaration, no PESEL and no birth date
        person = session.get(Participant, legacy)
        person.declaration_date = None
        person.pesel = None
        person.birth_date = None
    participant_profile.add_support(db, complete, participant_profile.SupportInput(
        "praca socjalna", dt.date(2021, 3, 1), dt.date(2022, 12, 31), dt.date(2021, 3, 2), None,
        SupportStatus.IN_PROGRESS))
    participant_profile.add_support(db, complete, participant_profile.SupportInput(
        "Akademia Lidera", dt.date(2021, 4, 1), dt.date(2021, 6, 30), dt.date(2021, 4, 6), dt.date(2021, 6, 29),
        SupportStatus.GIVEN))
    participant_profile.add_support(db, complete, participant_profile.SupportInput(
        "staż", dt.date(2023, 1, 1), dt.date(2023, 3, 31)))
    return {"complete": complete, "foreigner": foreigner, "no_education": no_education, "legacy": legacy}


def test_sl2014_layout_with_incomplete_records_left_out_and_listed(db, efs_people, tmp_path):
    programme = active_programme(db)
    path = tmp_path / "pefs.xlsx"
    report = efs_export.export_efs(db, programme.id, path, "sl2014")
    assert report.exported == 2 and report.layout == "sl2014"
    left = {p.participant_id: p for p in report.left_out}
    assert set(left) == {efs_people["no_education"], efs_people["legacy"]}
    assert left[efs_people["no_education"]].reasons == ("brak wykształcenia",)
    assert left[efs_people["legacy"]].reasons == ("brak numeru PESEL i daty urodzenia (nie można podać wieku)",
                                                  "brak daty podpisania deklaracji uczestnictwa")
    assert left[efs_people["legacy"]].text().startswith(f"Stara Ewa (nr {efs_people['legacy']}): brak numeru")
    # the candidate is not in the data set, and the report says so by name rather than dropping them silently
    assert [(p.name, p.reasons[0].split(":")[0]) for p in report.not_joined] == [("Kandydat Kamil", "kandydat")]
    sheet = openpyxl.load_workbook(path).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == list(efs_export.EFS_COLUMNS) and len(rows[0]) == 41 and len(rows) == 3
    by_name = {row[4]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    zak = by_name["Żak"]
    assert (zak["Kraj"], zak["Rodzaj uczestnika"], zak["Imię"], zak["Brak PESEL"], zak["Płeć"]) == (
        "Polska", "Indywidualny", "Łucja", "Nie", "Kobieta")
    assert zak["PESEL"] == pesel_for(dt.date(1985, 3, 14), 1, True)
    assert zak["Wiek w chwili przystąpienia do projektu"] == 35
    assert (zak["Województwo"], zak["Powiat"], zak["Gmina"], zak["Obszar według stopnia urbanizacji (DEGURBA)"]) == (
        "śląskie", "kłobucki", "Kłobuck", "2")
    assert (zak["Ulica"], zak["Nr budynku"], zak["Nr lokalu"], zak["Kod pocztowy"]) == ("Długa", "5", "3", "42-100")
    assert zak["Wykształcenie"] == "ponadgimnazjalne (ISCED 3)"
    assert zak["Status osoby na rynku pracy w chwili przystąpienia do projektu"] == "Osoba bierna zawodowo"
    assert zak["Data rozpoczęcia udziału w projekcie"] == dt.datetime(2021, 3, 1)
    assert zak["Rodzaj przyznanego wsparcia"] == "praca socjalna, Akademia Lidera"  # the planned one not yet
    assert zak["Data rozpoczęcia udziału we wsparciu"] == dt.datetime(2021, 3, 2)
    assert zak["Data zakończenia udziału we wsparciu"] is None  # social work is still going on
    assert [zak[c] for c in efs_export.EFS_COLUMNS[-4:]] == ["Odmowa podania informacji", "Nie", "Nie", "Tak"]
    olena = by_name["Kowalenko"]
    assert (olena["PESEL"], olena["Brak PESEL"], olena["Wiek w chwili przystąpienia do projektu"]) == (None, "Tak", 30)


def test_a_2014_2020_programme_is_not_written_in_the_2021_2027_layout(db, efs_people, tmp_path):
    """SM EFS has its own columns (tests/services/test_efs_2021.py); the 2014-2020 set saved as CSV is not it."""
    with pytest.raises(ValidationError, match="perspektywy 2014-2020: dane jego uczestników zapisuje się w układzie "
                                              "SL2014"):
        efs_export.export_efs(db, active_programme(db).id, tmp_path / "smefs.csv", "smefs")
    with pytest.raises(ValidationError, match="Układ SL2014 zapisuje plik .xlsx"):
        efs_export.export_efs(db, active_programme(db).id, tmp_path / "smefs.csv")


def test_the_area_comes_from_the_settings(db, efs_people, tmp_path):
    efs_export.save_area(db, efs_export.EfsArea("mazowieckie", "warszawski zachodni", "", "1"))
    programme = active_programme(db)
    assert efs_export.area_for(db, programme.id) == efs_export.EfsArea("mazowieckie", "warszawski zachodni",
                                                                       "Kłobuck", "1")
    with pytest.raises(ValidationError, match="DEGURBA"):
        efs_export.save_area(db, efs_export.EfsArea("a", "b", "c", "4"))


def test_the_layout_must_fit_the_file(db, tmp_path):
    programme = active_programme(db)
    with db.session() as session:  # a programme without a funding period takes the layout asked for
        session.get(Programme, programme.id).funding_period = None
    with pytest.raises(ValidationError, match="Układ SM EFS zapisuje plik .csv"):
        efs_export.export_efs(db, programme.id, tmp_path / "dane.xlsx", "smefs")
    assert efs_export.layout_for(tmp_path / "dane.csv", None) == "smefs"
    assert efs_export.layout_for(tmp_path / "dane.xlsx", None) == "sl2014"


def test_cli_export_efs_lists_what_was_left_out(db, db_url, efs_people, tmp_path, capsys):
    path = tmp_path / "pefs.xlsx"
    assert main(["--db", db_url, "export", "efs", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Zapisano dane 2 uczestników (układ SL2014)" in out and "Pominięto 2 rekordów" in out
    assert f"Bez Jan (nr {efs_people['no_education']}): brak wykształcenia" in out
    assert "Nie wyeksportowano 1 osób, które nie przystąpiły do programu:" in out
    assert "Kandydat Kamil (nr " in out and "kandydat: nie przystąpił jeszcze do programu" in out
    assert path.read_bytes().startswith(b"PK")


def test_an_exported_sheet_imports_back_into_a_new_database(demo_db, tmp_path):
    """What the office exports is a whole record: a new database accepts it without errors."""
    from pal_desktop.services import participant_import
    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.participant_export import export_participants
    from pal_desktop.services.participants import ParticipantQuery, count_participants

    sheet = tmp_path / "rejestr.xlsx"
    exported = export_participants(demo_db, ParticipantQuery(), sheet)
    other = open_app_database("sqlite:///" + (tmp_path / "nowa.sqlite3").as_posix()).db
    try:
        preview = participant_import.preview_import(other, sheet)
        assert [r.errors for r in preview.rows if r.errors] == []
        participant_import.apply_import(other, preview)
        assert count_participants(other, ParticipantQuery()) == exported == 300
    finally:
        other.dispose()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_export_reports_progress_and_a_cancel_leaves_no_file(demo_db, tmp_path, suffix):
    from pal_desktop.progress import OperationCancelled

    folder = tmp_path / "eksport"
    folder.mkdir()
    path = folder / f"uczestnicy{suffix}"
    seen = []
    count = export_participants(demo_db, participants.ParticipantQuery(), path,
                                progress=lambda done, total: seen.append((done, total)) or True)
    assert seen[-1] == (count, count) and seen[0] == (0, 0)
    path.unlink()

    def stop_halfway(done, total):
        return not (total and done >= total // 2)

    with pytest.raises(OperationCancelled):
        export_participants(demo_db, participants.ParticipantQuery(), path, progress=stop_halfway)
    assert list(folder.iterdir()) == []
