"""Heavy work in a second process, so that the window's thread never waits for it.

A thread is not enough for the heaviest work: an XLSX of 100,000 people or the final report build millions of
Python objects, and CPython's garbage collector then stops every thread, the window's too, for 150-270 ms at a
time (measured by ``bench/bench_operations_ui.py``: 690 ms stalls with the export on a thread). A process has
its own interpreter and its own collector.

The operations runner hands a :class:`ProcessCall` (a service function named ``"module:function"``, the
database's URL and plain arguments) to :func:`run`, which blocks the runner's thread (not the window's) until
the child returns. The service receives the database opened in the child as its first argument and, when asked,
a ``progress`` callback that reports to the parent and returns False after Cancel. Results and errors come back
pickled; a ``PalError`` keeps its message, field and parameters (see ``errors.PalError.__reduce__``).

One child serves the whole program and is started on first use ("spawn", as on Windows: never a fork of a
process running Qt threads); the frozen build supports it through ``multiprocessing.freeze_support()``.
"""

from __future__ import annotations

import importlib
import queue as queue_module
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pal_desktop.errors import PalError
from pal_desktop.messages import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ProcessCall:
    """``target(db, *args, progress=…, **kwargs)`` to run in the worker process."""

    target: str
    db: Any
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    progress: bool = False

    def function(self) -> Callable[..., Any]:
        module, name = self.target.split(":")
        return getattr(importlib.import_module(module), name)

    def run_here(self, progress: Callable[[int, int], bool] | None) -> Any:
        """The same call in this process (an in-memory database cannot be reached from another)."""
        extra = {"progress": progress} if self.progress else {}
        return self.function()(self.db, *self.args, **self.kwargs, **extra)


# ---- The parent's side ------------------------------------------------------------------------------------

_lock = threading.Lock()
_pool = None  # a ProcessPoolExecutor; imported on first use (multiprocessing costs the start ~17 ms)
_progress_queue = None
_cancel_event = None


def _ensure_pool():
    global _pool, _progress_queue, _cancel_event
    with _lock:
        if _pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("spawn")
            _progress_queue = context.Queue()
            _cancel_event = context.Event()
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_child_init,
                                        initargs=(_progress_queue, _cancel_event))
        return _pool


def run(call: ProcessCall, progress: Callable[[int, int], bool] | None, *, poll: float = 0.05) -> Any:
    """Run ``call`` in the worker process and wait for it here, passing its progress on and Cancel back."""
    from concurrent.futures.process import BrokenProcessPool

    from pal_desktop.actor import current_actor

    pool = _ensure_pool()
    _cancel_event.clear()
    _drain(None)
    try:
        future = pool.submit(_child_run, call.target, str(call.db.url), current_actor.principal(), call.args,
                             call.kwargs, call.progress)
    except BrokenProcessPool:
        shutdown()
        pool = _ensure_pool()
        future = pool.submit(_child_run, call.target, str(call.db.url), current_actor.principal(), call.args,
                             call.kwargs, call.progress)
    while True:
        try:
            result = future.result(timeout=poll)
            _drain(progress)
            return result
        except TimeoutError:
            if not _drain(progress):
                _cancel_event.set()
        except BrokenProcessPool as exc:
            shutdown()
            raise PalError(QT_TRANSLATE_NOOP(
                "Operations", "Praca w tle zakończyła się nieoczekiwanie (zabrakło pamięci?). Nic nie zostało "
                              "zapisane; spróbuj ponownie.")) from exc


def _drain(progress: Callable[[int, int], bool] | None) -> bool:
    """Pass on what the child reported; False once ``progress`` says stop."""
    keep_going = True
    while True:
        try:
            done, total = _progress_queue.get_nowait()
        except queue_module.Empty:
            return keep_going
        if progress is not None and progress(done, total) is False:
            keep_going = False


def shutdown() -> None:
    """End the worker process (at exit, or after it broke)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        if _cancel_event is not None:
            _cancel_event.set()
        pool.shutdown(wait=False, cancel_futures=True)


# ---- The child's side -------------------------------------------------------------------------------------

_child_queue = None
_child_cancel = None
_child_databases: dict[str, Any] = {}


def _child_init(progress_queue, cancel_event) -> None:
    global _child_queue, _child_cancel
    _child_queue, _child_cancel = progress_queue, cancel_event


def _child_progress(done: int, total: int) -> bool:
    _child_queue.put((done, total))
    return not _child_cancel.is_set()


def _child_run(target: str, url: str, actor, args: tuple, kwargs: dict, with_progress: bool) -> Any:
    from pal_desktop.actor import current_actor
    from pal_desktop.storage.db import Database, create_db_engine

    current_actor.set_for_process(actor)
    db = _child_databases.get(url)
    if db is None:
        db = _child_databases[url] = Database(url, create_db_engine(url))
    extra = {"progress": _child_progress} if with_progress else {}
    module, name = target.split(":")
    return getattr(importlib.import_module(module), name)(db, *args, **kwargs, **extra)
