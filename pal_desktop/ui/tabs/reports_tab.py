"""Raporty: the programme's product and result indicators, and the reports that are coming."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.models.row_table_model import Column
from pal_desktop.ui.tabs.list_tab import RowsTab

#: The reports planned for the next versions, each with a one-line description.
PLANNED_REPORTS = (
    (QT_TRANSLATE_NOOP("ReportsTab", "Lista obecności"),
     QT_TRANSLATE_NOOP("ReportsTab", "do podpisu przez uczestników wydarzenia")),
    (QT_TRANSLATE_NOOP("ReportsTab", "Lista uczestników programu"),
     QT_TRANSLATE_NOOP("ReportsTab", "z danymi do sprawozdania i statusem udziału")),
    (QT_TRANSLATE_NOOP("ReportsTab", "Karta uczestnika"),
     QT_TRANSLATE_NOOP("ReportsTab", "dane osobowe, zgody, udział w wydarzeniach")),
    (QT_TRANSLATE_NOOP("ReportsTab", "Ewidencja godzin wolontariatu"),
     QT_TRANSLATE_NOOP("ReportsTab", "godziny i ich wartość według stawki z ustawień")),
    (QT_TRANSLATE_NOOP("ReportsTab", "Realizacja wskaźników"),
     QT_TRANSLATE_NOOP("ReportsTab", "wartości osiągnięte wobec docelowych")),
    (QT_TRANSLATE_NOOP("ReportsTab", "Harmonogram programu"),
     QT_TRANSLATE_NOOP("ReportsTab", "wykres Gantta zadań i wydarzeń")),
)


class ReportsTab(RowsTab):
    tab_id = "reports"
    #: Rows: (id, Lp., Wskaźnik, Rodzaj, Jednostka, Wartość docelowa) from ui_queries.indicator_rows.
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Lp."), 1, width=3, numeric=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Wskaźnik"), 2, width=40, stretch=True, tooltip_field=2),
        Column(QT_TRANSLATE_NOOP("Columns", "Rodzaj"), 3, width=8),
        Column(QT_TRANSLATE_NOOP("Columns", "Jednostka"), 4, width=8),
        Column(QT_TRANSLATE_NOOP("Columns", "Wartość docelowa"), 5, width=10, numeric=True),
    )

    def title(self) -> str:
        return self.tr("Raporty")

    def list_name(self) -> str:
        return self.tr("Wskaźniki programu")

    def count_text(self, count: str) -> str:
        return self.tr("Wskaźników: {count}").format(count=count)

    def empty_text(self) -> str:
        return self.tr("Ten program nie ma jeszcze wskaźników.")

    def build_side_panel(self) -> QWidget | None:
        box = QGroupBox(self.tr("Raporty PDF (w przygotowaniu)"), self)
        box.setAccessibleName(self.tr("Raporty w przygotowaniu"))
        items = "".join(
            f"<li><b>{self.tr(name)}</b> — {self.tr(description)}</li>" for name, description in PLANNED_REPORTS)
        text = QLabel(
            "<p>" + self.tr("Z tej zakładki wydrukujesz dokumenty programu:") + "</p>"
            f"<ul style='margin-left: -20px'>{items}</ul>"
            "<p>" + self.tr("Raporty pojawią się w kolejnej wersji. Obok widać wskaźniki produktu i rezultatu, "
                            "z których będą rozliczane.") + "</p>", box)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        text.setAccessibleName(self.tr("Opis raportów"))
        layout = QVBoxLayout(box)
        layout.addWidget(text)
        layout.addStretch(1)
        return box

    def fetch_rows(self, db, programme_id: int | None) -> list[tuple]:
        if programme_id is None:
            return []
        from pal_desktop.services import ui_queries

        return ui_queries.indicator_rows(db, programme_id)
