"""Volunteers by the act: no minimum age, under 13 the guardian signs, the agreement's costs and NNW policy,
the organisation's name from the programme, the child-protection act's current title."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from pal_desktop.errors import ValidationError
from pal_desktop.services import volunteer_agreements, volunteer_reports
from pal_desktop.services import volunteers as service

TODAY = dt.date(2022, 4, 1)


def text_of(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


def agreement(volunteer_id: int, **values) -> volunteer_agreements.AgreementInput:
    base = dict(volunteer_id=volunteer_id, start_date=dt.date(2022, 5, 1), end_date=dt.date(2022, 5, 20),
                nnw_insurance=True, scope="pomoc przy festynie", manner="pod opieką koordynatora",
                time_description="weekendy", termination_terms="za porozumieniem stron",
                health_safety_date=dt.date(2022, 3, 30))
    base.update(values)
    return volunteer_agreements.AgreementInput(**base)


def test_a_child_of_nine_is_no_longer_refused_but_warned_that_the_guardian_signs(db):
    result = service.create_volunteer(db, service.VolunteerInput(
        first_name="Staś", last_name="Łęcki", birth_date=dt.date(2013, 1, 2), guardian_consent_date=dt.date(2022, 3, 1)),
        today=TODAY)
    assert any("poniżej 13" in str(notice) for notice in result.warnings)
    saved = volunteer_agreements.create_agreement(db, agreement(result.id), today=TODAY)
    assert any("przedstawiciel ustawowy" in str(notice) for notice in saved.warnings)
    printed = text_of(volunteer_reports.agreement_pdf(db, saved.id))
    assert "nie ukończył 13 lat; porozumienie w jego imieniu zawiera i podpisuje przedstawiciel ustawowy" in printed
    assert "Przedstawiciel ustawowy zawierający porozumienie w imieniu Wolontariusza (podpis)" in printed


def test_a_minor_of_thirteen_or_more_still_needs_the_guardians_consent(db):
    with pytest.raises(ValidationError, match="zgody przedstawiciela ustawowego") as caught:
        service.create_volunteer(db, service.VolunteerInput(
            first_name="Ola", last_name="Żak", birth_date=dt.date(2008, 1, 2)), today=TODAY)
    assert caught.value.field == "guardian_consent_date"
    result = service.create_volunteer(db, service.VolunteerInput(
        first_name="Ola", last_name="Żak", birth_date=dt.date(2008, 1, 2), guardian_consent_date=dt.date(2022, 3, 1)),
        today=TODAY)
    assert not any("poniżej 13" in str(notice) for notice in result.warnings)


def test_the_waiver_reimbursed_costs_and_nnw_policy_are_terms_of_the_agreement(db):
    adult = service.create_volunteer(db, service.VolunteerInput(
        first_name="Zofia", last_name="Żółćkiewicz", birth_date=dt.date(1990, 5, 6)), today=TODAY).id
    bare = volunteer_agreements.create_agreement(db, agreement(adult), today=TODAY)
    assert any("ubezpieczyciela i numeru polisy" in str(n) for n in bare.warnings)
    with pytest.raises(ValidationError, match="Polisa NNW") as caught:
        volunteer_agreements.create_agreement(db, agreement(adult, nnw_from=dt.date(2022, 5, 2),
                                                            nnw_to=dt.date(2022, 5, 1)), today=TODAY)
    assert caught.value.field == "nnw_to"
    short = volunteer_agreements.create_agreement(db, agreement(
        adult, start_date=dt.date(2022, 6, 1), end_date=dt.date(2022, 6, 20), travel_cost_waiver=True,
        reimbursed_costs="materiały plastyczne do 200 zł", nnw_insurer="PZU SA", nnw_policy_number="NNW/123/2022",
        nnw_from=dt.date(2022, 6, 5), nnw_to=dt.date(2022, 6, 20)), today=TODAY)
    assert any("nie obejmuje całego okresu" in str(n) for n in short.warnings)
    stored = volunteer_agreements.get_agreement(db, short.id)
    assert (stored.travel_cost_waiver, stored.nnw_insurer, stored.nnw_policy_number) == (True, "PZU SA", "NNW/123/2022")
    assert service.get_volunteer(db, adult).travel_cost_waiver is False   # not on the person
    printed = text_of(volunteer_reports.agreement_pdf(db, short.id))
    assert "zwalnia Korzystającego z obowiązku pokrycia kosztów podróży" in printed
    assert "materiały plastyczne do 200 zł" in printed
    assert "ubezpieczyciel: PZU SA, polisa nr NNW/123/2022, okres: 05.06.2022 – 20.06.2022" in printed
    other = text_of(volunteer_reports.agreement_pdf(db, bare.id))
    assert "pokrywa, na dotyczących pracowników zasadach, koszty podróży" in other


def test_with_empty_settings_the_agreement_names_the_programmes_organisation(db):
    from pal_desktop.services.programmes import active_programme
    from pal_desktop.storage.models import Programme

    with db.reading() as session:
        organisation = session.get(Programme, active_programme(db).id).organisation
    adult = service.create_volunteer(db, service.VolunteerInput(
        first_name="Zofia", last_name="Żółćkiewicz", birth_date=dt.date(1990, 5, 6)), today=TODAY).id
    saved = volunteer_agreements.create_agreement(db, agreement(adult, nnw_insurer="PZU SA",
                                                                nnw_policy_number="1"), today=TODAY)
    printed = text_of(volunteer_reports.agreement_pdf(db, saved.id))
    assert organisation and f"Korzystający {organisation}" in printed
