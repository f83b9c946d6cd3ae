"""The participant's page: everything about one person, on tabs.

Dane (a summary and "Edytuj dane…"), Wydarzenia (events and the attendance rate, red under 80 %), Ścieżka
wsparcia (the individual path: add, edit, remove; "Zakończenie zgodnie ze ścieżką"), Staże i pomoc
(internships and cash assistance), Dokumenty (the signed-documents checklist, missing ones in red), Rodzina
(the household: create it, add relatives or participants, remove members) and Historia zmian (when, who,
what: field names in Polish). Every change is saved at once through the services; the page then reads the
person again and tells the list (``sig_changed``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.domain.enums import TriState
from pal_desktop.errors import PalError
from pal_desktop.services import households as household_service
from pal_desktop.services import participant_profile as profile_service
from pal_desktop.services import participants as registry
from pal_desktop.services.formatting import format_money
from pal_desktop.ui.dialogs import error_dialog, questions
from pal_desktop.ui.dialogs.participant_fields import TECHNICAL as TECHNICAL_FIELDS
from pal_desktop.ui.dialogs.participant_fields import (
    date_text,
    enum_combo,
    enum_text,
    field_label,
    local_time_text,
    reason_texts,
    set_combo_value,
    value_text,
)
from pal_desktop.ui.dialogs.person_rights import PersonRightsButton
from pal_desktop.ui.latest_query import LatestQueryRunner, is_in_memory
from pal_desktop.ui.role_gate import RoleGate
from pal_desktop.ui.widgets.buttons import action_button
from pal_desktop.ui.widgets.value_combo import ValueCombo

RED = QColor("#b3261e")
LOW_STYLE = "QLabel { color: #b3261e; font-weight: bold; }"
OK_STYLE = "QLabel { font-weight: bold; }"
HINT_STYLE = "QLabel { color: palette(placeholder-text); }"


def make_table(name: str, headers: list[str], parent: QWidget, stretch: int | None = None) -> QTableWidget:
    """A read-only table of whole rows, as on the lists."""
    table = QTableWidget(0, len(headers), parent)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: list[tuple], *, row_ids: list | None = None,
               red_rows: set[int] | None = None, red_cells: set[tuple[int, int]] | None = None) -> None:
    """Replace the rows (tuples of display texts); the first column's item keeps the row's id."""
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setToolTip(item.text() if len(item.text()) > 30 else "")
            if (red_rows and r in red_rows) or (red_cells and (r, c) in red_cells):
                item.setForeground(QBrush(RED))
            if c == 0 and row_ids is not None:
                item.setData(Qt.ItemDataRole.UserRole, row_ids[r])
            table.setItem(r, c, item)


def selected_id(table: QTableWidget):
    row = table.currentRow()
    if row < 0 or table.item(row, 0) is None:
        return None
    return table.item(row, 0).data(Qt.ItemDataRole.UserRole)


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
        self.tabs.addTab(self._build_data_tab(), self.tr("&Dane"))
        self.tabs.addTab(self._build_events_tab(), self.tr("&Wydarzenia"))
        self.tabs.addTab(self._build_path_tab(), self.tr("Ścieżka wspar&cia"))
        self.tabs.addTab(self._build_support_tab(), self.tr("&Staże i pomoc"))
        self.tabs.addTab(self._build_documents_tab(), self.tr("D&okumenty"))
        self.tabs.addTab(self._build_family_tab(), self.tr("&Rodzina"))
        self.tabs.addTab(self._build_history_tab(), self.tr("&Historia zmian"))

        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("Zamknij"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(self.tr("Zamknij stronę uczestnika"))
        close.setToolTip(self.tr("Zamknij (Esc)"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.load(opened=True)
        self._fit_to_screen()
        RoleGate(self)

    # ---- Tabs: building -------------------------------------------------------------------------------------
    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i).replace("&", "") for i in range(self.tabs.count())]

    def show_tab(self, title: str) -> QWidget:
        index = self.tab_titles().index(title)
        self.tabs.setCurrentIndex(index)
        return self.tabs.widget(index)

    def _build_data_tab(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Dane uczestnika"))
        content = QWidget(scroll)
        self.data_grid = QGridLayout(content)
        self.data_grid.setColumnStretch(1, 1)
        self.data_grid.setColumnStretch(3, 1)
        self.data_grid.setHorizontalSpacing(16)
        self.data_values: dict[str, QLabel] = {}
        scroll.setWidget(content)
        return scroll

    def _build_events_tab(self) -> QWidget:
        page = QWidget(self)
        self.attendance_label = QLabel(page)
        self.attendance_label.setObjectName("attendanceLabel")
        self.attendance_label.setAccessibleName(self.tr("Frekwencja"))
        self.attendance_label.setWordWrap(True)
        self.events_table = make_table(self.tr("Wydarzenia uczestnika"), [
            self.tr("Data"), self.tr("Wydarzenie"), self.tr("Rodzaj"), self.tr("Zapis"), self.tr("Obecność")],
            page, stretch=1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.attendance_label)
        layout.addWidget(self.events_table, 1)
        return page

    def _build_path_tab(self) -> QWidget:
        page = QWidget(self)
        self.path_table = make_table(self.tr("Ścieżka wsparcia"), [
            self.tr("Forma wsparcia"), self.tr("Plan: od"), self.tr("Plan: do"), self.tr("Udzielone: od"),
            self.tr("Udzielone: do"), self.tr("Status"), self.tr("Uwagi")], page, stretch=6)
        self.path_table.doubleClicked.connect(lambda _index: self.edit_support())
        self.path_table.itemSelectionChanged.connect(self._update_path_buttons)
        self.add_support_button = QPushButton(self.tr("Dod&aj formę wsparcia…"), page)
        self.add_support_button.setObjectName("addSupportButton")
        self.add_support_button.setAutoDefault(False)
        self.add_support_button.clicked.connect(self.add_support)
        self.edit_support_button = QPushButton(self.tr("Zmie&ń…"), page)
        self.edit_support_button.setObjectName("editSupportButton")
        self.edit_support_button.setAccessibleName(self.tr("Zmień zaznaczoną formę wsparcia"))
        self.edit_support_button.setAutoDefault(False)
        self.edit_support_button.clicked.connect(self.edit_support)
        self.remove_support_button = QPushButton(self.tr("&Usuń"), page)
        self.remove_support_button.setObjectName("removeSupportButton")
        self.remove_support_button.setAccessibleName(self.tr("Usuń zaznaczoną formę wsparcia"))
        self.remove_support_button.setAutoDefault(False)
        self.remove_support_button.clicked.connect(self.remove_support)
        buttons = QHBoxLayout()
        for button in (self.add_support_button, self.edit_support_button, self.remove_support_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        box = QGroupBox(self.tr("Zakończenie udziału"), page)
        self.as_planned_combo = enum_combo(ValueCombo(box), TriState, self.tr("— nie określono —"))
        self.as_planned_combo.setObjectName("completedAsPlanned")
        self.as_planned_combo.setAccessibleName(self.tr("Zakończenie zgodnie ze ścieżką"))
        self.as_planned_combo.currentIndexChanged.connect(self._update_path_buttons)
        self.save_as_planned_button = QPushButton(self.tr("Za&pisz"), box)
        self.save_as_planned_button.setObjectName("saveAsPlannedButton")
        self.save_as_planned_button.setAccessibleName(self.tr("Zapisz zakończenie zgodnie ze ścieżką"))
        self.save_as_planned_button.setAutoDefault(False)
        self.save_as_planned_button.clicked.connect(self.save_as_planned)
        label = QLabel(self.tr("Zakończenie zgodnie ze ścieżką:"), box)
        label.setBuddy(self.as_planned_combo)
        row = QHBoxLayout(box)
        row.addWidget(label)
        row.addWidget(self.as_planned_combo)
        row.addWidget(self.save_as_planned_button)
        row.addStretch(1)

        layout = QVBoxLayout(page)
        layout.addWidget(self.path_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(box)
        return page

    def _button(self, text: str, name: str, accessible: str, slot, parent: QWidget) -> QPushButton:
        return action_button(parent, name, text, accessible, slot)

    def _build_support_tab(self) -> QWidget:
        page = QWidget(self)
        internships = QGroupBox(self.tr("Staże"), page)
        self.internships_table = make_table(self.tr("Staże"), [
            self.tr("Pracodawca"), self.tr("Stanowisko"), self.tr("Od"), self.tr("Do"),
            self.tr("Stypendium miesięczne")], internships, stretch=0)
        self.internships_table.doubleClicked.connect(lambda _index: self.edit_internship())
        self.internships_table.itemSelectionChanged.connect(self._update_support_buttons)
        self.add_internship_button = self._button(
            self.tr("Dodaj staż…"), "addInternshipButton", self.tr("Dodaj staż"), self.add_internship, internships)
        self.edit_internship_button = self._button(
            self.tr("Edytuj"), "editInternshipButton", self.tr("Edytuj zaznaczony staż"), self.edit_internship,
            internships)
        self.remove_internship_button = self._button(
            self.tr("Usuń"), "removeInternshipButton", self.tr("Usuń zaznaczony staż"), self.remove_internship,
            internships)
        self.month_button = self._button(
            self.tr("Obecność w miesiącu…"), "internshipMonthButton",
            self.tr("Obecność na zaznaczonym stażu w miesiącu"), self.record_internship_month, internships)
        row = QHBoxLayout()
        for button in (self.add_internship_button, self.edit_internship_button, self.remove_internship_button,
                       self.month_button):
            row.addWidget(button)
        row.addStretch(1)
        internships_layout = QVBoxLayout(internships)
        internships_layout.addWidget(self.internships_table)
        internships_layout.addLayout(row)
        cash = QGroupBox(self.tr("Pomoc pieniężna"), page)
        self.cash_table = make_table(self.tr("Pomoc pieniężna"), [
            self.tr("Rodzaj świadczenia"), self.tr("Nr decyzji"), self.tr("Data decyzji"), self.tr("Kwota"),
            self.tr("Data wypłaty")], cash, stretch=0)
        self.cash_table.doubleClicked.connect(lambda _index: self.edit_cash())
        self.cash_table.itemSelectionChanged.connect(self._update_support_buttons)
        self.add_cash_button = self._button(
            self.tr("Dodaj pomoc pieniężną…"), "addCashButton", self.tr("Dodaj pomoc pieniężną"), self.add_cash,
            cash)
        self.edit_cash_button = self._button(
            self.tr("Edytuj"), "editCashButton", self.tr("Edytuj zaznaczoną pomoc pieniężną"), self.edit_cash, cash)
        self.remove_cash_button = self._button(
            self.tr("Usuń"), "removeCashButton", self.tr("Usuń zaznaczoną pomoc pieniężną"), self.remove_cash, cash)
        cash_row = QHBoxLayout()
        for button in (self.add_cash_button, self.edit_cash_button, self.remove_cash_button):
            cash_row.addWidget(button)
        cash_row.addStretch(1)
        note = QLabel(self.tr("Pomoc pieniężną przyznaje się w systemie ośrodka; tu jest tylko jej ewidencja. "
                              "Te dane nie trafiają na listy wydawane poza ośrodek."), cash)
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        cash_layout = QVBoxLayout(cash)
        cash_layout.addWidget(self.cash_table)
        cash_layout.addLayout(cash_row)
        cash_layout.addWidget(note)
        layout = QVBoxLayout(page)
        layout.addWidget(internships, 1)
        layout.addWidget(cash, 1)
        return page

    def _build_documents_tab(self) -> QWidget:
        page = QWidget(self)
        self.documents_label = QLabel(page)
        self.documents_label.setObjectName("documentsLabel")
        self.documents_label.setAccessibleName(self.tr("Stan dokumentów"))
        self.documents_table = make_table(self.tr("Dokumenty"), [self.tr("Dokument"), self.tr("Data podpisania")],
                                          page)
        self.documents_table.doubleClicked.connect(lambda _index: self.edit())
        fill = QPushButton(self.tr("Uzu&pełnij daty…"), page)
        fill.setObjectName("fillDocumentsButton")
        fill.setAccessibleName(self.tr("Uzupełnij daty podpisania dokumentów"))
        fill.setToolTip(self.tr("Otwiera formularz danych uczestnika (sekcja Dokumenty)"))
        fill.setAutoDefault(False)
        fill.clicked.connect(lambda: self.edit(focus="declaration_date"))
        layout = QVBoxLayout(page)
        layout.addWidget(self.documents_label)
        layout.addWidget(self.documents_table, 1)
        layout.addWidget(fill, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _build_family_tab(self) -> QWidget:
        page = QWidget(self)
        self.family_label = QLabel(page)
        self.family_label.setObjectName("familyLabel")
        self.family_label.setAccessibleName(self.tr("Rodzina"))
        self.family_label.setWordWrap(True)
        self.create_household_button = QPushButton(self.tr("U&twórz rodzinę z tego uczestnika"), page)
        self.create_household_button.setObjectName("createHouseholdButton")
        self.create_household_button.setAutoDefault(False)
        self.create_household_button.clicked.connect(self.create_household)
        self.members_table = make_table(self.tr("Członkowie rodziny"), [
            self.tr("Imię i nazwisko"), self.tr("Pokrewieństwo"), self.tr("Data urodzenia"),
            self.tr("Uczestnik programu"), self.tr("Objęty wsparciem")], page, stretch=0)
        self.members_table.doubleClicked.connect(lambda _index: self.open_member())
        self.members_table.itemSelectionChanged.connect(self._update_family_buttons)
        self.add_member_button = QPushButton(self.tr("Dodaj członka ro&dziny…"), page)
        self.add_member_button.setObjectName("addFamilyMemberButton")
        self.add_member_button.setToolTip(self.tr("Krewny, który nie jest uczestnikiem programu"))
        self.add_participant_member_button = QPushButton(self.tr("Dodaj &uczestnika do rodziny…"), page)
        self.add_participant_member_button.setObjectName("addParticipantMemberButton")
        self.add_participant_member_button.setToolTip(self.tr("Osoba z rejestru uczestników"))
        self.remove_member_button = QPushButton(self.tr("Usuń z rodzin&y"), page)
        self.remove_member_button.setObjectName("removeMemberButton")
        self.open_member_button = QPushButton(self.tr("Otwórz st&ronę"), page)
        self.open_member_button.setObjectName("openMemberButton")
        self.open_member_button.setAccessibleName(self.tr("Otwórz stronę zaznaczonego członka rodziny"))
        for button, slot in ((self.add_member_button, self.add_family_member),
                             (self.add_participant_member_button, self.add_participant_member),
                             (self.remove_member_button, self.remove_member),
                             (self.open_member_button, self.open_member)):
            button.setAutoDefault(False)
            button.setAccessibleName(button.accessibleName() or button.text().replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
        buttons = QHBoxLayout()
        for button in (self.add_member_button, self.add_participant_member_button, self.remove_member_button,
                       self.open_member_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.family_label)
        layout.addWidget(self.create_household_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.members_table, 1)
        layout.addLayout(buttons)
        return page

    def _build_history_tab(self) -> QWidget:
        page = QWidget(self)
        self.history_table = make_table(self.tr("Historia zmian"), [
            self.tr("Kiedy"), self.tr("Kto"), self.tr("Zmiana"), self.tr("Było"), self.tr("Jest")], page)
        note = QLabel(self.tr("Każda zmiana danych uczestnika jest zapisywana: kiedy, kto i co zmienił."), page)
        note.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.history_table, 1)
        return page

    def _fit_to_screen(self) -> None:
        screen = self.screen()
        width, height = 1100, 700
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width() - 40), min(height, available.height() - 40)
        self.resize(width, height)

    # ---- Loading ------------------------------------------------------------------------------------------
    def load(self, *, opened: bool = False) -> None:
        """Read the participant, their profile and their family again and show them (the access log records
        the opening, not every refresh after an edit)."""
        self.detail = registry.get_participant(self._db, self.participant_id)
        self.profile = profile_service.participant_profile(self._db, self.participant_id, record_view=opened)
        self.household = household_service.household_of(self._db, self.participant_id)
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
        self._show_data()
        self._show_events()
        self._show_path()
        self._show_support()
        self._show_documents()
        self._show_family()
        self._show_history()

    def pesel_text(self) -> str:
        """The PESEL, masked unless the user chose "Pokaż pełny PESEL" (the edit form always shows it whole)."""
        from pal_desktop.services.formatting import mask_pesel

        pesel = self.detail.pesel
        return pesel if self.show_full_pesel else mask_pesel(pesel)

    def _show_data(self) -> None:
        d = self.detail
        while self.data_grid.count():
            item = self.data_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.data_values = {}
        address = " ".join(p for p in (d.street_name, d.house_number + (f"/{d.flat_number}" if d.flat_number
                                                                         else "")) if p)
        place = f"{d.postal_code} {d.city}".strip()
        disability = enum_text(d.disability)
        if d.disability_degree is not None:
            disability += self.tr(" (stopień: {degree})").format(degree=enum_text(d.disability_degree))
        not_given = self.tr("—")
        left = [
            ("name", self.tr("Imię i nazwisko"), f"{d.first_name} {d.last_name}"),
            ("pesel", self.tr("PESEL"), self.pesel_text() or self.tr("brak PESEL")),
            ("document_number", self.tr("Numer dokumentu"), d.document_number),
            ("birth_date", self.tr("Data urodzenia"), date_text(d.birth_date)),
            ("sex", self.tr("Płeć"), enum_text(d.sex)),
            ("address", self.tr("Adres"), ", ".join(p for p in (address, place) if p)),
            ("outside_area_reason", self.tr("Adres spoza obszaru"), d.outside_area_reason),
            ("phone", self.tr("Telefon"), d.phone),
            ("email", self.tr("E-mail"), d.email),
            ("reasons", self.tr("Przesłanki wsparcia"), reason_texts(d.reasons)),
            ("notes", self.tr("Uwagi"), d.notes),
        ]
        right = [
            ("status", self.tr("Status"), enum_text(d.status)),
            ("start_date", self.tr("Data rozpoczęcia"), date_text(d.start_date)),
            ("end_date", self.tr("Data zakończenia"), date_text(d.end_date)),
            ("end_situation", self.tr("Sytuacja w chwili zakończenia"), d.end_situation),
            ("completed_as_planned", self.tr("Zgodnie ze ścieżką"), enum_text(d.completed_as_planned)),
            ("education", self.tr("Wykształcenie"), enum_text(d.education)),
            ("labour_status", self.tr("Status na rynku pracy"),
             " — ".join(p for p in (enum_text(d.labour_status), d.labour_status_detail) if p)),
            ("disability", self.tr("Niepełnosprawność"), disability),
            ("minority_or_foreign", self.tr("Mniejszość, migrant, obce pochodzenie"),
             enum_text(d.minority_or_foreign)),
            ("homeless", self.tr("Bezdomność"), enum_text(d.homeless)),
            ("other_disadvantage", self.tr("Inna niekorzystna sytuacja"), enum_text(d.other_disadvantage)),
            ("created", self.tr("Dodano"), f"{local_time_text(d.created_at)} ({d.created_by})"),
            ("updated", self.tr("Ostatnia zmiana"), f"{local_time_text(d.updated_at)} ({d.updated_by})"),
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

    def _show_events(self) -> None:
        p = self.profile
        if p.attendance_rate is None:
            self.attendance_label.setText(self.tr("Frekwencja: jeszcze nie było zajęć, na które osoba jest "
                                                  "zapisana."))
            self.attendance_label.setStyleSheet(OK_STYLE)
        else:
            percent = round(p.attendance_rate * 100)
            text = self.tr("Frekwencja: {percent} % (obecność na {present} z {held} zajęć, które się odbyły)").format(
                percent=percent, present=p.present, held=p.held)
            if p.low_attendance:
                text += self.tr(" — poniżej 80 %")
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

    def _show_path(self) -> None:
        items = self.profile.support_path
        fill_table(self.path_table, [
            (QCoreApplication.translate("Enums", s.form), date_text(s.planned_start), date_text(s.planned_end),
             date_text(s.given_start), date_text(s.given_end), enum_text(s.status), s.notes) for s in items],
            row_ids=[s.id for s in items])
        self._path_items = {s.id: s for s in items}
        self.as_planned_combo.blockSignals(True)
        set_combo_value(self.as_planned_combo, self.detail.completed_as_planned)
        self.as_planned_combo.blockSignals(False)
        self._update_path_buttons()

    def _update_path_buttons(self) -> None:
        selected = selected_id(self.path_table) is not None
        self.edit_support_button.setEnabled(selected)
        self.remove_support_button.setEnabled(selected)
        self.save_as_planned_button.setEnabled(
            self.detail is not None and self.as_planned_combo.currentData() != self.detail.completed_as_planned)

    def _show_support(self) -> None:
        p = self.profile
        fill_table(self.internships_table, [
            (i.employer, i.position, date_text(i.start), date_text(i.end), format_money(i.stipend))
            for i in p.internships], row_ids=[i.id for i in p.internships])
        fill_table(self.cash_table, [
            (enum_text(c.benefit), c.decision_number, date_text(c.decision_date), format_money(c.amount),
             date_text(c.payment_date)) for c in p.cash], row_ids=[c.id for c in p.cash])
        self._internships = {i.id: i for i in p.internships}
        self._cash = {c.id: c for c in p.cash}
        self._update_support_buttons()

    def _update_support_buttons(self) -> None:
        internship = selected_id(self.internships_table) is not None
        for button in (self.edit_internship_button, self.remove_internship_button, self.month_button):
            button.setEnabled(internship)
        cash = selected_id(self.cash_table) is not None
        self.edit_cash_button.setEnabled(cash)
        self.remove_cash_button.setEnabled(cash)

    def _show_documents(self) -> None:
        docs = self.profile.documents
        missing = [d for d in docs if d.signed_on is None]
        fill_table(self.documents_table, [
            (QCoreApplication.translate("Documents", d.name), date_text(d.signed_on) or self.tr("brak"))
            for d in docs], row_ids=[d.field for d in docs],
            red_rows={i for i, d in enumerate(docs) if d.signed_on is None})
        if missing:
            self.documents_label.setText(self.tr("Brakuje {missing} z {total} dokumentów.").format(
                missing=len(missing), total=len(docs)))
            self.documents_label.setStyleSheet(LOW_STYLE)
        else:
            self.documents_label.setText(self.tr("Wszystkie dokumenty są podpisane."))
            self.documents_label.setStyleSheet(OK_STYLE)

    def _show_family(self) -> None:
        household = self.household
        self.create_household_button.setVisible(household is None)
        self.members_table.setVisible(household is not None)
        for button in (self.add_member_button, self.add_participant_member_button, self.remove_member_button,
                       self.open_member_button):
            button.setVisible(household is not None)
        if household is None:
            self.family_label.setText(self.tr("Ta osoba nie ma jeszcze zapisanej rodziny (gospodarstwa domowego). "
                                              "Utwórz ją, aby dodać członków rodziny objętych wsparciem."))
            fill_table(self.members_table, [])
            return
        members = household.members
        yes, no = QCoreApplication.translate("Enums", "Tak"), QCoreApplication.translate("Enums", "Nie")
        title = household.name + (f" — {household.address}" if household.address else "")
        self.family_label.setText(self.tr("{household}. Osób w gospodarstwie: {count}.").format(
            household=title, count=len(members)))
        fill_table(self.members_table, [
            (m.name + (self.tr(" (głowa rodziny)") if m.is_head else ""), m.relation, date_text(m.birth_date),
             yes if m.participant_id else no, yes if m.covered_by_support else no) for m in members],
            row_ids=[m.id for m in members])
        self._members = {m.id: m for m in members}
        self._update_family_buttons()

    def _update_family_buttons(self) -> None:
        member = self.selected_member()
        self.remove_member_button.setEnabled(member is not None)
        self.open_member_button.setEnabled(member is not None and member.participant_id is not None
                                           and member.participant_id != self.participant_id)

    def _show_history(self) -> None:
        rows = []
        for line in self.profile.history:
            when, who = local_time_text(line.at), line.actor
            if line.action == "insert":
                rows.append((when, who, self.tr("dodano osobę do rejestru"), "", ""))
            elif line.action == "update":
                changes = [(k, v) for k, v in line.changes.items() if k not in TECHNICAL_FIELDS]
                if not changes:
                    rows.append((when, who, self.tr("zmiana danych"), "", ""))
                for name, values in changes:
                    old, new = (values + [None, None])[:2] if isinstance(values, list) else (None, values)
                    rows.append((when, who, field_label(name), value_text(name, old), value_text(name, new)))
            elif line.action == "anonymise":
                rows.append((when, who, self.tr("zanonimizowano dane"), "", ""))
            elif line.action == "delete":
                rows.append((when, who, self.tr("usunięto"), "", ""))
            else:
                rows.append((when, who, line.action, "", ""))
        fill_table(self.history_table, rows)

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

    # ---- Support path
    def add_support(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import SupportDialog

        dialog = SupportDialog(self._db, self.participant_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._after_change(self.tr("Dodano formę wsparcia.")))
        self.support_dialog = dialog
        dialog.open()

    def edit_support(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import SupportDialog

        item = self._path_items.get(selected_id(self.path_table))
        if item is None:
            return
        dialog = SupportDialog(self._db, self.participant_id, item, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._after_change(self.tr("Zapisano formę wsparcia.")))
        self.support_dialog = dialog
        dialog.open()

    def remove_support(self) -> None:
        item = self._path_items.get(selected_id(self.path_table))
        if item is None:
            return
        if not questions.ask(self, self.tr("Usunąć formę wsparcia?"),
                             self.tr("Usunąć ze ścieżki „{form}”?").format(
                                 form=QCoreApplication.translate("Enums", item.form)),
                             yes=self.tr("Usuń"), no=self.tr("Nie usuwaj")):
            return
        try:
            profile_service.remove_support(self._db, item.id)
        except PalError as err:
            error_dialog.show_error(self, err)
            return
        self._after_change(self.tr("Usunięto formę wsparcia."))

    def save_as_planned(self) -> None:
        from dataclasses import replace

        value = self.as_planned_combo.currentData()
        data = replace(registry.as_input(self.detail), completed_as_planned=value)
        try:
            registry.update_participant(self._db, self.participant_id, data, expected_version=self.detail.version)
        except PalError as err:
            error_dialog.show_error(self, err)
            self._after_change()
            return
        self._after_change(self.tr("Zapisano: zakończenie zgodnie ze ścieżką — {value}.").format(
            value=enum_text(value) if value is not None else self.tr("nie określono")))

    # ---- Internships and cash assistance
    def _open_small_form(self, dialog, message: str) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._after_change(message))
        self.support_dialog = dialog
        dialog.open()

    def _small_form(self, make, message: str) -> None:
        try:
            dialog = make()
        except PalError as err:
            error_dialog.show_error(self, err)
            return
        self._open_small_form(dialog, message)

    def add_internship(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import InternshipDialog

        self._small_form(lambda: InternshipDialog(self._db, self.participant_id, parent=self),
                         self.tr("Dodano staż."))

    def edit_internship(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import InternshipDialog

        internship_id = selected_id(self.internships_table)
        if internship_id is None:
            return
        self._small_form(lambda: InternshipDialog(self._db, self.participant_id, internship_id, parent=self),
                         self.tr("Zapisano staż."))

    def record_internship_month(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import InternshipMonthDialog

        internship_id = selected_id(self.internships_table)
        if internship_id is None:
            return
        self._small_form(lambda: InternshipMonthDialog(self._db, internship_id, parent=self),
                         self.tr("Zapisano obecność na stażu."))

    def remove_internship(self) -> None:
        from pal_desktop.services import internships

        item = getattr(self, "_internships", {}).get(selected_id(self.internships_table))
        if item is None:
            return
        if not questions.ask(self, self.tr("Usunąć staż?"),
                             self.tr("Usunąć staż u pracodawcy „{employer}” razem z zapisaną obecnością?").format(
                                 employer=item.employer),
                             yes=self.tr("Usuń"), no=self.tr("Nie usuwaj")):
            return
        try:
            internships.remove_internship(self._db, item.id)
        except PalError as err:
            error_dialog.show_error(self, err)
            return
        self._after_change(self.tr("Usunięto staż."))

    def add_cash(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import CashDialog

        self._small_form(lambda: CashDialog(self._db, self.participant_id, parent=self),
                         self.tr("Dodano pomoc pieniężną."))

    def edit_cash(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import CashDialog

        cash_id = selected_id(self.cash_table)
        if cash_id is None:
            return
        self._small_form(lambda: CashDialog(self._db, self.participant_id, cash_id, parent=self),
                         self.tr("Zapisano pomoc pieniężną."))

    def remove_cash(self) -> None:
        from pal_desktop.services import internships

        item = getattr(self, "_cash", {}).get(selected_id(self.cash_table))
        if item is None:
            return
        if not questions.ask(self, self.tr("Usunąć pomoc pieniężną?"),
                             self.tr("Usunąć {benefit} na kwotę {amount}?").format(
                                 benefit=enum_text(item.benefit), amount=format_money(item.amount)),
                             yes=self.tr("Usuń"), no=self.tr("Nie usuwaj")):
            return
        try:
            internships.remove_cash(self._db, item.id)
        except PalError as err:
            error_dialog.show_error(self, err)
            return
        self._after_change(self.tr("Usunięto pomoc pieniężną."))

    # ---- Family
    def selected_member(self):
        member_id = selected_id(self.members_table)
        return getattr(self, "_members", {}).get(member_id)

    def create_household(self) -> None:
        try:
            household_service.household_from_participant(self._db, self.participant_id)
        except PalError as err:
            error_dialog.show_error(self, err)
            return
        self._after_change(self.tr("Utworzono rodzinę."))

    def add_family_member(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import FamilyMemberDialog

        if self.household is None:
            return
        dialog = FamilyMemberDialog(self._db, self.household.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._after_change(self.tr("Dodano członka rodziny.")))
        self.member_dialog = dialog
        dialog.open()

    def add_participant_member(self) -> None:
        from pal_desktop.ui.dialogs.small_forms import ParticipantMemberDialog

        if self.household is None:
            return
        exclude = {m.participant_id for m in self.household.members if m.participant_id}
        dialog = ParticipantMemberDialog(self._db, self.household.id, self.programme_id, exclude, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._after_change(self.tr("Dodano uczestnika do rodziny.")))
        self.member_dialog = dialog
        dialog.open()

    def remove_member(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        if not questions.ask(self, self.tr("Usunąć z rodziny?"),
                             self.tr("Usunąć {name} z rodziny „{household}”?").format(
                                 name=member.name, household=self.household.name),
                             informative=self.tr("Dane uczestnika w rejestrze pozostaną bez zmian."),
                             yes=self.tr("Usuń z rodziny"), no=self.tr("Nie usuwaj")):
            return
        try:
            household_service.remove_member(self._db, member.id)
        except PalError as err:
            error_dialog.show_error(self, err)
            return
        self._after_change(self.tr("Usunięto z rodziny: {name}.").format(name=member.name))

    def open_member(self) -> None:
        member = self.selected_member()
        if member is not None and member.participant_id and member.participant_id != self.participant_id:
            self.sig_open_participant.emit(member.participant_id)


__all__ = ["ParticipantPage", "print_card", "fill_table", "make_table", "selected_id"]
