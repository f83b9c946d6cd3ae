"""Reading the access log: filtered pages for the viewer and the command line, its check, and its export."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.access_control import require
from pal_desktop.services.access_log import EXPORT, log_access
from pal_desktop.storage import audit_chain
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import AuditEntry

PAGE_SIZE = 200
#: Actions as staff read them; unknown ones are shown as stored.
ACTION_LABELS = {
    "insert": QT_TRANSLATE_NOOP("Audit", "dodanie"),
    "update": QT_TRANSLATE_NOOP("Audit", "zmiana"),
    "delete": QT_TRANSLATE_NOOP("Audit", "usunięcie"),
    "view": QT_TRANSLATE_NOOP("Audit", "otwarcie strony osoby"),
    "print": QT_TRANSLATE_NOOP("Audit", "wydruk"),
    "export": QT_TRANSLATE_NOOP("Audit", "eksport danych"),
    "backup": QT_TRANSLATE_NOOP("Audit", "kopia zapasowa"),
    "screenshot": QT_TRANSLATE_NOOP("Audit", "zrzut ekranu"),
    "bulk": QT_TRANSLATE_NOOP("Audit", "operacja zbiorcza"),
    "scan": QT_TRANSLATE_NOOP("Audit", "wczytanie skanów"),
    "sign_in": QT_TRANSLATE_NOOP("Audit", "zalogowanie"),
    "sign_in_failed": QT_TRANSLATE_NOOP("Audit", "nieudane logowanie"),
    "sign_out": QT_TRANSLATE_NOOP("Audit", "wylogowanie"),
    "lock": QT_TRANSLATE_NOOP("Audit", "blokada ekranu"),
    "anonymise": QT_TRANSLATE_NOOP("Audit", "anonimizacja"),
    "rechain": QT_TRANSLATE_NOOP("Audit", "przeliczenie skrótów dziennika"),
}
BREAK_REASONS = {
    "edited": QT_TRANSLATE_NOOP("Audit", "wpis zmieniono po zapisaniu (jego skrót się nie zgadza)"),
    "removed": QT_TRANSLATE_NOOP("Audit", "wpis poprzedzający usunięto albo podmieniono"),
    "reordered": QT_TRANSLATE_NOOP("Audit", "kolejność wpisów zmieniono"),
    "unaccounted": QT_TRANSLATE_NOOP("Audit", "wpisy zamaskowano poza anonimizacją (więcej zamaskowanych wpisów, "
                                              "niż podają wpisy anonimizacji)"),
}
#: What an entry concerns, in words (the table or the document's key as logged).
WHAT_LABELS = {
    "participant": QT_TRANSLATE_NOOP("Audit", "dane uczestnika"),
    "participant_page": QT_TRANSLATE_NOOP("Audit", "strona uczestnika"),
    "participant_card": QT_TRANSLATE_NOOP("Audit", "karta uczestnika"),
    "person_data_report": QT_TRANSLATE_NOOP("Audit", "informacja o danych (art. 15 RODO)"),
    "information_clause": QT_TRANSLATE_NOOP("Audit", "deklaracja i klauzula informacyjna"),
    "attendance_list": QT_TRANSLATE_NOOP("Audit", "lista obecności"),
    "series_attendance_list": QT_TRANSLATE_NOOP("Audit", "lista obecności cyklu"),
    "attendance": QT_TRANSLATE_NOOP("Audit", "obecność"),
    "enrolment": QT_TRANSLATE_NOOP("Audit", "zapis na zajęcia"),
    "participant_reason": QT_TRANSLATE_NOOP("Audit", "powód objęcia wsparciem"),
    "support_path_item": QT_TRANSLATE_NOOP("Audit", "ścieżka wsparcia"),
    "household_member": QT_TRANSLATE_NOOP("Audit", "członek gospodarstwa domowego"),
    "cash_assistance": QT_TRANSLATE_NOOP("Audit", "pomoc pieniężna"),
    "internship": QT_TRANSLATE_NOOP("Audit", "staż"),
    "participants": QT_TRANSLATE_NOOP("Audit", "eksport uczestników"),
}
EXPORT_COLUMNS = ("Nr", "Data i godzina", "Użytkownik", "Czynność", "Czego dotyczy", "Nr rekordu", "Osoby",
                  "Szczegóły")


@dataclass(frozen=True)
class AuditFilter:
    participant_id: int | None = None
    user: str | None = None
    action: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: dt.datetime  # local time
    actor: str
    action: str
    what: str
    record_id: int | None
    subject_ids: tuple[int, ...]
    details: dict

    @property
    def action_label(self) -> str:
        """Polish (the window translates it in the "Audit" context)."""
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def what_label(self) -> str:
        """Polish, like ``action_label``."""
        return WHAT_LABELS.get(self.what, self.what)

    def details_text(self) -> str:
        return json.dumps(self.details, ensure_ascii=False, sort_keys=True) if self.details else ""

    def as_json(self) -> dict:
        return {"id": self.id, "at": self.at.isoformat(timespec="seconds"), "user": self.actor,
                "action": self.action, "what": self.what, "record_id": self.record_id,
                "participants": list(self.subject_ids), "details": self.details}


def _local_midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min).astimezone().astimezone(dt.UTC)


def _check(flt: AuditFilter) -> None:
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Data „od” jest późniejsza niż data „do”. Popraw zakres dat."), field="date_from")


def _where(statement, flt: AuditFilter):
    _check(flt)
    if flt.participant_id is not None:
        statement = statement.where(AuditEntry.subject_ids.like(f"%,{int(flt.participant_id)},%"))
    if flt.user:
        statement = statement.where(AuditEntry.actor == flt.user.strip())
    if flt.action:
        statement = statement.where(AuditEntry.action == flt.action)
    if flt.date_from:
        statement = statement.where(AuditEntry.at >= _local_midnight_utc(flt.date_from))
    if flt.date_to:
        statement = statement.where(AuditEntry.at < _local_midnight_utc(flt.date_to + dt.timedelta(days=1)))
    return statement


def _local(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().replace(tzinfo=None)


def _line(entry: AuditEntry) -> AuditLine:
    try:
        details = json.loads(entry.changes) if entry.changes else {}
    except ValueError:
        details = {"text": entry.changes}
    return AuditLine(entry.id, _local(entry.at), entry.actor, entry.action, entry.table_name, entry.record_id,
                     tuple(audit_chain.parse_subjects(entry.subject_ids)), details)


def lines_about(db: Database, participant_id: int, limit: int = 2000) -> list[AuditLine]:
    """The entries naming one person, oldest first; for the person's own data report, whose service checks
    the permission (the whole log stays the administrator's)."""
    statement = _where(select(AuditEntry), AuditFilter(participant_id=participant_id)).order_by(
        AuditEntry.id.desc()).limit(limit)
    with db.reading() as session:
        return [_line(entry) for entry in reversed(list(session.scalars(statement)))]


def count_entries(db: Database, flt: AuditFilter = AuditFilter()) -> int:
    require(Permission.AUDIT)
    with db.reading() as session:
        return session.scalar(_where(select(func.count()).select_from(AuditEntry), flt)) or 0


def list_entries(db: Database, flt: AuditFilter = AuditFilter(), *, offset: int = 0,
                 limit: int | None = PAGE_SIZE) -> list[AuditLine]:
    """The newest entries first, one page at a time (the log grows by every opened page)."""
    require(Permission.AUDIT)
    statement = _where(select(AuditEntry), flt).order_by(AuditEntry.id.desc()).offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    with db.reading() as session:
        return [_line(entry) for entry in session.scalars(statement)]


def users_in_log(db: Database) -> list[str]:
    require(Permission.AUDIT)
    with db.reading() as session:
        return list(session.scalars(select(AuditEntry.actor).distinct().order_by(AuditEntry.actor)))


@dataclass(frozen=True)
class Verification:
    entries: int
    last_hash: str
    broken_id: int | None
    reason: str | None

    @property
    def intact(self) -> bool:
        return self.broken_id is None

    def reason_text(self) -> str:
        return BREAK_REASONS[self.reason] if self.reason else ""


def verify_log(db: Database) -> Verification:
    """Check every entry's hash and link, oldest first; the first break is reported."""
    require(Permission.AUDIT)
    with db.reading() as session:
        state = audit_chain.verify(session.connection())
    broken = state.broken
    return Verification(state.entries, state.last_hash, broken.entry_id if broken else None,
                        broken.reason if broken else None)


def export_log(db: Database, path: Path | str, flt: AuditFilter = AuditFilter()) -> int:
    """The filtered log to an XLSX (or CSV) file; the export is itself logged. Returns the row count."""
    require(Permission.AUDIT)
    from pal_desktop.services.participant_export import check_suffix, write_table

    path = Path(path)
    check_suffix(path)
    rows = [[line.id, line.at.strftime("%d.%m.%Y %H:%M:%S"), line.actor, line.action_label, line.what,
             line.record_id, ", ".join(map(str, line.subject_ids)), line.details_text()]
            for line in list_entries(db, flt, limit=None)]
    count = write_table(path, EXPORT_COLUMNS, rows, sheet_title="Dziennik", widths=(8, 20, 16, 22, 24, 10, 20, 60))
    log_access(db, EXPORT, "audit_log", count=count, file=path.name)
    return count


__all__ = ["AuditFilter", "AuditLine", "Verification", "ACTION_LABELS", "PAGE_SIZE", "count_entries",
           "list_entries", "users_in_log", "verify_log", "export_log"]
