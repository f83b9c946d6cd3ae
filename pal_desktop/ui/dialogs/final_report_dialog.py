"""Raport końcowy: the staff write the assessment of each goal and result, the conclusions and the
recommendations beside the figures they assess, save them, print the report (kept as a version) and print a
kept version again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.errors import PalError
from pal_desktop.ui import pdf_output
from pal_desktop.ui.dialogs import error_dialog
from pal_desktop.worker_process import ProcessCall

FINAL_REPORT = "pal_desktop.services.final_report:print_final_report"
REPRINT = "pal_desktop.services.final_report:reprint_final_report"


class FinalReportDialog(QDialog):
    """Figures on the left, the staff's text on the right, one row per goal and result; then the conclusions
    and recommendations, the small-numbers box, the printed versions and the buttons."""

    def __init__(self, db, programme_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from pal_desktop.services import final_report, report_drafts

        self.setObjectName("finalReportDialog")
        title = self.tr("Raport końcowy — ocena i wydruk")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._db, self._programme_id = db, programme_id
        self.last_printout = None
        data = final_report.final_report_data(db, programme_id)
        draft = report_drafts.get_draft(db, programme_id)
        self._base_version = draft.version
        self.editors: dict[str, QPlainTextEdit] = {}

        content = QWidget(self)
        column = QVBoxLayout(content)
        for section in ([data.main_goal] if data.main_goal else []) + data.goals:
            figures = "\n".join(f"• {i.name}: {i.value}" + (f" / {i.target}" if i.target != "—" else "")
                                + (f" ({i.percent})" if i.percent else "") for i in section.indicators)
            column.addWidget(self._row(section.heading, section.text, figures or self.tr("Brak wskaźników."),
                                       section.key, draft.texts.get(section.key, "")))
        for section in data.results:
            column.addWidget(self._row(self.tr("Rezultat"), section.name,
                                       "\n".join(f"• {line}" for line in section.evidence)
                                       or self.tr("Brak wskaźników potwierdzających."),
                                       section.key, draft.texts.get(section.key, "")))
        for key, text in (("conclusions", self.tr("&Wnioski:")), ("recommendations", self.tr("&Rekomendacje:"))):
            label = QLabel(text, content)
            editor = self._editor(key, draft.texts.get(key, ""), content)
            editor.setAccessibleName(text.replace("&", "").rstrip(":"))
            label.setBuddy(editor)
            column.addWidget(label)
            column.addWidget(editor)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        self.suppress_box = QCheckBox(self.tr("&Ukryj liczby 1 i 2 osób („<3”) — raport wychodzi poza ośrodek"), self)
        self.suppress_box.setChecked(True)
        self.suppress_box.setAccessibleName(self.tr("Ukryj małe liczby osób"))
        self.suppress_box.setToolTip(self.tr("Bez zaznaczenia: wydruk do użytku wewnętrznego, zapisany w dzienniku "
                                             "dostępu"))
        versions_box = QGroupBox(self.tr("Wydrukowane wersje"), self)
        self.versions = QListWidget(versions_box)
        self.versions.setObjectName("reportVersions")
        self.versions.setAccessibleName(self.tr("Wydrukowane wersje raportu"))
        self.versions.setFixedHeight(self.fontMetrics().height() * 4 + 8)
        self.reprint_button = QPushButton(self.tr("Drukuj &ponownie wybraną wersję"), versions_box)
        self.reprint_button.setAccessibleName(self.tr("Drukuj ponownie wybraną wersję"))
        self.reprint_button.clicked.connect(self.reprint)
        versions_layout = QHBoxLayout(versions_box)
        versions_layout.addWidget(self.versions, 1)
        versions_layout.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignTop)

        self.save_button = QPushButton(self.tr("&Zapisz"), self)
        self.save_button.setAccessibleName(self.tr("Zapisz teksty raportu"))
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("&Drukuj raport"), self)
        self.print_button.setAccessibleName(self.tr("Zapisz i drukuj raport końcowy"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_report)
        self.close_button = QPushButton(self.tr("Zam&knij"), self)
        self.close_button.setAccessibleName(self.tr("Zamknij"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.save_button, self.print_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.suppress_box)
        layout.addWidget(versions_box)
        layout.addLayout(buttons)
        self.resize(980, 720)
        self.load_versions()

    def _editor(self, key: str, text: str, parent: QWidget) -> QPlainTextEdit:
        editor = QPlainTextEdit(parent)
        editor.setObjectName(f"narrative_{key.replace(':', '_')}")
        editor.setTabChangesFocus(True)  # Tab goes on to the next text, as in every form
        editor.setPlainText(text)
        editor.setMinimumHeight(self.fontMetrics().height() * 5)
        editor.setMaximumHeight(self.fontMetrics().height() * 9)
        self.editors[key] = editor
        return editor

    def _row(self, heading: str, text: str, figures: str, key: str, assessment: str) -> QGroupBox:
        box = QGroupBox(heading, self)
        row = QHBoxLayout(box)
        left = QLabel(f"{text}\n\n{figures}", box)
        left.setWordWrap(True)
        left.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        left.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        editor = self._editor(key, assessment, box)
        editor.setAccessibleName(self.tr("Ocena realizacji: {what}").format(what=heading))
        editor.setPlaceholderText(self.tr("Ocena realizacji — co osiągnięto, na podstawie czego"))
        row.addWidget(left, 1)
        row.addWidget(editor, 1)
        return box

    def texts(self) -> dict[str, str]:
        return {key: editor.toPlainText() for key, editor in self.editors.items()}

    def save(self) -> bool:
        """Save the texts; refused (and said why) when someone else saved them meanwhile."""
        from pal_desktop.services import report_drafts

        try:
            self._base_version = report_drafts.save_draft(self._db, self._programme_id, self.texts(),
                                                          self._base_version)
        except PalError as error:
            error_dialog.show_error(self, error)
            return False
        return True

    def print_report(self) -> None:
        """Save, then print in the background; the printed report becomes the next version."""
        if not self.save():
            return
        call = ProcessCall(FINAL_REPORT, self._db, (self._programme_id,),
                           {"suppress": self.suppress_box.isChecked()})
        pdf_output.print_heavy(self, self.tr("Raport końcowy"), call, self.tr("raport-koncowy"),
                               on_shown=self._on_printed)

    def reprint(self) -> None:
        item = self.versions.currentItem()
        if item is None:
            return
        number = item.data(Qt.ItemDataRole.UserRole)
        call = ProcessCall(REPRINT, self._db, (number, self._programme_id))
        pdf_output.print_heavy(self, self.tr("Raport końcowy"),
                               call, self.tr("raport-koncowy-wersja-{number}").format(number=number),
                               on_shown=self._on_printed)

    def _on_printed(self, path) -> None:
        self.last_printout = path
        self.load_versions()

    def load_versions(self) -> None:
        from pal_desktop.services import final_report
        from pal_desktop.services.formatting import format_date

        self.versions.clear()
        for version in final_report.list_versions(self._db, self._programme_id):
            local = version.printed_at.astimezone()
            text = self.tr("Wersja {number} — {date} {time}, {who}").format(
                number=version.number, date=format_date(local.date()), time=f"{local:%H:%M}",
                who=version.printed_by)
            if not version.suppressed:
                text += self.tr(" (małe liczby pokazane)")
            item = QListWidgetItem(text, self.versions)
            item.setData(Qt.ItemDataRole.UserRole, version.number)
        if self.versions.count():
            self.versions.setCurrentRow(0)
        self.reprint_button.setEnabled(self.versions.count() > 0)
