"""Recording attendance after a session: keyboard only, "Wszyscy obecni", walk-ins, a future session refused,
and the rates of a series with those under 80 % in red."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from pal_desktop.domain.enums import AttendanceStatus
from pal_desktop.services import events
from pal_desktop.ui.models.event_models import LOW_RATE_RED

from .test_events_tab import DAY, click, events_tab, open_dialog, person, select, task_id, workshop
from .typing import type_text

TODAY = dt.date(2022, 6, 30)


def attendance_dialog(qtbot, window, event_id: int, today: dt.date = TODAY):
    tab = events_tab(qtbot, window)
    tab.set_today(today)
    select(qtbot, tab, event_id)
    dialog = open_dialog(qtbot, tab, "attendance_dialog", tab.attendance_button)
    widget = dialog.widget
    assert widget.table.hasFocus()
    return tab, dialog, widget


def saved(db, event_id: int) -> dict[str, AttendanceStatus | None]:
    return {row.last_name: row.attendance for row in events.attendance_sheet(db, event_id)}


def test_attendance_by_keyboard_only(qtbot, window, app_db, monkeypatch):
    event_id = workshop(app_db)
    events.enrol(app_db, event_id, [person(app_db, n) for n in range(3)])
    tab, dialog, widget = attendance_dialog(qtbot, window, event_id)
    table = widget.table
    assert widget.rate_label.text().startswith("Frekwencja: — — obecni 0 z 0")
    qtbot.keyClick(table, Qt.Key.Key_Space)          # Żółć00: obecny
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Space)          # Żółć01: obecny …
    qtbot.keyClick(table, Qt.Key.Key_2)              # … nieobecny, and on to Żółć02
    assert widget.current_row() == 2
    qtbot.keyClick(table, Qt.Key.Key_3)              # Żółć02: usprawiedliwiony
    assert [widget.model.index(r, 2).data() for r in range(3)] == ["obecny", "nieobecny", "usprawiedliwiony"]
    assert saved(app_db, event_id) == {"Żółć00": None, "Żółć01": None, "Żółć02": None}  # nothing written yet
    qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved(app_db, event_id) == {"Żółć00": AttendanceStatus.PRESENT, "Żółć01": AttendanceStatus.ABSENT,
                                       "Żółć02": AttendanceStatus.EXCUSED}
    # The excused absence is its own kind: by default it does not lower the rate (1 present of 2 counted).
    assert widget.rate_label.text() == ("Frekwencja: 50\u00a0% — obecni 1 z 3 · nieobecni: 1 · "
                                        "usprawiedliwieni: 1")
    assert widget.message_label.text() == "Zapisano obecność (3 osób). Frekwencja: 50\u00a0%."
    assert events.event_rate(app_db, event_id).value == 1 / 2
    assert tab.model.index(tab.model.row_of(event_id), 6).data() == 1  # "Obecni" in the list behind
    # Letters jump to the surname (Polish letters or not), here back to the first person.
    qtbot.keyClick(table, Qt.Key.Key_Z)
    assert widget.current_row() == 0
    dialog.reject()
    assert not dialog.isVisible()


def test_each_toggle_repaints_one_row_and_reads_nothing(qtbot, window, app_db, monkeypatch):
    event_id = workshop(app_db)
    events.enrol(app_db, event_id, [person(app_db, n) for n in range(5)])
    _tab, dialog, widget = attendance_dialog(qtbot, window, event_id)
    changes = []
    widget.model.dataChanged.connect(lambda top, bottom, roles: changes.append((top.row(), bottom.row())))
    monkeypatch.setattr(events, "attendance_sheet", lambda *a, **k: (_ for _ in ()).throw(AssertionError("read")))
    monkeypatch.setattr(events, "record_attendance", lambda *a, **k: (_ for _ in ()).throw(AssertionError("write")))
    qtbot.keyClick(widget.table, Qt.Key.Key_Down)
    qtbot.keyClick(widget.table, Qt.Key.Key_Space)
    qtbot.keyClick(widget.table, Qt.Key.Key_Space)
    assert changes == [(1, 1), (1, 1)]
    monkeypatch.setattr("pal_desktop.ui.dialogs.questions.ask", lambda *a, **k: True)
    dialog.reject()


def test_all_present_then_save(qtbot, window, app_db):
    event_id = workshop(app_db)
    events.enrol(app_db, event_id, [person(app_db, n) for n in range(4)])
    _tab, dialog, widget = attendance_dialog(qtbot, window, event_id)
    click(qtbot, widget.all_present_button)
    assert widget.rate_label.text().startswith("Frekwencja: 100\u00a0% — obecni 4 z 4")
    assert "niezapisane zmiany" in widget.rate_label.text()
    click(qtbot, widget.save_button)
    assert set(saved(app_db, event_id).values()) == {AttendanceStatus.PRESENT}
    assert events.get_event(app_db, event_id).status.value == "odbylo_sie"
    dialog.reject()
    assert not dialog.isVisible()  # nothing unsaved: no question


def test_a_future_session_refuses_to_save_with_the_message(qtbot, window, app_db, monkeypatch):
    event_id = workshop(app_db, event_date=dt.date(2021, 11, 16))
    events.enrol(app_db, event_id, [person(app_db, n) for n in range(2)])
    _tab, dialog, widget = attendance_dialog(qtbot, window, event_id, today=dt.date(2021, 11, 1))
    assert widget.notice_label.isVisible()
    assert "To spotkanie jeszcze się nie odbyło (16.11.2021)" in widget.notice_label.text()
    click(qtbot, widget.all_present_button)
    qtbot.keyClick(widget.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert widget.message_label.text() == ("Nie można zapisać obecności na wydarzeniu, które jeszcze się nie "
                                           "odbyło (16.11.2021).")
    assert saved(app_db, event_id) == {"Żółć00": None, "Żółć01": None}
    asked = []
    monkeypatch.setattr("pal_desktop.ui.dialogs.questions.ask", lambda *a, **k: asked.append(a[1]) or True)
    qtbot.keyClick(widget.table, Qt.Key.Key_Escape)
    assert asked == ["Niezapisana obecność"] and not dialog.isVisible()


def test_unmarked_people_can_be_saved_as_absent(qtbot, window, app_db, monkeypatch):
    event_id = workshop(app_db)
    events.enrol(app_db, event_id, [person(app_db, n) for n in range(3)])
    _tab, dialog, widget = attendance_dialog(qtbot, window, event_id)
    monkeypatch.setattr("pal_desktop.ui.dialogs.questions.ask", lambda *a, **k: True)
    qtbot.keyClick(widget.table, Qt.Key.Key_1)
    qtbot.keyClick(widget.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved(app_db, event_id) == {"Żółć00": AttendanceStatus.PRESENT, "Żółć01": AttendanceStatus.ABSENT,
                                       "Żółć02": AttendanceStatus.ABSENT}


def test_a_walk_in_is_added_as_present(qtbot, window, app_db):
    event_id = workshop(app_db)
    events.enrol(app_db, event_id, [person(app_db, n) for n in range(2)])
    guest = person(app_db, 5, last="Łaskawa")
    _tab, dialog, widget = attendance_dialog(qtbot, window, event_id)
    click(qtbot, widget.walk_in_button)
    picker = widget.walk_in_dialog.picker
    qtbot.waitExposed(widget.walk_in_dialog)
    type_text(qtbot, picker.search, "łaskawa")
    qtbot.waitUntil(lambda: picker.results.count() == 1)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert widget.model.rowCount() == 3
    assert [widget.model.index(2, c).data() for c in (1, 2, 3)] == ["Łaskawa05 Osoba5", "obecny", "spoza listy"]
    assert widget.message_label.text() == "Dopisano jako obecną osobę spoza listy: Łaskawa05 Osoba5."
    [row] = [r for r in events.attendance_sheet(app_db, event_id) if r.participant_id == guest]
    assert row.walk_in and row.attendance == AttendanceStatus.PRESENT
    assert not widget.is_changed()


def test_series_rates_mark_those_under_80_percent(qtbot, window, app_db):
    series = events.create_series(app_db, events.EventInput(
        title="Trening umiejętności", event_date=dt.date(2021, 10, 5), task_id=task_id(app_db, 7)), 5)
    ids = [person(app_db, n) for n in range(2)]
    for index, event_id in enumerate(series.event_ids):
        events.enrol(app_db, event_id, ids)
        if index < 4:
            events.record_attendance(app_db, event_id, {
                ids[0]: AttendanceStatus.PRESENT,
                ids[1]: AttendanceStatus.PRESENT if index < 2 else AttendanceStatus.ABSENT}, today=TODAY)
    _tab, dialog, widget = attendance_dialog(qtbot, window, series.event_ids[4])
    assert widget.series_box.isVisible()
    model = widget.series_model
    rows = {model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 2).data())
            for r in range(model.rowCount())}
    assert rows == {"Żółć00 Osoba0": ("4 z 4", "100\u00a0%"),
                    "Żółć01 Osoba1": ("2 z 4", "50\u00a0% (poniżej 80 %)")}
    low = next(r for r in range(model.rowCount()) if model.index(r, 0).data().startswith("Żółć01"))
    assert model.index(low, 2).data(Qt.ItemDataRole.ForegroundRole) == LOW_RATE_RED
    assert "Poniżej 80 % (na czerwono): <b>1</b> z 2 osób." in widget.series_summary.text()
    # Saving this session updates the series' rates.
    click(qtbot, widget.all_present_button)
    click(qtbot, widget.save_button)
    rows = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert rows == {"Żółć00 Osoba0": "5 z 5", "Żółć01 Osoba1": "3 z 5"}
    assert DAY
