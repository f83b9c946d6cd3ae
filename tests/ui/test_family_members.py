"""A relative with a PESEL added to a family, and found again from the participants tab by name or PESEL."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from pal_desktop.domain.enums import Sex
from pal_desktop.services import households
from pal_desktop.services import participants as registry
from pal_desktop.services.audit import AuditFilter, list_entries
from pal_desktop.services.demo import pesel_for
from pal_desktop.ui.dialogs.family_forms import FamilyMemberDialog

from .typing import type_text


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_a_pesel_fills_the_birth_date_and_sex_of_a_relative(qtbot, app_db):
    mother = registry.create_participant(app_db, registry.ParticipantInput(
        first_name="Joanna", last_name="Wójcik", pesel=pesel_for(dt.date(1988, 4, 4), 1, True))).id
    family = households.household_from_participant(app_db, mother)
    dialog = FamilyMemberDialog(app_db, family)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.fields["first_name"], "Łucja")
    type_text(qtbot, dialog.fields["last_name"], "Wójcik")
    type_text(qtbot, dialog.fields["pesel"], "1234")
    assert dialog.fields["sex"].isEnabled()  # not a PESEL yet: the sex may be chosen
    dialog.fields["pesel"].clear()
    daughter = pesel_for(dt.date(2014, 2, 2), 6, True)
    type_text(qtbot, dialog.fields["pesel"], daughter)
    assert dialog.fields["birth_date"].edit.text() == "02.02.2014"
    assert dialog.fields["sex"].currentText() == "kobieta" and not dialog.fields["sex"].isEnabled()
    type_text(qtbot, dialog.fields["relation"].lineEdit(), "córka")
    click(qtbot, dialog.save_button)
    [member] = [m for m in households.get_household(app_db, family).members if not m.participant_id]
    assert (member.name, member.birth_date, member.sex) == ("Łucja Wójcik", dt.date(2014, 2, 2), Sex.FEMALE)

    again = FamilyMemberDialog(app_db, family)  # the same PESEL twice is refused, by the field
    qtbot.addWidget(again)
    again.show()
    type_text(qtbot, again.fields["first_name"], "Lucja")
    type_text(qtbot, again.fields["last_name"], "Wojcik")
    type_text(qtbot, again.fields["pesel"], daughter)
    click(qtbot, again.save_button)
    assert "jest już członkiem rodziny „Rodzina Wójcik”" in again.error_text("pesel")
    assert again.saved_id is None


def test_a_child_who_is_not_a_participant_is_found_and_opens_the_family(qtbot, make_window, app_db):
    mother = registry.create_participant(app_db, registry.ParticipantInput(
        first_name="Joanna", last_name="Wójcik", pesel=pesel_for(dt.date(1988, 4, 4), 1, True))).id
    family = households.household_from_participant(app_db, mother)
    son = pesel_for(dt.date(2016, 9, 1), 5, False)
    households.add_family_member(app_db, family, "Staś", "Wójcik", "syn", pesel=son)
    window = make_window(app_db)
    tab = window.tab("participants")
    assert tab.family_search_button.text() == "Ro&dziny…"
    click(qtbot, tab.family_search_button)
    dialog = tab.family_dialog
    with qtbot.waitSignal(dialog.sig_results_shown, timeout=10000):
        type_text(qtbot, dialog.search_edit, "stas")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert row == ["Wójcik Staś", son[:6] + "•••••", "01.09.2016", "syn", "Rodzina Wójcik", "nie"]
    assert dialog.status_label.text().startswith("Znaleziono: 1.")
    dialog.search_edit.clear()
    type_text(qtbot, dialog.search_edit, son[:7])
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "Wójcik Staś",
                    timeout=10000)
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)  # Enter opens the page with the family
    qtbot.waitUntil(lambda: any(p.participant_id == mother and p.isVisible() for p in tab.page_dialogs),
                    timeout=10000)
    dialog.search_edit.clear()
    type_text(qtbot, dialog.search_edit, "Zieliński")
    qtbot.waitUntil(lambda: dialog.status_label.text() == "Nikogo nie znaleziono w rodzinach.", timeout=10000)
    assert not dialog.open_button.isEnabled()
    searches = [e for e in list_entries(app_db, AuditFilter(action="view")) if e.what == "household_member_search"]
    assert len(searches) >= 2  # each search that showed someone is in the access log


def test_the_family_on_the_page_shows_each_members_pesel_masked_and_sex(qtbot, make_window, app_db):
    mother = registry.create_participant(app_db, registry.ParticipantInput(
        first_name="Joanna", last_name="Wójcik", pesel=pesel_for(dt.date(1988, 4, 4), 1, True))).id
    family = households.household_from_participant(app_db, mother)
    son = pesel_for(dt.date(2016, 9, 1), 5, False)
    households.add_family_member(app_db, family, "Staś", "Wójcik", "syn", pesel=son)
    households.add_family_member(app_db, family, "Ala", "Wójcik", "córka", dt.date(2019, 5, 5))
    page = make_window(app_db).tab("participants").open_participant(mother)
    qtbot.waitExposed(page)
    page.show_tab("Rodzina")
    table = page.members_table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[-2:] == ["PESEL", "Płeć"]
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, table.columnCount())]
            for r in range(table.rowCount())}
    assert rows["Staś Wójcik"] == ["syn", "01.09.2016", "Nie", "Tak", son[:6] + "•••••", "mężczyzna"]
    assert rows["Ala Wójcik"][-2:] == ["", ""]  # no PESEL and no sex given
    assert rows["Joanna Wójcik (głowa rodziny)"][-1] == "kobieta"
