"""The "Staże i pomoc" tab of the participant's page: internships, a month of attendance, cash assistance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from pal_desktop.services import internships
from pal_desktop.services import participants as registry
from pal_desktop.services.demo import pesel_for
from pal_desktop.ui.dialogs import questions

from .typing import replace_text, type_text

NBSP = "\u00a0"


def make_participant(db, person: int) -> None:
    """Cash assistance is recorded for participants only (services.cash_rules); the form's rules of leaving
    (dates, documents) are not what these tests are about."""
    from pal_desktop.domain.enums import ParticipantStatus
    from pal_desktop.storage.models import Participant

    with db.session() as session:
        session.get(Participant, person).status = ParticipantStatus.ACTIVE


@pytest.fixture
def page(qtbot, make_window, app_db):
    person = registry.create_participant(app_db, registry.ParticipantInput(
        first_name="Małgorzata", last_name="Źrebiec", pesel=pesel_for(dt.date(1979, 2, 2), 5, True))).id
    make_participant(app_db, person)
    window = make_window(app_db)
    page = window.tab("participants").open_participant(person)
    qtbot.waitExposed(page)
    page.show_tab("Staże i pomoc")
    return page


@pytest.fixture
def yes(monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(questions, "ask", lambda parent, title, text, **kwargs: asked.append(title) or True)
    return asked


def click(qtbot, widget) -> None:
    assert widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def text(table, row: int, column: int) -> str:
    return table.item(row, column).text().replace(NBSP, " ")


def test_an_internship_a_month_and_cash_assistance_typed_on_the_page(qtbot, page, app_db, yes, shown_errors):
    assert not page.edit_internship_button.isEnabled() and not page.month_button.isEnabled()
    click(qtbot, page.add_internship_button)
    dialog = page.support_dialog
    assert not dialog.save_button.isEnabled()
    type_text(qtbot, dialog.fields["employer_name"], "Zakład Usług Leśnych „Bór”")
    type_text(qtbot, dialog.fields["position_name"], "pomocnik leśniczego")
    type_text(qtbot, dialog.fields["start_date"].edit, "01.03.2021")
    assert not dialog.save_button.isEnabled()
    type_text(qtbot, dialog.fields["end_date"].edit, "28.02.2021")
    type_text(qtbot, dialog.fields["monthly_stipend"], "1 200,00")
    assert dialog.save_button.isEnabled()
    click(qtbot, dialog.save_button)
    assert "nie może być wcześniejsza" in dialog.error_text("end_date")
    assert dialog.isVisible() and page.internships_table.rowCount() == 0
    replace_text(qtbot, dialog.fields["end_date"].edit, "31.05.2021")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: page.internships_table.rowCount() == 1)
    assert [text(page.internships_table, 0, c) for c in range(5)] == [
        "Zakład Usług Leśnych „Bór”", "pomocnik leśniczego", "01.03.2021", "31.05.2021", "1 200,00 zł"]

    page.internships_table.selectRow(0)
    click(qtbot, page.edit_internship_button)
    dialog = page.support_dialog
    assert dialog.fields["monthly_stipend"].text() == "1200,00"
    replace_text(qtbot, dialog.fields["position_name"], "podleśniczy")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: text(page.internships_table, 0, 1) == "podleśniczy")

    page.internships_table.selectRow(0)
    click(qtbot, page.month_button)
    dialog = page.support_dialog
    months = dialog.fields["month"]
    assert [months.itemText(i) for i in range(months.count())] == ["03.2021", "04.2021", "05.2021"]
    months.setCurrentIndex(1)
    type_text(qtbot, dialog.fields["days_present"], "19")
    type_text(qtbot, dialog.fields["days_absent"], "12")
    click(qtbot, dialog.save_button)
    assert "więcej niż dni w miesiącu" in dialog.error_text("days_absent")
    replace_text(qtbot, dialog.fields["days_absent"], "2")
    type_text(qtbot, dialog.fields["stipend_paid"], "1100,50")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    internship_id = page.profile.internships[0].id
    month, = internships.internship_months(app_db, internship_id)
    assert (month.month, month.days_present, month.days_absent, month.stipend_paid) == (
        dt.date(2021, 4, 1), 19, 2, Decimal("1100.50"))

    click(qtbot, page.add_cash_button)
    dialog = page.support_dialog
    assert not dialog.save_button.isEnabled()
    benefit = dialog.fields["benefit_type"]
    benefit.setCurrentIndex(benefit.findText("zasiłek celowy"))
    dialog.fields["purpose"].setCurrentIndex(dialog.fields["purpose"].findText("opał"))
    type_text(qtbot, dialog.fields["amount"], "450,505")
    type_text(qtbot, dialog.fields["decision_number"], "OPS.8301.7.2021")
    type_text(qtbot, dialog.fields["decision_date"].edit, "01.04.2021")
    type_text(qtbot, dialog.fields["payment_date"].edit, "12.04.2021")
    click(qtbot, dialog.save_button)
    assert "dwie cyfry" in dialog.error_text("amount")
    replace_text(qtbot, dialog.fields["amount"], "450,50")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: page.cash_table.rowCount() == 1)
    assert [text(page.cash_table, 0, c) for c in range(5)] == [
        "zasiłek celowy", "OPS.8301.7.2021", "01.04.2021", "450,50 zł", "12.04.2021"]

    page.cash_table.selectRow(0)
    click(qtbot, page.edit_cash_button)
    dialog = page.support_dialog
    assert dialog.fields["amount"].text() == "450,50"
    replace_text(qtbot, dialog.fields["amount"], "500")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: text(page.cash_table, 0, 3) == "500,00 zł")
    page.cash_table.selectRow(0)
    click(qtbot, page.remove_cash_button)
    page.internships_table.selectRow(0)
    click(qtbot, page.remove_internship_button)
    assert yes == ["Zapisać mimo ostrzeżeń?", "Usunąć pomoc pieniężną?", "Usunąć staż?"]
    assert page.cash_table.rowCount() == 0 and page.internships_table.rowCount() == 0
    assert shown_errors == []


def test_an_amount_that_is_not_a_number_is_named_beside_the_field(qtbot, page):
    click(qtbot, page.add_cash_button)
    dialog = page.support_dialog
    dialog.fields["benefit_type"].setCurrentIndex(1)
    type_text(qtbot, dialog.fields["amount"], "czterysta")
    type_text(qtbot, dialog.fields["decision_number"], "OPS.8301.7.2021")
    type_text(qtbot, dialog.fields["decision_date"].edit, "01.04.2021")
    click(qtbot, dialog.save_button)
    assert "nie jest liczba" in dialog.error_text("amount")


def test_a_cash_edit_made_stale_by_someone_else_is_refused_and_says_what_they_changed(qtbot, app_db,
                                                                                      conflict_answers):
    from dataclasses import replace

    from pal_desktop.domain.enums import BenefitType, CashPurpose
    from pal_desktop.ui.dialogs.conflict_dialog import Choice
    from pal_desktop.ui.dialogs.small_forms import CashDialog

    person = registry.create_participant(app_db, registry.ParticipantInput(
        first_name="Małgorzata", last_name="Źrebiec", pesel=pesel_for(dt.date(1979, 2, 2), 5, True))).id
    make_participant(app_db, person)
    cash_id = internships.add_cash(app_db, person, internships.CashAssistanceInput(
        benefit_type=BenefitType.PURPOSE, amount=Decimal("300.00"), decision_number="OPS.8301.1.2021",
        decision_date=dt.date(2021, 4, 1), purpose=CashPurpose.FOOD))
    dialog = CashDialog(app_db, person, cash_id)
    qtbot.addWidget(dialog)
    other = internships.get_cash(app_db, cash_id)  # another PC saves 500,00 zł meanwhile
    internships.update_cash(app_db, cash_id, replace(other, amount=Decimal("500.00")), base=other)
    replace_text(qtbot, dialog.fields["amount"], "400,00")
    conflict_answers.answers.append((Choice.CANCEL, frozenset()))
    assert not dialog.save()
    [[amount]] = conflict_answers.asked  # the one field both changed, with both values
    assert (amount.label, amount.theirs, amount.mine, amount.both_changed) == (
        "Kwota", "500,00\u00a0zł", "400,00\u00a0zł", True)
    assert internships.get_cash(app_db, cash_id).amount == Decimal("500.00")
    assert dialog.fields["amount"].text() == "400,00"  # what was typed stays for another try
    conflict_answers.answers.append((Choice.MINE, frozenset()))
    assert dialog.save()  # "Zapisz moją wersję": 400,00 zł over their 500,00 zł, knowingly
    assert internships.get_cash(app_db, cash_id).amount == Decimal("400.00")


def test_the_cash_form_asks_for_a_purpose_warns_above_the_threshold_and_sums_the_months(qtbot, page, app_db,
                                                                                          monkeypatch, shown_errors):
    from pal_desktop.services import organisation

    organisation.save_organisation_field(app_db, "cash_warning_threshold", "1000")
    asked: list[str] = []
    answers = [False, True]
    monkeypatch.setattr(questions, "ask", lambda parent, title, text, **kw: asked.append(text) or answers.pop(0))
    click(qtbot, page.add_cash_button)
    dialog = page.support_dialog
    benefit = dialog.fields["benefit_type"]
    benefit.setCurrentIndex(benefit.findText("specjalny zasiłek celowy (art. 41 pkt 1)"))
    type_text(qtbot, dialog.fields["amount"], "1500")
    type_text(qtbot, dialog.fields["decision_number"], "OPS.8301.9.2021")
    type_text(qtbot, dialog.fields["decision_date"].edit, "01.04.2021")
    type_text(qtbot, dialog.fields["payment_date"].edit, "12.04.2021")
    click(qtbot, dialog.save_button)
    assert "art. 39 ust. 2" in dialog.error_text("purpose")
    dialog.fields["purpose"].setCurrentIndex(dialog.fields["purpose"].findText("koszty pogrzebu"))
    click(qtbot, dialog.save_button)              # the warning: "Wróć do formularza"
    assert "przekracza próg 1 000,00" in asked[0].replace(NBSP, " ") and dialog.isVisible()
    click(qtbot, dialog.save_button)              # "Zapisz mimo to"
    qtbot.waitUntil(lambda: page.cash_table.rowCount() == 1)
    assert [text(page.cash_totals_table, 0, c) for c in range(4)] == [
        "04.2021", "specjalny zasiłek celowy (art. 41 pkt 1)", "1", "1 500,00 zł"]
    click(qtbot, page.add_cash_button)
    dialog = page.support_dialog
    benefit = dialog.fields["benefit_type"]
    benefit.setCurrentIndex(benefit.findText("zasiłek stały"))
    assert not dialog.fields["purpose"].isEnabled()
    assert shown_errors == []


def test_the_accountants_workbook_is_written_from_the_participants_export_menu(qtbot, make_window, app_db,
                                                                                tmp_path, monkeypatch, shown_errors):
    import openpyxl

    from pal_desktop.domain.enums import BenefitType, CashPurpose
    from pal_desktop.ui.dialogs import transfer

    person = registry.create_participant(app_db, registry.ParticipantInput(
        first_name="Małgorzata", last_name="Źrebiec", pesel=pesel_for(dt.date(1979, 2, 2), 5, True))).id
    make_participant(app_db, person)
    internships.add_cash(app_db, person, internships.CashAssistanceInput(
        benefit_type=BenefitType.CHANCE_EVENT, purpose=CashPurpose.REPAIRS, amount=Decimal("8000.00"),
        decision_number="OPS.8301.40.2021", decision_date=dt.date(2021, 7, 20), payment_date=dt.date(2021, 7, 22)))
    target = tmp_path / "ksiegowosc.xlsx"
    monkeypatch.setattr(transfer, "choose_save_file", lambda *args: str(target))
    tab = make_window(app_db).tab("participants")
    tab.export_cash_action.trigger()
    qtbot.waitUntil(target.exists, timeout=20000)
    line = list(openpyxl.load_workbook(target)["Wypłaty"].iter_rows(values_only=True))[1]
    assert line[0] == "Źrebiec" and line[3] == "art. 40" and float(line[11]) == 8000.0
    assert shown_errors == []


def test_the_month_shows_the_stipend_due_and_asks_when_the_paid_one_differs(qtbot, page, app_db, monkeypatch,
                                                                            shown_errors):
    from pal_desktop.ui import pdf_output

    internship_id = internships.add_internship(app_db, page.participant_id, internships.InternshipInput(
        employer_name="Piekarnia „Kłos”", start_date=dt.date(2021, 3, 1), end_date=dt.date(2021, 3, 31),
        hours_per_week=Decimal("40")))
    page._after_change("")
    qtbot.waitUntil(lambda: page.internships_table.rowCount() == 1)
    page.internships_table.selectRow(0)
    click(qtbot, page.month_button)
    dialog = page.support_dialog
    type_text(qtbot, dialog.fields["days_present"], "20")
    type_text(qtbot, dialog.fields["days_absent"], "0")
    type_text(qtbot, dialog.fields["hours"], "80")
    assert dialog.due_label.text().replace(NBSP, " ") == "1 033,14 zł"   # 120 % of 1 721,90 zł × 80/160
    type_text(qtbot, dialog.fields["stipend_paid"], "5000")
    asked: list[str] = []
    answers = [False, True]
    monkeypatch.setattr(questions, "ask", lambda parent, title, text, **kw: asked.append(text) or answers.pop(0))
    click(qtbot, dialog.save_button)
    assert "za dużo" in asked[0] and dialog.isVisible()
    replace_text(qtbot, dialog.fields["hours"], "400")
    click(qtbot, dialog.save_button)
    assert "po 8 godz." in dialog.error_text("hours")
    replace_text(qtbot, dialog.fields["hours"], "160")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert internships.internship_months(app_db, internship_id)[0].stipend_paid == Decimal("5000.00")

    opened = []
    monkeypatch.setattr(pdf_output, "present", lambda widget, path, *args, **kwargs: opened.append(path))
    page.internships_table.selectRow(0)
    click(qtbot, page.opinion_button)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10000)
    import io

    from pypdf import PdfReader

    text_of = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(opened[0].read_bytes())).pages)
    assert "organizatora stażu" in " ".join(text_of.split())
    page.internships_table.selectRow(0)
    click(qtbot, page.certificate_button)
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=10000)
    assert shown_errors == []


def test_the_programmes_stipend_rule_is_set_from_the_internships(qtbot, page, app_db, shown_errors):
    from pal_desktop.services import internship_stipend
    from pal_desktop.services.programmes import active_programme

    click(qtbot, page.stipend_rule_button)
    dialog = page.support_dialog
    assert dialog.fields["stipend_base"].placeholderText() == "1721,90"
    type_text(qtbot, dialog.fields["stipend_percent"], "500")
    click(qtbot, dialog.save_button)
    assert "od 1 do 300" in dialog.error_text("stipend_percent")
    replace_text(qtbot, dialog.fields["stipend_percent"], "160")
    type_text(qtbot, dialog.fields["stipend_base"], "1 721,90")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    rule = internship_stipend.stipend_rule(app_db, active_programme(app_db).id)
    assert rule.own and rule.full == Decimal("2755.04")
    assert shown_errors == []
