"""Karta uczestnika: plain data in, a PDF with Polish letters, the support received and both signature lines out."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from pypdf import PdfReader

from pal_desktop.cli import main
from pal_desktop.domain.enums import (
    BenefitType,
    Education,
    LabourStatus,
    ParticipantStatus,
    SupportReason,
    SupportStatus,
    TriState,
)
from pal_desktop.reports.participant_card import (
    CashLine,
    ParticipantCardData,
    SupportLine,
    render_participant_card,
)
from pal_desktop.reports.styles import DocumentHeader
from pal_desktop.services import households, participant_profile, participants, reports
from pal_desktop.services.demo import pesel_for
from pal_desktop.storage.models import CashAssistance


def pdf_text(content: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def test_the_card_from_plain_data():
    content = render_participant_card(ParticipantCardData(
        header=DocumentHeader(organisation="Miejski Ośrodek Pomocy Społecznej w Łodzi"),
        name="Żaneta Łęcka-Źrebięć", record_number="17", status="uczestnik",
        personal=[("PESEL", "02270807253"), ("Adres", "ul. Żółkiewskiego 5/3, 90-001 Łódź")],
        reasons=["ubóstwo", "bezrobocie"], documents=[("Deklaracja uczestnictwa", "01.03.2021"), ("RODO", "")],
        support=[SupportLine("praca socjalna", "01.03.2021 – 31.12.2022", "od 02.03.2021", "w trakcie")],
        cash=[CashLine("zasiłek celowy", "GOPS.4010.1.2021", "", "300,00 zł", "05.03.2021")],
        printed_on="01.07.2022"))
    text, pages = pdf_text(content)
    flat = " ".join(text.split())
    assert "Karta uczestnika" in flat and "Żaneta Łęcka-Źrebięć" in flat and "ul. Żółkiewskiego 5/3" in flat
    assert "nie podpisano" in flat and "praca socjalna" in flat and "zasiłek celowy" in flat
    assert "data i podpis uczestnika" in flat and "data i podpis pracownika" in flat
    assert pages == 1 and "Strona 1 z 1" in text


def test_the_card_of_a_registered_participant_and_the_cli(db, db_url, tmp_path, capsys):
    start = dt.date(2021, 3, 1)
    person = participants.create_participant(db, participants.ParticipantInput(
        first_name="Łucja", last_name="Żółtowska", pesel=pesel_for(dt.date(2002, 7, 8), 3, True),
        status=ParticipantStatus.ACTIVE, start_date=start, declaration_date=start, data_protection_date=start,
        education=Education.LOWER_SECONDARY, labour_status=LabourStatus.UNEMPLOYED_REGISTERED,
        disability=TriState.YES, disability_degree="umiarkowany", street_name="ul. Śląska", house_number="7",
        postal_code="42-100", city="Kłobuck", reasons=(SupportReason.POVERTY, SupportReason.HELPLESSNESS))).id
    household = households.household_from_participant(db, person)
    households.add_family_member(db, household, "Staś", "Żółtowski", "syn", dt.date(2019, 5, 1))
    participant_profile.add_support(db, person, participant_profile.SupportInput(
        "Akademia Lidera", start, dt.date(2021, 6, 30), dt.date(2021, 3, 2), dt.date(2021, 6, 29),
        SupportStatus.GIVEN))
    with db.session() as session:
        session.add(CashAssistance(participant_id=person, benefit_type=BenefitType.PURPOSE, amount=Decimal("450"),
                                   decision_number="GOPS.4010.7.2021", decision_date=dt.date(2021, 4, 1),
                                   payment_date=dt.date(2021, 4, 9)))
    text, pages = pdf_text(reports.participant_card_pdf(db, person, today=dt.date(2022, 7, 1)))
    flat = " ".join(text.split())
    assert "Łucja Żółtowska" in flat and "02270800" in flat and "ul. Śląska 7, 42-100 Kłobuck" in flat
    assert "gimnazjalne (ISCED 2)" in flat and "Tak, stopień umiarkowany" in flat
    assert "ubóstwo, bezradność w sprawach opiekuńczo-wychowawczych" in flat
    assert "Staś Żółtowski" in flat and "Akademia Lidera" in flat and "02.03.2021 – 29.06.2021" in flat
    assert "GOPS.4010.7.2021 z dnia 01.04.2021" in flat and "450,00" in flat
    assert "Zajęcia i wydarzenia: brak zarejestrowanych zajęć." in flat
    assert "Program Aktywności Lokalnej dla Gminy Kłobuck" in flat
    assert pages == 1 and "Strona 1 z 1" in text

    output = tmp_path / "karta.pdf"
    assert main(["--db", db_url, "report", "participant-card", "--participant", str(person), "-o",
                 str(output)]) == 0
    assert "Zapisano" in capsys.readouterr().out
    assert "Łucja Żółtowska" in pdf_text(output.read_bytes())[0]
    assert main(["--db", db_url, "report", "participant-card", "--participant", "999", "-o", str(output)]) == 2
    assert "Nie ma uczestnika o numerze 999" in capsys.readouterr().err
