"""Harmonogram: the tasks of the programme's schedule (the Gantt chart comes later)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.models.row_table_model import Column
from pal_desktop.ui.tabs.list_tab import RowsTab

MILESTONE_MARK = "◆"

#: Element of a schedule row that says whether the task is a milestone.
_MILESTONE = 7


class ScheduleTab(RowsTab):
    tab_id = "schedule"
    #: Rows: (id, Lp., Zadanie, Od, Do, Wydarzeń, opis, kamień milowy).
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Lp."), 1, width=3, numeric=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Zadanie"), 2, width=40, stretch=True, tooltip_field=6),
        Column(QT_TRANSLATE_NOOP("Columns", "Od"), 3, width=10),
        Column(QT_TRANSLATE_NOOP("Columns", "Do"), 4, width=10),
        Column(QT_TRANSLATE_NOOP("Columns", "Wydarzeń"), 5, width=8, numeric=True),
    )

    def title(self) -> str:
        return self.tr("Harmonogram")

    def list_name(self) -> str:
        return self.tr("Zadania harmonogramu")

    def count_text(self, count: str) -> str:
        return self.tr("Zadań: {count}").format(count=count)

    def empty_text(self) -> str:
        return self.tr("Harmonogram tego programu nie ma jeszcze zadań.")

    def build_footer(self) -> QWidget | None:
        legend = QLabel(self.tr("{mark} kamień milowy (pogrubiony)    Najedź kursorem na zadanie, aby zobaczyć "
                                "jego opis.").format(mark=MILESTONE_MARK), self)
        legend.setAccessibleName(self.tr("Legenda harmonogramu"))
        legend.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        return legend

    def is_emphasised(self, row: tuple) -> bool:
        return bool(row[_MILESTONE])

    def fetch_rows(self, db, programme_id: int | None) -> list[tuple]:
        if programme_id is None:
            return []
        from pal_desktop.services import programmes
        from pal_desktop.services.formatting import format_date

        rows = []
        for task in programmes.list_tasks(db, programme_id):
            name = f"{MILESTONE_MARK} {task.name}" if task.is_milestone else task.name
            description = task.description
            if task.is_milestone:
                milestone = self.tr("Kamień milowy.")
                description = f"{milestone} {description}".strip()
            rows.append((task.id, task.position, name, format_date(task.start), format_date(task.end),
                         task.events, description, task.is_milestone))
        return rows
