"""The limits of the model's columns, and the flush hook that holds every write to them (issue 13, part 3).

``String(n)`` gives a length, ``Text`` a multi-line field (new lines and tabs allowed), ``Numeric(p, s)`` the
largest amount, ``Date`` a plausible range and ``Integer`` PostgreSQL's INTEGER. Services check what a form
typed against these first (``services/input_limits.py``), with the form's own labels; the flush hook is the
last line, so that no service, import or command can hand either database a value it would choke on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from sqlalchemy import BigInteger, Date, Integer, Numeric, String, Text, inspect
from sqlalchemy.orm import Session

from pal_desktop.domain import limits
from pal_desktop.errors import ValidationError

#: Written by the program itself, never typed: the log's rows are checked by their hash chain instead.
_UNCHECKED_TABLES = frozenset({"audit_log"})


@dataclass(frozen=True)
class ColumnRule:
    kind: str  # "text", "amount", "date", "integer"
    limit: int | None = None
    multiline: bool = False
    precision: int = 0
    scale: int = 0
    birth: bool = False


def _rule(column) -> ColumnRule | None:
    kind = column.type
    if isinstance(kind, Text):
        return ColumnRule("text", None, multiline=True)
    if isinstance(kind, String):
        return ColumnRule("text", kind.length)
    if isinstance(kind, Numeric) and not isinstance(kind, Integer) and kind.precision:
        return ColumnRule("amount", precision=kind.precision, scale=kind.scale or 0)
    if isinstance(kind, Date):
        return ColumnRule("date", birth=column.key == "birth_date")
    if isinstance(kind, Integer) and not isinstance(kind, BigInteger):
        return ColumnRule("integer")
    return None


@cache
def column_rules(model: type) -> Mapping[str, ColumnRule]:
    """attribute name -> its rule, for the columns of ``model`` that have one (enums and booleans have not)."""
    rules = {}
    for attribute in inspect(model).column_attrs:
        column = attribute.columns[0]
        if getattr(column.type, "enums", None):  # an Enum is a String underneath, checked by its own type
            continue
        rule = _rule(column)
        if rule is not None:
            rules[attribute.key] = rule
    return rules


def text_limit(model: type, attribute: str) -> int | None:
    """The String(n) length of ``model.attribute`` (None for Text or a column without one)."""
    rule = column_rules(model).get(attribute)
    return rule.limit if rule is not None else None


def check_value(rule: ColumnRule, value, *, field: str, label: str) -> None:
    if rule.kind == "text":
        if isinstance(value, str):
            limits.check_text(value, field=field, label=label, limit=rule.limit, multiline=rule.multiline)
    elif rule.kind == "amount":
        limits.check_amount(value, field=field, label=label, precision=rule.precision, scale=rule.scale)
    elif rule.kind == "date":
        limits.check_date(value, field=field, label=label, birth=rule.birth)
    elif rule.kind == "integer":
        limits.check_integer(value, field=field, label=label)


def value_errors(model: type, values: Iterable[tuple[str, object]], labels: Mapping[str, str] | None = None,
                 attributes: Mapping[str, str] | None = None) -> list[ValidationError]:
    """Every (field, value) that ``model``'s columns could not hold; ``attributes`` maps a field to the
    stored attribute when they are named differently, ``labels`` names the fields (else COLUMN_LABELS)."""
    rules = column_rules(model)
    errors = []
    for field, value in values:
        rule = rules.get((attributes or {}).get(field, field))
        if rule is None:
            continue
        label = (labels or {}).get(field) or limits.COLUMN_LABELS.get(field, field)
        try:
            check_value(rule, value, field=field, label=label)
        except ValidationError as error:
            errors.append(error)
    return errors


def _changed(obj, new: bool) -> Iterable[tuple[str, object]]:
    state = inspect(obj)
    for attribute in state.mapper.column_attrs:
        if new or state.attrs[attribute.key].history.added:
            yield attribute.key, state.attrs[attribute.key].value


def check_flush(session: Session) -> None:
    """Refuse the flush when a new or changed row holds a value its column cannot: the first one found,
    named, before the database sees it (the whole transaction is rolled back)."""
    for objects, new in ((session.new, True), (session.dirty, False)):
        for obj in objects:
            if getattr(obj, "__tablename__", None) in _UNCHECKED_TABLES:
                continue
            errors = value_errors(type(obj), _changed(obj, new))
            if errors:
                raise errors[0]


__all__ = ["ColumnRule", "check_flush", "check_value", "column_rules", "text_limit", "value_errors"]
