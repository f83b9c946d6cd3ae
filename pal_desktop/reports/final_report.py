"""Raport końcowy (section XIV of the programme): the goals each with the indicators that support it and the
staff's assessment, the results with their evidence, the products, the schedule by task, the participants'
structure, the volunteers' contribution, conclusions and recommendations, with charts.

Takes plain texts as printed (small counts already suppressed) and returns the PDF; the same data kept as
JSON (``to_json``/``from_json``) prints the same bytes again.
"""

from __future__ import annotations

import base64
import json
from dataclasses import asdict, dataclass, field, replace
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from pal_desktop.reports.monitoring_report import grid_table, heading, people_table
from pal_desktop.reports.report_charts import progress_chart, structure_chart
from pal_desktop.reports.styles import (
    MARGIN,
    TABLE_GRID,
    DocumentHeader,
    page_size,
    printed_note,
    render_flow,
    styles,
)

TITLE = "Raport końcowy z realizacji Programu Aktywności Lokalnej"
NOT_WRITTEN = "— (nie wpisano)"


@dataclass(frozen=True)
class IndicatorRow:
    name: str
    unit: str
    target: str
    value: str
    percent: str


@dataclass(frozen=True)
class GoalSection:
    #: The narrative's key: "goal:main" or "goal:<programme item id>".
    key: str
    heading: str
    text: str
    indicators: list[IndicatorRow] = field(default_factory=list)
    assessment: str = ""


@dataclass(frozen=True)
class ResultSection:
    #: "result:<indicator id>".
    key: str
    name: str
    evidence: list[str] = field(default_factory=list)
    assessment: str = ""


@dataclass(frozen=True)
class ScheduleRow:
    number: str
    name: str
    period: str
    planned: str
    held: str
    overdue: str
    upcoming: str


@dataclass(frozen=True)
class FinalReportData:
    header: DocumentHeader
    title: str
    period: str
    subtitle: str = ""
    programme_period: str = ""
    version: str = ""
    printed_on: str = ""
    printed_by: str = ""
    suppressed: bool = True
    main_goal: GoalSection | None = None
    goals: list[GoalSection] = field(default_factory=list)
    results: list[ResultSection] = field(default_factory=list)
    products: list[IndicatorRow] = field(default_factory=list)
    schedule: list[ScheduleRow] = field(default_factory=list)
    #: (label, [women, men, unknown, total]) of the people indicators.
    people: list[tuple[str, list[str]]] = field(default_factory=list)
    age_heading: str = "Wiek w chwili przystąpienia"
    #: (band, [women, men, unknown, total]); the last row the totals.
    ages: list[tuple[str, list[str]]] = field(default_factory=list)
    volunteers: list[tuple[str, str]] = field(default_factory=list)
    conclusions: str = ""
    recommendations: str = ""

    def narratives(self) -> dict[str, str]:
        """The staff's texts by key, as the draft keeps them."""
        texts = {section.key: section.assessment for section in ([self.main_goal] if self.main_goal else [])
                 + self.goals + self.results}
        texts.update(conclusions=self.conclusions, recommendations=self.recommendations)
        return texts

    def with_narratives(self, texts: dict[str, str]) -> FinalReportData:
        def assessed(section):
            return replace(section, assessment=texts.get(section.key, ""))

        return replace(self, main_goal=assessed(self.main_goal) if self.main_goal else None,
                       goals=[assessed(g) for g in self.goals], results=[assessed(r) for r in self.results],
                       conclusions=texts.get("conclusions", ""), recommendations=texts.get("recommendations", ""))

    def goals_indicators(self) -> list[IndicatorRow]:
        """Every indicator printed (the products, then those under the goals), each once: the chart's bars."""
        seen, lines = set(), []
        for line in self.products + [i for g in ([self.main_goal] if self.main_goal else []) + self.goals
                                     for i in g.indicators]:
            if line.name not in seen:
                seen.add(line.name)
                lines.append(line)
        return lines

    def to_json(self) -> str:
        """The figures as printed, without the staff's texts (kept apart): enough to print the same again."""
        data = asdict(self.with_narratives({}))
        data["header"]["logos"] = [base64.b64encode(logo).decode("ascii") for logo in self.header.logos]
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> FinalReportData:
        data = json.loads(text)
        header = data.pop("header")
        header["logos"] = [base64.b64decode(logo) for logo in header.get("logos", [])]
        header["office_lines"] = tuple(header.get("office_lines", ()))

        def goal(d):
            return GoalSection(**{**d, "indicators": [IndicatorRow(**i) for i in d["indicators"]]})

        return cls(
            header=DocumentHeader(**header), **{k: v for k, v in data.items() if k not in (
                "main_goal", "goals", "results", "products", "schedule", "people", "ages", "volunteers")},
            main_goal=goal(data["main_goal"]) if data.get("main_goal") else None,
            goals=[goal(g) for g in data["goals"]], results=[ResultSection(**r) for r in data["results"]],
            products=[IndicatorRow(**p) for p in data["products"]],
            schedule=[ScheduleRow(**s) for s in data["schedule"]],
            people=[(label, list(cells)) for label, cells in data["people"]],
            ages=[(label, list(cells)) for label, cells in data["ages"]],
            volunteers=[(label, value) for label, value in data["volunteers"]])


def _p(text: str, style: str = "cell") -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), styles()[style])


def _indicator_table(lines: list[IndicatorRow], usable: float) -> Table:
    rows = [["Wskaźnik", "Jedn.", _p("Wartość docelowa", "cell_bold"), "Osiągnięto", "%"]]
    # A value in words ("ocena opisowa") wraps in its cell; numbers stay right-aligned.
    rows += [[_p(line.name), _p(line.unit), line.target,
              line.value if line.value[:1].isdigit() or line.value in ("<3", "*", "—") else _p(line.value),
              line.percent] for line in lines]
    return grid_table(rows, [usable - 16 * mm - 22 * mm - 24 * mm - 16 * mm, 16 * mm, 22 * mm, 24 * mm, 16 * mm],
                  numeric_from=2)


def _assessment(text: str) -> list:
    return [_p("Ocena realizacji:", "cell_bold"), _p(text.strip() or NOT_WRITTEN, "body")]


def _goal(section: GoalSection, usable: float) -> list:
    figures = (_indicator_table(section.indicators, usable) if section.indicators
               else _p("Żaden wskaźnik nie jest powiązany z tym celem.", "small"))
    # A goal, its figures and their assessment on one page (a goal is short; a long one still splits).
    return [KeepTogether([heading(section.heading), _p(section.text, "body"), Spacer(1, 1.5 * mm), figures,
                          Spacer(1, 1.5 * mm)] + _assessment(section.assessment))]


def render_final_report(data: FinalReportData) -> bytes:
    """The PDF as bytes (A4 portrait), the same bytes for the same data."""
    usable = page_size()[0] - 2 * MARGIN
    story: list = [_p(data.title or TITLE, "title"), _p(data.subtitle, "subtitle") if data.subtitle else Spacer(1, 1)]
    facts = [("Okres sprawozdawczy", data.period), ("Okres realizacji programu", data.programme_period),
             ("Wersja raportu", data.version), ("Sporządził(a)", data.printed_by),
             ("Małe liczby", "liczby 1 i 2 osób ukryte („<3”, „*”)" if data.suppressed
              else "pokazane w całości — wydruk do użytku wewnętrznego")]
    facts_table = Table([[_p(label, "cell_bold"), _p(value)] for label, value in facts if value],
                        colWidths=[50 * mm, usable - 50 * mm])
    facts_table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "#999999"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(facts_table)

    story.append(heading("1. Cel główny i cele szczegółowe (rozdział V)"))
    if data.main_goal is not None:
        story += _goal(data.main_goal, usable)
    for section in data.goals:
        story += _goal(section, usable)

    story.append(heading("2. Rezultaty (rozdział X)"))
    for section in data.results:
        parts = [_p(section.name, "cell_bold")]
        parts += [_p("• " + line, "body") for line in (section.evidence or ["Brak wskaźników potwierdzających."])]
        parts += _assessment(section.assessment) + [Spacer(1, 2 * mm)]
        story.append(KeepTogether(parts))

    story.append(heading("3. Produkty (rozdział XI)"))
    if data.products:
        story.append(_indicator_table(data.products, usable))
    charted = [(line.name, line.percent) for line in data.goals_indicators() if line.percent]
    if charted:
        story.append(heading("Postęp wskaźników względem wartości docelowych"))
        story.append(progress_chart(charted, usable))

    story.append(heading("4. Harmonogram według zadań (rozdział IX)"))
    rows = [["Lp.", "Zadanie", "Okres", _p("Plan PAL", "cell_bold"), _p("Odbyło się", "cell_bold"),
             _p("Zaległe — nie oznaczono", "cell_bold"), _p("W planie", "cell_bold")]]
    rows += [[line.number, _p(line.name), _p(line.period), line.planned, line.held, line.overdue, line.upcoming]
             for line in data.schedule]
    story.append(grid_table(rows, [9 * mm, usable - 9 * mm - 40 * mm - 3 * 18 * mm - 24 * mm, 40 * mm, 18 * mm,
                               18 * mm, 24 * mm, 18 * mm], numeric_from=3))

    story.append(heading("5. Uczestnicy: struktura według płci i wieku"))
    story.append(people_table(data.people, usable))
    story.append(Spacer(1, 3 * mm))
    if data.ages:
        parts = [people_table(data.ages, usable, first=data.age_heading), structure_chart(data.ages[:-1], usable)]
        if any(cell in ("<3", "*") for _label, cells in data.ages for cell in cells):
            parts.append(_p("Na wykresie nie pokazano liczb ukrytych w tabeli („<3”, „*”).", "small"))
        story.append(KeepTogether(parts))

    story.append(heading("6. Wkład wolontariuszy"))
    table = Table([[_p(label), value] for label, value in data.volunteers], colWidths=[usable - 45 * mm, 45 * mm])
    table.setStyle(TableStyle(TABLE_GRID[:1] + [("GRID", (0, 0), (-1, -1), 0.5, "#999999"),
                                                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                                                ("ALIGN", (1, 0), (1, -1), "RIGHT")]))
    story.append(table)

    story.append(heading("7. Wnioski"))
    story.append(_p(data.conclusions.strip() or NOT_WRITTEN, "body"))
    recommendations = [heading("8. Rekomendacje"), _p(data.recommendations.strip() or NOT_WRITTEN, "body")]

    signature_width = (usable - 20 * mm) / 2
    signatures = Table([["", "", ""], ["sporządził(a) — data i podpis", "", "zatwierdził(a) — data i podpis"]],
                       colWidths=[signature_width, 20 * mm, signature_width], rowHeights=[18 * mm, None])
    signatures.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles()["small"].fontName),
                                    ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                                    ("LINEBELOW", (0, 0), (0, 0), 0.5, "#000000"),
                                    ("LINEBELOW", (2, 0), (2, 0), 0.5, "#000000"),
                                    ("ALIGN", (0, 1), (-1, 1), "CENTER")]))
    # The signatures under the last text, never alone on a page.
    story.append(KeepTogether(recommendations + [Spacer(1, 8 * mm), signatures]))
    note = printed_note(data.printed_on, data.version) if data.printed_on else ""
    return render_flow(data.header, f"{TITLE} — {data.period}", story, note, invariant=True)
