"""The participant page's Dane tab: a read-only summary of the person's record, in two columns.

Each value is a selectable label named ``value_<field>`` (kept in ``data_values``); the PESEL is shown as the
page shows it (``page.pesel_text``: masked unless the full number was asked for). Read from the person the
page holds (``page.detail``).

The texts keep the translation context "ParticipantPage" they had when this tab was part of the page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QWidget

from pal_desktop.services.formatting import format_address
from pal_desktop.ui.dialogs.participant_fields import date_text, enum_text, local_time_text, reason_texts
from pal_desktop.ui.dialogs.participant_page_tables import HINT_STYLE


class DataSection(QScrollArea):
    """Dane: the grid of captions and values, scrolling on a small screen."""

    #: What the page answers for this section (``page.data_values``, ``page.data_grid``).
    PAGE_NAMES = frozenset({"data_grid", "data_values", "_show_data"})

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.setWidgetResizable(True)
        self.setAccessibleName(QCoreApplication.translate("ParticipantPage", "Dane uczestnika"))
        content = QWidget(self)
        self.data_grid = QGridLayout(content)
        self.data_grid.setColumnStretch(1, 1)
        self.data_grid.setColumnStretch(3, 1)
        self.data_grid.setHorizontalSpacing(16)
        self.data_values: dict[str, QLabel] = {}
        self.setWidget(content)

    def refresh(self) -> None:
        self._show_data()

    def _show_data(self) -> None:
        d = self.page.detail
        while self.data_grid.count():
            item = self.data_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.data_values = {}
        disability = enum_text(d.disability)
        if d.disability_degree is not None:
            disability += QCoreApplication.translate("ParticipantPage", " (stopień: {degree})").format(
                degree=enum_text(d.disability_degree))
        not_given = QCoreApplication.translate("ParticipantPage", "—")
        left = [
            ("name", QCoreApplication.translate("ParticipantPage", "Imię i nazwisko"), f"{d.first_name} {d.last_name}"),
            ("pesel", QCoreApplication.translate("ParticipantPage", "PESEL"),
             self.page.pesel_text() or QCoreApplication.translate("ParticipantPage", "brak PESEL")),
            ("document_number", QCoreApplication.translate("ParticipantPage", "Numer dokumentu"), d.document_number),
            ("birth_date", QCoreApplication.translate("ParticipantPage", "Data urodzenia"), date_text(d.birth_date)),
            ("sex", QCoreApplication.translate("ParticipantPage", "Płeć"), enum_text(d.sex)),
            ("address", QCoreApplication.translate("ParticipantPage", "Adres"),
             format_address(d.street_name, d.house_number, d.flat_number, d.postal_code, d.city)),
            ("outside_area_reason", QCoreApplication.translate("ParticipantPage", "Adres spoza obszaru"),
             d.outside_area_reason),
            ("phone", QCoreApplication.translate("ParticipantPage", "Telefon"), d.phone),
            ("email", QCoreApplication.translate("ParticipantPage", "E-mail"), d.email),
            ("reasons", QCoreApplication.translate("ParticipantPage", "Przesłanki wsparcia"), reason_texts(d.reasons)),
            ("notes", QCoreApplication.translate("ParticipantPage", "Uwagi"), d.notes),
        ]
        right = [
            ("status", QCoreApplication.translate("ParticipantPage", "Status"), enum_text(d.status)),
            ("start_date", QCoreApplication.translate("ParticipantPage", "Data rozpoczęcia"), date_text(d.start_date)),
            ("end_date", QCoreApplication.translate("ParticipantPage", "Data zakończenia"), date_text(d.end_date)),
            ("end_situation", QCoreApplication.translate("ParticipantPage", "Sytuacja w chwili zakończenia"),
             d.end_situation),
            ("completed_as_planned", QCoreApplication.translate("ParticipantPage", "Zgodnie ze ścieżką"),
             enum_text(d.completed_as_planned)),
            ("education", QCoreApplication.translate("ParticipantPage", "Wykształcenie"), enum_text(d.education)),
            ("labour_status", QCoreApplication.translate("ParticipantPage", "Status na rynku pracy"),
             " — ".join(p for p in (enum_text(d.labour_status), d.labour_status_detail) if p)),
            ("disability", QCoreApplication.translate("ParticipantPage", "Niepełnosprawność"), disability),
            ("minority_or_foreign",
             QCoreApplication.translate("ParticipantPage", "Mniejszość, migrant, obce pochodzenie"),
             enum_text(d.minority_or_foreign)),
            ("homeless", QCoreApplication.translate("ParticipantPage", "Bezdomność"), enum_text(d.homeless)),
            ("other_disadvantage", QCoreApplication.translate("ParticipantPage", "Inna niekorzystna sytuacja"),
             enum_text(d.other_disadvantage)),
            ("created", QCoreApplication.translate("ParticipantPage", "Dodano"),
             f"{local_time_text(d.created_at)} ({d.created_by})"),
            ("updated", QCoreApplication.translate("ParticipantPage", "Ostatnia zmiana"),
             f"{local_time_text(d.updated_at)} ({d.updated_by})"),
        ]
        for column, entries in ((0, left), (2, right)):
            for row, (key, caption, value) in enumerate(entries):
                label = QLabel(caption + ":", self)
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                label.setStyleSheet(HINT_STYLE)
                shown = QLabel(value or not_given, self)
                shown.setObjectName(f"value_{key}")
                shown.setAccessibleName(caption)
                shown.setWordWrap(True)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.data_grid.addWidget(label, row, column)
                self.data_grid.addWidget(shown, row, column + 1)
                self.data_values[key] = shown
        self.data_grid.setRowStretch(max(len(left), len(right)), 1)


__all__ = ["DataSection"]
