"""Two documents of the person's rights (RODO): what the office holds about one person (art. 15), and the
information clause with the declaration of participation (art. 13), to be signed at enrolment.

Both take plain data; the wording of the rights follows the regulation and the social-assistance act.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from pal_desktop.reports.participant_card import ParticipantCardData, _grid, _heading, _p, card_sections
from pal_desktop.reports.styles import (
    FONT,
    MARGIN,
    DocumentHeader,
    page_size,
    printed_note,
    render_flow,
)


@dataclass(frozen=True)
class Controller:
    """Who decides about the data: the office, its data protection officer, the programme and its funder."""

    office: str
    address: str
    iod_contact: str
    programme_title: str
    funding_line: str
    #: "do 31.12.2027" or "do końca okresu wskazanego w umowie o dofinansowanie" when not set.
    retention: str


@dataclass(frozen=True)
class AccessLine:
    at: str
    actor: str
    action: str
    what: str


@dataclass(frozen=True)
class PersonDataReport:
    card: ParticipantCardData
    controller: Controller
    #: (date, event, attendance) of every event the person was enrolled in or marked at.
    events: list[tuple[str, str, str]] = field(default_factory=list)
    access: list[AccessLine] = field(default_factory=list)
    printed_on: str = ""


@dataclass(frozen=True)
class ClauseData:
    header: DocumentHeader
    controller: Controller
    name: str
    pesel: str
    address: str
    town: str
    printed_on: str


def _purposes(controller: Controller) -> list[str]:
    funded = f", współfinansowanego ze środków: {controller.funding_line}" if controller.funding_line else ""
    return [
        f"Administratorem danych jest {controller.office or 'ośrodek pomocy społecznej realizujący program'}"
        + (f", {controller.address}" if controller.address else "") + ".",
        "Kontakt z inspektorem ochrony danych: " + (controller.iod_contact or "pod adresem administratora") + ".",
        f"Dane są przetwarzane w celu realizacji programu „{controller.programme_title}”{funded}: rekrutacji, "
        "udzielania wsparcia, monitorowania, sprawozdawczości, kontroli i archiwizacji (art. 6 ust. 1 lit. c i e "
        "oraz art. 9 ust. 2 lit. b i g RODO, w związku z ustawą z dnia 12 marca 2004 r. o pomocy społecznej).",
        "Odbiorcami danych mogą być instytucja finansująca program i podmioty przez nią upoważnione do kontroli "
        "oraz podmioty świadczące ośrodkowi usługi informatyczne lub pocztowe; dane nie są przekazywane do "
        "państw trzecich.",
        f"Dane będą przechowywane {controller.retention}, a następnie zanonimizowane albo usunięte.",
        "Przysługuje Pani/Panu prawo dostępu do danych, ich sprostowania, ograniczenia przetwarzania, sprzeciwu "
        "oraz usunięcia w przypadkach przewidzianych w art. 17 RODO, a także prawo wniesienia skargi do Prezesa "
        "Urzędu Ochrony Danych Osobowych (ul. Stawki 2, 00-193 Warszawa).",
        "Podanie danych jest warunkiem udziału w programie; ich niepodanie uniemożliwia objęcie wsparciem. Dane "
        "nie służą do zautomatyzowanego podejmowania decyzji ani profilowania.",
    ]


def render_person_data_report(data: PersonDataReport) -> bytes:
    """Art. 15 RODO: everything held about the person, what it is for and who looked at it."""
    usable = page_size()[0] - 2 * MARGIN
    card = data.card
    story: list = [_p("Informacja o przetwarzanych danych osobowych (art. 15 RODO)", "title"),
                   _p(f"Osoba: {card.name}, nr w ewidencji {card.record_number}, status: {card.status}."),
                   Spacer(1, 2 * mm), _heading("Cele, podstawy i okres przetwarzania")]
    story += [_p(f"{number}. {text}", "small") for number, text in enumerate(_purposes(data.controller), start=1)]
    for section in card_sections(card, usable):
        story += section
    story.append(_heading("Zajęcia i wydarzenia"))
    if data.events:
        story.append(_grid(["Data", "Wydarzenie", "Obecność"], [list(row) for row in data.events],
                           [usable * 0.16, usable * 0.6, usable * 0.24]))
    else:
        story.append(_p("Brak zapisów na zajęcia i wydarzenia.", "small"))
    story.append(_heading("Kto i kiedy korzystał z danych (dziennik dostępu)"))
    if data.access:
        story.append(_grid(["Data i godzina", "Użytkownik", "Czynność", "Czego dotyczyła"],
                           [[a.at, a.actor, a.action, a.what] for a in data.access],
                           [usable * 0.2, usable * 0.18, usable * 0.27, usable * 0.35]))
    else:
        story.append(_p("Dziennik nie zawiera wpisów o tej osobie.", "small"))
    return render_flow(card.header, f"Dane osobowe — {card.name}", story,
                       printed_note(data.printed_on, "informacja dla osoby, której dane dotyczą (art. 15 RODO)"))


def _signature_line(place_date: str, who: str, width: float) -> Table:
    """Two separate lines to sign on, the place and date under the left one, the signature under the right."""
    table = Table([["", "", ""], [place_date, "", who]], colWidths=[width * 0.4, width * 0.2, width * 0.4],
                  rowHeights=[12 * mm, None])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 1), (-1, 1), 8),
                               ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("LINEABOVE", (0, 1), (0, 1), 0.5, "#444444"),
                               ("LINEABOVE", (2, 1), (2, 1), 0.5, "#444444")]))
    return table


def render_information_clause(data: ClauseData) -> bytes:
    """Two pages: the declaration of participation, then the art. 13 information clause to acknowledge."""
    usable = page_size()[0] - 2 * MARGIN
    controller = data.controller
    place = f"{data.town}, dnia …………………" if data.town else "Miejscowość, dnia …………………"
    story: list = [
        _p("Deklaracja uczestnictwa w programie", "title"),
        _p(f"Ja, niżej podpisana/podpisany {data.name}" + (f", PESEL {data.pesel}" if data.pesel else "")
           + (f", zamieszkała/zamieszkały: {data.address}" if data.address else "") + ","),
        _p(f"deklaruję dobrowolny udział w programie „{controller.programme_title}” realizowanym przez "
           f"{controller.office or 'ośrodek pomocy społecznej'}."),
        Spacer(1, 2 * mm),
        _p("Oświadczam, że:"),
        _p("1. spełniam warunki udziału w programie, a podane przeze mnie dane są zgodne z prawdą;", "small"),
        _p("2. zapoznałam/zapoznałem się z zasadami udziału w programie i zobowiązuję się do udziału w "
           "zaplanowanych formach wsparcia;", "small"),
        _p("3. zobowiązuję się poinformować ośrodek o zmianie danych i o sytuacji po zakończeniu udziału;", "small"),
        _p("4. zostałam/zostałem poinformowana/poinformowany o przetwarzaniu moich danych osobowych (klauzula "
           "informacyjna na następnej stronie).", "small"),
        Spacer(1, 10 * mm),
        _signature_line(place, "czytelny podpis uczestnika", usable),
        PageBreak(),
        _p("Klauzula informacyjna (art. 13 RODO)", "title"),
        _p("Na podstawie art. 13 rozporządzenia Parlamentu Europejskiego i Rady (UE) 2016/679 z dnia 27 kwietnia "
           "2016 r. (RODO) informujemy, że:", "small"),
    ]
    story += [_p(f"{number}. {text}", "small") for number, text in enumerate(_purposes(controller), start=1)]
    story.append(KeepTogether([Spacer(1, 8 * mm), _p("Potwierdzam, że zapoznałam/zapoznałem się z powyższą "
                                                       "informacją."), Spacer(1, 6 * mm),
                               _signature_line(place, f"czytelny podpis: {data.name}", usable)]))
    return render_flow(data.header, f"Deklaracja i klauzula informacyjna — {data.name}", story,
                       printed_note(data.printed_on, "do podpisu przez uczestnika, egzemplarz dla ośrodka"))


__all__ = ["AccessLine", "ClauseData", "Controller", "PersonDataReport", "render_information_clause",
           "render_person_data_report"]
