"""Progress of long commands in the terminal."""

from __future__ import annotations

import sys
import time


class TerminalProgress:
    """A one-line progress bar on stderr (plain lines when stderr is not a terminal)."""

    WIDTH = 30

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.interactive = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.stage = None
        self.started = time.perf_counter()
        self.last_plain = -1

    def __call__(self, stage: str, done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        if stage != self.stage:
            if self.stage is not None and self.interactive:
                self.stream.write("\n")
            self.stage = stage
            self.last_plain = -1
        filled = int(self.WIDTH * fraction)
        bar = "█" * filled + "░" * (self.WIDTH - filled)
        line = f"{stage:<28} [{bar}] {fraction:6.1%}  {done}/{total}"
        if self.interactive:
            self.stream.write("\r" + line)
        else:
            decile = int(fraction * 10)
            if decile == self.last_plain:
                return
            self.last_plain = decile
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.interactive and self.stage is not None:
            self.stream.write("\n")
        self.stream.flush()
