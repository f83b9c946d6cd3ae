"""The participant page's "RODO" button: the documents of the person's rights, and erasure on request.

- Deklaracja i klauzula informacyjna (art. 13): to sign at enrolment; whoever prints personal documents.
- Informacja o danych osoby (art. 15): everything held and who accessed it; coordinator or administrator.
- Usuń dane osoby… (art. 17): the administrator erases a candidate who never joined, or anonymises a
  participant after the programme's archiving deadline; a reason, then the word typed to confirm.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QPushButton, QWidget

from pal_desktop.domain.permissions import Permission
from pal_desktop.services.access_control import may

CONFIRM_WORD = "USUŃ"



def ask_reason(parent: QWidget) -> str | None:
    """Why the data goes (tests replace this function); None when the user gives up."""
    title = QCoreApplication.translate("PersonRights", "Usuń dane osoby")
    text, ok = QInputDialog.getText(parent, title, QCoreApplication.translate(
        "PersonRights", "Usunięcie albo anonimizacja danych jest NIEODWRACALNA.\nKandydat, który nie przystąpił do programu, "
        "zostanie usunięty; uczestnik zostanie zanonimizowany (tylko po terminie archiwizacji).\n\n"
        "Podaj powód (np. „żądanie osoby z dnia …”):"), QLineEdit.EchoMode.Normal, "")
    return text if ok else None


def confirm_word(parent: QWidget) -> bool:
    """The second confirmation (tests replace this function)."""
    from pal_desktop.ui.dialogs.questions import typed_word

    return typed_word(parent, QCoreApplication.translate("PersonRights", "Potwierdź usunięcie danych"), CONFIRM_WORD)


class PersonRightsButton(QPushButton):
    def __init__(self, db, participant_id: int, parent: QWidget, *,
                 on_removed: Callable[[object], None] | None = None) -> None:
        super().__init__(self.tr("&RODO"), parent)
        self.db = db
        self.participant_id = participant_id
        self.on_removed = on_removed
        self.setObjectName("personRightsButton")
        self.setAccessibleName(self.tr("Dokumenty RODO i usunięcie danych osoby"))
        self.setToolTip(self.tr("Klauzula informacyjna, informacja o danych osoby, usunięcie danych"))
        self.setAutoDefault(False)
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        menu.setAccessibleName(self.tr("Dokumenty RODO"))
        self.clause_action = menu.addAction(self.tr("Deklaracja i &klauzula informacyjna (art. 13)"))
        self.clause_action.triggered.connect(self.print_clause)
        self.report_action = menu.addAction(self.tr("&Informacja o danych osoby (art. 15)"))
        self.report_action.triggered.connect(self.print_person_data)
        menu.addSeparator()
        self.remove_action = menu.addAction(self.tr("&Usuń dane osoby (art. 17)…"))
        self.remove_action.triggered.connect(self.remove_data)
        self.setMenu(menu)
        self._gate(self.clause_action, may(Permission.PRINT_PERSONAL),
                   self.tr("Twoja rola nie pozwala drukować danych osobowych."))
        self._gate(self.report_action, may(Permission.PRINT_PERSONAL) and may(Permission.REPORTS),
                   self.tr("Informację o danych osoby drukuje koordynator albo administrator."))
        self._gate(self.remove_action, may(Permission.ANONYMISE), self.tr("Dane osoby usuwa administrator."))

    @staticmethod
    def _gate(action, allowed: bool, why: str) -> None:
        action.setEnabled(allowed)
        action.setToolTip("" if allowed else why)

    def _print(self, title: str, make, name: str) -> None:
        from pal_desktop.ui import pdf_output

        pdf_output.print_in_background(self, self.db, title, lambda _progress: make(self.db, self.participant_id),
                                       name)

    def print_clause(self) -> None:
        from pal_desktop.services.person_data import information_clause_pdf

        self._print(self.tr("Deklaracja i klauzula informacyjna"), information_clause_pdf,
                    f"klauzula-informacyjna-{self.participant_id}")

    def print_person_data(self) -> None:
        from pal_desktop.services.person_data import person_data_pdf

        self._print(self.tr("Informacja o danych osoby"), person_data_pdf, f"dane-osoby-{self.participant_id}")

    def remove_data(self) -> None:
        reason = ask_reason(self)
        if reason is None or not confirm_word(self):
            return
        from pal_desktop.services.anonymisation import anonymise_participant
        from pal_desktop.ui.operations import runner_for

        db, participant_id = self.db, self.participant_id

        def done(result) -> None:
            if self.on_removed is not None:
                self.on_removed(result)

        runner_for(self, db).submit(self.tr("Usuwanie danych osoby"),
                                    lambda progress: anonymise_participant(db, participant_id, reason,
                                                                           progress=progress),
                                    done, modal=True)


__all__ = ["PersonRightsButton", "ask_reason", "confirm_word", "CONFIRM_WORD"]
