"""Dziennik dostępu: who changed, opened, printed, exported or backed up what, with filters and pages.

Pages of the log are read in the background (it grows by every opened page); "Sprawdź dziennik" checks the
hash chain and says whether any entry was edited, removed or reordered.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.errors import PalError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import audit
from pal_desktop.services.formatting import format_count
from pal_desktop.ui.dialogs import error_dialog
from pal_desktop.ui.latest_query import LatestQueryRunner
from pal_desktop.ui.models.row_table_model import Column, RowTableModel
from pal_desktop.ui.tabs.list_tab import make_table, size_columns
from pal_desktop.ui.widgets.date_field import DateField
from pal_desktop.ui.widgets.form_parts import add_close_button

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Nr"), 1, width=7),
    Column(QT_TRANSLATE_NOOP("Columns", "Data i godzina"), 2, width=17),
    Column(QT_TRANSLATE_NOOP("Columns", "Użytkownik"), 3, width=14),
    Column(QT_TRANSLATE_NOOP("Columns", "Czynność"), 4, width=18),
    Column(QT_TRANSLATE_NOOP("Columns", "Czego dotyczy"), 5, width=20),
    Column(QT_TRANSLATE_NOOP("Columns", "Osoby"), 6, width=12),
    Column(QT_TRANSLATE_NOOP("Columns", "Szczegóły"), 7, width=40, stretch=True, tooltip_field=7),
)


class AuditDialog(QDialog):
    sig_loaded = Signal()
    """A page of the log is on screen."""

    def __init__(self, db, synchronous: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.offset, self.total = 0, 0
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Dziennik dostępu"))
        self.setAccessibleName(self.windowTitle())
        self.setSizeGripEnabled(True)
        self.reader = LatestQueryRunner(self, synchronous=synchronous)

        self.person_field = QLineEdit(self)
        self.person_field.setObjectName("personField")
        self.person_field.setAccessibleName(self.tr("Numer uczestnika"))
        self.person_field.setPlaceholderText(self.tr("wszyscy"))
        self.person_field.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.user_field = QComboBox(self)
        self.user_field.setObjectName("userField")
        self.user_field.setAccessibleName(self.tr("Użytkownik"))
        self.user_field.setEditable(True)
        self.user_field.lineEdit().setPlaceholderText(self.tr("wszyscy"))
        self.action_field = QComboBox(self)
        self.action_field.setObjectName("actionField")
        self.action_field.setAccessibleName(self.tr("Czynność"))
        self.action_field.addItem(self.tr("wszystkie"), None)
        for action, label in audit.ACTION_LABELS.items():
            self.action_field.addItem(QCoreApplication.translate("Audit", label), action)
        self.from_field = DateField(self)
        self.from_field.setAccessibleName(self.tr("Od dnia"))
        self.to_field = DateField(self)
        self.to_field.setAccessibleName(self.tr("Do dnia"))
        self.show_button = QPushButton(self.tr("&Pokaż"), self)
        self.show_button.setObjectName("showButton")
        self.show_button.setAccessibleName(self.tr("Pokaż wpisy spełniające warunki"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.apply_filters)

        form = QFormLayout()
        form.addRow(self.tr("&Uczestnik nr:"), self.person_field)
        form.addRow(self.tr("U&żytkownik:"), self.user_field)
        form.addRow(self.tr("&Czynność:"), self.action_field)
        dates = QHBoxLayout()
        dates.addWidget(self.from_field)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.to_field)
        dates.addStretch(1)
        dates.addWidget(self.show_button)
        form.addRow(self.tr("&Od – do:"), dates)

        self.model = RowTableModel(COLUMNS, self)
        self.table = make_table(self.tr("Wpisy dziennika dostępu"), self)
        self.table.setModel(self.model)
        size_columns(self.table, COLUMNS)

        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageLabel")
        self.page_label.setAccessibleName(self.tr("Które wpisy są widoczne"))
        self.previous_button = QPushButton(self.tr("◀ &Nowsze"), self)
        self.previous_button.setAccessibleName(self.tr("Poprzednia strona: nowsze wpisy"))
        self.previous_button.clicked.connect(lambda: self._go(-audit.PAGE_SIZE))
        self.next_button = QPushButton(self.tr("&Starsze ▶"), self)
        self.next_button.setAccessibleName(self.tr("Następna strona: starsze wpisy"))
        self.next_button.clicked.connect(lambda: self._go(audit.PAGE_SIZE))
        pages = QHBoxLayout()
        pages.addWidget(self.page_label, 1)
        pages.addWidget(self.previous_button)
        pages.addWidget(self.next_button)

        # The verification's result has its own line from the start, so nothing moves when it appears.
        self.verify_label = QLabel(" ", self)
        self.verify_label.setObjectName("verifyLabel")
        self.verify_label.setAccessibleName(self.tr("Wynik sprawdzenia dziennika"))
        self.verify_label.setWordWrap(True)
        self.verify_label.setMinimumHeight(self.verify_label.fontMetrics().lineSpacing() * 2)
        buttons = QDialogButtonBox(self)
        self.verify_button = buttons.addButton(self.tr("Sp&rawdź dziennik"), QDialogButtonBox.ButtonRole.ActionRole)
        self.verify_button.setAccessibleName(self.tr("Sprawdź, czy żadnego wpisu nie zmieniono ani nie usunięto"))
        self.verify_button.setAutoDefault(False)
        self.verify_button.clicked.connect(self.verify)
        add_close_button(buttons, self, self.tr("Zamknij"), self.tr("Zamknij dziennik"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(pages)
        layout.addWidget(self.verify_label)
        layout.addWidget(buttons)
        self.resize(1100, 650)
        self._fill_users()
        self.apply_filters()

    # ---- Filters and pages
    def _fill_users(self) -> None:
        try:
            users = audit.users_in_log(self._db)
        except PalError:
            users = []
        self.user_field.addItem("")
        self.user_field.addItems(users)

    def current_filter(self) -> audit.AuditFilter:
        person = self.person_field.text().strip()
        return audit.AuditFilter(participant_id=int(person) if person else None,
                                 user=self.user_field.currentText().strip() or None,
                                 action=self.action_field.currentData(),
                                 date_from=self.from_field.date(), date_to=self.to_field.date())

    def apply_filters(self) -> None:
        self.offset = 0
        self._load()

    def _go(self, step: int) -> None:
        self.offset = max(0, self.offset + step)
        self._load()

    def _load(self) -> None:
        db, flt, offset = self._db, self.current_filter(), self.offset
        self.reader.submit("audit", lambda: (audit.count_entries(db, flt), audit.list_entries(db, flt, offset=offset)),
                           self._arrived, self._failed)

    def _arrived(self, result) -> None:
        self.total, lines = result
        rows = [(line.id, str(line.id), line.at.strftime("%d.%m.%Y %H:%M:%S"), line.actor,
                 QCoreApplication.translate("Audit", line.action_label),
                 line.what + (f" nr {line.record_id}" if line.record_id is not None else ""),
                 ", ".join(map(str, line.subject_ids)), line.details_text()) for line in lines]
        self.model.set_rows(rows)
        if self.total:
            self.page_label.setText(self.tr("Wpisy {first}–{last} z {total}, od najnowszych").format(
                first=format_count(self.offset + 1), last=format_count(self.offset + len(rows)),
                total=format_count(self.total)))
        else:
            self.page_label.setText(self.tr("Brak wpisów spełniających warunki."))
        self.previous_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.offset + len(rows) < self.total)
        self.sig_loaded.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, PalError):
            error_dialog.show_error(self, error)
        else:  # pragma: no cover - shown by the global handler
            raise error

    # ---- The chain
    def verify(self) -> None:
        """Checked in the background: a year's log of a busy office is hundreds of thousands of entries."""
        db = self._db
        self.verify_label.setText(self.tr("Sprawdzanie dziennika…"))
        self.verify_button.setEnabled(False)
        self.reader.submit("verify", lambda: audit.verify_log(db), self._verified, self._verify_failed)

    def _verify_failed(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.verify_label.setText(" ")
        self._failed(error)

    def _verified(self, result: audit.Verification) -> None:
        self.verify_button.setEnabled(True)
        if result.intact:
            self.verify_label.setText(self.tr(
                "Dziennik nienaruszony: {count} wpisów. Skrót ostatniego wpisu (zapisz go poza programem): {hash}")
                .format(count=format_count(result.entries), hash=result.last_hash))
        else:
            self.verify_label.setText(self.tr("Dziennik NARUSZONY przy wpisie nr {id}: {reason}.").format(
                id=result.broken_id, reason=QCoreApplication.translate("Audit", result.reason_text())))
