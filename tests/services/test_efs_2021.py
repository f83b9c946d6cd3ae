"""The 2021-2027 participant data set (SM EFS), the validation report, and the funder's file read back."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
from sqlalchemy import select

from pal_desktop.cli import main
from pal_desktop.domain.efs_dictionaries import Citizenship, EndSituation, FundingPeriod, LabourDetail
from pal_desktop.domain.enums import Education, LabourStatus, ParticipantStatus, Sex, SupportStatus, TriState
from pal_desktop.errors import ValidationError
from pal_desktop.services import (
    efs_export,
    efs_import,
    efs_validation,
    participant_profile,
    participants,
    programmes,
)
from pal_desktop.services.demo import pesel_for
from pal_desktop.storage.models import Programme

START = dt.date(2025, 3, 3)
BASE = dict(status=ParticipantStatus.ACTIVE, start_date=START, declaration_date=START, data_protection_date=START,
            city="Kłobuck", postal_code="42-100", street_name="ul. Długa", house_number="5", flat_number="3",
            phone="600100200", email="a@example.pl", disability=TriState.NO, homeless=TriState.NO,
            minority_or_foreign=TriState.NO, other_disadvantage=TriState.NO, foreign_origin=TriState.NO,
            third_country_citizen=TriState.NO, minority=TriState.REFUSED, citizenship=Citizenship.POLISH)


def given(db, person, form, start, end=None, status=SupportStatus.IN_PROGRESS):
    participant_profile.add_support(db, person, participant_profile.SupportInput(
        form, start, end, start, end, status if end is None else SupportStatus.GIVEN))


@pytest.fixture
def people(db):
    programme = programmes.create_programme(db, programmes.ProgrammeInput(
        "PAL 2025-2026", dt.date(2025, 1, 1), dt.date(2026, 12, 31), municipality="Gmina Kłobuck",
        project_number="FESL.07.05-IZ.01-0123/24", funding_period=FundingPeriod.P2021_2027), make_active=True)
    anna = participants.create_participant(db, participants.ParticipantInput(
        first_name="Anna", last_name="Nowak", pesel=pesel_for(dt.date(1990, 5, 20), 1, True),
        education=Education.LOWER_SECONDARY, labour_status=LabourStatus.UNEMPLOYED_REGISTERED,
        labour_detail=LabourDetail.LONG_TERM_UNEMPLOYED, **BASE)).id
    given(db, anna, "praca socjalna", dt.date(2025, 3, 4))
    given(db, anna, "Akademia Lidera", dt.date(2025, 4, 7), dt.date(2025, 6, 27))
    participant_profile.add_support(db, anna, participant_profile.SupportInput(
        "staż", dt.date(2026, 1, 1), dt.date(2026, 3, 31)))  # planned only: never exported as given
    olena = participants.create_participant(db, participants.ParticipantInput(
        first_name="Olena", last_name="Kowalenko", no_pesel=True, document_number="FX123456",
        birth_date=dt.date(2008, 6, 30), sex=Sex.FEMALE, education=Education.UPPER_SECONDARY,
        labour_status=LabourStatus.INACTIVE, labour_detail=LabourDetail.STUDYING,
        planned_education_end=dt.date(2027, 6, 30),
        **{**BASE, "citizenship": Citizenship.NON_EU, "third_country_citizen": TriState.YES,
           "foreign_origin": TriState.YES}))
    given(db, olena.id, "warsztaty i treningi", dt.date(2025, 3, 10))
    piotr = participants.create_participant(db, participants.ParticipantInput(
        first_name="Piotr", last_name="Zieliński", pesel=pesel_for(dt.date(1975, 1, 2), 2, False),
        education=Education.TERTIARY, labour_status=LabourStatus.EMPLOYED, labour_detail=LabourDetail.SELF_EMPLOYED,
        business_start_date=dt.date(2025, 5, 1), **{**BASE, "citizenship": None})).id
    participant_profile.add_support(db, piotr, participant_profile.SupportInput(
        "doradztwo zawodowe", dt.date(2025, 4, 1), dt.date(2025, 4, 30)))
    participants.create_participant(db, participants.ParticipantInput(
        first_name="Kamil", last_name="Kandydat", pesel=pesel_for(dt.date(1999, 9, 9), 4, False)))
    return {"programme": programme, "anna": anna, "olena": olena.id, "piotr": piotr}


def read_csv(path):
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))


def test_sm_efs_has_the_2021_columns_one_line_per_form_given_and_the_other_identifier(db, people, tmp_path):
    path = tmp_path / "smefs.csv"
    report = efs_export.export_efs(db, people["programme"], path)
    assert report.layout == "smefs" and report.exported == 2
    assert [p.participant_id for p in report.left_out] == [people["piotr"]]
    rows = read_csv(path)
    assert rows[0] == list(efs_export.efs_export_2021.COLUMNS) and len(rows[0]) == 35
    lines = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [(line["Nazwisko"], line["Zakres wsparcia"]) for line in lines] == [
        ("Kowalenko", "warsztaty i treningi"), ("Nowak", "praca socjalna"), ("Nowak", "Akademia Lidera")]
    anna = lines[1]
    assert anna == {
        "Numer projektu": "FESL.07.05-IZ.01-0123/24", "Kraj": "Polska", "Rodzaj uczestnika": "Indywidualny",
        "Nazwa instytucji": "", "Techniczny identyfikator uczestnika": f"PAL-{people['anna']}", "Imię": "Anna",
        "Nazwisko": "Nowak", "Obywatelstwo": "Obywatelstwo polskie", "Brak PESEL": "Nie",
        "PESEL/Inny identyfikator": pesel_for(dt.date(1990, 5, 20), 1, True), "Płeć": "Kobieta",
        "Wiek w chwili przystąpienia do projektu": "34",
        "Wykształcenie": "Podstawowe (ISCED 1) lub gimnazjalne (ISCED 2)", "Województwo": "śląskie",
        "Powiat": "kłobucki", "Gmina": "Kłobuck", "Miejscowość": "Kłobuck", "Kod pocztowy": "42-100",
        "Obszar według stopnia urbanizacji (DEGURBA)": "2", "Telefon kontaktowy": "600100200",
        "Adres e-mail": "a@example.pl", "Data rozpoczęcia udziału w projekcie": "2025-03-03",
        "Data zakończenia udziału w projekcie": "",
        "Status osoby na rynku pracy w chwili przystąpienia do projektu": "Osoba bezrobotna",
        "W tym": "Osoba długotrwale bezrobotna", "Planowana data zakończenia edukacji": "",
        "Data założenia działalności gospodarczej": "", "Osoba obcego pochodzenia": "Nie",
        "Obywatel państwa trzeciego": "Nie",
        "Osoba należąca do mniejszości narodowej lub etnicznej (w tym społeczności marginalizowane)":
            "Odmowa podania informacji",
        "Osoba bezdomna lub dotknięta wykluczeniem z dostępu do mieszkań": "Nie",
        "Osoba z niepełnosprawnościami": "Nie", "Zakres wsparcia": "praca socjalna", "Zakres wsparcia – w tym": "",
        "Data rozpoczęcia udziału we wsparciu": "2025-03-04"}
    assert lines[2]["Data rozpoczęcia udziału we wsparciu"] == "2025-04-07"
    olena = lines[0]
    assert (olena["Brak PESEL"], olena["PESEL/Inny identyfikator"], olena["Obywatelstwo"]) == (
        "Tak", "FX123456", "Brak polskiego obywatelstwa lub UE")
    assert (olena["Wiek w chwili przystąpienia do projektu"], olena["Wykształcenie"], olena["W tym"],
            olena["Planowana data zakończenia edukacji"], olena["Obywatel państwa trzeciego"]) == (
        "16", "Ponadgimnazjalne (ISCED 3) lub policealne (ISCED 4)", "Osoba ucząca się/kształcąca się",
        "2027-06-30", "Tak")
    assert "Ulica" not in rows[0] and "Osoba w innej niekorzystnej sytuacji społecznej" not in rows[0]


def test_the_validation_report_names_every_record_and_field_the_funder_would_reject(db, people, tmp_path):
    issues = efs_validation.validation_report(db, people["programme"], FundingPeriod.P2021_2027)
    assert [(i.participant_id, i.name, i.column) for i in issues] == [
        (people["piotr"], "Zieliński Piotr", "Obywatelstwo"), (people["piotr"], "Zieliński Piotr", "Zakres wsparcia")]
    assert issues[1].message.startswith("brak rozpoczętej formy wsparcia")
    report = efs_export.export_efs(db, people["programme"], tmp_path / "smefs.csv")
    assert [p.reasons for p in report.left_out] == [tuple(i.message for i in issues)]
    assert report.left_out[0].text().startswith(f"Zieliński Piotr (nr {people['piotr']}): brak obywatelstwa")


def test_the_programme_period_chooses_the_layout(db, people, tmp_path):
    with pytest.raises(ValidationError, match="perspektywy 2021-2027.*SM EFS"):
        efs_export.export_efs(db, people["programme"], tmp_path / "pefs.xlsx", "sl2014")
    with pytest.raises(ValidationError, match="Układ SM EFS zapisuje plik .csv"):
        efs_export.export_efs(db, people["programme"], tmp_path / "pefs.xlsx")
    seed = programmes.builtin_programme_data()
    assert seed["funding_period"] == "2014-2020"
    with db.reading() as session:
        assert session.scalar(select(Programme.funding_period).where(Programme.key == seed["key"])) == "2014-2020"


def test_the_funders_file_reads_back_with_no_differences_and_planted_ones_are_found(db, db_url, people, tmp_path,
                                                                                    capsys):
    path = tmp_path / "z-sm-efs.csv"
    efs_export.export_efs(db, people["programme"], path)
    clean = efs_import.compare_efs_file(db, people["programme"], path)
    assert (clean.layout, clean.people_in_file, clean.differences) == ("smefs", 2, [])
    assert main(["--db", db_url, "import", "efs", str(path)]) == 0
    assert "różnic 0" in capsys.readouterr().out

    rows = read_csv(path)
    header = rows[0]
    education, surname = header.index("Wykształcenie"), header.index("Nazwisko")
    planted = [header]
    for row in rows[1:]:
        if row[surname] == "Kowalenko":
            row[education] = "Wyższe (ISCED 5–8)"
        if row[header.index("Zakres wsparcia")] != "Akademia Lidera":  # one of Anna's forms is missing
            planted.append(row)
    stranger = list(rows[1])
    stranger[header.index("PESEL/Inny identyfikator")] = "00000000000"
    stranger[surname] = "Obcy"
    planted.append(stranger)
    piotr = list(rows[1])  # in the funder's system, but his record here would be left out
    piotr[header.index("PESEL/Inny identyfikator")] = pesel_for(dt.date(1975, 1, 2), 2, False)
    piotr[surname] = "Zieliński"
    planted.append(piotr)
    book = openpyxl.Workbook()  # the funder's system hands out XLSX too, with dates as dd.mm.rrrr
    for row in planted:
        book.active.append([f"{c[8:]}.{c[5:7]}.{c[:4]}" if len(c) == 10 and c[4] == "-" and c[7] == "-" else c
                            for c in row])
    funder = tmp_path / "z-systemu.xlsx"
    book.save(funder)
    found = efs_import.compare_efs_file(db, people["programme"], funder)
    kinds = [(d.kind, d.name, d.column) for d in found.differences]
    assert kinds == [
        (efs_import.DifferenceKind.FIELD, "Kowalenko Olena", "Wykształcenie"),
        (efs_import.DifferenceKind.FIELD, "Nowak Anna", "Zakres wsparcia"),
        (efs_import.DifferenceKind.NOT_IN_REGISTRY, "Obcy Olena", ""),
        (efs_import.DifferenceKind.LEFT_OUT, "Zieliński Olena", ""),
    ]
    assert found.differences[-1].file.startswith("brak obywatelstwa")
    assert found.differences[0].registry == "Ponadgimnazjalne (ISCED 3) lub policealne (ISCED 4)"
    assert main(["--db", db_url, "import", "efs", str(funder)]) == 1
    out = capsys.readouterr().out
    assert "„Wykształcenie” — w rejestrze „Ponadgimnazjalne" in out and "Niczego nie zapisano." in out


def test_sl2014_uses_the_dictionary_values_and_reads_back(db, tmp_path):
    from tests.services.test_participant_export import COMPLETE, register

    person = register(db, "Jan", "Kos", dt.date(1980, 1, 1), female=False,
                      **{**COMPLETE, "labour_status": LabourStatus.EMPLOYED, "labour_detail": LabourDetail.NGO,
                         "status": ParticipantStatus.COMPLETED, "end_date": dt.date(2021, 12, 31),
                         "end_situation_code": EndSituation.JOB_KEPT, "end_situation": "dalej pracuje"})
    given(db, person, "praca socjalna", dt.date(2021, 3, 2), dt.date(2021, 11, 30))
    participant_profile.add_support(db, person, participant_profile.SupportInput(
        "staż", dt.date(2021, 5, 1), dt.date(2021, 6, 30)))
    programme = programmes.active_programme(db).id
    path = tmp_path / "pefs.xlsx"
    efs_export.export_efs(db, programme, path)
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(path).active.iter_rows()]
    line = dict(zip(rows[0], rows[1], strict=True))
    assert line["W tym"] == "Osoba pracująca w organizacji pozarządowej"
    assert line["Sytuacja (1) osoby w momencie zakończenia udziału w projekcie"] == "Kontynuacja zatrudnienia"
    assert line["Rodzaj przyznanego wsparcia"] == "praca socjalna"  # the planned internship is not support given
    assert line["Data zakończenia udziału we wsparciu"] == dt.datetime(2021, 11, 30)
    assert efs_import.compare_efs_file(db, programme, path).differences == []


def test_a_w_tym_that_does_not_fit_the_status_is_refused_by_the_form(db):
    with pytest.raises(ValidationError, match="„W tym”"):
        participants.create_participant(db, participants.ParticipantInput(
            first_name="Ala", last_name="Kot", pesel=pesel_for(dt.date(2000, 1, 1), 5, True),
            labour_status=LabourStatus.INACTIVE,
            labour_detail=LabourDetail.LONG_TERM_UNEMPLOYED))


def test_cli_check_lists_every_field_and_writes_nothing(db, db_url, people, tmp_path, capsys):
    path = tmp_path / "smefs.csv"
    assert main(["--db", db_url, "export", "efs", str(path), "--check"]) == 1
    out = capsys.readouterr().out
    assert "Sprawdzenie w układzie SM EFS: problemów 2." in out
    assert f"Zieliński Piotr (nr {people['piotr']}), „Obywatelstwo”: brak obywatelstwa" in out
    assert "Niczego nie zapisano." in out and not path.exists()


def test_the_age_rule_needs_a_valid_pesel_or_a_birth_date_before_the_start():
    from pal_desktop.storage.models import Participant

    def person(**values):
        base = dict(first_name="A", last_name="B", document_number="X1", sex="K", education="isced3",
                    labour_status="bierna", city="Kłobuck", postal_code="42-100", start_date=START,
                    declaration_date=START, status="uczestnik", citizenship="polskie", foreign_origin="nie",
                    third_country_citizen="nie", minority="nie", homeless="nie", disability="nie")
        return Participant(**{**base, **values})

    assert efs_validation.problems_2021(person(birth_date=dt.date(2000, 1, 1)), []) == [
        ("Zakres wsparcia", "brak rozpoczętej formy wsparcia (zaplanowane formy nie są wsparciem udzielonym)")]
    late = efs_validation.problems_2021(person(birth_date=dt.date(2025, 6, 1)), [])
    assert ("Wiek w chwili przystąpienia do projektu",
            "data urodzenia późniejsza niż data rozpoczęcia udziału w projekcie") in late
    wrong = efs_validation.problems_2021(person(pesel="12345678901"), [])
    assert ("PESEL", "błędny numer PESEL (nie można podać wieku)") in wrong
    assert efs_validation.problems_2021(person(birth_date=None, document_number=""), [])[:1] == [
        ("Wiek w chwili przystąpienia do projektu", "brak numeru PESEL i daty urodzenia (nie można podać wieku)")]
