"""Small reads and checks the main window needs that no other service offers yet.

Like every service: each function opens its own session and returns plain tuples, never ORM objects.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from pal_desktop.errors import DatabaseError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.storage.db import Database, check_sqlite_file, normalise_url, sqlite_path

NO_VALUE = "—"


def _number_text(value: Decimal | None) -> str:
    if value is None:
        return NO_VALUE
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def indicator_rows(db: Database, programme_id: int) -> list[tuple]:
    """(id, Lp., Wskaźnik, Rodzaj, Jednostka, Wartość docelowa, Osiągnięto, %) of a programme, in document order.

    "Osiągnięto" is measured from the records over the whole programme; "—" where staff assess it themselves.
    Rodzaj is the IndicatorKind (the table says it in the window's language).
    """
    from pal_desktop.services import indicators

    report = indicators.indicator_values(db, programme_id)
    return [(i.id, i.position, i.name, i.kind, i.unit, _number_text(i.target), _number_text(i.value),
             indicators.percent_text(i.percent)) for i in report.indicators]


def check_database_location(text: str) -> str:
    """The database location typed in the settings, trimmed; ValidationError if it cannot be used.

    Empty means "the default file". A file path or ``sqlite:///`` URL must point into an existing folder and,
    if the file exists, to a SQLite database; other URLs must be PostgreSQL. Nothing is created or opened.
    """
    text = text.strip()
    if not text:
        return ""
    try:
        url = normalise_url(text)
        backend = make_url(url).get_backend_name()
    except (ArgumentError, ValueError):
        backend = None
    if backend not in ("sqlite", "postgresql"):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Baza danych” musi zawierać ścieżkę pliku bazy albo adres w postaci "
                          "postgresql://użytkownik:hasło@serwer/baza (wpisano: „{value}”)."),
            field="database_url", value=text)
    path = sqlite_path(url)
    if backend == "sqlite" and path is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Baza danych” musi wskazywać plik; baza w pamięci znika po zamknięciu programu."),
            field="database_url")
    if path is not None:
        try:
            check_sqlite_file(Path(path))
        except DatabaseError as err:
            raise ValidationError(err.message, field="database_url", context=err.context, **err.params) from err
    return text
