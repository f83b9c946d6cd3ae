"""Search-as-you-type reads off the UI thread: the newest request wins (long work goes to ui.operations).

A ``LatestQueryRunner`` has named channels (e.g. "page" and "count"), each with one worker thread, so a slow
count never delays the rows. A channel keeps at most one waiting job: a newer request replaces a waiting one
(typing "kowal" fast runs the search for "kowal", not for "k", "ko", "kow" and "kowa" in turn). Results come
back on the UI thread through a queued signal; the worker never touches widgets.

The services own their sessions, so a job is just a callable: ``reader.submit("page", job, on_done)``.
An in-memory SQLite database exists only in the thread that made it, so for one the reader runs every job
at once on the calling thread (``synchronous=True``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot


@dataclass
class Job:
    """One request: ``run()`` in the worker, then ``on_done(result)`` or ``on_error(exc)`` on the UI thread."""

    run: Callable[[], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None = None
    result: Any = None
    error: BaseException | None = None
    cancelled: bool = field(default=False)


class _Channel:
    def __init__(self, name: str, deliver: Callable[[Job], None]) -> None:
        self.name = name
        self._deliver = deliver
        self._waiting: Job | None = None
        self._condition = threading.Condition()
        self._stopped = False
        self.busy = False
        self._thread = threading.Thread(target=self._loop, name=f"pal-read-{name}", daemon=True)
        self._thread.start()

    def submit(self, job: Job) -> None:
        with self._condition:
            if self._waiting is not None:
                self._waiting.cancelled = True
            self._waiting = job
            self._condition.notify()

    def idle(self) -> bool:
        with self._condition:
            return self._waiting is None and not self.busy

    def stop(self) -> None:
        with self._condition:
            self._stopped = True
            self._waiting = None
            self._condition.notify()

    def join(self, timeout: float) -> None:
        self._thread.join(timeout)

    def _loop(self) -> None:
        while True:
            with self._condition:
                while self._waiting is None and not self._stopped:
                    self._condition.wait()
                if self._stopped:
                    return
                job, self._waiting = self._waiting, None
                self.busy = True
            try:
                job.result = job.run()
            except BaseException as exc:  # noqa: BLE001 - handed to the UI thread
                job.error = exc
            with self._condition:
                self.busy = False
                if self._stopped:
                    return
            self._deliver(job)


class LatestQueryRunner(QObject):
    """Named channels of background reads whose results arrive on the UI thread."""

    sig_delivered = Signal(object)
    """A job finished (emitted from a worker thread, received on the UI thread)."""

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._channels: dict[str, _Channel] = {}
        self._closed = False
        self.sig_delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(lambda *_: self.close())

    def submit(self, channel: str, run: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[BaseException], None] | None = None) -> Job:
        job = Job(run, on_done, on_error)
        if self._closed:
            job.cancelled = True
            return job
        if self.synchronous:
            try:
                job.result = run()
            except BaseException as exc:  # noqa: BLE001 - handled as in the threaded case
                job.error = exc
            self._finish(job)
            return job
        worker = self._channels.get(channel)
        if worker is None:
            worker = self._channels[channel] = _Channel(channel, self._emit)
        worker.submit(job)
        return job

    def idle(self) -> bool:
        """Nothing waiting or running (the tests and the benchmark wait for this)."""
        return all(c.idle() for c in self._channels.values())

    def close(self) -> None:
        """Stop the workers; a query already running finishes, but its result is dropped."""
        if self._closed:
            return
        self._closed = True
        for worker in self._channels.values():
            worker.stop()
        for worker in self._channels.values():
            worker.join(2.0)

    def _emit(self, job: Job) -> None:
        if self._closed:
            return
        try:
            self.sig_delivered.emit(job)
        except RuntimeError:  # the receiving widget is gone
            pass

    @Slot(object)
    def _on_delivered(self, job: Job) -> None:
        if not self._closed:
            self._finish(job)

    @staticmethod
    def _finish(job: Job) -> None:
        if job.error is not None:
            if job.on_error is None:
                raise job.error
            job.on_error(job.error)
        else:
            job.on_done(job.result)


def is_in_memory(db) -> bool:
    """An in-memory SQLite database (visible only to the thread that created it)."""
    url = str(getattr(db, "url", "") or "")
    return ":memory:" in url or url.rstrip("/") in ("sqlite:", "sqlite+pysqlite:")
