"""Wolontariusze: registering a volunteer by typing, an agreement, a month of hours, the printed documents, the
refusals shown beside their fields, and the warnings under the list."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from pal_desktop.services import organisation, volunteer_agreements, volunteer_alerts, volunteer_hours
from pal_desktop.services import volunteers as service
from pal_desktop.ui import pdf_output
from pal_desktop.ui.dialogs import questions

from .typing import replace_text, type_text


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


@pytest.fixture
def printed(monkeypatch):
    """The PDFs the tab opens (the system viewer is not started)."""
    paths: list = []
    monkeypatch.setattr(pdf_output, "present", lambda widget, path, *args, **kwargs: paths.append(path))
    return paths


def newest(qtbot, window, printed):
    """The last PDF opened, once the window's operations (where PDFs are made) have all finished."""
    qtbot.waitUntil(lambda: window.operations.idle() and bool(printed), timeout=15000)
    return printed[-1]


def open_tab(qtbot, window):
    window.select_tab("volunteers")
    tab = window.tab("volunteers")
    qtbot.waitUntil(lambda: tab.new_button.isEnabled())
    return tab


def open_dialog(qtbot, tab, button):
    click(qtbot, button)
    dialog = tab.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def save(qtbot, tab, dialog) -> None:
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: tab.dialog is None)


def test_register_agree_log_a_month_and_print(qtbot, window, app_db, printed, shown_errors, monkeypatch):
    organisation.save_organisation(app_db, organisation.OrganisationSettings(
        name="Gminny Ośrodek Pomocy Społecznej w Kłobucku", city="Kłobuck", volunteer_hour_rate="35,00"))
    tab = open_tab(qtbot, window)
    assert tab.count_label.text() == "Wolontariuszy: 0"

    dialog = open_dialog(qtbot, tab, tab.new_button)
    type_text(qtbot, dialog.first_name, "Żaneta")
    type_text(qtbot, dialog.last_name, "Łęcka")
    type_text(qtbot, dialog.birth_date.edit, "04.03.1990")
    type_text(qtbot, dialog.phone, "601 234 567")
    type_text(qtbot, dialog.skills, "prace plastyczne, gitara")
    type_text(qtbot, dialog.availability, "wtorki i czwartki")
    save(qtbot, tab, dialog)
    assert tab.count_label.text() == "Wolontariuszy: 1"
    assert tab.model.rows()[0][1:5] == ("Łęcka", "Żaneta", "601 234 567", False)
    assert tab.model.index(0, 3).data() == "nie"  # shown in the window's language
    assert tab.name_label.text() == "Żaneta Łęcka"
    assert "prace plastyczne, gitara" in tab.details_label.text()

    # The agreement: more than 30 days, written; printed to be signed when saved.
    dialog = open_dialog(qtbot, tab, tab.agreement_button)
    type_text(qtbot, dialog.signed_date.edit, "28.03.2022")
    type_text(qtbot, dialog.start_date.edit, "01.04.2022")
    type_text(qtbot, dialog.end_date.edit, "31.12.2022")
    assert dialog.period_hint.text() == "275 dni — ponad 30 dni: porozumienie wymaga formy pisemnej."
    type_text(qtbot, dialog.health_safety.edit, "28.03.2022")
    type_text(qtbot, dialog.scope, "zajęcia plastyczne w świetlicy „Źródełko”")
    type_text(qtbot, dialog.time_description, "do 8 godzin tygodniowo")
    save(qtbot, tab, dialog)
    assert tab.agreements.model.rows()[0][1:3] == ("W/2022/001", "01.04.2022 – 31.12.2022")
    agreement = pdf_text(newest(qtbot, window, printed))
    assert "POROZUMIENIE O WYKONYWANIU ŚWIADCZEŃ WOLONTARIUSZA" in agreement and "Żaneta Łęcka" in agreement
    assert "Wolontariusz (czytelny podpis)" in agreement

    # A month of hours, day after day; impossible entries are refused beside their field.
    dialog = open_dialog(qtbot, tab, tab.hours_button)
    assert dialog.work_date.text() == "01.04.2022"  # the agreement's first day
    type_text(qtbot, dialog.activity, "zajęcia z dziećmi")  # stays for the next days
    for day, hours in (("04.04.2022", "2,5"), ("06.04.2022", "3"), ("11.04.2022", "4"), ("13.04.2022", "2"),
                       ("20.04.2022", "1,5"), ("27.04.2022", "3")):
        replace_text(qtbot, dialog.work_date.edit, day)
        type_text(qtbot, dialog.hours, hours)
        click(qtbot, dialog.next_button)
        assert dialog.error_text_of("work_date") == dialog.error_text_of("hours") == "", day
    assert dialog.session_label.text() == "Zapisano w tym oknie: 6 wpis(y), razem 16 godz."
    for day, hours, field, phrase in (("28.04.2022", "-3", "hours", "nie może być ujemna"),
                                      ("28.04.2022", "25", "hours", "nie może przekraczać 24"),
                                      ("15.03.2022", "2", "work_date", "nie mieści się w żadnym porozumieniu"),
                                      ("31.02.2022", "2", "work_date", "nie zawiera poprawnej daty"),
                                      ("04.04.2022", "22", "hours", "doba ma 24 godziny")):
        replace_text(qtbot, dialog.work_date.edit, day)
        replace_text(qtbot, dialog.hours, hours)
        click(qtbot, dialog.next_button)
        assert phrase in dialog.error_text_of(field), (day, hours)
        assert dialog.error_labels[field].isVisible()
    assert len(volunteer_hours.hours_of(app_db, tab.current_volunteer_id())) == 6  # nothing refused was saved
    from pal_desktop.ui.dialogs import questions

    asked = []
    monkeypatch.setattr(questions, "ask", lambda parent, title, text, **kw: asked.append(title) or True)
    click(qtbot, dialog.cancel_button)  # "Zamknij": the days saved stay saved, the refused one is let go
    assert asked == ["Porzucić zmiany?"]
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert tab.model.rows()[0][6] == "16"
    assert tab.hours_total_label.text() == "Razem: 16 godz. w 6 dniach · wartość pracy: 560,00\u00a0zł"
    assert [r[1:3] for r in tab.month_totals.model.rows()] == [("04.2022", "16")]

    # The timesheet of April, the certificate and the gala list.
    dialog = open_dialog(qtbot, tab, tab.hours.findChild(type(tab.new_button), "timesheetButton"))
    dialog.choose(2022, 4)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: tab.dialog is None)
    timesheet = pdf_text(newest(qtbot, window, printed))
    assert "KARTA PRACY WOLONTARIUSZA" in timesheet and "kwiecień 2022" in timesheet
    assert "Razem 16" in timesheet and "560,00 zł" in timesheet and "Strona 1 z 1" in timesheet
    tab.print_certificate_action.trigger()
    certificate = pdf_text(newest(qtbot, window, printed))
    assert "ZAŚWIADCZENIE" in certificate and "Pani Żaneta Łęcka" in certificate
    assert "Łączna liczba godzin świadczeń: 16" in certificate
    dialog = open_dialog(qtbot, tab, tab.gala_button)
    replace_text(qtbot, dialog.date_from.edit, "01.01.2022")
    replace_text(qtbot, dialog.date_to.edit, "31.12.2022")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: tab.dialog is None)
    gala = pdf_text(newest(qtbot, window, printed))
    assert "GALA WOLONTARIATU" in gala and "1. Żaneta Łęcka 16" in gala
    names = ["porozumienie-w-2022-001-", "karta-pracy-2022-04-zaneta-lecka-", "zaswiadczenie-zaneta-lecka-",
             "gala-wolontariatu-2022-01-01-2022-12-31-"]
    qtbot.waitUntil(lambda: len(printed) == len(names), timeout=15000)
    assert len(printed) == len(names) and all(p.name.startswith(n) for p, n in zip(printed, names, strict=True))
    assert shown_errors == []


def test_the_volunteer_form_names_each_broken_rule(qtbot, window, app_db):
    tab = open_tab(qtbot, window)
    dialog = open_dialog(qtbot, tab, tab.new_button)
    type_text(qtbot, dialog.first_name, "Staś")
    type_text(qtbot, dialog.last_name, "Żak")
    type_text(qtbot, dialog.birth_date.edit, "02.01.2010")
    assert dialog.minor_status.isVisible()
    qtbot.keyClick(dialog.children, Qt.Key.Key_Space)  # tick "Pracuje z dziećmi"
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert "Rejestrze Sprawców Przestępstw na Tle Seksualnym" in dialog.error_text_of("register_check_date")
    assert "Krajowego Rejestru Karnego" in dialog.error_text_of("criminal_record_date")
    assert "niepełnoletni" in dialog.error_text_of("guardian_consent_date")
    assert volunteer_alerts.volunteer_rows(app_db) == []
    type_text(qtbot, dialog.register_check.edit, "01.06.2022")
    assert dialog.error_text_of("register_check_date") == ""  # typing clears the field's message
    type_text(qtbot, dialog.criminal_record.edit, "31.13.2022")
    type_text(qtbot, dialog.guardian_consent.edit, "01.06.2022")
    click(qtbot, dialog.save_button)
    assert "nie zawiera poprawnej daty" in dialog.error_text_of("criminal_record_date")
    replace_text(qtbot, dialog.criminal_record.edit, "30.05.2022")
    save(qtbot, tab, dialog)
    assert tab.model.rows()[0][1:5] == ("Żak", "Staś", "", True)


def test_an_agreement_breaking_the_act_stays_open_with_the_reasons(qtbot, window, app_db):
    volunteer_id = service.create_volunteer(app_db, service.VolunteerInput(
        "Ola", "Nowak", birth_date=dt.date(1999, 1, 1))).id
    tab = open_tab(qtbot, window)
    tab.select_volunteer(volunteer_id)
    dialog = open_dialog(qtbot, tab, tab.agreement_button)
    type_text(qtbot, dialog.start_date.edit, "20.05.2022")
    type_text(qtbot, dialog.end_date.edit, "10.05.2022")
    click(qtbot, dialog.save_button)
    assert "nie może kończyć się (10.05.2022)" in dialog.error_text_of("end_date")
    assert "Zakres świadczeń" in dialog.error_text_of("scope")
    replace_text(qtbot, dialog.end_date.edit, "31.05.2022")
    assert dialog.period_hint.text() == "12 dni — do 30 dni: wolontariusza trzeba ubezpieczyć od NNW."
    type_text(qtbot, dialog.scope, "pomoc przy festynie")
    type_text(qtbot, dialog.time_description, "weekendy")
    click(qtbot, dialog.save_button)
    assert "następstw nieszczęśliwych wypadków" in dialog.error_text_of("nnw_insurance")
    assert volunteer_agreements.agreements_of(app_db, volunteer_id) == []
    qtbot.keyClick(dialog.nnw, Qt.Key.Key_Space)
    dialog.print_after.setChecked(False)
    save(qtbot, tab, dialog)
    assert [a.number for a in volunteer_agreements.agreements_of(app_db, volunteer_id)] == ["W/2022/001"]


def test_warnings_list_ending_agreements_checks_and_hours_outside(qtbot, window, app_db, monkeypatch):
    today = dt.date.today()
    ending = service.create_volunteer(app_db, service.VolunteerInput("Anna", "Ćwik", birth_date=dt.date(1980, 1, 1),
                                                                     works_with_children=True,
                                                                     register_check_date=today - dt.timedelta(days=350),
                                                                     criminal_record_date=today)).id
    agreement = volunteer_agreements.create_agreement(app_db, volunteer_agreements.AgreementInput(
        ending, today - dt.timedelta(days=60), today + dt.timedelta(days=5), scope="świetlica", manner="osobiście",
        time_description="popołudnia", termination_terms="za porozumieniem stron",
        health_safety_date=today - dt.timedelta(days=60)))
    volunteer_hours.add_hours(app_db, volunteer_hours.HoursInput(ending, today - dt.timedelta(days=30), "3"))
    tab = open_tab(qtbot, window)
    texts = tab.alert_texts()
    assert tab.alerts_label.text() == "&Ostrzeżenia (2)"
    assert any(t.startswith("Ćwik Anna: Porozumienie nr") and "(za 5 dni)" in t for t in texts)
    assert any("sprawdzenie w rejestrze sprawców" in t and "według polityki ośrodka" in t for t in texts)
    # Shortening the agreement leaves the logged day outside it: the list says so.
    volunteer_agreements.update_agreement(app_db, agreement.id, volunteer_agreements.AgreementInput(
        ending, today - dt.timedelta(days=20), today + dt.timedelta(days=5), number=agreement.number,
        scope="świetlica", manner="osobiście", time_description="popołudnia", nnw_insurance=True,
        written_form=True, termination_terms="za porozumieniem stron", health_safety_date=today))
    tab.reload()
    assert any("Godziny poza porozumieniem: 1 wpis(y), razem 3 godz." in t for t in tab.alert_texts())
    assert "godziny poza porozumieniem" in tab.model.rows()[0][7]
    tab.table.clearSelection()
    item = tab.alerts.item(tab.alerts.count() - 1)
    tab.alerts.itemActivated.emit(item)
    assert tab.current_volunteer_id() == ending
    assert tab.details_tabs.currentWidget() is tab.hours.parentWidget()
    assert "POZA POROZUMIENIEM" in tab.hours.model.rows()[0][4]
    # Removing the volunteer asks first.
    monkeypatch.setattr(questions, "ask", lambda *args, **kwargs: True)
    click(qtbot, tab.delete_button)
    assert tab.count_label.text() == "Wolontariuszy: 0" and tab.alert_texts() == []


def test_an_opinion_needs_its_text(qtbot, window, app_db, printed):
    volunteer_id = service.create_volunteer(app_db, service.VolunteerInput(
        "Jerzy", "Łoś", birth_date=dt.date(1970, 1, 1))).id
    volunteer_agreements.create_agreement(app_db, volunteer_agreements.AgreementInput(
        volunteer_id, dt.date(2022, 4, 1), dt.date(2022, 12, 31), scope="pomoc seniorom", manner="osobiście",
        time_description="wtorki", termination_terms="za porozumieniem stron"))
    tab = open_tab(qtbot, window)
    tab.print_opinion_action.trigger()
    dialog = tab.dialog
    click(qtbot, dialog.save_button)
    assert "Wpisz treść opinii" in dialog.error_text_of("assessment") and printed == []
    type_text(qtbot, dialog.assessment, "Pan Jerzy jest sumienny i życzliwy.")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: tab.dialog is None)
    text = pdf_text(newest(qtbot, window, printed))
    assert "OPINIA" in text and "Pan Jerzy jest sumienny i życzliwy." in text and "Pan Jerzy Łoś" in text


def test_demo_volunteers_have_their_panel_and_documents_menu(qtbot, demo_window):
    tab = open_tab(qtbot, demo_window)
    assert tab.model.rowCount() > 0 and tab.current_volunteer_id() is not None
    assert tab.agreements.model.rowCount() >= 1 and tab.hours.model.rowCount() >= 1
    assert [a.text() for a in tab.documents_menu.actions()] == [
        "Porozumienie do podpisu", "Karta pracy za miesiąc…", "Zaświadczenie o wykonaniu świadczeń",
        "Opinia o wykonaniu świadczeń…"]
    assert demo_window.new_action.isEnabled()


def test_the_agreement_form_keeps_the_waiver_costs_and_nnw_policy_and_refuses_a_policy_ending_first(
        qtbot, window, app_db):
    volunteer_id = service.create_volunteer(app_db, service.VolunteerInput(
        "Ola", "Nowak", birth_date=dt.date(1999, 1, 1))).id
    tab = open_tab(qtbot, window)
    tab.select_volunteer(volunteer_id)
    dialog = open_dialog(qtbot, tab, tab.agreement_button)
    type_text(qtbot, dialog.start_date.edit, "10.05.2022")
    type_text(qtbot, dialog.end_date.edit, "31.05.2022")
    type_text(qtbot, dialog.scope, "pomoc przy festynie")
    type_text(qtbot, dialog.time_description, "weekendy")
    qtbot.keyClick(dialog.nnw, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.waiver, Qt.Key.Key_Space)
    type_text(qtbot, dialog.reimbursed, "bilety autobusowe")
    type_text(qtbot, dialog.nnw_insurer, "Warta SA")
    type_text(qtbot, dialog.nnw_policy, "NNW/7/2022")
    type_text(qtbot, dialog.nnw_from.edit, "31.05.2022")
    type_text(qtbot, dialog.nnw_to.edit, "10.05.2022")
    dialog.print_after.setChecked(False)
    click(qtbot, dialog.save_button)
    assert "Polisa NNW nie może kończyć się" in dialog.error_text_of("nnw_to")
    replace_text(qtbot, dialog.nnw_from.edit, "10.05.2022")
    replace_text(qtbot, dialog.nnw_to.edit, "31.05.2022")
    save(qtbot, tab, dialog)
    row, = volunteer_agreements.agreements_of(app_db, volunteer_id)
    stored = volunteer_agreements.get_agreement(app_db, row.id)
    assert (stored.travel_cost_waiver, stored.reimbursed_costs, stored.nnw_insurer, stored.nnw_policy_number,
            stored.nnw_from, stored.nnw_to) == (True, "bilety autobusowe", "Warta SA", "NNW/7/2022",
                                                dt.date(2022, 5, 10), dt.date(2022, 5, 31))
