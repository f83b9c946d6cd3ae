"""``pal-desktop report volunteer-…``: the volunteer documents' arguments and which service prints each."""

from __future__ import annotations

from pathlib import Path


def add_volunteer_documents(documents) -> None:
    """The volunteer documents under ``report``: one volunteer's, an agreement, and the period lists."""
    from pal_desktop.cli import _date, _month, _positive_int

    def document(name: str, help_text: str):
        parser = documents.add_parser(name, help=help_text)
        parser.add_argument("-o", "--output", required=True, type=Path, metavar="PLIK.pdf", help="plik wynikowy PDF")
        return parser

    def period(parser) -> None:
        parser.add_argument("--from", dest="date_from", required=True, type=_date, metavar="DATA",
                            help="początek okresu: dd.mm.rrrr albo rrrr-mm-dd")
        parser.add_argument("--to", dest="date_to", required=True, type=_date, metavar="DATA",
                            help="koniec okresu: dd.mm.rrrr albo rrrr-mm-dd")

    def volunteer(parser) -> None:
        parser.add_argument("--volunteer", required=True, type=_positive_int, metavar="ID",
                            help="numer wolontariusza w ewidencji")

    volunteer(document("volunteer-certificate", "zaświadczenie o wykonaniu świadczeń przez wolontariusza"))
    period(document("volunteer-hours", "zestawienie godzin wolontariuszy w okresie: godziny i wartość pracy"))
    agreement = document("volunteer-agreement", "porozumienie o wykonywaniu świadczeń wolontariusza do podpisu")
    agreement.add_argument("--agreement", required=True, type=_positive_int, metavar="ID",
                           help="numer porozumienia w ewidencji")
    timesheet = document("volunteer-timesheet", "karta pracy wolontariusza za miesiąc, do podpisu")
    volunteer(timesheet)
    timesheet.add_argument("--month", required=True, type=_month, metavar="RRRR-MM", help="miesiąc, np. 2021-11")
    opinion = document("volunteer-opinion", "opinia o wykonaniu świadczeń przez wolontariusza")
    volunteer(opinion)
    opinion.add_argument("--text", required=True, metavar="TEKST", help="ocena wykonywania świadczeń (treść opinii)")
    period(document("volunteer-gala", "lista na galę wolontariatu: wolontariusze według liczby godzin w okresie"))
    period(document("volunteer-thanks", "podziękowania dla wolontariuszy z godzinami w okresie, po jednej stronie"))


def volunteer_report(db, args) -> bytes:
    from pal_desktop.services import volunteer_reports

    if args.document == "volunteer-certificate":
        return volunteer_reports.certificate_pdf(db, args.volunteer)
    if args.document == "volunteer-hours":
        return volunteer_reports.hours_summary_pdf(db, args.date_from, args.date_to)
    if args.document == "volunteer-agreement":
        return volunteer_reports.agreement_pdf(db, args.agreement)
    if args.document == "volunteer-timesheet":
        return volunteer_reports.timesheet_pdf(db, args.volunteer, *args.month)
    if args.document == "volunteer-opinion":
        return volunteer_reports.opinion_pdf(db, args.volunteer, args.text)
    if args.document == "volunteer-gala":
        return volunteer_reports.gala_pdf(db, args.date_from, args.date_to)
    if args.document == "volunteer-thanks":
        return volunteer_reports.thanks_pdf(db, args.date_from, args.date_to)
    raise AssertionError(args.document)  # pragma: no cover - argparse allows only the documents above
