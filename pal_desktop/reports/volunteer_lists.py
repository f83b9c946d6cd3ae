"""Volunteer documents over a period for every volunteer: the hours summary, the gala list (by hours) and the
thank-you letters.

Each renderer takes plain data (already formatted in Polish) and returns the bytes of a PDF with the
embedded DejaVu font, the logo strip and organisation header on every page and, except on the thank-you
letters (each a page of its own, handed to a different person), "Strona X z Y" (the layout is in
``volunteer_layout``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table

from pal_desktop.reports.styles import DocumentHeader
from pal_desktop.reports.volunteer_layout import (
    USABLE,
    _grid,
    _render,
    _styles,
    _value_sentence,
    signature_block,
    text,
)

# ---- Period lists: the hours summary and the gala ------------------------------------------------------


@dataclass(frozen=True)
class PeriodLine:
    #: Place in the ranking ("1.") or the row number.
    number: str
    name: str
    hours: str
    days: int
    value: str


@dataclass(frozen=True)
class PeriodDocument:
    header: DocumentHeader
    #: "01.01.2021 – 31.12.2021".
    period: str
    lines: list[PeriodLine]
    total_hours: str
    total_days: int
    total_value: str
    rate_text: str
    #: (task, hours, value) and (month, hours, value) of all volunteers in the period (the summary only).
    per_task: list[tuple[str, str, str]] = field(default_factory=list)
    per_month: list[tuple[str, str, str]] = field(default_factory=list)
    printed_on: str = ""


def _period_table(data: PeriodDocument, usable: float, first_column: str) -> Table:
    """Volunteers with their hours and days, and the value of the work when the settings give a rate."""
    with_value = bool(data.rate_text)
    value_width = 34 * mm if with_value else 0
    rows = [[first_column, "Imię i nazwisko", "Godziny", "Dni"] + (["Wartość pracy"] if with_value else [])]
    rows += [[line.number, line.name, line.hours, str(line.days)] + ([line.value] if with_value else [])
             for line in data.lines]
    rows.append(["", f"Razem ({len(data.lines)} os.)", data.total_hours, str(data.total_days)]
                + ([data.total_value] if with_value else []))
    name_width = usable - 20 * mm - 24 * mm - 16 * mm - value_width
    widths = [20 * mm, name_width, 24 * mm, 16 * mm] + ([value_width] if with_value else [])
    return _grid(rows, widths, numeric_from=2, total_row=True, font_size=9)


def _totals_grid(first: str, rows: list[tuple[str, str, str]], first_width: float, with_value: bool) -> Table:
    """Hours (and their value, when there is a rate) per task or per month."""
    head = [first, "Godziny"] + (["Wartość pracy"] if with_value else [])
    body = [[name, hours] + ([value] if with_value else []) for name, hours, value in rows]
    widths = [first_width, 24 * mm] + ([34 * mm] if with_value else [])
    return _grid([head] + body, widths, numeric_from=1, numbered=False)


def render_hours_summary(data: PeriodDocument) -> bytes:
    """Zestawienie godzin wolontariuszy: per volunteer, per task and per month, with the value of the work."""
    s = _styles()
    story = [Paragraph("ZESTAWIENIE GODZIN PRACY WOLONTARIUSZY", s["title"]),
             Paragraph(f"okres: {text(data.period)}", s["subtitle"]),
             _period_table(data, USABLE, "Lp."), Spacer(1, 3 * mm),
             Paragraph(_value_sentence(data.rate_text, data.total_value,
                                       "Wartość pracy wolontariuszy (wkład własny niepieniężny)"), s["paragraph"])]
    with_value = bool(data.rate_text)
    if data.per_task:
        story += [Paragraph("Według zadań harmonogramu", s["heading"]),
                  _totals_grid("Zadanie", data.per_task, USABLE - (58 if with_value else 24) * mm, with_value)]
    if data.per_month:
        story += [Paragraph("Według miesięcy", s["heading"]),
                  _totals_grid("Miesiąc", data.per_month, 50 * mm, with_value)]
    if data.printed_on:
        story += [Spacer(1, 4 * mm), Paragraph(f"Sporządzono: {text(data.printed_on)}", s["small"])]
    story += [Spacer(1, 10 * mm), KeepTogether([signature_block(["sporządził(a)", "zatwierdził(a)"], USABLE)])]
    return _render(data.header, f"Zestawienie godzin wolontariuszy {data.period}", story)


def render_gala_list(data: PeriodDocument) -> bytes:
    """Lista na galę wolontariatu: volunteers ranked by their hours in the period."""
    s = _styles()
    story = [Paragraph("GALA WOLONTARIATU", s["title"]),
             Paragraph(f"Wolontariusze według liczby przepracowanych godzin<br/>okres: {text(data.period)}",
                       s["subtitle"]),
             _period_table(data, USABLE, "Miejsce"), Spacer(1, 3 * mm),
             Paragraph(_value_sentence(data.rate_text, data.total_value, "Wartość pracy wolontariuszy"),
                       s["small"])]
    return _render(data.header, f"Gala wolontariatu {data.period}", story)


# ---- Thank-you letters ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ThanksLetter:
    name: str
    female: bool
    hours: str


@dataclass(frozen=True)
class ThanksDocument:
    header: DocumentHeader
    period: str
    letters: list[ThanksLetter]
    place_and_date: str
    organisation: str
    programme_title: str = ""


def render_thanks(data: ThanksDocument) -> bytes:
    """One thank-you letter a page, all printed in one go (no page numbers: each goes to another person)."""
    s = _styles()
    story: list = []
    for index, letter in enumerate(data.letters):
        if index:
            story.append(PageBreak())
        dear = "Szanowna Pani" if letter.female else "Szanowny Pan"
        your = "Pani" if letter.female else "Pana"
        story += [
            Paragraph(text(data.place_and_date), s["right"]),
            Paragraph("PODZIĘKOWANIE", s["letter_title"]),
            Paragraph(dear, s["letter"]),
            Paragraph(text(letter.name), s["letter_name"]),
            Paragraph(f"Serdecznie dziękujemy za {your} zaangażowanie, czas i serce okazane w pracy wolontariackiej "
                      f"w okresie {text(data.period)}"
                      + (f" w ramach: {text(data.programme_title)}" if data.programme_title else "") + ".",
                      s["letter"]),
            Paragraph(f"Przepracowane godziny: <b>{text(letter.hours)}</b>.", s["letter"]),
            Paragraph("Dzięki zaangażowaniu wolontariuszy nasza społeczność staje się silniejsza i bardziej życzliwa.",
                      s["letter"]),
            Spacer(1, 24 * mm),
            signature_block(["", data.organisation or "Korzystający"], USABLE),
        ]
    return _render(data.header, f"Podziękowania dla wolontariuszy {data.period}", story, numbered=False)


__all__ = [
    "PeriodDocument", "PeriodLine", "ThanksDocument", "ThanksLetter", "render_gala_list", "render_hours_summary",
    "render_thanks",
]
