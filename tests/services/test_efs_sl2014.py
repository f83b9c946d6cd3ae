"""The SL2014 (2014-2020) data set with the practitioner columns: every column and value of known people."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from pal_desktop.domain.efs_dictionaries import EndSituation, FundingPeriod, LabourDetail, Occupation
from pal_desktop.domain.enums import Education, LabourStatus, ParticipantStatus, SupportStatus, TriState
from pal_desktop.errors import ValidationError
from pal_desktop.services import efs_export, participant_profile, participants
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.efs_validation import validation_report
from pal_desktop.services.programmes import active_programme
from pal_desktop.storage.models import Participant

ENDED = dict(status=ParticipantStatus.COMPLETED, start_date=dt.date(2021, 3, 1), end_date=dt.date(2021, 9, 30),
             declaration_date=dt.date(2021, 3, 1), data_protection_date=dt.date(2021, 3, 1), city="Kłobuck",
             postal_code="42-100", street_name="ul. Długa", house_number="5", flat_number="3",
             phone="600100200", email="osoba@example.pl", disability=TriState.NO, minority_or_foreign=TriState.NO,
             homeless=TriState.NO, other_disadvantage=TriState.NO, completed_as_planned=TriState.YES)


def _person(db, first, last, birth, serial, female, **extra) -> int:
    return participants.create_participant(db, participants.ParticipantInput(
        first_name=first, last_name=last, pesel=pesel_for(birth, serial, female), **{**ENDED, **extra})).id


@pytest.fixture
def sl2014_people(db):
    """A social worker in a training (practitioner), a man who started a business, one without schooling."""
    worker = _person(db, "Maria", "Pracownicza", dt.date(1980, 5, 10), 1, True, education=Education.TERTIARY,
                     labour_status=LabourStatus.EMPLOYED, labour_detail=LabourDetail.LOCAL_GOVERNMENT,
                     occupation=Occupation.SOCIAL_ASSISTANCE, employed_at="Ośrodek Pomocy Społecznej w Kłobucku",
                     end_situation_code=EndSituation.JOB_KEPT, end_situation_code_2=EndSituation.QUALIFICATION)
    founder = _person(db, "Adam", "Firmowy", dt.date(1990, 1, 2), 2, False, education=Education.UPPER_SECONDARY,
                      labour_status=LabourStatus.UNEMPLOYED_REGISTERED,
                      labour_detail=LabourDetail.LONG_TERM_UNEMPLOYED, end_situation_code=EndSituation.JOB_FOUND,
                      business_start_date=dt.date(2021, 8, 1), business_grant=Decimal("23050.00"),
                      business_pkd="96.02.Z")
    pupil = _person(db, "Ola", "Szkolna", dt.date(2006, 4, 4), 3, True, education=Education.NONE,
                    labour_status=LabourStatus.INACTIVE, labour_detail=LabourDetail.STUDYING,
                    planned_education_end=dt.date(2022, 6, 24), end_situation_code=EndSituation.EDUCATION)
    participant_profile.add_support(db, worker, participant_profile.SupportInput(
        "szkolenie", dt.date(2021, 3, 1), dt.date(2021, 6, 30), dt.date(2021, 3, 8), dt.date(2021, 6, 28),
        SupportStatus.GIVEN))
    return {"worker": worker, "founder": founder, "pupil": pupil}


def _rows(path):
    sheet = openpyxl.load_workbook(path).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    return rows[0], {row[4]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}


def test_every_sl2014_column_of_known_people(db, sl2014_people, tmp_path):
    programme = active_programme(db)
    assert efs_export.period_of(db, programme.id) == FundingPeriod.P2014_2020
    report = efs_export.export_efs(db, programme.id, tmp_path / "pefs.xlsx")
    assert report.exported == 3 and report.left_out == []
    header, people = _rows(tmp_path / "pefs.xlsx")
    assert header == list(efs_export.EFS_COLUMNS) and len(header) == 41
    start, end = dt.datetime(2021, 3, 1), dt.datetime(2021, 9, 30)
    common = ["Polska", "Indywidualny", None]
    address = ["śląskie", "kłobucki", "Kłobuck", "Kłobuck", "Długa", "5", "3", "42-100", "2", "600100200",
               "osoba@example.pl", start, end]
    no = ["Nie", "Nie", "Nie", "Nie"]
    expected = {
        "Pracownicza": common + ["Maria", "Pracownicza", pesel_for(dt.date(1980, 5, 10), 1, True), "Nie", "Kobieta",
                                 40, "wyższe (ISCED 5-8)"] + address + [
            "Osoba pracująca", "Osoba pracująca w administracji samorządowej",
            "Kluczowy pracownik instytucji pomocy i integracji społecznej", "Ośrodek Pomocy Społecznej w Kłobucku",
            "Kontynuacja zatrudnienia", "Nabycie kwalifikacji lub kompetencji", "Tak",
            "szkolenie", dt.datetime(2021, 3, 8), dt.datetime(2021, 6, 28), None, None, None, None] + no,
        "Firmowy": common + ["Adam", "Firmowy", pesel_for(dt.date(1990, 1, 2), 2, False), "Nie", "Mężczyzna",
                             31, "ponadgimnazjalne (ISCED 3)"] + address + [
            "Osoba bezrobotna zarejestrowana w ewidencji urzędów pracy", "Osoba długotrwale bezrobotna", None, None,
            "Podjęcie pracy", None, "Tak", None, None, None,
            None, dt.datetime(2021, 8, 1), 23050, "96.02.Z"] + no,
        "Szkolna": common + ["Ola", "Szkolna", pesel_for(dt.date(2006, 4, 4), 3, True), "Nie", "Kobieta",
                             14, "niższe niż podstawowe (ISCED 0)"] + address + [
            "Osoba bierna zawodowo", "Osoba ucząca się/kształcąca się", None, None,
            "Podjęcie kształcenia lub szkolenia", None, "Tak", None, None, None,
            dt.datetime(2022, 6, 24), None, None, None] + no,
    }
    for surname, values in expected.items():
        assert [people[surname][column] for column in header] == values, surname


def test_the_form_refuses_practitioner_fields_that_do_not_fit(db):
    base = dict(first_name="Jan", last_name="Zły", pesel=pesel_for(dt.date(1975, 7, 7), 4, False),
                labour_status=LabourStatus.INACTIVE)
    cases = [({"occupation": Occupation.FARMER}, "occupation"), ({"employed_at": "Huta"}, "employed_at"),
             ({"end_situation_code_2": EndSituation.NO_CHANGE}, "end_situation_code_2"),
             ({"business_pkd": "8899Z", "business_start_date": dt.date(2021, 5, 1)}, "business_pkd"),
             ({"business_grant": Decimal("-1")}, "business_grant"),
             ({"business_grant": Decimal("100")}, "business_start_date")]
    for extra, field in cases:
        data = participants.ParticipantInput(**base, **extra)
        assert field in {error.field for error in participants.validate(db, data)}, field
        with pytest.raises(ValidationError):
            participants.create_participant(db, data)


def test_stored_records_the_funder_would_reject_are_in_the_validation_report(db, sl2014_people, tmp_path):
    with db.session() as session:  # written around the form (an old import): the rules were not checked
        worker = session.get(Participant, sl2014_people["worker"])
        worker.labour_status = LabourStatus.INACTIVE
        worker.labour_detail = LabourDetail.OTHER
        founder = session.get(Participant, sl2014_people["founder"])
        founder.business_pkd = "fryzjer"
    programme = active_programme(db)
    issues = {(i.participant_id, i.column) for i in validation_report(db, programme.id, FundingPeriod.P2014_2020)}
    assert issues == {(sl2014_people["worker"], "Wykonywany zawód"), (sl2014_people["worker"], "Zatrudniony w"),
                      (sl2014_people["founder"], "PKD założonej działalności gospodarczej")}
    report = efs_export.export_efs(db, programme.id, tmp_path / "pefs.xlsx")
    assert report.exported == 1 and {p.participant_id for p in report.left_out} == {
        sl2014_people["worker"], sl2014_people["founder"]}
    founder_reasons = next(p for p in report.left_out if p.participant_id == sl2014_people["founder"]).reasons
    assert founder_reasons == ("Pole „PKD” ma postać „88.99.Z” (wpisano: „fryzjer”).",)
