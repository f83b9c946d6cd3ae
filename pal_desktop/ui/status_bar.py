"""A message in the main window's status bar, said from any widget inside that window."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QWidget


def show_status(widget: QWidget, text: str, timeout: int = 8000) -> None:
    """Show ``text`` for ``timeout`` ms in the status bar of ``widget``'s window (nothing outside a main window)."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, timeout)
