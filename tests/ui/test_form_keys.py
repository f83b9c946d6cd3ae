"""Every form saves with Ctrl+S and asks before throwing away what was typed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pal_desktop.services import volunteer_agreements, volunteer_alerts, volunteer_hours
from pal_desktop.ui.dialogs import questions

from .test_stable_layout import volunteer_with_agreement
from .test_volunteers_tab import click, open_dialog, open_tab
from .typing import replace_text, type_text


def test_ctrl_s_saves_the_volunteer_and_anuluj_asks_first(qtbot, window, app_db, monkeypatch):
    tab = open_tab(qtbot, window)
    dialog = open_dialog(qtbot, tab, tab.new_button)
    type_text(qtbot, dialog.first_name, "Żaneta")
    replies, asked = [False, True], []
    monkeypatch.setattr(questions, "ask", lambda parent, title, *a, **k: asked.append(title) or replies.pop(0))
    click(qtbot, dialog.cancel_button)
    assert asked == ["Porzucić zmiany?"] and dialog.isVisible()  # "Wróć": the typed name stays
    assert dialog.first_name.text() == "Żaneta"
    type_text(qtbot, dialog.last_name, "Łęcka")
    qtbot.keyClick(dialog.last_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert [row[1:3] for row in volunteer_alerts.volunteer_rows(app_db)] == [("Łęcka", "Żaneta")]
    dialog = open_dialog(qtbot, tab, tab.new_button)
    type_text(qtbot, dialog.first_name, "Ola")
    qtbot.keyClick(dialog.first_name, Qt.Key.Key_Escape)  # Esc asks too; "Porzuć zmiany" closes
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert asked == ["Porzucić zmiany?", "Porzucić zmiany?"] and len(volunteer_alerts.volunteer_rows(app_db)) == 1


def test_an_untouched_form_closes_without_a_question(qtbot, window, app_db, monkeypatch):
    tab = open_tab(qtbot, window)
    asked = []
    monkeypatch.setattr(questions, "ask", lambda parent, title, *a, **k: asked.append(title) or True)
    dialog = open_dialog(qtbot, tab, tab.new_button)
    click(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert asked == []


def test_ctrl_s_in_the_agreement_and_the_hours(qtbot, window, app_db, monkeypatch):
    volunteer_id = volunteer_with_agreement(app_db)
    tab = open_tab(qtbot, window)
    tab.select_volunteer(volunteer_id)
    dialog = open_dialog(qtbot, tab, tab.hours_button)
    replace_text(qtbot, dialog.work_date.edit, "05.04.2022")
    type_text(qtbot, dialog.hours, "3")
    qtbot.keyClick(dialog.hours, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert [entry.hours for entry in volunteer_hours.hours_of(app_db, volunteer_id)] == [3]
    [agreement] = volunteer_agreements.agreements_of(app_db, volunteer_id)
    dialog = open_dialog(qtbot, tab, tab.agreement_button)
    type_text(qtbot, dialog.start_date.edit, "01.01.2023")
    type_text(qtbot, dialog.end_date.edit, "31.01.2023")
    qtbot.keyClick(dialog.end_date.edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and "Zakres świadczeń" in dialog.error_text_of("scope")  # Ctrl+S tried to save


def test_ctrl_n_and_ctrl_p_answer_on_the_tabs_that_cannot(qtbot, window, app_db, monkeypatch):
    from pal_desktop.ui import pdf_output

    shown = []
    monkeypatch.setattr(pdf_output, "present", lambda widget, path, *args, **kwargs: shown.append(path))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.select_tab("animators")
    qtbot.keyClick(window.current_tab().table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "Animatorzy nie mają własnego wydruku" in window.statusBar().currentMessage()
    window.select_tab("reports")
    qtbot.waitUntil(lambda: window.current_tab().model.rowCount() > 0)
    qtbot.keyClick(window.current_tab().table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert "Wskaźniki wynikają z programu" in window.statusBar().currentMessage()
    from pal_desktop.ui.tabs import reports_tab

    asked = []
    monkeypatch.setattr(reports_tab.ReportsTab, "print_periodic_report", lambda tab: asked.append(tab.tab_id))
    qtbot.keyClick(window.current_tab().table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["reports"]


def test_file_dialogs_drawn_by_qt_speak_polish(qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QLabel

    from pal_desktop.ui import file_dialogs

    made = []

    def exec_(dialog):
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        made.append(dialog)
        return 0

    monkeypatch.setattr(QFileDialog, "exec", exec_)
    assert file_dialogs.open_file(None, "Importuj", "", "Arkusze (*.xlsx)") == ""
    dialog = made[0]
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Szukaj &w:", "Nazwa &pliku:", "Pliki &typu:"} <= texts, texts
    assert not any(text in texts for text in ("&Look in:", "Files of &type:"))
