"""Wolontariusze: the office's volunteers (they are not tied to one programme)."""

from __future__ import annotations

from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.models.row_table_model import Column
from pal_desktop.ui.tabs.list_tab import RowsTab


class VolunteersTab(RowsTab):
    tab_id = "volunteers"
    #: Rows: (id, Nazwisko, Imię, Telefon, Praca z dziećmi, Porozumienie do, Godziny łącznie).
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Nazwisko"), 1, width=18),
        Column(QT_TRANSLATE_NOOP("Columns", "Imię"), 2, width=14),
        Column(QT_TRANSLATE_NOOP("Columns", "Telefon"), 3, width=14),
        Column(QT_TRANSLATE_NOOP("Columns", "Praca z dziećmi"), 4, width=12),
        Column(QT_TRANSLATE_NOOP("Columns", "Porozumienie do"), 5, width=12),
        Column(QT_TRANSLATE_NOOP("Columns", "Godziny łącznie"), 6, width=12, numeric=True),
    )

    def title(self) -> str:
        return self.tr("Wolontariusze")

    def list_name(self) -> str:
        return self.tr("Lista wolontariuszy")

    def count_text(self, count: str) -> str:
        return self.tr("Wolontariuszy: {count}").format(count=count)

    def empty_text(self) -> str:
        return self.tr("Brak wolontariuszy.")

    def fetch_rows(self, db, programme_id: int | None) -> list[tuple]:
        from pal_desktop.services import registry

        return registry.volunteer_rows(db)
