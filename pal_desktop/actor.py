"""Who is making the changes: stamped on every row written and on every audit-log entry.

The desktop application has one person at the keyboard, so the login is set once for the whole process
(every thread sees it); tests and batch jobs can still act as someone else inside a context.
"""

from __future__ import annotations

import contextvars
import getpass


class Actor:
    def __init__(self) -> None:
        self._override: contextvars.ContextVar[str | None] = contextvars.ContextVar("pal_actor", default=None)
        self._process = "system"

    def get(self) -> str:
        return self._override.get() or self._process

    def set(self, login: str) -> contextvars.Token:
        """Act as ``login`` in the current context (undo with ``reset``)."""
        return self._override.set(login[:64])

    def reset(self, token: contextvars.Token) -> None:
        self._override.reset(token)

    def set_for_process(self, login: str) -> None:
        self._process = (login or "system")[:64]


current_actor = Actor()


def login_of_this_user(configured: str = "") -> str:
    """The configured login, else the operating-system account name, else "system"."""
    if configured:
        return configured
    try:
        return getpass.getuser() or "system"
    except Exception:  # noqa: BLE001 - no login name on some Windows service accounts
        return "system"
