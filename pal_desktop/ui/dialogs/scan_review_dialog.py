"""The review of read scans: each page with its cells outlined, every unsure cell zoomed in one keyboard grid,
the pages that cannot be used with what to do, and "Zapisz obecność" recording it all in one transaction."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.domain.enums import AttendanceStatus
from pal_desktop.ui.dialogs import error_dialog
from pal_desktop.ui.widgets.scan_page_view import ScanPageView
from pal_desktop.ui.widgets.unsure_cells import UnsureCell, UnsureCellsGrid
from pal_desktop.ui.widgets.walk_in_rows import WalkInRow, WalkInRows

#: Problems a better scan cures; the others are entered by hand.
RESCAN = {"too_dark", "too_light", "cut_off", "unreadable_file"}
PROBLEM_STYLE = "QLabel { background: #fdecea; border: 1px solid #e6a19a; border-radius: 3px; padding: 6px; }"
HINT_STYLE = "QLabel { color: palette(placeholder-text); }"


def problem_advice(page) -> str:
    return QCoreApplication.translate("ScanProblems", page.problem.advice)


class ScanReviewDialog(QDialog):
    sig_saved = Signal()

    def __init__(self, db, result, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.db, self.result, self.today = db, result, today
        self.applied = None
        self._programmes: dict[int, int | None] = {}
        dates = self._dates()
        self.setObjectName("scanReviewDialog")
        self.setWindowTitle(self.tr("Sprawdź odczytane listy obecności"))
        self.setAccessibleName(self.tr("Sprawdzenie odczytanych list obecności"))

        self.pages_list = QListWidget(self)
        self.pages_list.setObjectName("scanPagesList")
        self.pages_list.setAccessibleName(self.tr("Wczytane strony"))
        self.pages_list.setMaximumWidth(300)
        self.pages_list.setWordWrap(True)
        self.page_view = ScanPageView(self)
        self.page_problem = QLabel(self)
        self.page_problem.setObjectName("pageProblem")
        self.page_problem.setWordWrap(True)
        self.page_problem.setStyleSheet(PROBLEM_STYLE)
        self.page_problem.setAccessibleName(self.tr("Problem ze stroną"))
        self.page_problem.setMaximumWidth(self.page_view.minimumWidth())

        self.grid_caption = QLabel(self)
        self.grid_caption.setObjectName("unsureCaption")
        self.grid_caption.setWordWrap(True)
        self.grid = UnsureCellsGrid(self)
        self.grid.sig_changed.connect(self._on_answered)
        self.grid.sig_all_confirmed.connect(self._after_grid)
        self.grid_scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(2 * 250 + 60)
        scroll.setWidget(self.grid)
        scroll.setAccessibleName(self.tr("Podpisy do sprawdzenia"))
        self.hint = QLabel(self.tr("O — obecny · N — nieobecny · U — usprawiedliwiony · Spacja — zmiana · "
                                   "strzałki — następny podpis · Enter — potwierdź wszystkie"), self)
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(self.tr("Obsługa klawiaturą"))
        # Walk-ins are looked up in the programme of the list they were written on.
        programmes = {p for p in self._programmes.values() if p is not None}
        self.walk_ins = WalkInRows(db, programmes.pop() if len(programmes) == 1 else None, self)
        self.walk_ins.sig_changed.connect(self._on_answered)
        self.problems_label = QLabel(self)
        self.problems_label.setObjectName("scanProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.RichText)
        self.problems_label.setStyleSheet(PROBLEM_STYLE)
        self.problems_label.setAccessibleName(self.tr("Strony, z których nic nie zapisano"))
        self.message_label = QLabel(self)
        self.message_label.setObjectName("scanMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Komunikat"))
        self.message_label.setMinimumHeight(self.fontMetrics().height() * 2 + 4)

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("&Zapisz obecność"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("saveScanButton")
        self.save_button.setAccessibleName(self.tr("Zapisz obecność z list"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button = buttons.addButton(self.tr("Zamknij"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setAccessibleName(self.tr("Zamknij sprawdzanie"))
        self.close_button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Strony:"), self))
        left.addWidget(self.pages_list, 1)
        middle = QVBoxLayout()
        middle.addWidget(self.page_view, 1)
        middle.addWidget(self.page_problem)
        right = QVBoxLayout()
        right.addWidget(self.grid_caption)
        right.addWidget(scroll, 1)
        right.addWidget(self.hint)
        right.addWidget(self.walk_ins)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(middle, 0)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.resize(1340, 760)
        self._fill(dates)

    # ---- Filling
    def _dates(self) -> dict[int, str]:
        from pal_desktop.services import events

        dates = {}
        for event_id in {row.event_id for page in self.result.usable for row in page.rows}:
            try:
                event = events.get_event(self.db, event_id)
            except Exception:  # noqa: BLE001 - a date is a courtesy; the page was read
                dates[event_id] = ""
                continue
            dates[event_id] = event.event_date.strftime("%d.%m.%Y")
            self._programmes[event_id] = event.programme_id
        return dates

    def _fill(self, dates: dict[int, str]) -> None:
        cells, walk_ins = [], []
        for index, page in enumerate(self.result.pages):
            self.pages_list.addItem(QListWidgetItem(self._page_text(page)))
            if page.problem is not None:
                continue
            for row in page.rows:
                if row.participant_id is None:
                    walk_ins.append(WalkInRow(index, row, dates.get(row.event_id, "")))
                elif row.signed is None:
                    cells.append(UnsureCell(index, row, dates.get(row.event_id, ""),
                                            AttendanceStatus.PRESENT if row.likely else AttendanceStatus.ABSENT))
        self.grid.set_cells(cells)
        self.walk_ins.set_rows(walk_ins)
        # With nothing unsure the empty grid and its keys would only push the walk-ins down.
        self.grid_scroll.setVisible(bool(cells) or not walk_ins)
        self.hint.setVisible(bool(cells) or not walk_ins)
        self.pages_list.currentRowChanged.connect(self.show_page)
        if self.result.pages:
            self.pages_list.setCurrentRow(0)
        problems = self.result.problems
        self.problems_label.setVisible(bool(problems))
        self.problems_label.setText("<b>" + html.escape(self.tr("Z tych stron nic nie zostanie zapisane:"))
                                    + "</b><br>" + "<br>".join(
            html.escape(f"{self._where(page)}: {problem_advice(page)}") for page in problems))
        self._on_answered()
        if cells or not walk_ins:
            self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.walk_ins.picker.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _after_grid(self) -> None:
        """Once the signatures are confirmed, on to the walk-ins still to pick, then to saving."""
        if any(walk_in.chosen is None for walk_in in self.walk_ins.rows):
            self.walk_ins.picker.search.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.save_button.setFocus()

    def _where(self, page) -> str:
        where = self.tr("{file}, strona {page}").format(file=page.source, page=page.source_page) \
            if page.source_page else page.source
        return f"{where} ({page.title})" if page.title else where

    def _page_text(self, page) -> str:
        if page.problem is not None:
            return "⚠ " + self._where(page)
        people = [row for row in page.rows if row.participant_id is not None]
        unsure = sum(row.signed is None for row in people)
        signed = sum(bool(row.signed) for row in people)
        text = self.tr("{where}: podpisy {signed} z {people}").format(where=self._where(page), signed=signed,
                                                                      people=len(people))
        if unsure:
            text += " · " + self.tr("do sprawdzenia: {n}").format(n=unsure)
        walk_ins = len(page.rows) - len(people)
        if walk_ins:
            text += " · " + self.tr("dopisani ręcznie: {n}").format(n=walk_ins)
        return text

    def show_page(self, index: int) -> None:
        if not 0 <= index < len(self.result.pages):
            return
        page = self.result.pages[index]
        overrides = {cell.key: cell.status == AttendanceStatus.PRESENT for cell in self.grid.cells if cell.confirmed}
        self.page_view.show_page(page, overrides)
        self.page_problem.setVisible(page.problem is not None)
        if page.problem is not None:
            self.page_problem.setText(problem_advice(page))

    def _on_answered(self) -> None:
        total, left = len(self.grid.cells), sum(not cell.confirmed for cell in self.grid.cells)
        if not self.result.usable:
            self.grid_caption.setText(self.tr("Żadnej strony nie da się odczytać."))
        elif not total:
            self.grid_caption.setText(self.tr("Wszystkie podpisy odczytano pewnie; nic nie trzeba sprawdzać."))
        else:
            self.grid_caption.setText(self.tr("Podpisy do sprawdzenia: {total}, jeszcze niepotwierdzone: {left}.")
                                      .format(total=total, left=left))
        self.save_button.setEnabled(bool(self.result.usable) and left == 0 and self.applied is None)
        if self.grid.cells and 0 <= self.pages_list.currentRow():
            self.show_page(self.pages_list.currentRow())

    # ---- Saving
    def decisions(self) -> tuple[dict, set]:
        decisions = {cell.key: cell.status == AttendanceStatus.PRESENT for cell in self.grid.cells}
        excused = {cell.key for cell in self.grid.cells if cell.status == AttendanceStatus.EXCUSED}
        return decisions, excused

    def save(self):
        from pal_desktop.services import attendance_scan_apply
        from pal_desktop.ui.operations import runner_for

        if not self.save_button.isEnabled():
            return None
        self.save_button.setEnabled(False)
        db, result, today = self.db, self.result, self.today
        decisions, excused = self.decisions()
        walk_ins = self.walk_ins.chosen()
        return runner_for(self, db).submit(
            self.tr("Zapis obecności ze skanów"),
            lambda progress: attendance_scan_apply.apply_scan(db, result, decisions, walk_ins, today=today,
                                                              excused=excused),
            self._on_saved, on_error=self._on_failed, cancellable=False)

    def _on_saved(self, applied) -> None:
        self.applied = applied
        people = applied.present + applied.absent
        # Counts after a colon need no Polish plural forms ("z 1 stron" would be wrong).
        text = self.tr("Zapisano obecność — osoby: {people}, strony listy: {pages}").format(
            people=people, pages=applied.pages_kept)
        if applied.walk_ins:
            text += "; " + self.tr("dopisani spoza listy: {n}").format(n=applied.walk_ins)
        rescan = sum(page.problem.value in RESCAN for page in self.result.problems)
        if rescan:
            text += "; " + self.tr("stron do ponownego skanu: {n}").format(n=rescan)
        self.message_label.setStyleSheet("")
        self.message_label.setText(text + ".")
        self.close_button.setFocus()
        self.sig_saved.emit()

    def _on_failed(self, error: BaseException) -> None:
        from pal_desktop.errors import PalError

        self.save_button.setEnabled(True)
        if not isinstance(error, PalError):
            raise error
        self.message_label.setStyleSheet("QLabel { color: #b3261e; }")
        self.message_label.setText(error_dialog.error_text(error))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.save_button.hasFocus():
            return  # Enter confirms the grid, never closes the review
        super().keyPressEvent(event)
