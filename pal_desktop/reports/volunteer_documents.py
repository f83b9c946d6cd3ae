"""One volunteer's documents: the agreement to be signed, the monthly timesheet, the certificate and the
opinion.

Each renderer takes plain data (already formatted in Polish) and returns the bytes of a PDF with the
embedded DejaVu font, the logo strip and organisation header on every page and "Strona X z Y" (the layout
is in ``volunteer_layout``; the documents over a period for every volunteer are in ``volunteer_lists``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from pal_desktop.reports.styles import DocumentHeader
from pal_desktop.reports.volunteer_layout import (
    CHILD_PROTECTION_ACT_GENITIVE,
    LEGAL_ACT_GENITIVE,
    USABLE,
    _facts_table,
    _grid,
    _render,
    _styles,
    _value_sentence,
    signature_block,
    text,
)

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
    reimbursed_costs: str = ""
    nnw_insurer: str = ""
    nnw_policy_number: str = ""
    nnw_period: str = ""
    #: Under 13 at the start: the legal representative concludes the agreement for the child (k.c. art. 12, 14).
    under_13: bool = False


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
    s = _styles()
    concluded = "zawarte" + (f" w dniu {text(data.signed_date)}" if data.signed_date else "") \
        + (f" w miejscowości {text(data.signing_place)}" if data.signing_place else "")
    story = [
        Paragraph("POROZUMIENIE O WYKONYWANIU ŚWIADCZEŃ WOLONTARIUSZA", s["title"]),
        Paragraph(f"nr {text(data.number)}", s["subtitle"]),
        Paragraph(f"{concluded} na podstawie art. 44 {LEGAL_ACT_GENITIVE} pomiędzy stronami:", s["paragraph"]),
        _parties_table(data, USABLE),
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
        policy = ", ".join(part for part in (
            f"ubezpieczyciel: {text(data.nnw_insurer)}" if data.nnw_insurer else "",
            f"polisa nr {text(data.nnw_policy_number)}" if data.nnw_policy_number else "",
            f"okres: {text(data.nnw_period)}" if data.nnw_period else "") if part)
        duties.append("Korzystający ubezpiecza Wolontariusza od następstw nieszczęśliwych wypadków (NNW) na czas "
                      "wykonywania świadczeń" + (f" ({policy})." if policy else "."))
    else:
        duties.append("Świadczenia trwają dłużej niż 30 dni: Wolontariuszowi przysługują świadczenia z tytułu "
                      "wypadków przy wykonywaniu świadczeń na zasadach przewidzianych w ustawie.")
    if data.travel_cost_waiver:
        duties.append("Wolontariusz zwalnia Korzystającego z obowiązku pokrycia kosztów podróży służbowych i diet "
                      "związanych z wykonywaniem świadczeń.")
    else:
        duties.append("Korzystający pokrywa, na dotyczących pracowników zasadach, koszty podróży służbowych i diet "
                      "związane z wykonywaniem świadczeń, po ich uzgodnieniu z Korzystającym.")
    if data.reimbursed_costs:
        duties.append(f"Korzystający pokrywa ponadto następujące koszty niezbędne do wykonywania świadczeń: "
                      f"{text(data.reimbursed_costs)}.")
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
            f"Karnego{presented} — art. 21 {CHILD_PROTECTION_ACT_GENITIVE}.")
    if data.under_13:
        volunteer_duties.append(
            "Wolontariusz nie ukończył 13 lat; porozumienie w jego imieniu zawiera i podpisuje przedstawiciel "
            "ustawowy (rodzic lub opiekun).")
    elif data.minor:
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
    if data.under_13:
        labels.append("Przedstawiciel ustawowy zawierający porozumienie w imieniu Wolontariusza (podpis)")
    elif data.minor:
        labels.append("Przedstawiciel ustawowy Wolontariusza (podpis)")
    story += [Spacer(1, 8 * mm), KeepTogether([signature_block(labels, USABLE, height=18 * mm)])]
    return _render(data.header, f"Porozumienie nr {data.number}", story)


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
    s = _styles()
    facts = [("Wolontariusz", data.volunteer_name), ("Miesiąc", data.month),
             ("Porozumienie", data.agreements or "—")]
    rows = [["Lp.", "Data", "Godziny", "Zadanie / wydarzenie", "Opis wykonanych czynności"]]
    rows += [[f"{n}.", line.date, line.hours, line.task, line.activity]
             for n, line in enumerate(data.lines, start=1)]
    rows.append(["", "Razem", data.total_hours, f"dni: {data.days}", ""])
    widths = [10 * mm, 22 * mm, 22 * mm, (USABLE - 54 * mm) * 0.45, (USABLE - 54 * mm) * 0.55]
    table = _grid(rows, widths, total_row=True)
    table.setStyle(TableStyle([("ALIGN", (2, 1), (2, -1), "RIGHT")]))
    story = [Paragraph("KARTA PRACY WOLONTARIUSZA", s["title"]), _facts_table(facts, USABLE, 34 * mm),
             Spacer(1, 5 * mm), table, Spacer(1, 4 * mm),
             Paragraph(f"Łączna liczba godzin w miesiącu: <b>{text(data.total_hours)}</b>. "
                       + _value_sentence(data.rate_text, data.value_text, "Wartość pracy wolontariusza"),
                       s["paragraph"]),
             Paragraph("Potwierdzam wykonanie świadczeń w wymiarze wskazanym w karcie.", s["paragraph"]),
             Spacer(1, 6 * mm),
             KeepTogether([signature_block(["Wolontariusz (data i podpis)",
                                            "Koordynator wolontariatu / Korzystający (data i podpis)"], USABLE)])]
    return _render(data.header, f"Karta pracy wolontariusza — {data.month}", story)


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


def _issued_on_request(document: str) -> list:
    """The end of the certificate and the opinion: "{document} wydaje się na wniosek wolontariusza…" and the
    signature of the office's representative."""
    return [Paragraph(f"{document} wydaje się na wniosek wolontariusza na podstawie art. 44 {LEGAL_ACT_GENITIVE}.",
                      _styles()["paragraph"]),
            Spacer(1, 14 * mm),
            KeepTogether([signature_block(["", "pieczęć i podpis osoby upoważnionej do reprezentowania "
                                               "Korzystającego"], USABLE)])]


def render_certificate(data: VolunteerRecord) -> bytes:
    """Zaświadczenie o wykonaniu świadczeń: periods, scope and hours, issued at the volunteer's request."""
    story = _record_story(data, USABLE, "ZAŚWIADCZENIE<br/><font size=11>o wykonaniu świadczeń przez "
                                        "wolontariusza</font>", "zaświadcza, że")
    story += _issued_on_request("Zaświadczenie")
    return _render(data.header, f"Zaświadczenie — {data.volunteer_name}", story)


def render_opinion(data: VolunteerRecord, assessment: str) -> bytes:
    """Opinia o wykonaniu świadczeń: the facts of the certificate and the office's assessment in its own words."""
    s = _styles()
    story = _record_story(data, USABLE, "OPINIA<br/><font size=11>o wykonaniu świadczeń przez wolontariusza</font>",
                          "potwierdza, że")
    story.append(Paragraph("<b>Ocena wykonywania świadczeń:</b>", s["text"]))
    story += [Paragraph(text(part), s["paragraph"]) for part in assessment.strip().split("\n\n") if part.strip()]
    story += _issued_on_request("Opinię")
    return _render(data.header, f"Opinia — {data.volunteer_name}", story)


__all__ = [
    "AgreementDocument", "TimesheetDocument", "TimesheetLine", "VolunteerRecord", "render_agreement",
    "render_certificate", "render_opinion", "render_timesheet",
]
