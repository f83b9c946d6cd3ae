"""Importing participants from the messy sheets offices keep: headers, encodings, Excel's habits, row errors."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace

import openpyxl
import pytest
from sqlalchemy import func, select

from pal_desktop.cli import main
from pal_desktop.domain.enums import (
    DisabilityDegree,
    Education,
    LabourStatus,
    ParticipantStatus,
    Sex,
    SupportReason,
    TriState,
)
from pal_desktop.errors import ValidationError
from pal_desktop.services import import_apply, import_sheet, participants
from pal_desktop.services import participant_import as importer
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.programmes import active_programme
from pal_desktop.storage.models import AuditEntry, Participant

ANNA = pesel_for(dt.date(1985, 3, 14), 21, female=True)
JAN = pesel_for(dt.date(1979, 11, 2), 33, female=False)
ZOFIA = pesel_for(dt.date(2002, 7, 8), 40, female=True)  # 0227...: Excel drops the leading zero
BAD_PESEL = ANNA[:-1] + str((int(ANNA[-1]) + 1) % 10)


def xlsx(path, rows, *, before=()):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in before:
        sheet.append(list(row))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def write_csv(path, rows, *, delimiter=";", encoding="utf-8"):
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def count_participants(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Participant))


def test_headers_are_matched_by_synonym_case_spacing_and_without_polish_letters():
    mapping = importer.guess_mapping(["Lp.", "  NAZWISKO ", "imie", "Nr  PESEL", "data URODZENIA", "Plec", "Tel.",
                                      "Adres e-mail", "Miasto", "Nr mieszkania", "Numer domu", "Powody wsparcia",
                                      "Oświadczenie RODO", "Data przystąpienia", "Telefon komórkowy", "Kolor oczu"])
    assert mapping.columns == {
        "Lp.": None, "NAZWISKO": "last_name", "imie": "first_name", "Nr PESEL": "pesel",
        "data URODZENIA": "birth_date", "Plec": "sex", "Tel.": "phone", "Adres e-mail": "email", "Miasto": "city",
        "Nr mieszkania": "flat_number", "Numer domu": "house_number", "Powody wsparcia": "reasons",
        "Oświadczenie RODO": "data_protection_date", "Data przystąpienia": "start_date",
        "Telefon komórkowy": "phone", "Kolor oczu": None}
    for header, wanted in [("Imię", "first_name"), ("E-mail", "email"), ("Email", "email"), ("Miejscowość", "city"),
                           ("Nr lokalu", "flat_number"), ("Wykształcenie", "education"), ("Przyczyny", "reasons"),
                           ("Status na rynku pracy", "labour_status"), ("Status", "status"), ("Powód", "reasons"),
                           ("Niepełnosprawność", "disability"), ("Stopień niepełnosprawności", "disability_degree"),
                           ("Data rozpoczęcia", "start_date"), ("Data zakończenia", "end_date"), ("RODO",
                           "data_protection_date"), ("Deklaracja", "declaration_date"), ("Data deklaracji",
                           "declaration_date"), ("Uwagi", "notes"), ("Nr dokumentu", "document_number"),
                           ("Kod pocztowy", "postal_code"), ("Ulica", "street_name"), ("Nr domu", "house_number"),
                           ("Data urodzenia (dd.mm.rrrr)", "birth_date"), ("Imię i nazwisko", "full_name")]:
        assert importer.match_header(header) == wanted, header


def test_a_messy_xlsx_with_a_title_above_the_header(db, tmp_path):
    path = xlsx(tmp_path / "lista.xlsx", [
        ["Lp.", " Nazwisko", "IMIĘ ", "PESEL", "Data ur.", "Płeć", "Adres", "Kod", "Miejscowość", "Tel.", "E-mail",
         "Wykształcenie", "Status na rynku pracy", "Status", "Data przystąpienia", "Deklaracja", "RODO",
         "Powody wsparcia", "Niepełnosprawność", "Stopień niepełnosprawności"],
        [1, "Żółć", "Łukasz", int(ZOFIA), None, "K", "ul. Długa 5/3", 42100, "Kłobuck", 600123456, "z@example.pl",
         "średnie", "bierny zawodowo", "UCZESTNIK", 44197, dt.datetime(2021, 1, 4), "2021-01-04",
         "ubóstwo; bezrobocie\nprzemoc domowa", "tak", "umiarkowany"],
        [],
        [2, "Nowak", "Anna", ANNA, "14.03.1985", "kobieta", "Polna 3 m. 2", "42-100", "Kłobuck", "", "",
         "ponadgimnazjalne (ISCED 3)", "osoba bezrobotna zarejestrowana w ewidencji urzędów pracy", "kandydat",
         None, None, None, "Alkoholizm, choroba", "Nie", None],
    ], before=[["Ewidencja uczestników PAL — stan na 30.06.2022"], []])
    preview = importer.preview_import(db, path)
    assert [(r.row_number, r.action, r.errors) for r in preview.rows] == [(4, "new", []), (6, "new", [])]
    zofia, anna = (r.data for r in preview.rows)
    assert zofia.pesel == ZOFIA and zofia.birth_date == dt.date(2002, 7, 8) and zofia.sex is Sex.FEMALE
    assert (zofia.street_name, zofia.house_number, zofia.flat_number) == ("ul. Długa", "5", "3")
    assert zofia.postal_code == "42-100" and zofia.phone == "600123456"
    assert zofia.education is Education.UPPER_SECONDARY and zofia.labour_status is LabourStatus.INACTIVE
    assert zofia.status is ParticipantStatus.ACTIVE and zofia.start_date == dt.date(2021, 1, 1)  # Excel serial
    assert zofia.declaration_date == zofia.data_protection_date == dt.date(2021, 1, 4)
    assert zofia.reasons == (SupportReason.POVERTY, SupportReason.UNEMPLOYMENT, SupportReason.DOMESTIC_VIOLENCE)
    assert zofia.disability is TriState.YES and zofia.disability_degree.value == "umiarkowany"
    assert (anna.street_name, anna.house_number, anna.flat_number) == ("Polna", "3", "2")
    assert anna.reasons == (SupportReason.ILLNESS, SupportReason.ADDICTION)
    assert anna.labour_status is LabourStatus.UNEMPLOYED_REGISTERED and anna.disability is TriState.NO
    report = importer.apply_import(db, preview)
    assert (report.created, report.updated, report.skipped_errors) == (2, 0, 0)
    saved = participants.get_participant(db, report.created_ids[0])
    assert (saved.first_name, saved.last_name, saved.pesel) == ("Łukasz", "Żółć", ZOFIA)
    assert saved.reasons == zofia.reasons
    found = participants.search_participants(db, participants.ParticipantQuery(text="zolc lukasz"))
    assert [row.id for row in found] == [saved.id]  # search_text and sort_key as the registry computes them
    with db.reading() as session:
        logged = session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.table_name == "participant", AuditEntry.action == "insert"))
        assert logged == 2


def test_windows_1250_csv_with_semicolons(db, tmp_path):
    path = write_csv(tmp_path / "uczestnicy.csv", [
        ["Nazwisko", "Imię", "PESEL", "Miejscowość", "Powody"],
        ["Wójcik", "Józefa", ANNA, "Kłobuck", "ubóstwo"],
        ["Łęcki", "Świętosław", JAN, "Łobodno", "bezrobocie"],
    ], encoding="cp1250")
    sheet = importer.read_sheet(path)
    assert (sheet.encoding, sheet.delimiter, sheet.header_row) == ("cp1250", ";", 1)
    preview = importer.preview_import(db, path)
    assert [(r.data.last_name, r.data.first_name, r.data.city) for r in preview.rows] == [
        ("Wójcik", "Józefa", "Kłobuck"), ("Łęcki", "Świętosław", "Łobodno")]
    assert not preview.errors


def test_utf8_csv_with_bom_and_commas(db, tmp_path):
    path = tmp_path / "uczestnicy.csv"
    path.write_bytes(f"\ufeffImię,Nazwisko,Nr PESEL,Data urodzenia\r\nŁucja,Ćwik,{ANNA},1985-03-14\r\n"
                     .encode())
    sheet = importer.read_sheet(path)
    assert (sheet.encoding, sheet.delimiter, sheet.headers[0]) == ("utf-8-sig", ",", "Imię")
    [row] = importer.preview_import(db, path).rows
    assert (row.data.first_name, row.data.last_name, row.data.birth_date, row.action) == (
        "Łucja", "Ćwik", dt.date(1985, 3, 14), "new")


@pytest.mark.parametrize("value", [int(ZOFIA), float(ZOFIA), ZOFIA[1:], ZOFIA[1:] + ".0", ZOFIA])
def test_a_pesel_that_excel_stored_as_a_number_gets_its_leading_zero_back(value):
    assert ZOFIA.startswith("0") and importer.parse_pesel(value) == (ZOFIA, False)


@pytest.mark.parametrize(("value", "wanted"), [
    (44197, dt.date(2021, 1, 1)), (44197.75, dt.date(2021, 1, 1)), ("44197", dt.date(2021, 1, 1)),
    (dt.datetime(2021, 3, 5, 0, 0), dt.date(2021, 3, 5)), ("5.3.2021", dt.date(2021, 3, 5)),
    ("05.03.2021 r.", dt.date(2021, 3, 5)), ("2021-03-05", dt.date(2021, 3, 5)), (" ", None), (None, None),
    (59, dt.date(1900, 2, 28)), (61, dt.date(1900, 3, 1)), (1, dt.date(1900, 1, 1)),
])
def test_dates_as_text_as_excel_serials_and_as_date_cells(value, wanted):
    assert importer.parse_date(value) == wanted


def test_an_unreadable_date_or_label_names_the_row_and_the_column(db, tmp_path):
    path = xlsx(tmp_path / "a.xlsx", [["Nazwisko", "Imię", "PESEL", "Data przystąpienia", "Wykształcenie",
                                       "Powody"],
                                      ["Nowak", "Anna", ANNA, "31.02.2021", "magisterskie+", "ubóstwo, smutek"]])
    [row] = importer.preview_import(db, path).rows
    assert row.action == "error"
    assert row.errors[0] == "Wiersz 2, Data przystąpienia: „31.02.2021” nie jest poprawną datą (wpisz dd.mm.rrrr)."
    assert row.errors[1].startswith("Wiersz 2, Wykształcenie: nieznana wartość „magisterskie+” (dozwolone: ")
    assert row.errors[2].startswith("Wiersz 2, Powody: nieznany powód wsparcia: „smutek”")
    assert {p.field for p in row.problems} == {"start_date", "education", "reasons"}


def test_a_row_with_an_invalid_pesel_is_reported_and_the_cli_writes_nothing(db, db_url, tmp_path, capsys):
    path = xlsx(tmp_path / "lista.xlsx", [["Nazwisko", "Imię", "PESEL"], ["Nowak", "Anna", ANNA],
                                          ["Kowal", "Jan", BAD_PESEL], ["Nowak", "Jan", JAN]])
    preview = importer.preview_import(db, path)
    assert [r.action for r in preview.rows] == ["new", "error", "new"]
    assert preview.errors == [f"Wiersz 3, PESEL: PESEL „{BAD_PESEL}” ma błędną cyfrę kontrolną — sprawdź, czy nie "
                              "ma literówki."]
    assert preview.rows[1].problems[0].field == "pesel"
    assert main(["--db", db_url, "import", "participants", str(path)]) == 1
    out = capsys.readouterr().out
    assert "wiersze z błędami: 1" in out and f"Wiersz 3, PESEL: PESEL „{BAD_PESEL}”" in out
    assert "Nic nie zostało zapisane" in out
    assert count_participants(db) == 0
    assert main(["--db", db_url, "import", "participants", str(path), "--skip-errors"]) == 1
    assert "Zapisano: dodano 2" in capsys.readouterr().out
    assert count_participants(db) == 2


def test_dry_run_writes_nothing_and_a_clean_file_exits_0(db, db_url, tmp_path, capsys):
    path = xlsx(tmp_path / "lista.xlsx", [["Nazwisko", "Imię", "PESEL"], ["Nowak", "Anna", ANNA]])
    assert main(["--db", db_url, "import", "participants", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "nowe osoby: 1" in out and "nic nie zostało zapisane" in out
    assert count_participants(db) == 0
    assert main(["--db", db_url, "import", "participants", str(path)]) == 0
    assert "Zapisano: dodano 1, zaktualizowano 0." in capsys.readouterr().out
    assert count_participants(db) == 1


def test_people_already_registered_are_updated_only_when_chosen(db, tmp_path, db_url, capsys):
    existing = participants.create_participant(db, participants.ParticipantInput(
        first_name="Anna", last_name="Nowak", pesel=ANNA, phone="600 100 200", notes="z poradni",
        reasons=(SupportReason.POVERTY,)))
    other = participants.create_participant(db, participants.ParticipantInput(
        first_name="Jan", last_name="Kowal", pesel=JAN))
    path = xlsx(tmp_path / "lista.xlsx", [["Nazwisko", "Imię", "PESEL", "Telefon", "Uwagi", "Miejscowość"],
                                          ["Nowak-Kos", "Anna", ANNA, "", "", "Kłobuck"],
                                          ["Kowal", "Jan", JAN, "777 888 999", None, None],
                                          ["Zięba", "Zofia", ZOFIA, None, None, None]])
    preview = importer.preview_import(db, path)
    assert [(r.action, r.existing_id) for r in preview.rows] == [("update", existing.id), ("update", other.id),
                                                                 ("new", None)]
    assert not preview.errors  # "already in the register" is not an error for the rows that update
    report = importer.apply_import(db, preview)
    assert (report.created, report.updated, report.skipped_existing) == (1, 0, 2)
    assert participants.get_participant(db, existing.id).last_name == "Nowak"
    report = importer.apply_import(db, importer.preview_import(db, path), update_existing={2})
    assert (report.created, report.updated, report.skipped_existing) == (0, 1, 2)  # Zofia is registered now
    anna = participants.get_participant(db, existing.id)
    # the columns the sheet fills are updated; empty cells keep what the registry knows
    assert (anna.last_name, anna.city, anna.phone, anna.notes) == ("Nowak-Kos", "Kłobuck", "600 100 200",
                                                                   "z poradni")
    assert anna.reasons == (SupportReason.POVERTY,) and anna.version == 2
    assert participants.get_participant(db, other.id).phone == ""
    assert main(["--db", db_url, "import", "participants", str(path), "--update-existing"]) == 0
    assert "dodano 0, zaktualizowano 3" in capsys.readouterr().out
    assert participants.get_participant(db, other.id).phone == "777 888 999"


def test_the_same_pesel_twice_in_the_file_is_an_error_on_the_later_row(db, tmp_path):
    path = xlsx(tmp_path / "lista.xlsx", [["Nazwisko", "Imię", "PESEL"], ["Nowak", "Anna", ANNA],
                                          ["Nowakowa", "Anna", ANNA]])
    rows = importer.preview_import(db, path).rows
    assert [r.action for r in rows] == ["new", "error"]
    assert rows[1].errors == [f"Wiersz 3, PESEL: ten sam numer PESEL {ANNA} jest już w wierszu 2 tego pliku."]


def test_a_failure_half_way_leaves_nothing_behind(db, tmp_path, monkeypatch):
    existing = participants.create_participant(db, participants.ParticipantInput(
        first_name="Anna", last_name="Nowak", pesel=ANNA))
    path = xlsx(tmp_path / "lista.xlsx", [["Nazwisko", "Imię", "PESEL"], ["Nowak-Kos", "Anna", ANNA],
                                          ["Kowal", "Jan", JAN]])
    preview = importer.preview_import(db, path)

    def broken(*_args, **_kwargs):
        raise ValidationError("Dysk pełny")

    monkeypatch.setattr(import_apply, "_insert_new", broken)
    with pytest.raises(ValidationError):
        importer.apply_import(db, preview, update_existing=True)
    assert participants.get_participant(db, existing.id).last_name == "Nowak"
    assert count_participants(db) == 1


def test_someone_registering_a_person_after_the_preview_stops_the_import(db, tmp_path):
    path = xlsx(tmp_path / "lista.xlsx", [["Nazwisko", "Imię", "PESEL"], ["Kowal", "Jan", JAN],
                                          ["Nowak", "Anna", ANNA]])
    preview = importer.preview_import(db, path)
    participants.create_participant(db, participants.ParticipantInput(first_name="Anna", last_name="N",
                                                                      pesel=ANNA))
    with pytest.raises(ValidationError, match="Wiersz 3, PESEL: .* po przygotowaniu podglądu"):
        importer.apply_import(db, preview)
    assert count_participants(db) == 1


def test_a_text_file_renamed_to_xlsx_is_refused_clearly(db, tmp_path):
    path = tmp_path / "lista.xlsx"
    path.write_text("Nazwisko;Imię\nNowak;Anna\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="ma rozszerzenie .xlsx, ale nie jest arkuszem Excel"):
        importer.read_sheet(path)
    broken = tmp_path / "zepsuty.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(ValidationError, match="nie jest arkuszem kalkulacyjnym"):
        importer.read_sheet(broken)
    old = tmp_path / "stary.xls"
    old.write_bytes(importer.OLE_SIGNATURE + b"\x00" * 600)
    with pytest.raises(ValidationError, match="Excel 97-2003"):
        importer.read_sheet(old)


def test_a_sheet_without_a_header_row_is_refused_clearly(db, tmp_path, db_url, capsys):
    path = xlsx(tmp_path / "liczby.xlsx", [[1, 2, 3], ["Nowak", "Anna", ANNA]] * 8)
    with pytest.raises(ValidationError, match="nie znaleziono wiersza nagłówków w pierwszych 10 wierszach"):
        importer.read_sheet(path)
    text = tmp_path / "notatka.csv"
    text.write_text("To jest notatka, a nie lista uczestników.\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="nie znaleziono wiersza nagłówków"):
        importer.read_sheet(text)
    assert main(["--db", db_url, "import", "participants", str(path)]) == 2
    assert "nie znaleziono wiersza nagłówków" in capsys.readouterr().err


def test_files_over_the_limit_are_refused_before_reading(tmp_path, monkeypatch):
    path = xlsx(tmp_path / "duzy.xlsx", [["Nazwisko", "Imię"], ["Nowak", "Anna"]])
    monkeypatch.setattr(import_sheet, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("the file was read"))
    with pytest.raises(ValidationError, match="jest za duży"):
        importer.read_sheet(path)


def test_a_corrected_mapping_is_kept_and_used(db, tmp_path):
    path = xlsx(tmp_path / "lista.xlsx", [["Osoba", "Numer ewidencyjny", "Imię matki"],
                                          ["Nowak Anna", ANNA, "Zofia"]])
    with pytest.raises(ValidationError, match="nie znaleziono wiersza nagłówków"):
        importer.preview_import(db, path)  # only "Osoba"... nothing the program knows
    path = xlsx(tmp_path / "lista2.xlsx", [["Osoba", "Numer ewidencyjny", "Imię matki", "Uwagi"],
                                           ["Nowak Anna", ANNA, "Zofia", "x"]])
    guessed = importer.guess_mapping(importer.read_sheet(path).headers)
    assert guessed.columns["Imię matki"] == "first_name"  # "Imię ..." looks like a first name...
    guessed.set("Osoba", "full_name_reversed")
    guessed.set("Numer ewidencyjny", "pesel")
    guessed.set("Imię matki", None)  # ...the user says it is not
    importer.save_mapping(db, "GOPS 2021", guessed)
    loaded = importer.load_mapping(db, "GOPS 2021")
    assert loaded == guessed and importer.saved_mapping_names(db) == ["GOPS 2021"]
    assert importer.load_mapping(db, "inna") is None
    [row] = importer.preview_import(db, path, loaded).rows
    assert (row.data.first_name, row.data.last_name, row.data.pesel, row.action) == ("Anna", "Nowak", ANNA, "new")
    with pytest.raises(ValidationError, match="Nieznane pole"):
        guessed.set("Uwagi", "kolor_oczu")


def test_a_mapping_without_names_is_refused(db, tmp_path):
    path = xlsx(tmp_path / "lista.xlsx", [["PESEL", "Telefon"], [ANNA, "600100200"]])
    with pytest.raises(ValidationError, match="nie rozpoznano kolumn z imieniem i nazwiskiem"):
        importer.preview_import(db, path)


def test_streets_of_the_area_get_their_id_and_others_need_a_reason(db, tmp_path):
    programme = active_programme(db)
    street = participants.add_area_street(db, programme.id, "ul. Zamkowa", "42-100", "Kłobuck")
    path = xlsx(tmp_path / "lista.xlsx", [["Nazwisko", "Imię", "PESEL", "Ulica", "Nr domu"],
                                          ["Nowak", "Anna", ANNA, "zamkowa", "4/2"],
                                          ["Kowal", "Jan", JAN, "Leśna", "1"]])
    anna, jan = importer.preview_import(db, path).rows
    assert (anna.data.street_id, anna.data.street_name, anna.data.postal_code, anna.data.city) == (
        street, "ul. Zamkowa", "42-100", "Kłobuck")
    assert (anna.data.house_number, anna.data.flat_number) == ("4", "2")
    assert jan.errors == ["Wiersz 3, Uzasadnienie adresu spoza obszaru: Ulica „Leśna” nie należy do obszaru "
                          "rewitalizacji — podaj uzasadnienie."]


def _collect_errors_in_step(db, data: participants.ParticipantInput, participant_id=None):
    """(field, message) of both validators for the same input."""
    data = participants.normalise(data)
    with db.reading() as session:
        expected = [(e.field, str(e)) for e in participants.collect_errors(session, data, participant_id)]
        pesels = dict(session.execute(select(Participant.pesel, Participant.id)
                                      .where(Participant.pesel.is_not(None))).tuples().all())
        streets, owners = importer._load_streets(session)
    known = importer._Known(pesels, streets, owners)
    actual = [(e.field, str(e)) for e in participants.collect_errors(None, data, participant_id, facts=known)]
    return expected, actual


def test_the_bulk_validator_agrees_with_the_registry(db):
    """The import's prefetched answers give the same errors as asking the database row by row."""
    programme = active_programme(db)
    participants.add_area_street(db, programme.id, "ul. Zamkowa", "42-100", "Kłobuck")
    street_id = participants.add_area_street(db, programme.id, "ul. Polna", "42-100", "Kłobuck")
    taken = participants.create_participant(db, participants.ParticipantInput(
        first_name="Jan", last_name="Kowal", pesel=JAN, programme_id=programme.id))
    base = participants.ParticipantInput(first_name="Anna", last_name="Nowak", pesel=ANNA, programme_id=programme.id)
    future = dt.date.today() + dt.timedelta(days=800)
    cases = [
        base, replace(base, first_name=" "), replace(base, pesel=""), replace(base, pesel=BAD_PESEL),
        replace(base, pesel="123"), replace(base, no_pesel=True), replace(base, pesel="", no_pesel=True),
        replace(base, birth_date=dt.date(1985, 3, 15), sex=Sex.MALE), replace(base, pesel=JAN),
        replace(base, birth_date=future, pesel="", no_pesel=True, document_number="X1"),
        replace(base, postal_code="42100", email="zła@x", phone="12"), replace(base, street_name="Leśna"),
        replace(base, street_name="zamkowa"), replace(base, street_name="Leśna", outside_area_reason="meldunek"),
        replace(base, street_id=street_id), replace(base, street_id=street_id + 100),
        replace(base, disability_degree=DisabilityDegree.MILD, disability=TriState.NO),
        replace(base, start_date=dt.date(2021, 5, 1), end_date=dt.date(2021, 4, 1)),
        replace(base, status=ParticipantStatus.ACTIVE), replace(base, status=ParticipantStatus.COMPLETED),
        replace(base, status=ParticipantStatus.CANDIDATE, end_date=dt.date(2021, 4, 1)),
        replace(base, status=ParticipantStatus.DROPPED_OUT, start_date=future, end_date=future,
                declaration_date=future, data_protection_date=future),
    ]
    for data in cases:
        expected, actual = _collect_errors_in_step(db, data)
        assert actual == expected, data
    expected, actual = _collect_errors_in_step(db, replace(base, pesel=JAN), taken.id)
    assert actual == expected == []


@pytest.mark.parametrize(("text", "wanted"), [
    ("ul. Długa 5/3", {"street_name": "ul. Długa", "house_number": "5", "flat_number": "3"}),
    ("Długa 5 m. 3", {"street_name": "Długa", "house_number": "5", "flat_number": "3"}),
    ("ul. 3 Maja 12a/4", {"street_name": "ul. 3 Maja", "house_number": "12a", "flat_number": "4"}),
    ("os. Piastów 3 lok. 12", {"street_name": "os. Piastów", "house_number": "3", "flat_number": "12"}),
    ("ul. Długa 5, 42-100 Kłobuck", {"street_name": "ul. Długa", "house_number": "5", "postal_code": "42-100",
                                     "city": "Kłobuck"}),
    ("Rynek", {"street_name": "Rynek"}),
])
def test_an_address_in_one_cell_is_split(text, wanted):
    assert importer.split_address(text) == wanted


def test_people_without_pesel_are_matched_by_their_document(db, tmp_path):
    olena = participants.create_participant(db, participants.ParticipantInput(
        first_name="Olena", last_name="Kowalenko", no_pesel=True, document_number="FX 123456",
        birth_date=dt.date(1990, 6, 30))).id
    path = xlsx(tmp_path / "lista.xlsx", [["Nazwisko", "Imię", "PESEL", "Nr dokumentu", "Data urodzenia", "Telefon"],
                                          ["Kowalenko", "Olena", "brak", "fx123456", "30.06.1990", "600 700 800"],
                                          ["Bondar", "Iryna", None, "EK998877", "1.2.1988", None],
                                          ["Bondar", "Iryna", None, "EK 998877", "1.2.1988", None]])
    rows = importer.preview_import(db, path).rows
    assert [(r.action, r.existing_id) for r in rows] == [("update", olena), ("new", None), ("error", None)]
    assert rows[2].errors == ["Wiersz 4, Nr dokumentu: ten sam numer dokumentu EK 998877 jest już w wierszu 3 "
                              "tego pliku."]
    assert rows[1].data.no_pesel and rows[1].data.birth_date == dt.date(1988, 2, 1)
    report = importer.apply_import(db, importer.preview_import(db, path), update_existing=True)
    assert (report.created, report.updated) == (1, 1)
    assert participants.get_participant(db, olena).phone == "600 700 800"


def test_corrections_typed_in_the_preview_are_checked_and_imported(db, tmp_path):
    """edit_rows: a wrong PESEL typed over, a field the sheet has not given to two rows; the file is not read."""
    programme = active_programme(db)
    participants.add_area_street(db, programme.id, "ul. Zamkowa", "42-100", "Kłobuck")
    sheet = tmp_path / "lista.csv"
    sheet.write_text("Nazwisko;Imię;PESEL;Ulica;Nr domu\n"
                     f"Nowak;Anna;{BAD_PESEL};Zamkowa;1\n"
                     f"Kowal;Jan;{JAN};Daleka;2\n"
                     f"Żak;Zofia;{ZOFIA};Daleka;3\n", encoding="utf-8-sig")
    preview = importer.preview_import(db, sheet)
    assert [r.action for r in preview.rows] == ["error", "error", "error"]
    assert preview.row(3).error_fields == {"outside_area_reason"}
    sheet.unlink()  # the corrections need no second read of the file

    fixed = importer.edit_rows(db, preview, {2: {"pesel": ANNA}})
    assert [r.action for r in fixed.rows] == ["new", "error", "error"]
    assert fixed.row(2).data.pesel == ANNA and fixed.row(2).cells[2] == ANNA
    reason = "mieszka w schronisku przy ul. Zamkowej"
    fixed = importer.edit_rows(db, fixed, {3: {"outside_area_reason": reason}, 4: {"outside_area_reason": reason}})
    assert [r.action for r in fixed.rows] == ["new", "new", "new"]
    assert fixed.columns[-1].field == "outside_area_reason" and fixed.columns[-1].index is None
    assert [r.cells[-1] for r in fixed.rows] == ["", reason, reason]
    assert fixed.edits == {2: {"pesel": ANNA}, 3: {"outside_area_reason": reason}, 4: {"outside_area_reason": reason}}
    emptied = importer.edit_rows(db, fixed, {4: {"outside_area_reason": ""}})  # "" empties the cell again
    assert emptied.row(4).action == "error"

    report = import_apply.apply_import(db, fixed)
    assert report.created == 3
    with db.reading() as session:
        stored = dict(session.execute(select(Participant.last_name, Participant.outside_area_reason)).all())
    assert stored == {"Nowak": "", "Kowal": reason, "Żak": reason}
