"""The participant page's Historia zmian tab: when, who and what was changed in the person's record.

Each field changed is a row of its own, named in Polish, with the value it had and the value it has; the
bookkeeping columns (versions, search keys, who and when) are left out. The history comes from the profile
the page holds (``page.profile``).

The texts keep the translation context "ParticipantPage" they had when this tab was part of the page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pal_desktop.ui.dialogs.participant_fields import TECHNICAL as TECHNICAL_FIELDS
from pal_desktop.ui.dialogs.participant_fields import field_label, local_time_text, value_text
from pal_desktop.ui.dialogs.participant_page_tables import HINT_STYLE, fill_table, make_table


class HistorySection(QWidget):
    """Historia zmian: a note and the table of changes."""

    #: What the page answers for this section (``page.history_table``).
    PAGE_NAMES = frozenset({"history_table", "_show_history"})

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.history_table = make_table(QCoreApplication.translate("ParticipantPage", "Historia zmian"), [
            QCoreApplication.translate("ParticipantPage", "Kiedy"),
            QCoreApplication.translate("ParticipantPage", "Kto"),
            QCoreApplication.translate("ParticipantPage", "Zmiana"),
            QCoreApplication.translate("ParticipantPage", "Było"),
            QCoreApplication.translate("ParticipantPage", "Jest")], self)
        note = QLabel(QCoreApplication.translate(
            "ParticipantPage", "Każda zmiana danych uczestnika jest zapisywana: kiedy, kto i co zmienił."), self)
        note.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.history_table, 1)

    def refresh(self) -> None:
        self._show_history()

    def _show_history(self) -> None:
        rows = []
        for line in self.page.profile.history:
            when, who = local_time_text(line.at), line.actor
            if line.action == "insert":
                rows.append((when, who, QCoreApplication.translate("ParticipantPage", "dodano osobę do rejestru"),
                             "", ""))
            elif line.action == "update":
                changes = [(k, v) for k, v in line.changes.items() if k not in TECHNICAL_FIELDS]
                if not changes:
                    rows.append((when, who, QCoreApplication.translate("ParticipantPage", "zmiana danych"), "", ""))
                for name, values in changes:
                    old, new = (values + [None, None])[:2] if isinstance(values, list) else (None, values)
                    rows.append((when, who, field_label(name), value_text(name, old), value_text(name, new)))
            elif line.action == "anonymise":
                rows.append((when, who, QCoreApplication.translate("ParticipantPage", "zanonimizowano dane"), "", ""))
            elif line.action == "delete":
                rows.append((when, who, QCoreApplication.translate("ParticipantPage", "usunięto"), "", ""))
            else:
                rows.append((when, who, line.action, "", ""))
        fill_table(self.history_table, rows)


__all__ = ["HistorySection"]
