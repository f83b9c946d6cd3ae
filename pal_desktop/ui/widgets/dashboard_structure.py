"""The participants' structure of the dashboard (by sex, age band, support reason, households covered) and the
progress bar painted in the indicators' % column."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
)

FIGURE_ROLE = Qt.ItemDataRole.UserRole + 1
#: The columns after the figure's name: the sex each narrows to ("any" for the total).
SEX_COLUMNS = ("female", "male", None, "any")


class StructurePanel(QTreeWidget):
    sig_open = Signal(str, object, object)
    """(figure, sex or "any", detail): the people behind a figure were asked for (double-click or Enter)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("structurePanel")
        self.setAccessibleName(self.tr("Struktura uczestników"))
        self.setHeaderLabels([self.tr("Uczestnicy"), self.tr("K"), self.tr("M"), self.tr("b.d."), self.tr("Razem")])
        self.headerItem().setToolTip(1, self.tr("Kobiety"))
        self.headerItem().setToolTip(2, self.tr("Mężczyźni"))
        self.headerItem().setToolTip(3, self.tr("Płeć nieznana"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setToolTip(self.tr("Kliknij dwukrotnie liczbę (albo Enter), aby zobaczyć osoby"))
        self.itemActivated.connect(self._on_activated)
        header = self.header()
        header.setStretchLastSection(False)
        digit = self.fontMetrics().horizontalAdvance("0000") + 16
        self.setColumnWidth(0, self.fontMetrics().horizontalAdvance("M") * 22)
        for column in range(1, 5):
            self.setColumnWidth(column, digit)

    def show_structure(self, structure, sex_enum) -> None:
        """``structure``: services.dashboard.Structure; ``sex_enum``: domain Sex (for the columns' values)."""
        self.clear()
        self._sexes = {"female": sex_enum.FEMALE, "male": sex_enum.MALE, None: None, "any": "any"}

        def row(parent, text: str, figure: str, by_sex=None, total=None, detail=None) -> QTreeWidgetItem:
            item = QTreeWidgetItem(parent, [text])
            cells = by_sex.cells() + [by_sex.total] if by_sex is not None else ["", "", "", total]
            for column, value in enumerate(cells, 1):
                item.setText(column, "" if value == "" else str(value))
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, FIGURE_ROLE, (figure, detail, by_sex is not None))
            return item

        row(self, self.tr("Objęci wsparciem"), "covered", structure.covered)
        row(self, self.tr("Przystąpili w okresie"), "joined", structure.joined)
        row(self, self.tr("Zakończyli udział w okresie"), "left", structure.left)
        row(self, self.tr("Zgodnie ze ścieżką"), "completed_as_planned", structure.completed_as_planned)
        ages = QTreeWidgetItem(self, [self.tr("Wiek przy przystąpieniu")])
        for index, (label, by_sex) in enumerate(structure.by_age):
            last = index == len(structure.by_age) - 1
            row(ages, QCoreApplication.translate("Indicators", label), "age", by_sex, detail=-1 if last else index)
        reasons = QTreeWidgetItem(self, [self.tr("Powody wsparcia")])
        for reason, count in structure.by_reason:
            if count:
                row(reasons, QCoreApplication.translate("Enums", reason.label), "reason", total=count, detail=reason)
        if reasons.childCount() == 0:
            QTreeWidgetItem(reasons, [self.tr("nie podano")])
        row(self, self.tr("Gospodarstwa domowe objęte"), "households", total=structure.households)
        self.expandAll()

    def _on_activated(self, item: QTreeWidgetItem, column: int) -> None:
        data = item.data(0, FIGURE_ROLE)
        if not data:
            return
        figure, detail, by_sex = data
        sex = self._sexes[SEX_COLUMNS[column - 1]] if by_sex and column >= 1 else "any"
        self.sig_open.emit(figure, sex, detail)


class ProgressDelegate(QStyledItemDelegate):
    """The % column as a bar (capped at 100 %, the text says the real figure); ``percent_of(row)`` gives the
    number or None."""

    def __init__(self, percent_of, parent=None) -> None:
        super().__init__(parent)
        self._percent_of = percent_of

    def paint(self, painter, option, index) -> None:
        percent = self._percent_of(index)
        if percent is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(option.rect.adjusted(2, 3, -2, -3))
        bar.minimum, bar.maximum = 0, 100
        bar.progress = max(0, min(100, int(percent)))
        bar.text = index.data() or ""
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        if percent >= 100:
            bar.palette.setColor(bar.palette.ColorRole.Highlight, QColor("#2e7d32"))
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)
