"""Harmonogram realizacji: the schedule as a Gantt chart on A4 or A3 landscape pages.

Time runs across pages (whole months per page, the same on every page); the task list (Lp., task, dates,
events held of planned) is repeated at the left of every page. Each page carries the organisation and
programme header, a legend and "Strona X z Y". Drawn straight on the canvas: a chart is not a flow of text.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit

from pal_desktop.domain.schedule import MONTH_SHORT, add_months, month_start
from pal_desktop.reports.styles import (
    FONT,
    FONT_BOLD,
    MARGIN,
    DocumentHeader,
    NumberedCanvas,
    draw_header,
    header_height,
    page_size,
    printed_note,
    register_fonts,
)

PAPERS = {"A4": A4, "A3": A3}

#: The narrowest a month may be drawn; fewer months go on a page rather than narrower ones.
MIN_MONTH_WIDTH = 10 * mm
ROW_HEIGHT = 8.5 * mm
SCALE_HEIGHT = 10 * mm
LEGEND_HEIGHT = 13 * mm
FOOTER_HEIGHT = 6 * mm

BAR = colors.HexColor("#9ec5e8")
BAR_EDGE = colors.HexColor("#2f6ea6")
BAR_DONE = colors.HexColor("#2f6ea6")
MILESTONE = colors.HexColor("#7a3e9d")
HELD = colors.HexColor("#2e7d32")
PLANNED = colors.HexColor("#6b7a8f")
OVERDUE = colors.HexColor("#c62828")
GRID = colors.HexColor("#d5dbe3")
YEAR_GRID = colors.HexColor("#8a96a6")
HEAD_FILL = colors.HexColor("#e8eef5")
STRIPE = colors.HexColor("#f5f7fa")
TODAY = colors.HexColor("#d32f2f")


@dataclass(frozen=True)
class ChartEvent:
    date: dt.date
    #: The EventStatus value: "planowane", "odbylo_sie" or "odwolane".
    status: str
    overdue: bool = False


@dataclass(frozen=True)
class ChartTask:
    number: int
    name: str
    start: dt.date
    end: dt.date
    milestone: bool = False
    time_progress: float = 0.0
    held: int = 0
    planned: int = 0
    overdue: int = 0
    events: tuple[ChartEvent, ...] = ()


@dataclass(frozen=True)
class ScheduleChartData:
    header: DocumentHeader
    title: str
    period_start: dt.date
    period_end: dt.date
    today: dt.date
    tasks: list[ChartTask] = field(default_factory=list)
    paper: str = "A4"
    printed_on: str = ""


@dataclass(frozen=True)
class _Columns:
    """The task list at the left of every page: x of each column and the width of the task names."""

    number: float
    name: float
    name_width: float
    dates: float
    progress: float
    chart: float


def _fmt(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def _fit(canvas, text: str, font: str, size: float, width: float) -> str:
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def plan_pages(data: ScheduleChartData) -> tuple[list[tuple[dt.date, dt.date]], int, float]:
    """The month ranges of the pages across time, the months per page and the width of one month (points)."""
    width, _height = page_size(landscape=True, paper=PAPERS[data.paper])
    columns = _columns(data.paper)
    chart_width = width - MARGIN - columns.chart
    starts = [data.period_start] + [t.start for t in data.tasks]
    ends = [data.period_end] + [t.end for t in data.tasks]
    first, last = month_start(min(starts)), month_start(max(ends))
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    fit = max(1, int(chart_width / MIN_MONTH_WIDTH + 1e-6))
    pages = math.ceil(months / fit)
    per_page = math.ceil(months / pages)
    ranges = []
    for index in range(pages):
        begin = add_months(first, index * per_page)
        stop = add_months(first, min(months, (index + 1) * per_page))  # exclusive
        ranges.append((begin, stop))
    return ranges, per_page, chart_width / per_page


def _columns(paper: str) -> _Columns:
    name_width = 62 * mm if paper == "A4" else 92 * mm
    number = MARGIN
    name = number + 8 * mm
    dates = name + name_width + 2 * mm
    progress = dates + 33 * mm
    chart = progress + 15 * mm
    return _Columns(number=number, name=name, name_width=name_width, dates=dates, progress=progress, chart=chart)


def _month_x(begin: dt.date, month_width: float, day: dt.date) -> float:
    """x of the start of ``day`` relative to the chart's left edge (a month is ``month_width`` whatever its days)."""
    months = (day.year - begin.year) * 12 + day.month - begin.month
    length = (add_months(day, 1) - month_start(day)).days
    return (months + (day.day - 1) / length) * month_width


def render_schedule_chart(data: ScheduleChartData) -> bytes:
    """The PDF as bytes."""
    register_fonts()
    paper = PAPERS.get(data.paper, A4)
    width, height = page_size(landscape=True, paper=paper)
    buffer = io.BytesIO()
    canvas = NumberedCanvas(buffer, pagesize=(width, height), pageCompression=1)
    canvas.setTitle(f"Harmonogram realizacji — {data.title}")
    canvas.setAuthor(data.header.organisation or "PAL Desktop")
    canvas.setCreator("PAL Desktop")
    columns = _columns(data.paper)
    ranges, per_page, month_width = plan_pages(data)

    top = height - MARGIN - header_height(data.header)
    title_top = top - 2 * mm
    scale_top = title_top - 11 * mm
    rows_top = scale_top - SCALE_HEIGHT
    rows_bottom = MARGIN + FOOTER_HEIGHT + LEGEND_HEIGHT
    rows_per_page = max(1, int((rows_top - rows_bottom) // ROW_HEIGHT))
    task_chunks = [data.tasks[i:i + rows_per_page] for i in range(0, len(data.tasks), rows_per_page)] or [[]]
    # A short schedule uses the room it has (up to 13 mm a row): easier to read from the wall.
    row_height = ROW_HEIGHT
    if len(task_chunks) == 1 and data.tasks:
        row_height = max(ROW_HEIGHT, min(13 * mm, (rows_top - rows_bottom) / len(data.tasks)))

    for begin, stop in ranges:
        for tasks in task_chunks:
            draw_header(canvas, data.header, width, height)
            _draw_title(canvas, data, begin, stop, title_top, width)
            _draw_scale(canvas, columns, begin, stop, month_width, scale_top, width)
            _draw_rows(canvas, data, tasks, columns, begin, stop, month_width, rows_top, row_height)
            _draw_grid(canvas, columns, begin, stop, month_width, scale_top, rows_top - len(tasks) * row_height)
            _draw_today(canvas, data.today, columns, begin, stop, month_width, scale_top,
                        rows_top - len(tasks) * row_height)
            _draw_legend(canvas, data, MARGIN + FOOTER_HEIGHT + LEGEND_HEIGHT - 3 * mm, width)
            canvas.setFont(FONT, 7)
            canvas.setFillColor(colors.black)
            if data.printed_on:
                canvas.drawString(MARGIN, 8 * mm, printed_note(data.printed_on))
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_title(canvas, data: ScheduleChartData, begin: dt.date, stop: dt.date, top: float, width: float) -> None:
    canvas.setFillColor(colors.black)
    canvas.setFont(FONT_BOLD, 12)
    canvas.drawString(MARGIN, top - 12, "Harmonogram realizacji programu")
    last = stop - dt.timedelta(days=1)
    canvas.setFont(FONT, 8)
    info = (f"Okres programu: {_fmt(data.period_start)} – {_fmt(data.period_end)}.   "
            f"Na tej stronie: {begin.strftime('%m.%Y')} – {last.strftime('%m.%Y')}.   Stan na {_fmt(data.today)}.")
    canvas.drawString(MARGIN, top - 23, _fit(canvas, info, FONT, 8, width - 2 * MARGIN))


def _draw_scale(canvas, columns: _Columns, begin: dt.date, stop: dt.date, month_width: float, top: float,
                width: float) -> None:
    half = SCALE_HEIGHT / 2
    canvas.setFillColor(HEAD_FILL)
    canvas.setStrokeColor(YEAR_GRID)
    canvas.setLineWidth(0.5)
    canvas.rect(MARGIN, top - SCALE_HEIGHT, width - 2 * MARGIN, SCALE_HEIGHT, fill=1, stroke=1)
    canvas.setFillColor(colors.black)
    canvas.setFont(FONT_BOLD, 7.5)
    baseline = top - SCALE_HEIGHT + 3.2 * mm
    canvas.drawString(columns.number + 1 * mm, baseline, "Lp.")
    canvas.drawString(columns.name + 1 * mm, baseline, "Zadanie")
    canvas.drawString(columns.dates + 1 * mm, baseline, "Okres")
    canvas.drawString(columns.progress + 1 * mm, baseline, "Wydarz.")
    canvas.line(columns.chart, top - half, width - MARGIN, top - half)
    # Years above, months below.
    month = begin
    year_start = begin
    canvas.setFont(FONT, 7)
    while month < stop:
        x = columns.chart + _month_x(begin, month_width, month)
        label = MONTH_SHORT[month.month - 1] if month_width >= 7 * mm else f"{month.month:02d}"
        canvas.drawCentredString(x + month_width / 2, top - SCALE_HEIGHT + 1.6 * mm, label)
        following = add_months(month, 1)
        if following.year != month.year or following >= stop:
            x0 = columns.chart + _month_x(begin, month_width, year_start)
            x1 = columns.chart + _month_x(begin, month_width, following)
            canvas.setFont(FONT_BOLD, 7.5)
            canvas.drawCentredString((x0 + x1) / 2, top - half + 1.6 * mm, str(month.year))
            canvas.setFont(FONT, 7)
            year_start = following
        month = following


def _draw_grid(canvas, columns: _Columns, begin: dt.date, stop: dt.date, month_width: float, top: float,
               bottom: float) -> None:
    canvas.setLineWidth(0.3)
    month = begin
    while month <= stop:
        x = columns.chart + _month_x(begin, month_width, month)
        if month.month == 1 or month == begin or month == stop:
            canvas.setStrokeColor(YEAR_GRID)
            canvas.line(x, top, x, bottom)
        else:
            canvas.setStrokeColor(GRID)
            canvas.line(x, top - SCALE_HEIGHT / 2, x, bottom)
        month = add_months(month, 1)
    canvas.setStrokeColor(YEAR_GRID)
    for x in (columns.name, columns.dates, columns.progress):
        canvas.line(x, top - SCALE_HEIGHT, x, bottom)
    canvas.line(MARGIN, bottom, columns.chart + (_month_x(begin, month_width, stop)), bottom)
    canvas.line(MARGIN, top, MARGIN, bottom)


def _draw_rows(canvas, data: ScheduleChartData, tasks: list[ChartTask], columns: _Columns, begin: dt.date,
               stop: dt.date, month_width: float, top: float, row_height: float) -> None:
    last = stop - dt.timedelta(days=1)
    lift = (row_height - ROW_HEIGHT) / 2  # the bar and its ticks stay in the middle of a taller row
    right = columns.chart + _month_x(begin, month_width, stop)
    ticks: dict[object, list[tuple[float, float]]] = {HELD: [], PLANNED: [], OVERDUE: []}
    for index, task in enumerate(tasks):
        y = top - (index + 1) * row_height
        if index % 2:
            canvas.setFillColor(STRIPE)
            canvas.rect(MARGIN, y, right - MARGIN, row_height, fill=1, stroke=0)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.3)
        canvas.line(MARGIN, y, right, y)
        # The task list.
        canvas.setFillColor(colors.black)
        canvas.setFont(FONT, 7.5)
        canvas.drawRightString(columns.name - 1.5 * mm, y + row_height / 2 - 2.5, str(task.number))
        font = FONT_BOLD if task.milestone else FONT
        lines = simpleSplit(task.name, font, 7, columns.name_width - 2 * mm) or [""]
        if len(lines) > 2:
            lines = [lines[0], _fit(canvas, " ".join(lines[1:]), font, 7, columns.name_width - 2 * mm)]
        canvas.setFont(font, 7)
        first = y + row_height / 2 + (1.2 if len(lines) == 2 else -2.4)
        for number, line in enumerate(lines):
            canvas.drawString(columns.name + 1 * mm, first - number * 8, line)
        canvas.setFont(FONT, 6.5)
        if task.milestone or task.start == task.end:
            canvas.drawString(columns.dates + 1 * mm, y + row_height / 2 - 2.3, _fmt(task.start))
        else:
            canvas.drawString(columns.dates + 1 * mm, y + row_height / 2 + 0.9, _fmt(task.start) + " –")
            canvas.drawString(columns.dates + 1 * mm, y + row_height / 2 - 5.6, _fmt(task.end))
        canvas.setFont(FONT_BOLD if task.overdue else FONT, 7)
        if task.overdue:
            canvas.setFillColor(OVERDUE)
        progress = f"{task.held}/{task.planned}" if task.planned or task.held else "—"
        canvas.drawString(columns.progress + 1 * mm, y + row_height / 2 - 2.4, progress + (" !" if task.overdue else ""))
        # The bar, cut to this page's months.
        if task.end < begin or task.start > last:
            _collect_ticks(ticks, task, begin, last, columns, month_width, y + lift)
            continue
        x0 = columns.chart + _month_x(begin, month_width, max(task.start, begin))
        x1 = columns.chart + _month_x(begin, month_width, min(task.end + dt.timedelta(days=1), stop))
        bar_y, bar_h = y + lift + 3.4 * mm, 3.6 * mm
        if task.milestone:
            cx = columns.chart + _month_x(begin, month_width, task.start) + month_width / 62
            size = 2.4 * mm
            path = canvas.beginPath()
            path.moveTo(cx, bar_y + bar_h / 2 + size)
            path.lineTo(cx + size, bar_y + bar_h / 2)
            path.lineTo(cx, bar_y + bar_h / 2 - size)
            path.lineTo(cx - size, bar_y + bar_h / 2)
            path.close()
            canvas.setFillColor(MILESTONE)
            canvas.setStrokeColor(OVERDUE if task.overdue else MILESTONE)
            canvas.drawPath(path, fill=1, stroke=1)
        else:
            canvas.setFillColor(BAR)
            canvas.setStrokeColor(OVERDUE if task.overdue else BAR_EDGE)
            canvas.setLineWidth(1.2 if task.overdue else 0.5)
            canvas.rect(x0, bar_y, max(x1 - x0, 0.8), bar_h, fill=1, stroke=1)
            if task.time_progress > 0:
                done_end = min(task.end, data.today)
                xd = columns.chart + _month_x(begin, month_width,
                                              min(done_end + dt.timedelta(days=1), stop))
                if done_end >= begin and xd > x0:
                    canvas.setFillColor(BAR_DONE)
                    canvas.rect(x0, bar_y + 0.9 * mm, xd - x0, bar_h - 1.8 * mm, fill=1, stroke=0)
        _collect_ticks(ticks, task, begin, last, columns, month_width, y + lift)
    # Event ticks: one path per colour (thousands of events draw as fast as a few).
    for colour, spots in ticks.items():
        if not spots:
            continue
        path = canvas.beginPath()
        for x, y in sorted(set(spots)):
            path.rect(x, y, 0.45 * mm, 2.2 * mm)
        canvas.setFillColor(colour)
        canvas.drawPath(path, fill=1, stroke=0)
    canvas.setLineWidth(0.5)


def _collect_ticks(ticks, task: ChartTask, begin: dt.date, last: dt.date, columns: _Columns, month_width: float,
                   y: float) -> None:
    for event in task.events:
        if event.status == "odwolane" or not begin <= event.date <= last:
            continue
        colour = OVERDUE if event.overdue else HELD if event.status == "odbylo_sie" else PLANNED
        x = columns.chart + _month_x(begin, month_width, event.date)
        ticks[colour].append((round(x, 1), y + 0.7 * mm))


def _draw_today(canvas, today: dt.date, columns: _Columns, begin: dt.date, stop: dt.date, month_width: float,
                top: float, bottom: float) -> None:
    if not begin <= today < stop:
        return
    x = columns.chart + _month_x(begin, month_width, today) + month_width / 62
    canvas.saveState()
    canvas.setStrokeColor(TODAY)
    canvas.setLineWidth(0.9)
    canvas.setDash(2, 1.5)
    canvas.line(x, top - SCALE_HEIGHT, x, bottom)
    canvas.restoreState()
    canvas.setFillColor(TODAY)
    canvas.setFont(FONT_BOLD, 6.5)
    canvas.drawCentredString(x, top + 1.2 * mm, f"dziś {_fmt(today)}")


def _draw_legend(canvas, data: ScheduleChartData, top: float, width: float) -> None:
    canvas.setFont(FONT_BOLD, 7.5)
    canvas.setFillColor(colors.black)
    canvas.drawString(MARGIN, top - 8, "Legenda:")
    left = MARGIN + 17 * mm
    x, y = left, top - 9

    def bar(x: float, y: float, done: bool = False, late: bool = False) -> None:
        canvas.setLineWidth(1.2 if late else 0.5)
        canvas.setFillColor(colors.white if late else BAR)
        canvas.setStrokeColor(OVERDUE if late else BAR_EDGE)
        canvas.rect(x, y, 9 * mm, 3 * mm, fill=1, stroke=1)
        canvas.setLineWidth(0.5)
        if done:
            canvas.setFillColor(BAR_DONE)
            canvas.rect(x, y + 0.8 * mm, 5 * mm, 1.4 * mm, fill=1, stroke=0)

    def diamond(x: float, y: float) -> None:
        size = 1.8 * mm
        path = canvas.beginPath()
        cx, cy = x + size, y + 1.5 * mm
        path.moveTo(cx, cy + size)
        path.lineTo(cx + size, cy)
        path.lineTo(cx, cy - size)
        path.lineTo(cx - size, cy)
        path.close()
        canvas.setFillColor(MILESTONE)
        canvas.drawPath(path, fill=1, stroke=0)

    def tick(colour):
        def draw(x: float, y: float) -> None:
            canvas.setFillColor(colour)
            canvas.rect(x, y, 0.6 * mm, 3 * mm, fill=1, stroke=0)
        return draw

    def today(x: float, y: float) -> None:
        canvas.saveState()
        canvas.setStrokeColor(TODAY)
        canvas.setDash(2, 1.5)
        canvas.setLineWidth(0.9)
        canvas.line(x + 1.5 * mm, y - 0.5 * mm, x + 1.5 * mm, y + 3.5 * mm)
        canvas.restoreState()

    items = (
        (bar, 10.5 * mm, "okres zadania"),
        (lambda x, y: bar(x, y, done=True), 10.5 * mm, f"czas, który upłynął (do {_fmt(data.today)})"),
        (diamond, 5 * mm, "kamień milowy"),
        (tick(HELD), 2 * mm, "wydarzenie, które się odbyło"),
        (tick(PLANNED), 2 * mm, "wydarzenie planowane"),
        (tick(OVERDUE), 2 * mm, "zaległe: zaplanowane przed dziś, nadal „planowane”"),
        (lambda x, y: bar(x, y, late=True), 10.5 * mm, "zadanie z zaległymi wydarzeniami („!” przy liczbie)"),
        (today, 4 * mm, "dziś"),
        (None, 0, "Wydarz.: odbyte / planowane"),
    )
    canvas.setFont(FONT, 7)
    for draw, after, text in items:
        needed = after + canvas.stringWidth(text, FONT, 7)
        if x + needed > width - MARGIN and x > left:
            x, y = left, y - 5 * mm
        if draw is not None:
            draw(x, y)
        canvas.setFillColor(colors.black)
        canvas.setFont(FONT, 7)
        canvas.drawString(x + after, y + 1, text)
        x += needed + 6 * mm
