"""The schedule's undo history: each change to a task (move, edit, add, delete) as a ``QUndoCommand``.

A command is pushed after the service has saved the change; undoing or redoing it calls the service again
through ``ScheduleTab.run_change``, which shows a failure and reloads the tab.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from pal_desktop.ui.tabs.schedule_tab import ScheduleTab


class TaskRef:
    """A task's id, shared by the undo commands about it (deleting and restoring a task gives it a new id)."""

    __slots__ = ("id",)

    def __init__(self, task_id: int) -> None:
        self.id = task_id


class _TaskCommand(QUndoCommand):
    """A change already saved when pushed (the first ``redo`` does nothing); undo/redo call the service again."""

    def __init__(self, tab: ScheduleTab, ref: TaskRef, text: str) -> None:
        super().__init__(text)
        self.tab = tab
        self.ref = ref
        self._saved = True

    def redo(self) -> None:
        if self._saved:
            self._saved = False
            return
        self.tab.run_change(self.apply, self.ref)

    def undo(self) -> None:
        self.tab.run_change(self.revert, self.ref)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class MoveTaskCommand(_TaskCommand):
    """A drag on the chart. ``task`` is the task as saved by it, ``version`` its version then: undo and redo
    are refused, saying what changed, when someone else has saved the task since."""

    def __init__(self, tab, ref, old: tuple[dt.date, dt.date], new: tuple[dt.date, dt.date], text: str, *,
                 task=None, version: int | None = None) -> None:
        super().__init__(tab, ref, text)
        self.old, self.new = old, new
        self.task, self.version = task, version

    def _base(self, dates: tuple[dt.date, dt.date]):
        if self.task is None:
            return None
        return replace(self.task, start=dates[0], end=dates[1], version=self.version)

    def apply(self) -> None:
        from pal_desktop.services import schedule

        self.version = schedule.move_task(self.tab.db, self.ref.id, *self.new, base=self._base(self.old)).version

    def revert(self) -> None:
        from pal_desktop.services import schedule

        self.version = schedule.move_task(self.tab.db, self.ref.id, *self.old, base=self._base(self.new)).version


class EditTaskCommand(_TaskCommand):
    """A change made in the task editor; undo and redo are refused like a move when the task moved on."""

    def __init__(self, tab, ref, old, new, text: str, *, version: int | None = None) -> None:
        super().__init__(tab, ref, text)
        self.old, self.new, self.version = old, new, version

    def apply(self) -> None:
        from pal_desktop.services import schedule

        self.version = schedule.update_task(self.tab.db, self.ref.id, self.new,
                                            base=replace(self.old, version=self.version))

    def revert(self) -> None:
        from pal_desktop.services import schedule

        self.version = schedule.update_task(self.tab.db, self.ref.id, self.old,
                                            base=replace(self.new, version=self.version))


class AddTaskCommand(_TaskCommand):
    def __init__(self, tab, ref, programme_id: int, data, position: int, text: str) -> None:
        super().__init__(tab, ref, text)
        self.programme_id, self.data, self.position = programme_id, data, position

    def apply(self) -> None:
        from pal_desktop.services import schedule

        self.ref.id = schedule.add_task(self.tab.db, self.programme_id, self.data, position=self.position)

    def revert(self) -> None:
        from pal_desktop.services import schedule

        schedule.delete_task(self.tab.db, self.ref.id, detach_events=True)


class DeleteTaskCommand(_TaskCommand):
    def __init__(self, tab, ref, snapshot, text: str) -> None:
        super().__init__(tab, ref, text)
        self.snapshot = snapshot

    def apply(self) -> None:
        from pal_desktop.services import schedule

        self.snapshot = schedule.delete_task(self.tab.db, self.ref.id, detach_events=True)

    def revert(self) -> None:
        from pal_desktop.services import schedule

        self.ref.id = schedule.restore_task(self.tab.db, self.snapshot)
