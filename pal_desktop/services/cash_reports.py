"""Cash assistance summed per month, kind and person, and the workbook for the accountant.

A payment counts in the month it was paid (the decision's date while it is not paid yet), as the accountant
books it. Art. 100 of the social-assistance act: only the office sees this — the workbook is logged as an export
of personal data and holds no PESEL (the name and the decision number identify a payment in the office's
system).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from pal_desktop import paths
from pal_desktop.domain.enums import BenefitType, CashPurpose
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.progress import ProgressCallback
from pal_desktop.services.access_control import require
from pal_desktop.services.participant_export import is_risky, log_export
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import CashAssistance, Participant

#: The article of the social-assistance act behind each kind (printed in the workbook for the accountant).
ARTICLE = {BenefitType.PERMANENT: "art. 37", BenefitType.PERIODIC: "art. 38", BenefitType.PURPOSE: "art. 39",
           BenefitType.CONTRACT: "art. 39a", BenefitType.CHANCE_EVENT: "art. 40",
           BenefitType.SPECIAL: "art. 41 pkt 1", BenefitType.REPAYABLE: "art. 41 pkt 2"}


@dataclass(frozen=True)
class CashPayment:
    id: int
    participant_id: int
    last_name: str
    first_name: str
    benefit: BenefitType
    purpose: CashPurpose | None
    decision_number: str
    decision_date: dt.date | None
    period_from: dt.date | None
    period_to: dt.date | None
    payment_date: dt.date | None
    amount: Decimal

    @property
    def booked(self) -> dt.date | None:
        """The first day of the month the payment counts in."""
        day = self.payment_date or self.decision_date
        return day.replace(day=1) if day else None


@dataclass(frozen=True)
class CashTotal:
    month: dt.date
    benefit: BenefitType
    participant_id: int
    name: str
    count: int
    amount: Decimal


def cash_payments(db: Database, *, programme_id: int | None = None, participant_id: int | None = None,
                  start: dt.date | None = None, end: dt.date | None = None) -> list[CashPayment]:
    """The payments booked between ``start`` and ``end`` (either may be None), oldest first."""
    require(Permission.CASH)
    if start and end and end < start:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "„{end_label}” ({end}) nie może być wcześniejsza niż „{start_label}” ({start})."),
            field="to", end_label="do", start_label="od", end=end.strftime("%d.%m.%Y"),
            start=start.strftime("%d.%m.%Y"))
    query = select(CashAssistance, Participant.last_name, Participant.first_name).join(
        Participant, Participant.id == CashAssistance.participant_id)
    if programme_id is not None:
        query = query.where(CashAssistance.programme_id == programme_id)
    if participant_id is not None:
        query = query.where(CashAssistance.participant_id == participant_id)
    with db.reading() as session:
        rows = session.execute(query).all()
    payments = []
    for item, last, first in rows:
        day = item.payment_date or item.decision_date
        if (start and (day is None or day < start)) or (end and (day is None or day > end)):
            continue
        payments.append(CashPayment(item.id, item.participant_id, last, first, item.benefit_type, item.purpose,
                                    item.decision_number, item.decision_date, item.period_from, item.period_to,
                                    item.payment_date, item.amount))
    payments.sort(key=lambda p: (p.payment_date or p.decision_date or dt.date.min, p.last_name, p.first_name, p.id))
    return payments


def totals(payments: list[CashPayment]) -> list[CashTotal]:
    """Sums per month, kind and person (the kinds in the act's order, people by name)."""
    order = list(BenefitType)
    groups: dict[tuple, list[CashPayment]] = defaultdict(list)
    for payment in payments:
        if payment.booked is not None:
            groups[(payment.booked, payment.benefit, payment.participant_id)].append(payment)
    result = [CashTotal(month, benefit, person, f"{items[0].last_name} {items[0].first_name}", len(items),
                        sum((p.amount for p in items), Decimal("0.00")))
              for (month, benefit, person), items in groups.items()]
    result.sort(key=lambda t: (t.month, order.index(t.benefit), t.name, t.participant_id))
    return result


def month_totals(payments: list[CashPayment]) -> list[tuple[dt.date, BenefitType, int, Decimal]]:
    """Sums per month and kind over everyone: (month, kind, payments, amount)."""
    sums: dict[tuple, list] = {}
    for total in totals(payments):
        entry = sums.setdefault((total.month, total.benefit), [0, Decimal("0.00")])
        entry[0] += total.count
        entry[1] += total.amount
    return [(month, benefit, count, amount) for (month, benefit), (count, amount) in sums.items()]


def export_cash_xlsx(db: Database, path: Path, *, programme_id: int | None = None, start: dt.date | None = None,
                     end: dt.date | None = None, progress: ProgressCallback | None = None) -> int:
    """The accountant's workbook: one sheet of payments, one of sums per month, kind and person. Returns the
    number of payments; written to a temporary file first, so a failure leaves no half file."""
    require(Permission.EXPORT)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Export", "Plik „{name}” musi mieć rozszerzenie {allowed} — po nim program poznaje format."),
            field="path", name=path.name, allowed=".xlsx")
    payments = cash_payments(db, programme_id=programme_id, start=start, end=end)
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Wypłaty"
    sheet.append(["Nazwisko", "Imię", "Rodzaj świadczenia", "Podstawa (ustawa o pomocy społecznej)", "Cel",
                  "Nr decyzji", "Data decyzji", "Okres od", "Okres do", "Data wypłaty", "Miesiąc księgowania",
                  "Kwota (zł)"])
    for index, p in enumerate(payments):
        sheet.append([p.last_name, p.first_name, p.benefit.label, ARTICLE[p.benefit],
                      p.purpose.label if p.purpose else "", p.decision_number, p.decision_date, p.period_from,
                      p.period_to, p.payment_date, p.booked.strftime("%m.%Y") if p.booked else "", p.amount])
        if progress is not None and not progress(index + 1, len(payments)):
            return 0
    sums = book.create_sheet("Sumy")
    sums.append(["Miesiąc", "Rodzaj świadczenia", "Osoba", "Liczba wypłat", "Kwota (zł)"])
    for total in totals(payments):
        sums.append([total.month.strftime("%m.%Y"), total.benefit.label, total.name, total.count, total.amount])
    sums.append([])
    sums.append(["Miesiąc", "Rodzaj świadczenia", "Razem", "Liczba wypłat", "Kwota (zł)"])
    for month, benefit, count, amount in month_totals(payments):
        sums.append([month.strftime("%m.%Y"), benefit.label, "wszyscy", count, amount])
    sums.append(["Razem", "", "", len(payments), sum((p.amount for p in payments), Decimal("0.00"))])
    for ws in (sheet, sums):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "DD.MM.YYYY"
                elif isinstance(cell.value, Decimal):
                    cell.number_format = "#,##0.00"
                elif isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula, whatever a name or number starts with
                    if is_risky(cell.value):
                        cell.quotePrefix = True
        ws.freeze_panes = "A2"
    temporary = path.with_name(path.name + ".tmp")
    try:
        book.save(temporary)
        paths.make_private(temporary)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    log_export(db, "cash_assistance", path, len(payments))
    return len(payments)


def export_for_window(db: Database, programme_id: int, path: str, progress: ProgressCallback | None = None) -> int:
    """``export_cash_xlsx`` for the programme, as the window's operation runner calls it (positional)."""
    return export_cash_xlsx(db, Path(path), programme_id=programme_id, progress=progress)
