"""The participant page's Wydarzenia tab: the events the person is enrolled in and their attendance.

The attendance rate over the sessions held (red under 80 %) and each event with its enrolment and attendance
(an absence in red), read from the profile the page holds (``page.profile``).

The texts keep the translation context "ParticipantPage" they had when this tab was part of the page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pal_desktop.ui.dialogs.participant_fields import date_text, enum_text
from pal_desktop.ui.dialogs.participant_page_tables import LOW_STYLE, OK_STYLE, fill_table, make_table


class EventsSection(QWidget):
    """Wydarzenia: the attendance line and the table of events."""

    #: What the page answers for this section (``page.attendance_label``, ``page.events_table``).
    PAGE_NAMES = frozenset({"attendance_label", "events_table", "_show_events"})

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.attendance_label = QLabel(self)
        self.attendance_label.setObjectName("attendanceLabel")
        self.attendance_label.setAccessibleName(QCoreApplication.translate("ParticipantPage", "Frekwencja"))
        self.attendance_label.setWordWrap(True)
        self.events_table = make_table(QCoreApplication.translate("ParticipantPage", "Wydarzenia uczestnika"), [
            QCoreApplication.translate("ParticipantPage", "Data"),
            QCoreApplication.translate("ParticipantPage", "Wydarzenie"),
            QCoreApplication.translate("ParticipantPage", "Rodzaj"),
            QCoreApplication.translate("ParticipantPage", "Zapis"),
            QCoreApplication.translate("ParticipantPage", "Obecność")], self, stretch=1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.attendance_label)
        layout.addWidget(self.events_table, 1)

    def refresh(self) -> None:
        self._show_events()

    def _show_events(self) -> None:
        p = self.page.profile
        if p.attendance_rate is None:
            self.attendance_label.setText(QCoreApplication.translate(
                "ParticipantPage", "Frekwencja: jeszcze nie było zajęć, na które osoba jest zapisana."))
            self.attendance_label.setStyleSheet(OK_STYLE)
        else:
            percent = round(p.attendance_rate * 100)
            text = QCoreApplication.translate(
                "ParticipantPage",
                "Frekwencja: {percent} % (obecność na {present} z {held} zajęć, które się odbyły)").format(
                percent=percent, present=p.present, held=p.held)
            if p.low_attendance:
                text += QCoreApplication.translate("ParticipantPage", " — poniżej {threshold} %").format(
                    threshold=p.threshold_percent)
            self.attendance_label.setText(text)
            self.attendance_label.setStyleSheet(LOW_STYLE if p.low_attendance else OK_STYLE)
        rows, red = [], set()
        for index, event in enumerate(p.events):
            rows.append((date_text(event.date), event.title,
                         QCoreApplication.translate("Enums", event.kind) if event.kind else "",
                         enum_text(event.enrolment), enum_text(event.attendance)))
            if event.attendance is not None and event.attendance.value == "nieobecny":
                red.add((index, 4))
        fill_table(self.events_table, rows, row_ids=[e.event_id for e in p.events], red_cells=red)


__all__ = ["EventsSection"]
