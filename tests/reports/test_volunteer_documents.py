"""Volunteer documents: the agreement to sign, the timesheet, the certificate and opinion, the hours summary,
the gala list and the thank-you letters — Polish letters, names, totals, page numbers, signature lines; and the
command line that prints them."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from pal_desktop.cli import main
from pal_desktop.errors import ValidationError
from pal_desktop.services import organisation, volunteer_agreements, volunteer_hours, volunteer_reports
from pal_desktop.services import volunteers as service

TODAY = dt.date(2022, 6, 30)


def pages(content: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages]


def fonts(content: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(content))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


@pytest.fixture
def people(db):
    """Two volunteers with agreements and hours, and the organisation with an hourly rate of 35,00 zł."""
    organisation.save_organisation(db, organisation.OrganisationSettings(
        name="Gminny Ośrodek Pomocy Społecznej w Kłobucku", address="ul. 11 Listopada 6", postal_code="42-100",
        city="Kłobuck", volunteer_hour_rate="35,00"))
    zofia = service.create_volunteer(db, service.VolunteerInput(
        first_name="Zofia", last_name="Żółćkiewicz", birth_date=dt.date(1990, 5, 6), address="ul. Śląska 7, Kłobuck",
        works_with_children=True, register_check_date=dt.date(2022, 3, 20), criminal_record_date=dt.date(2022, 3, 18),
        travel_cost_waiver=True), today=TODAY).id
    jerzy = service.create_volunteer(db, service.VolunteerInput(
        first_name="Jerzy", last_name="Łęcki", birth_date=dt.date(2005, 1, 2), guardian_consent_date=dt.date(2022, 3, 1)),
        today=TODAY).id
    agreement = volunteer_agreements.create_agreement(db, volunteer_agreements.AgreementInput(
        volunteer_id=zofia, start_date=dt.date(2022, 4, 1), end_date=dt.date(2022, 12, 31),
        signed_date=dt.date(2022, 3, 28), scope="zajęcia plastyczne dla dzieci w świetlicy „Źródełko”",
        manner=volunteer_agreements.DEFAULT_MANNER, time_description="do 8 godzin tygodniowo", place="Kłobuck",
        termination_terms=volunteer_agreements.DEFAULT_TERMINATION, health_safety_date=dt.date(2022, 3, 28),
        travel_cost_waiver=True), today=TODAY)
    short = volunteer_agreements.create_agreement(db, volunteer_agreements.AgreementInput(
        volunteer_id=jerzy, start_date=dt.date(2022, 5, 1), end_date=dt.date(2022, 5, 20), written_form=True,
        nnw_insurance=True, scope="pomoc przy festynie", manner="pod opieką koordynatora",
        time_description="weekendy", termination_terms="za porozumieniem stron"), today=TODAY)
    for day, hours in ((dt.date(2022, 4, 4), "2,5"), (dt.date(2022, 4, 11), "3"), (dt.date(2022, 4, 19), "4"),
                       (dt.date(2022, 5, 9), "1,5")):
        volunteer_hours.add_hours(db, volunteer_hours.HoursInput(zofia, day, hours, activity="zajęcia z dziećmi — „Łódź z papieru”"),
                          today=TODAY)
    volunteer_hours.add_hours(db, volunteer_hours.HoursInput(jerzy, dt.date(2022, 5, 14), "6", activity="obsługa stoiska"),
                      today=TODAY)
    return {"zofia": zofia, "jerzy": jerzy, "agreement": agreement.id, "short": short.id, "number": agreement.number}


def test_the_agreement_to_sign(db, people):
    content = volunteer_reports.agreement_pdf(db, people["agreement"])
    text = " ".join(pages(content))
    assert "POROZUMIENIE O WYKONYWANIU ŚWIADCZEŃ WOLONTARIUSZA" in text and f"nr {people['number']}" in text
    assert "ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie" in text
    # The parties in the nominative, in a table: nothing to decline, the office's block line by line.
    assert ("Korzystający Gminny Ośrodek Pomocy Społecznej w Kłobucku ul. 11 Listopada 6 42-100 Kłobuck "
            "reprezentowany przez Wolontariusz Zofia Żółćkiewicz data urodzenia: 06.05.1990") in text
    assert "zwanymi dalej odpowiednio „Korzystającym” i „Wolontariuszem”" in text and "Panią" not in text
    assert "……" not in text
    assert "zajęcia plastyczne dla dzieci w świetlicy „Źródełko”" in text
    assert "od 01.04.2022 do 31.12.2022 (275 dni)" in text and "zawarte w dniu 28.03.2022 w miejscowości Kłobuck" in text
    assert "sprawdził w dniu 20.03.2022 Wolontariusza w Rejestrze Sprawców Przestępstw na Tle Seksualnym" in text
    assert "Krajowego Rejestru Karnego z dnia 18.03.2022" in text
    assert ("art. 21 ustawy z dnia 13 maja 2016 r. o przeciwdziałaniu zagrożeniom przestępczością na tle seksualnym "
            "i ochronie małoletnich") in text
    assert "zwalnia Korzystającego z obowiązku pokrycia kosztów podróży" in text
    assert "Korzystający (podpis i pieczęć osoby reprezentującej)" in text and "Wolontariusz (czytelny podpis)" in text
    assert "Przedstawiciel ustawowy" not in text
    assert f"Strona {len(pages(content))} z {len(pages(content))}" in text
    assert any("DejaVuSans" in name for name in fonts(content))
    minor = " ".join(pages(volunteer_reports.agreement_pdf(db, people["short"])))
    assert "Wolontariusz Jerzy Łęcki data urodzenia: 02.01.2005" in minor and "ubezpiecza Wolontariusza od następstw nieszczęśliwych wypadków" in minor
    assert "zgoda przedstawiciela ustawowego z dnia 01.03.2022" in minor
    assert "Przedstawiciel ustawowy Wolontariusza (podpis)" in minor


def test_the_monthly_timesheet_with_total_and_value(db, people):
    (text,) = pages(volunteer_reports.timesheet_pdf(db, people["zofia"], 2022, 4))
    assert "KARTA PRACY WOLONTARIUSZA" in text and "kwiecień 2022" in text and "Zofia Żółćkiewicz" in text
    assert "04.04.2022" in text and "19.04.2022" in text and "09.05.2022" not in text
    assert "Razem 9,5" in text and "Łączna liczba godzin w miesiącu: 9,5" in text
    assert "Wartość pracy wolontariusza: 332,50 zł" in text and "„Łódź z papieru”" in text
    assert "Wolontariusz (data i podpis)" in text and "Koordynator wolontariatu" in text
    assert "Strona 1 z 1" in text
    with pytest.raises(ValidationError) as caught:
        volunteer_reports.timesheet_pdf(db, people["zofia"], 2021, 4)
    assert caught.value.field == "month"


def test_without_a_rate_the_documents_leave_the_value_out(db, people):
    organisation.save_organisation(db, organisation.OrganisationSettings(name="GOPS"))
    assert volunteer_reports.missing_rate(db)
    (text,) = pages(volunteer_reports.timesheet_pdf(db, people["zofia"], 2022, 4))
    assert "Łączna liczba godzin w miesiącu: 9,5" in text
    assert "Wartość pracy" not in text and "brak stawki" not in text and "zł" not in text
    (summary,) = pages(volunteer_reports.hours_summary_pdf(db, dt.date(2022, 1, 1), dt.date(2022, 12, 31)))
    assert "Zofia Żółćkiewicz 11 4" in summary and "Wartość pracy" not in summary and "brak stawki" not in summary


def test_the_certificate_and_the_opinion(db, people):
    (text,) = pages(volunteer_reports.certificate_pdf(db, people["zofia"], today=dt.date(2022, 6, 30)))
    assert "ZAŚWIADCZENIE" in text and "Kłobuck, 30.06.2022" in text and "nr Z/2022/001" in text
    assert "Gminny Ośrodek Pomocy Społecznej w Kłobucku zaświadcza, że Pani Zofia Żółćkiewicz" in text
    assert "wykonywała świadczenia wolontariusza" in text
    assert f"01.04.2022 – 30.06.2022 (porozumienie nr {people['number']})" in text
    assert "zajęcia plastyczne dla dzieci" in text and "Łączna liczba godzin świadczeń: 11 (w 4 dniach)" in text
    assert "pieczęć i podpis osoby upoważnionej" in text and "Strona 1 z 1" in text
    (opinion,) = pages(volunteer_reports.opinion_pdf(db, people["jerzy"], "Pan Jerzy był punktualny i "
                                                     "życzliwy.\n\nPolecamy go.", today=dt.date(2022, 6, 30)))
    assert "OPINIA" in opinion and "nr O/2022/001" in opinion and "Pan Jerzy Łęcki" in opinion and "wykonywał" in opinion
    assert "Pan Jerzy był punktualny i życzliwy." in opinion and "Polecamy go." in opinion
    assert "Łączna liczba godzin świadczeń: 6 (w 1 dniu)" in opinion and "Strona 1 z 1" in opinion
    # A reprint the same day keeps the number; the next volunteer's certificate gets the next one.
    again = " ".join(pages(volunteer_reports.certificate_pdf(db, people["zofia"], today=dt.date(2022, 6, 30))))
    assert "nr Z/2022/001" in again
    other = " ".join(pages(volunteer_reports.certificate_pdf(db, people["jerzy"], today=dt.date(2022, 6, 30))))
    assert "nr Z/2022/002" in other
    with pytest.raises(ValidationError) as caught:
        volunteer_reports.opinion_pdf(db, people["jerzy"], "   ")
    assert caught.value.field == "assessment"


def test_the_hours_summary_gala_list_and_thank_you_letters(db, people):
    (summary,) = pages(volunteer_reports.hours_summary_pdf(db, dt.date(2022, 1, 1), dt.date(2022, 12, 31)))
    assert "ZESTAWIENIE GODZIN PRACY WOLONTARIUSZY" in summary and "01.01.2022 – 31.12.2022" in summary
    assert "Jerzy Łęcki 6 1 210,00 zł" in summary and "Zofia Żółćkiewicz 11 4 385,00 zł" in summary
    assert "Razem (2 os.) 17 5 595,00 zł" in summary
    assert "kwiecień 2022 9,5 332,50 zł" in summary and "maj 2022 7,5 262,50 zł" in summary
    assert "Strona 1 z 1" in summary
    (gala,) = pages(volunteer_reports.gala_pdf(db, dt.date(2022, 1, 1), dt.date(2022, 12, 31)))
    assert gala.index("1. Zofia Żółćkiewicz 11") < gala.index("2. Jerzy Łęcki 6")
    assert "GALA WOLONTARIATU" in gala and "Strona 1 z 1" in gala
    letters = pages(volunteer_reports.thanks_pdf(db, dt.date(2022, 1, 1), dt.date(2022, 12, 31)))
    assert len(letters) == 2  # one page each, in alphabetical order
    assert "Szanowny Pan Jerzy Łęcki" in letters[0] and "Przepracowane godziny: 6." in letters[0]
    assert "Szanowna Pani Zofia Żółćkiewicz" in letters[1] and "za Pani zaangażowanie" in letters[1]
    assert all("PODZIĘKOWANIE" in page and "Strona" not in page for page in letters)
    with pytest.raises(ValidationError):
        volunteer_reports.gala_pdf(db, dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_the_command_line_prints_every_volunteer_document(db, db_url, people, tmp_path, capsys):
    runs = {
        "certificate.pdf": ["volunteer-certificate", "--volunteer", str(people["zofia"])],
        "hours.pdf": ["volunteer-hours", "--from", "01.04.2022", "--to", "2022-04-30"],
        "agreement.pdf": ["volunteer-agreement", "--agreement", str(people["agreement"])],
        "timesheet.pdf": ["volunteer-timesheet", "--volunteer", str(people["zofia"]), "--month", "2022-04"],
        "opinion.pdf": ["volunteer-opinion", "--volunteer", str(people["jerzy"]), "--text", "Sumienny i życzliwy."],
        "gala.pdf": ["volunteer-gala", "--from", "2022-01-01", "--to", "31.12.2022"],
        "thanks.pdf": ["volunteer-thanks", "--from", "2022-01-01", "--to", "2022-12-31"],
    }
    for name, args in runs.items():
        output = tmp_path / name
        assert main(["--db", db_url, "report", *args, "-o", str(output)]) == 0, name
        assert output.read_bytes().startswith(b"%PDF")
    hours = " ".join(pages((tmp_path / "hours.pdf").read_bytes()))
    assert "01.04.2022 – 30.04.2022" in hours and "Zofia Żółćkiewicz 9,5 3 332,50 zł" in hours
    assert "Jerzy" not in hours
    assert "Sumienny i życzliwy." in " ".join(pages((tmp_path / "opinion.pdf").read_bytes()))
    capsys.readouterr()
    with pytest.raises(SystemExit) as usage:  # argparse refuses the date and exits with the usage status
        main(["--db", db_url, "report", "volunteer-hours", "--from", "31.04.2022", "--to", "2022-05-01",
              "-o", str(tmp_path / "bad.pdf")])
    assert usage.value.code == 2
    assert "dd.mm.rrrr albo rrrr-mm-dd" in capsys.readouterr().err
    assert main(["--db", db_url, "report", "volunteer-certificate", "--volunteer", "999",
                 "-o", str(tmp_path / "none.pdf")]) == 2
    assert "Nie ma wolontariusza o numerze 999" in capsys.readouterr().err
    assert not (tmp_path / "bad.pdf").exists() and not (tmp_path / "none.pdf").exists()
