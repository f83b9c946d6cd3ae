"""The services' gate: what the signed-in principal may do, refused with a Polish message naming the action.

Every service that reads or writes what a role may not reach calls ``require`` first, so the command line,
the window and the tests are refused alike; the storage flush hook (``storage.write_guard``) refuses writes
to guarded tables whatever service wrote them.
"""

from __future__ import annotations

from pal_desktop.actor import current_actor
from pal_desktop.domain.permissions import Permission, Principal, refusal


def principal() -> Principal:
    return current_actor.principal()


def may(permission: Permission) -> bool:
    return principal().may(permission)


def require(permission: Permission) -> None:
    who = principal()
    if not who.may(permission):
        raise refusal(permission, who)


def may_see_full_pesel(asked: bool) -> bool:
    """A full PESEL only when asked for and allowed; a *podgląd* always sees it masked."""
    return asked and may(Permission.FULL_PESEL)
