"""Harmonogram as a Gantt chart: section IX on screen, zoom, drags saved with undo/redo, the task editor,
selection shared by the list and the chart, "Dziś", printing and the calendar export."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from pal_desktop.domain.schedule import Zoom
from pal_desktop.services import programmes
from pal_desktop.ui.widgets.gantt_geometry import ROW_HEIGHT

from .typing import replace_text, type_text

D = dt.date
MID = D(2022, 6, 30)


@pytest.fixture
def open_schedule(qtbot):
    def open_tab(window, today: dt.date = MID):
        tab = window.tab("schedule")
        tab.today_override = today
        window.select_tab("schedule")
        qtbot.waitUntil(lambda: tab.data is not None)
        qtbot.waitExposed(tab.chart)
        return tab

    return open_tab


@pytest.fixture
def tab(window, open_schedule):
    return open_schedule(window)


def tasks_by_position(db) -> dict:
    programme = programmes.active_programme(db)
    return {t.position: t for t in programmes.list_tasks(db, programme.id)}


def bar_point(tab, task_id: int, where: str = "centre") -> QPoint:
    """The viewport position of a bar's middle (or near one of its ends), scrolled into view."""
    chart = tab.chart
    rect = chart.bar_item(task_id).bar
    x = {"centre": rect.center().x(), "start": rect.left() + 2, "end": rect.right() - 2}[where]
    scene = QPointF(x, rect.center().y())
    chart.ensureVisible(QRectF(scene.x() - 1, scene.y() - 1, 2, 2), 120, 20)
    return chart.mapFromScene(scene)


def drag(qtbot, tab, start: QPoint, dx: int) -> None:
    viewport = tab.chart.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for part in (0.25, 0.5, 0.75, 1.0):
        qtbot.mouseMove(viewport, start + QPoint(round(dx * part), 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(dx, 0))


def ctrl_wheel(widget, delta: int) -> None:
    pos = QPointF(widget.width() / 2, 20)
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(0, 0), QPoint(0, delta), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


# ---- What the chart shows
def test_the_seeded_programme_as_a_chart(tab, app_db, shown_errors):
    chart = tab.chart
    assert tab.count_label.text() == "Zadań: 11"
    assert len(chart.rows) == 11 and tab.model.rowCount() == 11
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert headers == ["Lp.", "Zadanie", "Od", "Do", "Postęp"]
    tasks = tasks_by_position(app_db)
    first = chart.bar_item(tasks[1].id)
    # 01.01.2021 – 31.03.2021: from the start of the first day to the end of the last.
    assert first.bar.left() == chart.x_for_date(D(2021, 1, 1))
    assert first.bar.right() == pytest.approx(chart.x_for_date(D(2021, 4, 1)))
    assert chart.date_at(first.bar.left() + 0.1) == D(2021, 1, 1)
    assert first.bar.top() >= 0 and first.bar.bottom() <= ROW_HEIGHT
    eighth = chart.bar_item(tasks[8].id)
    assert eighth.bar.left() == chart.x_for_date(D(2021, 7, 1)) and eighth.row == 7
    assert eighth.bar.right() == pytest.approx(chart.x_for_date(D(2022, 8, 1)))
    assert 7 * ROW_HEIGHT < eighth.bar.center().y() < 8 * ROW_HEIGHT
    milestone = chart.bar_item(tasks[11].id)
    assert milestone.task.is_milestone and milestone.label == "31.12.2022"
    assert milestone.bar.center().x() == pytest.approx(chart.x_for_date(D(2022, 12, 31)) + chart.scale.px_per_day / 2)
    # The list beside it says the same.
    cells = [[tab.model.index(r, c).data() for c in range(5)] for r in range(11)]
    assert cells[0] == ["1", "działania organizacyjne", "01.01.2021", "31.03.2021", "—"]
    assert cells[10][:4] == ["11", "◆ zakończenie programu", "31.12.2022", "31.12.2022"]
    # The row heights of the list match the chart, and the list's header is as high as the time scale.
    assert tab.tree.visualRect(tab.model.index(3, 0)).top() == 3 * ROW_HEIGHT
    assert tab.tree.header().height() == tab.chart.viewport().geometry().top()
    assert shown_errors == []


def test_the_model_is_sound(tab, qtmodeltester):
    qtmodeltester.check(tab.model)


def test_progress_and_lateness_with_demo_data(demo_window, open_schedule, demo_app_db):
    tab = open_schedule(demo_window, D(2022, 9, 1))  # demo events after 30.06.2022 are still "planowane"
    late = [t for t in tab.data.tasks if t.behind]
    assert late, "demo events dated before today and still planned make tasks late"
    task = late[0]
    row = tab.model.task_row(task.id)
    assert tab.model.index(row, 4).data() == f"{task.held}/{task.planned}"
    assert tab.model.index(row, 4).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Zaległe wydarzenia" in tab.model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
    item = tab.chart.bar_item(task.id)
    assert item.task.behind and item.label == f"{task.held}/{task.planned}"


# ---- Zoom
def test_zoom_with_buttons_ctrl_wheel_and_keys(qtbot, tab):
    chart = tab.chart
    assert chart.zoom == Zoom.MONTH and tab.zoom_actions[Zoom.MONTH].isChecked()
    week_button = tab.toolbar.widgetForAction(tab.zoom_actions[Zoom.WEEK])
    qtbot.mouseClick(week_button, Qt.MouseButton.LeftButton)
    assert chart.zoom == Zoom.WEEK and chart.scale.px_per_day == Zoom.WEEK.px_per_day
    assert chart.x_for_date(D(2021, 1, 8)) - chart.x_for_date(D(2021, 1, 1)) == 7 * Zoom.WEEK.px_per_day
    assert tab.zoom_actions[Zoom.WEEK].isChecked()
    ctrl_wheel(chart.viewport(), 120)
    assert chart.zoom == Zoom.DAY
    ctrl_wheel(chart.viewport(), -120)
    ctrl_wheel(chart.viewport(), -120)
    assert chart.zoom == Zoom.MONTH
    qtbot.keyClick(chart, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert chart.zoom == Zoom.QUARTER and tab.zoom_actions[Zoom.QUARTER].isChecked()
    qtbot.keyClick(chart, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert chart.zoom == Zoom.MONTH
    # The bars follow the new scale.
    tab.set_zoom(Zoom.DAY)
    first = chart.bar_item(tab.data.tasks[0].id)
    assert first.bar.width() == pytest.approx(90 * Zoom.DAY.px_per_day)


def test_zoom_keeps_the_date_under_the_mouse(tab):
    chart = tab.chart
    tab.set_zoom(Zoom.WEEK)
    chart.scroll_to_date(D(2021, 10, 15))
    anchor = 200
    before = chart.date_at(chart.mapToScene(QPoint(anchor, 0)).x())
    chart.set_zoom(Zoom.DAY, anchor=anchor)
    after = chart.date_at(chart.mapToScene(QPoint(anchor, 0)).x())
    assert abs((after - before).days) <= 1


# ---- Dragging, with undo and redo
def test_drag_a_bar_saves_the_dates_and_undo_redo(qtbot, tab, app_db, shown_errors):
    tab.set_zoom(Zoom.WEEK)
    task = tasks_by_position(app_db)[8]
    drag(qtbot, tab, bar_point(tab, task.id), 14 * round(Zoom.WEEK.px_per_day))
    qtbot.waitUntil(lambda: tasks_by_position(app_db)[8].start == D(2021, 7, 15))
    assert tasks_by_position(app_db)[8].end == D(2022, 8, 14)
    assert "Zapisano: „imprezy integracyjne” — 15.07.2021 – 14.08.2022." in tab.last_status
    assert tab.chart.bar_item(task.id).bar.left() == tab.chart.x_for_date(D(2021, 7, 15))
    assert tab.model.index(7, 2).data() == "15.07.2021"
    # Ctrl+Z restores the saved dates, Ctrl+Y applies them again.
    qtbot.keyClick(tab.chart, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    saved = tasks_by_position(app_db)[8]
    assert (saved.start, saved.end) == (D(2021, 7, 1), D(2022, 7, 31))
    assert tab.model.index(7, 2).data() == "01.07.2021"
    qtbot.keyClick(tab.chart, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    saved = tasks_by_position(app_db)[8]
    assert (saved.start, saved.end) == (D(2021, 7, 15), D(2022, 8, 14))
    assert tab.undo_action.text() == "Cofnij"
    assert tab.undo_action.toolTip() == "Cofnij: przesunięcie „imprezy integracyjne” (Ctrl+Z)"
    assert shown_errors == []


def test_drag_an_end_changes_one_date(qtbot, tab, app_db):
    tab.set_zoom(Zoom.WEEK)
    task = tasks_by_position(app_db)[1]
    drag(qtbot, tab, bar_point(tab, task.id, "end"), 5 * round(Zoom.WEEK.px_per_day))
    qtbot.waitUntil(lambda: tasks_by_position(app_db)[1].end == D(2021, 4, 5))
    assert tasks_by_position(app_db)[1].start == D(2021, 1, 1)
    drag(qtbot, tab, bar_point(tab, task.id, "start"), 10 * round(Zoom.WEEK.px_per_day))
    qtbot.waitUntil(lambda: tasks_by_position(app_db)[1].start == D(2021, 1, 11))
    assert tab.undo_stack.count() == 2


def test_a_drag_past_the_programme_end_is_clamped_with_a_message(qtbot, tab, app_db):
    tab.set_zoom(Zoom.QUARTER)
    task = tasks_by_position(app_db)[8]  # 01.07.2021 – 31.07.2022, 396 days
    drag(qtbot, tab, bar_point(tab, task.id), round(300 * Zoom.QUARTER.px_per_day))
    qtbot.waitUntil(lambda: tasks_by_position(app_db)[8].end == D(2022, 12, 31))
    saved = tasks_by_position(app_db)[8]
    assert saved.start == D(2022, 12, 31) - dt.timedelta(days=395)
    assert "przycięto do jego granicy" in tab.last_status and "01.01.2021 – 31.12.2022" in tab.last_status
    # A bar already at the edge does not move and says why.
    drag(qtbot, tab, bar_point(tab, task.id), round(100 * Zoom.QUARTER.px_per_day))
    qtbot.waitUntil(lambda: "jest już na granicy okresu programu" in tab.last_status)
    assert tasks_by_position(app_db)[8].end == D(2022, 12, 31)
    assert tab.undo_stack.count() == 1


# ---- The editor
def test_the_task_dialog_refuses_end_before_start_beside_the_field(qtbot, tab, app_db):
    qtbot.mouseClick(tab.toolbar.widgetForAction(tab.add_action), Qt.MouseButton.LeftButton)
    dialog = tab.task_dialog
    assert dialog is not None and dialog.isVisible()
    type_text(qtbot, dialog.name_edit, "Wycieczka do Częstochowy — źródła")
    dialog.start_edit.setDate(QDate(2021, 5, 10))
    dialog.end_edit.setDate(QDate(2021, 5, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    error = dialog.errors["end"]
    assert error.isVisible() and dialog.isVisible()
    assert error.text().startswith("Pole „Do” (01.05.2021) jest wcześniejsze niż pole „Od” (10.05.2021)")
    assert dialog.end_edit.hasFocus()
    assert len(tasks_by_position(app_db)) == 11
    # Outside the programme: the other field is named.
    dialog.start_edit.setDate(QDate(2020, 12, 1))
    assert not error.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["start"].isVisible() and "okresem programu" in dialog.errors["start"].text()
    dialog.start_edit.setDate(QDate(2021, 5, 1))
    dialog.end_edit.setDate(QDate(2021, 5, 31))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.task_dialog is None)
    added = tasks_by_position(app_db)[12]
    assert (added.name, added.start, added.end) == ("Wycieczka do Częstochowy — źródła", D(2021, 5, 1), D(2021, 5, 31))
    assert tab.count_label.text() == "Zadań: 12" and len(tab.chart.rows) == 12
    assert tab.selected_task().id == added.id
    qtbot.keyClick(tab.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(tasks_by_position(app_db)) == 11 and tab.count_label.text() == "Zadań: 11"


def test_double_click_a_bar_edits_the_task(qtbot, tab, app_db):
    task = tasks_by_position(app_db)[3]
    qtbot.mouseDClick(tab.chart.viewport(), Qt.MouseButton.LeftButton, pos=bar_point(tab, task.id))
    qtbot.waitUntil(lambda: tab.task_dialog is not None)
    dialog = tab.task_dialog
    assert dialog.name_edit.text() == task.name
    replace_text(qtbot, dialog.name_edit, "ustalenie priorytetów z uczestnikami")
    dialog.planned_spin.setValue(4)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.task_dialog is None)
    assert tasks_by_position(app_db)[3].name == "ustalenie priorytetów z uczestnikami"
    assert tab.model.index(2, 4).data() == "0/4"
    tab.undo_stack.undo()
    assert tasks_by_position(app_db)[3].name == task.name


def test_a_milestone_from_the_dialog(qtbot, tab, app_db):
    tab.add_milestone_action.trigger()
    dialog = tab.task_dialog
    assert dialog.milestone_box.isChecked() and not dialog.end_edit.isEnabled()
    type_text(qtbot, dialog.name_edit, "Gala wolontariuszy")
    dialog.start_edit.setDate(QDate(2022, 12, 9))
    assert dialog.end_edit.date() == QDate(2022, 12, 9)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.task_dialog is None)
    gala = tasks_by_position(app_db)[12]
    assert gala.is_milestone and gala.start == gala.end == D(2022, 12, 9)
    assert tab.chart.bar_item(gala.id).label == "09.12.2022"


def test_delete_asks_and_undo_puts_the_task_back(qtbot, tab, app_db, monkeypatch):
    from pal_desktop.ui.dialogs import questions

    asked = []
    monkeypatch.setattr(questions, "ask", lambda parent, title, text, **kw: asked.append(text) or True)
    tab.select_task(tasks_by_position(app_db)[4].id)
    qtbot.keyClick(tab.tree, Qt.Key.Key_Delete)
    assert asked == ["Usunąć z harmonogramu zadanie „wyłonienie animatorów lokalnych” (01.01.2021 – 31.03.2021)?"]
    assert 4 not in tasks_by_position(app_db) and len(tab.chart.rows) == 10
    qtbot.keyClick(tab.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = tasks_by_position(app_db)[4]
    assert (back.name, back.start, back.end) == ("wyłonienie animatorów lokalnych", D(2021, 1, 1), D(2021, 3, 31))
    assert len(tab.chart.rows) == 11


def test_deleting_a_task_with_events_warns_and_keeps_the_events(qtbot, demo_window, open_schedule, demo_app_db,
                                                                monkeypatch):
    from pal_desktop.services import schedule
    from pal_desktop.ui.dialogs import questions

    tab = open_schedule(demo_window)
    task = next(t for t in tab.data.tasks if t.events)
    asked = []
    monkeypatch.setattr(questions, "ask", lambda parent, title, text, **kw: asked.append((text, kw["yes"])) or False)
    tab.select_task(task.id)
    tab.delete_action.trigger()
    assert f"przypisano wydarzenia ({len(task.events)})" in asked[0][0]
    assert asked[0][1] == "Usuń i odłącz wydarzenia"
    assert tab.data.task(task.id) is not None  # answered no: nothing deleted
    monkeypatch.setattr(questions, "ask", lambda *a, **kw: True)
    tab.delete_action.trigger()
    view = schedule.schedule_view(demo_app_db, tab.programme_id, MID)
    assert view.task(task.id) is None and len(view.unassigned) == len(task.events)
    tab.undo_stack.undo()
    restored = next(t for t in tab.data.tasks if t.name == task.name)
    assert len(restored.events) == len(task.events)


# ---- Events, selection, navigation
def test_expanding_a_task_lists_its_events_in_both_halves(qtbot, demo_window, open_schedule):
    tab = open_schedule(demo_window)
    row = next(r for r, t in enumerate(tab.model.tasks) if len(t.events) >= 3)
    task = tab.model.tasks[row]
    tab.tree.expand(tab.model.index(row, 0))
    assert len(tab.chart.rows) == 11 + len(task.events)
    assert tab.chart.rows[row + 1].event == task.events[0]
    child = tab.model.index(1, 0, tab.model.index(row, 0))
    tab.tree.setCurrentIndex(child)
    assert tab.chart.selected_row == row + 2
    # Both halves scroll together.
    bottom = tab.chart.verticalScrollBar().maximum()
    assert bottom > 0
    tab.chart.verticalScrollBar().setValue(bottom)
    qtbot.waitUntil(lambda: tab.tree.verticalScrollBar().value() == bottom)
    tab.tree.verticalScrollBar().setValue(bottom // 2)
    assert tab.chart.verticalScrollBar().value() == bottom // 2
    tab.tree.collapse(tab.model.index(row, 0))
    assert len(tab.chart.rows) == 11


def test_double_click_an_event_marker_opens_the_event(qtbot, demo_window, open_schedule):
    tab = open_schedule(demo_window)
    chart = tab.chart
    ticks = next(t for t in chart._ticks if t.marks)
    mark, x = ticks.marks[0], ticks.xs[0] + 1
    scene = QPointF(x, ticks.row * ROW_HEIGHT + 20)
    chart.ensureVisible(QRectF(scene.x() - 1, scene.y() - 1, 2, 2), 100, 10)
    qtbot.mouseDClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.mapFromScene(scene))
    qtbot.waitUntil(lambda: tab.event_dialog is not None)
    assert tab.event_dialog.event_id == mark.id
    tab.event_dialog.reject()


def test_selection_is_shared_by_the_list_and_the_chart(qtbot, tab):
    tree = tab.tree
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(tab.model.index(2, 1)).center())
    assert tab.chart.selected_row == 2
    # A click on an empty part of row 4 of the chart (task 4 ended in March 2021) selects it in the list.
    scene = QPointF(tab.chart.x_for_date(D(2022, 3, 1)), 3 * ROW_HEIGHT + ROW_HEIGHT / 2)
    tab.chart.ensureVisible(QRectF(scene.x(), scene.y(), 1, 1))
    qtbot.mouseClick(tab.chart.viewport(), Qt.MouseButton.LeftButton, pos=tab.chart.mapFromScene(scene))
    assert tree.currentIndex().row() == 3 and tab.chart.selected_row == 3
    qtbot.keyClick(tab.chart, Qt.Key.Key_Down)
    assert tree.currentIndex().row() == 4


def test_today_button_and_a_today_outside_the_programme(qtbot, window, open_schedule):
    tab = open_schedule(window, D(2026, 11, 26))
    qtbot.mouseClick(tab.toolbar.widgetForAction(tab.today_action), Qt.MouseButton.LeftButton)
    assert tab.last_status == ("Dziś (26.11.2026) jest po zakończeniu programu — pokazano jego koniec "
                               "(31.12.2022).")
    assert window.statusBar().currentMessage() == tab.last_status
    first, last = tab.chart.visible_dates()
    assert first <= D(2022, 12, 31) <= last
    tab.today_override = D(2021, 9, 15)
    tab.reload()
    tab.go_today()
    first, last = tab.chart.visible_dates()
    assert first < D(2021, 9, 15) < last and tab.last_status == "Dziś: 15.09.2021."


def test_panning_by_dragging_the_background(qtbot, tab):
    tab.set_zoom(Zoom.WEEK)
    chart = tab.chart
    before = chart.horizontalScrollBar().value()
    start = chart.mapFromScene(QPointF(chart.x_for_date(D(2022, 6, 1)), 10 * ROW_HEIGHT + 5))
    if not chart.viewport().rect().contains(start):
        start = QPoint(chart.viewport().width() // 2, 10 * ROW_HEIGHT + 5)
    qtbot.mousePress(chart.viewport(), Qt.MouseButton.MiddleButton, pos=start)
    qtbot.mouseMove(chart.viewport(), start + QPoint(-120, 0))
    qtbot.mouseRelease(chart.viewport(), Qt.MouseButton.MiddleButton, pos=start + QPoint(-120, 0))
    assert chart.horizontalScrollBar().value() == before + 120


def test_search_filters_the_list_and_the_chart(qtbot, tab):
    type_text(qtbot, tab.search, "wolontariat")
    assert tab.count_label.text() == "Zadań: 1 z 11" and tab.model.tasks[0].position == 6
    replace_text(qtbot, tab.search, "imprezy")  # task 8, and task 5 whose description names them
    assert [t.position for t in tab.model.tasks] == [5, 8] and len(tab.chart.rows) == 2
    assert tab.count_label.text() == "Zadań: 2 z 11"
    replace_text(qtbot, tab.search, "zzz")
    assert tab.empty_label.isVisible() and tab.empty_label.text() == "Nic nie znaleziono dla „zzz”."
    tab.search.clear()
    assert len(tab.chart.rows) == 11


# ---- Printing and the calendar
def test_print_from_the_window_and_a3_from_the_button(qtbot, window, open_schedule, monkeypatch):
    from pypdf import PdfReader

    from pal_desktop.ui import pdf_output

    opened = []
    monkeypatch.setattr(pdf_output, "present", lambda widget, path, *args, **kwargs: opened.append(path))
    tab = open_schedule(window)
    assert window.print_action.isEnabled()
    window.print_action.trigger()
    tab.print_a3_action.trigger()
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=10000)
    assert len(opened) == 2 and all(p.parent.name == "wydruki" for p in opened)
    a4, a3 = (PdfReader(io.BytesIO(p.read_bytes())) for p in opened)
    assert (len(a4.pages), len(a3.pages)) == (2, 1)
    assert "zakończenie programu" in a4.pages[1].extract_text()
    assert "A3 poziomo" in tab.last_status


def test_export_to_a_calendar_file(qtbot, tab, tmp_path, monkeypatch):
    from pal_desktop.ui.tabs import schedule_output

    monkeypatch.setattr(schedule_output, "choose_save_path", lambda *a: tmp_path / "harmonogram")
    tab.ics_action.trigger()
    text = (tmp_path / "harmonogram.ics").read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 11 and "DTSTART;VALUE=DATE:20210101" in text
    assert "Zapisano kalendarz" in tab.last_status and "11 zadań" in tab.last_status


def test_an_empty_programme_says_what_to_do(qtbot, make_window, app_db, open_schedule):
    new = programmes.create_programme(app_db, programmes.ProgrammeInput(
        title="PAL Zielona Dolina", start=D(2023, 1, 1), end=D(2024, 12, 31)), make_active=True)
    window = make_window(app_db)
    tab = open_schedule(window)
    assert tab.programme_id == new and tab.count_label.text() == "Zadań: 0"
    assert tab.empty_label.isVisible() and "Dodaj pierwsze zadanie" in tab.empty_label.text()
    assert tab.add_action.isEnabled()


def test_tooltips_explain_a_late_task_and_an_event(qtbot, demo_window, open_schedule):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    tab = open_schedule(demo_window, D(2022, 9, 1))
    chart = tab.chart
    task = next(t for t in tab.data.tasks if t.behind)
    point = bar_point(tab, task.id)
    QApplication.sendEvent(chart.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, chart.viewport().mapToGlobal(point)))
    assert task.name in QToolTip.text() and f"Zaległe wydarzenia: {task.overdue}" in QToolTip.text()
    ticks = next(t for t in chart._ticks if t.task.id == task.id)
    late = next(i for i, m in enumerate(ticks.marks) if m.overdue)
    scene = QPointF(ticks.xs[late] + 1, ticks.row * ROW_HEIGHT + 20)
    chart.ensureVisible(QRectF(scene.x() - 1, scene.y() - 1, 2, 2), 100, 10)
    point = chart.mapFromScene(scene)
    QApplication.sendEvent(chart.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, chart.viewport().mapToGlobal(point)))
    assert "Status: planowane" in QToolTip.text() and "zaległe" in QToolTip.text()


def test_the_month_view_shows_a_two_year_programme_whole_on_a_1280_screen(qtbot, tab):
    window = tab.window()
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.width() == 1280)
    chart = tab.chart
    programme_start, programme_end = tab.data.start, tab.data.end
    assert (programme_end - programme_start).days > 700
    chart.scroll_to_date(programme_start)
    shown_from, shown_to = chart.visible_dates()
    assert shown_from <= programme_start and shown_to >= programme_end
    assert chart.scale.px_per_day < Zoom.MONTH.px_per_day
    window.resize(1920, 1080)  # with room to spare the months take their full width again
    qtbot.waitUntil(lambda: chart.scale.px_per_day == Zoom.MONTH.px_per_day)


def test_the_task_list_widens_for_the_names_and_keeps_a_width_the_user_chose(qtbot, tab):
    window = tab.window()
    tree = tab.tree

    def cut_names() -> list[str]:
        width = tree.header().sectionSize(1) - tree.indentation() - 12
        return [tab.model.data(tab.model.index(r, 1)) for r in range(tab.model.rowCount())
                if tree.fontMetrics().horizontalAdvance(tab.model.data(tab.model.index(r, 1))) > width]

    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.width() == 1920 and not cut_names())  # every task's name is read whole
    assert tab.splitter.sizes()[0] > 470
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.width() == 1280)
    # On the small screen the list takes what the chart can spare: most names whole, the programme in view.
    assert len(cut_names()) <= 3 and tab.splitter.sizes()[0] > 500
    shown_from, shown_to = tab.chart.visible_dates()
    assert shown_from <= tab.data.start and shown_to >= tab.data.end

    from .test_window_state import drag_splitter

    drag_splitter(qtbot, tab.splitter, tab.splitter.sizes()[0] - 400)  # from now on the width is the user's
    chosen = tab.splitter.sizes()[0]
    assert abs(chosen - 400) < 40
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.width() == 1920)
    assert tab.splitter.sizes()[0] == chosen


def test_a_drag_or_an_undo_over_someone_elses_change_is_refused_and_says_what_changed(
        qtbot, tab, app_db, shown_errors):
    from pal_desktop.services import schedule

    tab.set_zoom(Zoom.WEEK)
    task = tasks_by_position(app_db)[8]
    drag(qtbot, tab, bar_point(tab, task.id), 14 * round(Zoom.WEEK.px_per_day))
    qtbot.waitUntil(lambda: tasks_by_position(app_db)[8].start == D(2021, 7, 15))
    # Another PC renames the task while this window still shows it: Ctrl+Z no longer undoes blindly.
    other = schedule.schedule_view(app_db, tab.programme_id).task(task.id).as_input()
    schedule.update_task(app_db, task.id, replace(other, name="festyn sąsiedzki"), base=other)
    qtbot.keyClick(tab.chart, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(shown_errors))
    assert "Zadanie: festyn sąsiedzki" in str(shown_errors[-1])
    saved = tasks_by_position(app_db)[8]
    assert (saved.name, saved.start) == ("festyn sąsiedzki", D(2021, 7, 15))  # nothing went back
    qtbot.waitUntil(lambda: tab.undo_stack.count() == 0)  # the history, no longer true, is cleared
    # The tab shows the new state; a drag from it saves.
    qtbot.waitUntil(lambda: tab.data.task(task.id).name == "festyn sąsiedzki")
    drag(qtbot, tab, bar_point(tab, task.id), 7 * round(Zoom.WEEK.px_per_day))
    qtbot.waitUntil(lambda: tasks_by_position(app_db)[8].start == D(2021, 7, 22))
