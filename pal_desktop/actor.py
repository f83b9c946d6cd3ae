"""Who is making the changes: stamped on every row written and on every audit-log entry, and what they may do.

The desktop application has one person at the keyboard, so the signed-in principal is set once for the whole
process (every thread sees it); tests and batch jobs can still act as someone else inside a context. Until
somebody signs in, the process acts as an unrestricted "system" principal: that is set-up on a database
without accounts (init, demo, the first administrator). The window and the command line sign in as soon as
the database has accounts.
"""

from __future__ import annotations

import contextvars
import getpass

from pal_desktop.domain.permissions import Principal


class Actor:
    def __init__(self) -> None:
        self._override: contextvars.ContextVar[Principal | None] = contextvars.ContextVar("pal_actor",
                                                                                          default=None)
        self._process = Principal.system()

    def get(self) -> str:
        """The login stamped on rows and log entries."""
        return self.principal().login

    def principal(self) -> Principal:
        return self._override.get() or self._process

    def set(self, who: str | Principal) -> contextvars.Token:
        """Act as ``who`` in the current context (undo with ``reset``); a bare login acts unrestricted."""
        principal = who if isinstance(who, Principal) else Principal.system(who[:64])
        return self._override.set(principal)

    def reset(self, token: contextvars.Token) -> None:
        self._override.reset(token)

    def set_for_process(self, who: str | Principal) -> None:
        self._process = who if isinstance(who, Principal) else Principal.system((who or "system")[:64])


current_actor = Actor()


def login_of_this_user(configured: str = "") -> str:
    """The configured login, else the operating-system account name, else "system"."""
    if configured:
        return configured
    try:
        return getpass.getuser() or "system"
    except Exception:  # noqa: BLE001 - no login name on some Windows service accounts
        return "system"
