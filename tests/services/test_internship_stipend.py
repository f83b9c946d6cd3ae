"""Internships by the rules: the stipend due from the hours, the disability limits, paid against due, the PDFs."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from decimal import Decimal

import pytest
from pypdf import PdfReader

from pal_desktop.domain.enums import DisabilityDegree, ParticipantStatus
from pal_desktop.errors import ValidationError
from pal_desktop.services import internship_documents, internship_stipend, internships
from pal_desktop.services.programmes import active_programme
from tests.services.test_internships import STAGE, register


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


def with_disability(db, person: int, degree: DisabilityDegree) -> None:
    from pal_desktop.storage.models import Participant

    with db.session() as session:
        session.get(Participant, person).disability_degree = degree


def test_the_default_rule_is_120_percent_of_the_benefit_for_160_hours_and_proportionally_less(db):
    rule = internship_stipend.stipend_rule(db, active_programme(db).id)
    assert (rule.base, rule.percent, rule.full_hours, rule.own) == (Decimal("1721.90"), Decimal("120"), 160, False)
    assert rule.full == Decimal("2066.28")
    assert rule.due(Decimal("160")) == rule.due(Decimal("176")) == Decimal("2066.28")
    assert rule.due(Decimal("80")) == Decimal("1033.14")
    assert rule.due(Decimal("0")) == Decimal("0.00") and rule.due(None) is None


def test_a_programme_sets_its_own_rule_and_the_due_follows_it(db):
    programme = active_programme(db).id
    rule = internship_stipend.set_stipend_rule(db, programme, Decimal("1200.00"), Decimal("100"), 140)
    assert rule.own and rule.full == Decimal("1200.00") and rule.due(Decimal("70")) == Decimal("600.00")
    internship_id = internships.add_internship(db, register(db), STAGE)
    internships.record_month(db, internship_id, dt.date(2021, 3, 1), 20, 1, Decimal("140"), Decimal("1200.00"))
    month, = internship_stipend.stipend_months(db, internship_id)
    assert (month.due, month.paid, month.difference) == (Decimal("1200.00"), Decimal("1200.00"), Decimal("0.00"))
    with pytest.raises(ValidationError, match="od 1 do 300") as caught:
        internship_stipend.set_stipend_rule(db, programme, None, Decimal("500"), None)
    assert caught.value.field == "stipend_percent"


@pytest.mark.parametrize("degree", [DisabilityDegree.MODERATE, DisabilityDegree.SEVERE])
def test_more_than_35_hours_a_week_is_refused_for_a_moderate_or_severe_disability(db, degree):
    person = register(db)
    with_disability(db, person, degree)
    with pytest.raises(ValidationError, match="7 godzin na dobę i 35 godzin") as caught:
        internships.add_internship(db, person, STAGE)                        # 40 h a week
    assert caught.value.field == "hours_per_week"
    internship_id = internships.add_internship(db, person, replace(STAGE, hours_per_week=Decimal("35")))
    with pytest.raises(ValidationError, match="35 godzin"):
        internships.update_internship(db, internship_id, replace(STAGE, hours_per_week=Decimal("36")))
    with pytest.raises(ValidationError, match="po 7 godz.") as caught:
        internships.record_month(db, internship_id, dt.date(2021, 3, 1), 20, 0, Decimal("141"))
    assert caught.value.field == "hours"
    internships.record_month(db, internship_id, dt.date(2021, 3, 1), 20, 0, Decimal("140"))


def test_a_mild_disability_keeps_the_general_limits(db):
    person = register(db)
    with_disability(db, person, DisabilityDegree.MILD)
    internship_id = internships.add_internship(db, person, STAGE)
    internships.record_month(db, internship_id, dt.date(2021, 3, 1), 20, 0, Decimal("160"))


def test_400_hours_in_a_month_are_refused_and_5000_zl_against_the_due_warns(db):
    internship_id = internships.add_internship(db, register(db), STAGE)
    with pytest.raises(ValidationError, match="po 8 godz."):
        internships.record_month(db, internship_id, dt.date(2021, 3, 1), 22, 0, Decimal("400"), Decimal("5000"))
    warning, = internship_stipend.month_warnings(db, internship_id, Decimal("160"), Decimal("5000.00"))
    assert "2\u00a0066,28\u00a0zł" in str(warning) and "za dużo" in str(warning)
    less, = internship_stipend.month_warnings(db, internship_id, Decimal("160"), Decimal("1200.00"))
    assert "za mało" in str(less)
    assert internship_stipend.month_warnings(db, internship_id, Decimal("160"), Decimal("2066.28")) == ()
    unknown, = internship_stipend.month_warnings(db, internship_id, None, Decimal("100.00"))
    assert "nie podano godzin" in str(unknown)


def test_the_certificate_and_the_hosts_opinion_print_the_internship(db):
    person = register(db, ParticipantStatus.ACTIVE)
    internship_id = internships.add_internship(db, person, replace(STAGE, supervisor="Jan Kłos"))
    with pytest.raises(ValidationError, match="po jego zakończeniu"):
        internship_documents.certificate_pdf(db, internship_id, today=dt.date(2021, 5, 30))
    with pytest.raises(ValidationError, match="obecności"):
        internship_documents.certificate_pdf(db, internship_id, today=dt.date(2021, 6, 1))
    internships.record_month(db, internship_id, dt.date(2021, 3, 1), 20, 1, Decimal("160"))
    internships.record_month(db, internship_id, dt.date(2021, 4, 1), 19, 2, Decimal("150.5"))
    certificate = pdf_text(internship_documents.certificate_pdf(db, internship_id, today=dt.date(2021, 6, 1)))
    assert "ZAŚWIADCZENIE o odbyciu stażu" in certificate
    assert "Pani Grażyna Ślęzak, urodzona 05.05.1980, odbyła staż" in certificate
    assert "Piekarnia „Kłos”" in certificate and "01.03.2021 – 31.05.2021" in certificate
    assert "310,5 (dni obecności: 39)" in certificate
    opinion = pdf_text(internship_documents.opinion_pdf(db, internship_id, today=dt.date(2021, 6, 1)))
    assert "OPINIA organizatora stażu" in opinion and "Jan Kłos" in opinion
    assert "umiejętności praktyczne pozyskane" in opinion and "podpis opiekuna stażu" in opinion
