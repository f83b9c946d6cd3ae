"""Raporty: the programme's product and result indicators, and the programme's documents to print."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from pal_desktop.errors import PalError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui import pdf_output
from pal_desktop.ui.models.row_table_model import Column
from pal_desktop.ui.tabs.list_tab import RowsTab
from pal_desktop.ui.tabs.tab_actions import keep_open
from pal_desktop.worker_process import ProcessCall

MONITORING_REPORT = "pal_desktop.services.indicators:monitoring_report_pdf"

#: Documents that come from other tabs, named here so staff know where to find them.
ELSEWHERE = (
    (QT_TRANSLATE_NOOP("ReportsTab", "Karta uczestnika"),
     QT_TRANSLATE_NOOP("ReportsTab", "na stronie uczestnika (zakładka Uczestnicy)")),
    (QT_TRANSLATE_NOOP("ReportsTab", "Lista obecności"),
     QT_TRANSLATE_NOOP("ReportsTab", "przy wydarzeniu (zakładka Wydarzenia)")),
)


class ReportsTab(RowsTab):
    tab_id = "reports"
    loads_in_background = True  # the indicators' figures count every attendance record
    #: Rows: (id, Lp., Wskaźnik, Rodzaj, Jednostka, Wartość docelowa, Osiągnięto, %) from
    #: ui_queries.indicator_rows.
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Lp."), 1, width=3, numeric=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Wskaźnik"), 2, width=40, stretch=True, tooltip_field=2),
        Column(QT_TRANSLATE_NOOP("Columns", "Rodzaj"), 3, width=8),
        Column(QT_TRANSLATE_NOOP("Columns", "Jednostka"), 4, width=8),
        Column(QT_TRANSLATE_NOOP("Columns", "Wartość docelowa"), 5, width=10, numeric=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Osiągnięto"), 6, width=9, numeric=True),
        Column(QT_TRANSLATE_NOOP("Columns", "%"), 7, width=6, numeric=True),
    )

    def title(self) -> str:
        return self.tr("Raporty")

    def list_name(self) -> str:
        return self.tr("Wskaźniki programu")

    def count_text(self, count: str) -> str:
        return self.tr("Wskaźników: {count}").format(count=count)

    def empty_text(self) -> str:
        return self.tr("Ten program nie ma jeszcze wskaźników.")

    def build_filters(self) -> QWidget | None:
        from pal_desktop.ui.widgets.dashboard_period import PeriodChooser

        self.period_chooser = PeriodChooser(self)
        self.period_chooser.sig_changed.connect(self.recompute)
        return self.period_chooser

    def build_footer(self) -> QWidget | None:
        from pal_desktop.ui.tabs import reports_dashboard
        from pal_desktop.ui.widgets.dashboard_structure import ProgressDelegate

        self.table.setItemDelegateForColumn(6, ProgressDelegate(self._percent_at, self.table))
        return reports_dashboard.build_panels(self)

    def _percent_at(self, index):
        row = self.model.row_at(self.proxy.mapToSource(index).row())
        return row[8] if len(row) > 8 else None

    def build_side_panel(self) -> QWidget | None:
        box = QGroupBox(self.tr("Dokumenty do wydruku"), self)
        box.setAccessibleName(self.tr("Dokumenty do wydruku"))
        # Three buttons and two notes: the width they need, the rest to the indicators' names.
        box.setMaximumWidth(box.fontMetrics().horizontalAdvance("M") * 32)
        self.programme_card_button = QPushButton(self.tr("&Karta programu (PDF)"), box)
        self.programme_card_button.setObjectName("programmeCardButton")
        self.programme_card_button.setAccessibleName(self.tr("Drukuj kartę programu"))
        self.programme_card_button.setToolTip(self.tr("Cele, harmonogram, rezultaty i produkty aktywnego programu"))
        self.programme_card_button.setEnabled(False)
        self.programme_card_button.clicked.connect(self.print_programme_card)
        self.periodic_report_button = QPushButton(self.tr("&Sprawozdanie okresowe (PDF)…"), box)
        self.periodic_report_button.setObjectName("periodicReportButton")
        self.periodic_report_button.setAccessibleName(self.tr("Drukuj sprawozdanie okresowe"))
        self.periodic_report_button.setToolTip(self.tr("Wskaźniki, uczestnicy i wolontariat za wybrany okres"))
        self.periodic_report_button.clicked.connect(self.print_periodic_report)
        self.final_report_button = QPushButton(self.tr("Raport ko&ńcowy (PDF)…"), box)
        self.final_report_button.setObjectName("finalReportButton")
        self.final_report_button.setAccessibleName(self.tr("Drukuj raport końcowy"))
        self.final_report_button.setToolTip(self.tr("Wskaźniki, uczestnicy i wolontariat za cały okres programu"))
        self.final_report_button.clicked.connect(self.print_final_report)
        for button in (self.periodic_report_button, self.final_report_button):
            button.setEnabled(False)
        hint = QLabel(self.tr("Kliknij dwukrotnie wskaźnik, aby zmienić jego wartość docelową, a jego wartość "
                              "albo procent, aby zobaczyć wydarzenia i godziny ujęte w liczbie."), box)
        hint.setWordWrap(True)
        items = "".join(f"<li><b>{self.tr(name)}</b> — {self.tr(where)}</li>" for name, where in ELSEWHERE)
        text = QLabel("<p>" + self.tr("Inne dokumenty drukujesz tam, gdzie są ich dane:") + "</p>"
                      f"<ul style='margin-left: -20px'>{items}</ul>", box)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        text.setAccessibleName(self.tr("Gdzie drukować inne dokumenty"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.programme_card_button)
        layout.addWidget(self.periodic_report_button)
        layout.addWidget(self.final_report_button)
        layout.addWidget(hint)
        layout.addWidget(text)
        layout.addStretch(1)
        return box

    def load(self, db, programme_id: int | None) -> None:
        self._db, self._programme_id = db, programme_id
        for button in (self.programme_card_button, self.periodic_report_button, self.final_report_button):
            button.setEnabled(programme_id is not None)
        if not getattr(self, "_double_click_connected", False):
            self.table.doubleClicked.connect(self._on_double_clicked)
            self._double_click_connected = True
        self.recompute()

    def recompute(self) -> None:
        """The dashboard for the chosen period, read off the UI thread (tabs/reports_dashboard)."""
        from pal_desktop.ui.tabs import reports_dashboard

        reports_dashboard.recompute(self)

    def print_current(self) -> bool:
        """Ctrl+P: the periodic monitoring report (the buttons beside give the card and the final report)."""
        if self._db is None or self._programme_id is None:
            return False
        self.print_periodic_report()
        return True

    def why_no_new(self) -> str:
        return self.tr("Wskaźniki wynikają z programu. Wartość docelową zmienisz dwuklikiem na wskaźniku.")

    def print_programme_card(self) -> None:
        """The programme card as a PDF, made in the background and opened in the system's viewer."""
        from pal_desktop.services import reports

        db, programme_id = self._db, self._programme_id
        self._print(self.tr("Karta programu"), lambda progress: reports.programme_card_pdf(db, programme_id),
                    self.tr("karta-programu"))

    def _print(self, title: str, make, name: str) -> None:
        from pal_desktop.ui import pdf_output

        pdf_output.print_in_background(self, self._db, title, make, name, on_shown=self._on_printed)

    def _on_printed(self, path) -> None:
        self.last_printout = path

    def _programme_period(self):
        from pal_desktop.services import programmes

        for programme in programmes.list_programmes(self._db):
            if programme.id == self._programme_id:
                return programme.start, programme.end
        return None

    def print_periodic_report(self) -> None:
        """Ask the period, then print the monitoring report for it."""
        from pal_desktop.ui.dialogs import error_dialog
        from pal_desktop.ui.dialogs.volunteer_documents_dialog import PeriodDialog

        db, programme_id = self._db, self._programme_id

        def print_document(start, end) -> None:
            pdf_output.print_heavy(
                self, self.tr("Sprawozdanie okresowe"),
                ProcessCall(MONITORING_REPORT, db, (programme_id, start, end)),
                self.tr("sprawozdanie-{start}-{end}").format(start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}"),
                on_shown=self._on_printed)

        try:
            period = self._programme_period()
        except PalError as error:
            error_dialog.show_error(self, error)
            return
        dialog = PeriodDialog(self.tr("Sprawozdanie z realizacji programu"), self.tr("&Drukuj sprawozdanie"),
                              self.window(), programme_period=period, print_document=print_document)
        keep_open(self, dialog)

    def print_final_report(self) -> None:
        """The final report: its texts written beside the figures, then printed (ui/dialogs/final_report_dialog)."""
        from pal_desktop.ui.dialogs import error_dialog
        from pal_desktop.ui.dialogs.final_report_dialog import FinalReportDialog

        try:
            dialog = FinalReportDialog(self._db, self._programme_id, self.window())
        except PalError as error:
            error_dialog.show_error(self, error)
            return
        keep_open(self, dialog)

    def _on_double_clicked(self, index) -> None:
        from pal_desktop.ui.tabs import reports_dashboard

        row = self.model.row_at(self.proxy.mapToSource(index).row())
        if index.column() in reports_dashboard.VALUE_COLUMNS and reports_dashboard.open_indicator(self, row):
            return
        self.edit_target(row[0])

    def edit_target(self, indicator_id: int) -> None:
        """A small dialog to change an indicator's target; the table is reloaded after saving."""
        row = next((r for r in self.model.rows() if r[0] == indicator_id), None)
        if row is None:
            return
        from pal_desktop.ui.dialogs.target_dialog import TargetDialog

        dialog = TargetDialog(self._db, indicator_id, row[2], row[4], row[5], self.window())
        keep_open(self, dialog, on_accepted=lambda _d: self.recompute())

    def fetch_rows(self, db, programme_id: int | None) -> list[tuple]:
        """The indicators over the whole programme (the dashboard reads them with its period instead)."""
        if programme_id is None:
            return []
        from pal_desktop.services import ui_queries

        return ui_queries.indicator_rows(db, programme_id)

