"""Who may do what: the roles of issue 12 and the permissions each grants.

Qt-free and storage-free, so that the services (which refuse), the storage flush hook (which refuses writes
to guarded tables) and the window (which disables what is refused) read the same table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from pal_desktop.domain.enums import UserRole
from pal_desktop.errors import PermissionDeniedError
from pal_desktop.messages import QT_TRANSLATE_NOOP


class Permission(StrEnum):
    VIEW = "view"
    EDIT_REGISTRY = "edit_registry"      # participants, households, events, attendance, volunteers, internships
    PROGRAMME = "programme"              # programme card, schedule, goals and indicators
    PRINT_PERSONAL = "print_personal"    # attendance lists, participant cards, volunteer documents
    REPORTS = "reports"                  # monitoring and final reports
    EXPORT = "export"                    # XLSX/CSV/EU data sets, calendars
    CASH = "cash"                        # cash-assistance records (read and write)
    FULL_PESEL = "full_pesel"            # unmasked PESEL on screen
    BACKUP = "backup"                    # backups hold every record
    RESTORE = "restore"
    SETTINGS = "settings"
    USERS = "users"
    AUDIT = "audit"
    ANONYMISE = "anonymise"


#: What each permission is about, for "Twoja rola nie pozwala: …" messages and tooltips.
PERMISSION_LABELS: dict[Permission, str] = {
    Permission.VIEW: QT_TRANSLATE_NOOP("Permissions", "przeglądanie danych"),
    Permission.EDIT_REGISTRY: QT_TRANSLATE_NOOP("Permissions", "zmiany w rejestrze uczestników, wydarzeń i wolontariuszy"),
    Permission.PROGRAMME: QT_TRANSLATE_NOOP("Permissions", "zmiany programu, harmonogramu i wskaźników"),
    Permission.PRINT_PERSONAL: QT_TRANSLATE_NOOP("Permissions", "drukowanie dokumentów z danymi osobowymi"),
    Permission.REPORTS: QT_TRANSLATE_NOOP("Permissions", "sprawozdania z realizacji programu"),
    Permission.EXPORT: QT_TRANSLATE_NOOP("Permissions", "eksport danych do pliku"),
    Permission.CASH: QT_TRANSLATE_NOOP("Permissions", "dostęp do pomocy pieniężnej"),
    Permission.FULL_PESEL: QT_TRANSLATE_NOOP("Permissions", "wyświetlanie pełnego numeru PESEL"),
    Permission.BACKUP: QT_TRANSLATE_NOOP("Permissions", "kopie zapasowe bazy danych"),
    Permission.RESTORE: QT_TRANSLATE_NOOP("Permissions", "przywracanie bazy danych z kopii"),
    Permission.SETTINGS: QT_TRANSLATE_NOOP("Permissions", "ustawienia programu i danych organizacji"),
    Permission.USERS: QT_TRANSLATE_NOOP("Permissions", "zarządzanie kontami użytkowników"),
    Permission.AUDIT: QT_TRANSLATE_NOOP("Permissions", "dziennik dostępu"),
    Permission.ANONYMISE: QT_TRANSLATE_NOOP("Permissions", "anonimizacja danych uczestników"),
}

_STAFF = frozenset({Permission.VIEW, Permission.EDIT_REGISTRY, Permission.PRINT_PERSONAL, Permission.FULL_PESEL})
_COORDINATOR = _STAFF | {Permission.PROGRAMME, Permission.REPORTS, Permission.EXPORT, Permission.CASH,
                         Permission.BACKUP}

#: The administrator can do everything: in a small office the one who sets the program up also runs it;
#: an office that separates the duties gives IT the administrator and its staff the other roles.
ROLE_PERMISSIONS: dict[UserRole, frozenset[Permission]] = {
    UserRole.ADMIN: frozenset(Permission),
    UserRole.COORDINATOR: _COORDINATOR,
    UserRole.STAFF: _STAFF,
    UserRole.READER: frozenset({Permission.VIEW}),
}


def permissions_for(role: UserRole, cash: bool = False) -> frozenset[Permission]:
    """A *pracownik* reaches cash assistance only with the separate permission *pomoc pieniężna*."""
    granted = ROLE_PERMISSIONS[role]
    if cash and role is UserRole.STAFF:
        granted = granted | {Permission.CASH}
    return granted


@dataclass(frozen=True)
class Principal:
    """The signed-in person as the services see it."""

    login: str
    role: UserRole | None = None
    permissions: frozenset[Permission] = field(default_factory=frozenset)
    full_name: str = ""
    #: Set-up and batch work on a database without accounts (init, demo, tests): every permission.
    unrestricted: bool = False

    def may(self, permission: Permission) -> bool:
        return self.unrestricted or permission in self.permissions

    @classmethod
    def signed_in(cls, login: str, role: UserRole, cash: bool, full_name: str = "") -> Principal:
        return cls(login=login, role=role, permissions=permissions_for(role, cash), full_name=full_name)

    @classmethod
    def nobody(cls) -> Principal:
        """After sign-out, before the next sign-in: may do nothing."""
        return cls(login="-")

    @classmethod
    def system(cls, login: str = "system") -> Principal:
        return cls(login=login, unrestricted=True, permissions=frozenset(Permission))


def refusal(permission: Permission, who: Principal) -> PermissionDeniedError:
    role = who.role.label if who.role is not None else ""
    return PermissionDeniedError(
        QT_TRANSLATE_NOOP("Permissions", "Twoja rola ({role}) nie pozwala na: {action}. Poproś o to "
                                         "koordynatora albo administratora."),
        role=role, action=PERMISSION_LABELS[permission])
