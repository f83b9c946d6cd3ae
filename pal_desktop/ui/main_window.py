"""The main window: six tabs of lists, the programme switcher, menus and the status bar.

The window is shown before the database is open (``set_database`` comes after the first paint), so this
module and the tabs import no service at module level: services, and SQLAlchemy with them, are imported by
the functions that run once the window is on screen. Only the first tab is built before the first paint; the
others (large modules: the Gantt chart, the calendar, the holidays) are built when first shown, or in idle
time once the first tab's data is on screen.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QProgressBar,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.domain.text import fold
from pal_desktop.errors import PalError, ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui import window_state
from pal_desktop.ui.account_actions import AccountControls
from pal_desktop.ui.archive_actions import add_archive_action
from pal_desktop.ui.dialogs import error_dialog, help_dialog
from pal_desktop.ui.latest_query import LatestQueryRunner, is_in_memory
from pal_desktop.ui.operations import OperationRunner, show_operation_error
from pal_desktop.ui.role_gate import RoleGate
from pal_desktop.ui.widgets.operation_progress import OperationProgress
from pal_desktop.ui.widgets.read_only_banner import ReadOnlyBanner

if TYPE_CHECKING:  # the tab modules load after the first paint
    from pal_desktop.ui.tabs.list_tab import ListTab

APP_TITLE = "PAL Desktop"


class TabSpec(NamedTuple):
    tab_id: str
    module: str
    class_name: str
    title: str


#: The six tabs in order: id, where the class lives, and the Polish title (translated in the class's context).
TAB_SPECS: tuple[TabSpec, ...] = (
    TabSpec("participants", "pal_desktop.ui.tabs.participants_tab", "ParticipantsTab",
            QT_TRANSLATE_NOOP("ParticipantsTab", "Uczestnicy")),
    TabSpec("animators", "pal_desktop.ui.tabs.animators_tab", "AnimatorsTab",
            QT_TRANSLATE_NOOP("AnimatorsTab", "Animatorzy")),
    TabSpec("volunteers", "pal_desktop.ui.tabs.volunteers_tab", "VolunteersTab",
            QT_TRANSLATE_NOOP("VolunteersTab", "Wolontariusze")),
    TabSpec("schedule", "pal_desktop.ui.tabs.schedule_tab", "ScheduleTab",
            QT_TRANSLATE_NOOP("ScheduleTab", "Harmonogram")),
    TabSpec("events", "pal_desktop.ui.tabs.events_tab", "EventsTab", QT_TRANSLATE_NOOP("EventsTab", "Wydarzenia")),
    TabSpec("reports", "pal_desktop.ui.tabs.reports_tab", "ReportsTab", QT_TRANSLATE_NOOP("ReportsTab", "Raporty")),
)
#: (id, Polish title) of each tab, in order: the names ``pal-desktop screenshot --tab`` accepts.
TAB_NAMES = tuple((spec.tab_id, spec.title) for spec in TAB_SPECS)
STATUS_TEXT_WIDTH = 420


def tab_class(spec: TabSpec) -> type[ListTab]:
    return getattr(importlib.import_module(spec.module), spec.class_name)


class TabSlot(QWidget):
    """The page of one tab in the tab bar; the tab itself is built into it when first needed.

    Until then the page shows an empty table (a first paint as cheap as six bare tables); the real tab comes
    with the data."""

    def __init__(self, spec: TabSpec, parent: QWidget) -> None:
        super().__init__(parent)
        self.spec = spec
        self.tab: ListTab | None = None
        self.setAccessibleName(QCoreApplication.translate(spec.class_name, spec.title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder: QWidget | None = QTableView(self)
        self.placeholder.setAccessibleName(QCoreApplication.translate("MainWindow", "Wczytywanie…"))
        layout.addWidget(self.placeholder)

    def build(self) -> ListTab:
        if self.tab is None:
            self.tab = tab_class(self.spec)(self)
            RoleGate(self.tab)  # what the role may not do is not offered
            window_state.restore_columns(self.tab)
            if self.placeholder is not None:
                self.layout().removeWidget(self.placeholder)
                self.placeholder.deleteLater()
                self.placeholder = None
            self.layout().addWidget(self.tab)
            self.tab.show()  # a child added to a page already on screen would otherwise appear only later
        return self.tab


def resolve_tab(name: str) -> str:
    """The id of the tab called ``name`` (Polish title in any case, with or without Polish letters, or id)."""
    wanted = fold(name)
    for tab_id, title in TAB_NAMES:
        translated = QCoreApplication.translate(_TAB_CONTEXT[tab_id], title)
        if wanted and wanted in (tab_id, fold(title), fold(translated)):
            return tab_id
    raise ValidationError(
        QT_TRANSLATE_NOOP("Validation", "Nie ma zakładki „{tab}”. Dostępne zakładki: {names}."),
        field="tab", tab=name, names=", ".join(title for _id, title in TAB_NAMES))


_TAB_CONTEXT = {spec.tab_id: spec.class_name for spec in TAB_SPECS}


class MainWindow(QMainWindow):
    sig_first_painted = Signal()
    """The window has been painted for the first time (the moment to start opening the database)."""
    sig_data_shown = Signal()
    """The current tab shows rows freshly read from the database."""
    sig_programme_changed = Signal(int)
    """The user chose another programme (its id); every tab has been reloaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = None
        self._programmes: list = []
        self._programme = None
        self._stale: set[str] = set()
        self._painted = False
        self._filling = False
        self.settings_dialog = None
        self.operations = OperationRunner(self)
        self.operations.error_handler = show_operation_error
        self.setObjectName("mainWindow")
        self.setAccessibleName(self.tr("Okno główne PAL Desktop"))
        self.setWindowTitle(APP_TITLE)
        self.setMinimumSize(800, 500)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setAccessibleName(self.tr("Zakładki"))
        self.tabs.setDocumentMode(True)
        self._slots: dict[str, TabSlot] = {}
        for spec in TAB_SPECS:
            slot = TabSlot(spec, self.tabs)
            self._slots[spec.tab_id] = slot
            self.tabs.addTab(slot, QCoreApplication.translate(spec.class_name, spec.title))
        self.setCentralWidget(self.tabs)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.account = AccountControls(self)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._set_database_actions_enabled(False)

    # ---- Building
    def _action(self, text: str, name: str, shortcut: QKeySequence | str | None = None, *,
                tip: str = "", slot=None, enabled: bool = True) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if slot is not None:
            action.triggered.connect(slot)
        action.setEnabled(enabled)
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        soon_save = self.tr("Zapisywanie: przycisk „Zapisz” (Ctrl+S) w formularzu rekordu.")
        self.save_action = self._action(self.tr("&Zapisz"), "saveAction", "Ctrl+S",
                                        tip=soon_save, enabled=False)
        self.print_action = self._action(self.tr("&Drukuj…"), "printAction", "Ctrl+P",
                                         tip=self.tr("Drukuj dokument zaznaczonego rekordu, np. kartę uczestnika"),
                                         slot=self.print_current, enabled=False)
        self.backup_action = self._action(self.tr("&Kopia zapasowa…"), "backupAction",
                                          tip=self.tr("Zapisz kopię bazy danych, np. na pendrive"),
                                          slot=self.make_backup)
        self.restore_action = self._action(self.tr("&Przywróć z kopii…"), "restoreAction",
                                           tip=self.tr("Zastąp bazę danych zawartością kopii zapasowej"),
                                           slot=self.restore_backup)
        self.settings_action = self._action(self.tr("&Ustawienia…"), "settingsAction", "Ctrl+,",
                                            tip=self.tr("Dane organizacji, logotypy i lokalizacja bazy danych"),
                                            slot=self.open_settings)
        self.audit_action = self._action(self.tr("Dzi&ennik dostępu…"), "auditAction", slot=self.open_audit_log,
                                         tip=self.tr("Kto i kiedy zmienił, otworzył, wydrukował lub wyeksportował dane"))
        self.quit_action = self._action(self.tr("Za&kończ"), "quitAction", "Ctrl+Q",
                                        tip=self.tr("Zamknij program"), slot=self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.new_action = self._action(self.tr("&Nowy…"), "newAction", "Ctrl+N",
                                       tip=self.tr("Dodaj nowy rekord do bieżącej listy"), slot=self.new_record,
                                       enabled=False)
        self.search_action = self._action(self.tr("&Szukaj"), "searchAction", "Ctrl+F",
                                          tip=self.tr("Przejdź do pola wyszukiwania bieżącej listy"),
                                          slot=self.focus_search)
        self.tab_actions: list[QAction] = []
        mnemonic_titles = (self.tr("&Uczestnicy"), self.tr("&Animatorzy"), self.tr("&Wolontariusze"),
                           self.tr("&Harmonogram"), self.tr("Wy&darzenia"), self.tr("&Raporty"))
        for index, text in enumerate(mnemonic_titles):
            action = self._action(text, f"showTab{index + 1}", f"Ctrl+{index + 1}",
                                  tip=self.tr("Pokaż zakładkę {title}").format(title=self.tabs.tabText(index)),
                                  slot=lambda _checked=False, i=index: self.tabs.setCurrentIndex(i))
            self.tab_actions.append(action)
        self.help_action = self._action(self.tr("&Pomoc"), "helpAction", "F1",
                                        tip=self.tr("Krótki przewodnik po programie"), slot=lambda: help_dialog.show_help(self))
        self.about_action = self._action(self.tr("&O programie"), "aboutAction", tip=self.tr("Wersja i opis programu"),
                                         slot=lambda: help_dialog.show_about(self))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.programme_actions = QActionGroup(self)
        self.programme_actions.setExclusive(True)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.setAccessibleName(self.tr("Menu główne"))
        file_menu = bar.addMenu(self.tr("&Plik"))
        file_menu.addActions([self.save_action, self.print_action])
        file_menu.addSeparator()
        file_menu.addActions([self.backup_action, self.restore_action])
        file_menu.addActions([self.settings_action, self.audit_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edycja"))
        edit_menu.addActions([self.new_action, self.search_action])
        view_menu = bar.addMenu(self.tr("&Widok"))
        view_menu.addActions(self.tab_actions)
        self.programme_menu = bar.addMenu(self.tr("P&rogram"))
        self.programme_menu.setObjectName("programmeMenu")
        help_menu = bar.addMenu(self.tr("Pomo&c"))
        help_menu.addActions([self.help_action, self.about_action])
        for menu in (file_menu, edit_menu, view_menu, self.programme_menu, help_menu):
            menu.setAccessibleName(menu.title().replace("&", ""))
            menu.setToolTipsVisible(True)
        self._fill_programme_menu()

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Program"), self)
        toolbar.setObjectName("programmeToolbar")
        toolbar.setAccessibleName(self.tr("Pasek programu"))
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        label = QLabel(self.tr("Pro&gram:"), toolbar)
        label.setContentsMargins(6, 0, 6, 0)
        self.programme_combo = QComboBox(toolbar)
        self.programme_combo.setObjectName("programmeCombo")
        self.programme_combo.setAccessibleName(self.tr("Wybór programu"))
        self.programme_combo.setToolTip(self.tr("Program, nad którym pracujesz: wszystkie zakładki pokazują jego "
                                                "dane (Alt+G)"))
        self.programme_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.programme_combo.setMinimumContentsLength(30)
        self.programme_combo.addItem(self.tr("Wczytywanie…"))
        self.programme_combo.setEnabled(False)
        self.programme_combo.currentIndexChanged.connect(self._on_combo_changed)
        label.setBuddy(self.programme_combo)
        toolbar.addWidget(label)
        toolbar.addWidget(self.programme_combo)
        self.read_only_banner = ReadOnlyBanner(toolbar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        status.setAccessibleName(self.tr("Pasek stanu"))
        self.busy_bar = QProgressBar(status)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setAccessibleName(self.tr("Trwa wczytywanie"))
        self.busy_bar.hide()
        self.database_label = QLabel(self.tr("Baza: —"), status)
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setAccessibleName(self.tr("Baza danych"))
        self.programme_label = QLabel(self.tr("Program: —"), status)
        self.programme_label.setObjectName("programmeLabel")
        self.programme_label.setAccessibleName(self.tr("Aktywny program"))
        for label in (self.database_label, self.programme_label):
            label.setContentsMargins(8, 0, 8, 0)
        self.operation_progress = OperationProgress(self.operations, status)
        status.addPermanentWidget(self.operation_progress)
        status.addPermanentWidget(self.busy_bar)
        status.addPermanentWidget(self.database_label)
        status.addPermanentWidget(self.programme_label)

    # ---- Qt overrides
    def closeEvent(self, event) -> None:
        # Work still queued is cancelled (each rolls back); a running one is asked to stop and waited for.
        self.operations.shutdown(timeout=30.0)
        from pal_desktop.ui import backup_actions

        backup_actions.backup_on_close(self._db)
        window_state.save(self)
        # Background reads stop (threads joined) first: a result sent to a runner being destroyed crashes.
        for runner in self.findChildren(LatestQueryRunner):
            runner.close()
        super().closeEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.sig_first_painted.emit()

    # ---- Data
    @property
    def db(self):
        return self._db

    @property
    def programme(self):  # the active ProgrammeSummary, or None
        return self._programme

    def tab(self, tab_id: str) -> ListTab:
        return self._slots[tab_id].build()

    def current_tab(self) -> ListTab:
        return self.tabs.currentWidget().build()

    def select_tab(self, tab_id: str) -> None:
        self.tabs.setCurrentWidget(self._slots[tab_id])

    def tab_ids(self) -> list[str]:
        return list(self._slots)

    def built_tabs(self) -> list[ListTab]:
        return [slot.tab for slot in self._slots.values() if slot.tab is not None]

    def build_remaining_tabs(self) -> None:
        """Build the tabs not shown yet, one per turn of the event loop (idle time after the first data): switching
        to them is then instant, and the window never stops for all of them at once."""
        waiting = next((slot for slot in self._slots.values() if slot.tab is None), None)
        if waiting is not None:
            waiting.build()
            QTimer.singleShot(0, self, self.build_remaining_tabs)  # dropped if the window is gone

    def set_busy(self, message: str | None) -> None:
        """Show (``message``) or hide (None) the "working" indicator in the status bar."""
        self.busy_bar.setVisible(message is not None)
        if message is None:
            self.statusBar().clearMessage()
        else:
            self.statusBar().showMessage(message)

    def set_database(self, db) -> None:
        """Use the opened database ``db`` and show its data."""
        self._db = db
        # An in-memory database lives in this thread only: its operations run at once, here.
        self.operations.synchronous = is_in_memory(db)
        self.set_busy(None)
        self._set_status_text(self.database_label, self.tr("Baza: {location}").format(location=db.location))
        from pal_desktop.services.database import is_read_only

        self.read_only_banner.show_for(db.location, is_read_only(db))
        self._set_database_actions_enabled(True)
        self.account.refresh()
        self.reload()
        from pal_desktop.ui import backup_actions

        warning = backup_actions.backup_warning(db)
        if warning:
            self.statusBar().showMessage(warning)

    def show_upgrade_notice(self, upgraded_from: str, backup) -> None:
        text = self.tr("Baza danych została zaktualizowana do nowej wersji programu (poprzednia wersja bazy: "
                       "{old}). Kopia zapasowa: {backup}").format(old=upgraded_from, backup=backup or "—")
        self.statusBar().showMessage(text)

    def reload(self) -> None:
        """Read the programmes again and show the current tab's list (other tabs load when shown)."""
        if self._db is None:
            return
        from pal_desktop.services import programmes as programme_service

        try:
            self._programmes = programme_service.list_programmes(self._db)
        except PalError as err:
            error_dialog.show_error(self, err)
            return
        active = [p for p in self._programmes if p.is_active]
        self._programme = active[0] if active else (self._programmes[-1] if self._programmes else None)
        self._fill_programmes()
        self._show_programme_title()
        self._stale = set(self._slots)
        self._load_tab(self.current_tab())

    def _load_tab(self, tab: ListTab) -> None:
        programme_id = self._programme.id if self._programme is not None else None
        try:
            tab.load(self._db, programme_id)
        except PalError as err:
            error_dialog.show_error(self, err)
            return
        self._stale.discard(tab.tab_id)
        self._update_record_actions()
        if tab is self.current_tab():
            self.sig_data_shown.emit()

    def _on_tab_changed(self, index: int) -> None:
        slot = self.tabs.widget(index)
        if slot is None:
            return
        tab = slot.build()
        if self._db is not None and tab.tab_id in self._stale:
            self._load_tab(tab)
        self._update_record_actions()

    def _update_record_actions(self) -> None:
        """Nowy… and Drukuj… answer on every tab: they add or print, or the status bar says why not (a
        disabled action would leave Ctrl+N and Ctrl+P silent)."""
        tab = self.current_tab()
        ready = self._db is not None and tab is not None
        self.new_action.setEnabled(ready)
        self.print_action.setEnabled(ready)

    def _set_database_actions_enabled(self, enabled: bool) -> None:
        for action in (self.settings_action, self.backup_action, self.audit_action, self.restore_action):
            action.setEnabled(enabled)
        self.programme_combo.setEnabled(enabled and bool(self._programmes))

    def _set_status_text(self, label: QLabel, text: str) -> None:
        label.setToolTip(text)
        label.setText(label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, STATUS_TEXT_WIDTH))

    # ---- Programmes
    def programme_label_text(self, programme) -> str:
        return self.tr("{title} ({start}–{end})").format(title=programme.title, start=programme.start.year,
                                                         end=programme.end.year)

    def _fill_programmes(self) -> None:
        self._filling = True
        try:
            self.programme_combo.clear()
            for programme in self._programmes:
                self.programme_combo.addItem(self.programme_label_text(programme), programme.id)
            if not self._programmes:
                self.programme_combo.addItem(self.tr("(brak programów)"))
            elif self._programme is not None:
                self.programme_combo.setCurrentIndex(self.programme_combo.findData(self._programme.id))
            self.programme_combo.setEnabled(bool(self._programmes))
        finally:
            self._filling = False
        self._fill_programme_menu()

    def _fill_programme_menu(self) -> None:
        for action in self.programme_actions.actions():
            self.programme_actions.removeAction(action)
            action.deleteLater()
        self.programme_menu.clear()
        if not self._programmes:
            empty = self.programme_menu.addAction(self.tr("(brak programów)"))
            empty.setEnabled(False)
            return
        for number, programme in enumerate(self._programmes, start=1):
            prefix = f"&{number} " if number < 10 else ""
            action = QAction(prefix + self.programme_label_text(programme).replace("&", "&&"), self)
            action.setCheckable(True)
            action.setChecked(self._programme is not None and programme.id == self._programme.id)
            action.setData(programme.id)
            action.setStatusTip(self.tr("Pracuj na programie: {title}").format(title=programme.title))
            action.triggered.connect(lambda _checked=False, pid=programme.id: self.switch_programme(pid))
            self.programme_actions.addAction(action)
            self.programme_menu.addAction(action)
        self.programme_menu.addSeparator()
        new_programme = self.programme_menu.addAction(self.tr("&Nowy program…"))
        new_programme.setObjectName("newProgrammeAction")
        new_programme.setStatusTip(self.tr("Dodaj program innej gminy albo na kolejne lata"))
        new_programme.setEnabled(self._db is not None)
        new_programme.triggered.connect(self.new_programme)
        streets = self.programme_menu.addAction(self.tr("&Ulice obszaru rewitalizacji…"))
        streets.setObjectName("streetsAction")
        streets.setStatusTip(self.tr("Lista ulic, które podpowiada formularz uczestnika"))
        streets.setEnabled(self._db is not None and self._programme is not None)
        streets.triggered.connect(self.edit_streets)
        add_archive_action(self, self.programme_menu, self._db, self._programme)

    def _show_programme_title(self) -> None:
        if self._programme is None:
            self.setWindowTitle(APP_TITLE)
            self._set_status_text(self.programme_label, self.tr("Program: —"))
            return
        self.setWindowTitle(self.tr("PAL Desktop — {title}").format(title=self._programme.title))
        self._set_status_text(self.programme_label,
                              self.tr("Program: {title}").format(title=self._programme.title))

    def _on_combo_changed(self, index: int) -> None:
        if self._filling or index < 0:
            return
        programme_id = self.programme_combo.itemData(index)
        if programme_id is not None:
            self.switch_programme(programme_id)

    def switch_programme(self, programme_id: int) -> None:
        """Make ``programme_id`` the active programme and show its data in every tab."""
        if self._db is None or (self._programme is not None and self._programme.id == programme_id):
            return
        from pal_desktop.services import programmes as programme_service

        try:
            programme_service.set_active_programme(self._db, programme_id)
        except PalError as err:
            error_dialog.show_error(self, err)
            self._fill_programmes()  # back to the programme that is still active
            return
        self.reload()
        if self._programme is not None:
            self.statusBar().showMessage(self.tr("Wybrano program: {title}").format(title=self._programme.title),
                                         5000)
            self.sig_programme_changed.emit(self._programme.id)

    # ---- Commands
    def new_programme(self) -> None:
        """Add a programme beside the built-in one; when made active, every tab shows it."""
        if self._db is None:
            return
        from pal_desktop.ui.dialogs.programme_dialog import ProgrammeDialog

        dialog = ProgrammeDialog(self._db, self)
        if dialog.exec() and dialog.created_id is not None:
            self.reload()
            self.statusBar().showMessage(self.tr("Dodano program."), 5000)

    def new_record(self) -> None:
        tab = self.current_tab()
        if self._db is not None and not tab.new_record():
            reason = tab.why_no_new() if hasattr(tab, "why_no_new") else ""
            self.statusBar().showMessage(reason or self.tr("Na tej karcie nie dodaje się rekordów."), 8000)

    def print_current(self) -> None:
        tab = self.current_tab()
        if self._db is not None and not tab.print_current():
            reason = tab.why_no_print() if hasattr(tab, "why_no_print") else ""
            self.statusBar().showMessage(reason or self.tr("Na tej karcie nie ma dokumentu do wydrukowania."), 8000)

    def edit_streets(self) -> None:
        """The revitalisation area's streets of the active programme."""
        if self._db is None or self._programme is None:
            return
        from pal_desktop.ui.dialogs.streets_dialog import StreetsDialog

        StreetsDialog(self._db, self._programme.id, self._programme.title, self).exec()

    def focus_search(self) -> None:
        if not self.current_tab().focus_search():
            self.statusBar().showMessage(self.tr("Wyszukiwanie na tej liście pojawi się wkrótce."), 5000)

    def make_backup(self) -> None:
        """Plik → Kopia zapasowa…: a consistent copy of the database where the user chooses."""
        if self._db is not None:
            from pal_desktop.ui import backup_actions

            backup_actions.make_backup(self)

    def restore_backup(self) -> None:
        """Plik → Przywróć z kopii…"""
        from pal_desktop.ui import backup_actions

        backup_actions.restore_from_backup(self)

    def open_settings(self) -> None:
        if self._db is None:
            return
        from pal_desktop.ui.dialogs.settings_dialog import SettingsDialog

        try:
            dialog = SettingsDialog(self._db, self)
        except PalError as err:
            error_dialog.show_error(self, err)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_settings_saved(dialog.database_changed))
        dialog.destroyed.connect(self._forget_settings_dialog)
        self.settings_dialog = dialog
        dialog.open()

    def _forget_settings_dialog(self, *_args) -> None:
        self.settings_dialog = None

    def _on_settings_saved(self, database_changed: bool) -> None:
        if database_changed:
            self.statusBar().showMessage(self.tr("Ustawienia zapisane. Nowa lokalizacja bazy danych zacznie "
                                                 "obowiązywać przy następnym uruchomieniu programu."), 10000)
        else:
            self.statusBar().showMessage(self.tr("Ustawienia zapisane."), 5000)

    def open_audit_log(self) -> None:
        if self._db is not None:
            from pal_desktop.ui.dialogs.audit_dialog import AuditDialog

            dialog = AuditDialog(self._db, parent=self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
