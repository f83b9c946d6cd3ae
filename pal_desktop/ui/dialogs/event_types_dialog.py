"""Rodzaje wydarzeń: the editable list of event types (add, rename, hide or bring back a type)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.errors import PalError
from pal_desktop.ui.dialogs import error_dialog
from pal_desktop.ui.widgets.form_parts import error_label


class EventTypesDialog(QDialog):
    """The editable list of event types: add, rename, hide (hidden types stay on the events that use them)."""

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.changed = False
        self.setObjectName("eventTypesDialog")
        self.setWindowTitle(self.tr("Rodzaje wydarzeń"))
        self.setAccessibleName(self.tr("Rodzaje wydarzeń"))
        self.list = QListWidget(self)
        self.list.setObjectName("eventTypesList")
        self.list.setAccessibleName(self.tr("Lista rodzajów wydarzeń"))
        self.list.currentItemChanged.connect(self._on_current)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("field_name")
        self.name_edit.setAccessibleName(self.tr("Nazwa rodzaju"))
        self.name_edit.setPlaceholderText(self.tr("np. wyjazd integracyjny"))
        self.name_edit.textEdited.connect(lambda _text: self.error_label.hide())
        name_label = QLabel(self.tr("&Nazwa:"), self)
        name_label.setBuddy(self.name_edit)
        self.error_label = error_label(self, "error_name", self.tr("Błąd: nazwa rodzaju"))
        self.add_button = QPushButton(self.tr("&Dodaj nowy"), self)
        self.add_button.setAccessibleName(self.tr("Dodaj nowy rodzaj o wpisanej nazwie"))
        self.rename_button = QPushButton(self.tr("&Zmień nazwę"), self)
        self.rename_button.setAccessibleName(self.tr("Zmień nazwę zaznaczonego rodzaju na wpisaną"))
        self.hide_button = QPushButton(self.tr("&Ukryj"), self)
        self.hide_button.setAccessibleName(self.tr("Ukryj albo przywróć zaznaczony rodzaj"))
        self.hide_button.setToolTip(self.tr("Ukryty rodzaj nie pojawia się przy nowych wydarzeniach; wydarzenia, "
                                            "które go mają, zachowują go."))
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.hide_button.clicked.connect(self.toggle_hidden)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Zamknij"))
        close.rejected.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.hide_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        name_row = QHBoxLayout()
        name_row.addWidget(name_label)
        name_row.addWidget(self.name_edit, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(name_row)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(460, 440)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        from pal_desktop.services import events

        self.list.clear()
        for option in events.event_types(self.db, include_inactive=True):
            text = option.name if option.active else self.tr("{name} (ukryty)").format(name=option.name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, option.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, option.active)
            item.setData(Qt.ItemDataRole.UserRole + 2, option.name)
            if not option.active:
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
            if option.id == select:
                self.list.setCurrentItem(item)
        self._on_current(self.list.currentItem(), None)

    def _on_current(self, item, _previous) -> None:
        self.rename_button.setEnabled(item is not None)
        self.hide_button.setEnabled(item is not None)
        if item is not None:
            self.name_edit.setText(item.data(Qt.ItemDataRole.UserRole + 2))
            self.hide_button.setText(self.tr("&Ukryj") if item.data(Qt.ItemDataRole.UserRole + 1)
                                     else self.tr("&Przywróć"))

    def _run(self, action) -> None:
        try:
            select = action()
        except PalError as error:
            self.error_label.setText(error_dialog.error_text(error))
            self.error_label.show()
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.error_label.hide()
        self.changed = True
        self.reload(select)

    def add(self) -> None:
        from pal_desktop.services import events

        self._run(lambda: events.add_event_type(self.db, self.name_edit.text()))

    def rename(self) -> None:
        from pal_desktop.services import events

        item = self.list.currentItem()
        if item is None:
            return
        type_id = item.data(Qt.ItemDataRole.UserRole)
        self._run(lambda: events.rename_event_type(self.db, type_id, self.name_edit.text()) or type_id)

    def toggle_hidden(self) -> None:
        from pal_desktop.services import events

        item = self.list.currentItem()
        if item is None:
            return
        type_id, active = item.data(Qt.ItemDataRole.UserRole), item.data(Qt.ItemDataRole.UserRole + 1)
        self._run(lambda: events.set_event_type_active(self.db, type_id, not active) or type_id)
