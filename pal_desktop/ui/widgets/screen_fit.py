"""A window's starting size: the size it prefers, cut down to fit the screen it opens on."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

MARGIN = 40


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` x ``height``, or less where its screen's free area (less a margin) is smaller."""
    screen = window.screen()
    if screen is not None:
        available = screen.availableGeometry()
        width, height = min(width, available.width() - MARGIN), min(height, available.height() - MARGIN)
    window.resize(width, height)
