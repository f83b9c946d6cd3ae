"""Uczestnicy → Eksportuj → Pomoc pieniężna dla księgowości: the XLSX written on the operation runner."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from pal_desktop.worker_process import ProcessCall


def export_cash(tab, db, programme_id: int | None) -> None:
    """Every payment of the programme and the sums per month, kind and person (services.cash_reports)."""
    if db is None or programme_id is None:
        return
    from pal_desktop.services.formatting import format_count
    from pal_desktop.ui.dialogs.transfer import choose_save_file
    from pal_desktop.ui.operations import runner_for
    from pal_desktop.ui.status_bar import show_status

    name = choose_save_file(tab, QCoreApplication.translate("CashExport", "Pomoc pieniężna dla księgowości"),
                            f"pomoc-pieniezna-{dt.date.today().isoformat()}.xlsx",
                            QCoreApplication.translate("CashExport", "Arkusz Excel (*.xlsx)"))
    if not name:
        return
    runner_for(tab, db).submit_heavy(
        QCoreApplication.translate("CashExport", "Pomoc pieniężna dla księgowości"),
        ProcessCall("pal_desktop.services.cash_reports:export_for_window", db, (programme_id, name), progress=True),
        lambda count: show_status(tab, QCoreApplication.translate(
            "CashExport", "Zapisano {count} wypłat do pliku {path}").format(count=format_count(count), path=name),
            5000))
