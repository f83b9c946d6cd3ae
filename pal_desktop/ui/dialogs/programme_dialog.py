"""Nowy program: an office adds its own programme (another municipality, later years) beside the built-in one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.domain.efs_dictionaries import FundingPeriod
from pal_desktop.errors import PalError
from pal_desktop.ui.dialogs import error_dialog
from pal_desktop.ui.widgets.form_parts import ButtonText, error_label, save_cancel_buttons

ERROR_STYLE = "color: #b00020;"


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ProgrammeDialog(QDialog):
    """Title, period and the programme document's main facts; the service validates and saves."""

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("Nowy program"))
        self.setAccessibleName(self.tr("Nowy program aktywności lokalnej"))
        self.setModal(True)
        self.fields: dict[str, QWidget] = {}

        form = QFormLayout()
        self.title_edit = self._line("title", self.tr("&Tytuł programu:"), self.tr("Tytuł programu"),
                                     form, self.tr("np. Program Aktywności Lokalnej dla Gminy … na lata 2023-2024"))
        self.subtitle_edit = self._line("subtitle", self.tr("&Podtytuł:"), self.tr("Podtytuł"), form)
        self.start_edit = self._date("start", self.tr("&Początek:"), self.tr("Początek programu"), form,
                                     QDate(dt.date.today().year + 1, 1, 1))
        self.end_edit = self._date("end", self.tr("&Koniec:"), self.tr("Koniec programu"), form,
                                   QDate(dt.date.today().year + 2, 12, 31))
        self.municipality_edit = self._line("municipality", self.tr("&Gmina:"), self.tr("Gmina"), form)
        self.organisation_edit = self._line("organisation", self.tr("&Realizator:"), self.tr("Realizator"), form,
                                            self.tr("np. Gminny Ośrodek Pomocy Społecznej w …"))
        self.number_edit = self._line("project_number", self.tr("&Numer projektu:"), self.tr("Numer projektu"),
                                      form)
        self.funding_edit = self._line("funding_line", self.tr("Ź&ródło finansowania:"),
                                       self.tr("Źródło finansowania"), form,
                                       self.tr("np. FEŚL 2021-2027, Działanie …"))
        # The period chooses the participant data set (SL2014 or SM EFS) and the questions the form asks.
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("field_funding_period")
        self.period_combo.setAccessibleName(self.tr("Perspektywa finansowa"))
        self.period_combo.addItem(self.tr("— bez środków UE —"), None)
        for period in FundingPeriod:
            self.period_combo.addItem(QCoreApplication.translate("Enums", period.label), period)
        period_label = QLabel(self.tr("&Perspektywa finansowa:"), self)
        period_label.setBuddy(self.period_combo)
        form.addRow(period_label, self.period_combo)
        self.fields["funding_period"] = self.period_combo
        self.goal_edit = QPlainTextEdit(self)
        self.goal_edit.setAccessibleName(self.tr("Cel główny"))
        self.goal_edit.setTabChangesFocus(True)
        self.goal_edit.setFixedHeight(70)
        goal_label = QLabel(self.tr("Cel &główny:"), self)
        goal_label.setBuddy(self.goal_edit)
        form.addRow(goal_label, self.goal_edit)
        self.activate_box = QCheckBox(self.tr("&Ustaw jako aktywny program"), self)
        self.activate_box.setChecked(True)
        self.activate_box.setAccessibleName(self.tr("Ustaw jako aktywny program"))
        form.addRow("", self.activate_box)

        self.error_label = error_label(self, "error", self.tr("Błąd"), style=ERROR_STYLE)

        buttons, self.save_button, _cancel, _ = save_cancel_buttons(
            self, ButtonText(self.tr("&Zapisz"), self.tr("Zapisz program")),
            ButtonText(self.tr("Anuluj"), self.tr("Anuluj")))

        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Harmonogram, wskaźniki i obszar rewitalizacji uzupełnisz po utworzeniu programu."),
                      self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(620, 0)

    def _line(self, field: str, label_text: str, name: str, form: QFormLayout, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"field_{field}")
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(self._clear_error)
        label = QLabel(label_text, self)
        label.setBuddy(edit)
        form.addRow(label, edit)
        self.fields[field] = edit
        return edit

    def _date(self, field: str, label_text: str, name: str, form: QFormLayout, value: QDate) -> QDateEdit:
        edit = QDateEdit(value, self)
        edit.setObjectName(f"field_{field}")
        edit.setAccessibleName(name)
        edit.setDisplayFormat("dd.MM.yyyy")
        edit.setCalendarPopup(True)
        edit.dateChanged.connect(self._clear_error)
        label = QLabel(label_text, self)
        label.setBuddy(edit)
        form.addRow(label, edit)
        self.fields[field] = edit
        return edit

    def _clear_error(self, *_args) -> None:
        self.error_label.hide()
        for widget in self.fields.values():
            widget.setStyleSheet("")

    def save(self) -> None:
        from pal_desktop.services import programmes

        data = programmes.ProgrammeInput(
            title=self.title_edit.text(), subtitle=self.subtitle_edit.text(),
            start=_to_date(self.start_edit.date()), end=_to_date(self.end_edit.date()),
            municipality=self.municipality_edit.text(), organisation=self.organisation_edit.text(),
            funding_line=self.funding_edit.text(), main_goal=self.goal_edit.toPlainText(),
            project_number=self.number_edit.text(), funding_period=self.period_combo.currentData())
        try:
            self.created_id = programmes.create_programme(self.db, data, make_active=self.activate_box.isChecked())
        except PalError as error:
            self.error_label.setText(error_dialog.error_text(error))
            self.error_label.show()
            widget = self.fields.get(error.field or "")
            if widget is not None:
                widget.setStyleSheet("border: 1px solid #b00020;")
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.accept()
