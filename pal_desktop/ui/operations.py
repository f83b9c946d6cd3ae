"""The one runner for work that writes or takes long: PDFs, exports, imports, backups, restores, the demo.

Shaped like Anki's ``CollectionOp``: the window hands the runner an :class:`Operation` (a title, the work, what
to do with its result or its error); the runner runs operations one at a time on its own thread, first in,
first out, and never drops one. The work receives a progress callback (``progress(done, total)``, returning
False once the user pressed Cancel, see ``pal_desktop.progress``). Results, errors and progress reach the UI thread
through queued signals; the work itself never touches a widget.

Search-as-you-type is different (the newest request should replace a waiting one): that is
``ui.latest_query.LatestQueryRunner``.

An in-memory SQLite database exists only in the thread that made it, so for one the runner runs each operation
at once on the calling thread (``synchronous=True``), still through the same callbacks.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from pal_desktop.progress import CancelToken, OperationCancelled
from pal_desktop.worker_process import ProcessCall

log = logging.getLogger(__name__)

#: Progress reaches the UI at most this often (a service may report thousands of steps a second).
PROGRESS_INTERVAL_S = 0.05


class State(enum.Enum):
    WAITING = "waiting"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(eq=False)
class Operation:
    """One piece of long work: ``work(progress)`` off the UI thread, then ``on_done`` or ``on_error`` on it."""

    title: str
    work: Callable[[Callable[[int, int], bool]], Any]
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    cancellable: bool = True
    #: Block the window while it runs (restore, import): a window-modal progress dialog instead of the status bar.
    modal: bool = False
    #: Heavy work that runs in the worker process instead of ``work`` (see ``pal_desktop.worker_process``).
    process: ProcessCall | None = None
    state: State = State.WAITING
    result: Any = None
    error: BaseException | None = None
    done: int = 0
    total: int = 0
    #: How many operations waited behind this one when it started.
    queued_behind: int = 0
    token: CancelToken = field(default_factory=CancelToken, repr=False)
    _last_emit: float = field(default=0.0, repr=False)

    def cancel(self) -> None:
        if self.cancellable:
            self.token.cancel()

    @property
    def cancel_requested(self) -> bool:
        return self.token.cancelled


class OperationRunner(QObject):
    """Runs operations in order on one worker thread and reports on the UI thread."""

    sig_started = Signal(object)
    sig_progress = Signal(object)
    sig_finished = Signal(object)
    _sig_deliver = Signal(object, str)

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        #: Called for a failure the operation did not handle itself: ``error_handler(operation, error)``.
        self.error_handler: Callable[[Operation, BaseException], None] | None = None
        self._queue: deque[Operation] = deque()
        self._current: Operation | None = None
        self._condition = threading.Condition()
        self._closed = False
        #: Queued or running, or done but with its callbacks not yet run on the UI thread.
        self._unfinished = 0
        self._thread: threading.Thread | None = None
        self._sig_deliver.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    # ---- what the window calls -------------------------------------------------------------------

    def run(self, operation: Operation) -> Operation:
        """Queue ``operation``; it runs after those queued before it."""
        if self._closed:
            operation.state = State.CANCELLED
            return operation
        if self.synchronous:
            self._run_inline(operation)
            return operation
        with self._condition:
            self._unfinished += 1
            self._queue.append(operation)
            self._ensure_thread()
            self._condition.notify()
        return operation

    def submit_heavy(self, title: str, call: ProcessCall, on_done: Callable[[Any], None] | None = None, *,
                     on_error: Callable[[BaseException], None] | None = None, cancellable: bool = True,
                     modal: bool = False) -> Operation:
        """Queue a service call that builds many objects (a big export, the final report): it runs in the worker
        process, so that the garbage collector of its objects never stops the window."""
        return self.run(Operation(title, lambda progress: call.run_here(progress), on_done, on_error,
                                  cancellable=cancellable, modal=modal, process=call))

    def submit(self, title: str, work: Callable[[Callable[[int, int], bool]], Any],
               on_done: Callable[[Any], None] | None = None, *,
               on_error: Callable[[BaseException], None] | None = None,
               cancellable: bool = True, modal: bool = False) -> Operation:
        return self.run(Operation(title, work, on_done, on_error, cancellable=cancellable, modal=modal))

    def pending(self) -> list[Operation]:
        """The running operation (first) and those waiting, in order."""
        with self._condition:
            running = [self._current] if self._current is not None else []
            return running + list(self._queue)

    def idle(self) -> bool:
        """Nothing waits or runs, and every result has reached its callback."""
        with self._condition:
            return self._unfinished == 0

    def cancel_all(self) -> None:
        for operation in self.pending():
            operation.cancel()

    def shutdown(self, timeout: float = 10.0) -> bool:
        """Cancel what waits, ask the running one to stop, wait for it; True if the worker ended in time."""
        with self._condition:
            self._closed = True
            waiting, self._queue = list(self._queue), deque()
            self._unfinished = 0
            running = self._current
            self._condition.notify_all()
        for operation in waiting:
            operation.state = State.CANCELLED
        if running is not None:
            running.cancel()
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    # ---- the worker --------------------------------------------------------------------------------

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._loop, name="pal-operations", daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        while True:
            with self._condition:
                while not self._queue and not self._closed:
                    self._condition.wait()
                if self._closed:
                    return
                operation = self._current = self._queue.popleft()
                operation.queued_behind = len(self._queue)
            self._emit(operation, "started")
            self._execute(operation, lambda done, total, op=operation: self._on_progress(op, done, total))
            with self._condition:
                self._current = None
                closed = self._closed
            if not closed:
                self._emit(operation, "finished")

    def _execute(self, operation: Operation, on_progress: Callable[[int, int], None]) -> None:
        # An in-memory database exists only in this process: its heavy work runs here as well.
        in_worker_process = operation.process is not None and not self.synchronous
        # The same token: a Cancel pressed while the operation waited stops the work at its first report.
        operation.token.on_progress = on_progress
        operation.state = State.RUNNING
        try:
            operation.result = _perform(operation, in_worker_process)
            operation.state = State.DONE
        except OperationCancelled as exc:
            operation.error = exc
            operation.state = State.CANCELLED
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread
            operation.error = exc
            operation.state = State.FAILED

    def _on_progress(self, operation: Operation, done: int, total: int) -> None:
        operation.done, operation.total = done, total
        now = time.monotonic()
        if now - operation._last_emit >= PROGRESS_INTERVAL_S or (total and done >= total):
            operation._last_emit = now
            self._emit(operation, "progress")

    def _emit(self, operation: Operation, what: str) -> None:
        try:
            self._sig_deliver.emit(operation, what)
        except RuntimeError:  # the runner's QObject is gone: the window closed
            pass

    @Slot(object, str)
    def _on_delivered(self, operation: Operation, what: str) -> None:
        if what == "started":
            self.sig_started.emit(operation)
        elif what == "progress":
            self.sig_progress.emit(operation)
        else:
            self._finish(operation)

    def _run_inline(self, operation: Operation) -> None:
        self._current = operation
        self.sig_started.emit(operation)
        self._execute(operation, lambda done, total: self._inline_progress(operation, done, total))
        self._current = None
        self._finish(operation)

    def _inline_progress(self, operation: Operation, done: int, total: int) -> None:
        operation.done, operation.total = done, total
        self.sig_progress.emit(operation)

    def _finish(self, operation: Operation) -> None:
        try:
            if operation.state is State.DONE:
                if operation.on_done is not None:
                    operation.on_done(operation.result)
            elif operation.state is State.FAILED:
                self._fail(operation, operation.error)
        except Exception as exc:  # noqa: BLE001 - a failing callback must not stop the queue
            log.exception("operation callback failed: %s", operation.title)
            self._fail(operation, exc)
        finally:
            if not self.synchronous:
                with self._condition:
                    self._unfinished -= 1
            self.sig_finished.emit(operation)

    def _fail(self, operation: Operation, error: BaseException | None) -> None:
        if error is None:
            return
        if operation.on_error is not None:
            operation.on_error(error)
        elif self.error_handler is not None:
            self.error_handler(operation, error)
        else:
            log.error("operation failed: %s", operation.title, exc_info=error)


def _perform(operation: Operation, in_worker_process: bool) -> Any:
    if in_worker_process:
        from pal_desktop import worker_process

        return worker_process.run(operation.process, operation.token)
    return operation.work(operation.token)


def runner_for(widget, db=None) -> OperationRunner:
    """The runner of ``widget``'s main window, or one of its own for a dialog shown without the window.

    One runner per window keeps its operations in one queue: a second export waits behind the first.
    """
    # Up the parents, past dialogs (each its own window) to the main window.
    owner = widget
    while owner is not None:
        runner = getattr(owner, "operations", None)
        if isinstance(runner, OperationRunner):
            return runner
        owner = owner.parentWidget()
    from pal_desktop.ui.latest_query import is_in_memory

    owner = widget.window()
    runner = OperationRunner(owner, synchronous=db is not None and is_in_memory(db))
    runner.error_handler = show_operation_error
    owner.operations = runner
    owner.destroyed.connect(lambda *_: runner.shutdown(timeout=2.0))
    return runner


def show_operation_error(operation: Operation, error: BaseException) -> None:
    """A failure no one handled: a Polish message for a known error, the crash handler for a bug."""
    import sys

    from PySide6.QtWidgets import QApplication

    from pal_desktop.errors import PalError
    from pal_desktop.messages import QT_TRANSLATE_NOOP
    from pal_desktop.ui.dialogs import error_dialog

    parent = QApplication.activeWindow()
    if isinstance(error, OSError):
        error = PalError(QT_TRANSLATE_NOOP("Operations", "„{title}”: nie udało się zapisać ani odczytać pliku "
                                                         "({reason}). Sprawdź miejsce na dysku i uprawnienia."),
                         context="Operations", title=operation.title, reason=error.strerror or str(error))
    if isinstance(error, PalError):
        error_dialog.show_error(parent, error)
        return
    log.error("operation failed: %s", operation.title, exc_info=error)
    sys.excepthook(type(error), error, error.__traceback__)
