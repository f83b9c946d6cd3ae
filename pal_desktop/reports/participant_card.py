"""Karta uczestnika: one participant's record for the office's paper file — personal data, reasons for
support, special statuses, signed documents, the support received — with lines for both signatures.

The card shows the cash assistance received, which art. 100 of the social-assistance act keeps from lists
that leave the office: it is meant for the participant's file only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from pal_desktop.reports.styles import (
    FONT,
    FONT_BOLD,
    MARGIN,
    TABLE_GRID,
    DocumentHeader,
    page_size,
    printed_note,
    render_flow,
    styles,
)


@dataclass(frozen=True)
class SupportLine:
    form: str
    planned: str
    given: str
    status: str


@dataclass(frozen=True)
class InternshipLine:
    employer: str
    position: str
    period: str
    stipend: str


@dataclass(frozen=True)
class CashLine:
    benefit: str
    decision: str
    period: str
    amount: str
    paid_on: str


@dataclass(frozen=True)
class ParticipantCardData:
    header: DocumentHeader
    name: str
    record_number: str
    status: str
    #: (label, value) pairs: PESEL, birth date, sex, address, phone, e-mail, education, labour status...
    personal: list[tuple[str, str]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    #: (label, answer) pairs: the EU data set's special statuses.
    special: list[tuple[str, str]] = field(default_factory=list)
    #: (document, signed on) pairs; an empty date prints as "nie podpisano".
    documents: list[tuple[str, str]] = field(default_factory=list)
    support: list[SupportLine] = field(default_factory=list)
    attendance: str = ""
    internships: list[InternshipLine] = field(default_factory=list)
    cash: list[CashLine] = field(default_factory=list)
    #: Household members covered by support: (name, relation, birth date).
    family: list[tuple[str, str, str]] = field(default_factory=list)
    notes: str = ""
    printed_on: str = ""


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), styles()[style])


def _heading(text: str) -> Paragraph:
    paragraph = Paragraph(escape(text), ParagraphStyle("card_heading", parent=styles()["heading"],
                                                       spaceBefore=3 * mm, spaceAfter=1.5 * mm))
    paragraph.keepWithNext = True
    return paragraph


_FACTS_STYLE = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999")),
    ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f3f6fa")),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
]


def _facts(pairs: list[tuple[str, str]], width: float, label_width: float = 48 * mm) -> Table:
    """A two-column table: label, value."""
    rows = [[_p(label, "cell_bold"), _p(value or "—", "cell")] for label, value in pairs]
    table = Table(rows, colWidths=[label_width, width - label_width])
    table.setStyle(TableStyle(_FACTS_STYLE))
    return table


def _facts_two_columns(pairs: list[tuple[str, str]], width: float, label: float = 36 * mm) -> Table:
    """Short facts side by side in two pairs of columns, to keep the card on one page."""
    half = (len(pairs) + 1) // 2
    left, right = pairs[:half], pairs[half:]
    value = width / 2 - label
    rows = []
    for index in range(half):
        row = [_p(left[index][0], "cell_bold"), _p(left[index][1] or "—", "cell")]
        if index < len(right):
            row += [_p(right[index][0], "cell_bold"), _p(right[index][1] or "—", "cell")]
        else:
            row += ["", ""]
        rows.append(row)
    table = Table(rows, colWidths=[label, value, label, value])
    table.setStyle(TableStyle(_FACTS_STYLE + [("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#f3f6fa"))]))
    return table


def _grid(header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
    body = [[_p(h, "cell_bold") for h in header]] + [[_p(cell, "cell") for cell in row] for row in rows]
    table = Table(body, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(TABLE_GRID + [("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _signatures(width: float) -> Table:
    line = "." * 60
    caption = styles()["small"]
    rows = [[_p(line, "small"), "", _p(line, "small")],
            [Paragraph("data i podpis uczestnika", caption), "", Paragraph("data i podpis pracownika", caption)]]
    column = (width - 20 * mm) / 2
    table = Table(rows, colWidths=[column, 20 * mm, column])
    table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"), ("FONTNAME", (0, 0), (-1, -1), FONT),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def render_participant_card(data: ParticipantCardData) -> bytes:
    """The PDF as bytes."""
    usable = page_size()[0] - 2 * MARGIN
    story: list = [_p("Karta uczestnika", "title")]
    title_row = Table([[Paragraph(f"<font name='{FONT_BOLD}' size='13'>{escape(data.name)}</font>", styles()["body"]),
                        Paragraph(f"Nr w ewidencji: <b>{escape(data.record_number)}</b><br/>Status: "
                                  f"<b>{escape(data.status)}</b>",
                                  ParagraphStyle("right", parent=styles()["cell"], alignment=TA_RIGHT))]],
                      colWidths=[usable * 0.64, usable * 0.36])
    title_row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                                   ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#4a6a8a")),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    story += [title_row, Spacer(1, 1 * mm)]
    # Each section is a heading and what follows; the last one keeps the signatures company on its page.
    sections = card_sections(data, usable)
    for section in sections[:-1]:
        story += section
    story.append(KeepTogether(sections[-1] + [Spacer(1, 8 * mm), _signatures(usable)]))
    footer = printed_note(data.printed_on, "dokument do akt uczestnika, zawiera dane osobowe") if data.printed_on else ""
    return render_flow(data.header, f"Karta uczestnika — {data.name}", story, footer)


def card_sections(data: ParticipantCardData, usable: float) -> list[list]:
    """The card's sections, each a heading and what follows it (also the body of the art. 15 report)."""
    sections: list[list] = []
    if data.personal:
        sections.append([_heading("Dane osobowe"), _facts_two_columns(data.personal, usable, 34 * mm)])
    if data.family:
        sections.append([_heading("Rodzina objęta wsparciem"),
                         _grid(["Imię i nazwisko", "Pokrewieństwo", "Data urodzenia"], [list(f) for f in data.family],
                               [usable * 0.5, usable * 0.3, usable * 0.2])])
    if data.reasons:
        sections.append([_heading("Powody objęcia wsparciem (art. 7 ustawy o pomocy społecznej)"),
                         _p(", ".join(data.reasons))])
    if data.special:
        sections.append([_heading("Sytuacja uczestnika (dane do monitorowania)"),
                         _facts_two_columns(data.special, usable, 62 * mm)])
    if data.documents:
        sections.append([_heading("Dokumenty i oświadczenia"),
                         _facts_two_columns([(name, signed or "nie podpisano") for name, signed in data.documents],
                                            usable, 62 * mm)])
    support: list = [_heading("Otrzymane wsparcie")]
    if data.support:
        support.append(_grid(["Forma wsparcia", "Okres planowany", "Okres realizacji", "Status"],
                             [[s.form, s.planned, s.given, s.status] for s in data.support],
                             [usable * 0.30, usable * 0.26, usable * 0.26, usable * 0.18]))
    else:
        support.append(_p("Ścieżka wsparcia nie została zaplanowana.", "small"))
    if data.attendance:
        support += [Spacer(1, 1.5 * mm), _p(data.attendance)]
    sections.append(support)
    if data.internships:
        sections.append([_heading("Staże"), _grid(
            ["Pracodawca", "Stanowisko", "Okres", "Stypendium"],
            [[i.employer, i.position, i.period, i.stipend] for i in data.internships],
            [usable * 0.34, usable * 0.24, usable * 0.24, usable * 0.18])])
    if data.cash:
        sections.append([_heading("Pomoc pieniężna"), _grid(
            ["Świadczenie", "Decyzja", "Okres", "Kwota", "Wypłata"],
            [[c.benefit, c.decision, c.period, c.amount, c.paid_on] for c in data.cash],
            [usable * 0.2, usable * 0.28, usable * 0.24, usable * 0.14, usable * 0.14])])
    if data.notes:
        sections.append([_heading("Uwagi"), _p(data.notes)])
    return sections


__all__ = ["card_sections", "CashLine", "InternshipLine", "ParticipantCardData", "SupportLine", "render_participant_card"]
