"""The final report (raport końcowy, section XIV): its figures against the goals, printing it as a kept
version, and printing a kept version again exactly as it was.

Small counts of people are suppressed by default (the report leaves the office); a print without that is for
internal use and is logged in the access log.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace

from sqlalchemy import func, select

from pal_desktop.actor import current_actor
from pal_desktop.domain.enums import IndicatorKind, ProgrammeItemKind
from pal_desktop.domain.permissions import Permission
from pal_desktop.domain.suppression import count_text
from pal_desktop.errors import NotFoundError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.access_control import require
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Indicator, Programme, ProgrammeItem, ReportVersion

KIND = "final"


@dataclass(frozen=True)
class VersionSummary:
    number: int
    printed_at: dt.datetime
    printed_by: str
    date_from: dt.date
    date_to: dt.date
    suppressed: bool


def _programme_id(db: Database, programme_id: int | None) -> int:
    if programme_id is not None:
        return programme_id
    from pal_desktop.services import programmes

    active = programmes.active_programme(db)
    if active is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma programu o numerze {id}."), id="—")
    return active.id


def final_report_data(db: Database, programme_id: int | None = None, *, suppress: bool = True,
                      today: dt.date | None = None):
    """The report's figures over the whole programme, with the staff's saved texts (reports.final_report)."""
    require(Permission.REPORTS)
    from pal_desktop.reports.final_report import (
        TITLE,
        FinalReportData,
        GoalSection,
        IndicatorRow,
        ResultSection,
        ScheduleRow,
    )
    from pal_desktop.reports.styles import DocumentHeader
    from pal_desktop.services.formatting import format_date, format_money
    from pal_desktop.services.indicators import indicator_values, number_text, percent_text
    from pal_desktop.services.report_drafts import get_draft
    from pal_desktop.services.report_figures import schedule_figures, volunteer_figures
    from pal_desktop.services.report_people import age_rows, people_rows
    from pal_desktop.services.reports import document_header

    programme_id = _programme_id(db, programme_id)
    today = today or dt.date.today()
    report = indicator_values(db, programme_id)
    start, end = report.date_from, report.date_to
    with db.reading() as session:
        programme = session.get(Programme, programme_id)
        header = DocumentHeader(**document_header(db, programme))
        goals = session.execute(select(ProgrammeItem.id, ProgrammeItem.position, ProgrammeItem.text).where(
            ProgrammeItem.programme_id == programme_id, ProgrammeItem.kind == ProgrammeItemKind.SPECIFIC_GOAL)
            .order_by(ProgrammeItem.position)).all()
        links = {row.id: (row.goal_item_id, row.result_id) for row in session.execute(
            select(Indicator.id, Indicator.goal_item_id, Indicator.result_id)
            .where(Indicator.programme_id == programme_id))}
        title, subtitle, main_goal = programme.title, programme.subtitle, programme.main_goal
        programme_period = f"{format_date(programme.start_date)} – {format_date(programme.end_date)}"
        period_name = programme.funding_period.value if programme.funding_period else "2021-2027"

    def row(indicator) -> IndicatorRow:
        value = indicator.value
        if indicator.measure == "internships" and value is not None:  # people: a small count is suppressed
            shown = count_text(int(value), suppress)
        else:
            shown = number_text(value) if value is not None else "ocena opisowa"
        return IndicatorRow(indicator.name, indicator.unit, number_text(indicator.target), shown,
                            percent_text(indicator.percent) if shown[:1].isdigit() else "")

    indicators = report.indicators
    people = report.people.figures
    main = GoalSection("goal:main", "Cel główny", main_goal, [
        IndicatorRow("Osoby objęte wsparciem", "os.", "—", count_text(people.covered.total, suppress), ""),
        IndicatorRow("Osoby, które zakończyły udział zgodnie ze ścieżką", "os.", "—",
                     count_text(people.completed_as_planned.total, suppress), "")]
        + [row(i) for i in indicators if links[i.id][0] is None])
    specific = [GoalSection(f"goal:{goal.id}", f"Cel szczegółowy {goal.position}", goal.text,
                            [row(i) for i in indicators if links[i.id][0] == goal.id]) for goal in goals]
    results = []
    for result in (i for i in indicators if i.kind == IndicatorKind.RESULT):
        evidence = []
        if result.value is not None:
            line = row(result)
            evidence.append(f"Wartość wskaźnika: {line.value} {line.unit}".rstrip()
                            + (f" (wartość docelowa {line.target}, {line.percent})" if line.percent else ""))
        for product in (i for i in indicators if links[i.id][1] == result.id):
            line = row(product)
            evidence.append(f"{line.name}: {line.value} {line.unit}".rstrip()
                            + (f" z {line.target} zakładanych ({line.percent})" if line.percent
                               else f" (wartość docelowa {line.target})" if line.target != "—" else ""))
        results.append(ResultSection(f"result:{result.id}", result.name, evidence))
    products = [row(i) for i in indicators if i.kind == IndicatorKind.PRODUCT]

    schedule = schedule_figures(db, programme_id, start, end, today)

    def dash(count: int) -> str:
        return str(count) if count else "—"

    tasks = [ScheduleRow(str(t.position) if t.task_id is not None else "", t.name,
                         "" if t.start is None else format_date(t.end) if t.is_milestone
                         else f"{format_date(t.start)} – {format_date(t.end)}",
                         str(t.planned_in_programme) if t.planned_in_programme is not None else "—",
                         str(t.held), dash(t.overdue), dash(t.upcoming)) for t in schedule.tasks]
    planned = sum(t.planned_in_programme or 0 for t in schedule.tasks)
    tasks.append(ScheduleRow("", "Razem", "", str(planned) if planned else "—", str(schedule.held),
                             dash(schedule.overdue), dash(schedule.upcoming)))

    volunteers = volunteer_figures(db, programme_id, start, end, report.hour_rate)
    volunteer_lines = [("Godziny pracy wolontariuszy", number_text(volunteers.hours)),
                       ("Wolontariusze, którzy przepracowali godziny", count_text(volunteers.volunteers, suppress))]
    if volunteers.hour_rate is not None:
        volunteer_lines += [("Stawka za godzinę pracy wolontariusza", format_money(volunteers.hour_rate)),
                            ("Wartość pracy wolontariuszy (wkład własny)", format_money(volunteers.value))]
    data = FinalReportData(
        header=header, title=TITLE, subtitle=" ".join(p for p in (title, f"„{subtitle}”" if subtitle else "") if p),
        period=f"{format_date(start)} – {format_date(end)}", programme_period=programme_period,
        printed_on=format_date(today), suppressed=suppress, main_goal=main, goals=specific, results=results,
        products=products, schedule=tasks, people=people_rows(people, suppress),
        age_heading=f"Wiek w chwili przystąpienia (przedziały {period_name})", ages=age_rows(people, suppress),
        volunteers=volunteer_lines)
    return data.with_narratives(get_draft(db, programme_id, KIND).texts)


def print_final_report(db: Database, programme_id: int | None = None, *, suppress: bool = True,
                       today: dt.date | None = None, progress=None) -> bytes:
    """The final report as a PDF, kept as the next version (figures and texts as printed)."""
    from pal_desktop.reports.final_report import render_final_report
    from pal_desktop.services.formatting import format_date

    require(Permission.REPORTS)
    programme_id = _programme_id(db, programme_id)
    data = final_report_data(db, programme_id, suppress=suppress, today=today)
    if progress is not None:
        progress(1, 3)
    with db.reading() as session:
        programme = session.get(Programme, programme_id)
        start, end = programme.start_date, programme.end_date
        number = (session.scalar(select(func.max(ReportVersion.number)).where(
            ReportVersion.programme_id == programme_id, ReportVersion.kind == KIND)) or 0) + 1
    printed_at = dt.datetime.now(dt.UTC)
    actor = current_actor.get()
    data = replace(data, printed_by=actor, version=f"wersja {number} z dnia {format_date(today or printed_at.date())}")
    content = render_final_report(data)
    if progress is not None:
        progress(2, 3)
    with db.session() as session:
        session.add(ReportVersion(programme_id=programme_id, kind=KIND, number=number, date_from=start,
                                  date_to=end, printed_at=printed_at, printed_by=actor, suppressed=suppress,
                                  figures=data.to_json(),
                                  narratives=json.dumps(data.narratives(), ensure_ascii=False, sort_keys=True)))
    if not suppress:
        _log_unsuppressed(db, programme_id, number)
    return content


def reprint_final_report(db: Database, number: int, programme_id: int | None = None, *, progress=None) -> bytes:
    """A kept version printed again: the same figures, texts, date and author as when first printed."""
    from pal_desktop.reports.final_report import FinalReportData, render_final_report

    require(Permission.REPORTS)
    programme_id = _programme_id(db, programme_id)
    with db.reading() as session:
        version = session.scalar(select(ReportVersion).where(
            ReportVersion.programme_id == programme_id, ReportVersion.kind == KIND, ReportVersion.number == number))
        if version is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma wersji {id} raportu końcowego tego programu."),
                                id=number)
        figures, narratives, suppressed = version.figures, version.narratives, version.suppressed
    data = FinalReportData.from_json(figures).with_narratives(json.loads(narratives))
    if not suppressed:
        _log_unsuppressed(db, programme_id, number)
    return render_final_report(data)


def list_versions(db: Database, programme_id: int | None = None) -> list[VersionSummary]:
    """The printed versions of the programme's final report, the newest first."""
    programme_id = _programme_id(db, programme_id)
    with db.reading() as session:
        # SQLite gives the time back without its zone: it was written in UTC.
        return [VersionSummary(v.number, v.printed_at if v.printed_at.tzinfo else v.printed_at.replace(tzinfo=dt.UTC),
                               v.printed_by, v.date_from, v.date_to, v.suppressed)
                for v in session.scalars(select(ReportVersion).where(
                    ReportVersion.programme_id == programme_id, ReportVersion.kind == KIND)
                    .order_by(ReportVersion.number.desc()))]


def _log_unsuppressed(db: Database, programme_id: int, number: int) -> None:
    from pal_desktop.services.access_log import PRINT, log_access

    log_access(db, PRINT, "final_report", record_id=programme_id, suppressed=False, version=number)


__all__ = ["KIND", "VersionSummary", "final_report_data", "list_versions", "print_final_report",
           "reprint_final_report"]
