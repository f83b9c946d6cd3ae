"""Writes refused by role whatever service makes them: the flush hook's check (issue 12).

A *podgląd* writes nothing but its own log entries; cash assistance needs the cash permission; accounts,
settings and programme-level tables need theirs. Sign-in bookkeeping and one's own password change mark
their session ``pal_self_service`` and touch only the signed-in account's row.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from pal_desktop.actor import current_actor
from pal_desktop.domain.permissions import Permission, refusal

#: Tables written as part of some other work (the log itself, scan bookkeeping) need no extra permission.
_FREE = frozenset({"audit_log"})
_TABLE_PERMISSION: dict[str, Permission] = {
    "cash_assistance": Permission.CASH,
    "app_user": Permission.USERS,
    "setting": Permission.SETTINGS,
    "logo_image": Permission.SETTINGS,
    "programme": Permission.PROGRAMME,
    "programme_item": Permission.PROGRAMME,
    "schedule_task": Permission.PROGRAMME,
    "indicator": Permission.PROGRAMME,
    "area_street": Permission.PROGRAMME,
}


def permission_for_table(table: str) -> Permission | None:
    if table in _FREE:
        return None
    return _TABLE_PERMISSION.get(table, Permission.EDIT_REGISTRY)


#: Holding any of these, a principal has something it may write (the flush check says what exactly).
_WRITING = frozenset({Permission.EDIT_REGISTRY, Permission.PROGRAMME, Permission.CASH, Permission.SETTINGS,
                      Permission.USERS, Permission.RESTORE, Permission.ANONYMISE})


def check_can_write() -> None:
    who = current_actor.principal()
    if not who.unrestricted and not (who.permissions & _WRITING):
        raise refusal(Permission.EDIT_REGISTRY, who)


def check_flush(session: Session) -> None:
    who = current_actor.principal()
    if who.unrestricted:
        return
    self_service = session.info.get("pal_self_service")
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = obj.__tablename__
        permission = permission_for_table(table)
        if permission is None or who.may(permission):
            continue
        if table == "app_user" and self_service is not None and getattr(obj, "id", None) == self_service:
            continue
        raise refusal(permission, who)

