"""Wydarzenia: the list with its filters and calendar, the event dialog (single and series), event types,
enrolment with a waiting list, staff, and the attendance list PDF — driven as a user does."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pal_desktop.domain.enums import ParticipantStatus
from pal_desktop.services import events, participants
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.programmes import active_programme, list_tasks
from pal_desktop.ui.widgets.month_calendar import EVENTS_ROLE

from .typing import replace_text, type_text

DAY = dt.date(2021, 10, 12)


# ---- Helpers shared with test_attendance.py


def task_id(db, number: int) -> int:
    return next(t.id for t in list_tasks(db, active_programme(db).id) if t.position == number)


def person(db, n: int, last: str = "Żółć", status=ParticipantStatus.ACTIVE) -> int:
    signed = dict(declaration_date=dt.date(2021, 1, 4), data_protection_date=dt.date(2021, 1, 4),
                  start_date=dt.date(2021, 1, 4))
    if status in (ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT):
        signed["end_date"] = dt.date(2021, 6, 1)
    return participants.create_participant(db, participants.ParticipantInput(
        first_name=f"Osoba{n}", last_name=f"{last}{n:02d}", pesel=pesel_for(dt.date(1980, 1, 1 + n), n, n % 2 == 0),
        status=status, **signed)).id


def workshop(db, **extra) -> int:
    values = dict(title="Warsztaty kulinarne", event_date=DAY, task_id=task_id(db, 7), start_time=dt.time(16, 0),
                  end_time=dt.time(18, 0), place="Świetlica „Pod Lipami”")
    values.update(extra)
    return events.create_event(db, events.EventInput(**values))


def events_tab(qtbot, window):
    window.select_tab("events")
    tab = window.tab("events")
    qtbot.waitUntil(lambda: tab.new_button.isEnabled())
    return tab


def shown_titles(tab) -> list[str]:
    return [tab.model.index(r, 2).data() for r in range(tab.model.rowCount())]


def select(qtbot, tab, event_id: int) -> None:
    tab.refresh_all(select_id=event_id)
    assert tab.current_event_id() == event_id


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(qtbot, combo, text: str) -> None:
    """Pick a combo item by typing its first letters, as a user does on a closed combo box."""
    type_text(qtbot, combo, text)
    assert combo.currentText().lower().startswith(text.lower()), combo.currentText()


def open_dialog(qtbot, tab, attribute: str, button):
    click(qtbot, button)
    dialog = getattr(tab, attribute)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


# ---- The event dialog


def test_creating_an_event_through_the_dialog_shows_it_in_the_list_and_calendar(qtbot, window, app_db):
    tab = events_tab(qtbot, window)
    assert tab.count_label.text() == "Wydarzeń: 0"
    dialog = open_dialog(qtbot, tab, "event_dialog", tab.new_button)
    assert dialog.windowTitle() == "Nowe wydarzenie"
    assert not dialog.save_button.isEnabled()  # no topic yet
    type_text(qtbot, dialog.title_edit, "Warsztaty kulinarne dla seniorów")
    choose(qtbot, dialog.type_combo, "warsz")
    choose(qtbot, dialog.task_combo, "7")
    replace_text(qtbot, dialog.date_field.edit, "12.10.2021")
    type_text(qtbot, dialog.start_edit, "16:00")
    type_text(qtbot, dialog.end_edit, "18")
    type_text(qtbot, dialog.place_edit, "Świetlica wiejska w Łobodnie")
    choose(qtbot, dialog.leader_kind_combo, "tr")
    assert dialog.leader_name_edit.isVisible()
    type_text(qtbot, dialog.leader_name_edit, "Jolanta Łęcka")
    replace_text(qtbot, dialog.capacity_spin.lineEdit(), "15")
    assert dialog.save_button.isEnabled(), dialog.errors
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()

    assert tab.count_label.text() == "Wydarzeń: 1"
    assert shown_titles(tab) == ["Warsztaty kulinarne dla seniorów"]
    assert tab.model.index(0, 0).data() == "12.10.2021" and tab.model.index(0, 1).data() == "16:00–18:00"
    assert tab.model.index(0, 4).data() == "Jolanta Łęcka"
    assert "Dodano wydarzenie „Warsztaty kulinarne dla seniorów” (12.10.2021)." in tab.banner.text()
    assert tab.calendar.title_label.text() == "październik 2021"
    # The calendar's six weeks are read off the UI thread: they show a moment later.
    qtbot.waitUntil(lambda: [e.title for e in tab.calendar.model.events_on(DAY)] == ["Warsztaty kulinarne dla seniorów"])
    [row] = events.list_events(app_db, events.EventQuery())
    detail = events.get_event(app_db, row.id)
    assert (detail.capacity, detail.type_name, detail.leader, detail.place) == (
        15, "warsztat", "Jolanta Łęcka", "Świetlica wiejska w Łobodnie")


def test_end_before_start_is_shown_beside_the_hours_and_blocks_saving(qtbot, window, app_db, monkeypatch):
    tab = events_tab(qtbot, window)
    dialog = open_dialog(qtbot, tab, "event_dialog", tab.new_button)
    type_text(qtbot, dialog.title_edit, "Spotkanie sąsiedzkie")
    replace_text(qtbot, dialog.date_field.edit, "12.10.2021")
    type_text(qtbot, dialog.start_edit, "18:00")
    type_text(qtbot, dialog.end_edit, "16:00")
    error = dialog.error_labels["end_time"]
    assert error.isVisible()
    assert error.text() == ("Godzina zakończenia (16:00) musi być późniejsza niż godzina rozpoczęcia (18:00).")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.end_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and events.count_events(app_db, events.EventQuery()) == 0
    # Esc asks before throwing the typing away; "Wróć do edycji" keeps the dialog.
    asked = []
    monkeypatch.setattr("pal_desktop.ui.dialogs.questions.ask", lambda *a, **k: asked.append(a[1]) or False)
    qtbot.keyClick(dialog.end_edit, Qt.Key.Key_Escape)
    assert asked == ["Porzucić zmiany?"] and dialog.isVisible()
    replace_text(qtbot, dialog.end_edit, "19:30")
    assert not error.isVisible() and dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.end_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert shown_titles(tab) == ["Spotkanie sąsiedzkie"]


def test_an_event_outside_its_task_is_refused_in_polish(qtbot, window):
    tab = events_tab(qtbot, window)
    dialog = open_dialog(qtbot, tab, "event_dialog", tab.new_button)
    type_text(qtbot, dialog.title_edit, "Piknik")
    choose(qtbot, dialog.task_combo, "8")
    replace_text(qtbot, dialog.date_field.edit, "01.03.2021")
    error = dialog.error_labels["event_date"]
    assert error.isVisible() and "poza terminem zadania „imprezy integracyjne”" in error.text()
    assert not dialog.save_button.isEnabled()
    replace_text(qtbot, dialog.date_field.edit, "01.03.2025")
    assert "poza okresem programu (01.01.2021 – 31.12.2022)" in error.text()


def test_a_series_of_four_thursdays_skips_11_november(qtbot, window, app_db):
    tab = events_tab(qtbot, window)
    dialog = open_dialog(qtbot, tab, "event_dialog", tab.new_button)
    type_text(qtbot, dialog.title_edit, "Trening umiejętności")
    choose(qtbot, dialog.task_combo, "7")
    replace_text(qtbot, dialog.date_field.edit, "28.10.2021")
    type_text(qtbot, dialog.start_edit, "17:00")
    dialog.series_box.setFocus()
    qtbot.keyClick(dialog.series_box, Qt.Key.Key_Space)
    assert dialog.series_box.isChecked()
    assert dialog.sessions_spin.value() == 4 and dialog.every_spin.value() == 1
    assert dialog.preview.text() == ("Spotkania (4): 28.10.2021, 04.11.2021, 18.11.2021, 25.11.2021\n"
                                     "pominięto 11.11.2021 — Narodowe Święto Niepodległości")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert tab.banner.text() == ("Utworzono cykl „Trening umiejętności”: 4 spotkań, od 28.10.2021 do 25.11.2021. "
                                 "Pominięto 11.11.2021 — Narodowe Święto Niepodległości.")
    assert [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())] == [
        "28.10.2021", "04.11.2021", "18.11.2021", "25.11.2021"]
    assert set(shown_titles(tab)) == {"↻ Trening umiejętności"}
    # Each session is an event of its own: edit the second one alone.
    select(qtbot, tab, tab.model.row_at(1)[0])
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    edit = tab.event_dialog
    qtbot.waitExposed(edit)
    assert edit.windowTitle() == "Edycja wydarzenia" and edit.series_note.isVisible()
    assert not edit.series_box.isVisible()
    replace_text(qtbot, edit.place_edit, "Sala gimnastyczna")
    click(qtbot, edit.save_button)
    places = [row.place for row in events.list_events(app_db, events.EventQuery())]
    assert places == ["", "Sala gimnastyczna", "", ""]


def test_capacity_below_the_enrolled_is_refused_and_nothing_changes(qtbot, window, app_db):
    event_id = workshop(app_db, capacity=5)
    events.enrol(app_db, event_id, [person(app_db, n) for n in range(3)])
    tab = events_tab(qtbot, window)
    select(qtbot, tab, event_id)
    dialog = open_dialog(qtbot, tab, "event_dialog", tab.edit_button)
    replace_text(qtbot, dialog.capacity_spin.lineEdit(), "2")
    error = dialog.error_labels["capacity"]
    assert error.isVisible()
    assert error.text() == ("Liczba miejsc (2) nie może być mniejsza niż liczba zapisanych osób (3). "
                            "Najpierw wypisz nadmiarowe osoby.")
    assert not dialog.save_button.isEnabled()
    assert events.get_event(app_db, event_id).capacity == 5


# ---- The list, the filters and the calendar


def test_filters_search_and_the_calendar(qtbot, window, app_db):
    workshop(app_db)
    workshop(app_db, title="Piknik rodzinny", event_date=dt.date(2021, 11, 13), task_id=task_id(app_db, 8),
             leader_name="Anna Nowak")
    workshop(app_db, title="Kino dla seniorów", event_date=dt.date(2021, 11, 13), start_time=dt.time(10, 0),
             end_time=dt.time(12, 0))
    tab = events_tab(qtbot, window)
    assert tab.count_label.text() == "Wydarzeń: 3"
    type_text(qtbot, tab.search, "kino")
    qtbot.waitUntil(lambda: tab.count_label.text() == "Wydarzeń: 1 z 3")
    assert shown_titles(tab) == ["Kino dla seniorów"]
    click(qtbot, tab.clear_filters_button)
    assert tab.count_label.text() == "Wydarzeń: 3"
    choose(qtbot, tab.task_filter, "8")
    assert shown_titles(tab) == ["Piknik rodzinny"]
    qtbot.keyClick(tab.task_filter, Qt.Key.Key_Home)  # back to "wszystkie"
    type_text(qtbot, tab.leader_filter, "nowak")
    qtbot.waitUntil(lambda: shown_titles(tab) == ["Piknik rodzinny"])
    click(qtbot, tab.clear_filters_button)

    calendar = tab.calendar
    calendar.show_date(dt.date(2021, 11, 1))
    assert calendar.title_label.text() == "listopad 2021"
    model = calendar.model
    saturday = model.index_of(dt.date(2021, 11, 13))
    qtbot.waitUntil(lambda: [e.title for e in model.index_of(dt.date(2021, 11, 13)).data(EVENTS_ROLE)] == [
        "Kino dla seniorów", "Piknik rodzinny"])
    saturday = model.index_of(dt.date(2021, 11, 13))
    assert saturday.data(Qt.ItemDataRole.ToolTipRole) == ("sobota, 13 listopada 2021\n10:00 Kino dla seniorów\n"
                                                         "16:00 Piknik rodzinny")
    assert "Narodowe Święto Niepodległości" in model.index_of(dt.date(2021, 11, 11)).data(
        Qt.ItemDataRole.ToolTipRole)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == [
        "Pn", "Wt", "Śr", "Cz", "Pt", "So", "Nd"]
    # A click on the day shows its events in the list.
    rect = calendar.cell_rect(dt.date(2021, 11, 13))
    qtbot.mouseClick(calendar.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown_titles(tab) == ["Kino dla seniorów", "Piknik rodzinny"]
    assert tab.count_label.text() == "Wydarzeń: 2 z 3"
    assert tab.current_event_id() is not None
    assert tab.from_filter.text() == tab.to_filter.text() == "13.11.2021"
    click(qtbot, calendar.next_button)
    assert calendar.title_label.text() == "grudzień 2021"
    qtbot.keyClick(calendar.view, Qt.Key.Key_PageUp)
    qtbot.keyClick(calendar.view, Qt.Key.Key_PageUp)
    assert calendar.title_label.text() == "październik 2021"
    qtbot.waitUntil(lambda: [e.title for e in model.events_on(DAY)] == ["Warsztaty kulinarne"])


def test_today_is_marked_and_the_calendar_opens_on_it(qtbot, make_window, app_db):
    from pal_desktop.ui.tabs.events_tab import EventsTab

    workshop(app_db)
    window = make_window(app_db)
    tab: EventsTab = window.tab("events")
    tab.set_today(dt.date(2021, 10, 20))
    tab._programme_period = None  # read the programme again, as on the first load
    window.select_tab("events")
    qtbot.waitUntil(lambda: tab.calendar.title_label.text() == "październik 2021")
    assert "dziś" in tab.calendar.model.index_of(dt.date(2021, 10, 20)).data(Qt.ItemDataRole.ToolTipRole)


def test_event_types_can_be_added_renamed_and_hidden(qtbot, window, app_db):
    tab = events_tab(qtbot, window)
    dialog = open_dialog(qtbot, tab, "types_dialog", tab.types_button)
    replace_text(qtbot, dialog.name_edit, "Wyjazd studyjny")
    click(qtbot, dialog.add_button)
    assert dialog.list.currentItem().text() == "Wyjazd studyjny"
    replace_text(qtbot, dialog.name_edit, "warsztat")
    click(qtbot, dialog.rename_button)
    assert dialog.error_label.isVisible() and dialog.error_label.text() == \
        "Rodzaj wydarzenia „warsztat” już jest na liście."
    replace_text(qtbot, dialog.name_edit, "Wyjazd studyjny do Krakowa")
    click(qtbot, dialog.rename_button)
    click(qtbot, dialog.hide_button)
    assert dialog.list.currentItem().text() == "Wyjazd studyjny do Krakowa (ukryty)"
    dialog.accept()
    filter_items = [tab.type_filter.itemText(i) for i in range(tab.type_filter.count())]
    assert "Wyjazd studyjny do Krakowa (ukryty)" in filter_items
    assert "Wyjazd studyjny do Krakowa" not in [t.name for t in events.event_types(app_db)]


# ---- Enrolment


def test_enrolment_over_capacity_goes_to_the_waiting_list_and_moves_up(qtbot, window, app_db, monkeypatch):
    event_id = workshop(app_db, capacity=2)
    ids = [person(app_db, n) for n in range(3)]
    left = person(app_db, 7, last="Ździebko", status=ParticipantStatus.DROPPED_OUT)
    tab = events_tab(qtbot, window)
    select(qtbot, tab, event_id)
    dialog = open_dialog(qtbot, tab, "enrolment_dialog", tab.enrol_button)
    assert dialog.places_label.text() == "Zapisanych: 0 z 2 miejsc"
    type_text(qtbot, dialog.picker.search, "żółć")
    qtbot.waitUntil(lambda: dialog.picker.results.count() == 3)
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Down)
    assert dialog.picker.results.hasFocus()
    qtbot.keyClick(dialog.picker.results, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.picker.results, Qt.Key.Key_Return)
    text = dialog.result_text()
    assert "Zapisano (2): Osoba0 Żółć00, Osoba1 Żółć01." in text
    assert "Lista rezerwowa (1) — brak wolnych miejsc: Osoba2 Żółć02." in text
    assert dialog.places_label.text() == "Zapisanych: 2 z 2 miejsc; lista rezerwowa: 1"
    assert dialog.statuses() == {"Żółć00 Osoba0": "zapisany", "Żółć01 Osoba1": "zapisany",
                                 "Żółć02 Osoba2": "lista rezerwowa"}
    assert tab.model.index(0, 5).data() == 2  # the list behind shows the new count

    # Someone who left the programme is refused, with the reason.
    replace_text(qtbot, dialog.picker.search, "ździebko")
    qtbot.waitUntil(lambda: dialog.picker.results.count() == 1)
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    assert dialog.result_text() == "Odmowa: Osoba7 Ździebko07 — osoba zakończyła udział w programie."

    # Removing an enrolled person moves the first on the waiting list up.
    monkeypatch.setattr("pal_desktop.ui.dialogs.questions.ask", lambda *a, **k: True)
    dialog.table.setFocus()
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert dialog.result_text() == ("Wypisano: Osoba0 Żółć00. Z listy rezerwowej na zwolnione miejsce wchodzi: "
                                    "Osoba2 Żółć02.")
    assert dialog.statuses() == {"Żółć01 Osoba1": "zapisany", "Żółć02 Osoba2": "zapisany"}
    assert left not in [r.participant_id for r in events.attendance_sheet(app_db, event_id, include_waiting=True)]
    assert ids


def test_double_booking_is_warned(qtbot, window, app_db):
    first = workshop(app_db)
    second = workshop(app_db, title="Trening", start_time=dt.time(17, 0), end_time=dt.time(19, 0))
    someone = person(app_db, 1)
    events.enrol(app_db, first, [someone])
    tab = events_tab(qtbot, window)
    select(qtbot, tab, second)
    dialog = open_dialog(qtbot, tab, "enrolment_dialog", tab.enrol_button)
    type_text(qtbot, dialog.picker.search, "żółć01")
    qtbot.waitUntil(lambda: dialog.picker.results.count() == 1)
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    assert ("Uwaga: Osoba1 Żółć01 jest tego dnia o tej porze zapisany(-a) także na „Warsztaty kulinarne”."
            in dialog.result_text())


# ---- Staff


def test_staff_animator_added_and_bad_volunteer_hours_refused(qtbot, demo_window, demo_app_db):
    tab = events_tab(qtbot, demo_window)
    tab.table.selectRow(0)
    event_id = tab.current_event_id()
    dialog = open_dialog(qtbot, tab, "staff_dialog", tab.staff_button)
    assert dialog.person_combo.count() > 0
    type_text(qtbot, dialog.role_edit, "współprowadzący")
    click(qtbot, dialog.add_button)
    name = dialog.person_combo.currentText()
    assert (" ".join(reversed(name.split(" ", 1))), "współprowadzący") in dialog.names()
    dialog.volunteer_radio.click()
    assert dialog.hours_edit.isEnabled()
    type_text(qtbot, dialog.hours_edit, "30")
    click(qtbot, dialog.add_button)
    error = dialog.error_labels["hours"]
    assert error.isVisible() and error.text() == "Liczba godzin musi być większa od zera i nie większa niż 24."
    assert len(events.event_staff(demo_app_db, event_id)) == len(dialog.names())
    # Taking someone off the event: select the row, press Delete.
    before = len(dialog.names())
    dialog.table.setFocus()
    dialog.table.selectRow(before - 1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert len(dialog.names()) == before - 1 and dialog.message.text().startswith("Usunięto:")
    assert len(events.event_staff(demo_app_db, event_id)) == before - 1


# ---- Printing


def _pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_the_print_button_and_ctrl_p_produce_the_attendance_list(qtbot, window, app_db, monkeypatch):
    from pal_desktop.ui import pdf_output
    from pal_desktop.ui.dialogs.print_list_dialog import PrintListDialog

    opened = []
    monkeypatch.setattr(PrintListDialog, "exec", lambda dialog: 1)
    monkeypatch.setattr(pdf_output, "present", lambda widget, path, *args, **kwargs: opened.append(path))
    event_id = workshop(app_db)
    events.enrol(app_db, event_id, [person(app_db, n) for n in range(3)])
    tab = events_tab(qtbot, window)
    select(qtbot, tab, event_id)
    click(qtbot, tab.print_button)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10000)
    [path] = opened
    assert path.suffix == ".pdf" and path.parent.name == "wydruki"
    text = _pdf_text(path)
    assert "LISTA OBECNOŚCI" in text and "Warsztaty kulinarne" in text and "12.10.2021" in text
    assert "Osoba0 Żółć00" in text and "Osoba2 Żółć02" in text
    window.activateWindow()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=10000)
    assert len(opened) == 2


def test_a_series_prints_the_month_grid(qtbot, window, app_db, monkeypatch):
    from pal_desktop.ui import pdf_output
    from pal_desktop.ui.dialogs.print_list_dialog import PrintListDialog

    opened = []
    monkeypatch.setattr(pdf_output, "present", lambda widget, path, *args, **kwargs: opened.append(path))
    series = events.create_series(app_db, events.EventInput(
        title="Trening umiejętności", event_date=dt.date(2021, 11, 2), task_id=task_id(app_db, 7)), 6)
    people = [person(app_db, n) for n in range(2)]
    for event_id in series.event_ids:
        events.enrol(app_db, event_id, people)

    def answer(dialog):
        assert [dialog.month_combo.itemText(i) for i in range(dialog.month_combo.count())] == [
            "listopad 2021 — spotkań: 5", "grudzień 2021 — spotkań: 1"]
        dialog.month_radio.setChecked(True)
        return 1

    monkeypatch.setattr(PrintListDialog, "exec", answer)
    tab = events_tab(qtbot, window)
    select(qtbot, tab, series.event_ids[0])
    click(qtbot, tab.print_button)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10000)
    [path] = opened
    text = _pdf_text(path)
    assert "LISTA OBECNOŚCI — CYKL ZAJĘĆ" in text and "listopad 2021" in text
    for day in ("02.11", "09.11", "16.11", "23.11", "30.11"):
        assert day in text


def test_deleting_an_event_asks_first(qtbot, window, app_db, monkeypatch):
    event_id = workshop(app_db)
    tab = events_tab(qtbot, window)
    select(qtbot, tab, event_id)
    answers = iter([False, True])
    monkeypatch.setattr("pal_desktop.ui.dialogs.questions.ask", lambda *a, **k: next(answers))
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert events.count_events(app_db, events.EventQuery()) == 1
    click(qtbot, tab.delete_button)
    assert events.count_events(app_db, events.EventQuery()) == 0
    assert tab.empty_label.isVisible()


@pytest.mark.parametrize("cls_name", ["EventListModel", "SeriesRatesModel", "AttendanceModel", "MonthModel"])
def test_models_pass_qt_checks(qtmodeltester, app_db, cls_name):
    from pal_desktop.ui.models import event_models
    from pal_desktop.ui.widgets import month_calendar

    event_id = workshop(app_db)
    events.enrol(app_db, event_id, [person(app_db, n) for n in range(3)])
    if cls_name == "EventListModel":
        model = event_models.EventListModel()
        model.set_source(1, lambda offset, limit, after: [event_models.event_tuple(r) for r in events.list_events(
            app_db, events.EventQuery(), offset, limit)])
    elif cls_name == "AttendanceModel":
        model = event_models.AttendanceModel()
        model.set_rows(events.attendance_sheet(app_db, event_id))
    elif cls_name == "SeriesRatesModel":
        model = event_models.SeriesRatesModel()
        model.set_rates({1: ("Żółć Osoba", events.Rate(3, 5))})
    else:
        model = month_calendar.MonthModel(today=DAY)
        model.set_events({DAY: events.list_events(app_db, events.EventQuery())})
    qtmodeltester.check(model, force_py=True)
    QApplication.processEvents()


def test_an_event_with_children_led_by_an_unchecked_animator_warns_when_saved(qtbot, window, app_db):
    from pal_desktop.services import animators

    animators.create_animator(app_db, animators.AnimatorInput(
        first_name="Marta", last_name="Źródlana", programme_id=active_programme(app_db).id,
        register_check_date=dt.date(2021, 9, 1), criminal_record_date=dt.date(2021, 9, 1)))
    tab = events_tab(qtbot, window)
    dialog = open_dialog(qtbot, tab, "event_dialog", tab.new_button)
    type_text(qtbot, dialog.title_edit, "Zajęcia plastyczne dla dzieci")
    replace_text(qtbot, dialog.date_field.edit, "12.10.2021")
    choose(qtbot, dialog.leader_kind_combo, "anim")
    qtbot.keyClick(dialog.with_children_check, Qt.Key.Key_Space)
    assert dialog.with_children_check.isChecked()
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert dialog.child_warnings == [
        "Marta Źródlana: Praca z dziećmi — brak oświadczenia o krajach zamieszkania w ostatnich 20 latach "
        "(art. 21 ustawy o ochronie małoletnich)."]
    assert "Z udziałem dzieci — uwaga: Marta Źródlana" in tab.banner.text()
    [row] = events.list_events(app_db, events.EventQuery())
    assert events.get_event(app_db, row.id).with_children
