"""Yes/no questions and short notices, through module-level functions that tests replace.

Every question the participant screens ask ("Porzucić zmiany?", "Usunąć z rodziny?") goes through ``ask``,
so a test answers it with ``monkeypatch.setattr(questions, "ask", lambda *a, **k: True)``; call sites
always write ``questions.ask(...)`` (never ``from ... import ask``) so that the replacement is seen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget | None, title: str, text: str, *, yes: str | None = None, no: str | None = None,
        informative: str = "", default_yes: bool = False) -> bool:
    """Ask a yes/no question (blocks until answered); True for yes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("questionDialog")
    box.setAccessibleName(title)
    if informative:
        box.setInformativeText(informative)
    yes_button = box.addButton(yes or QCoreApplication.translate("Questions", "Tak"),
                               QMessageBox.ButtonRole.YesRole)
    no_button = box.addButton(no or QCoreApplication.translate("Questions", "Nie"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes_button if default_yes else no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent: QWidget | None, title: str, text: str, *, informative: str = "") -> None:
    """A short notice with an OK button (blocks until closed)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("noticeDialog")
    box.setAccessibleName(title)
    if informative:
        box.setInformativeText(informative)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("Questions", "OK"))
    box.exec()


def typed_word(parent: QWidget | None, title: str, word: str) -> bool:
    """The last confirmation of something irreversible: the user types ``word`` by hand."""
    from PySide6.QtWidgets import QInputDialog

    prompt = QCoreApplication.translate("Questions", "Aby potwierdzić, wpisz słowo {word}:")
    text, ok = QInputDialog.getText(parent, title, prompt.format(word=word))
    return ok and text.strip().upper() == word

