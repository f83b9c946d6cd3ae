"""The participant's page: everything about one person, on tabs — the frame that holds them together.

Dane (a summary and "Edytuj dane…"), Wydarzenia (events and the attendance rate, red under 80 %), Ścieżka
wsparcia (the individual path: add, edit, remove; "Zakończenie zgodnie ze ścieżką"), Staże i pomoc
(internships and cash assistance), Dokumenty (the signed-documents checklist, missing ones in red), Rodzina
(the household: create it, add relatives or participants, remove members) and Historia zmian (when, who,
what: field names in Polish). Every change is saved at once through the services; the page then reads the
person again and tells the list (``sig_changed``).

This module is the frame: the name and the page's buttons, the tabs, reading the person (``detail``,
``profile``, ``household``), editing and printing. Each tab is a section widget of its own module
(``participant_page_data``, ``_events``, ``_path``, ``_support``, ``_documents``, ``_family``, ``_history``);
the page answers for their widgets and commands as before (``page.members_table``, ``page.add_family_member``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.errors import PalError
from pal_desktop.services import households as household_service
from pal_desktop.services import participant_profile as profile_service
from pal_desktop.services import participants as registry
from pal_desktop.ui.dialogs import error_dialog
from pal_desktop.ui.dialogs.participant_fields import date_text, enum_text
from pal_desktop.ui.dialogs.participant_page_data import DataSection
from pal_desktop.ui.dialogs.participant_page_documents import DocumentsSection
from pal_desktop.ui.dialogs.participant_page_events import EventsSection
from pal_desktop.ui.dialogs.participant_page_family import FamilySection
from pal_desktop.ui.dialogs.participant_page_history import HistorySection
from pal_desktop.ui.dialogs.participant_page_path import SupportPathSection
from pal_desktop.ui.dialogs.participant_page_support import SupportSection
from pal_desktop.ui.dialogs.participant_page_tables import fill_table, make_table, selected_id
from pal_desktop.ui.dialogs.person_rights import PersonRightsButton
from pal_desktop.ui.latest_query import LatestQueryRunner, is_in_memory
from pal_desktop.ui.role_gate import RoleGate
from pal_desktop.ui.widgets.form_parts import add_close_button
from pal_desktop.ui.widgets.screen_fit import fit_to_screen


def _status(widget: QWidget, text: str, timeout: int = 5000) -> None:
    window = widget.window()
    while window is not None and not isinstance(window, QMainWindow):
        parent = window.parentWidget()
        window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, timeout)


def print_card(parent: QWidget, db, participant_id: int) -> None:
    """Karta uczestnika: made and saved under the printouts folder on the operations runner, then previewed."""
    from pal_desktop.services import reports
    from pal_desktop.ui import pdf_output
    from pal_desktop.ui.operations import runner_for

    title = QCoreApplication.translate("ParticipantPage", "Karta uczestnika")

    def work(progress):
        return pdf_output.save_printout(reports.participant_card_pdf(db, participant_id),
                                        f"karta-uczestnika-{participant_id}")

    def done(path) -> None:
        pdf_output.present(parent, path, title, db=db)
        _status(parent, QCoreApplication.translate("ParticipantPage", "Karta uczestnika zapisana: {path}")
                .format(path=path), 10000)

    runner_for(parent, db).submit(title, work, done)


class ParticipantPage(QDialog):
    sig_changed = Signal()
    """Something about the participant (or their family) was saved."""
    sig_open_participant = Signal(int)
    """The user asked to open another participant's page (a family member)."""

    def __init__(self, db, participant_id: int, programme_id: int | None, parent: QWidget | None = None, *,
                 show_full_pesel: bool = False) -> None:
        super().__init__(parent)
        self._db = db
        self.participant_id = participant_id
        self.programme_id = programme_id
        self.show_full_pesel = show_full_pesel
        self.detail = None
        self.profile = None
        self.household = None
        self.form = None
        self.reader = LatestQueryRunner(self, synchronous=is_in_memory(db))
        self.setObjectName("participantPage")
        self.setSizeGripEnabled(True)

        self.name_label = QLabel(self)
        self.name_label.setObjectName("participantName")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle_label = QLabel(self)
        self.subtitle_label.setObjectName("participantSubtitle")
        self.subtitle_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.edit_button = QPushButton(self.tr("&Edytuj dane…"), self)
        self.edit_button.setObjectName("editButton")
        self.edit_button.setAccessibleName(self.tr("Edytuj dane uczestnika"))
        self.edit_button.setToolTip(self.tr("Zmień dane uczestnika (Ctrl+E)"))
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(self.edit)
        self.print_button = QPushButton(self.tr("Drukuj &kartę"), self)
        self.print_button.setObjectName("printCardButton")
        self.print_button.setAccessibleName(self.tr("Drukuj kartę uczestnika"))
        self.print_button.setToolTip(self.tr("Karta uczestnika w PDF (Ctrl+P)"))
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_card)
        QShortcut(QKeySequence("Ctrl+E"), self, self.edit)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_card)

        head = QGridLayout()
        head.addWidget(self.name_label, 0, 0)
        head.addWidget(self.subtitle_label, 1, 0)
        head.setColumnStretch(0, 1)
        head.addWidget(self.edit_button, 0, 1, 2, 1)
        head.addWidget(self.print_button, 0, 2, 2, 1)
        self.rights_button = PersonRightsButton(db, participant_id, self, on_removed=self._data_removed)
        head.addWidget(self.rights_button, 0, 3, 2, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pageTabs")
        self.tabs.setAccessibleName(self.tr("Zakładki strony uczestnika"))
        self.data_section = DataSection(self)
        self.tabs.addTab(self.data_section, self.tr("&Dane"))
        self.events_section = EventsSection(self)
        self.tabs.addTab(self.events_section, self.tr("&Wydarzenia"))
        self.path_section = SupportPathSection(self)
        self.tabs.addTab(self.path_section, self.tr("Ścieżka wspar&cia"))
        self.support_section = SupportSection(self)
        self.tabs.addTab(self.support_section, self.tr("&Staże i pomoc"))
        self.documents_section = DocumentsSection(self)
        self.tabs.addTab(self.documents_section, self.tr("D&okumenty"))
        self.family_section = FamilySection(self)
        self.tabs.addTab(self.family_section, self.tr("Rodzi&na"))
        self.history_section = HistorySection(self)
        self.tabs.addTab(self.history_section, self.tr("&Historia zmian"))
        self.sections = (self.data_section, self.events_section, self.path_section, self.support_section,
                         self.documents_section, self.family_section, self.history_section)

        buttons = QDialogButtonBox(self)
        add_close_button(buttons, self, self.tr("Zamknij"), self.tr("Zamknij stronę uczestnika"),
                         self.tr("Zamknij (Esc)"))

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.load(opened=True)
        self._fit_to_screen()
        RoleGate(self)

    # ---- Tabs --------------------------------------------------------------------------------------------
    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i).replace("&", "") for i in range(self.tabs.count())]

    def show_tab(self, title: str) -> QWidget:
        index = self.tab_titles().index(title)
        self.tabs.setCurrentIndex(index)
        return self.tabs.widget(index)

    def __getattr__(self, name: str):
        """The sections' widgets and commands, reachable on the page as when they were built by it
        (``page.members_table``, ``page.add_family_member``...): each section lists them in ``PAGE_NAMES``."""
        for section in self.__dict__.get("sections", ()):
            if name in section.PAGE_NAMES:
                return getattr(section, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _fit_to_screen(self) -> None:
        fit_to_screen(self, 1100, 700)

    # ---- Loading ------------------------------------------------------------------------------------------
    def load(self, *, opened: bool = False) -> None:
        """Read the participant, their profile and their family again and show them (the access log records
        the opening, not every refresh after an edit)."""
        self.detail = registry.get_participant(self._db, self.participant_id)
        self.profile = profile_service.participant_profile(self._db, self.participant_id, record_view=opened)
        self.household = household_service.household_of(self._db, self.participant_id,
                                                        show_full_pesel=self.show_full_pesel)
        name = f"{self.detail.first_name} {self.detail.last_name}"
        self.setWindowTitle(self.tr("Uczestnik: {name}").format(name=name))
        self.setAccessibleName(self.windowTitle())
        self.name_label.setText(name)
        parts = [enum_text(self.detail.status)]
        if self.detail.pesel:
            parts.append(self.tr("PESEL {pesel}").format(pesel=self.pesel_text()))
        else:
            parts.append(self.tr("brak PESEL"))
        if self.detail.birth_date:
            parts.append(self.tr("ur. {date}").format(date=date_text(self.detail.birth_date)))
        if self.profile.animator:
            parts.append(self.tr("animator lokalny"))
        self.subtitle_label.setText(" · ".join(parts))
        for section in self.sections:
            section.refresh()

    def pesel_text(self) -> str:
        """The PESEL, masked unless the user chose "Pokaż pełny PESEL" (the edit form always shows it whole)."""
        from pal_desktop.services.formatting import mask_pesel

        pesel = self.detail.pesel
        return pesel if self.show_full_pesel else mask_pesel(pesel)

    # ---- Commands ------------------------------------------------------------------------------------------
    def _after_change(self, message: str = "") -> None:
        try:
            self.load()
        except PalError as err:
            error_dialog.show_error(self, err)
        if message:
            _status(self, message)
        self.sig_changed.emit()

    def edit(self, focus: str | None = None) -> None:
        from pal_desktop.ui.dialogs.participant_form import ParticipantForm

        try:
            form = ParticipantForm(self._db, self.programme_id, self.participant_id, self)
        except PalError as err:
            error_dialog.show_error(self, err)
            return
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.sig_saved.connect(lambda _id, warnings: self._after_change(
            " ".join((self.tr("Zapisano zmiany."), *warnings))))
        form.sig_open_participant.connect(self.sig_open_participant)
        form.destroyed.connect(lambda *_args: setattr(self, "form", None))
        self.form = form
        form.open()
        if isinstance(focus, str) and focus in form.editors:
            form.scroll.ensureWidgetVisible(form.editors[focus])
            form.editors[focus].setFocus()

    def print_card(self) -> None:
        print_card(self, self._db, self.participant_id)

    def _data_removed(self, result) -> None:
        """Erased or anonymised on request: nothing of the person is left to show here."""
        _status(self.parentWidget() or self, self.tr("Dane osoby usunięto.") if result.erased
                else self.tr("Dane osoby zanonimizowano."), 10000)
        self.sig_changed.emit()
        self.accept()


__all__ = ["ParticipantPage", "print_card", "fill_table", "make_table", "selected_id"]
