"""Wydarzenia: the events of the active programme by date, read a page at a time."""

from __future__ import annotations

from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.models.paged_table_model import FetchPage
from pal_desktop.ui.models.row_table_model import Column
from pal_desktop.ui.tabs.list_tab import PagedTab


class EventsTab(PagedTab):
    tab_id = "events"
    #: Rows: (id, Data, Godziny, Tytuł, Rodzaj, Zadanie, Miejsce, Zapisani, Obecni, Status) from registry.event_page.
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Data"), 1, width=10),
        Column(QT_TRANSLATE_NOOP("Columns", "Godziny"), 2, width=12),
        Column(QT_TRANSLATE_NOOP("Columns", "Tytuł"), 3, width=28, stretch=True, tooltip_field=3),
        Column(QT_TRANSLATE_NOOP("Columns", "Rodzaj"), 4, width=22),
        Column(QT_TRANSLATE_NOOP("Columns", "Zadanie"), 5, width=6, numeric=True,
               header_tip=QT_TRANSLATE_NOOP("Columns", "Numer zadania z harmonogramu")),
        Column(QT_TRANSLATE_NOOP("Columns", "Miejsce"), 6, width=28, tooltip_field=6),
        Column(QT_TRANSLATE_NOOP("Columns", "Zapisani"), 7, width=7, numeric=True,
               header_tip=QT_TRANSLATE_NOOP("Columns", "Liczba osób zapisanych na wydarzenie")),
        Column(QT_TRANSLATE_NOOP("Columns", "Obecni"), 8, width=6, numeric=True,
               header_tip=QT_TRANSLATE_NOOP("Columns", "Liczba osób obecnych według listy obecności")),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), 9, width=11),
    )

    def title(self) -> str:
        return self.tr("Wydarzenia")

    def list_name(self) -> str:
        return self.tr("Lista wydarzeń")

    def count_text(self, count: str) -> str:
        return self.tr("Wydarzeń: {count}").format(count=count)

    def empty_text(self) -> str:
        return self.tr("Brak wydarzeń w tym programie.")

    def fetch_source(self, db, programme_id: int) -> tuple[int, FetchPage]:
        from pal_desktop.services import registry

        def fetch_page(offset: int, limit: int) -> list[tuple]:
            return registry.event_page(db, programme_id, offset, limit)

        return registry.count_events(db, programme_id), fetch_page
