"""Finding people of the programme by name or PESEL for the event screens (enrolment, walk-ins).

Typing in the field asks ``events.find_people`` a moment after the last key; Down moves to the results and
Enter there chooses the selected people (``sig_chosen``). The picker reads through the service only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

SEARCH_DELAY_MS = 150


class PersonPicker(QWidget):
    sig_chosen = Signal(list)
    """Enter or a double click on the results: [(participant id, label), ...]."""

    def __init__(self, db, programme_id: int | None, parent: QWidget | None = None, *, multiple: bool = True,
                 label: str | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._programme_id = programme_id
        self.search = QLineEdit(self)
        self.search.setObjectName("personSearch")
        self.search.setAccessibleName(self.tr("Szukaj osoby"))
        self.search.setPlaceholderText(self.tr("nazwisko, imię lub PESEL — np. „kowal an”"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        caption = QLabel(label or self.tr("&Szukaj osoby:"), self)
        caption.setBuddy(self.search)
        self.results = QListWidget(self)
        self.results.setObjectName("personResults")
        self.results.setAccessibleName(self.tr("Znalezione osoby"))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multiple
                                      else QAbstractItemView.SelectionMode.SingleSelection)
        self.results.itemActivated.connect(lambda _item: self.choose())
        self.info = QLabel(self)
        self.info.setObjectName("personSearchInfo")
        self.info.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        self.info.setWordWrap(True)
        self.info.setText(self.tr("Wpisz co najmniej 2 znaki."))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.info)
        self.setFocusProxy(self.search)

    def run_search(self) -> None:
        """Look the text up now (normally a moment after the last key)."""
        from pal_desktop.services import events

        self._timer.stop()
        text = self.search.text().strip()
        self.results.clear()
        if len(text) < 2:
            self.info.setText(self.tr("Wpisz co najmniej 2 znaki."))
            return
        found = events.find_people(self._db, text, self._programme_id)
        for participant_id, label in found:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, participant_id)
            if label.endswith("(zakończył udział)"):  # the service will refuse them; say so before
                item.setForeground(Qt.GlobalColor.gray)
                item.setToolTip(self.tr("Ta osoba zakończyła udział w programie."))
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
            self.info.setText(self.tr("Znaleziono: {count}. Strzałka w dół przechodzi do listy, Enter wybiera "
                                      "(Ctrl lub Shift — kilka osób).").format(count=len(found)))
        else:
            self.info.setText(self.tr("Nikogo nie znaleziono dla „{text}”.").format(text=text))

    def selected(self) -> list[tuple[int, str]]:
        items = self.results.selectedItems() or ([self.results.currentItem()] if self.results.currentItem() else [])
        return [(item.data(Qt.ItemDataRole.UserRole), item.text()) for item in items]

    def choose(self) -> None:
        chosen = self.selected()
        if chosen:
            self.sig_chosen.emit(chosen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.run_search()
                if self.results.count() == 1:
                    self.results.setCurrentRow(0)
                    self.choose()
                elif self.results.count():
                    self.results.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)
