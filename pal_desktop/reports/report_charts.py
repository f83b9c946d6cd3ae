"""The reports' charts, drawn with ReportLab graphics from the texts as printed: a cell printed as "<3" or "*"
is drawn as nothing, so a chart never shows what the table hides."""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from pal_desktop.reports.styles import FONT, register_fonts

BAR = colors.HexColor("#3b6ea5")
WOMEN = colors.HexColor("#b5487a")
MEN = colors.HexColor("#3b6ea5")
UNKNOWN = colors.HexColor("#9a9a9a")
#: Bars longer than this (an indicator far over its target) are cut at it; the label says the real figure.
MAX_PERCENT = 150


def _number(text: str) -> float:
    try:
        return float(text.replace("\u00a0", "").replace(" ", "").replace("%", "").replace(",", "."))
    except ValueError:
        return 0.0


def _short(text: str, length: int = 38) -> str:
    return text if len(text) <= length else text[:length - 1].rstrip() + "…"


def progress_chart(lines: list[tuple[str, str]], width: float) -> Drawing:
    """Indicators' progress: (name, "75 %") each a bar of percent of target, 100 % marked."""
    register_fonts()
    row = 6.5 * mm
    height = row * len(lines) + 14 * mm
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 62 * mm, 8 * mm
    chart.width, chart.height = width - 62 * mm - 14 * mm, row * len(lines)
    values = [min(_number(percent), MAX_PERCENT) for _name, percent in lines]
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = [_short(name) for name, _ in reversed(lines)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, MAX_PERCENT, 25
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d %%"
    chart.bars[0].fillColor = BAR
    chart.barLabelFormat = None
    drawing.add(chart)
    # The target line at 100 %.
    x = chart.x + chart.width * 100 / MAX_PERCENT
    drawing.add(Line(x, chart.y, x, chart.y + chart.height, strokeColor=colors.HexColor("#b3261e"),
                     strokeWidth=0.8, strokeDashArray=[2, 2]))
    drawing.add(String(x + 1, chart.y + chart.height + 2, "cel (100 %)", fontName=FONT, fontSize=6.5,
                       fillColor=colors.HexColor("#b3261e")))
    for index, (_name, percent) in enumerate(reversed(lines)):
        bar_end = chart.x + chart.width * min(_number(percent), MAX_PERCENT) / MAX_PERCENT
        drawing.add(String(bar_end + 2, chart.y + row * index + row / 2 - 2, percent, fontName=FONT, fontSize=6.5))
    return drawing


def structure_chart(rows: list[tuple[str, list[str]]], width: float) -> Drawing:
    """The people covered by age band (groups) and sex (bars): rows of (band, [women, men, unknown, ...])."""
    register_fonts()
    height = 62 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 12 * mm
    chart.width, chart.height = width - 60 * mm, height - 20 * mm
    chart.data = [[_number(cells[column]) if cells[column].strip().isdigit() else 0 for _label, cells in rows]
                  for column in range(3)]
    chart.categoryAxis.categoryNames = [label for label, _cells in rows]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    highest = max([max(series) for series in chart.data if series] + [1])
    # Whole people on the axis: a step of at least 1, about five steps up.
    chart.valueAxis.valueMin, chart.valueAxis.valueStep = 0, max(1, math.ceil(highest / 5))
    chart.valueAxis.valueMax = chart.valueAxis.valueStep * math.ceil(highest / chart.valueAxis.valueStep)
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    for index, colour in enumerate((WOMEN, MEN, UNKNOWN)):
        chart.bars[index].fillColor = colour
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = chart.x + chart.width + 6 * mm, chart.y + chart.height
    legend.fontName, legend.fontSize = FONT, 7
    legend.colorNamePairs = [(WOMEN, "kobiety"), (MEN, "mężczyźni"), (UNKNOWN, "płeć nieznana")]
    drawing.add(legend)
    return drawing
