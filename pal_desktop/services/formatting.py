"""How dates, money and PESEL numbers are shown in Polish documents and screens."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"


def format_date(value: dt.date | None) -> str:
    """dd.mm.rrrr, or an empty string."""
    return value.strftime("%d.%m.%Y") if value else ""


def parse_date(text: str) -> dt.date:
    """Read dd.mm.rrrr or rrrr-mm-dd; raises ValueError otherwise."""
    text = text.strip()
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def format_money(amount: Decimal | float | int | None) -> str:
    """1234.5 -> "1 234,50 zł" (a non-breaking space between thousands, a comma before the grosze)."""
    if amount is None:
        return ""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):.2f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}{NBSP.join(groups)},{fraction}{NBSP}zł"


def format_count(value: int) -> str:
    """20449 -> "20 449" (Polish thousands separator)."""
    return f"{value:,}".replace(",", NBSP)


def mask_pesel(pesel: str | None) -> str:
    """Only the birth-date part stays visible: 85010112345 -> "850101•••••"."""
    if not pesel:
        return ""
    return pesel[:6] + "•" * (len(pesel) - 6)


def format_address(street_name: str, house_number: str, flat_number: str, postal_code: str, city: str) -> str:
    """"ul. Polna 5/2, 42-100 Kłobuck": the parts given, the flat after a slash (as on the participant page)."""
    street = " ".join(p for p in (street_name, house_number + (f"/{flat_number}" if flat_number else "")) if p)
    place = f"{postal_code} {city}".strip()
    return ", ".join(p for p in (street, place) if p)
