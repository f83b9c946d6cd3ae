"""Which goal of section V and which result of section X an indicator supports: the office chooses them, and
the final report groups the indicators under the goals and results by these links."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from pal_desktop.domain.enums import IndicatorKind, ProgrammeItemKind
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import ConflictError, NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.access_control import require
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Indicator, ProgrammeItem


@dataclass(frozen=True)
class IndicatorLinks:
    kind: IndicatorKind
    goal_item_id: int | None
    result_id: int | None
    #: (programme item id, position, text) of the programme's specific goals.
    goals: tuple[tuple[int, int, str], ...]
    #: (indicator id, name) of the result indicators a product may support (empty for a result indicator).
    results: tuple[tuple[int, str], ...]
    #: The indicator's version when read: a save over a newer one is refused (``expected_version``).
    version: int | None = None


def _indicator(session, indicator_id: int) -> Indicator:
    indicator = session.get(Indicator, indicator_id)
    if indicator is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma wskaźnika o numerze {id}."), id=indicator_id)
    return indicator


def indicator_links(db: Database, indicator_id: int) -> IndicatorLinks:
    with db.reading() as session:
        indicator = _indicator(session, indicator_id)
        goals = tuple(session.execute(select(ProgrammeItem.id, ProgrammeItem.position, ProgrammeItem.text).where(
            ProgrammeItem.programme_id == indicator.programme_id,
            ProgrammeItem.kind == ProgrammeItemKind.SPECIFIC_GOAL).order_by(ProgrammeItem.position)).tuples())
        results = () if indicator.kind == IndicatorKind.RESULT else tuple(session.execute(
            select(Indicator.id, Indicator.name).where(Indicator.programme_id == indicator.programme_id,
                                                       Indicator.kind == IndicatorKind.RESULT)
            .order_by(Indicator.position)).tuples())
        return IndicatorLinks(IndicatorKind(indicator.kind), indicator.goal_item_id, indicator.result_id, goals,
                              results, indicator.version)


#: ``target`` left as it is.
KEEP = object()


def set_indicator_links(db: Database, indicator_id: int, goal_item_id: int | None, result_id: int | None,
                        *, target=KEEP, expected_version: int | None = None) -> None:
    """Tie the indicator to a specific goal (None: the main goal only) and, for a product, to a result; with
    ``target``, set its target in the same transaction. With ``expected_version``, a save over a change someone
    else made since is refused, saying their target."""
    require(Permission.PROGRAMME)
    if target is not KEEP:
        from pal_desktop.services.indicators import checked_target

        target = checked_target(target)
    with db.session() as session:
        indicator = _indicator(session, indicator_id)
        if expected_version is not None and indicator.version != expected_version:
            stored = indicator.target_value
            shown = "—" if stored is None else (f"{stored:f}".rstrip("0").rstrip(".") if "." in f"{stored:f}"
                                                else f"{stored:f}").replace(".", ",")
            raise ConflictError(QT_TRANSLATE_NOOP(
                "Errors", "Ktoś inny zmienił ten wskaźnik, gdy był otwarty u Ciebie (wartość docelowa teraz: "
                          "{target}); nic nie zostało zapisane. Zamknij okno i otwórz wskaźnik ponownie."),
                target=shown)
        if goal_item_id is not None:
            goal = session.get(ProgrammeItem, goal_item_id)
            if (goal is None or goal.programme_id != indicator.programme_id
                    or goal.kind != ProgrammeItemKind.SPECIFIC_GOAL):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Validation", "Pole „Cel szczegółowy”: wybierz cel tego programu."), field="goal_item_id")
        if result_id is not None:
            result = session.get(Indicator, result_id)
            if (result is None or result.programme_id != indicator.programme_id
                    or result.kind != IndicatorKind.RESULT or indicator.kind != IndicatorKind.PRODUCT):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Validation", "Pole „Rezultat”: produkt może wspierać tylko rezultat tego programu."),
                    field="result_id")
        indicator.goal_item_id, indicator.result_id = goal_item_id, result_id
        if target is not KEEP:
            indicator.target_value = target
