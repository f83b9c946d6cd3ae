"""The staff's texts for a report, written in the app: the assessment of each goal and result, conclusions and
recommendations, kept per programme and kind of report, with a version so that two people editing at once
do not overwrite each other."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.access_control import require
from pal_desktop.services.conflicts import refuse_stale
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import ReportDraft

FINAL = "final"
#: A text longer than this is surely pasted by mistake (the whole report is a few pages).
MAX_TEXT = 20000


@dataclass(frozen=True)
class Draft:
    texts: dict
    #: None while nothing has been saved.
    version: int | None


@dataclass(frozen=True)
class _Stored:
    """The draft as the form loaded it, for conflicts.refuse_stale."""

    narratives: str
    version: int | None


def get_draft(db: Database, programme_id: int, kind: str = FINAL) -> Draft:
    with db.reading() as session:
        row = session.scalar(select(ReportDraft).where(ReportDraft.programme_id == programme_id,
                                                       ReportDraft.kind == kind))
        if row is None:
            return Draft({}, None)
        return Draft(json.loads(row.narratives or "{}"), row.version)


def save_draft(db: Database, programme_id: int, texts: dict[str, str], base_version: int | None,
               kind: str = FINAL) -> int:
    """Save the texts over the draft loaded at ``base_version``; refused when someone saved since. Returns
    the new version."""
    require(Permission.REPORTS)
    for key, text in texts.items():
        if len(text) > MAX_TEXT:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Tekst jest za długi ({length} znaków, najwyżej {limit})."),
                field=key, length=len(text), limit=MAX_TEXT)
    cleaned = {key: text.strip() for key, text in sorted(texts.items())}
    with db.session() as session:
        row = session.scalar(select(ReportDraft).where(ReportDraft.programme_id == programme_id,
                                                       ReportDraft.kind == kind))
        mine = _Stored(json.dumps(cleaned, ensure_ascii=False), None)
        # A form that loaded no draft has version 0: any draft saved since is then newer than it.
        base = _Stored("{}" if base_version is None else row.narratives if row is not None else "{}",
                       base_version or 0)
        stored = _Stored(row.narratives, row.version) if row is not None else _Stored("{}", 0)
        refuse_stale(stored, base, mine, {"narratives": "Teksty raportu"}, shown={"narratives": _changed_texts})
        if row is None:
            row = ReportDraft(programme_id=programme_id, kind=kind, narratives="{}")
            session.add(row)
        row.narratives = json.dumps(cleaned, ensure_ascii=False, sort_keys=True)
        session.flush()
        return row.version


def _changed_texts(value: str) -> str:
    texts = json.loads(value or "{}")
    filled = sum(1 for text in texts.values() if text)
    return f"wypełnione pola: {filled}"


__all__ = ["Draft", "FINAL", "get_draft", "save_draft"]
