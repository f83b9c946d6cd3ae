"""``pal-desktop export cash PLIK.xlsx [--from --to]``: the cash assistance for the accountant."""

from __future__ import annotations

from pathlib import Path


def add_cash_export_parser(kinds) -> None:
    from pal_desktop.cli import _date, _positive_int

    cash = kinds.add_parser(
        "cash", help="pomoc pieniężna dla księgowości (XLSX): wypłaty i sumy na miesiąc, rodzaj i osobę",
        description="Zapisuje pomoc pieniężną uczestników programu do pliku XLSX: arkusz „Wypłaty” (osoba, rodzaj "
                    "świadczenia z artykułem ustawy o pomocy społecznej, cel, decyzja, okres, data wypłaty, kwota) "
                    "i arkusz „Sumy” (na miesiąc, rodzaj i osobę oraz razem). Wypłata liczy się w miesiącu "
                    "wypłaty (przed wypłatą — w miesiącu decyzji). Wymaga uprawnienia do pomocy pieniężnej.")
    cash.add_argument("file", type=Path, metavar="PLIK.xlsx", help="plik wynikowy .xlsx")
    cash.add_argument("--from", dest="date_from", type=_date, metavar="DATA",
                      help="od dnia wypłaty, dd.mm.rrrr albo rrrr-mm-dd")
    cash.add_argument("--to", dest="date_to", type=_date, metavar="DATA",
                      help="do dnia wypłaty włącznie, dd.mm.rrrr albo rrrr-mm-dd")
    cash.add_argument("--programme", type=_positive_int, metavar="ID", help="program (domyślnie aktywny program)")


def cmd_export_cash(db, programme_id: int | None, args) -> int:
    from pal_desktop.services.cash_reports import export_cash_xlsx

    count = export_cash_xlsx(db, args.file, programme_id=programme_id, start=args.date_from, end=args.date_to)
    print(f"Zapisano {count} wypłat pomocy pieniężnej: {args.file}")
    return 0
