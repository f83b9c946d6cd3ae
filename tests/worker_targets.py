"""Service-shaped functions for the worker-process tests (the child imports them by name)."""

from __future__ import annotations

import time

from pal_desktop.progress import report


def slow_steps(db, steps: int, *, progress=None) -> int:
    """Count ``steps`` slowly, reporting each: long enough for a Cancel to arrive midway."""
    for step in range(steps):
        report(progress, step, steps)
        time.sleep(0.01)
    return steps
