"""Table models of the Wydarzenia screens: the paged list of events, the attendance being recorded and the
attendance rates of a series.

``AttendanceModel`` keeps the statuses in memory: a key press changes one row and emits ``dataChanged`` for
that row only; nothing reaches the database until the screen's Save (``marks()`` gives what to save).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from pal_desktop.domain.enums import AttendanceStatus, EnrolmentStatus, EventStatus
from pal_desktop.domain.text import fold
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.models.paged_table_model import PagedTableModel
from pal_desktop.ui.models.row_table_model import COLUMNS_CONTEXT, ROW_ROLE, Column, read_only_flags

Index = QModelIndex | QPersistentModelIndex

#: The record behind a row (an EventRow, a SheetRow...).
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3

STATUS_COLOURS = {
    AttendanceStatus.PRESENT: QColor("#e3f2e5"),
    AttendanceStatus.ABSENT: QColor("#fbe4e2"),
    AttendanceStatus.EXCUSED: QColor("#fff1d6"),
}
LOW_RATE_RED = QColor("#b3261e")
#: The order Space goes through (an unmarked person becomes present first).
CYCLE = (AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED)


def enum_text(member) -> str:
    return QCoreApplication.translate("Enums", member.label) if member is not None else ""


def hours_text(start: dt.time | None, end: dt.time | None) -> str:
    if start is None:
        return ""
    return start.strftime("%H:%M") + (f"–{end.strftime('%H:%M')}" if end else "")


def percent(value: float | None) -> str:
    """0.8 -> "80 %" (Polish writes a space before the sign)."""
    return "—" if value is None else f"{round(value * 100)}\u00a0%"


# ---- The list of events ---------------------------------------------------------------------------------

EVENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Data"), 1, width=10),
    Column(QT_TRANSLATE_NOOP("Columns", "Godziny"), 2, width=10),
    Column(QT_TRANSLATE_NOOP("Columns", "Temat"), 3, width=24, share=3, tooltip_field=3),
    Column(QT_TRANSLATE_NOOP("Columns", "Miejsce"), 6, width=11, share=2, tooltip_field=6),
    Column(QT_TRANSLATE_NOOP("Columns", "Prowadzący"), 7, width=11, share=2, tooltip_field=7),
    Column(QT_TRANSLATE_NOOP("Columns", "Zapisani"), 8, width=4, numeric=True,
           header_tip=QT_TRANSLATE_NOOP("Columns", "Liczba osób zapisanych na wydarzenie")),
    Column(QT_TRANSLATE_NOOP("Columns", "Obecni"), 9, width=4, numeric=True,
           header_tip=QT_TRANSLATE_NOOP("Columns", "Liczba osób obecnych według listy obecności")),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"), 10, width=10),
)
#: Elements of the row tuple shown in the details under the list rather than as columns (the width is
#: shared with the calendar): the type and the task's number.
TYPE_FIELD, TASK_FIELD = 4, 5
#: The column where a held event without a scanned signed list is flagged.
STATUS_COLUMN = 7


def event_tuple(row) -> tuple:
    """The row tuple the list shows for an ``events.EventRow`` (the row itself is the last element)."""
    title = ("↻ " + row.title) if row.series_id else row.title
    return (row.id, row.event_date.strftime("%d.%m.%Y"), hours_text(row.start_time, row.end_time), title,
            row.type_name, row.task_position, row.place, row.leader, row.enrolled,
            row.present if row.status == EventStatus.HELD or row.present else "", enum_text(row.status), row)


class EventListModel(PagedTableModel):
    """Events read a page at a time; cancelled events are greyed, sessions of a series start with "↻"."""

    def __init__(self, parent=None) -> None:
        super().__init__(EVENT_COLUMNS, parent)
        #: Held events with no scanned signed list (``signed_lists.signed_list_count(...).missing``).
        self.unsigned: set[int] = set()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        row = self.row_at(index.row())
        if role == RECORD_ROLE:
            return row[-1]
        if role == Qt.ItemDataRole.ForegroundRole and row[-1].status == EventStatus.CANCELLED:
            return QColor("#8a8a8a")
        if index.column() == STATUS_COLUMN and row[0] in self.unsigned:
            if role == Qt.ItemDataRole.DecorationRole:
                return QColor("#ef6c00")  # a small orange square: look at it, not an error
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
                return QCoreApplication.translate("EventListModel", "brak podpisanej listy obecności")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3 and row[-1].series_id:
            return QCoreApplication.translate("EventListModel", "{title}\nSpotkanie cyklu zajęć").format(
                title=row[-1].title)
        return super().data(index, role)

    def row_of(self, event_id: int) -> int | None:
        for number in range(self.rowCount()):
            if self.row_at(number)[0] == event_id:
                return number
        return None


# ---- Attendance being recorded --------------------------------------------------------------------------


class AttendanceModel(QAbstractTableModel):
    """The people of one session with the status chosen for each; changes stay in memory until saved."""

    COL_NUMBER, COL_NAME, COL_STATUS, COL_NOTE = range(4)
    HEADERS = (QT_TRANSLATE_NOOP("Columns", "Lp."), QT_TRANSLATE_NOOP("Columns", "Nazwisko i imię"),
               QT_TRANSLATE_NOOP("Columns", "Obecność"), QT_TRANSLATE_NOOP("Columns", "Uwagi"))

    sig_counts_changed = Signal()
    """A status changed: the counts (and the rate shown) changed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._status: list[AttendanceStatus | None] = []
        self._saved: list[AttendanceStatus | None] = []
        self._folded: list[str] = []
        self._counts = dict.fromkeys((*AttendanceStatus, None), 0)
        self._changed = 0
        self._unmarked_text = QCoreApplication.translate("AttendanceModel", "— nie zaznaczono —")
        self._walk_in_text = QCoreApplication.translate("AttendanceModel", "spoza listy")
        self._waiting_text = QCoreApplication.translate("AttendanceModel", "z listy rezerwowej")
        self._labels = {status: enum_text(status) for status in AttendanceStatus}
        self._changed_font = QFont()
        self._changed_font.setItalic(True)

    # ---- Qt overrides
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate(COLUMNS_CONTEXT, self.HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section == self.COL_NUMBER:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        number, column = index.row(), index.column()
        row = self._rows[number]
        status = self._status[number]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_NUMBER:
                return f"{number + 1}."
            if column == self.COL_NAME:
                return f"{row.last_name} {row.first_name}"
            if column == self.COL_STATUS:
                return self._labels[status] if status is not None else self._unmarked_text
            if column == self.COL_NOTE:
                if row.walk_in:
                    return self._walk_in_text
                return self._waiting_text if row.enrolment == EnrolmentStatus.WAITING else ""
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return STATUS_COLOURS.get(status)
        if role == Qt.ItemDataRole.FontRole and column == self.COL_STATUS and status != self._saved[number]:
            return self._changed_font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_NUMBER:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.AccessibleTextRole:
            label = self._labels[status] if status is not None else self._unmarked_text
            return f"{row.last_name} {row.first_name}: {label}"
        if role == RECORD_ROLE or role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.UserRole + 1:  # ID_ROLE
            return row.participant_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    # ---- Our API
    def set_rows(self, rows: Sequence) -> None:
        """Show ``rows`` (``events.SheetRow``) with the statuses recorded so far."""
        self.beginResetModel()
        self._rows = list(rows)
        self._status = [row.attendance for row in self._rows]
        self._saved = list(self._status)
        self._folded = [fold(f"{row.last_name} {row.first_name}") for row in self._rows]
        self._changed = 0
        self._recount()
        self.endResetModel()
        self.sig_counts_changed.emit()

    def append(self, row, status: AttendanceStatus | None, *, saved: bool = True) -> int:
        """Add someone (a walk-in) at the end; returns their row number."""
        number = len(self._rows)
        self.beginInsertRows(QModelIndex(), number, number)
        self._rows.append(row)
        self._status.append(status)
        self._saved.append(status if saved else row.attendance)
        self._folded.append(fold(f"{row.last_name} {row.first_name}"))
        self._counts[status] += 1
        self.endInsertRows()
        self.sig_counts_changed.emit()
        return number

    def row_of(self, participant_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.participant_id == participant_id:
                return number
        return None

    def record(self, number: int):
        return self._rows[number]

    def status(self, number: int) -> AttendanceStatus | None:
        return self._status[number]

    def set_status(self, number: int, status: AttendanceStatus | None) -> None:
        """One person's status, in memory: one row repainted, nothing read or written."""
        old = self._status[number]
        if old == status:
            return
        self._status[number] = status
        self._counts[old] -= 1
        self._counts[status] += 1
        saved = self._saved[number]
        self._changed += (status != saved) - (old != saved)
        self.dataChanged.emit(self.index(number, 0), self.index(number, self.COL_NOTE),
                              [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole,
                               Qt.ItemDataRole.FontRole, Qt.ItemDataRole.AccessibleTextRole])
        self.sig_counts_changed.emit()

    def cycle(self, number: int) -> AttendanceStatus:
        """obecny → nieobecny → usprawiedliwiony → obecny (an unmarked person becomes present)."""
        current = self._status[number]
        status = CYCLE[(CYCLE.index(current) + 1) % len(CYCLE)] if current in CYCLE else CYCLE[0]
        self.set_status(number, status)
        return status

    def set_all(self, status: AttendanceStatus) -> None:
        if not self._rows:
            return
        self._status = [status] * len(self._rows)
        self._changed = sum(1 for saved in self._saved if saved != status)
        self._recount()
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COL_NOTE),
                              [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole,
                               Qt.ItemDataRole.FontRole, Qt.ItemDataRole.AccessibleTextRole])
        self.sig_counts_changed.emit()

    def _recount(self) -> None:
        self._counts = dict.fromkeys((*AttendanceStatus, None), 0)
        for status in self._status:
            self._counts[status] += 1

    def count(self, status: AttendanceStatus | None) -> int:
        return self._counts[status]

    def unmarked(self) -> int:
        return self._counts[None]

    def is_changed(self) -> bool:
        return self._changed > 0

    def marks(self, *, unmarked_as: AttendanceStatus | None = None) -> dict[int, AttendanceStatus]:
        """What to save: every marked person (and the unmarked as ``unmarked_as``, when given)."""
        result = {}
        for row, status in zip(self._rows, self._status, strict=True):
            status = status or unmarked_as
            if status is not None:
                result[row.participant_id] = status
        return result

    def mark_saved(self, marks: dict[int, AttendanceStatus]) -> None:
        """After Save: ``marks`` are in the database now."""
        for number, row in enumerate(self._rows):
            if row.participant_id in marks:
                self._status[number] = marks[row.participant_id]
                self._saved[number] = self._status[number]
        self._changed = sum(1 for a, b in zip(self._status, self._saved, strict=True) if a != b)
        self._recount()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COL_NOTE))
        self.sig_counts_changed.emit()

    def find_prefix(self, prefix: str, start: int = 0) -> int | None:
        """The first row from ``start`` (wrapping) whose surname starts with ``prefix`` (Polish letters or not)."""
        wanted = fold(prefix)
        if not wanted or not self._rows:
            return None
        total = len(self._rows)
        for step in range(total):
            number = (start + step) % total
            if self._folded[number].startswith(wanted):
                return number
        return None


# ---- Attendance rates of a series -----------------------------------------------------------------------


class SeriesRatesModel(QAbstractTableModel):
    """Per participant of a series: sessions attended of those recorded; under 80 % in red."""

    HEADERS = (QT_TRANSLATE_NOOP("Columns", "Uczestnik"), QT_TRANSLATE_NOOP("Columns", "Obecności"),
               QT_TRANSLATE_NOOP("Columns", "Frekwencja"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str, object]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate(COLUMNS_CONTEXT, self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        _pid, name, rate = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return name
            if column == 1:
                text = QCoreApplication.translate("SeriesRatesModel", "{present} z {recorded}").format(
                    present=rate.present, recorded=rate.recorded)
                if rate.excused:  # their own kind: whether they lower the rate is the organisation's rule
                    text += " " + QCoreApplication.translate("SeriesRatesModel", "(uspr. {excused})").format(
                        excused=rate.excused)
                return text
            if column == 2:
                text = percent(rate.value)
                if rate.low:
                    text += " " + QCoreApplication.translate("SeriesRatesModel", "(poniżej {threshold} %)").format(
                        threshold=rate.threshold_percent)
                return text
        if role == Qt.ItemDataRole.ForegroundRole and rate.low:
            return LOW_RATE_RED
        if role == Qt.ItemDataRole.FontRole and rate.low and column == 2:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.UserRole + 1:  # ID_ROLE
            return self._rows[index.row()][0]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def set_rates(self, rates: dict) -> None:
        """``events.series_rates`` output: {participant id: (name, Rate)}."""
        self.beginResetModel()
        self._rows = [(pid, name, rate) for pid, (name, rate) in rates.items()]
        self.endResetModel()

    def low_count(self) -> int:
        return sum(1 for _pid, _name, rate in self._rows if rate.low)
