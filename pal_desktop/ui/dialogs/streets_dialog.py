"""Ulice obszaru rewitalizacji: the list of streets a programme serves, which the participant form offers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.errors import PalError
from pal_desktop.ui.dialogs import error_dialog

ERROR_STYLE = "color: #b00020;"


class StreetsDialog(QDialog):
    def __init__(self, db, programme_id: int, programme_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.programme_id = programme_id
        self.setObjectName("streetsDialog")
        self.setWindowTitle(self.tr("Ulice obszaru rewitalizacji"))
        self.setAccessibleName(self.tr("Ulice obszaru rewitalizacji"))
        intro = QLabel(self.tr("Program: {title}. Formularz uczestnika podpowiada te ulice; adres spoza listy "
                               "wymaga uzasadnienia.").format(title=programme_title), self)
        intro.setWordWrap(True)

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("streetsTable")
        self.table.setAccessibleName(self.tr("Lista ulic obszaru"))
        self.table.setHorizontalHeaderLabels([self.tr("Ulica"), self.tr("Kod pocztowy"), self.tr("Miejscowość")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.remove_button = QPushButton(self.tr("&Usuń zaznaczoną"), self)
        self.remove_button.setObjectName("removeStreetButton")
        self.remove_button.setAccessibleName(self.tr("Usuń zaznaczoną ulicę"))
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("field_name")
        self.name_edit.setAccessibleName(self.tr("Ulica"))
        self.name_edit.setPlaceholderText(self.tr("np. ul. Zamkowa"))
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("field_postal_code")
        self.code_edit.setAccessibleName(self.tr("Kod pocztowy"))
        self.code_edit.setPlaceholderText("00-000")
        self.code_edit.setMaximumWidth(90)
        self.locality_edit = QLineEdit(self)
        self.locality_edit.setObjectName("field_locality")
        self.locality_edit.setAccessibleName(self.tr("Miejscowość"))
        self.add_button = QPushButton(self.tr("&Dodaj ulicę"), self)
        self.add_button.setObjectName("addStreetButton")
        self.add_button.setAccessibleName(self.tr("Dodaj ulicę do listy"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.message = QLabel(self)
        self.message.setObjectName("message")
        form = QFormLayout()
        for text, widget in ((self.tr("U&lica:"), self.name_edit), (self.tr("&Kod pocztowy:"), self.code_edit),
                             (self.tr("&Miejscowość:"), self.locality_edit)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("", self.add_button)
        form.addRow(self.error_label)

        close = QDialogButtonBox(self)
        close_button = close.addButton(self.tr("Zamknij"), QDialogButtonBox.ButtonRole.RejectRole)
        close_button.setAccessibleName(self.tr("Zamknij"))
        close.rejected.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(close)
        self.resize(560, 520)
        self.reload()

    def reload(self) -> None:
        from pal_desktop.services import participants

        streets = participants.area_streets(self.db, self.programme_id)
        self.table.setRowCount(len(streets))
        for number, street in enumerate(streets):
            item = QTableWidgetItem(street.name)
            item.setData(Qt.ItemDataRole.UserRole, street.id)
            self.table.setItem(number, 0, item)
            self.table.setItem(number, 1, QTableWidgetItem(street.postal_code))
            self.table.setItem(number, 2, QTableWidgetItem(street.locality))

    def names(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def add(self) -> None:
        from pal_desktop.services import participants

        self.error_label.hide()
        try:
            participants.add_area_street(self.db, self.programme_id, self.name_edit.text(), self.code_edit.text(),
                                         self.locality_edit.text())
        except PalError as error:
            self.error_label.setText(error_dialog.error_text(error))
            self.error_label.show()
            return
        self.message.setText(self.tr("Dodano: {name}.").format(name=self.name_edit.text().strip()))
        self.name_edit.clear()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.reload()

    def remove_selected(self) -> None:
        from pal_desktop.services import participants

        row = self.table.currentRow()
        if row < 0:
            return
        name = self.table.item(row, 0).text()
        living = participants.remove_area_street(self.db, self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))
        self.message.setText(self.tr("Usunięto: {name} (uczestników z tym adresem: {count}; ich adresy zostały).")
                             .format(name=name, count=living))
        self.reload()
