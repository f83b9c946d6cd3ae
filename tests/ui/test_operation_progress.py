"""The window's side of the operations runner: the progress strip with its Cancel, and the modal dialog."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from pal_desktop.progress import report
from pal_desktop.ui.operations import State


def _slow(gate: threading.Event, steps: int = 100):
    def work(progress):
        for step in range(steps):
            report(progress, step, steps)
            if step == 10:
                gate.wait(10)
        return "gotowe"
    return work


def test_the_strip_shows_the_running_work_and_cancels_it_without_moving_the_status_bar(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    strip = window.operation_progress
    labels_before = [(w.x(), w.width()) for w in (window.database_label, window.programme_label)]
    assert not strip.isVisible()
    gate = threading.Event()
    operation = window.operations.submit("Eksport listy uczestników", _slow(gate))
    qtbot.waitUntil(lambda: strip.isVisible() and strip.bar.value() == 10, timeout=5000)
    assert strip.label.text() == "Eksport listy uczestników"
    assert [(w.x(), w.width()) for w in (window.database_label, window.programme_label)] == labels_before
    qtbot.mouseClick(strip.cancel_button, Qt.MouseButton.LeftButton)
    assert strip.label.text() == "Przerywanie: Eksport listy uczestników…"
    gate.set()
    qtbot.waitUntil(lambda: not strip.isVisible(), timeout=5000)
    assert operation.state is State.CANCELLED
    assert [(w.x(), w.width()) for w in (window.database_label, window.programme_label)] == labels_before


def test_queued_work_is_counted_in_the_strip(qtbot, window):
    shown = []
    # Connected after the strip: each start records what the strip then says.
    window.operations.sig_started.connect(lambda _op: shown.append(window.operation_progress.label.text()))
    gate = threading.Event()
    first = window.operations.submit("Raport końcowy", _slow(gate))
    qtbot.waitUntil(lambda: first.state is State.RUNNING, timeout=5000)
    window.operations.submit("Karta programu", lambda _p: "ok")
    window.operations.submit("Lista obecności", lambda _p: "ok")
    gate.set()
    qtbot.waitUntil(window.operations.idle, timeout=5000)
    qtbot.waitUntil(lambda: len(shown) == 3, timeout=5000)
    assert shown[1:] == ["Karta programu (w kolejce: 1)", "Lista obecności"]
    qtbot.waitUntil(lambda: not window.operation_progress.isVisible(), timeout=5000)


def test_modal_work_shows_a_progress_dialog_whose_cancel_stops_it(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    gate = threading.Event()
    errors = []
    operation = window.operations.submit("Przywracanie kopii", _slow(gate), on_error=errors.append, modal=True)
    qtbot.waitUntil(lambda: window.operation_progress.dialog is not None
                    and window.operation_progress.dialog.isVisible(), timeout=5000)
    dialog: QProgressDialog = window.operation_progress.dialog
    assert dialog.labelText() == "Przywracanie kopii"
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    [cancel] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Przerwij"]
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(window.operations.idle, timeout=5000)
    assert operation.state is State.CANCELLED and errors == []
    qtbot.waitUntil(lambda: window.operation_progress.dialog is None, timeout=5000)


def test_a_known_error_in_background_work_is_shown_in_polish(qtbot, window, shown_errors):
    from pal_desktop.errors import ValidationError

    def fail(_progress):
        raise ValidationError("W okresie {start} – {end} nie zapisano godzin żadnego wolontariusza.",
                              field="date_from", start="01.01.2021", end="31.01.2021")

    window.operations.submit("Gala wolontariatu", fail)
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=5000)
    assert str(shown_errors[0]) == "W okresie 01.01.2021 – 31.01.2021 nie zapisano godzin żadnego wolontariusza."
    qtbot.waitUntil(lambda: not window.operation_progress.isVisible(), timeout=5000)


def test_closing_the_window_cancels_what_waits(qtbot, window):
    gate = threading.Event()
    running = window.operations.submit("Eksport", _slow(gate))
    waiting = window.operations.submit("Raport", lambda _p: "ok")
    qtbot.waitUntil(lambda: running.state is State.RUNNING, timeout=5000)
    gate.set()
    window.close()
    assert waiting.state is State.CANCELLED
    assert running.state in (State.CANCELLED, State.DONE)
