"""Zasady frekwencji: whether an excused absence lowers a rate, and under what percentage a rate is low.

Offices differ (some funders count a sick note as an absence, others leave it out), so the organisation
decides; every rate in the window and on printouts follows the saved rule.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.errors import PalError
from pal_desktop.ui.dialogs import error_dialog


class AttendanceRulesDialog(QDialog):
    sig_saved = Signal()

    def __init__(self, db, parent: QWidget | None = None) -> None:
        from pal_desktop.services import attendance

        super().__init__(parent)
        self.db = db
        self.setObjectName("attendanceRulesDialog")
        self.setWindowTitle(self.tr("Zasady frekwencji"))
        self.setAccessibleName(self.tr("Zasady frekwencji"))
        rules = attendance.attendance_rules(db)
        self.excused_check = QCheckBox(self.tr("&Usprawiedliwiona nieobecność obniża frekwencję"), self)
        self.excused_check.setObjectName("excusedLowersRate")
        self.excused_check.setAccessibleName(self.tr("Usprawiedliwiona nieobecność obniża frekwencję"))
        self.excused_check.setChecked(rules.excused_lowers_rate)
        self.threshold_spin = QSpinBox(self)
        self.threshold_spin.setObjectName("thresholdPercent")
        self.threshold_spin.setAccessibleName(self.tr("Próg niskiej frekwencji w procentach"))
        self.threshold_spin.setRange(1, 100)
        self.threshold_spin.setSuffix(" %")
        self.threshold_spin.setValue(rules.threshold_percent)
        explanation = QLabel(self.tr("Bez zaznaczenia usprawiedliwione nieobecności są liczone osobno i nie "
                                     "wchodzą do frekwencji. Frekwencja poniżej progu jest pokazywana na czerwono."),
                             self)
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.excused_check)
        form.addRow(self.tr("&Próg niskiej frekwencji:"), self.threshold_spin)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Zapisz"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveRulesButton")
        self.save_button.setAccessibleName(self.tr("Zapisz zasady frekwencji"))
        self.save_button.setToolTip(self.tr("Zapisz (Ctrl+S)"))
        cancel = buttons.addButton(self.tr("Anuluj"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Zamknij bez zapisywania"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(buttons)
        self.excused_check.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        from pal_desktop.services import attendance

        rules = attendance.AttendanceRules(excused_lowers_rate=self.excused_check.isChecked(),
                                           threshold_percent=self.threshold_spin.value())
        try:
            attendance.save_attendance_rules(self.db, rules)
        except PalError as error:
            error_dialog.show_error(self, error)
            return
        self.sig_saved.emit()
        self.accept()
