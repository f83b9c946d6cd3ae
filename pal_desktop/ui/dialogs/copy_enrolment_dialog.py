"""Skopiuj zapisy z innego wydarzenia: pick the event whose people come again (all enrolled, or only those who
came), the latest first; the enrolment window then enrols them with its own scope."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from pal_desktop.ui.widgets.date_field import format_date


class CopyEnrolmentDialog(QDialog):
    def __init__(self, choices: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("copyEnrolmentDialog")
        self.setWindowTitle(self.tr("Skopiuj zapisy z innego wydarzenia"))
        self.setAccessibleName(self.tr("Skopiuj zapisy z innego wydarzenia"))
        self.event_combo = QComboBox(self)
        self.event_combo.setObjectName("copySource")
        self.event_combo.setAccessibleName(self.tr("Wydarzenie, z którego kopiować zapisy"))
        for choice in choices:
            self.event_combo.addItem(self.tr("{date} {title} — zapisanych {enrolled}, obecnych {present}").format(
                date=format_date(choice.event_date), title=choice.title, enrolled=choice.enrolled,
                present=choice.present), choice.id)
        label = QLabel(self.tr("&Wydarzenie:"), self)
        label.setBuddy(self.event_combo)
        self.attendees_check = QCheckBox(self.tr("tylko osoby &obecne na tamtym wydarzeniu"), self)
        self.attendees_check.setObjectName("copyAttendeesOnly")
        self.attendees_check.setAccessibleName(self.tr("Kopiuj tylko osoby obecne"))
        buttons = QDialogButtonBox(self)
        self.copy_button = buttons.addButton(self.tr("S&kopiuj zapisy"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setAccessibleName(self.tr("Skopiuj zapisy"))
        self.copy_button.setEnabled(bool(choices))
        cancel = buttons.addButton(self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Anuluj kopiowanie"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.event_combo)
        layout.addWidget(self.attendees_check)
        if not choices:
            empty = QLabel(self.tr("W tym programie nie ma innego wydarzenia z zapisami ani obecnością."), self)
            empty.setWordWrap(True)
            layout.addWidget(empty)
        layout.addWidget(buttons)

    def choice(self) -> tuple[int | None, bool]:
        """(the chosen event's id, only those who came)."""
        return self.event_combo.currentData(), self.attendees_check.isChecked()
