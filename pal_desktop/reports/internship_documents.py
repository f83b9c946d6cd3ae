"""An internship's two documents: the certificate the office issues (zaświadczenie o odbyciu stażu) and the
host's opinion (opinia organizatora stażu), a form the host fills in and signs.

Both rest on the practice of the regulation of 20 August 2009 on internships of the unemployed (the host gives
an opinion on the tasks done and the skills gained; the office then issues the certificate), which EFS projects
follow. They take plain data, already formatted in Polish, and use the volunteer documents' page layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from pal_desktop.reports.styles import DocumentHeader
from pal_desktop.reports.volunteer_layout import USABLE, _facts_table, _render, _styles, signature_block, text


@dataclass(frozen=True)
class InternshipRecord:
    header: DocumentHeader
    place_and_date: str
    organisation: str
    participant_name: str
    birth_date: str
    female: bool
    employer: str
    employer_address: str
    position: str
    supervisor: str
    period: str
    agreement: str
    total_hours: str
    days_present: int
    programme_title: str = ""


def _facts(data: InternshipRecord) -> list:
    rows = [("Organizator stażu", data.employer + (f", {data.employer_address}" if data.employer_address else "")),
            ("Stanowisko", data.position or "—"), ("Okres stażu", data.period),
            ("Godziny stażu", f"{data.total_hours} (dni obecności: {data.days_present})")]
    if data.supervisor:
        rows.insert(2, ("Opiekun stażu", data.supervisor))
    if data.agreement:
        rows.append(("Umowa", data.agreement))
    if data.programme_title:
        rows.append(("W ramach", data.programme_title))
    return [_facts_table(rows, USABLE), Spacer(1, 4 * mm)]


def _lines(count: int) -> list:
    """Ruled lines to write on by hand."""
    table = Table([[""]] * count, colWidths=[USABLE], rowHeights=[7 * mm] * count)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey)]))
    return [table]


def render_certificate(data: InternshipRecord) -> bytes:
    """Zaświadczenie o odbyciu stażu: who, where, when and how many hours, signed for the office."""
    s = _styles()
    who = "Pani" if data.female else "Pan"
    did = "odbyła" if data.female else "odbył"
    born = (f", urodzona {data.birth_date}," if data.female else f", urodzony {data.birth_date},") \
        if data.birth_date else ""
    subject = data.organisation or "Realizator projektu"
    story = [Paragraph(text(data.place_and_date), s["right"]), Spacer(1, 6 * mm),
             Paragraph("ZAŚWIADCZENIE<br/><font size=11>o odbyciu stażu</font>", s["title"]),
             Paragraph(f"{text(subject)} zaświadcza, że {who} <b>{text(data.participant_name)}</b>{text(born)} "
                       f"{did} staż na warunkach opisanych poniżej.", s["paragraph"])]
    story += _facts(data)
    story += [Paragraph("Zaświadczenie wydaje się po zakończeniu stażu, na podstawie opinii organizatora stażu.",
                        s["paragraph"]), Spacer(1, 14 * mm),
              KeepTogether([signature_block(["", "pieczęć i podpis osoby upoważnionej"], USABLE)])]
    return _render(data.header, f"Zaświadczenie o odbyciu stażu — {data.participant_name}", story)


def render_opinion(data: InternshipRecord) -> bytes:
    """Opinia organizatora stażu: the facts printed, the tasks, the skills gained and the assessment to write."""
    s = _styles()
    story = [Paragraph("OPINIA<br/><font size=11>organizatora stażu</font>", s["title"]),
             Paragraph(f"Opinia o stażu odbytym przez: <b>{text(data.participant_name)}</b>"
                       + (f", ur. {text(data.birth_date)}" if data.birth_date else ""), s["paragraph"])]
    story += _facts(data)
    for title in ("Zadania realizowane w trakcie stażu:", "Kwalifikacje lub umiejętności praktyczne pozyskane "
                  "w trakcie stażu:", "Ocena (sumienność, frekwencja, samodzielność, współpraca):"):
        story += [Paragraph(f"<b>{title}</b>", s["text"])] + _lines(4) + [Spacer(1, 3 * mm)]
    story += [Spacer(1, 10 * mm), KeepTogether([signature_block(
        ["podpis opiekuna stażu", "pieczęć i podpis organizatora stażu"], USABLE)])]
    return _render(data.header, f"Opinia organizatora stażu — {data.participant_name}", story)


__all__ = ["InternshipRecord", "render_certificate", "render_opinion"]
