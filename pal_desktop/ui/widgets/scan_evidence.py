"""Beside an event's attendance: the signed list's scanned pages kept as evidence, a way to look at each,
and how many held events of the programme have a signed list ("Listy podpisane: 118 z 120 wydarzeń")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class ScanEvidencePanel(QWidget):
    def __init__(self, db, event_id: int, programme_id: int | None, parent: QWidget | None = None, *,
                 today=None) -> None:
        super().__init__(parent)
        self.db, self.event_id, self.programme_id, self.today = db, event_id, programme_id, today
        self.setObjectName("scanEvidence")
        self.setAccessibleName(self.tr("Skany podpisanej listy"))
        self.scans_label = QLabel(self)
        self.scans_label.setObjectName("scanPagesLabel")
        self.scans_label.setAccessibleName(self.tr("Zeskanowane strony listy"))
        self.pages_combo = QComboBox(self)
        self.pages_combo.setObjectName("scanPagesCombo")
        self.pages_combo.setAccessibleName(self.tr("Wybór zeskanowanej strony"))
        self.open_button = QPushButton(self.tr("Pokaż s&kan…"), self)
        self.open_button.setObjectName("openScanButton")
        self.open_button.setAccessibleName(self.tr("Pokaż skan podpisanej listy"))
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_current)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("signedListCount")
        self.count_label.setAccessibleName(self.tr("Listy podpisane w programie"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.scans_label)
        row.addWidget(self.pages_combo)
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        self.reload()

    def reload(self) -> None:
        from pal_desktop.services import attendance_scan_apply as scans

        self.scans = scans.event_scans(self.db, self.event_id)
        self.pages_combo.clear()
        for scan in self.scans:
            self.pages_combo.addItem(self.tr("strona {page} z {pages} · {when}").format(
                page=scan.page, pages=scan.pages, when=scan.scanned_at.strftime("%d.%m.%Y %H:%M")), scan.page_id)
        if self.scans:
            self.scans_label.setText(self.tr("Podpisana lista: zeskanowanych stron {n}").format(n=len(self.scans)))
        else:
            self.scans_label.setText(self.tr("Brak skanu podpisanej listy (Wydarzenia → Wczytaj skany…)."))
        self.pages_combo.setVisible(bool(self.scans))
        self.open_button.setVisible(bool(self.scans))
        if self.programme_id is not None:
            count = scans.signed_list_count(self.db, self.programme_id, today=self.today)
            self.count_label.setText(self.tr("Listy podpisane: {signed} z {held} wydarzeń").format(
                signed=count.with_signed_list, held=count.held))

    def open_current(self):
        from pal_desktop.services import attendance_scan_apply as scans

        page_id = self.pages_combo.currentData()
        if page_id is None:
            return None
        pixmap = QPixmap()
        pixmap.loadFromData(scans.scan_image(self.db, page_id))
        dialog = ScanImageDialog(pixmap, self.pages_combo.currentText(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.image_dialog = dialog
        dialog.open()
        return dialog


class ScanImageDialog(QDialog):
    """A kept page as scanned, to read or show an auditor."""

    def __init__(self, pixmap: QPixmap, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanImageDialog")
        self.setWindowTitle(self.tr("Skan listy obecności — {page}").format(page=caption))
        self.setAccessibleName(self.tr("Skan listy obecności"))
        self.image = QLabel(self)
        self.image.setAccessibleName(self.tr("Obraz zeskanowanej strony"))
        self.image.setPixmap(pixmap.scaledToWidth(min(900, max(1, pixmap.width())),
                                                  Qt.TransformationMode.SmoothTransformation))
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Zamknij"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(960, 720)
