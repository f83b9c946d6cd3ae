"""A push button as the dialogs make them: named for tests and screen readers, never stealing Enter."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget


def action_button(parent: QWidget, name: str, text: str, accessible: str, slot) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setAutoDefault(False)  # Enter belongs to the dialog's default button, not to whichever has focus
    button.clicked.connect(slot)
    return button
