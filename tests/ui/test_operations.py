"""The operations runner, driven without widgets: order, errors, cancel, shutdown, progress."""

from __future__ import annotations

import threading

import pytest

from pal_desktop.errors import PalError
from pal_desktop.progress import OperationCancelled, report, scaled, tracked
from pal_desktop.ui.operations import Operation, OperationRunner, State


@pytest.fixture
def runner(qtbot):
    runner = OperationRunner()
    yield runner
    runner.shutdown()


def test_operations_run_first_in_first_out_and_none_is_dropped(qtbot, runner):
    gate = threading.Event()
    ran, delivered = [], []

    def work(name):
        def run(_progress):
            if name == "first":
                gate.wait(5)
            ran.append(name)
            return name.upper()
        return run

    names = ["first", "second", "third", "fourth"]
    for name in names:
        runner.submit(name, work(name), delivered.append)
    # Four queued while the first blocks: a latest-wins reader would have kept only the last.
    assert [op.title for op in runner.pending()] == names
    gate.set()
    qtbot.waitUntil(runner.idle, timeout=5000)
    qtbot.waitUntil(lambda: len(delivered) == 4, timeout=5000)
    assert ran == names
    assert delivered == ["FIRST", "SECOND", "THIRD", "FOURTH"]


def test_results_and_errors_arrive_on_the_ui_thread(qtbot, runner):
    ui_thread = threading.get_ident()
    seen = {}

    def fail(_progress):
        seen["work_thread"] = threading.get_ident()
        raise PalError("Plik „{name}” nie istnieje.", name="lista.xlsx")

    errors = []
    runner.submit("import", fail, on_error=lambda exc: (errors.append(exc), seen.update(cb=threading.get_ident())))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert seen["work_thread"] != ui_thread
    assert seen["cb"] == ui_thread
    assert str(errors[0]) == "Plik „lista.xlsx” nie istnieje."


def test_an_unhandled_error_goes_to_the_error_handler_and_the_queue_goes_on(qtbot, runner):
    handled, results = [], []
    runner.error_handler = lambda op, exc: handled.append((op.title, type(exc).__name__))
    runner.submit("broken", lambda _p: 1 / 0)
    runner.submit("fine", lambda _p: 42, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert handled == [("broken", "ZeroDivisionError")]
    assert results == [42]


def test_a_failing_success_callback_is_reported_not_swallowed(qtbot, runner):
    handled = []
    runner.error_handler = lambda op, exc: handled.append(str(exc))
    runner.submit("pdf", lambda _p: b"%PDF", lambda _r: (_ for _ in ()).throw(OSError("dysk pełny")))
    qtbot.waitUntil(lambda: bool(handled), timeout=5000)
    assert handled == ["dysk pełny"]


def test_cancel_stops_the_work_at_its_next_report(qtbot, runner):
    started = threading.Event()
    steps = []

    def long_work(progress):
        for step in range(1000):
            if step == 1:
                started.set()
            steps.append(step)
            report(progress, step, 1000)
            threading.Event().wait(0.005)
        return "finished"

    done, errors = [], []
    operation = runner.submit("eksport", long_work, done.append, on_error=errors.append)
    assert started.wait(5)
    operation.cancel()
    qtbot.waitUntil(runner.idle, timeout=5000)
    assert operation.state is State.CANCELLED
    assert isinstance(operation.error, OperationCancelled)
    assert done == [] and errors == []  # a cancel is no error to show
    assert len(steps) < 1000


def test_cancel_before_start_means_the_work_stops_at_once(qtbot, runner):
    gate = threading.Event()
    runner.submit("first", lambda _p: gate.wait(5))
    reported = []

    def second(progress):
        reported.append("ran")
        report(progress, 0, 10)
        reported.append("went on")

    waiting = runner.submit("second", second)
    waiting.cancel()
    gate.set()
    qtbot.waitUntil(runner.idle, timeout=5000)
    assert waiting.state is State.CANCELLED
    assert reported == ["ran"]


def test_an_operation_that_cannot_be_cancelled_ignores_cancel(qtbot, runner):
    def work(progress):
        report(progress, 1, 2)
        return "ok"

    results = []
    op = runner.run(Operation("kopia", work, results.append, cancellable=False))
    op.cancel()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == ["ok"]


def test_progress_is_reported_in_order_and_throttled(qtbot, runner):
    seen = []
    runner.sig_progress.connect(lambda op: seen.append((op.done, op.total)))

    def work(progress):
        for step in range(1, 2001):
            report(progress, step, 2000)

    runner.submit("raport", work)
    qtbot.waitUntil(runner.idle, timeout=5000)
    qtbot.waitUntil(lambda: bool(seen) and seen[-1] == (2000, 2000), timeout=5000)
    assert len(seen) < 200  # 2000 steps reach the UI as a few updates
    assert seen == sorted(seen)


def test_shutdown_cancels_what_waits_and_stops_the_running_one(qtbot):
    runner = OperationRunner()
    started = threading.Event()

    def running(progress):
        started.set()
        for step in range(10_000):
            report(progress, step, 10_000)
            threading.Event().wait(0.001)

    first = runner.submit("first", running)
    queued = [runner.submit(f"queued {n}", lambda _p: pytest.fail("must not run")) for n in range(3)]
    assert started.wait(5)
    assert runner.shutdown(timeout=5)
    assert first.state is State.CANCELLED
    assert all(op.state is State.CANCELLED for op in queued)
    late = runner.submit("after", lambda _p: pytest.fail("must not run"))
    assert late.state is State.CANCELLED


def test_synchronous_runner_runs_at_once_through_the_same_callbacks(qtbot):
    runner = OperationRunner(synchronous=True)
    finished = []
    runner.sig_finished.connect(lambda op: finished.append(op.state))
    results = []
    runner.submit("in memory", lambda progress: (report(progress, 1, 1), "ok")[1], results.append)
    assert results == ["ok"]
    assert finished == [State.DONE]


def test_progress_helpers_for_services():
    calls = []

    def keep(done, total):
        calls.append((done, total))
        return True

    assert list(tracked(range(5), keep, 5, every=2)) == [0, 1, 2, 3, 4]
    assert calls == [(0, 5), (2, 5), (4, 5), (5, 5)]
    calls.clear()
    stage = scaled(keep, 50, 100)
    stage(1, 2)
    assert calls == [(75, 100)]
    with pytest.raises(OperationCancelled):
        report(lambda d, t: False, 1, 2)
    report(None, 1, 2)  # no callback: the command line
