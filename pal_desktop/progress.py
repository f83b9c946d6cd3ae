"""How long work reports how far it got, and how it learns that the user pressed Cancel.

A service that may take longer than a frame takes ``progress: ProgressCallback | None``, and calls it as
``progress(done, total)`` after each step; the callback returns False to ask the work to stop. Services call
:func:`report`, which raises :class:`OperationCancelled` in that case, so that the transaction they are in rolls
back and nothing is left half-written. The command line passes no callback, the UI's operations runner one that
moves a progress bar; tests pass their own.

Nothing here knows of Qt: the same services run from the command line, the tests and the window.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from pal_desktop.errors import PalError
from pal_desktop.messages import QT_TRANSLATE_NOOP

ProgressCallback = Callable[[int, int], bool]
"""``progress(done, total) -> keep_going``; ``total`` is 0 when it is not known yet."""

T = TypeVar("T")


class OperationCancelled(PalError):
    """The user stopped the work; whatever it had started was rolled back."""

    context = "Operations"

    def __init__(self, message: str | None = None, /, **params) -> None:
        super().__init__(message or QT_TRANSLATE_NOOP(
            "Operations", "Przerwano na prośbę użytkownika; nic nie zostało zapisane."), **params)


def report(progress: ProgressCallback | None, done: int, total: int) -> None:
    """Tell ``progress`` how far the work got; raise :class:`OperationCancelled` when it says stop."""
    if progress is not None and progress(done, total) is False:
        raise OperationCancelled()


def tracked(items: Iterable[T], progress: ProgressCallback | None, total: int, *, every: int = 1) -> Iterator[T]:
    """Yield ``items``, reporting after each ``every`` of them (and once at the end)."""
    done = 0
    report(progress, 0, total)
    for item in items:
        yield item
        done += 1
        if done % every == 0:
            report(progress, done, total)
    if done % every:
        report(progress, done, total)


def scaled(progress: ProgressCallback | None, start: int, end: int, of: int = 100) -> ProgressCallback | None:
    """A callback for one stage of longer work: its 0..total maps onto start..end of ``of``."""
    if progress is None:
        return None

    def stage(done: int, total: int) -> bool:
        share = done / total if total else 0.0
        return progress(start + round((end - start) * share), of)

    return stage


class CancelToken:
    """A thread-safe flag plus the callback that carries it: what a runner hands to the work it runs."""

    def __init__(self, on_progress: Callable[[int, int], None] | None = None) -> None:
        self._cancelled = threading.Event()
        self.on_progress = on_progress

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def __call__(self, done: int, total: int) -> bool:
        if self.on_progress is not None:
            self.on_progress(done, total)
        return not self._cancelled.is_set()
