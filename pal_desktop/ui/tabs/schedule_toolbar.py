"""The schedule tab's toolbar: add, edit, delete, undo/redo, zoom, Dziś, print (A4/A3), the .ics export.

The actions are made here and kept on the tab (``tab.add_action``, ``tab.zoom_actions``...), which enables
them (``ScheduleTab._update_actions``) and answers them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from pal_desktop.domain import schedule as rules

if TYPE_CHECKING:
    from pal_desktop.ui.tabs.schedule_tab import ScheduleTab


def history_actions(tab: ScheduleTab) -> tuple[QAction, QAction]:
    """Cofnij and Ponów with fixed texts: what they would undo goes to the tooltip and the status tip, so
    the toolbar buttons keep their width (QUndoStack's own actions put it in the text)."""
    undo = QAction(QCoreApplication.translate("ScheduleTab", "Cofnij"), tab)
    undo.setObjectName("undoAction")
    redo = QAction(QCoreApplication.translate("ScheduleTab", "Ponów"), tab)
    redo.setObjectName("redoAction")
    undo.triggered.connect(tab.undo_stack.undo)
    redo.triggered.connect(tab.undo_stack.redo)
    tab.undo_stack.canUndoChanged.connect(undo.setEnabled)
    tab.undo_stack.canRedoChanged.connect(redo.setEnabled)

    def describe(action: QAction, what: str, template: str, empty: str) -> None:
        tip = template.format(what=what) if what else empty
        action.setToolTip(tip)
        action.setStatusTip(tip)

    undo_empty = QCoreApplication.translate("ScheduleTab", "Cofnij ostatnią zmianę harmonogramu (Ctrl+Z)")
    redo_empty = QCoreApplication.translate("ScheduleTab", "Ponów cofniętą zmianę (Ctrl+Y)")
    undo_template = QCoreApplication.translate("ScheduleTab", "Cofnij: {what} (Ctrl+Z)")
    redo_template = QCoreApplication.translate("ScheduleTab", "Ponów: {what} (Ctrl+Y)")
    tab.undo_stack.undoTextChanged.connect(lambda text: describe(undo, text, undo_template, undo_empty))
    tab.undo_stack.redoTextChanged.connect(lambda text: describe(redo, text, redo_template, redo_empty))
    describe(undo, "", undo_template, undo_empty)
    describe(redo, "", redo_template, redo_empty)
    undo.setEnabled(False)
    redo.setEnabled(False)
    return undo, redo


def make_action(tab: ScheduleTab, text: str, name: str, slot, tip: str = "") -> QAction:
    action = QAction(text, tab)
    action.setObjectName(name)
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


def build_toolbar(tab: ScheduleTab) -> QToolBar:
    bar = QToolBar(QCoreApplication.translate("ScheduleTab", "Harmonogram"), tab)
    bar.setObjectName("scheduleToolbar")
    bar.setAccessibleName(QCoreApplication.translate("ScheduleTab", "Pasek harmonogramu"))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    tab.add_action = make_action(
        tab, QCoreApplication.translate("ScheduleTab", "Dodaj &zadanie…"), "addTaskAction", tab.add_task,
        QCoreApplication.translate("ScheduleTab", "Nowe zadanie harmonogramu (Ctrl+N)"))
    tab.add_milestone_action = make_action(
        tab, QCoreApplication.translate("ScheduleTab", "Dodaj kamień &milowy…"), "addMilestoneAction",
        lambda: tab.add_task(milestone=True),
        QCoreApplication.translate("ScheduleTab", "Nowy kamień milowy, np. zakończenie programu"))
    tab.edit_action = make_action(
        tab, QCoreApplication.translate("ScheduleTab", "&Edytuj…"), "editTaskAction", lambda: tab.edit_task(),
        QCoreApplication.translate("ScheduleTab", "Zmień zaznaczone zadanie (F2 lub dwuklik)"))
    tab.delete_action = make_action(
        tab, QCoreApplication.translate("ScheduleTab", "&Usuń"), "deleteTaskAction", tab.delete_task,
        QCoreApplication.translate("ScheduleTab", "Usuń zaznaczone zadanie (Delete)"))
    tab.undo_action, tab.redo_action = history_actions(tab)
    bar.addActions([tab.add_action, tab.add_milestone_action, tab.edit_action, tab.delete_action])
    bar.addSeparator()
    bar.addActions([tab.undo_action, tab.redo_action])
    bar.addSeparator()
    tab.zoom_group = QActionGroup(tab)
    tab.zoom_group.setExclusive(True)
    tab.zoom_actions: dict[rules.Zoom, QAction] = {}
    for zoom in rules.Zoom:
        label = QCoreApplication.translate(rules.CONTEXT, zoom.label)
        action = make_action(tab, label, f"zoom{zoom.name.title()}Action",
                             lambda _checked=False, z=zoom: tab.set_zoom(z),
                             QCoreApplication.translate("ScheduleTab", "Skala: {zoom}").format(zoom=label.lower()))
        action.setCheckable(True)
        action.setChecked(zoom == tab.chart.zoom)
        tab.zoom_group.addAction(action)
        tab.zoom_actions[zoom] = action
        bar.addAction(action)
    tab.zoom_out_action = make_action(tab, "−", "zoomOutAction", tab.chart.zoom_out,
                                      QCoreApplication.translate("ScheduleTab", "Oddal (Ctrl+−)"))
    tab.zoom_in_action = make_action(tab, "+", "zoomInAction", tab.chart.zoom_in,
                                     QCoreApplication.translate("ScheduleTab", "Przybliż (Ctrl++)"))
    bar.addActions([tab.zoom_out_action, tab.zoom_in_action])
    bar.addSeparator()
    tab.today_action = make_action(tab, QCoreApplication.translate("ScheduleTab", "Dziś"), "todayAction", tab.go_today,
                                   QCoreApplication.translate("ScheduleTab", "Przewiń wykres do dzisiejszej daty"))
    bar.addAction(tab.today_action)
    bar.addSeparator()
    tab.print_button = QToolButton(bar)
    tab.print_button.setObjectName("printScheduleButton")
    tab.print_button.setText(QCoreApplication.translate("ScheduleTab", "&Drukuj…"))
    tab.print_button.setAccessibleName(QCoreApplication.translate("ScheduleTab", "Drukuj harmonogram"))
    tab.print_button.setToolTip(QCoreApplication.translate(
        "ScheduleTab", "Harmonogram jako PDF do druku, A4 poziomo (Ctrl+P); strzałka: A3"))
    tab.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    menu = QMenu(tab.print_button)
    tab.print_a4_action = menu.addAction(QCoreApplication.translate("ScheduleTab", "A4 poziomo"),
                                         lambda: tab.print_current("A4"))
    tab.print_a3_action = menu.addAction(QCoreApplication.translate("ScheduleTab", "A3 poziomo"),
                                         lambda: tab.print_current("A3"))
    tab.print_button.setMenu(menu)
    tab.print_button.clicked.connect(lambda: tab.print_current("A4"))
    bar.addWidget(tab.print_button)
    tab.ics_action = make_action(
        tab, QCoreApplication.translate("ScheduleTab", "&Kalendarz (.ics)…"), "icsAction", tab.export_ics,
        QCoreApplication.translate("ScheduleTab", "Zapisz zadania i wydarzenia do pliku kalendarza (Outlook, "
                                                  "Thunderbird, Google)"))
    bar.addAction(tab.ics_action)
    return bar
