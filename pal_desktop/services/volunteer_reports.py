"""Gathering the data of the volunteer documents and handing it, as plain values, to the PDF renderers.

The agreement to be signed, the monthly timesheet (karta pracy), the certificate (zaświadczenie) and the
opinion (opinia) of one volunteer; the hours summary, the gala list and the thank-you letters of a period.
Each function returns the bytes of a PDF; only the certificate and the opinion write, and only their number
in the register of issued documents (``issue_number``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from pal_desktop.domain import volunteering
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import volunteer_agreements, volunteer_hours, volunteer_rates, volunteers
from pal_desktop.services.access_control import require
from pal_desktop.services.access_log import PRINT, log_access
from pal_desktop.services.formatting import format_date, format_money
from pal_desktop.services.reports import POLISH_MONTHS, document_header
from pal_desktop.services.volunteer_act_rules import is_under_13
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import IssuedDocument, Programme, VolunteerAgreement

#: Polish first names of men that end in "a" (the documents' grammar guesses the sex from the first name).
_MALE_NAMES_IN_A = {"kuba", "barnaba", "bonawentura", "jarema", "kosma", "zawisza", "dyzma", "sasza", "saba"}
_FEMALE_NAMES_NOT_IN_A = {"beatrycze", "miriam", "noemi", "nel", "abigail", "ingrid", "karmen", "rut", "estera"}


def is_female_name(first_name: str) -> bool:
    """Whether a Polish first name is a woman's (for "Pani/Pan", "wykonywała/wykonywał" in the documents)."""
    name = (first_name or "").strip().split(" ")[0].casefold()
    if name in _FEMALE_NAMES_NOT_IN_A:
        return True
    return name.endswith("a") and name not in _MALE_NAMES_IN_A


def month_label(year: int, month: int) -> str:
    """ "maj 2021"."""
    return f"{POLISH_MONTHS[month - 1]} {year}"


def _period(start: dt.date, end: dt.date) -> str:
    return f"{format_date(start)} – {format_date(end)}"


def _header(db: Database, programme_id: int | None):
    from pal_desktop.reports.styles import DocumentHeader

    if programme_id is None:
        from pal_desktop.services.programmes import active_programme

        active = active_programme(db)
        programme_id = active.id if active else None
    with db.reading() as session:
        programme = session.get(Programme, programme_id) if programme_id is not None else None
        header = DocumentHeader(**document_header(db, programme))
    return header, (programme.title if programme else "")


def _place_and_date(header, today: dt.date) -> str:
    """ "Kłobuck, 26.11.2026" (the office's town from ``header``), or the date alone when no town is known."""
    return f"{header.town}, {format_date(today)}" if header.town else format_date(today)


def _rate_text(rate: Decimal | None) -> str:
    """ "35,00 zł", or "" when the settings give no rate (the documents then leave the value out)."""
    return format_money(rate) if rate is not None else ""


def _value(hours: Decimal, rate: Decimal | None) -> str:
    """The value of the work in zł, or "" without a rate: nothing internal is printed on a document."""
    return format_money(volunteering.work_value(hours, rate)) if rate is not None else ""


def missing_rate(db: Database) -> bool:
    """Whether the settings give no hourly rate, so the documents leave the value of the work out."""
    return volunteer_hours.hour_rate(db) is None


#: The register's prefix of each numbered kind of document.
DOCUMENT_PREFIXES = {"zaswiadczenie": "Z", "opinia": "O"}


def issue_number(db: Database, kind: str, volunteer_id: int, today: dt.date) -> str:
    """The number of a certificate or opinion issued today to this volunteer: "Z/2026/001".

    Printing the same kind of document for the same volunteer again on the same day keeps its number (a
    reprint or a second look in the preview does not use up numbers); otherwise the next number of the year.
    """
    from sqlalchemy.exc import IntegrityError

    prefix = DOCUMENT_PREFIXES[kind]
    for _attempt in range(3):
        try:
            with db.session() as session:
                issued = session.scalar(select(IssuedDocument.number).where(
                    IssuedDocument.kind == kind, IssuedDocument.volunteer_id == volunteer_id,
                    IssuedDocument.issued_on == today).order_by(IssuedDocument.id).limit(1))
                if issued:
                    return issued
                numbers = session.scalars(select(IssuedDocument.number).where(
                    IssuedDocument.number.like(f"{prefix}/{today.year}/%"))).all()
                used = [int(n.rsplit("/", 1)[1]) for n in numbers if n.rsplit("/", 1)[1].isdigit()]
                number = f"{prefix}/{today.year}/{max(used, default=0) + 1:03d}"
                session.add(IssuedDocument(kind=kind, number=number, volunteer_id=volunteer_id, issued_on=today))
            return number
        except IntegrityError:
            continue  # another PC took the number at the same moment: count again
    raise ValidationError(QT_TRANSLATE_NOOP(
        "Validation", "Nie udało się nadać numeru dokumentu — spróbuj jeszcze raz."), field="number")


def _hours(value: Decimal) -> str:
    return volunteering.hours_text(value)


# ---- The agreement -------------------------------------------------------------------------------------


def _nnw_period(start: dt.date | None, end: dt.date | None) -> str:
    if start is None and end is None:
        return ""
    return f"{format_date(start) or '…'} – {format_date(end) or '…'}"


def agreement_pdf(db: Database, agreement_id: int) -> bytes:
    """The agreement to be signed by the organisation and the volunteer."""
    require(Permission.PRINT_PERSONAL)
    from pal_desktop.reports.volunteer_documents import AgreementDocument, render_agreement

    agreement = volunteer_agreements.get_agreement(db, agreement_id)
    person = volunteers.get_volunteer(db, agreement.volunteer_id)
    header, programme_title = _header(db, agreement.programme_id)
    minor = volunteering.is_minor(person.birth_date, agreement.start_date)
    contact = ", ".join(p for p in (person.phone, person.email) if p)
    log_access(db, PRINT, "volunteer_agreement", record_id=person.id, agreement_id=agreement_id)
    return render_agreement(AgreementDocument(
        header=header, number=agreement.number, signed_date=format_date(agreement.signed_date),
        signing_place=header.town, organisation=header.organisation, organisation_address=header.address,
        office_lines=header.office_lines,
        volunteer_name=person.name, volunteer_birth_date=format_date(person.birth_date),
        volunteer_address=person.address, volunteer_contact=contact, scope=agreement.scope,
        manner=agreement.manner, time_description=agreement.time_description, place=agreement.place,
        start=format_date(agreement.start_date), end=format_date(agreement.end_date),
        days=volunteering.agreement_days(agreement.start_date, agreement.end_date),
        termination_terms=agreement.termination_terms, nnw_insurance=agreement.nnw_insurance,
        health_safety_date=format_date(agreement.health_safety_date),
        # the waiver is a term of the agreement (art. 45 ust. 1 pkt 4), no longer of the person
        travel_cost_waiver=agreement.travel_cost_waiver, reimbursed_costs=agreement.reimbursed_costs,
        nnw_insurer=agreement.nnw_insurer, nnw_policy_number=agreement.nnw_policy_number,
        nnw_period=_nnw_period(agreement.nnw_from, agreement.nnw_to),
        under_13=is_under_13(person.birth_date, agreement.start_date),
        works_with_children=person.works_with_children, register_check_date=format_date(person.register_check_date),
        criminal_record_date=format_date(person.criminal_record_date), minor=minor,
        guardian_consent_date=format_date(person.guardian_consent_date), female=is_female_name(person.first_name),
        programme_title=programme_title))


# ---- The monthly timesheet -----------------------------------------------------------------------------


def _agreements_between(db: Database, volunteer_id: int, start: dt.date, end: dt.date):
    with db.reading() as session:
        return session.execute(select(VolunteerAgreement.number, VolunteerAgreement.start_date,
                                      VolunteerAgreement.end_date, VolunteerAgreement.programme_id,
                                      VolunteerAgreement.scope)
                               .where(VolunteerAgreement.volunteer_id == volunteer_id,
                                      VolunteerAgreement.start_date <= end, VolunteerAgreement.end_date >= start)
                               .order_by(VolunteerAgreement.start_date, VolunteerAgreement.id)).all()


def timesheet_pdf(db: Database, volunteer_id: int, year: int, month: int) -> bytes:
    """Karta pracy wolontariusza for one month: the logged days, the total and its value, to be signed."""
    require(Permission.PRINT_PERSONAL)
    from pal_desktop.reports.volunteer_documents import TimesheetDocument, TimesheetLine, render_timesheet

    if not 1 <= month <= 12:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Miesiąc musi być liczbą od 1 do 12."), field="month")
    person = volunteers.get_volunteer(db, volunteer_id)
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    agreements = _agreements_between(db, volunteer_id, first, last)
    rows = volunteer_hours.hours_of(db, volunteer_id, first, last)
    if not agreements and not rows:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "{name} nie ma porozumienia ani godzin w miesiącu {month}."), field="month",
            name=person.name, month=f"{month:02d}.{year}")
    rate = volunteer_hours.hour_rate(db)
    total = volunteer_hours.totals(rows, rate, volunteer_rates.task_rates(db))
    header, _title = _header(db, agreements[-1].programme_id if agreements else None)
    lines = [TimesheetLine(format_date(r.work_date), _hours(r.hours), r.event_title or r.task_name, r.activity)
             for r in rows]
    log_access(db, PRINT, "volunteer_timesheet", record_id=volunteer_id, month=f"{year:04d}-{month:02d}")
    return render_timesheet(TimesheetDocument(
        header=header, volunteer_name=person.name, month=month_label(year, month),
        agreements="; ".join(f"nr {a.number} ({_period(a.start_date, a.end_date)})" for a in agreements),
        lines=lines, total_hours=_hours(total.total), days=total.days, rate_text=_rate_text(rate),
        value_text=format_money(total.value) if total.value is not None else ""))


# ---- The certificate and the opinion -------------------------------------------------------------------


def _record(db: Database, volunteer_id: int, today: dt.date, kind: str):
    from pal_desktop.reports.volunteer_documents import VolunteerRecord

    person = volunteers.get_volunteer(db, volunteer_id)
    agreements = volunteer_agreements.agreements_of(db, volunteer_id, today=today)
    if not agreements:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "{name} nie ma żadnego porozumienia — nie ma czego poświadczyć."), field="volunteer",
            name=person.name)
    rows = volunteer_hours.hours_of(db, volunteer_id)
    total = volunteer_hours.totals(rows, None)
    with db.reading() as session:
        programme_id = session.scalar(select(VolunteerAgreement.programme_id)
                                      .where(VolunteerAgreement.volunteer_id == volunteer_id)
                                      .order_by(VolunteerAgreement.start_date.desc()).limit(1))
    header, programme_title = _header(db, programme_id)
    periods = []
    for a in agreements:
        end = min(a.end_date, today) if a.start_date <= today else a.end_date
        periods.append(f"{_period(a.start_date, end)} (porozumienie nr {a.number})")
    scopes = list(dict.fromkeys(a.scope for a in agreements if a.scope))
    return VolunteerRecord(
        header=header, place_and_date=_place_and_date(header, today), organisation=header.organisation,
        volunteer_name=person.name, birth_date=format_date(person.birth_date),
        female=is_female_name(person.first_name), periods=periods, scopes=scopes,
        total_hours=_hours(total.total), days=total.days,
        per_task=[(task or "inne (bez przypisanego zadania)", _hours(hours)) for task, hours in total.per_task],
        programme_title=programme_title, number=issue_number(db, kind, volunteer_id, today))


def certificate_pdf(db: Database, volunteer_id: int, *, today: dt.date | None = None) -> bytes:
    """Zaświadczenie o wykonaniu świadczeń: periods, scope and hours of the volunteer's work."""
    require(Permission.PRINT_PERSONAL)
    from pal_desktop.reports.volunteer_documents import render_certificate

    content = render_certificate(_record(db, volunteer_id, today or dt.date.today(), "zaswiadczenie"))
    log_access(db, PRINT, "volunteer_certificate", record_id=volunteer_id)
    return content


def opinion_pdf(db: Database, volunteer_id: int, assessment: str, *, today: dt.date | None = None) -> bytes:
    """Opinia o wykonaniu świadczeń: the certificate's facts and the assessment typed by the office."""
    require(Permission.PRINT_PERSONAL)
    from pal_desktop.reports.volunteer_documents import render_opinion

    assessment = check_opinion_text(assessment)
    content = render_opinion(_record(db, volunteer_id, today or dt.date.today(), "opinia"), assessment)
    log_access(db, PRINT, "volunteer_opinion", record_id=volunteer_id)
    return content


def check_opinion_text(assessment: str | None) -> str:
    """The assessment as it will print, or a ValidationError naming the field (checked before any work)."""
    assessment = (assessment or "").strip()
    if not assessment:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Wpisz treść opinii: ocenę sposobu wykonywania świadczeń przez wolontariusza."),
            field="assessment")
    if len(assessment) > 6000:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Treść opinii może mieć najwyżej 6000 znaków."),
                              field="assessment")
    return assessment


# ---- The period documents ------------------------------------------------------------------------------


def _period_lines(db: Database, date_from: dt.date, date_to: dt.date, *, ranked: bool):
    from pal_desktop.reports.volunteer_lists import PeriodLine

    people = volunteer_hours.period_hours(db, date_from, date_to)
    if not people:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "W okresie {start} – {end} nie zapisano godzin żadnego wolontariusza."), field="date_from",
            start=format_date(date_from), end=format_date(date_to))
    rate = volunteer_hours.hour_rate(db)
    if not ranked:
        from pal_desktop.domain.text import sort_key

        people = sorted(people, key=lambda p: (sort_key(p.last_name, p.first_name), p.volunteer_id))
    lines = [PeriodLine(f"{p.place}." if ranked else f"{n}.", p.name, _hours(p.hours), p.days,
                        format_money(p.value) if p.value is not None else "")
             for n, p in enumerate(people, start=1)]
    total = sum((p.hours for p in people), Decimal(0))
    return people, lines, total, rate


def _period_document(db: Database, date_from: dt.date, date_to: dt.date, *, ranked: bool, details: bool,
                     today: dt.date):
    from pal_desktop.reports.volunteer_lists import PeriodDocument

    people, lines, total, rate = _period_lines(db, date_from, date_to, ranked=ranked)
    header, _title = _header(db, None)
    per_task, per_month = [], []
    # Tasks with their own rate (services.volunteer_rates): valued at it; a month mixes tasks, so its value is
    # printed only while one rate holds for all the work.
    own_rates = {task.label: task.rate for task in volunteer_rates.labelled_rates(db)}
    if details:
        per_task = [(task or "inne (bez przypisanego zadania)", _hours(hours),
                     _value(hours, own_rates.get(task) or rate))
                    for task, hours in volunteer_hours.period_task_totals(db, date_from, date_to)]
        per_month = [(month_label(year, month), _hours(hours), "" if own_rates else _value(hours, rate))
                     for year, month, hours in volunteer_hours.period_month_totals(db, date_from, date_to)]
    values = [p.value for p in people]
    total_value = format_money(sum(values, Decimal(0))) if values and None not in values else ""
    return PeriodDocument(
        header=header, period=_period(date_from, date_to), lines=lines, total_hours=_hours(total),
        total_days=sum(p.days for p in people), total_value=total_value,
        rate_text=_rate_text(rate), per_task=per_task, per_month=per_month,
        printed_on=_place_and_date(header, today))


def hours_summary_pdf(db: Database, date_from: dt.date, date_to: dt.date, *, today: dt.date | None = None) -> bytes:
    """Zestawienie godzin wolontariuszy for a period: per volunteer, per task and per month, with the value."""
    require(Permission.PRINT_PERSONAL)
    from pal_desktop.reports.volunteer_lists import render_hours_summary

    content = render_hours_summary(_period_document(db, date_from, date_to, ranked=False, details=True,
                                                    today=today or dt.date.today()))
    log_access(db, PRINT, "volunteer_hours_summary", period=_period(date_from, date_to))
    return content


def gala_pdf(db: Database, date_from: dt.date, date_to: dt.date, *, today: dt.date | None = None) -> bytes:
    """The gala list: volunteers ranked by their hours in the period."""
    require(Permission.PRINT_PERSONAL)
    from pal_desktop.reports.volunteer_lists import render_gala_list

    content = render_gala_list(_period_document(db, date_from, date_to, ranked=True, details=False,
                                                today=today or dt.date.today()))
    log_access(db, PRINT, "volunteer_gala_list", period=_period(date_from, date_to))
    return content


def thanks_pdf(db: Database, date_from: dt.date, date_to: dt.date, *, today: dt.date | None = None) -> bytes:
    """A thank-you letter (one page) for every volunteer with hours in the period, in one PDF."""
    require(Permission.PRINT_PERSONAL)
    from pal_desktop.reports.volunteer_lists import ThanksDocument, ThanksLetter, render_thanks

    people, _lines, _total, _rate = _period_lines(db, date_from, date_to, ranked=False)
    header, programme_title = _header(db, None)
    letters = [ThanksLetter(p.name, is_female_name(p.first_name), _hours(p.hours)) for p in people]
    log_access(db, PRINT, "volunteer_thanks", count=len(letters), period=_period(date_from, date_to))
    return render_thanks(ThanksDocument(header=header, period=_period(date_from, date_to), letters=letters,
                                        place_and_date=_place_and_date(header, today or dt.date.today()),
                                        organisation=header.organisation, programme_title=programme_title))


def parse_month(text: str) -> tuple[int, int]:
    """ "2021-05" or "05.2021" -> (2021, 5); ValidationError otherwise."""
    cleaned = (text or "").strip()
    for separator, year_first in (("-", True), (".", False)):
        parts = cleaned.split(separator)
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            year, month = (int(parts[0]), int(parts[1])) if year_first else (int(parts[1]), int(parts[0]))
            if 1 <= month <= 12 and 1900 < year < 2200:
                return year, month
    raise ValidationError(QT_TRANSLATE_NOOP(
        "Validation", "Miesiąc „{value}” musi mieć postać RRRR-MM, np. 2021-05."), field="month", value=text)


def printout_name(name: str) -> str:
    """A file name stem for the saved printout in plain letters: "zaświadczenie Anna Łęcka" -> "zaswiadczenie-anna-lecka"."""
    from pal_desktop.domain.text import fold

    return "-".join(fold(name).replace("/", " ").split())


__all__ = [
    "agreement_pdf", "certificate_pdf", "gala_pdf", "hours_summary_pdf", "is_female_name", "month_label",
    "opinion_pdf", "parse_month", "printout_name", "thanks_pdf", "timesheet_pdf",
]
