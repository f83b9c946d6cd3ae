"""Handwritten walk-in rows of read lists: each row's handwritten name shown as scanned, and the person it is
picked from the registry with a search field (type, Enter picks the only match or goes to the results, Enter
there picks; the next unpicked row comes up). Delete clears a row's choice; a row nobody picked is not recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from pal_desktop.ui.widgets.person_picker import PersonPicker
from pal_desktop.ui.widgets.scan_page_view import grey_image

# The handwritten name cell is shown this wide: large enough to read a hurried hand.
NAME_IMAGE_SIZE = QSize(260, 40)


@dataclass
class WalkInRow:
    page_index: int
    row: object  # RowReading with participant_id None
    date_text: str
    chosen: tuple[int, str] | None = None

    @property
    def key(self) -> tuple[int, int]:
        return self.row.event_id, self.row.row


class WalkInRows(QWidget):
    sig_changed = Signal()

    def __init__(self, db, programme_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[WalkInRow] = []
        self.caption = QLabel(self)
        self.caption.setObjectName("walkInCaption")
        self.caption.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("walkInRows")
        self.list.setAccessibleName(self.tr("Osoby dopisane ręcznie"))
        self.list.setIconSize(NAME_IMAGE_SIZE)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.currentRowChanged.connect(lambda _row: self.picker.search.clear())
        self.list.installEventFilter(self)
        self.list.setMaximumHeight(NAME_IMAGE_SIZE.height() * 5)
        self.picker = PersonPicker(db, programme_id, self, multiple=False,
                                   label=self.tr("&Kto to jest? Szukaj w rejestrze:"))
        self.picker.search.setAccessibleName(self.tr("Szukaj osoby dopisanej ręcznie"))
        self.picker.sig_chosen.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.list)
        layout.addWidget(self.picker)

    def set_rows(self, rows: list[WalkInRow]) -> None:
        self.rows = rows
        self.list.clear()
        for walk_in in rows:
            item = QListWidgetItem(self.list)
            if walk_in.row.name_thumbnail is not None:
                pixmap = QPixmap.fromImage(grey_image(walk_in.row.name_thumbnail))
                item.setIcon(QIcon(pixmap.scaled(NAME_IMAGE_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation)))
        self._refresh()
        if rows:
            self.list.setCurrentRow(0)
        self.setVisible(bool(rows))

    def current(self) -> WalkInRow | None:
        index = self.list.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def chosen(self) -> dict[tuple[int, int], int]:
        """(event id, row) -> participant, for the rows a person picked."""
        return {walk_in.key: walk_in.chosen[0] for walk_in in self.rows if walk_in.chosen is not None}

    def _chosen(self, chosen: list) -> None:
        walk_in = self.current()
        if walk_in is None or not chosen:
            return
        walk_in.chosen = chosen[0]
        self._refresh()
        following = [i for i, other in enumerate(self.rows) if other.chosen is None]
        if following:
            self.list.setCurrentRow(following[0])
        self.picker.search.clear()
        self.picker.run_search()  # the last person's results go at once, not a moment later
        self.picker.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.sig_changed.emit()

    def clear_current(self) -> None:
        walk_in = self.current()
        if walk_in is not None and walk_in.chosen is not None:
            walk_in.chosen = None
            self._refresh()
            self.sig_changed.emit()

    def _refresh(self) -> None:
        for index, walk_in in enumerate(self.rows):
            who = walk_in.chosen[1].split(" — ")[0] if walk_in.chosen else self.tr("nie wybrano")
            text = self.tr("Wiersz {row} · {date}: {who}").format(row=walk_in.row.row, date=walk_in.date_text,
                                                                 who=who)
            item = self.list.item(index)
            item.setText(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
        left = sum(walk_in.chosen is None for walk_in in self.rows)
        self.caption.setText(self.tr("Dopisani ręcznie na liście: {total}, jeszcze nie wybrani z rejestru: {left} "
                                     "(niewybrani nie zostaną zapisani).").format(total=len(self.rows), left=left))

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_current()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.picker.search.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)
