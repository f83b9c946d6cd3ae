"""Uczestnicy: the participants of the active programme, read a page at a time."""

from __future__ import annotations

from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.models.paged_table_model import FetchPage
from pal_desktop.ui.models.row_table_model import Column
from pal_desktop.ui.tabs.list_tab import PagedTab


class ParticipantsTab(PagedTab):
    tab_id = "participants"
    #: Rows: (id, Nazwisko, Imię, PESEL, Płeć, Adres, Status, Data rozpoczęcia) from registry.participant_page.
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Nazwisko"), 1, width=16),
        Column(QT_TRANSLATE_NOOP("Columns", "Imię"), 2, width=12),
        Column(QT_TRANSLATE_NOOP("Columns", "PESEL"), 3, width=14),
        Column(QT_TRANSLATE_NOOP("Columns", "Płeć"), 4, width=11),
        Column(QT_TRANSLATE_NOOP("Columns", "Adres"), 5, width=24, stretch=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), 6, width=10),
        Column(QT_TRANSLATE_NOOP("Columns", "Data rozpoczęcia"), 7, width=12),
    )

    def title(self) -> str:
        return self.tr("Uczestnicy")

    def list_name(self) -> str:
        return self.tr("Lista uczestników")

    def count_text(self, count: str) -> str:
        return self.tr("Uczestników: {count}").format(count=count)

    def empty_text(self) -> str:
        return self.tr("Brak uczestników w tym programie.")

    def fetch_source(self, db, programme_id: int) -> tuple[int, FetchPage]:
        from pal_desktop.services import registry

        def fetch_page(offset: int, limit: int) -> list[tuple]:
            return registry.participant_page(db, programme_id, offset, limit)

        return registry.count_participants(db, programme_id), fetch_page
