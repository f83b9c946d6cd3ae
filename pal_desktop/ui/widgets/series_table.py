"""Cykle zajęć: every series of the programme in one table — meetings (held of planned), people enrolled,
present, absent and excused counted apart, and the rate under the organisation's rule (low ones in red).

"Zasady frekwencji…" below opens the rule itself; saving it recounts the table at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.ui.models.event_models import percent
from pal_desktop.ui.widgets.date_field import format_date

LOW_RED = QColor("#b00020")


class SeriesTable(QWidget):
    sig_rules_saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = None
        self.programme_id: int | None = None
        self.summaries: list = []
        self.rules_dialog = None
        self.setObjectName("seriesOverview")
        self.setAccessibleName(self.tr("Cykle zajęć"))
        # Short headers (the panel shares the width with the list); the full words are in their tooltips.
        headers = ((self.tr("Cykl"), self.tr("Cykl zajęć")),
                   (self.tr("Spotkania"), self.tr("Spotkania z zapisaną obecnością z wszystkich spotkań cyklu")),
                   (self.tr("Zapisani"), self.tr("Osoby zapisane na co najmniej jedno spotkanie")),
                   (self.tr("Obecni"), self.tr("Obecności na spotkaniach z zapisaną obecnością")),
                   (self.tr("Nieob."), self.tr("Nieobecności (także osoby zapisane, a nieoznaczone)")),
                   (self.tr("Uspr."), self.tr("Nieobecności usprawiedliwione, liczone osobno")),
                   (self.tr("Frekw."), self.tr("Frekwencja według zasad organizacji")))
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("seriesTable")
        self.table.setAccessibleName(self.tr("Cykle zajęć: spotkania, zapisani i frekwencja"))
        for column, (text, tip) in enumerate(headers):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            self.table.setHorizontalHeaderItem(column, item)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.rules_label = QLabel(self)
        self.rules_label.setObjectName("rulesSummary")
        self.rules_label.setAccessibleName(self.tr("Obowiązujące zasady frekwencji"))
        self.rules_label.setWordWrap(True)
        self.rules_button = QPushButton(self.tr("Zasady f&rekwencji…"), self)
        self.rules_button.setObjectName("attendanceRulesButton")
        self.rules_button.setAccessibleName(self.tr("Zasady frekwencji"))
        self.rules_button.setToolTip(self.tr("Czy usprawiedliwiona nieobecność obniża frekwencję; próg niskiej "
                                             "frekwencji"))
        self.rules_button.clicked.connect(self.open_rules)
        bottom = QHBoxLayout()
        bottom.addWidget(self.rules_label, 1)
        bottom.addWidget(self.rules_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def load(self, db, programme_id: int | None) -> None:
        self.db, self.programme_id = db, programme_id
        self.reload()

    def reload(self) -> None:
        from pal_desktop.services import attendance
        from pal_desktop.services.series_overview import series_overview

        self.rules_button.setEnabled(self.db is not None)
        if self.db is None or self.programme_id is None:
            self.summaries = []
            self.table.setRowCount(0)
            self.rules_label.clear()
            return
        rules = attendance.attendance_rules(self.db)
        self.summaries = series_overview(self.db, self.programme_id, rules)
        self.rules_label.setText(self.tr("Usprawiedliwione nieobecności: {rule}. Próg: {threshold}.").format(
            rule=self.tr("obniżają frekwencję") if rules.excused_lowers_rate else self.tr("nie obniżają frekwencji"),
            threshold=percent(rules.threshold_percent / 100)))
        self.table.setRowCount(len(self.summaries))
        for row, summary in enumerate(self.summaries):
            rate = summary.rate
            period = f"{format_date(summary.first)} – {format_date(summary.last)}" if summary.first else ""
            texts = (summary.title, self.tr("{held} z {meetings}").format(held=summary.held, meetings=summary.meetings),
                     str(summary.enrolled), str(rate.present), str(rate.absent), str(rate.excused),
                     percent(rate.value))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, summary.series_id)
                if column == 0:
                    item.setToolTip(f"{summary.title} ({period})" if period else summary.title)
                else:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if rate.low and column == len(texts) - 1:
                    item.setForeground(LOW_RED)
                    item.setToolTip(self.tr("Poniżej progu {threshold}").format(
                        threshold=percent(rate.threshold_percent / 100)))
                self.table.setItem(row, column, item)

    def rows(self) -> list[tuple[str, ...]]:
        """The table as shown (for tests and screen readers)."""
        return [tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
                for r in range(self.table.rowCount())]

    def open_rules(self):
        from pal_desktop.ui.dialogs.attendance_rules_dialog import AttendanceRulesDialog

        if self.db is None:
            return None
        dialog = AttendanceRulesDialog(self.db, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_saved.connect(self.reload)
        dialog.sig_saved.connect(self.sig_rules_saved)
        self.rules_dialog = dialog
        dialog.open()
        return dialog


def side_tabs(parent: QWidget, calendar: QWidget) -> tuple[QWidget, SeriesTable]:
    """The events tab's side panel: the month calendar and, on a second page, the series table."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QTabWidget

    tabs = QTabWidget(parent)
    tabs.setObjectName("eventsSidePanel")
    tabs.setAccessibleName(QCoreApplication.translate("SeriesTable", "Kalendarz i cykle zajęć"))
    series = SeriesTable(tabs)
    tabs.addTab(calendar, QCoreApplication.translate("SeriesTable", "Kalendarz"))
    tabs.addTab(series, QCoreApplication.translate("SeriesTable", "Cykle zajęć"))
    return tabs, series
