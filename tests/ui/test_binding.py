"""The Qt binding itself: a release that leaks references to None would crash a long working day."""

from __future__ import annotations

import sys


def test_qt_calls_returning_nothing_do_not_leak_none(qapp):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("Łódź")
    assert abs(sys.getrefcount(None) - before) < 100
