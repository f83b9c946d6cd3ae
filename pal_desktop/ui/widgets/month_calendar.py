"""A month grid with each day's events: Polish month and day names, today framed, public holidays in red.

The grid is a table view (six weeks of seven days, Monday first) over ``MonthModel``, so the keyboard works
as in any list: arrows move between days, Enter or a click picks a day, Page Up / Page Down change the month.
A delegate paints each day: its number, the holiday's name, then the events' hours and titles ("+ 2 więcej"
when they do not fit). The events come from whoever owns the calendar (``set_events``) after
``sig_month_changed``; the widget reads nothing from the database itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.domain.calendar import holiday_name
from pal_desktop.messages import QT_TRANSLATE_NOOP

CONTEXT = "MonthCalendar"
MONTHS = (QT_TRANSLATE_NOOP("MonthCalendar", "styczeń"), QT_TRANSLATE_NOOP("MonthCalendar", "luty"),
          QT_TRANSLATE_NOOP("MonthCalendar", "marzec"), QT_TRANSLATE_NOOP("MonthCalendar", "kwiecień"),
          QT_TRANSLATE_NOOP("MonthCalendar", "maj"), QT_TRANSLATE_NOOP("MonthCalendar", "czerwiec"),
          QT_TRANSLATE_NOOP("MonthCalendar", "lipiec"), QT_TRANSLATE_NOOP("MonthCalendar", "sierpień"),
          QT_TRANSLATE_NOOP("MonthCalendar", "wrzesień"), QT_TRANSLATE_NOOP("MonthCalendar", "październik"),
          QT_TRANSLATE_NOOP("MonthCalendar", "listopad"), QT_TRANSLATE_NOOP("MonthCalendar", "grudzień"))
#: Month names after a day number ("11 listopada 2021").
MONTHS_GENITIVE = (
    QT_TRANSLATE_NOOP("MonthCalendar", "stycznia"), QT_TRANSLATE_NOOP("MonthCalendar", "lutego"),
    QT_TRANSLATE_NOOP("MonthCalendar", "marca"), QT_TRANSLATE_NOOP("MonthCalendar", "kwietnia"),
    QT_TRANSLATE_NOOP("MonthCalendar", "maja"), QT_TRANSLATE_NOOP("MonthCalendar", "czerwca"),
    QT_TRANSLATE_NOOP("MonthCalendar", "lipca"), QT_TRANSLATE_NOOP("MonthCalendar", "sierpnia"),
    QT_TRANSLATE_NOOP("MonthCalendar", "września"), QT_TRANSLATE_NOOP("MonthCalendar", "października"),
    QT_TRANSLATE_NOOP("MonthCalendar", "listopada"), QT_TRANSLATE_NOOP("MonthCalendar", "grudnia"))
DAYS_SHORT = (QT_TRANSLATE_NOOP("MonthCalendar", "Pn"), QT_TRANSLATE_NOOP("MonthCalendar", "Wt"),
              QT_TRANSLATE_NOOP("MonthCalendar", "Śr"), QT_TRANSLATE_NOOP("MonthCalendar", "Cz"),
              QT_TRANSLATE_NOOP("MonthCalendar", "Pt"), QT_TRANSLATE_NOOP("MonthCalendar", "So"),
              QT_TRANSLATE_NOOP("MonthCalendar", "Nd"))
DAYS_LONG = (QT_TRANSLATE_NOOP("MonthCalendar", "poniedziałek"), QT_TRANSLATE_NOOP("MonthCalendar", "wtorek"),
             QT_TRANSLATE_NOOP("MonthCalendar", "środa"), QT_TRANSLATE_NOOP("MonthCalendar", "czwartek"),
             QT_TRANSLATE_NOOP("MonthCalendar", "piątek"), QT_TRANSLATE_NOOP("MonthCalendar", "sobota"),
             QT_TRANSLATE_NOOP("MonthCalendar", "niedziela"))

#: The date of a cell.
DATE_ROLE = Qt.ItemDataRole.UserRole + 1
#: The events of a cell's day (a list of objects with ``start_time`` and ``title``).
EVENTS_ROLE = Qt.ItemDataRole.UserRole + 2
#: The name of the public holiday on the cell's day, or None.
HOLIDAY_ROLE = Qt.ItemDataRole.UserRole + 3
#: True for days of the shown month (the grid also shows the ends of the months around it).
IN_MONTH_ROLE = Qt.ItemDataRole.UserRole + 4

HOLIDAY_RED = QColor("#b3261e")
TODAY_BLUE = QColor("#1a5fb4")
EVENT_MARK = QColor("#2f6f3e")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def month_title(year: int, month: int) -> str:
    """ "listopad 2021"."""
    return f"{_tr(MONTHS[month - 1])} {year}"


def long_date(day: dt.date) -> str:
    """ "czwartek, 11 listopada 2021"."""
    return f"{_tr(DAYS_LONG[day.weekday()])}, {day.day} {_tr(MONTHS_GENITIVE[day.month - 1])} {day.year}"


def first_cell(year: int, month: int) -> dt.date:
    """The Monday that starts the grid of ``month``."""
    first = dt.date(year, month, 1)
    return first - dt.timedelta(days=first.weekday())


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


class MonthModel(QAbstractTableModel):
    """Six weeks × seven days of one month; each cell is a day with its events."""

    ROWS, COLUMNS = 6, 7

    def __init__(self, parent: QObject | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.today = today or dt.date.today()
        self.year, self.month = self.today.year, self.today.month
        self._events: dict[dt.date, Sequence] = {}

    # ---- Qt overrides
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.ROWS

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        day = self.date_at(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DATE_ROLE:
            return day
        if role == EVENTS_ROLE:
            return list(self._events.get(day, ()))
        if role == HOLIDAY_ROLE:
            return holiday_name(day)
        if role == IN_MONTH_ROLE:
            return day.month == self.month
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(day)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.COLUMNS:
            if role == Qt.ItemDataRole.DisplayRole:
                return _tr(DAYS_SHORT[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return _tr(DAYS_LONG[section])
            if role == Qt.ItemDataRole.ForegroundRole and section == 6:
                return HOLIDAY_RED
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # ---- Our API
    def first_day(self) -> dt.date:
        return first_cell(self.year, self.month)

    def last_day(self) -> dt.date:
        return self.first_day() + dt.timedelta(days=self.ROWS * self.COLUMNS - 1)

    def date_at(self, row: int, column: int) -> dt.date:
        return self.first_day() + dt.timedelta(days=row * self.COLUMNS + column)

    def index_of(self, day: dt.date) -> QModelIndex:
        offset = (day - self.first_day()).days
        if not 0 <= offset < self.ROWS * self.COLUMNS:
            return QModelIndex()
        return self.index(offset // self.COLUMNS, offset % self.COLUMNS)

    def set_month(self, year: int, month: int) -> None:
        self.beginResetModel()
        self.year, self.month = year, month
        self._events = {}
        self.endResetModel()

    def set_events(self, by_day: dict[dt.date, Sequence]) -> None:
        """The events of the shown weeks, by day (days outside the grid are ignored)."""
        self._events = dict(by_day)
        self.dataChanged.emit(self.index(0, 0), self.index(self.ROWS - 1, self.COLUMNS - 1),
                              [Qt.ItemDataRole.DisplayRole, EVENTS_ROLE, Qt.ItemDataRole.ToolTipRole])

    def events_on(self, day: dt.date) -> list:
        return list(self._events.get(day, ()))

    def describe(self, day: dt.date) -> str:
        """What a screen reader says and the tooltip shows for a day."""
        lines = [long_date(day)]
        if day == self.today:
            lines[0] += " — " + _tr(QT_TRANSLATE_NOOP("MonthCalendar", "dziś"))
        holiday = holiday_name(day)
        if holiday:
            lines.append(holiday)
        events = self._events.get(day, ())
        if not events:
            lines.append(_tr(QT_TRANSLATE_NOOP("MonthCalendar", "brak wydarzeń")))
        for event in events:
            hours = event.start_time.strftime("%H:%M") if event.start_time else ""
            lines.append(f"{hours} {event.title}".strip())
        return "\n".join(lines)


class DayDelegate(QStyledItemDelegate):
    """Paints a day: number (red on Sundays and holidays), the holiday's name, then its events."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        rect = option.rect
        palette = option.palette
        day: dt.date = index.data(DATE_ROLE)
        in_month = bool(index.data(IN_MONTH_ROLE))
        holiday = index.data(HOLIDAY_ROLE)
        events = index.data(EVENTS_ROLE) or []
        model = index.model()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)

        background = palette.color(QPalette.ColorRole.Base)
        if not in_month:
            background = palette.color(QPalette.ColorRole.Window)
        elif holiday or day.weekday() == 6:
            background = QColor("#fdf0ef")
        elif day.weekday() == 5:
            background = QColor("#f6f6f9")
        if selected:
            background = palette.color(QPalette.ColorRole.Highlight).lighter(175)
        painter.fillRect(rect, background)

        today = getattr(model, "today", None)
        if day == today:
            painter.setPen(QPen(TODAY_BLUE, 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        if selected and option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(3, 3, -4, -4))

        text_colour = palette.color(QPalette.ColorRole.Text)
        if not in_month:
            text_colour = palette.color(QPalette.ColorRole.PlaceholderText)
        number_colour = HOLIDAY_RED if (holiday or day.weekday() == 6) and in_month else text_colour
        font = QFont(option.font)
        font.setBold(day == today or bool(events))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        inner = rect.adjusted(5, 3, -4, -2)
        painter.setPen(number_colour)
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, str(day.day))
        top = inner.top() + metrics.height()

        small = QFont(option.font)
        small.setPointSizeF(max(6.5, option.font.pointSizeF() * 0.82))
        painter.setFont(small)
        small_metrics = painter.fontMetrics()
        line = small_metrics.height()
        if holiday and in_month:
            painter.setPen(HOLIDAY_RED)
            painter.drawText(QRect(inner.left(), top, inner.width(), line), Qt.AlignmentFlag.AlignLeft,
                             small_metrics.elidedText(holiday, Qt.TextElideMode.ElideRight, inner.width()))
            top += line
        room = max(0, (inner.bottom() - top + 1) // line)
        shown = events if len(events) <= room else events[:max(0, room - 1)]
        painter.setPen(text_colour if in_month else palette.color(QPalette.ColorRole.PlaceholderText))
        for event in shown:
            painter.fillRect(QRect(inner.left(), top + line // 2 - 2, 4, 4), EVENT_MARK)
            wide = inner.width() > 110  # narrow cells show the title only (the hours are in the tooltip)
            hours = event.start_time.strftime("%H:%M") + " " if event.start_time and wide else ""
            text = small_metrics.elidedText(hours + event.title, Qt.TextElideMode.ElideRight, inner.width() - 7)
            painter.drawText(QRect(inner.left() + 7, top, inner.width() - 7, line), Qt.AlignmentFlag.AlignLeft, text)
            top += line
        if len(shown) < len(events):
            more = QCoreApplication.translate(CONTEXT, "+ {count} więcej").format(count=len(events) - len(shown))
            painter.setPen(TODAY_BLUE)
            painter.drawText(QRect(inner.left(), top, inner.width(), line), Qt.AlignmentFlag.AlignLeft, more)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        metrics = option.fontMetrics
        return QSize(metrics.horizontalAdvance("0") * 9, metrics.height() * 4)


class MonthCalendar(QWidget):
    """The month grid with its navigation row ("◀ listopad 2021 ▶", "Dziś")."""

    sig_month_changed = Signal(int, int)
    """The grid shows another month (year, month): time to ``set_events`` for its weeks."""
    sig_day_clicked = Signal(object)
    """The user picked a day (a ``datetime.date``) by click, Enter or Space."""
    sig_day_activated = Signal(object)
    """The user double-clicked a day (a ``datetime.date``)."""

    def __init__(self, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthCalendar")
        self.setAccessibleName(self.tr("Kalendarz wydarzeń"))
        self.model = MonthModel(self, today=today)

        self.previous_button = QToolButton(self)
        self.previous_button.setObjectName("previousMonth")
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setAccessibleName(self.tr("Poprzedni miesiąc"))
        self.previous_button.setToolTip(self.tr("Poprzedni miesiąc (Page Up)"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("nextMonth")
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setAccessibleName(self.tr("Następny miesiąc"))
        self.next_button.setToolTip(self.tr("Następny miesiąc (Page Down)"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.title_label = QLabel(self)
        self.title_label.setObjectName("monthTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setAccessibleName(self.tr("Pokazany miesiąc"))
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.today_button = QPushButton(self.tr("Dziś"), self)
        self.today_button.setObjectName("todayButton")
        self.today_button.setAccessibleName(self.tr("Pokaż bieżący miesiąc"))
        self.today_button.setToolTip(self.tr("Wróć do bieżącego miesiąca"))
        self.today_button.clicked.connect(self.show_today)

        self.view = QTableView(self)
        self.view.setObjectName("monthGrid")
        self.view.setAccessibleName(self.tr("Dni miesiąca"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(DayDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setShowGrid(True)
        self.view.setCornerButtonEnabled(False)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.view.clicked.connect(self._on_clicked)
        self.view.doubleClicked.connect(lambda index: self.sig_day_activated.emit(index.data(DATE_ROLE)))
        self.view.installEventFilter(self)

        legend = QLabel(self.tr("<span style='color:#1a5fb4'>▢</span> dziś &nbsp; "
                                "<span style='color:#b3261e'>czerwone</span> — niedziele i święta &nbsp; "
                                "kliknij dzień, aby pokazać jego wydarzenia"), self)
        legend.setObjectName("calendarLegend")
        legend.setWordWrap(True)
        legend.setAccessibleName(self.tr("Objaśnienie kalendarza"))
        legend.setStyleSheet("QLabel { color: palette(placeholder-text); }")

        navigation = QHBoxLayout()
        navigation.setContentsMargins(0, 0, 0, 0)
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.title_label, 1)
        navigation.addWidget(self.next_button)
        navigation.addWidget(self.today_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(navigation)
        layout.addWidget(self.view, 1)
        layout.addWidget(legend)
        self._show_title()

    # ---- Months
    @property
    def year(self) -> int:
        return self.model.year

    @property
    def month(self) -> int:
        return self.model.month

    def set_month(self, year: int, month: int) -> None:
        if (year, month) == (self.model.year, self.model.month):
            return
        self.model.set_month(year, month)
        self._show_title()
        self.sig_month_changed.emit(year, month)

    def step(self, months: int) -> None:
        selected = self.selected_date()
        self.set_month(*add_months(self.year, self.month, months))
        if selected is not None:  # keep the same day number where the new month has it
            day = min(selected.day, 28 if self.month == 2 else 30 if self.month in (4, 6, 9, 11) else 31)
            self.select_date(dt.date(self.year, self.month, day), emit=False)

    def show_today(self) -> None:
        self.show_date(self.model.today)

    def show_date(self, day: dt.date, *, emit: bool = False) -> None:
        """Turn to ``day``'s month and select it (``emit`` also filters as a click does)."""
        self.set_month(day.year, day.month)
        self.select_date(day, emit=emit)

    def _show_title(self) -> None:
        self.title_label.setText(month_title(self.year, self.month))

    # ---- Days
    def set_events(self, by_day: dict[dt.date, Sequence]) -> None:
        self.model.set_events(by_day)

    def visible_range(self) -> tuple[dt.date, dt.date]:
        return self.model.first_day(), self.model.last_day()

    def selected_date(self) -> dt.date | None:
        index = self.view.currentIndex()
        return index.data(DATE_ROLE) if index.isValid() else None

    def select_date(self, day: dt.date, *, emit: bool = False) -> None:
        index = self.model.index_of(day)
        if index.isValid():
            self.view.setCurrentIndex(index)
            if emit:
                self.sig_day_clicked.emit(day)

    def cell_rect(self, day: dt.date) -> QRect:
        """Where ``day`` is drawn in the grid's viewport (for tests and tooltips)."""
        return self.view.visualRect(self.model.index_of(day))

    def _on_clicked(self, index: QModelIndex) -> None:
        day = index.data(DATE_ROLE)
        if day is None:
            return
        if day.month != self.month:
            self.show_date(day)
        self.sig_day_clicked.emit(day)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_PageUp:
                self.step(-1)
                return True
            if key == Qt.Key.Key_PageDown:
                self.step(1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                day = self.selected_date()
                if day is not None:
                    self.sig_day_clicked.emit(day)
                return True
        return super().eventFilter(watched, event)
