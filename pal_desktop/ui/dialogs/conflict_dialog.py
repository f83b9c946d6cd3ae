"""When someone else saved the record first: keep their version, save yours over it, or merge the two.

The service refuses a stale save with the stored record (``theirs``) and the fields either side changed
(``services.conflicts``). This dialog lists those fields — the value the other person saved and the user's —
and, where both changed the same field, lets the user pick per field; nothing has to be typed again.
``save_resolving_conflicts`` is what the edit forms call instead of the bare service call.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.errors import ConflictError


class Choice(Enum):
    MERGE = "merge"
    MINE = "mine"
    THEIRS = "theirs"
    CANCEL = "cancel"


class KeptTheirVersion(Exception):  # noqa: N818 - an outcome, not a failure
    """The user chose the other person's version: nothing is saved and the form closes."""


class SaveCancelled(Exception):  # noqa: N818 - an outcome, not a failure
    """The user closed the choice: nothing is saved and the form stays open with what they typed."""


def _translated(text: str) -> str:
    # Values of enums come from the service as their Polish labels; the English window shows them translated.
    return QCoreApplication.translate("Enums", text)


class ConflictDialog(QDialog):
    MINE_INDEX, THEIRS_INDEX = 0, 1

    def __init__(self, conflicts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts = tuple(conflicts)
        self.choice = Choice.CANCEL
        self.setWindowTitle(self.tr("Ktoś inny zapisał ten wpis"))
        self.setAccessibleName(self.tr("Wybór wersji wpisu"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Gdy wpis był otwarty u Ciebie, ktoś inny zapisał w nim zmiany. Nic jeszcze nie zostało zapisane. "
            "Zmiany, których nie robiliście oboje, połączą się same; tam, gdzie zmieniliście to samo pole, "
            "wybierz wartość."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.conflicts), 4, self)
        self.table.setObjectName("conflictTable")
        self.table.setAccessibleName(self.tr("Pola zmienione przez obie osoby"))
        self.table.setHorizontalHeaderLabels([self.tr("Pole"), self.tr("Zapisane przez inną osobę"),
                                              self.tr("Twoja wartość"), self.tr("Po połączeniu")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.choosers: dict[str, QComboBox] = {}
        for row, conflict in enumerate(self.conflicts):
            for column, text in enumerate((conflict.label, _translated(conflict.theirs), _translated(conflict.mine))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            if conflict.both_changed:
                chooser = QComboBox(self.table)
                chooser.addItems([self.tr("moja wartość"), self.tr("wartość tamtej osoby")])
                chooser.setAccessibleName(self.tr("Co zapisać w polu {field}").format(field=conflict.label))
                self.choosers[conflict.name] = chooser
                self.table.setCellWidget(row, 3, chooser)
            else:
                kept = self.tr("zmiana tamtej osoby") if conflict.theirs_only else self.tr("Twoja zmiana")
                self.table.setItem(row, 3, QTableWidgetItem(kept))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.merge_button = QPushButton(self.tr("&Połącz i zapisz"), self)
        self.merge_button.setAccessibleName(self.tr("Połącz obie wersje i zapisz"))
        self.mine_button = QPushButton(self.tr("Zapisz &moją wersję"), self)
        self.mine_button.setAccessibleName(self.tr("Zapisz moją wersję w miejsce tamtej"))
        self.theirs_button = QPushButton(self.tr("Zostaw wersję &tamtej osoby"), self)
        self.theirs_button.setAccessibleName(self.tr("Zostaw wersję tamtej osoby, porzuć moje zmiany"))
        self.cancel_button = QPushButton(self.tr("&Wróć do formularza"), self)
        self.cancel_button.setAccessibleName(self.tr("Wróć do formularza bez zapisywania"))
        for button, choice in ((self.merge_button, Choice.MERGE), (self.mine_button, Choice.MINE),
                               (self.theirs_button, Choice.THEIRS), (self.cancel_button, Choice.CANCEL)):
            button.clicked.connect(lambda _checked=False, choice=choice: self._choose(choice))
            buttons.addWidget(button)
        self.merge_button.setDefault(True)
        layout.addLayout(buttons)
        self.resize(760, min(520, 200 + 32 * len(self.conflicts)))

    def keep_mine(self) -> frozenset[str]:
        """The fields both people changed in which the user keeps their own value."""
        return frozenset(name for name, chooser in self.choosers.items()
                         if chooser.currentIndex() == self.MINE_INDEX)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        if choice is Choice.CANCEL:
            self.reject()
        else:
            self.accept()


def choose(parent: QWidget | None, conflicts) -> tuple[Choice, frozenset[str]]:
    """Ask (modally) what to do; the tests replace this function, as they do ``questions.ask``."""
    dialog = ConflictDialog(conflicts, parent)
    dialog.exec()
    return dialog.choice, dialog.keep_mine()


def save_resolving_conflicts(parent: QWidget | None, save: Callable[[Any, Any], Any], mine, base) -> Any:
    """``save(mine, base)``; when it is refused as stale, ask and save the chosen version (merged, or the
    user's over the other's) on top of the stored one. Raises KeptTheirVersion or SaveCancelled when nothing
    is to be saved, and whatever the save raises otherwise (a ValidationError after a merge among them)."""
    from pal_desktop.services import conflicts as merging

    for _attempt in range(3):  # a third person saving in between asks again, with their version
        try:
            return save(mine, base)
        except ConflictError as error:
            theirs, changed = error.params.get("theirs"), error.params.get("conflicts")
            if theirs is None or changed is None:
                raise
            choice, keep_mine = choose(parent, changed)
            if choice is Choice.THEIRS:
                raise KeptTheirVersion() from None
            if choice is Choice.CANCEL:
                raise SaveCancelled() from None
            mine = (merging.merge(base, theirs, mine, keep_mine) if choice is Choice.MERGE
                    else merging.take_mine(theirs, mine))
            base = theirs
    return save(mine, base)


def save_over_version(parent: QWidget | None, save: Callable[[Any, int | None], Any], mine, base,
                      version: int | None, current: Callable[[], tuple[Any, int]], labels: dict[str, str],
                      shown: dict[str, Callable[[Any], str]] | None = None) -> Any:
    """The same for services that refuse a stale save by ``expected_version`` alone: ``save(mine, version)``;
    when refused, ``current()`` reads the stored record (as an input, and its version) to compare with
    ``base``, what the form loaded."""
    from pal_desktop.services import conflicts as merging

    for _attempt in range(3):
        try:
            return save(mine, version)
        except ConflictError:
            theirs, now = current()
            choice, keep_mine = choose(parent, merging.field_conflicts(base, theirs, mine, labels, shown))
            if choice is Choice.THEIRS:
                raise KeptTheirVersion() from None
            if choice is Choice.CANCEL:
                raise SaveCancelled() from None
            if choice is Choice.MERGE:
                mine = merging.merge(base, theirs, mine, keep_mine)
            base, version = theirs, now
    return save(mine, version)


def input_of(input_class, detail):
    """The input part of a detail record (a subclass of ``input_class``): what a form loaded, to compare."""
    from dataclasses import fields

    return input_class(**{field.name: getattr(detail, field.name) for field in fields(input_class)})


__all__ = ["Choice", "ConflictDialog", "KeptTheirVersion", "SaveCancelled", "choose", "input_of",
           "save_over_version", "save_resolving_conflicts"]
