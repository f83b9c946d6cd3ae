"""Typing text into widgets as a user does, Polish letters included.

``qtbot.keyClicks`` aborts the whole test run on a non-ASCII character (a Qt 6.12 testlib assertion), so
every test types through ``type_text``: one key press and release per character, carrying the character
as the event's text (the key code is left unknown, as for a character typed with AltGr on a Polish keyboard).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Give ``widget`` the focus and type ``text`` into it, character by character."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
    qtbot.wait(1)


def replace_text(qtbot, widget: QWidget, text: str) -> None:
    """Select everything in a text field (Ctrl+A) and type ``text`` over it."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(qtbot, widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
