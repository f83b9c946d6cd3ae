"""The cells the reader was not sure about, zoomed, in one grid that is answered from the keyboard.

O obecny, N nieobecny, U usprawiedliwiony (each moves on to the next cell), Spacja toggles obecny and
nieobecny, arrows move, Enter confirms every cell as it stands. Each cell starts at the reader's best guess,
shown as a guess until a person confirms it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from pal_desktop.domain.enums import AttendanceStatus
from pal_desktop.ui.widgets.scan_page_view import grey_image

COLUMNS = 2
# A zoomed cell is shown this wide: about twice the printed size, the ink easy to judge.
TILE_IMAGE_WIDTH = 250
KEYS = {"o": AttendanceStatus.PRESENT, "n": AttendanceStatus.ABSENT, "u": AttendanceStatus.EXCUSED}
TILE_COLOURS = {AttendanceStatus.PRESENT: "#2e7d32", AttendanceStatus.ABSENT: "#757575",
                AttendanceStatus.EXCUSED: "#1565c0"}
GUESS_COLOUR = "#ef6c00"


@dataclass
class UnsureCell:
    page_index: int
    row: object  # RowReading
    date_text: str
    status: AttendanceStatus
    confirmed: bool = False

    @property
    def key(self) -> tuple[int, int]:
        return self.row.event_id, self.row.row


class CellTile(QFrame):
    def __init__(self, cell: UnsureCell, parent: QWidget) -> None:
        super().__init__(parent)
        self.cell = cell
        self.setObjectName("unsureCell")
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        patch = grey_image(cell.row.thumbnail)
        self.image.setPixmap(QPixmap.fromImage(patch).scaledToWidth(TILE_IMAGE_WIDTH,
                                                                    Qt.TransformationMode.SmoothTransformation))
        self.name = QLabel(f"<b>{html.escape(cell.row.name)}</b> · {cell.date_text}", self)
        self.status = QLabel(self)
        self.status.setObjectName("unsureCellStatus")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.image)
        layout.addWidget(self.name)
        layout.addWidget(self.status)
        self.refresh(False)

    def refresh(self, current: bool) -> None:
        cell = self.cell
        text = {AttendanceStatus.PRESENT: self.tr("obecny"), AttendanceStatus.ABSENT: self.tr("nieobecny"),
                AttendanceStatus.EXCUSED: self.tr("usprawiedliwiony")}[cell.status]
        if not cell.confirmed:
            text = self.tr("{status}? (propozycja — potwierdź)").format(status=text)
        self.status.setText(text)
        colour = TILE_COLOURS[cell.status] if cell.confirmed else GUESS_COLOUR
        width = 4 if current else 2
        background = "#fff3e0" if current else "white"
        self.setStyleSheet(f"QFrame#unsureCell {{ border: {width}px solid {colour}; border-radius: 4px; "
                           f"background: {background}; }} QLabel#unsureCellStatus {{ color: {colour}; "
                           "font-weight: bold; }")
        self.setAccessibleName(self.tr("Podpis: {name}, {date}: {status}").format(
            name=cell.row.name, date=cell.date_text, status=text))


class UnsureCellsGrid(QWidget):
    sig_changed = Signal()
    """A cell was answered (or all were confirmed)."""
    sig_all_confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unsureCellsGrid")
        self.setAccessibleName(self.tr("Podpisy do sprawdzenia"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.cells: list[UnsureCell] = []
        self.tiles: list[CellTile] = []
        self.current = 0
        self._layout = QGridLayout(self)
        self._layout.setSpacing(8)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

    def set_cells(self, cells: list[UnsureCell]) -> None:
        for tile in self.tiles:
            tile.deleteLater()
        self.cells, self.tiles, self.current = cells, [], 0
        for index, cell in enumerate(cells):
            tile = CellTile(cell, self)
            self._layout.addWidget(tile, index // COLUMNS, index % COLUMNS)
            self.tiles.append(tile)
        self._refresh()

    def all_confirmed(self) -> bool:
        return all(cell.confirmed for cell in self.cells)

    def set_status(self, index: int, status: AttendanceStatus) -> None:
        self.cells[index].status, self.cells[index].confirmed = status, True
        self._refresh()
        self.sig_changed.emit()

    def confirm_all(self) -> None:
        for cell in self.cells:
            cell.confirmed = True
        self._refresh()
        self.sig_changed.emit()
        self.sig_all_confirmed.emit()

    def move(self, to: int) -> None:
        if self.cells:
            self.current = max(0, min(len(self.cells) - 1, to))
            self._refresh()

    def _refresh(self) -> None:
        for index, tile in enumerate(self.tiles):
            tile.refresh(index == self.current and self.hasFocus())
        if self.tiles:
            self.tiles[self.current].setFocusProxy(None)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self._refresh()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._refresh()

    def keyPressEvent(self, event) -> None:
        if not self.cells:
            super().keyPressEvent(event)
            return
        key, text = event.key(), event.text().lower()
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -COLUMNS, Qt.Key.Key_Down: COLUMNS}
        if key in moves:
            self.move(self.current + moves[key])
        elif text in KEYS:
            self.set_status(self.current, KEYS[text])
            self.move(self.current + 1)
        elif key == Qt.Key.Key_Space:
            cell = self.cells[self.current]
            self.set_status(self.current, AttendanceStatus.ABSENT if cell.status == AttendanceStatus.PRESENT
                            else AttendanceStatus.PRESENT)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm_all()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
