"""What the record tabs do alike: Enter on the list opens the selected record, a dialog opened from the tab
is kept in one of its attributes while it is open, and an error met while building a dialog or showing the
selected record is told to the user."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt

from pal_desktop.errors import PalError
from pal_desktop.ui.dialogs import error_dialog


class EnterOpens:
    """Mixin for a list tab (put it before the tab's base class): Enter or Return on ``self.table`` runs
    ``on_enter`` (by default ``edit_current``). The tab installs itself as the table's event filter."""

    def on_enter(self) -> None:
        self.edit_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.on_enter()
            return True
        return super().eventFilter(watched, event)


def keep_open(tab, dialog, attribute: str = "dialog", on_accepted: Callable | None = None) -> None:
    """Open ``dialog`` (deleted when closed), kept in ``tab.<attribute>`` until it is gone; ``on_accepted(dialog)``
    runs when it is accepted."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_accepted is not None:
        dialog.accepted.connect(lambda d=dialog: on_accepted(d))
    dialog.destroyed.connect(lambda *_: setattr(tab, attribute, None))
    setattr(tab, attribute, dialog)
    dialog.open()


def build_or_report(tab, factory: Callable):
    """``factory()`` (a dialog, usually); None after telling the user the ``PalError`` it raised."""
    try:
        return factory()
    except PalError as err:
        error_dialog.show_error(tab, err)
        return None


def show_selected(tab, record_id: int | None, show: Callable[[int | None], None]) -> None:
    """``show(record_id)`` in the tab's side panel (``show(None)`` without a record or a database); a
    ``PalError`` it raises is told to the user."""
    if record_id is None or tab._db is None:
        show(None)
        return
    build_or_report(tab, lambda: show(record_id))
