"""The event dialog's "Cykl zajęć" part: N meetings every K weeks at the same hour, the public holidays
skipped or not, and the preview of the dates (each meeting is an event of its own once saved).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from pal_desktop.ui.widgets.date_field import format_date
from pal_desktop.ui.widgets.form_parts import error_label

if TYPE_CHECKING:
    from pal_desktop.ui.dialogs.event_dialog import EventDialog


def build_series_box(dialog: EventDialog) -> QGroupBox:
    box = QGroupBox(QCoreApplication.translate("EventDialog", "&Cykl zajęć — kilka spotkań o tej samej porze"),
                    dialog)
    box.setObjectName("seriesBox")
    box.setAccessibleName(QCoreApplication.translate("EventDialog", "Cykl zajęć"))
    box.setCheckable(True)
    box.setChecked(False)
    dialog.every_spin = QSpinBox(box)
    dialog.every_spin.setObjectName("field_every_weeks")
    dialog.every_spin.setAccessibleName(QCoreApplication.translate("EventDialog", "Co ile tygodni"))
    dialog.every_spin.setRange(1, 8)
    dialog.every_spin.setSuffix(QCoreApplication.translate("EventDialog", " tydz."))
    dialog.sessions_spin = QSpinBox(box)
    dialog.sessions_spin.setObjectName("field_sessions")
    dialog.sessions_spin.setAccessibleName(QCoreApplication.translate("EventDialog", "Liczba spotkań"))
    dialog.sessions_spin.setRange(1, 200)
    dialog.sessions_spin.setValue(4)
    dialog.skip_check = QCheckBox(
        QCoreApplication.translate("EventDialog", "pomiń dni ś&wiąteczne (spotkanie przechodzi na następny termin)"), box)
    dialog.skip_check.setObjectName("field_skip_holidays")
    dialog.skip_check.setAccessibleName(QCoreApplication.translate("EventDialog", "Pomiń dni świąteczne"))
    dialog.skip_check.setChecked(True)
    dialog.preview = QLabel(box)
    dialog.preview.setObjectName("seriesPreview")
    dialog.preview.setAccessibleName(QCoreApplication.translate("EventDialog", "Terminy spotkań cyklu"))
    dialog.preview.setWordWrap(True)
    dialog.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    every_label = QLabel(QCoreApplication.translate("EventDialog", "co"), box)
    every_label.setBuddy(dialog.every_spin)
    sessions_label = QLabel(QCoreApplication.translate("EventDialog", "l&iczba spotkań:"), box)
    sessions_label.setBuddy(dialog.sessions_spin)
    row = QHBoxLayout()
    row.addWidget(every_label)
    row.addWidget(dialog.every_spin)
    row.addSpacing(16)
    row.addWidget(sessions_label)
    row.addWidget(dialog.sessions_spin)
    row.addStretch(1)
    dialog.fields["every_weeks"] = dialog.every_spin
    dialog.fields["sessions"] = dialog.sessions_spin
    series_error = error_label(box, "error_sessions")
    dialog.error_labels["sessions"] = series_error
    dialog.error_labels["every_weeks"] = series_error
    layout = QVBoxLayout(box)
    layout.addLayout(row)
    layout.addWidget(dialog.skip_check)
    layout.addWidget(dialog.preview)
    layout.addWidget(series_error)
    return box


def series_dates(dialog: EventDialog) -> tuple[list[dt.date], list[dt.date]]:
    from pal_desktop.domain.calendar import series_dates

    day = dialog.date_field.date()
    if day is None:
        return [], []
    return series_dates(day, dialog.sessions_spin.value(), every_weeks=dialog.every_spin.value(),
                        skip_holidays=dialog.skip_check.isChecked())


def show_preview(dialog: EventDialog) -> None:
    from pal_desktop.domain.calendar import holiday_name

    dates, skipped = dialog.series_dates()
    if not dates:
        dialog.preview.setText("")
        return
    text = QCoreApplication.translate("EventDialog", "Spotkania ({count}): {dates}").format(
        count=len(dates), dates=", ".join(format_date(d) for d in dates))
    for day in skipped:
        text += "\n" + QCoreApplication.translate("EventDialog", "pominięto {date} — {holiday}").format(
            date=format_date(day), holiday=holiday_name(day) or "")
    dialog.preview.setText(text)
