"""When an attendance rate is low: the default threshold (the office may set its own, services.attendance)."""

from __future__ import annotations

#: Many funders reimburse a course from 80 % attendance; the office may set another threshold.
DEFAULT_LOW_PERCENT = 80


def is_low(rate: float | None, threshold_percent: int) -> bool:
    """A rate (0..1) under the threshold (in percent); no rate yet is never low."""
    return rate is not None and rate * 100 < threshold_percent
