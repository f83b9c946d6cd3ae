"""Animatorzy: the local animators of the active programme."""

from __future__ import annotations

from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.models.row_table_model import Column
from pal_desktop.ui.tabs.list_tab import RowsTab


class AnimatorsTab(RowsTab):
    tab_id = "animators"
    #: Rows: (id, Nazwisko, Imię, Telefon, Obszar działania, Data wyboru, Inicjatywy, Aktywny).
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Nazwisko"), 1, width=16),
        Column(QT_TRANSLATE_NOOP("Columns", "Imię"), 2, width=12),
        Column(QT_TRANSLATE_NOOP("Columns", "Telefon"), 3, width=12),
        Column(QT_TRANSLATE_NOOP("Columns", "Obszar działania"), 4, width=30, stretch=True, tooltip_field=4),
        Column(QT_TRANSLATE_NOOP("Columns", "Data wyboru"), 5, width=10),
        Column(QT_TRANSLATE_NOOP("Columns", "Inicjatywy"), 6, width=8, numeric=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Aktywny"), 7, width=7),
    )

    def title(self) -> str:
        return self.tr("Animatorzy")

    def list_name(self) -> str:
        return self.tr("Lista animatorów")

    def count_text(self, count: str) -> str:
        return self.tr("Animatorów: {count}").format(count=count)

    def empty_text(self) -> str:
        return self.tr("Brak animatorów w tym programie.")

    def fetch_rows(self, db, programme_id: int | None) -> list[tuple]:
        if programme_id is None:
            return []
        from pal_desktop.services import registry

        return registry.animator_rows(db, programme_id)
