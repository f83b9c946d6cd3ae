"""Changing the schedule from its tab: dragging a bar, adding, editing and deleting a task, opening an event.

Each change is saved by the service in one transaction, then pushed on the tab's undo stack
(``schedule_undo``) and told in the status bar; a refusal is shown and the tab reloaded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from pal_desktop.domain import schedule as rules
from pal_desktop.errors import PalError
from pal_desktop.ui.models.schedule_model import date_text
from pal_desktop.ui.tabs.schedule_undo import (
    AddTaskCommand,
    DeleteTaskCommand,
    EditTaskCommand,
    MoveTaskCommand,
)

if TYPE_CHECKING:
    from pal_desktop.ui.tabs.schedule_tab import ScheduleTab


def on_dragged(tab: ScheduleTab, task_id: int, start: dt.date, end: dt.date, mode: str) -> None:
    if tab.data is None:
        return
    from pal_desktop.services import schedule
    from pal_desktop.ui.dialogs import error_dialog

    task = tab.data.task(task_id)
    if task is None:
        return
    period = (tab.data.start, tab.data.end)
    new_start, new_end, clamped = rules.clamp_range(start, end, *period, mode)
    edge = QCoreApplication.translate(
        "ScheduleTab", "Zadanie musi się mieścić w okresie programu ({start} – {end}).").format(
        start=date_text(period[0]), end=date_text(period[1]))
    if (new_start, new_end) == (task.start, task.end):
        tab.reload(select_task=task_id)
        if clamped:
            tab.say(QCoreApplication.translate(
                "ScheduleTab", "„{name}” jest już na granicy okresu programu: nie przesunięto.").format(
                name=task.name) + " " + edge)
        return
    try:
        result = schedule.move_task(tab.db, task_id, new_start, new_end, base=task.as_input())
    except PalError as error:
        tab.reload(select_task=task_id)
        error_dialog.show_error(tab, error)
        return
    dates = (date_text(result.start) if task.is_milestone
             else f"{date_text(result.start)} – {date_text(result.end)}")
    command = MoveTaskCommand(tab, tab._ref(task_id), (task.start, task.end), (result.start, result.end),
                              QCoreApplication.translate("ScheduleTab", "przesunięcie „{name}”").format(
                                  name=task.name), task=task.as_input(), version=result.version)
    tab.undo_stack.push(command)
    tab.reload(select_task=task_id)
    message = QCoreApplication.translate("ScheduleTab", "Zapisano: „{name}” — {dates}.").format(
        name=task.name, dates=dates)
    if clamped or result.clamped:
        message += " " + QCoreApplication.translate(
            "ScheduleTab", "Przeciągnięto poza okres programu: daty przycięto do jego granicy.") + " " + edge
    tab.say(message + " " + QCoreApplication.translate("ScheduleTab", "Ctrl+Z cofa zmianę."))


def add_task(tab: ScheduleTab, milestone: bool = False) -> None:
    if tab.data is None:
        return
    from pal_desktop.ui.dialogs.task_dialog import TaskDialog

    def save(data) -> None:
        from pal_desktop.services import schedule

        task_id = schedule.add_task(tab.db, tab.programme_id, data)
        position = max((t.position for t in tab.data.tasks), default=0) + 1
        ref = tab._ref(task_id)
        what = QCoreApplication.translate("ScheduleTab", "dodanie „{name}”").format(name=data.name.strip())
        tab.undo_stack.push(AddTaskCommand(tab, ref, tab.programme_id, data.cleaned(), position, what))
        tab.reload(select_task=task_id)
        tab.say(QCoreApplication.translate("ScheduleTab", "Dodano do harmonogramu: „{name}”.").format(
            name=data.name.strip()))

    tab._open_task_dialog(TaskDialog(period=(tab.data.start, tab.data.end), save=save, milestone=milestone,
                                     parent=tab))


def edit_task(tab: ScheduleTab, task_id: int | None = None) -> None:
    if tab.data is None:
        return
    task = tab.data.task(task_id) if task_id is not None else tab.selected_task()
    if task is None:
        return
    from pal_desktop.ui.dialogs.task_dialog import TaskDialog

    old = task.as_input()

    def save(data) -> None:
        from pal_desktop.services import schedule

        if replace(data, version=old.version).cleaned() == old.cleaned():
            return
        from pal_desktop.ui.dialogs.conflict_dialog import save_resolving_conflicts

        saved = {}

        def attempt(mine, base) -> int:
            saved["mine"], saved["base"] = mine, base  # after a merge, the undo goes back to what was stored
            return schedule.update_task(tab.db, task.id, mine, base=base)

        version = save_resolving_conflicts(tab, attempt, data, old)
        what = QCoreApplication.translate("ScheduleTab", "zmiana „{name}”").format(name=task.name)
        tab.undo_stack.push(EditTaskCommand(tab, tab._ref(task.id), saved["base"], saved["mine"].cleaned(), what,
                                            version=version))
        tab.reload(select_task=task.id)
        tab.say(QCoreApplication.translate("ScheduleTab", "Zapisano zadanie „{name}”.").format(
            name=data.name.strip()))

    tab.select_task(task.id)
    tab._open_task_dialog(TaskDialog(period=(tab.data.start, tab.data.end), save=save, task=old, parent=tab))


def delete_task(tab: ScheduleTab) -> None:
    task = tab.selected_task()
    if task is None or tab.selected_event() is not None:
        return
    from pal_desktop.services import schedule
    from pal_desktop.ui.dialogs import error_dialog, questions

    count = len(task.events)
    title = QCoreApplication.translate("ScheduleTab", "Usunąć zadanie?")
    if count:
        text = QCoreApplication.translate(
            "ScheduleTab", "Do zadania „{name}” przypisano wydarzenia ({count}). Po usunięciu zadania zostaną one "
                           "w ewidencji, ale bez zadania harmonogramu.").format(name=task.name, count=count)
        yes = QCoreApplication.translate("ScheduleTab", "Usuń i odłącz wydarzenia")
    else:
        text = QCoreApplication.translate(
            "ScheduleTab", "Usunąć z harmonogramu zadanie „{name}” ({period})?").format(
            name=task.name, period=task.period)
        yes = QCoreApplication.translate("ScheduleTab", "Usuń zadanie")
    if not questions.ask(tab, title, text, yes=yes, no=QCoreApplication.translate("ScheduleTab", "Anuluj"),
                         informative=QCoreApplication.translate("ScheduleTab", "Ctrl+Z przywraca usunięte zadanie.")):
        return
    try:
        snapshot = schedule.delete_task(tab.db, task.id, detach_events=bool(count))
    except PalError as error:
        error_dialog.show_error(tab, error)
        tab.reload()
        return
    what = QCoreApplication.translate("ScheduleTab", "usunięcie „{name}”").format(name=task.name)
    tab.undo_stack.push(DeleteTaskCommand(tab, tab._ref(task.id), snapshot, what))
    tab.reload()
    tab.say(QCoreApplication.translate("ScheduleTab", "Usunięto zadanie „{name}”. Ctrl+Z przywraca je.").format(
        name=task.name))


def show_event(tab: ScheduleTab, event_id: int) -> None:
    """The event's editor (from the Wydarzenia issue) when present, else a small info window."""
    if tab.db is None:
        return
    from pal_desktop.ui.dialogs import error_dialog

    try:
        from pal_desktop.ui.dialogs.event_dialog import EventDialog
    except ImportError:
        EventDialog = None  # noqa: N806 - a class, or None when the events editor is not installed
    try:
        if EventDialog is not None:
            dialog = EventDialog(tab.db, tab.programme_id, tab, event_id=event_id)
            dialog.sig_saved.connect(lambda _ids, d=dialog: tab._on_event_saved(d))
        else:
            from pal_desktop.services import schedule
            from pal_desktop.ui.dialogs.task_dialog import EventInfoDialog

            dialog = EventInfoDialog(schedule.event_info(tab.db, event_id, tab.today()), tab)
    except PalError as error:
        error_dialog.show_error(tab, error)
        return
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.destroyed.connect(tab._forget_event_dialog)
    tab.event_dialog = dialog
    dialog.open()
