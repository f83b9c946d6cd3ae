"""Opening the database: URL resolution, engine set-up per backend, sessions and the audit hook.

SQLite (the default, one file in the user's data folder) gets foreign keys, WAL and a busy timeout (a file on
a network share gets the rollback journal instead of WAL, see storage/network_paths.py); PostgreSQL is
reached through psycopg 3 with any ``postgresql://`` URL.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DataError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from pal_desktop import paths
from pal_desktop.errors import ConflictError, DatabaseError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.storage import audit_chain, file_guard, input_guard, write_guard
from pal_desktop.storage.models import AuditEntry, Base, current_actor

SQLITE_HEADER = b"SQLite format 3\x00"
#: How long a writer waits for another PC's or thread's write to finish before it gives up.
BUSY_TIMEOUT_MS = 15_000
#: PostgreSQL: a save waiting behind a row lock gives up after this; a query running away, after the second.
PG_LOCK_TIMEOUT_MS = 15_000
PG_STATEMENT_TIMEOUT_MS = 300_000
#: Tables whose rows are never audited field by field (the log itself, and the bulky binary logos).
UNAUDITED = {"audit_log"}
_log = logging.getLogger(__name__)


def default_url() -> str:
    return "sqlite:///" + paths.default_database_path().as_posix()


def resolve_url(explicit: str | None = None) -> str:
    """The database to use: ``--db``, then ``PAL_DATABASE_URL``, then the local config, then the default."""
    if explicit:
        return normalise_url(explicit)
    from_env = os.environ.get("PAL_DATABASE_URL")
    if from_env:
        return normalise_url(from_env)
    from pal_desktop import config

    configured = config.load().database_url
    if configured and "@" in configured and "://" in configured:
        configured = _move_password_out_of_config(configured)
    return normalise_url(configured) if configured else default_url()


def _move_password_out_of_config(configured: str) -> str:
    """An address saved with its password by an earlier version: the password goes to the credential store
    and out of the file (kept there, and used, only while the PC has no store)."""
    from pal_desktop import config
    from pal_desktop.storage import credentials

    bare = credentials.without_password(configured)
    if bare == configured:
        return configured
    try:
        credentials.remember(configured)
        local = config.load()
        local.database_url = bare
        config.save(local)
    except (DatabaseError, OSError) as exc:
        _log.warning("the database password stays in the settings file: %s", exc)
        return configured
    return bare


def normalise_url(url: str) -> str:
    """Accept a bare file path as SQLite, and route plain ``postgresql://`` through psycopg 3."""
    url = url.strip()
    if "://" not in url:
        return "sqlite:///" + Path(url).expanduser().resolve().as_posix()
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def describe(url: str) -> str:
    """The database location as shown to users, with any password hidden."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def check_sqlite_file(path: Path) -> None:
    """Refuse, without writing a byte, a file that exists but is not a SQLite database (an empty one included)."""
    if not path.exists():
        if not path.parent.exists():
            raise DatabaseError(QT_TRANSLATE_NOOP(
                "Database", "Folder „{folder}” nie istnieje. Utwórz go albo wskaż inne miejsce bazy danych."),
                folder=str(path.parent))
        return
    if path.is_dir():
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "„{path}” jest folderem, a nie plikiem bazy danych. Wskaż plik, np. pal.sqlite3."),
            path=str(path))
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Nie można odczytać pliku „{path}”: {reason}. Sprawdź uprawnienia do pliku."),
            path=str(path), reason=exc.strerror or str(exc)) from exc
    if not header:
        # SQLite would take it for a new database and write a schema into what may be another program's
        # placeholder (or a file truncated by a failed copy).
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Plik „{path}” jest pusty (0 bajtów), a więc nie jest bazą PAL Desktop. Plik pozostał "
                        "nietknięty. Aby utworzyć nową bazę, podaj nazwę pliku, który jeszcze nie istnieje, albo "
                        "usuń ten pusty plik."), path=str(path))
    if header != SQLITE_HEADER:
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Plik „{path}” nie jest bazą danych PAL Desktop (ani żadną bazą SQLite). Plik pozostał "
                        "nietknięty; wskaż właściwy plik bazy albo nowy plik."), path=str(path))


def _configure_sqlite(engine: Engine, *, network: bool = False) -> None:
    # WAL's index lives in shared memory that PCs cannot share over SMB/NFS: a file on a share keeps the
    # rollback journal, which works there as long as one PC at a time uses it (the settings and info say so).
    journal = "DELETE" if network else "WAL"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # pragma: no cover - exercised by every test
        # Let SQLAlchemy, not the driver, open transactions, so that BEGIN is explicit and SAVEPOINTs work.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        try:
            cursor.execute(f"PRAGMA journal_mode = {journal}")
        except sqlite3.OperationalError as exc:  # another PC holds a WAL file open: keep its mode for now
            _log.warning("journal_mode %s not set on %s: %s", journal, engine.url, exc)
        # FULL: in WAL mode NORMAL can lose the last commits on a power cut, and an office PC has no UPS.
        # Its cost (bench/bench_writers.py, one writer): about 90 against 106 saves a second.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # pragma: no cover - exercised by every test
        # A write takes the write lock first: a deferred transaction that reads and then writes cannot wait
        # for the lock (SQLite refuses it at once, as its snapshot may be stale), so two PCs saving at the
        # same moment refused 41-45 % of saves. IMMEDIATE makes the busy timeout a real queue.
        immediate = connection.get_execution_options().get("pal_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_db_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for ``url``; raises DatabaseError with a clear message when it cannot be used."""
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Adres bazy danych „{url}” jest niepoprawny. Podaj ścieżkę pliku albo adres w postaci "
                        "postgresql://użytkownik:hasło@serwer/baza."), url=url) from exc
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Baza danych „{backend}” nie jest obsługiwana. PAL Desktop działa z SQLite i PostgreSQL."),
            backend=backend)
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
    try:
        if backend == "sqlite":
            engine = create_engine(url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            guard = file_guard.watch(engine, path) if path is not None else None  # never a new empty file
            _configure_sqlite(engine, network=guard is not None and guard.network)
        else:
            from pal_desktop.storage import credentials

            engine = create_engine(credentials.with_password(url), echo=echo, pool_pre_ping=True, connect_args={
                "connect_timeout": 10,
                "options": f"-c lock_timeout={PG_LOCK_TIMEOUT_MS} -c statement_timeout={PG_STATEMENT_TIMEOUT_MS}"})
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Brak sterownika dla bazy „{backend}”: {reason}."), backend=backend, reason=str(exc)) from exc
    return engine


def has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def translate_operational_error(exc: Exception, location: str, waited: float | None = None) -> DatabaseError:
    """Turn the driver's words into a message that says what to do (``waited``: seconds spent waiting)."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "lock timeout" in text or "statement timeout" in text:
        return DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Baza „{location}” nie odpowiedziała w czasie: inny użytkownik zapisuje te same dane albo "
                        "serwer jest przeciążony. Nic nie zostało zapisane; spróbuj ponownie za chwilę."),
            location=location)
    if "full" in text or "no space" in text:
        return DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Brak miejsca na dysku dla bazy „{location}”. Zwolnij miejsce i spróbuj ponownie; "
                        "żadne zmiany nie zostały zapisane."), location=location)
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Plik „{location}” nie jest bazą danych PAL Desktop albo jest uszkodzony. Przywróć kopię "
                        "zapasową albo wskaż inny plik."), location=location)
    if "locked" in text or "busy" in text:
        return DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Baza „{location}” jest zajęta: czekano {seconds} s, aż inny komputer lub program skończy "
                        "zapis. Nic nie zostało zapisane; spróbuj ponownie, a jeśli to się powtarza, sprawdź, czy "
                        "któryś program nie zawiesił się z otwartą bazą."),
            location=location, seconds=f"{waited if waited is not None else BUSY_TIMEOUT_MS / 1000:.0f}")
    if "unable to open" in text or "readonly" in text or "read-only" in text or "permission" in text:
        return DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Nie można otworzyć bazy „{location}” do zapisu. Sprawdź, czy folder istnieje i czy "
                        "masz do niego uprawnienia."), location=location)
    if "connection" in text or "could not connect" in text or "password" in text or "does not exist" in text:
        return DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Nie można połączyć się z bazą „{location}”: {reason}. Sprawdź adres serwera, nazwę bazy, "
                        "użytkownika i hasło."), location=location, reason=str(getattr(exc, "orig", exc)).strip())
    return DatabaseError(QT_TRANSLATE_NOOP("Database", "Błąd bazy danych „{location}”: {reason}"),
                         location=location, reason=str(getattr(exc, "orig", exc)).strip())


def translate_data_error(exc: Exception, *, reading: bool = False) -> DatabaseError:
    """A value the database refused (too long, too large, a NUL) said in Polish, without the row: the driver's
    text repeats every parameter of the statement, a PESEL among them. The input checks should have caught it
    first (storage/input_guard.py); this is the last line."""
    if reading:
        return DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Baza nie przyjęła wyszukiwania: jedna z wpisanych wartości zawiera niedozwolony znak albo "
                        "wykracza poza zakres. Popraw ją i spróbuj ponownie."))
    text = str(getattr(exc, "orig", exc)).lower()
    if "too long" in text or "right truncation" in text:
        return DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Baza odmówiła zapisu: jeden z tekstów jest dłuższy, niż pozwala pole. Nic nie zostało "
                        "zapisane; skróć go i spróbuj ponownie."))
    if "nul" in text or "0x00" in text:
        return DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Baza odmówiła zapisu: jeden z tekstów zawiera niedozwolony znak (NUL). Nic nie zostało "
                        "zapisane; wpisz tekst ponownie zamiast go wklejać."))
    if "out of range" in text or "overflow" in text:
        return DatabaseError(QT_TRANSLATE_NOOP(
            "Database", "Baza odmówiła zapisu: jedna z liczb lub dat wykracza poza zakres pola. Nic nie zostało "
                        "zapisane; popraw ją i spróbuj ponownie."))
    return DatabaseError(QT_TRANSLATE_NOOP(
        "Database", "Baza odmówiła zapisu: jedna z wartości nie pasuje do pola. Nic nie zostało zapisane; "
                    "popraw dane i spróbuj ponownie."))


# ---- Sessions and the audit hook -------------------------------------------------------------------


def _json_value(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, bytes):
        return f"<{len(value)} B>"
    return str(value)


def _changes(obj) -> dict:
    state = inspect(obj)
    changed = {}
    for attr in state.mapper.column_attrs:
        if attr.key in {"updated_at", "updated_by", "version", "created_at", "created_by"}:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            changed[attr.key] = [_json_value(old), _json_value(new)]
            if audit_chain.is_sensitive(obj.__tablename__, attr.key):
                changed[attr.key] = [audit_chain.MASK, audit_chain.MASK]
    return changed


@event.listens_for(Session, "before_flush")
def _stamp_and_audit(session: Session, _flush_context, _instances) -> None:
    write_guard.check_flush(session)
    input_guard.check_flush(session)
    actor = current_actor.get()
    pending_audit: list[tuple[object, str, dict]] = []
    for obj in session.new:
        if isinstance(obj, AuditEntry) or obj.__tablename__ in UNAUDITED:
            continue
        if hasattr(obj, "created_by"):
            obj.created_by = actor
            obj.updated_by = actor
        pending_audit.append((obj, "insert", {}))
    for obj in session.dirty:
        if isinstance(obj, AuditEntry) or not session.is_modified(obj, include_collections=False):
            continue
        if hasattr(obj, "updated_by"):
            obj.updated_by = actor
        pending_audit.append((obj, "update", _changes(obj)))
    for obj in session.deleted:
        if isinstance(obj, AuditEntry):
            continue
        pending_audit.append((obj, "delete", {}))
    if pending_audit:
        session.info.setdefault("pal_audit", []).extend(pending_audit)


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, _flush_context) -> None:
    pending = session.info.pop("pal_audit", [])
    if not pending:
        return
    rows = []
    for obj, action, changes in pending:
        record_id = getattr(obj, "id", None)
        rows.append({"actor": current_actor.get(), "action": action, "table_name": obj.__tablename__,
                     "record_id": record_id, "subject_ids": audit_chain.subjects_of(obj),
                     "changes": json.dumps(changes, ensure_ascii=False) if changes else ""})
    # Core insert: adding ORM objects from inside a flush would need another flush.
    audit_chain.append(session.connection(), rows)


#: Engines of the databases opened in this process, so that a command can close them all when it ends.
_open_engines: weakref.WeakSet[Engine] = weakref.WeakSet()


def dispose_all() -> None:
    """Close every connection this process still holds (a command's end, a test's teardown): a connection
    left to the garbage collector is closed at a random moment, and psycopg warns about it."""
    for engine in list(_open_engines):
        engine.dispose()


@dataclass
class Database:
    """An opened database: its URL, engine and session factory."""

    url: str
    engine: Engine

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Writes announce themselves, so that SQLite's BEGIN takes the write lock at once (see _on_begin).
        self._writers = sessionmaker(self.engine.execution_options(pal_write=True), expire_on_commit=False)
        _open_engines.add(self.engine)

    @property
    def location(self) -> str:
        return describe(self.url)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self, *, log_only: bool = False) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back entirely if it raises.

        A role that may change nothing is refused here, before any input is even checked; ``log_only``
        sessions (access-log entries, sign-in bookkeeping) are what such a role may still write."""
        if not log_only:
            write_guard.check_can_write()
        file_guard.check_before_write(self.engine)
        started = time.monotonic()
        try:
            with self._writers() as session, session.begin():
                yield session
        except OperationalError as exc:
            raise translate_operational_error(exc, self.location, time.monotonic() - started) from exc
        except DataError as exc:
            # "from None": the chained driver error would print the statement's parameters in a crash report.
            raise translate_data_error(exc) from None
        except StaleDataError as exc:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "Errors", "Ktoś inny zmienił ten rekord w międzyczasie. Odśwież widok i wprowadź zmianę ponownie; "
                          "nic nie zostało zapisane.")) from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session; nothing is committed."""
        file_guard.check_before_read(self.engine)
        try:
            # Closing ends the transaction without a commit, and keeps loaded values readable (no expiry).
            with self._sessions() as session:
                yield session
        except OperationalError as exc:
            raise translate_operational_error(exc, self.location) from exc
        except DataError as exc:  # a value in the query the database cannot take (the services clean them first)
            raise translate_data_error(exc, reading=True) from None

    def dispose(self) -> None:
        self.engine.dispose()


__all__ = ["Base", "Database", "create_db_engine", "resolve_url", "default_url", "describe"]
