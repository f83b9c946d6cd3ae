"""Series as offices run them, driven as a user does: ticking people on a filtered list, choosing the scope
(whole series, from a date, this meeting), copying another event's enrolment, leaving a series, and the
attendance rule changing the rates shown in the series table."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from pal_desktop.domain.enums import AttendanceStatus
from pal_desktop.services import events, households, participants
from pal_desktop.services.demo import pesel_for

from .test_events_tab import DAY, click, events_tab, open_dialog, person, select, task_id, workshop
from .typing import type_text

TODAY = dt.date(2022, 6, 30)
ENROLLED_COLUMN = 5


def weekly_series(db, meetings: int = 8) -> list[int]:
    return events.create_series(db, events.EventInput(
        title="Trening umiejętności", event_date=dt.date(2021, 10, 5), task_id=task_id(db, 7),
        start_time=dt.time(16, 0), end_time=dt.time(18, 0)), meetings).event_ids


def resident(db, n: int, street: str) -> int:
    signed = dict(declaration_date=dt.date(2021, 1, 4), data_protection_date=dt.date(2021, 1, 4),
                  start_date=dt.date(2021, 1, 4))
    return participants.create_participant(db, participants.ParticipantInput(
        first_name=f"Mieszkaniec{n}", last_name=f"Ulicowy{n:02d}", pesel=pesel_for(dt.date(1975, 2, 1 + n), 40 + n,
                                                                                 n % 2 == 0),
        street_name=street, house_number=str(n + 1), city="Kłobuck", **signed)).id


def enrolled_on(tab, event_id: int) -> int:
    row = tab.model.row_of(event_id)
    return tab.model.index(row, ENROLLED_COLUMN).data()


def enrolment_dialog(qtbot, tab, event_id: int):
    select(qtbot, tab, event_id)
    return open_dialog(qtbot, tab, "enrolment_dialog", tab.enrol_button)


def candidate_page(qtbot, dialog):
    """Switch to "Lista do zaznaczenia" and wait for its rows."""
    dialog.add_tabs.setCurrentWidget(dialog.candidates)
    widget = dialog.candidates
    qtbot.waitUntil(lambda: widget.reader.idle() and widget.list.count() > 0, timeout=5000)
    return widget


def choose_source(qtbot, widget, text: str) -> None:
    index = widget.source_combo.findText(text)
    assert index >= 0, text
    widget.source_combo.setFocus()
    widget.source_combo.setCurrentIndex(index)
    qtbot.waitUntil(widget.reader.idle, timeout=5000)
    qtbot.wait(20)


def test_fifteen_people_ticked_once_are_on_all_eight_meetings(qtbot, window, app_db):
    meetings = weekly_series(app_db)
    people = [person(app_db, n) for n in range(15)]
    tab = events_tab(qtbot, window)
    dialog = enrolment_dialog(qtbot, tab, meetings[0])
    assert dialog.scope_box is not None and dialog.scope_box.series_radio.isChecked()
    widget = candidate_page(qtbot, dialog)
    assert len(widget.rows()) == 15 and all(row.startswith("[ ] ") for row in widget.rows())
    assert widget.count_label.text() == "Zaznaczono: 0 z 15"
    assert not widget.save_button.isEnabled()
    click(qtbot, widget.all_button)
    assert widget.count_label.text() == "Zaznaczono: 15 z 15"
    assert widget.save_button.text().replace("&", "") == "Zapisz zaznaczonych (15)"
    click(qtbot, widget.save_button)
    assert "Zapisano (15):" in dialog.result_text()
    assert "Zapis obejmuje spotkania (8): 05.10.2021, 12.10.2021" in dialog.result_text()
    # Meetings 2-8 show their enrolled, in the list behind the window.
    assert [enrolled_on(tab, event_id) for event_id in meetings] == [15] * 8
    # The people now enrolled stay ticked but cannot be ticked again.
    qtbot.waitUntil(widget.reader.idle)
    qtbot.wait(20)
    assert all(row.startswith("[x] ") and row.endswith("już zapisany(-a)") for row in widget.rows())
    assert widget.count_label.text() == "Zaznaczono: 0 z 0"
    # The series table in the tab counts them.
    [row] = tab.series_table.rows()
    assert row[:3] == ("Trening umiejętności", "0 z 8", "15")
    assert tab.series_table.table.item(0, 0).toolTip() == "Trening umiejętności (05.10.2021 – 23.11.2021)"
    assert len(people) == 15


def test_space_ticks_tab_reaches_the_filter_and_the_name_narrows(qtbot, window, app_db):
    [event_id] = [workshop(app_db)]
    for n in range(4):
        person(app_db, n)
    person(app_db, 9, last="Źrebięcka")
    tab = events_tab(qtbot, window)
    dialog = enrolment_dialog(qtbot, tab, event_id)
    assert dialog.scope_box is None  # a single event has no scope to choose
    widget = candidate_page(qtbot, dialog)
    dialog.add_tabs.tabBar().setFocus()
    qtbot.keyClick(dialog.add_tabs.tabBar(), Qt.Key.Key_Tab)
    assert widget.source_combo.hasFocus()  # from the page's tab, Tab reaches the filter first
    qtbot.keyClick(widget.source_combo, Qt.Key.Key_Tab)
    assert widget.name_filter.hasFocus()  # "Które" is off for all active participants
    type_text(qtbot, widget.name_filter, "źrebię")
    assert widget.rows() == ["[ ] Źrebięcka09 Osoba9"]
    widget.name_filter.clear()
    qtbot.keyClick(widget.name_filter, Qt.Key.Key_Tab)
    assert widget.list.hasFocus()
    qtbot.keyClick(widget.list, Qt.Key.Key_Space)
    qtbot.keyClick(widget.list, Qt.Key.Key_Down)
    qtbot.keyClick(widget.list, Qt.Key.Key_Space)
    assert widget.count_label.text() == "Zaznaczono: 2 z 5"
    qtbot.keyClick(widget.list, Qt.Key.Key_Space)  # again: unticked
    assert widget.count_label.text() == "Zaznaczono: 1 z 5"
    click(qtbot, widget.save_button)
    assert dialog.names() == ["Źrebięcka09 Osoba9"]  # the first row in Polish order (Ź before Ż)
    assert enrolled_on(tab, event_id) == 1


def test_from_a_chosen_date_enrols_only_the_later_meetings_and_leaving_likewise(qtbot, window, app_db,
                                                                                   monkeypatch):
    meetings = weekly_series(app_db)
    for n in range(3):
        person(app_db, n)
    tab = events_tab(qtbot, window)
    dialog = enrolment_dialog(qtbot, tab, meetings[0])
    scope = dialog.scope_box
    click(qtbot, scope.from_radio)
    assert scope.date_combo.isEnabled()
    scope.date_combo.setCurrentIndex(scope.date_combo.findText("02.11.2021 (5. spotkanie)"))
    widget = candidate_page(qtbot, dialog)
    click(qtbot, widget.all_button)
    click(qtbot, widget.save_button)
    assert "Zapis obejmuje spotkania (4): 02.11.2021, 09.11.2021, 16.11.2021, 23.11.2021." in dialog.result_text()
    assert [enrolled_on(tab, event_id) for event_id in meetings] == [0] * 4 + [3] * 4

    # The whole series now, for one person; then they leave from 16.11.
    click(qtbot, scope.series_radio)
    dialog.add_tabs.setCurrentIndex(0)
    type_text(qtbot, dialog.picker.search, "żółć00")
    qtbot.waitUntil(lambda: dialog.picker.results.count() == 1)
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    assert [enrolled_on(tab, event_id) for event_id in meetings] == [1] * 4 + [3] * 4

    later = dialog
    asked = []
    monkeypatch.setattr("pal_desktop.ui.dialogs.questions.ask",
                        lambda parent, title, text, **kw: asked.append(text) or True)
    click(qtbot, later.scope_box.from_radio)
    later.scope_box.date_combo.setCurrentIndex(later.scope_box.date_combo.findText("16.11.2021 (7. spotkanie)"))
    later.table.setFocus()
    later.table.selectRow(later.names().index("Żółć00 Osoba0"))
    qtbot.keyClick(later.table, Qt.Key.Key_Delete)
    assert asked and asked[0].endswith("Zakres: spotkania od 16.11.2021.")
    assert "Spotkania (2): 16.11.2021, 23.11.2021." in later.result_text()
    assert [enrolled_on(tab, event_id) for event_id in meetings] == [1] * 4 + [3, 3, 2, 2]


def test_only_this_meeting(qtbot, window, app_db):
    meetings = weekly_series(app_db, 3)
    person(app_db, 0)
    tab = events_tab(qtbot, window)
    dialog = enrolment_dialog(qtbot, tab, meetings[1])
    assert dialog.scope_box.date_combo.currentText() == "12.10.2021 (2. spotkanie)"
    click(qtbot, dialog.scope_box.meeting_radio)
    widget = candidate_page(qtbot, dialog)
    click(qtbot, widget.all_button)
    click(qtbot, widget.save_button)
    assert [enrolled_on(tab, event_id) for event_id in meetings] == [0, 1, 0]


def test_a_street_and_a_household_filter_the_list(qtbot, window, app_db):
    polna = [resident(app_db, n, "ul. Polna") for n in range(3)]
    resident(app_db, 5, "ul. Długa")
    household = households.create_household(app_db, households.HouseholdInput(name="Ulicowi", street_name="ul. Długa"),
                                            head_participant_id=polna[0])
    households.add_participant_member(app_db, household, polna[1], "syn")
    event_id = workshop(app_db)
    tab = events_tab(qtbot, window)
    dialog = enrolment_dialog(qtbot, tab, event_id)
    widget = candidate_page(qtbot, dialog)
    assert len(widget.rows()) == 4
    choose_source(qtbot, widget, "ulica")
    assert widget.key_combo.isEnabled()
    assert [widget.key_combo.itemText(i) for i in range(widget.key_combo.count())] == [
        "ul. Długa — osób: 1", "ul. Polna — osób: 3"]
    widget.key_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: widget.reader.idle() and len(widget.rows()) == 3)
    assert widget.rows()[0] == "[ ] Ulicowy00 Mieszkaniec0 — ul. Polna 1, Kłobuck"
    choose_source(qtbot, widget, "gospodarstwo domowe")
    qtbot.waitUntil(lambda: widget.reader.idle() and len(widget.rows()) == 2)
    click(qtbot, widget.all_button)
    click(qtbot, widget.save_button)
    assert dialog.names() == ["Ulicowy00 Mieszkaniec0", "Ulicowy01 Mieszkaniec1"]


def test_copying_the_enrolment_of_another_event(qtbot, window, app_db):
    earlier = workshop(app_db, event_date=DAY - dt.timedelta(days=7), title="Spotkanie informacyjne")
    ids = [person(app_db, n) for n in range(4)]
    events.enrol(app_db, earlier, ids)
    events.record_attendance(app_db, earlier, {ids[0]: AttendanceStatus.PRESENT, ids[1]: AttendanceStatus.PRESENT,
                                               ids[2]: AttendanceStatus.ABSENT}, today=TODAY)
    meetings = weekly_series(app_db, 4)
    tab = events_tab(qtbot, window)
    dialog = enrolment_dialog(qtbot, tab, meetings[0])
    click(qtbot, dialog.copy_button)
    copy = dialog.copy_dialog
    qtbot.waitExposed(copy)
    assert copy.event_combo.currentText() == ("05.10.2021 Spotkanie informacyjne — zapisanych 4, obecnych 2")
    click(qtbot, copy.attendees_check)
    click(qtbot, copy.copy_button)
    assert dialog.names() == ["Żółć00 Osoba0", "Żółć01 Osoba1"]
    assert "Zapis obejmuje spotkania (4)" in dialog.result_text()
    assert [enrolled_on(tab, event_id) for event_id in meetings] == [2] * 4


def test_the_rule_on_excused_absences_changes_the_rate_shown(qtbot, window, app_db):
    meetings = weekly_series(app_db, 4)
    ids = [person(app_db, n) for n in range(2)]
    events.enrol(app_db, meetings[0], ids, scope=events.Scope.SERIES)
    for event_id in meetings[:2]:
        events.record_attendance(app_db, event_id, {ids[0]: AttendanceStatus.PRESENT,
                                                    ids[1]: AttendanceStatus.EXCUSED}, today=TODAY)
    tab = events_tab(qtbot, window)
    tab.side_tabs.setCurrentWidget(tab.series_table)
    [row] = tab.series_table.rows()
    # meetings held of planned, enrolled, present, absent, excused (their own count), rate
    assert row[1:] == ("2 z 4", "2", "2", "0", "2", "100\u00a0%")
    assert "nie obniżają frekwencji" in tab.series_table.rules_label.text()
    click(qtbot, tab.series_table.rules_button)
    rules = tab.series_table.rules_dialog
    qtbot.waitExposed(rules)
    assert not rules.excused_check.isChecked() and rules.threshold_spin.value() == 80
    click(qtbot, rules.excused_check)
    click(qtbot, rules.save_button)
    [row] = tab.series_table.rows()
    assert row[1:] == ("2 z 4", "2", "2", "0", "2", "50\u00a0%")
    rate_item = tab.series_table.table.item(0, 6)
    assert rate_item.toolTip() == "Poniżej progu 80\u00a0%"
    assert events.attendance_rules(app_db).excused_lowers_rate
    # The threshold, typed in: 50 % is no longer low.
    click(qtbot, tab.series_table.rules_button)
    rules = tab.series_table.rules_dialog
    qtbot.waitExposed(rules)
    rules.threshold_spin.selectAll()
    type_text(qtbot, rules.threshold_spin, "50")
    qtbot.keyClick(rules, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert events.attendance_rules(app_db).threshold_percent == 50
    assert tab.series_table.table.item(0, 6).toolTip() == ""
    assert "Próg: 50\u00a0%." in tab.series_table.rules_label.text()


def test_the_attendance_window_counts_excused_absences_apart(qtbot, window, app_db):
    meetings = weekly_series(app_db, 3)
    ids = [person(app_db, n) for n in range(2)]
    events.enrol(app_db, meetings[0], ids, scope=events.Scope.SERIES)
    for event_id in meetings[:2]:
        events.record_attendance(app_db, event_id, {ids[0]: AttendanceStatus.PRESENT,
                                                    ids[1]: AttendanceStatus.EXCUSED}, today=TODAY)
    events.record_attendance(app_db, meetings[2], {ids[1]: AttendanceStatus.PRESENT}, today=TODAY)
    tab = events_tab(qtbot, window)
    tab.set_today(TODAY)
    select(qtbot, tab, meetings[2])
    dialog = open_dialog(qtbot, tab, "attendance_dialog", tab.attendance_button)
    model = dialog.widget.series_model
    rows = {model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 2).data())
            for r in range(model.rowCount())}
    # Żółć00 was left unmarked on the third meeting: absent. Żółć01's two excused absences are their own kind.
    assert rows == {"Żółć00 Osoba0": ("2 z 3", "67\u00a0% (poniżej 80 %)"),
                    "Żółć01 Osoba1": ("1 z 3 (uspr. 2)", "100\u00a0%")}
