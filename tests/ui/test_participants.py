"""Uczestnicy as a social worker uses it: search, filters, sorting, PESEL masking, the form, the page, families."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from pal_desktop import config
from pal_desktop.domain.enums import AttendanceStatus, ParticipantStatus, Sex, TriState
from pal_desktop.services import participants as registry
from pal_desktop.services.demo import pesel_for
from pal_desktop.ui.dialogs import questions

from .typing import replace_text, type_text

TODAY = dt.date.today()


def add_person(db, first: str, last: str, birth: dt.date, *, female: bool, serial: int = 1, **values) -> int:
    data = registry.ParticipantInput(first_name=first, last_name=last,
                                     pesel=pesel_for(birth, serial, female), **values)
    return registry.create_participant(db, data).id


@pytest.fixture
def people(app_db):
    """Three people with Polish letters in their names, registered before the window opens."""
    ids = {
        "lukasz": add_person(app_db, "Łukasz", "Nowak", dt.date(1985, 1, 1), female=False,
                             disability=TriState.YES, status=ParticipantStatus.CANDIDATE),
        "anna": add_person(app_db, "Anna", "Kowalska", dt.date(2008, 3, 15), female=True, serial=2,
                           disability=TriState.NO),
        "zofia": add_person(app_db, "Zofia", "Żak", dt.date(1950, 7, 30), female=True, serial=3),
    }
    return ids


@pytest.fixture
def tab(make_window, app_db, people):
    window = make_window(app_db)
    return window.tab("participants")


def wait_shown(qtbot, tab) -> None:
    qtbot.waitUntil(tab.is_current, timeout=5000)


def names(tab) -> list[str]:
    model = tab.table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def column(tab, index: int) -> list[str]:
    model = tab.table.model()
    return [model.index(row, index).data() for row in range(model.rowCount())]


def click_header(qtbot, tab, title: str) -> None:
    header = tab.table.horizontalHeader()
    model = tab.table.model()
    section = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())].index(title)
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def double_click(qtbot, view, index) -> None:
    """What a real double click sends: a click, then a press that the system reports as a double click."""
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def select_row(qtbot, tab, name: str) -> None:
    row = names(tab).index(name)
    tab.table.setFocus()
    tab.table.selectRow(row)
    assert tab.current_participant_id() is not None


@pytest.fixture
def answers(monkeypatch):
    """Questions asked through ``questions.ask`` are recorded and answered from ``answers.replies``."""
    class Answers:
        asked: list[str] = []
        replies: list[bool] = []

    def ask(parent, title, text, **kwargs):
        Answers.asked.append(title)
        return Answers.replies.pop(0) if Answers.replies else True

    Answers.asked, Answers.replies = [], []
    monkeypatch.setattr(questions, "ask", ask)
    monkeypatch.setattr(questions, "inform", lambda *a, **k: Answers.asked.append(a[1]))
    return Answers


# ---- The list -------------------------------------------------------------------------------------------


def test_search_finds_polish_names_typed_with_or_without_polish_letters(qtbot, tab):
    assert tab.count_label.text() == "Uczestników: 3"
    type_text(qtbot, tab.search, "łuk")
    wait_shown(qtbot, tab)
    assert names(tab) == ["Nowak Łukasz"]
    assert tab.count_label.text() == "Uczestników: 1 z 3"
    qtbot.keyClick(tab.search, Qt.Key.Key_Escape)  # Esc clears the search
    assert tab.search.text() == ""
    wait_shown(qtbot, tab)
    assert len(names(tab)) == 3
    type_text(qtbot, tab.search, "LUK")
    wait_shown(qtbot, tab)
    assert names(tab) == ["Nowak Łukasz"]
    replace_text(qtbot, tab.search, "zak zof")  # words in any order, "z" finds "Ż"
    wait_shown(qtbot, tab)
    assert names(tab) == ["Żak Zofia"]
    replace_text(qtbot, tab.search, "Wiśniewski")
    wait_shown(qtbot, tab)
    assert tab.empty_label.isVisible()
    assert tab.empty_label.text() == "Nic nie znaleziono dla „Wiśniewski”."
    assert tab.count_label.text() == "Uczestników: 0 z 3"


def test_the_count_uses_polish_thousands(qtbot, make_window, demo_app_db):
    window = make_window(demo_app_db)
    tab = window.tab("participants")
    assert tab.count_label.text() == "Uczestników: 300"
    from pal_desktop.services.formatting import format_count

    assert format_count(20449) == "20\u00a0449"
    tab.filters["sex"].setCurrentIndex(1)  # kobiety
    wait_shown(qtbot, tab)
    women = registry.count_participants(demo_app_db, registry.ParticipantQuery(
        programme_id=tab._programme_id, sex=Sex.FEMALE))
    assert tab.count_label.text() == f"Uczestników: {women} z 300"


def test_clicking_a_header_sorts_in_the_database(qtbot, tab):
    assert names(tab) == ["Kowalska Anna", "Nowak Łukasz", "Żak Zofia"]  # Polish alphabetical order
    header = tab.table.horizontalHeader()
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == 0
    click_header(qtbot, tab, "Data urodzenia")
    wait_shown(qtbot, tab)
    assert names(tab)[0] == "Żak Zofia"  # the oldest first
    assert header.sortIndicatorSection() == 2
    click_header(qtbot, tab, "Data urodzenia")  # again: the other way round
    wait_shown(qtbot, tab)
    assert names(tab)[0] == "Kowalska Anna"
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    click_header(qtbot, tab, "Nazwisko i imię")
    wait_shown(qtbot, tab)
    assert names(tab)[0] == "Kowalska Anna"


def test_filters_narrow_the_list_and_can_be_cleared(qtbot, tab):
    def choose(key: str, text: str) -> None:
        combo = tab.filters[key]
        combo.setCurrentIndex(combo.findText(text))
        wait_shown(qtbot, tab)

    choose("sex", "kobiety")
    assert names(tab) == ["Kowalska Anna", "Żak Zofia"]
    choose("age_band", "55 lat i więcej")
    assert names(tab) == ["Żak Zofia"]
    assert tab.count_label.text() == "Uczestników: 1 z 3"
    choose("age_band", "30–54 lata")
    assert names(tab) == []
    assert "Filtry są włączone" in tab.empty_label.text()
    click(qtbot, tab.clear_filters_button)
    wait_shown(qtbot, tab)
    assert len(names(tab)) == 3
    choose("disability", "Tak")
    assert names(tab) == ["Nowak Łukasz"]
    choose("disability", "wszyscy")
    choose("status", "kandydat")
    assert len(names(tab)) == 3
    choose("status", "uczestnik")
    assert names(tab) == []


def test_pesel_is_masked_until_the_user_asks_and_the_choice_is_remembered(qtbot, tab, make_window, app_db):
    pesels = column(tab, 1)
    assert all("•" in p and len(p) == 11 for p in pesels)
    assert not tab.pesel_check.isChecked()
    click(qtbot, tab.pesel_check)
    wait_shown(qtbot, tab)
    full = column(tab, 1)
    assert full[0] == pesel_for(dt.date(2008, 3, 15), 2, True)
    assert config.load().show_full_pesel is True
    again = make_window(app_db).tab("participants")
    assert again.pesel_check.isChecked()
    assert column(again, 1) == full


def test_enter_and_double_click_open_the_participants_page(qtbot, tab, people):
    select_row(qtbot, tab, "Nowak Łukasz")
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    page = tab.page_dialogs[-1]
    qtbot.waitExposed(page)
    assert page.participant_id == people["lukasz"]
    assert page.windowTitle() == "Uczestnik: Łukasz Nowak"
    page.close()
    qtbot.waitUntil(lambda: not tab.page_dialogs)
    double_click(qtbot, tab.table, tab.table.model().index(names(tab).index("Żak Zofia"), 0))
    assert tab.page_dialogs[-1].participant_id == people["zofia"]


# ---- The form -------------------------------------------------------------------------------------------


def open_new_form(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.current_tab().table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.tab("participants").form
    assert form is not None
    qtbot.waitExposed(form)
    return form


def test_a_new_participant_through_the_form(qtbot, make_window, app_db, people, shown_errors):
    window = make_window(app_db)
    form = open_new_form(qtbot, window)
    assert form.windowTitle() == "Nowy uczestnik"
    assert not form.save_button.isEnabled()
    assert form.error_text("first_name") == ""  # an untouched new form does not shout
    assert form.summary_label.text() == "Uzupełnij: Imię, Nazwisko, PESEL."
    type_text(qtbot, form.editors["first_name"], "Łucja")
    type_text(qtbot, form.editors["last_name"], "Wójcik-Żmuda")
    # A wrong PESEL is named beside the field.
    type_text(qtbot, form.editors["pesel"], "12345678901")
    qtbot.waitUntil(lambda: form.error_text("pesel") != "")
    assert "błędną cyfrę kontrolną" in form.error_text("pesel")
    assert not form.save_button.isEnabled()
    # A valid one fills the birth date and sex, read-only.
    pesel = pesel_for(dt.date(1990, 5, 17), 55, True)
    replace_text(qtbot, form.editors["pesel"], pesel)
    qtbot.waitUntil(lambda: form.error_text("pesel") == "")
    birth, sex = form.editors["birth_date"], form.editors["sex"]
    assert birth.text() == "17.05.1990" and birth.is_read_only()
    assert sex.currentText() == "kobieta" and not sex.isEnabled()
    # An e-mail with Polish letters is refused.
    type_text(qtbot, form.editors["email"], "łucja@poczta.pl")
    qtbot.waitUntil(lambda: form.error_text("email") != "")
    assert "polskich liter" in form.error_text("email")
    assert not form.save_button.isEnabled()
    replace_text(qtbot, form.editors["email"], "lucja@poczta.pl")
    type_text(qtbot, form.editors["postal_code"], "42100")
    assert form.editors["postal_code"].text() == "42-100"
    qtbot.waitUntil(form.save_button.isEnabled)
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.tab("participants").form is None)
    tab = window.tab("participants")
    wait_shown(qtbot, tab)
    assert "Wójcik-Żmuda Łucja" in names(tab)
    assert tab.count_label.text() == "Uczestników: 4"
    assert window.statusBar().currentMessage() == "Dodano uczestnika: Łucja Wójcik-Żmuda."
    saved = registry.get_participant(app_db, tab.model.row_at(names(tab).index("Wójcik-Żmuda Łucja")).id)
    assert (saved.pesel, saved.birth_date, saved.sex, saved.postal_code) == (pesel, dt.date(1990, 5, 17),
                                                                             Sex.FEMALE, "42-100")
    assert shown_errors == []


def test_no_pesel_asks_for_a_document_and_the_birth_date(qtbot, make_window, app_db, people):
    window = make_window(app_db)
    form = open_new_form(qtbot, window)
    assert not form.editors["document_number"].isEnabled()
    click(qtbot, form.no_pesel_check)
    assert form.editors["document_number"].isEnabled() and not form.editors["pesel"].isEnabled()
    assert not form.editors["birth_date"].is_read_only() and form.editors["sex"].isEnabled()
    type_text(qtbot, form.editors["first_name"], "Olena")
    type_text(qtbot, form.editors["last_name"], "Kowalenko")
    type_text(qtbot, form.editors["birth_date"].edit, "32.13.1980")
    qtbot.waitUntil(lambda: form.error_text("birth_date") != "")
    assert "to nie jest data" in form.error_text("birth_date")
    replace_text(qtbot, form.editors["birth_date"].edit, "12.03.1980")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # reveals what is missing
    assert "numer dokumentu" in form.error_text("document_number")
    type_text(qtbot, form.editors["document_number"], "FA1234567")
    qtbot.waitUntil(form.save_button.isEnabled)
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: window.tab("participants").form is None)
    assert registry.count_participants(app_db, registry.ParticipantQuery(text="kowalenko")) == 1


def test_a_street_outside_the_area_needs_a_reason(qtbot, make_window, app_db, people):
    from pal_desktop.services.programmes import active_programme

    programme_id = active_programme(app_db).id
    registry.add_area_street(app_db, programme_id, "ul. Długa", "42-100", "Kłobuck")
    registry.add_area_street(app_db, programme_id, "ul. Zamkowa", "42-100", "Kłobuck")
    window = make_window(app_db)
    form = open_new_form(qtbot, window)
    combo = form.street_combo
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["ul. Długa", "ul. Zamkowa"]
    type_text(qtbot, combo.lineEdit(), "Księżycowa")
    qtbot.waitUntil(lambda: form.error_text("outside_area_reason") != "")
    assert form.error_text("outside_area_reason") == ("Ulica „Księżycowa” nie należy do obszaru rewitalizacji — "
                                                      "podaj uzasadnienie.")
    assert form.editors["outside_area_reason"].isEnabled()
    type_text(qtbot, form.editors["outside_area_reason"], "mieszka u córki w czasie remontu")
    qtbot.waitUntil(lambda: form.error_text("outside_area_reason") == "")
    assert form.street_warning.isVisible()  # the amber note stays: the address is outside the area
    # Choosing a street of the area fills its postal code and town.
    replace_text(qtbot, combo.lineEdit(), "ul. Długa")
    qtbot.waitUntil(lambda: not form.editors["outside_area_reason"].isEnabled())
    assert not form.street_warning.isVisible()
    assert form.editors["postal_code"].text() == "42-100" and form.editors["city"].text() == "Kłobuck"
    assert form.current_input().street_id is not None


def test_the_same_pesel_offers_the_existing_record(qtbot, make_window, app_db, people):
    window = make_window(app_db)
    form = open_new_form(qtbot, window)
    type_text(qtbot, form.editors["pesel"], pesel_for(dt.date(1985, 1, 1), 1, False))
    qtbot.waitUntil(form.open_existing_button.isVisible)
    assert "jest już w rejestrze" in form.error_text("pesel")
    assert form.open_existing_button.text().replace("&", "") == "Otwórz istniejący rekord"
    click(qtbot, form.open_existing_button)
    page = window.tab("participants").page_dialogs[-1]
    qtbot.waitExposed(page)
    assert page.participant_id == people["lukasz"]
    assert page.name_label.text() == "Łukasz Nowak"


def test_escape_asks_before_throwing_changes_away(qtbot, make_window, app_db, people, answers):
    window = make_window(app_db)
    form = open_new_form(qtbot, window)
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # nothing typed: closes without a question
    qtbot.waitUntil(lambda: window.tab("participants").form is None)
    assert answers.asked == []
    form = open_new_form(qtbot, window)
    type_text(qtbot, form.editors["first_name"], "Jerzy")
    answers.replies = [False]
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert answers.asked == ["Porzucić zmiany?"]
    assert form.isVisible()
    answers.replies = [True]
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.tab("participants").form is None)
    assert registry.count_participants(app_db, registry.ParticipantQuery()) == 3


def test_same_name_and_birth_date_asks_before_saving(qtbot, make_window, app_db, people, answers):
    window = make_window(app_db)
    form = open_new_form(qtbot, window)
    click(qtbot, form.no_pesel_check)
    type_text(qtbot, form.editors["first_name"], "Łukasz")
    type_text(qtbot, form.editors["last_name"], "Nowak")
    type_text(qtbot, form.editors["birth_date"].edit, "01.01.1985")
    type_text(qtbot, form.editors["document_number"], "ABC123456")
    qtbot.waitUntil(form.save_button.isEnabled)
    answers.replies = [False]
    click(qtbot, form.save_button)
    assert answers.asked == ["Możliwy duplikat"]
    assert form.isVisible()
    answers.replies = [True]
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: window.tab("participants").form is None)
    assert registry.count_participants(app_db, registry.ParticipantQuery(text="nowak lukasz")) == 2


def test_a_change_made_meanwhile_by_someone_else_is_not_overwritten(qtbot, tab, app_db, people, conflict_answers):
    from pal_desktop.ui.dialogs.conflict_dialog import Choice

    page = tab.open_participant(people["anna"])
    qtbot.waitExposed(page)
    click(qtbot, page.edit_button)
    form = page.form
    replace_text(qtbot, form.editors["phone"], "600 100 200")
    detail = registry.get_participant(app_db, people["anna"])  # somebody else saves first
    registry.update_participant(app_db, people["anna"], registry.ParticipantInput(
        **{**registry.as_input(detail).__dict__, "phone": "700 800 900", "email": "anna@example.org"}),
        expected_version=detail.version)
    qtbot.waitUntil(form.save_button.isEnabled)
    conflict_answers.answers.append((Choice.CANCEL, frozenset()))
    click(qtbot, form.save_button)
    [conflicts] = conflict_answers.asked
    phone = next(c for c in conflicts if c.name == "phone")
    assert (phone.label, phone.theirs, phone.mine, phone.both_changed) == (
        "Telefon", "700 800 900", "600 100 200", True)
    assert form.isVisible() and form.editors["phone"].text() == "600 100 200"  # nothing retyped, nothing lost
    assert registry.get_participant(app_db, people["anna"]).phone == "700 800 900"

    # Połącz i zapisz, keeping my phone: their e-mail stays, my phone is saved.
    conflict_answers.answers.append((Choice.MERGE, frozenset({"phone"})))
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: not form.isVisible())
    stored = registry.get_participant(app_db, people["anna"])
    assert (stored.phone, stored.email) == ("600 100 200", "anna@example.org")


# ---- The participant's page -------------------------------------------------------------------------------


def test_the_page_shows_the_attendance_rate_in_red_under_80_percent(qtbot, tab, app_db, people):
    from pal_desktop.services import attendance, events

    day = dt.date(2022, 5, 9)  # within the programme (2021-2022), in the past
    held = [events.create_event(app_db, events.EventInput(title=f"Warsztat {n}", event_date=day + dt.timedelta(n)))
            for n in range(3)]
    for event_id, mark in zip(held, (AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.PRESENT),
                              strict=True):
        events.enrol(app_db, event_id, [people["lukasz"]])
        events.record_attendance(app_db, event_id, {people["lukasz"]: mark})
    page = tab.open_participant(people["lukasz"])
    qtbot.waitExposed(page)
    page.show_tab("Wydarzenia")
    assert page.attendance_label.text() == ("Frekwencja: 67 % (obecność na 2 z 3 zajęć, które się odbyły) — "
                                            "poniżej 80 %")
    assert "#b3261e" in page.attendance_label.styleSheet()
    assert page.events_table.rowCount() == 3
    assert page.events_table.item(1, 4).text() == "nieobecny"
    page.close()

    # The office lowers its threshold to 60 %: 67 % is no longer low, and the page says the office's number.
    attendance.save_attendance_rules(app_db, attendance.AttendanceRules(threshold_percent=60))
    page = tab.open_participant(people["lukasz"])
    qtbot.waitExposed(page)
    page.show_tab("Wydarzenia")
    assert page.attendance_label.text() == "Frekwencja: 67 % (obecność na 2 z 3 zajęć, które się odbyły)"
    assert "#b3261e" not in page.attendance_label.styleSheet()
    attendance.save_attendance_rules(app_db, attendance.AttendanceRules(threshold_percent=70))
    page.close()
    page = tab.open_participant(people["lukasz"])
    qtbot.waitExposed(page)
    page.show_tab("Wydarzenia")
    assert page.attendance_label.text().endswith("— poniżej 70 %")


def test_the_history_shows_an_edit_with_polish_field_names(qtbot, tab, app_db, people):
    page = tab.open_participant(people["zofia"])
    qtbot.waitExposed(page)
    click(qtbot, page.edit_button)
    form = page.form
    qtbot.waitExposed(form)
    type_text(qtbot, form.editors["phone"], "600 100 200")
    set_index = form.editors["homeless"]
    set_index.setCurrentIndex(set_index.findText("Odmowa podania informacji"))
    qtbot.waitUntil(form.save_button.isEnabled)
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.form is None)
    history = page.show_tab("Historia zmian")
    assert history.isVisible()
    table = page.history_table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    changes = {row[2]: (row[3], row[4]) for row in rows}
    assert changes["Telefon"] == ("", "600 100 200")
    assert changes["Bezdomność lub wykluczenie z dostępu do mieszkań"] == ("", "Odmowa podania informacji")
    assert any(row[2] == "dodano osobę do rejestru" for row in rows)
    assert page.data_values["phone"].text() == "600 100 200"


def test_support_path_add_edit_remove(qtbot, tab, people, answers):
    page = tab.open_participant(people["anna"])
    qtbot.waitExposed(page)
    page.show_tab("Ścieżka wsparcia")
    click(qtbot, page.add_support_button)
    dialog = page.support_dialog
    type_text(qtbot, dialog.fields["form"].lineEdit(), "praca socjalna")
    type_text(qtbot, dialog.fields["planned_start"].edit, "01.03.2021")
    type_text(qtbot, dialog.fields["planned_end"].edit, "01.02.2021")
    click(qtbot, dialog.save_button)
    assert "nie może być wcześniejsza" in dialog.error_text("planned_end")
    replace_text(qtbot, dialog.fields["planned_end"].edit, "31.12.2021")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: page.path_table.rowCount() == 1)
    assert page.path_table.item(0, 0).text() == "praca socjalna"
    assert page.path_table.item(0, 5).text() == "planowane"
    page.path_table.selectRow(0)
    click(qtbot, page.edit_support_button)
    dialog = page.support_dialog
    dialog.fields["status"].setCurrentIndex(dialog.fields["status"].findText("w trakcie"))
    type_text(qtbot, dialog.fields["given_start"].edit, "05.03.2021")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: page.path_table.item(0, 5).text() == "w trakcie")
    combo = page.as_planned_combo
    combo.setCurrentIndex(combo.findText("Tak"))
    click(qtbot, page.save_as_planned_button)
    assert registry.get_participant(tab._db, people["anna"]).completed_as_planned == TriState.YES
    page.path_table.selectRow(0)
    click(qtbot, page.remove_support_button)
    assert answers.asked == ["Usunąć formę wsparcia?"]
    assert page.path_table.rowCount() == 0


def test_creating_a_household_and_adding_family(qtbot, tab, app_db, people, answers):
    page = tab.open_participant(people["lukasz"])
    qtbot.waitExposed(page)
    page.show_tab("Rodzina")
    assert page.create_household_button.isVisible()
    click(qtbot, page.create_household_button)
    assert page.members_table.rowCount() == 1
    assert page.members_table.item(0, 0).text() == "Łukasz Nowak (głowa rodziny)"
    assert page.family_label.text().startswith("Rodzina Nowak")
    # A relative who is not a participant.
    click(qtbot, page.add_member_button)
    dialog = page.member_dialog
    type_text(qtbot, dialog.fields["first_name"], "Jaś")
    type_text(qtbot, dialog.fields["last_name"], "Nowak")
    type_text(qtbot, dialog.fields["relation"].lineEdit(), "syn")
    type_text(qtbot, dialog.fields["birth_date"].edit, "01.06.2015")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: page.members_table.rowCount() == 2)
    rows = [[page.members_table.item(r, c).text() for c in range(5)] for r in range(2)]
    assert ["Jaś Nowak", "syn", "01.06.2015", "Nie", "Tak"] in rows
    # A participant found by name.
    click(qtbot, page.add_participant_member_button)
    dialog = page.member_dialog
    type_text(qtbot, dialog.fields["search"], "żak")
    qtbot.waitUntil(lambda: dialog.fields["participant"].count() == 1)
    type_text(qtbot, dialog.fields["relation"].lineEdit(), "matka")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: page.members_table.rowCount() == 3)
    # Removing a member asks first.
    row = [page.members_table.item(r, 0).text() for r in range(3)].index("Jaś Nowak")
    page.members_table.selectRow(row)
    click(qtbot, page.remove_member_button)
    assert answers.asked == ["Usunąć z rodziny?"]
    assert page.members_table.rowCount() == 2


def test_missing_documents_list_opens_the_person(qtbot, make_window, app_db, people):
    signed = dt.date(2021, 3, 1)
    complete = add_person(app_db, "Ewa", "Komplet", dt.date(1980, 2, 2), female=True, serial=9,
                          status=ParticipantStatus.ACTIVE, start_date=signed, declaration_date=signed,
                          data_protection_date=signed, image_consent_date=signed, individual_plan_date=signed)
    window = make_window(app_db)
    tab = window.tab("participants")
    click(qtbot, tab.missing_button)
    dialog = tab.missing_dialog
    qtbot.waitUntil(lambda: dialog.loaded)
    ids = [dialog.model.row_at(r)[0] for r in range(dialog.model.rowCount())]
    assert complete not in ids
    assert set(ids) == set(people.values())
    assert dialog.count_label.text() == "Osób z brakami: 3"
    row = [dialog.model.row_at(r)[1] for r in range(dialog.model.rowCount())].index("Nowak Łukasz")
    assert "deklaracja uczestnictwa" in dialog.model.row_at(row)[4]
    type_text(qtbot, dialog.search, "nowak")
    assert dialog.proxy.rowCount() == 1
    double_click(qtbot, dialog.table, dialog.proxy.index(0, 0))
    assert tab.page_dialogs[-1].participant_id == people["lukasz"]


def test_print_card_writes_a_pdf_and_opens_it(qtbot, tab, people, monkeypatch):
    from pal_desktop.ui import pdf_output

    opened = []
    monkeypatch.setattr(pdf_output, "present", lambda widget, path, *args, **kwargs: opened.append(path))
    select_row(qtbot, tab, "Nowak Łukasz")
    assert tab.print_button.isEnabled()
    window = tab.window()
    window.print_action.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    with open(opened[0], "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


# ---- Import and export ------------------------------------------------------------------------------------


def test_import_shows_a_preview_and_writes_nothing_on_cancel(qtbot, tab, app_db, tmp_path, monkeypatch):
    from pal_desktop.ui.dialogs import transfer

    sheet = tmp_path / "lista.csv"
    good = pesel_for(dt.date(1975, 4, 4), 7, True)
    sheet.write_text("Nazwisko;Imię;PESEL;E-mail\n"
                     f"Wiśniewska;Halina;{good};halina@example.pl\n"
                     "Zieliński;Marek;12345678901;\n", encoding="utf-8-sig")
    monkeypatch.setattr(transfer, "choose_open_file", lambda *args: str(sheet))
    click(qtbot, tab.import_button)
    dialog = tab.import_dialog
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert dialog.summary_label.text() == ("Nowe osoby: 1 · już w rejestrze: 0 · z błędami (zostaną pominięte): 1")
    table = dialog.preview_table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Wiersz", "Co się stanie", "Błędy", "Nazwisko", "Imię", "PESEL", "E-mail"]
    assert rows[0][1] == "nowa osoba" and rows[0][3:5] == ["Wiśniewska", "Halina"]
    assert rows[1][1] == "pominięty — błędy" and "cyfrę kontrolną" in rows[1][2]
    assert dialog.import_button.isEnabled()
    click(qtbot, dialog.cancel_button)
    assert registry.count_participants(app_db, registry.ParticipantQuery()) == 3
    click(qtbot, tab.import_button)
    dialog = tab.import_dialog
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    wait_shown(qtbot, tab)
    assert "Wiśniewska Halina" in names(tab)
    assert tab.count_label.text() == "Uczestników: 4"


def test_export_writes_the_filtered_list(qtbot, tab, tmp_path, monkeypatch):
    from pal_desktop.ui.dialogs import transfer

    target = tmp_path / "lista.csv"
    monkeypatch.setattr(transfer, "choose_save_file", lambda *args: str(target))
    tab.filters["sex"].setCurrentIndex(tab.filters["sex"].findText("kobiety"))
    wait_shown(qtbot, tab)
    tab.export_list_action.trigger()
    qtbot.waitUntil(target.exists, timeout=10000)
    qtbot.waitUntil(lambda: "Zapisano 2 osób" in tab.window().statusBar().currentMessage(), timeout=10000)
    text = target.read_text(encoding="utf-8-sig")
    assert "Kowalska" in text and "Żak" in text and "Nowak" not in text


# ---- The model ---------------------------------------------------------------------------------------------


def test_the_participant_model_passes_qt_model_checks(qtmodeltester, app_db, people):
    from pal_desktop.ui.latest_query import LatestQueryRunner
    from pal_desktop.ui.models.participant_model import ParticipantTableModel

    model = ParticipantTableModel(LatestQueryRunner(synchronous=True), page_size=2)

    def fetch(query, offset, limit, after):
        return registry.search_participants(app_db, query, offset, limit, after=after)

    model.load(registry.ParticipantQuery(), fetch)
    assert model.rowCount() == 2 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 3 and not model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
