"""The participant page's Dokumenty tab: the checklist of signed documents, the missing ones in red.

"Uzupełnij daty…" (or a double click) opens the participant form at its Dokumenty group, through the page's
``edit``. The documents come from the profile the page holds (``page.profile``).

The texts keep the translation context "ParticipantPage" they had when this tab was part of the page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from pal_desktop.ui.dialogs.participant_fields import date_text
from pal_desktop.ui.dialogs.participant_page_tables import LOW_STYLE, OK_STYLE, fill_table, make_table


class DocumentsSection(QWidget):
    """Dokumenty: the state line, the documents' table and the button that fills in their dates."""

    #: What the page answers for this section (``page.documents_label``, ``page.documents_table``).
    PAGE_NAMES = frozenset({"documents_label", "documents_table", "_show_documents"})

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.documents_label = QLabel(self)
        self.documents_label.setObjectName("documentsLabel")
        self.documents_label.setAccessibleName(QCoreApplication.translate("ParticipantPage", "Stan dokumentów"))
        self.documents_table = make_table(QCoreApplication.translate("ParticipantPage", "Dokumenty"), [
            QCoreApplication.translate("ParticipantPage", "Dokument"),
            QCoreApplication.translate("ParticipantPage", "Data podpisania")], self)
        self.documents_table.doubleClicked.connect(lambda _index: self.page.edit())
        fill = QPushButton(QCoreApplication.translate("ParticipantPage", "Uzu&pełnij daty…"), self)
        fill.setObjectName("fillDocumentsButton")
        fill.setAccessibleName(QCoreApplication.translate("ParticipantPage", "Uzupełnij daty podpisania dokumentów"))
        fill.setToolTip(QCoreApplication.translate("ParticipantPage",
                                                   "Otwiera formularz danych uczestnika (sekcja Dokumenty)"))
        fill.setAutoDefault(False)
        fill.clicked.connect(lambda: self.page.edit(focus="declaration_date"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.documents_label)
        layout.addWidget(self.documents_table, 1)
        layout.addWidget(fill, 0, Qt.AlignmentFlag.AlignLeft)

    def refresh(self) -> None:
        self._show_documents()

    def _show_documents(self) -> None:
        docs = self.page.profile.documents
        missing = [d for d in docs if d.signed_on is None]
        not_signed = QCoreApplication.translate("ParticipantPage", "brak")
        fill_table(self.documents_table, [
            (QCoreApplication.translate("Documents", d.name), date_text(d.signed_on) or not_signed)
            for d in docs], row_ids=[d.field for d in docs],
            red_rows={i for i, d in enumerate(docs) if d.signed_on is None})
        if missing:
            self.documents_label.setText(QCoreApplication.translate(
                "ParticipantPage", "Brakuje {missing} z {total} dokumentów.").format(
                missing=len(missing), total=len(docs)))
            self.documents_label.setStyleSheet(LOW_STYLE)
        else:
            self.documents_label.setText(QCoreApplication.translate("ParticipantPage",
                                                                    "Wszystkie dokumenty są podpisane."))
            self.documents_label.setStyleSheet(OK_STYLE)


__all__ = ["DocumentsSection"]
