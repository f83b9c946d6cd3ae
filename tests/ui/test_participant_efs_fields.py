"""The participant form's EU dictionary fields: chosen from lists, the 2021-2027 group shown for its programmes."""

from __future__ import annotations

import datetime as dt

from pal_desktop.domain.efs_dictionaries import Citizenship, EndSituation, FundingPeriod, LabourDetail
from pal_desktop.domain.enums import LabourStatus, TriState
from pal_desktop.services import participants as registry
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.programmes import active_programme
from pal_desktop.storage.models import Programme

from .test_participants import open_new_form
from .typing import type_text


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_the_2021_2027_fields_are_chosen_from_lists_and_saved(qtbot, make_window, app_db, shown_errors):
    with app_db.session() as session:
        session.get(Programme, active_programme(app_db).id).funding_period = FundingPeriod.P2021_2027
    window = make_window(app_db)
    form = open_new_form(qtbot, window)
    group = form.findChild(type(form.editors["citizenship"].parent()), "efs2021Group")
    assert group is not None and group.isVisible()
    assert form.editors["citizenship"].accessibleName() == "Obywatelstwo"
    assert [form.editors["citizenship"].itemText(i) for i in range(form.editors["citizenship"].count())] == [
        "— nie podano —", "Obywatelstwo polskie", "Brak polskiego obywatelstwa – obywatel kraju UE",
        "Brak polskiego obywatelstwa lub UE", "Bezpaństwowiec"]
    type_text(qtbot, form.editors["first_name"], "Łucja")
    type_text(qtbot, form.editors["last_name"], "Wójcik")
    type_text(qtbot, form.editors["pesel"], pesel_for(dt.date(1990, 5, 17), 55, True))
    choose(form.editors["labour_status"], LabourStatus.INACTIVE)
    choose(form.editors["labour_detail"], LabourDetail.STUDYING)
    choose(form.editors["end_situation_code"], EndSituation.EDUCATION)
    choose(form.editors["citizenship"], Citizenship.EU)
    choose(form.editors["foreign_origin"], TriState.YES)
    choose(form.editors["third_country_citizen"], TriState.NO)
    choose(form.editors["minority"], TriState.REFUSED)
    form.editors["planned_education_end"].set_date(dt.date(2027, 6, 30))
    type_text(qtbot, form.editors["technical_id"], "U-17")
    qtbot.waitUntil(form.save_button.isEnabled)
    form.save()
    qtbot.waitUntil(lambda: window.tab("participants").form is None)
    saved = registry.get_participant(app_db, form.saved_id)
    assert (saved.labour_detail, saved.end_situation_code, saved.citizenship, saved.foreign_origin,
            saved.third_country_citizen, saved.minority, saved.planned_education_end, saved.technical_id) == (
        LabourDetail.STUDYING, EndSituation.EDUCATION, Citizenship.EU, TriState.YES, TriState.NO, TriState.REFUSED,
        dt.date(2027, 6, 30), "U-17")
    assert shown_errors == []


def test_a_2014_2020_programme_does_not_ask_the_2021_2027_questions(qtbot, make_window, app_db):
    window = make_window(app_db)
    form = open_new_form(qtbot, window)
    assert not form.editors["citizenship"].isVisibleTo(form)
    assert form.editors["labour_detail"].isVisibleTo(form)  # "w tym" is a list in both periods


def test_the_sl2014_practitioner_fields_are_filled_and_saved(qtbot, make_window, app_db, shown_errors):
    from decimal import Decimal

    from pal_desktop.domain.efs_dictionaries import Occupation

    window = make_window(app_db)
    form = open_new_form(qtbot, window)
    for name in ("occupation", "employed_at", "end_situation_code_2", "planned_education_end", "business_start_date",
                 "business_grant", "business_pkd"):
        assert form.editors[name].isVisibleTo(form), name  # a 2014-2020 programme asks them
    assert form.editors["occupation"].accessibleName() == "Wykonywany zawód (osoba pracująca), ze słownika"
    type_text(qtbot, form.editors["first_name"], "Łucja")
    type_text(qtbot, form.editors["last_name"], "Wójcik")
    type_text(qtbot, form.editors["pesel"], pesel_for(dt.date(1990, 5, 17), 56, True))
    choose(form.editors["labour_status"], LabourStatus.EMPLOYED)
    choose(form.editors["labour_detail"], LabourDetail.LOCAL_GOVERNMENT)
    choose(form.editors["occupation"], Occupation.SOCIAL_ASSISTANCE)
    type_text(qtbot, form.editors["employed_at"], "Ośrodek Pomocy Społecznej")
    choose(form.editors["end_situation_code"], EndSituation.JOB_KEPT)
    choose(form.editors["end_situation_code_2"], EndSituation.QUALIFICATION)
    form.editors["business_start_date"].set_date(dt.date(2021, 8, 1))
    type_text(qtbot, form.editors["business_grant"], "23 050,5x")  # the letter is not let in
    type_text(qtbot, form.editors["business_pkd"], "96.02.Z")
    assert form.editors["business_grant"].text() == "23 050,5"
    qtbot.waitUntil(form.save_button.isEnabled)
    form.save()
    qtbot.waitUntil(lambda: window.tab("participants").form is None)
    saved = registry.get_participant(app_db, form.saved_id)
    assert (saved.occupation, saved.employed_at, saved.end_situation_code_2, saved.business_start_date,
            saved.business_grant, saved.business_pkd) == (
        Occupation.SOCIAL_ASSISTANCE, "Ośrodek Pomocy Społecznej", EndSituation.QUALIFICATION, dt.date(2021, 8, 1),
        Decimal("23050.50"), "96.02.Z")
    assert shown_errors == []
