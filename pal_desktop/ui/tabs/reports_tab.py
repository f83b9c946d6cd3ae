"""Raporty: the programme's product and result indicators, and the programme's documents to print."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from pal_desktop.errors import PalError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.models.row_table_model import Column
from pal_desktop.ui.tabs.list_tab import RowsTab

#: Documents that come from other tabs, named here so staff know where to find them.
ELSEWHERE = (
    (QT_TRANSLATE_NOOP("ReportsTab", "Karta uczestnika"),
     QT_TRANSLATE_NOOP("ReportsTab", "na stronie uczestnika (zakładka Uczestnicy)")),
    (QT_TRANSLATE_NOOP("ReportsTab", "Lista obecności"),
     QT_TRANSLATE_NOOP("ReportsTab", "przy wydarzeniu (zakładka Wydarzenia)")),
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
        box = QGroupBox(self.tr("Dokumenty do wydruku"), self)
        box.setAccessibleName(self.tr("Dokumenty do wydruku"))
        self.programme_card_button = QPushButton(self.tr("&Karta programu (PDF)"), box)
        self.programme_card_button.setAccessibleName(self.tr("Drukuj kartę programu"))
        self.programme_card_button.setToolTip(self.tr("Cele, harmonogram, rezultaty i produkty aktywnego programu"))
        self.programme_card_button.setEnabled(False)
        self.programme_card_button.clicked.connect(self.print_programme_card)
        items = "".join(f"<li><b>{self.tr(name)}</b> — {self.tr(where)}</li>" for name, where in ELSEWHERE)
        text = QLabel("<p>" + self.tr("Inne dokumenty drukujesz tam, gdzie są ich dane:") + "</p>"
                      f"<ul style='margin-left: -20px'>{items}</ul>", box)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        text.setAccessibleName(self.tr("Gdzie drukować inne dokumenty"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.programme_card_button)
        layout.addWidget(text)
        layout.addStretch(1)
        return box

    def load(self, db, programme_id: int | None) -> None:
        self._db, self._programme_id = db, programme_id
        self.programme_card_button.setEnabled(programme_id is not None)
        super().load(db, programme_id)

    def print_programme_card(self) -> None:
        """The programme card as a PDF, opened in the system's viewer for printing."""
        from pal_desktop.services import reports
        from pal_desktop.ui import pdf_output
        from pal_desktop.ui.dialogs import error_dialog

        try:
            content = reports.programme_card_pdf(self._db, self._programme_id)
        except PalError as error:
            error_dialog.show_error(self, error)
            return
        self.last_printout = pdf_output.show_pdf(content, self.tr("karta-programu"))

    def fetch_rows(self, db, programme_id: int | None) -> list[tuple]:
        if programme_id is None:
            return []
        from pal_desktop.services import ui_queries

        return ui_queries.indicator_rows(db, programme_id)
