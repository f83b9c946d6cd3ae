"""The participant page's Ścieżka wsparcia tab: the individual support path and how participation ended.

The forms of support planned and given (add, edit, remove, through ``small_forms.SupportDialog``) and
"Zakończenie zgodnie ze ścieżką", saved on its own. The page reads the person and the profile
(``page.detail``, ``page.profile``); each change is saved at once and the page reads everything again.

The texts keep the translation context "ParticipantPage" they had when this tab was part of the page.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pal_desktop.domain.enums import TriState
from pal_desktop.errors import PalError
from pal_desktop.services import participant_profile as profile_service
from pal_desktop.services import participants as registry
from pal_desktop.ui.dialogs import error_dialog, questions
from pal_desktop.ui.dialogs.participant_fields import date_text, enum_combo, enum_text, set_combo_value
from pal_desktop.ui.dialogs.participant_page_tables import fill_table, make_table, selected_id
from pal_desktop.ui.widgets.value_combo import ValueCombo


class SupportPathSection(QWidget):
    """Ścieżka wsparcia: the path's table, its buttons and the "completed as planned" choice."""

    #: What the page answers for this section (``page.path_table``, ``page.add_support``...).
    PAGE_NAMES = frozenset({
        "path_table", "add_support_button", "edit_support_button", "remove_support_button", "as_planned_combo",
        "save_as_planned_button", "_path_items", "_show_path", "_update_path_buttons",
        "add_support", "edit_support", "remove_support", "save_as_planned",
    })

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.path_table = make_table(QCoreApplication.translate("ParticipantPage", "Ścieżka wsparcia"), [
            QCoreApplication.translate("ParticipantPage", "Forma wsparcia"),
            QCoreApplication.translate("ParticipantPage", "Plan: od"),
            QCoreApplication.translate("ParticipantPage", "Plan: do"),
            QCoreApplication.translate("ParticipantPage", "Udzielone: od"),
            QCoreApplication.translate("ParticipantPage", "Udzielone: do"),
            QCoreApplication.translate("ParticipantPage", "Status"),
            QCoreApplication.translate("ParticipantPage", "Uwagi")], self, stretch=6)
        self.path_table.doubleClicked.connect(lambda _index: self.edit_support())
        self.path_table.itemSelectionChanged.connect(self._update_path_buttons)
        self.add_support_button = QPushButton(
            QCoreApplication.translate("ParticipantPage", "Dod&aj formę wsparcia…"), self)
        self.add_support_button.setObjectName("addSupportButton")
        self.add_support_button.setAutoDefault(False)
        self.add_support_button.clicked.connect(self.add_support)
        self.edit_support_button = QPushButton(QCoreApplication.translate("ParticipantPage", "Zmie&ń…"), self)
        self.edit_support_button.setObjectName("editSupportButton")
        self.edit_support_button.setAccessibleName(
            QCoreApplication.translate("ParticipantPage", "Zmień zaznaczoną formę wsparcia"))
        self.edit_support_button.setAutoDefault(False)
        self.edit_support_button.clicked.connect(self.edit_support)
        self.remove_support_button = QPushButton(QCoreApplication.translate("ParticipantPage", "&Usuń"), self)
        self.remove_support_button.setObjectName("removeSupportButton")
        self.remove_support_button.setAccessibleName(
            QCoreApplication.translate("ParticipantPage", "Usuń zaznaczoną formę wsparcia"))
        self.remove_support_button.setAutoDefault(False)
        self.remove_support_button.clicked.connect(self.remove_support)
        buttons = QHBoxLayout()
        for button in (self.add_support_button, self.edit_support_button, self.remove_support_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        box = QGroupBox(QCoreApplication.translate("ParticipantPage", "Zakończenie udziału"), self)
        self.as_planned_combo = enum_combo(ValueCombo(box), TriState,
                                           QCoreApplication.translate("ParticipantPage", "— nie określono —"))
        self.as_planned_combo.setObjectName("completedAsPlanned")
        self.as_planned_combo.setAccessibleName(
            QCoreApplication.translate("ParticipantPage", "Zakończenie zgodnie ze ścieżką"))
        self.as_planned_combo.currentIndexChanged.connect(self._update_path_buttons)
        self.save_as_planned_button = QPushButton(QCoreApplication.translate("ParticipantPage", "Za&pisz"), box)
        self.save_as_planned_button.setObjectName("saveAsPlannedButton")
        self.save_as_planned_button.setAccessibleName(
            QCoreApplication.translate("ParticipantPage", "Zapisz zakończenie zgodnie ze ścieżką"))
        self.save_as_planned_button.setAutoDefault(False)
        self.save_as_planned_button.clicked.connect(self.save_as_planned)
        label = QLabel(QCoreApplication.translate("ParticipantPage", "Zakończenie zgodnie ze ścieżką:"), box)
        label.setBuddy(self.as_planned_combo)
        row = QHBoxLayout(box)
        row.addWidget(label)
        row.addWidget(self.as_planned_combo)
        row.addWidget(self.save_as_planned_button)
        row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.path_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(box)

    # ---- Showing
    def refresh(self) -> None:
        self._show_path()

    def _show_path(self) -> None:
        items = self.page.profile.support_path
        fill_table(self.path_table, [
            (QCoreApplication.translate("Enums", s.form), date_text(s.planned_start), date_text(s.planned_end),
             date_text(s.given_start), date_text(s.given_end), enum_text(s.status), s.notes) for s in items],
            row_ids=[s.id for s in items])
        self._path_items = {s.id: s for s in items}
        self.as_planned_combo.blockSignals(True)
        set_combo_value(self.as_planned_combo, self.page.detail.completed_as_planned)
        self.as_planned_combo.blockSignals(False)
        self._update_path_buttons()

    def _update_path_buttons(self) -> None:
        selected = selected_id(self.path_table) is not None
        self.edit_support_button.setEnabled(selected)
        self.remove_support_button.setEnabled(selected)
        detail = self.page.detail
        self.save_as_planned_button.setEnabled(
            detail is not None and self.as_planned_combo.currentData() != detail.completed_as_planned)

    # ---- Commands
    def add_support(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import SupportDialog

        page = self.page
        dialog = SupportDialog(page._db, page.participant_id, parent=page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: page._after_change(
            QCoreApplication.translate("ParticipantPage", "Dodano formę wsparcia.")))
        page.support_dialog = dialog  # the small form last opened from the page
        dialog.open()

    def edit_support(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import SupportDialog

        page = self.page
        item = self._path_items.get(selected_id(self.path_table))
        if item is None:
            return
        dialog = SupportDialog(page._db, page.participant_id, item, parent=page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: page._after_change(
            QCoreApplication.translate("ParticipantPage", "Zapisano formę wsparcia.")))
        page.support_dialog = dialog  # the small form last opened from the page
        dialog.open()

    def remove_support(self) -> None:
        page = self.page
        item = self._path_items.get(selected_id(self.path_table))
        if item is None:
            return
        if not questions.ask(page, QCoreApplication.translate("ParticipantPage", "Usunąć formę wsparcia?"),
                             QCoreApplication.translate("ParticipantPage", "Usunąć ze ścieżki „{form}”?").format(
                                 form=QCoreApplication.translate("Enums", item.form)),
                             yes=QCoreApplication.translate("ParticipantPage", "Usuń"),
                             no=QCoreApplication.translate("ParticipantPage", "Nie usuwaj")):
            return
        try:
            profile_service.remove_support(page._db, item.id)
        except PalError as err:
            error_dialog.show_error(page, err)
            return
        page._after_change(QCoreApplication.translate("ParticipantPage", "Usunięto formę wsparcia."))

    def save_as_planned(self) -> None:
        page = self.page
        value = self.as_planned_combo.currentData()
        data = replace(registry.as_input(page.detail), completed_as_planned=value)
        try:
            registry.update_participant(page._db, page.participant_id, data, expected_version=page.detail.version)
        except PalError as err:
            error_dialog.show_error(page, err)
            page._after_change()
            return
        page._after_change(QCoreApplication.translate(
            "ParticipantPage", "Zapisano: zakończenie zgodnie ze ścieżką — {value}.").format(
            value=enum_text(value) if value is not None
            else QCoreApplication.translate("ParticipantPage", "nie określono")))


__all__ = ["SupportPathSection"]
