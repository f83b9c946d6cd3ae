"""Indicators measured from the records: product and result values for a period, the funders' people
indicators (with the breakdowns by sex, age band, disability and education), and the monitoring report.

Like every service: each function opens its own session and returns plain values, never ORM objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, or_, select

from pal_desktop.domain.enums import (
    AttendanceStatus,
    Education,
    EventStatus,
    IndicatorKind,
    ParticipantStatus,
    Sex,
    TriState,
)
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import NotFoundError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.access_control import require
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import (
    Attendance,
    Event,
    EventType,
    Indicator,
    Internship,
    Participant,
    Programme,
    ScheduleTask,
    VolunteerHours,
)

#: Statuses of people the programme covered (a candidate or a reserve is not yet covered).
COVERED = (ParticipantStatus.ACTIVE, ParticipantStatus.COMPLETED, ParticipantStatus.DROPPED_OUT)
NOT_GIVEN = QT_TRANSLATE_NOOP("Indicators", "brak danych")


@dataclass(frozen=True)
class IndicatorValue:
    id: int
    position: int
    kind: IndicatorKind
    name: str
    unit: str
    measure: str
    target: Decimal | None
    #: None when the indicator has no measure: staff assess it themselves.
    value: Decimal | None
    #: value / target × 100, when both are known and the target is above zero.
    percent: Decimal | None


@dataclass(frozen=True)
class PeopleIndicators:
    covered: int
    #: Each breakdown: (label, count) in a fixed order, "brak danych" last when some records lack the data.
    by_sex: list[tuple[str, int]]
    by_age: list[tuple[str, int]]
    by_disability: list[tuple[str, int]]
    by_education: list[tuple[str, int]]
    #: Completed as planned: the participant's "zgodnie ze ścieżką" is yes (not merely the status).
    completed: int
    dropped_out: int
    joined: int = 0
    left: int = 0
    #: The same figures by sex and age band (services/report_figures.py).
    figures: object = None


@dataclass(frozen=True)
class IndicatorReport:
    programme_id: int
    date_from: dt.date
    date_to: dt.date
    indicators: list[IndicatorValue]
    people: PeopleIndicators
    events_held: int
    events_planned: int
    #: Present marks / the marks of the events held (excused ones only if they lower the rate); None with none.
    attendance_rate: Decimal | None
    volunteer_hours: Decimal
    hour_rate: Decimal | None
    volunteer_value: Decimal | None
    extra: dict = field(default_factory=dict)


def parse_target(text: str) -> Decimal | None:
    """A target typed by staff ("12", "1 500,5"); empty means no target. ValidationError otherwise."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".").strip()
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Wartość docelowa musi być liczbą, np. 12 albo 1500,5 (wpisano: „{value}”)."),
            field="target_value", value=text) from None
    if not value.is_finite():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Wartość docelowa musi być liczbą, np. 12 albo 1500,5 (wpisano: „{value}”)."),
            field="target_value", value=text)
    return value


def checked_target(target: Decimal | None) -> Decimal | None:
    """A target as stored: 0 or more, below ten billion, two decimals; ValidationError otherwise."""
    if target is not None:
        if not isinstance(target, Decimal):
            target = Decimal(str(target))
        if not target.is_finite() or target < 0:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Wartość docelowa nie może być ujemna (wpisano: {value})."),
                field="target_value", value=str(target).replace(".", ","))
        if target >= Decimal("10000000000"):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Wartość docelowa jest za duża (wpisano: {value})."),
                field="target_value", value=str(target).replace(".", ","))
        target = target.quantize(Decimal("0.01"))
    return target


def set_indicator_target(db: Database, indicator_id: int, target: Decimal | None) -> None:
    """Set (or clear, with None) an indicator's target; it must be 0 or more, with at most two decimals."""
    require(Permission.PROGRAMME)
    target = checked_target(target)
    with db.session() as session:
        indicator = session.get(Indicator, indicator_id)
        if indicator is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma wskaźnika o numerze {id}."), id=indicator_id)
        indicator.target_value = target


def _period(programme: Programme, date_from: dt.date | None, date_to: dt.date | None) -> tuple[dt.date, dt.date]:
    start = date_from or programme.start_date
    end = date_to or programme.end_date
    if end < start:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Koniec okresu ({end}) nie może być wcześniejszy niż jego początek ({start})."),
            field="date_to", start=start.strftime("%d.%m.%Y"), end=end.strftime("%d.%m.%Y"))
    return start, end


def _hour_rate(db: Database) -> Decimal | None:
    from pal_desktop.services import organisation

    text = organisation.get_organisation(db).volunteer_hour_rate.replace(",", ".").replace("zł", "").strip()
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def _percent(value: Decimal | None, target: Decimal | None) -> Decimal | None:
    if value is None or target is None or target <= 0:
        return None
    return (Decimal(value) * 100 / target).quantize(Decimal("1"))


def _breakdown(labels: list[tuple[object, str]], counts: dict, total: int) -> list[tuple[str, int]]:
    rows = [(label, counts.get(key, 0)) for key, label in labels]
    missing = total - sum(count for _, count in rows)
    if missing:
        rows.append((NOT_GIVEN, missing))
    return rows


def indicator_values(db: Database, programme_id: int, date_from: dt.date | None = None,
                     date_to: dt.date | None = None) -> IndicatorReport:
    """Every indicator of a programme with its value for the period (the whole programme by default).

    People are counted cumulatively: everyone covered who started on or before the period's end; those who
    completed or dropped out by the period's end are counted as such.
    """
    with db.reading() as session:
        programme = session.get(Programme, programme_id)
        if programme is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma programu o numerze {id}."), id=programme_id)
        start, end = _period(programme, date_from, date_to)
        in_period = Event.event_date.between(start, end)
        own_event = Event.programme_id == programme_id
        held_by_type = dict(session.execute(
            select(EventType.name, func.count(Event.id)).join(Event, Event.event_type_id == EventType.id)
            .where(own_event, in_period, Event.status == EventStatus.HELD).group_by(EventType.name)).all())
        events_held = session.scalar(select(func.count(Event.id)).where(
            own_event, in_period, Event.status == EventStatus.HELD)) or 0
        events_planned = session.scalar(select(func.count(Event.id)).where(
            own_event, in_period, Event.status == EventStatus.PLANNED)) or 0
        marks = dict(session.execute(
            select(Attendance.status, func.count(Attendance.id)).join(Event, Event.id == Attendance.event_id)
            .where(own_event, in_period, Event.status == EventStatus.HELD).group_by(Attendance.status)).all())
        own_tasks = select(ScheduleTask.id).where(ScheduleTask.programme_id == programme_id)
        own_events = select(Event.id).where(own_event)
        hours = session.scalar(select(func.coalesce(func.sum(VolunteerHours.hours), 0)).where(
            VolunteerHours.work_date.between(start, end),
            or_(VolunteerHours.event_id.in_(own_events), VolunteerHours.task_id.in_(own_tasks),
                (VolunteerHours.event_id.is_(None) & VolunteerHours.task_id.is_(None)))))
        internships = session.scalar(
            select(func.count(Internship.id)).join(Participant, Participant.id == Internship.participant_id)
            .where(Participant.programme_id == programme_id, Internship.start_date.between(start, end))) or 0
        covered = (Participant.programme_id == programme_id, Participant.status.in_(COVERED),
                   Participant.start_date.is_not(None), Participant.start_date <= end)
        count_disability = dict(session.execute(select(Participant.disability, func.count(Participant.id))
                                                .where(*covered).group_by(Participant.disability)).all())
        count_education = dict(session.execute(select(Participant.education, func.count(Participant.id))
                                               .where(*covered).group_by(Participant.education)).all())
        indicators = session.execute(
            select(Indicator.id, Indicator.position, Indicator.kind, Indicator.name, Indicator.unit,
                   Indicator.measure, Indicator.target_value)
            .where(Indicator.programme_id == programme_id).order_by(Indicator.position, Indicator.id)).all()
    hours = Decimal(hours or 0).quantize(Decimal("0.01"))

    def measured(measure: str) -> Decimal | None:
        if measure == "volunteer_hours":
            return hours
        if measure == "internships":
            return Decimal(internships)
        if measure.startswith("events:"):
            return Decimal(held_by_type.get(measure.split(":", 1)[1], 0))
        return None

    values = []
    for row in indicators:
        value = measured(row.measure or "")
        values.append(IndicatorValue(row.id, row.position, IndicatorKind(row.kind), row.name, row.unit or "",
                                     row.measure or "", row.target_value, value, _percent(value, row.target_value)))
    from pal_desktop.services.report_figures import people_figures

    figures = people_figures(db, programme_id, start, end)
    total = figures.covered.total
    count_sex = {Sex.FEMALE: figures.covered.women, Sex.MALE: figures.covered.men}
    breakdown = PeopleIndicators(
        covered=total,
        by_sex=_breakdown([(s, s.label) for s in Sex], count_sex, total),
        by_age=[(label, by_sex.total) for label, by_sex in figures.by_age if by_sex.total or label != NOT_GIVEN],
        by_disability=_breakdown([(t, t.label) for t in TriState], count_disability, total),
        by_education=_breakdown([(e, e.label) for e in Education], count_education, total),
        completed=figures.completed_as_planned.total, dropped_out=figures.dropped_out.total,
        joined=figures.joined.total, left=figures.left.total, figures=figures)
    from pal_desktop.services.attendance import attendance_rules

    # An excused absence counts against the rate only when the organisation says so.
    counted = sum(count for status, count in marks.items()
                  if status != AttendanceStatus.EXCUSED or attendance_rules(db).excused_lowers_rate)
    rate = (Decimal(marks.get(AttendanceStatus.PRESENT, 0)) / counted) if counted else None
    hour_rate = _hour_rate(db)
    value = (hours * hour_rate).quantize(Decimal("0.01")) if hour_rate is not None else None
    return IndicatorReport(programme_id, start, end, values, breakdown, events_held, events_planned, rate, hours,
                           hour_rate, value)


def number_text(value: Decimal | None) -> str:
    """12.00 -> "12", 12.50 -> "12,5", None -> "—"."""
    if value is None:
        return "—"
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def percent_text(value: Decimal | None) -> str:
    return "" if value is None else f"{value:f} %"


# ---- The monitoring report -------------------------------------------------------------------------


def _suppressed(counts: list[tuple[str, int]], suppress: bool) -> list[tuple[str, str]]:
    from pal_desktop.domain.suppression import suppress_line

    texts = suppress_line([count for _label, count in counts], with_total=True, suppress=suppress)
    return [(label, text) for (label, _count), text in zip(counts, texts, strict=True)]


def _signed_lists_text(db: Database, programme_id: int, start: dt.date, end: dt.date) -> str:
    """The evidence an auditor asks for: how many held events have their signed list scanned and kept."""
    from pal_desktop.services.attendance_scan_apply import signed_list_count

    count = signed_list_count(db, programme_id, today=end, date_from=start)
    return f"{count.with_signed_list} z {count.held} wydarzeń"


def monitoring_report_pdf(db: Database, programme_id: int | None = None, date_from: dt.date | None = None,
                          date_to: dt.date | None = None, final: bool = False, *,
                          today: dt.date | None = None, suppress: bool = True) -> bytes:
    """Sprawozdanie z realizacji (or, with ``final``, the final report) for the period.

    The report leaves the office, so with ``suppress`` (the default) a breakdown's count of 1 or 2 people
    prints as "<3", and a second cell is hidden where the total would give it away (domain/suppression.py).
    """
    require(Permission.REPORTS)
    from pal_desktop.reports.monitoring_report import (
        IndicatorLine,
        MonitoringReportData,
        TaskLine,
        render_monitoring_report,
    )
    from pal_desktop.reports.styles import DocumentHeader
    from pal_desktop.services import programmes as programme_service
    from pal_desktop.services.formatting import format_date, format_money
    from pal_desktop.services.reports import document_header

    if programme_id is None:
        active = programme_service.active_programme(db)
        if active is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("Errors", "Nie ma programu o numerze {id}."), id="—")
        programme_id = active.id
    report = indicator_values(db, programme_id, date_from, date_to)
    start, end = report.date_from, report.date_to
    today = today or dt.date.today()
    from pal_desktop.services.report_figures import schedule_figures
    from pal_desktop.services.report_people import people_rows

    schedule = schedule_figures(db, programme_id, start, end, today)
    with db.reading() as session:
        programme = session.get(Programme, programme_id)
        title, subtitle = programme.title, programme.subtitle
        programme_period = f"{format_date(programme.start_date)} – {format_date(programme.end_date)}"
        header = DocumentHeader(**document_header(db, programme))
    tasks = [TaskLine(task.position, task.name,
                      format_date(task.end) if task.is_milestone or task.start is None
                      else f"{format_date(task.start)} – {format_date(task.end)}",
                      str(task.held), str(task.upcoming) if task.upcoming else "—",
                      str(task.planned_in_programme) if task.planned_in_programme is not None else "—",
                      str(task.overdue) if task.overdue else "—")
             for task in schedule.tasks if task.task_id is not None]

    products = [IndicatorLine(i.name, i.unit, number_text(i.target), number_text(i.value), percent_text(i.percent))
                for i in report.indicators if i.kind == IndicatorKind.PRODUCT]
    results = [IndicatorLine(i.name, i.unit, number_text(i.target),
                             number_text(i.value) if i.value is not None else "ocena opisowa",
                             percent_text(i.percent))
               for i in report.indicators if i.kind == IndicatorKind.RESULT]
    people = report.people
    rate = (f"{(report.attendance_rate * 100).quantize(Decimal('1'))} %" if report.attendance_rate is not None
            else "—")
    summary = [
        ("Wydarzenia i zajęcia, które się odbyły", str(schedule.held)),
        ("Wydarzenia zaplanowane (jeszcze się nie odbyły)", str(schedule.upcoming)),
        ("Wydarzenia zaległe — nie oznaczono, że się odbyły", str(schedule.overdue)),
        ("Frekwencja na zajęciach, które się odbyły", rate),
        ("Godziny pracy wolontariuszy", number_text(report.volunteer_hours)),
        ("Listy obecności podpisane i zeskanowane", _signed_lists_text(db, programme_id, start, end)),
    ]
    if report.hour_rate is not None:  # without a rate the value is left out, never "nie ustawiono"
        summary += [("Stawka za godzinę pracy wolontariusza", format_money(report.hour_rate)),
                    ("Wartość pracy wolontariuszy (wkład własny)",
                     format_money(report.volunteer_value) if report.volunteer_value is not None else "—")]
    breakdowns = [(heading, _suppressed(counts, suppress)) for heading, counts in (
        ("Płeć", people.by_sex), ("Wiek w chwili przystąpienia", people.by_age),
        ("Osoba z niepełnosprawnościami", people.by_disability), ("Wykształcenie", people.by_education))]
    if not suppress:
        _log_unsuppressed(db, "monitoring_report", programme_id, start, end)
    return render_monitoring_report(MonitoringReportData(
        header=header, final=final, title=title, subtitle=subtitle, programme_period=programme_period,
        period=f"{format_date(start)} – {format_date(end)}", tasks=tasks, products=products, results=results,
        covered=people.covered, breakdowns=breakdowns, summary=summary,
        people_by_sex=people_rows(people.figures, suppress), printed_on=format_date(today)))


def _log_unsuppressed(db: Database, what: str, programme_id: int, start: dt.date, end: dt.date) -> None:
    """A report printed with its small counts shown may identify people: who printed it is kept."""
    from pal_desktop.services.access_log import PRINT, log_access

    log_access(db, PRINT, what, record_id=programme_id, suppressed=False,
               period=f"{start.isoformat()}/{end.isoformat()}")
