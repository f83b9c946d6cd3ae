"""Volunteer documents: the agreement to be signed, the monthly timesheet, the certificate and the opinion,
the hours summary of a period, the gala list and the thank-you letters.

Each renderer takes plain data (already formatted in Polish) and returns the bytes of a PDF with the
embedded DejaVu font, the logo strip and organisation header on every page and, except on the thank-you
letters (each a page of its own, handed to a different person), "Strona X z Y".
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from pal_desktop.reports.styles import (
    FONT,
    FONT_BOLD,
    MARGIN,
    TABLE_GRID,
    DocumentHeader,
    NumberedCanvas,
    draw_header,
    header_height,
    page_size,
    styles,
)

#: The act every volunteer document rests on.
LEGAL_ACT = "ustawa z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie"
LEGAL_ACT_GENITIVE = "ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie"


def text(value: str) -> str:
    """User text made safe for a Paragraph: XML characters escaped, line breaks kept."""
    return escape(value or "").replace("\n", "<br/>")


@cache
def _styles() -> dict[str, ParagraphStyle]:
    base = styles()
    body = ParagraphStyle("vol_body", parent=base["body"], fontSize=10, leading=14, alignment=TA_JUSTIFY)
    return {
        **base,
        "text": body,
        "paragraph": ParagraphStyle("vol_paragraph", parent=body, spaceAfter=2.5 * mm),
        "section": ParagraphStyle("vol_section", parent=body, fontName=FONT_BOLD, alignment=TA_CENTER,
                                  spaceBefore=3 * mm, spaceAfter=1.5 * mm, keepWithNext=1),
        "party": ParagraphStyle("vol_party", parent=body, alignment=0, spaceAfter=2.5 * mm),
        "right": ParagraphStyle("vol_right", parent=body, alignment=TA_RIGHT),
        "centre": ParagraphStyle("vol_centre", parent=body, alignment=TA_CENTER),
        "letter_title": ParagraphStyle("vol_letter_title", parent=base["title"], fontSize=26, leading=32,
                                       spaceBefore=14 * mm, spaceAfter=10 * mm, textColor=colors.HexColor("#1f4e79")),
        "letter_name": ParagraphStyle("vol_letter_name", parent=body, fontName=FONT_BOLD, fontSize=18, leading=24,
                                      alignment=TA_CENTER, spaceAfter=10 * mm),
        "letter": ParagraphStyle("vol_letter", parent=body, fontSize=12.5, leading=19, alignment=TA_CENTER,
                                 spaceAfter=5 * mm),
    }


# ---- Shared pieces -------------------------------------------------------------------------------------


def _document(buffer, header: DocumentHeader, title: str, *, landscape: bool = False):
    width, height = page_size(landscape)
    document = SimpleDocTemplate(buffer, pagesize=(width, height), leftMargin=MARGIN + 3 * mm,
                                 rightMargin=MARGIN + 3 * mm, topMargin=MARGIN + header_height(header) + 5 * mm,
                                 bottomMargin=MARGIN + 6 * mm, title=title,
                                 author=header.organisation or "PAL Desktop", creator="PAL Desktop")
    return document, width, height


def _build(document, story, header: DocumentHeader, width: float, height: float, *, numbered: bool = True) -> None:
    def on_page(canvas, _doc) -> None:
        canvas.saveState()
        draw_header(canvas, header, width, height)
        canvas.restoreState()

    document.build(story, onFirstPage=on_page, onLaterPages=on_page,
                   canvasmaker=NumberedCanvas if numbered else pdf_canvas.Canvas)


def signature_block(labels: list[str], usable: float, *, height: float = 16 * mm) -> Table:
    """Empty space to sign in, a line and a caption under it, side by side (an empty label leaves a gap)."""
    caption = ParagraphStyle("vol_signature", parent=_styles()["small"], alignment=TA_CENTER)
    count = len(labels)
    gap = 12 * mm
    width = (usable - gap * (count - 1)) / count
    widths, first_row, captions = [], [], []
    for index, label in enumerate(labels):
        if index:
            widths.append(gap)
            first_row.append("")
            captions.append("")
        widths.append(width)
        first_row.append("")
        captions.append(Paragraph(text(label), caption) if label else "")
    table = Table([first_row, captions], colWidths=widths, rowHeights=[height, None])
    commands = [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 1), (-1, 1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
    commands += [("LINEABOVE", (2 * index, 1), (2 * index, 1), 0.6, colors.black)
                 for index, label in enumerate(labels) if label]
    table.setStyle(TableStyle(commands))
    return table


def _facts_table(rows: list[tuple[str, str]], usable: float, label_width: float = 48 * mm) -> Table:
    style = _styles()["cell"]
    table = Table([[Paragraph(text(label), _styles()["cell_bold"]), Paragraph(text(value), style)]
                   for label, value in rows], colWidths=[label_width, usable - label_width])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ]))
    return table


def _grid(rows: list[list], widths: list[float], *, numeric_from: int | None = None, total_row: bool = False,
          font_size: float = 8.5, numbered: bool = True) -> Table:
    cell = ParagraphStyle("grid_cell", parent=_styles()["cell"], fontSize=font_size, leading=font_size + 2)
    head = ParagraphStyle("grid_head", parent=_styles()["cell_bold"], fontSize=font_size, leading=font_size + 2)
    body = [[Paragraph(text(str(v)), head) for v in rows[0]]]
    for index, row in enumerate(rows[1:], start=1):
        style = head if total_row and index == len(rows) - 1 else cell
        body.append([Paragraph(text(str(v)), style) if isinstance(v, str) and len(v) > 18 else v for v in row])
    table = Table(body, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands = list(TABLE_GRID) + [("FONTSIZE", (0, 0), (-1, -1), font_size), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if numeric_from is not None:
        commands.append(("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"))
    if numbered:
        commands.append(("ALIGN", (0, 1), (0, -1), "RIGHT"))
    if total_row:
        commands += [("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
                     ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f2f2f2"))]
    table.setStyle(TableStyle(commands))
    return table


def _value_sentence(rate_text: str, value_text: str, label: str) -> str:
    """ "Stawka za godzinę: 35,00 zł. {label}: 437,50 zł." — or "" when the settings give no rate: a document
    handed to people says nothing rather than an internal hint (the window tells the office why)."""
    if not rate_text or not value_text:
        return ""
    return f"Stawka za godzinę pracy wolontariusza: {text(rate_text)}. {text(label)}: <b>{text(value_text)}</b>."


def _usable(width: float) -> float:
    return width - 2 * (MARGIN + 3 * mm)


# ---- The agreement -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgreementDocument:
    header: DocumentHeader
    number: str
    #: dd.mm.rrrr, or "" for a blank line to fill in by hand.
    signed_date: str
    signing_place: str
    organisation: str
    organisation_address: str
    volunteer_name: str
    volunteer_birth_date: str
    volunteer_address: str
    volunteer_contact: str
    scope: str
    manner: str
    time_description: str
    place: str
    start: str
    end: str
    days: int
    termination_terms: str
    nnw_insurance: bool
    health_safety_date: str
    travel_cost_waiver: bool
    works_with_children: bool = False
    register_check_date: str = ""
    criminal_record_date: str = ""
    minor: bool = False
    guardian_consent_date: str = ""
    female: bool = False
    programme_title: str = ""
    #: The office's block (name, address, "00-000 Town"), one line each.
    office_lines: tuple[str, ...] = ()


def _parties_table(data: AgreementDocument, usable: float) -> Table:
    """The two parties in the nominative, each on its own rows: no declension needed, nothing to fill in but
    the name of the office's representative (a line to write on)."""
    s = _styles()
    office = "<br/>".join(text(line) for line in data.office_lines) or text(data.organisation)
    volunteer = [f"<b>{text(data.volunteer_name)}</b>"]
    if data.volunteer_birth_date:
        volunteer.append(f"data urodzenia: {text(data.volunteer_birth_date)}")
    if data.volunteer_address:
        volunteer.append(f"adres: {text(data.volunteer_address)}")
    if data.volunteer_contact:
        volunteer.append(f"kontakt: {text(data.volunteer_contact)}")
    label = s["cell_bold"]
    rows = [[Paragraph("Korzystający", label), Paragraph(f"<b>{office}</b>" if office else "", s["text"])],
            [Paragraph("reprezentowany przez", s["cell"]), ""],
            [Paragraph("Wolontariusz", label), Paragraph("<br/>".join(volunteer), s["text"])]]
    label_width = 40 * mm
    table = Table(rows, colWidths=[label_width, usable - label_width], rowHeights=[None, 10 * mm, None])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
        ("LINEBELOW", (1, 1), (1, 1), 0.5, colors.black),
        ("LINEABOVE", (0, 2), (-1, 2), 0.25, colors.lightgrey),
        ("LEFTPADDING", (0, 0), (0, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def render_agreement(data: AgreementDocument) -> bytes:
    """The agreement (porozumienie) in two copies' wording, with the signature lines of both parties."""
    buffer = io.BytesIO()
    document, width, height = _document(buffer, data.header, f"Porozumienie nr {data.number}")
    usable = _usable(width)
    s = _styles()
    concluded = "zawarte" + (f" w dniu {text(data.signed_date)}" if data.signed_date else "") \
        + (f" w miejscowości {text(data.signing_place)}" if data.signing_place else "")
    story = [
        Paragraph("POROZUMIENIE O WYKONYWANIU ŚWIADCZEŃ WOLONTARIUSZA", s["title"]),
        Paragraph(f"nr {text(data.number)}", s["subtitle"]),
        Paragraph(f"{concluded} na podstawie art. 44 {LEGAL_ACT_GENITIVE} pomiędzy stronami:", s["paragraph"]),
        _parties_table(data, usable),
        Spacer(1, 2 * mm),
        Paragraph("zwanymi dalej odpowiednio „Korzystającym” i „Wolontariuszem”.", s["party"]),
    ]

    def section(number: int, title: str, paragraphs: list[str]) -> None:
        story.append(Paragraph(f"§ {number}. {title}", s["section"]))
        for number_in, paragraph in enumerate(paragraphs, start=1):
            prefix = f"{number_in}. " if len(paragraphs) > 1 else ""
            story.append(Paragraph(prefix + paragraph, s["paragraph"]))

    section(1, "Zakres świadczeń", [
        f"Wolontariusz dobrowolnie i bez wynagrodzenia wykonuje na rzecz Korzystającego świadczenia w zakresie: "
        f"{text(data.scope)}."
        + (f" Świadczenia są wykonywane w ramach: {text(data.programme_title)}." if data.programme_title else "")])
    section(2, "Sposób i miejsce wykonywania świadczeń", [
        f"Wolontariusz wykonuje świadczenia {text(data.manner)}.",
        *([f"Miejsce wykonywania świadczeń: {text(data.place)}."] if data.place else [])])
    section(3, "Czas wykonywania świadczeń", [
        f"Porozumienie zawiera się na czas od {text(data.start)} do {text(data.end)} ({data.days} dni).",
        f"Wymiar i pora wykonywania świadczeń: {text(data.time_description)}."])
    duties = [
        "Korzystający poinformował Wolontariusza o ryzyku dla zdrowia i bezpieczeństwa związanym z wykonywanymi "
        "świadczeniami oraz o zasadach ochrony przed zagrożeniami"
        + (f" w dniu {text(data.health_safety_date)}." if data.health_safety_date else "."),
        "Korzystający zapewnia Wolontariuszowi bezpieczne i higieniczne warunki wykonywania świadczeń, w tym "
        "środki ochrony indywidualnej odpowiednie do rodzaju i zagrożeń związanych z wykonywanymi świadczeniami.",
    ]
    if data.nnw_insurance:
        duties.append("Korzystający ubezpiecza Wolontariusza od następstw nieszczęśliwych wypadków (NNW) na czas "
                      "wykonywania świadczeń.")
    else:
        duties.append("Świadczenia trwają dłużej niż 30 dni: Wolontariuszowi przysługują świadczenia z tytułu "
                      "wypadków przy wykonywaniu świadczeń na zasadach przewidzianych w ustawie.")
    if data.travel_cost_waiver:
        duties.append("Wolontariusz zwalnia Korzystającego z obowiązku pokrycia kosztów podróży służbowych i diet "
                      "związanych z wykonywaniem świadczeń.")
    else:
        duties.append("Korzystający pokrywa, na dotyczących pracowników zasadach, koszty podróży służbowych i diet "
                      "związane z wykonywaniem świadczeń, po ich uzgodnieniu z Korzystającym.")
    duties.append("Na wniosek Wolontariusza Korzystający wydaje pisemne zaświadczenie o wykonaniu świadczeń, "
                  "zawierające informację o ich zakresie, oraz może wydać pisemną opinię o wykonaniu świadczeń.")
    section(4, "Obowiązki Korzystającego", duties)
    volunteer_duties = [
        "Wolontariusz wykonuje świadczenia osobiście, z należytą starannością, zgodnie ze wskazówkami "
        "Korzystającego.",
        "Wolontariusz zachowuje w tajemnicy informacje, w tym dane osobowe uczestników i ich rodzin, uzyskane w "
        "związku z wykonywaniem świadczeń, także po rozwiązaniu porozumienia.",
    ]
    if data.works_with_children:
        checked = f" w dniu {text(data.register_check_date)}" if data.register_check_date else ""
        presented = f" z dnia {text(data.criminal_record_date)}" if data.criminal_record_date else ""
        volunteer_duties.append(
            f"Świadczenia obejmują pracę z dziećmi: Korzystający sprawdził{checked} Wolontariusza w Rejestrze "
            f"Sprawców Przestępstw na Tle Seksualnym, a Wolontariusz przedstawił informację z Krajowego Rejestru "
            f"Karnego{presented} — art. 21 ustawy z dnia 13 maja 2016 r. o przeciwdziałaniu zagrożeniom "
            "przestępczością na tle seksualnym.")
    if data.minor:
        volunteer_duties.append(
            "Wolontariusz jest osobą niepełnoletnią; pisemna zgoda przedstawiciela ustawowego"
            + (f" z dnia {text(data.guardian_consent_date)}" if data.guardian_consent_date else "")
            + " stanowi załącznik do porozumienia.")
    section(5, "Obowiązki Wolontariusza", volunteer_duties)
    section(6, "Rozwiązanie porozumienia", [f"Porozumienie może zostać rozwiązane {text(data.termination_terms)}."])
    section(7, "Postanowienia końcowe", [
        f"W sprawach nieuregulowanych porozumieniem stosuje się przepisy {LEGAL_ACT_GENITIVE} oraz Kodeksu "
        "cywilnego.",
        "Zmiany porozumienia wymagają formy pisemnej.",
        "Porozumienie sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym dla każdej ze stron."])
    labels = ["Korzystający (podpis i pieczęć osoby reprezentującej)", "Wolontariusz (czytelny podpis)"]
    if data.minor:
        labels.append("Przedstawiciel ustawowy Wolontariusza (podpis)")
    story += [Spacer(1, 8 * mm), KeepTogether([signature_block(labels, usable, height=18 * mm)])]
    _build(document, story, data.header, width, height)
    return buffer.getvalue()


# ---- The monthly timesheet -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TimesheetLine:
    date: str
    hours: str
    task: str
    activity: str


@dataclass(frozen=True)
class TimesheetDocument:
    header: DocumentHeader
    volunteer_name: str
    #: "maj 2021".
    month: str
    agreements: str
    lines: list[TimesheetLine]
    total_hours: str
    days: int
    rate_text: str
    value_text: str


def render_timesheet(data: TimesheetDocument) -> bytes:
    """Karta pracy wolontariusza: the month's logged days, the total and its value, signed by both sides."""
    buffer = io.BytesIO()
    document, width, height = _document(buffer, data.header, f"Karta pracy wolontariusza — {data.month}")
    usable = _usable(width)
    s = _styles()
    facts = [("Wolontariusz", data.volunteer_name), ("Miesiąc", data.month),
             ("Porozumienie", data.agreements or "—")]
    rows = [["Lp.", "Data", "Godziny", "Zadanie / wydarzenie", "Opis wykonanych czynności"]]
    rows += [[f"{n}.", line.date, line.hours, line.task, line.activity]
             for n, line in enumerate(data.lines, start=1)]
    rows.append(["", "Razem", data.total_hours, f"dni: {data.days}", ""])
    widths = [10 * mm, 22 * mm, 22 * mm, (usable - 54 * mm) * 0.45, (usable - 54 * mm) * 0.55]
    table = _grid(rows, widths, total_row=True)
    table.setStyle(TableStyle([("ALIGN", (2, 1), (2, -1), "RIGHT")]))
    story = [Paragraph("KARTA PRACY WOLONTARIUSZA", s["title"]), _facts_table(facts, usable, 34 * mm),
             Spacer(1, 5 * mm), table, Spacer(1, 4 * mm),
             Paragraph(f"Łączna liczba godzin w miesiącu: <b>{text(data.total_hours)}</b>. "
                       + _value_sentence(data.rate_text, data.value_text, "Wartość pracy wolontariusza"),
                       s["paragraph"]),
             Paragraph("Potwierdzam wykonanie świadczeń w wymiarze wskazanym w karcie.", s["paragraph"]),
             Spacer(1, 6 * mm),
             KeepTogether([signature_block(["Wolontariusz (data i podpis)",
                                            "Koordynator wolontariatu / Korzystający (data i podpis)"], usable)])]
    _build(document, story, data.header, width, height)
    return buffer.getvalue()


# ---- The certificate and the opinion -------------------------------------------------------------------


@dataclass(frozen=True)
class VolunteerRecord:
    """What the certificate and the opinion say about the volunteer's work."""

    header: DocumentHeader
    #: "Kłobuck, 26.11.2026".
    place_and_date: str
    organisation: str
    volunteer_name: str
    birth_date: str
    female: bool
    #: "01.04.2021 – 31.12.2021 (porozumienie nr W/2021/001)".
    periods: list[str]
    scopes: list[str]
    total_hours: str
    days: int
    #: (task or "inne", hours) — the scope of the work as logged.
    per_task: list[tuple[str, str]] = field(default_factory=list)
    programme_title: str = ""
    reference: str = ""
    #: The number from the register of issued documents ("Z/2026/001"), printed under the title.
    number: str = ""


def _record_story(data: VolunteerRecord, usable: float, certifies: str, verb: str) -> list:
    s = _styles()
    who = "Pani" if data.female else "Pan"
    worked = "wykonywała" if data.female else "wykonywał"
    born = f", urodzona {data.birth_date}," if data.female else f", urodzony {data.birth_date},"
    born = born if data.birth_date else ""
    story = [Paragraph(text(data.place_and_date), s["right"])]
    if data.reference:
        story.append(Paragraph(text(data.reference), s["text"]))
    story += [Spacer(1, 6 * mm), Paragraph(certifies, s["title"])]
    if data.number:
        story.append(Paragraph(f"nr {text(data.number)}", s["subtitle"]))
    subject = data.organisation or "Korzystający"
    intro = (f"{text(subject)} {verb} {who} <b>{text(data.volunteer_name)}</b>{text(born)} {worked} "
             f"świadczenia wolontariusza na podstawie porozumienia zawartego zgodnie z art. 44 {LEGAL_ACT_GENITIVE}"
             + (f", w ramach: {text(data.programme_title)}" if data.programme_title else "") + ".")
    story.append(Paragraph(intro, s["paragraph"]))
    story.append(Paragraph("<b>Okres wykonywania świadczeń:</b>", s["text"]))
    story += [Paragraph(f"• {text(period)}", s["text"]) for period in data.periods] or [Paragraph("—", s["text"])]
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph("<b>Zakres świadczeń:</b>", s["text"]))
    story += [Paragraph(f"• {text(scope)}", s["text"]) for scope in data.scopes] or [Paragraph("—", s["text"])]
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph(f"<b>Łączna liczba godzin świadczeń: {text(data.total_hours)}</b> (w {data.days} "
                           f"{'dniu' if data.days == 1 else 'dniach'}).", s["paragraph"]))
    if data.per_task:
        rows = [["Zadanie", "Godziny"]] + [[task, hours] for task, hours in data.per_task]
        story += [_grid(rows, [usable - 28 * mm, 28 * mm], numeric_from=1, numbered=False), Spacer(1, 3 * mm)]
    return story


def render_certificate(data: VolunteerRecord) -> bytes:
    """Zaświadczenie o wykonaniu świadczeń: periods, scope and hours, issued at the volunteer's request."""
    buffer = io.BytesIO()
    document, width, height = _document(buffer, data.header, f"Zaświadczenie — {data.volunteer_name}")
    usable = _usable(width)
    s = _styles()
    story = _record_story(data, usable, "ZAŚWIADCZENIE<br/><font size=11>o wykonaniu świadczeń przez "
                                        "wolontariusza</font>", "zaświadcza, że")
    story += [Paragraph("Zaświadczenie wydaje się na wniosek wolontariusza na podstawie art. 44 "
                        f"{LEGAL_ACT_GENITIVE}.", s["paragraph"]),
              Spacer(1, 14 * mm),
              KeepTogether([signature_block(["", "pieczęć i podpis osoby upoważnionej do reprezentowania "
                                                 "Korzystającego"], usable)])]
    _build(document, story, data.header, width, height)
    return buffer.getvalue()


def render_opinion(data: VolunteerRecord, assessment: str) -> bytes:
    """Opinia o wykonaniu świadczeń: the facts of the certificate and the office's assessment in its own words."""
    buffer = io.BytesIO()
    document, width, height = _document(buffer, data.header, f"Opinia — {data.volunteer_name}")
    usable = _usable(width)
    s = _styles()
    story = _record_story(data, usable, "OPINIA<br/><font size=11>o wykonaniu świadczeń przez wolontariusza</font>",
                          "potwierdza, że")
    story.append(Paragraph("<b>Ocena wykonywania świadczeń:</b>", s["text"]))
    story += [Paragraph(text(part), s["paragraph"]) for part in assessment.strip().split("\n\n") if part.strip()]
    story += [Paragraph("Opinię wydaje się na wniosek wolontariusza na podstawie art. 44 "
                        f"{LEGAL_ACT_GENITIVE}.", s["paragraph"]),
              Spacer(1, 14 * mm),
              KeepTogether([signature_block(["", "pieczęć i podpis osoby upoważnionej do reprezentowania "
                                                 "Korzystającego"], usable)])]
    _build(document, story, data.header, width, height)
    return buffer.getvalue()


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
    buffer = io.BytesIO()
    document, width, height = _document(buffer, data.header, f"Zestawienie godzin wolontariuszy {data.period}")
    usable = _usable(width)
    s = _styles()
    story = [Paragraph("ZESTAWIENIE GODZIN PRACY WOLONTARIUSZY", s["title"]),
             Paragraph(f"okres: {text(data.period)}", s["subtitle"]),
             _period_table(data, usable, "Lp."), Spacer(1, 3 * mm),
             Paragraph(_value_sentence(data.rate_text, data.total_value,
                                       "Wartość pracy wolontariuszy (wkład własny niepieniężny)"), s["paragraph"])]
    with_value = bool(data.rate_text)
    if data.per_task:
        story += [Paragraph("Według zadań harmonogramu", s["heading"]),
                  _totals_grid("Zadanie", data.per_task, usable - (58 if with_value else 24) * mm, with_value)]
    if data.per_month:
        story += [Paragraph("Według miesięcy", s["heading"]),
                  _totals_grid("Miesiąc", data.per_month, 50 * mm, with_value)]
    if data.printed_on:
        story += [Spacer(1, 4 * mm), Paragraph(f"Sporządzono: {text(data.printed_on)}", s["small"])]
    story += [Spacer(1, 10 * mm), KeepTogether([signature_block(["sporządził(a)", "zatwierdził(a)"], usable)])]
    _build(document, story, data.header, width, height)
    return buffer.getvalue()


def render_gala_list(data: PeriodDocument) -> bytes:
    """Lista na galę wolontariatu: volunteers ranked by their hours in the period."""
    buffer = io.BytesIO()
    document, width, height = _document(buffer, data.header, f"Gala wolontariatu {data.period}")
    usable = _usable(width)
    s = _styles()
    story = [Paragraph("GALA WOLONTARIATU", s["title"]),
             Paragraph(f"Wolontariusze według liczby przepracowanych godzin<br/>okres: {text(data.period)}",
                       s["subtitle"]),
             _period_table(data, usable, "Miejsce"), Spacer(1, 3 * mm),
             Paragraph(_value_sentence(data.rate_text, data.total_value, "Wartość pracy wolontariuszy"),
                       s["small"])]
    _build(document, story, data.header, width, height)
    return buffer.getvalue()


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
    buffer = io.BytesIO()
    document, width, height = _document(buffer, data.header, f"Podziękowania dla wolontariuszy {data.period}")
    usable = _usable(width)
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
            signature_block(["", data.organisation or "Korzystający"], usable),
        ]
    _build(document, story, data.header, width, height, numbered=False)
    return buffer.getvalue()


__all__ = [
    "LEGAL_ACT", "AgreementDocument", "PeriodDocument", "PeriodLine", "ThanksDocument", "ThanksLetter",
    "TimesheetDocument", "TimesheetLine", "VolunteerRecord", "render_agreement", "render_certificate",
    "render_gala_list", "render_hours_summary", "render_opinion", "render_thanks", "render_timesheet",
    "signature_block",
]
