"""Program → Archiwizacja i anonimizacja…: the archiving deadline, and anonymising after it.

The deadline is the coordinator's; anonymising is the administrator's, only after the deadline, confirmed
twice (a warning, then the word ANONIMIZUJ typed), and run on the operations runner since it rewrites the
whole database file.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import PalError
from pal_desktop.services import anonymisation
from pal_desktop.services.access_control import may
from pal_desktop.ui.dialogs import error_dialog

CONFIRM_WORD = "ANONIMIZUJ"



def confirm_warning(parent: QWidget, state) -> bool:
    """The first confirmation: what goes, what stays (tests replace this function)."""
    title = QCoreApplication.translate("ArchiveDialog", "Anonimizacja uczestników")
    box = QMessageBox(QMessageBox.Icon.Warning, title, QCoreApplication.translate(
        "ArchiveDialog", "Anonimizacja {count} uczestników programu „{title}” jest NIEODWRACALNA.\n\n"
        "Znikną: imiona, nazwiska, PESEL, numery dokumentów, adresy, telefony, e-maile, uwagi, numery decyzji "
        "i umów, nazwy gospodarstw domowych i członków rodzin oraz skany podpisanych list.\n"
        "Zostaną: płeć, wiek w chwili przystąpienia, wykształcenie, niepełnosprawność, daty, statusy, obecności "
        "i kwoty, więc sprawozdania pokażą te same liczby.\n\n"
        "Kopie zapasowe sprzed anonimizacji nadal zawierają dane. Kontynuować?").format(
        count=state.participants, title=state.title),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAccessibleName(QCoreApplication.translate("ArchiveDialog", "Ostrzeżenie przed anonimizacją"))
    return box.exec() == QMessageBox.StandardButton.Yes


def confirm_word(parent: QWidget) -> bool:
    """The second confirmation: the word typed by hand (tests replace this function)."""
    from pal_desktop.ui.dialogs.questions import typed_word

    return typed_word(parent, QCoreApplication.translate("ArchiveDialog", "Potwierdź anonimizację"), CONFIRM_WORD)


class ArchiveDialog(QDialog):
    def __init__(self, db, programme_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.programme_id = programme_id
        self.result_value: anonymisation.AnonymisationResult | None = None
        self.setWindowTitle(self.tr("Archiwizacja i anonimizacja"))
        self.setAccessibleName(self.tr("Archiwizacja i anonimizacja danych programu"))
        self.setMinimumWidth(560)

        form = QFormLayout()
        self.programme_label = QLabel(self)
        self.programme_label.setWordWrap(True)
        form.addRow(self.tr("Program:"), self.programme_label)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("archiveStatus")
        self.status_label.setWordWrap(True)
        form.addRow(self.tr("Stan:"), self.status_label)

        deadline_row = QHBoxLayout()
        self.deadline_box = QCheckBox(self.tr("&ustalony:"), self)
        self.deadline_box.setAccessibleName(self.tr("Termin archiwizacji ustalony"))
        self.deadline_edit = QDateEdit(self)
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("dd.MM.yyyy")
        self.deadline_edit.setAccessibleName(self.tr("Termin archiwizacji"))
        self.deadline_box.toggled.connect(self.deadline_edit.setEnabled)
        self.save_deadline_button = QPushButton(self.tr("&Zapisz termin"), self)
        self.save_deadline_button.setAccessibleName(self.tr("Zapisz termin archiwizacji"))
        self.save_deadline_button.clicked.connect(self.save_deadline)
        deadline_row.addWidget(self.deadline_box)
        deadline_row.addWidget(self.deadline_edit)
        deadline_row.addWidget(self.save_deadline_button)
        deadline_row.addStretch(1)
        deadline_label = QLabel(self.tr("Termin archiwizacji:"), self)
        deadline_label.setToolTip(self.tr("Do tego dnia umowa o dofinansowanie każe przechowywać dokumentację "
                                          "projektu (zwykle kilka lat po jego zakończeniu)."))
        form.addRow(deadline_label, deadline_row)

        self.reason_edit = QLineEdit(self.tr("upływ okresu archiwizacji"), self)
        self.reason_edit.setAccessibleName(self.tr("Powód anonimizacji"))
        reason_label = QLabel(self.tr("&Powód:"), self)
        reason_label.setBuddy(self.reason_edit)
        form.addRow(reason_label, self.reason_edit)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("archiveMessage")
        self.message_label.setWordWrap(True)
        # Room for two lines from the start, so that a message never pushes the buttons down.
        self.message_label.setMinimumHeight(2 * self.fontMetrics().lineSpacing() + 4)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.anonymise_button = buttons.addButton(self.tr("&Anonimizuj uczestników…"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.anonymise_button.setAccessibleName(self.tr("Anonimizuj uczestników programu"))
        self.anonymise_button.clicked.connect(self.anonymise)
        self.scrub_button = buttons.addButton(self.tr("&Dokończ czyszczenie pliku"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.scrub_button.setAccessibleName(self.tr("Dokończ nadpisywanie starych stron pliku bazy"))
        self.scrub_button.clicked.connect(self.finish_scrub)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        state = self.state = anonymisation.archive_state(self.db, self.programme_id)
        self.programme_label.setText(self.tr("{title} (do {end})").format(
            title=state.title, end=state.end.strftime("%d.%m.%Y")))
        if state.anonymised_at is not None:
            status = self.tr("uczestników zanonimizowano {when}").format(
                when=state.anonymised_at.astimezone().strftime("%d.%m.%Y"))
        elif state.archive_until is None:
            status = self.tr("termin archiwizacji nie jest ustalony; uczestników w bazie: {count}").format(
                count=state.participants)
        else:
            status = self.tr("dane przechowywane do {deadline}; uczestników w bazie: {count}").format(
                deadline=state.archive_until.strftime("%d.%m.%Y"), count=state.participants)
        self.status_label.setText(status)
        shown = state.archive_until or dt.date(state.end.year + 5, 12, 31)
        self.deadline_edit.setDate(QDate(shown.year, shown.month, shown.day))
        self.deadline_box.setChecked(state.archive_until is not None)
        self.deadline_edit.setEnabled(state.archive_until is not None)
        may_set = may(Permission.PROGRAMME) and state.anonymised_at is None
        for widget in (self.deadline_box, self.save_deadline_button):
            widget.setEnabled(may_set)
            widget.setToolTip("" if may_set else self.tr("Termin ustala koordynator albo administrator."))
        self.deadline_edit.setEnabled(may_set and state.archive_until is not None)
        self._gate_anonymise(state)
        pending = may(Permission.ANONYMISE) and anonymisation.scrub_pending(self.db)
        # Kept in the layout while hidden, so that the other buttons never move.
        policy = self.scrub_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.scrub_button.setSizePolicy(policy)
        self.scrub_button.setVisible(pending)

    def _gate_anonymise(self, state) -> None:
        today = dt.date.today()
        if not may(Permission.ANONYMISE):
            why = self.tr("Anonimizację wykonuje administrator.")
        elif state.anonymised_at is not None:
            why = self.tr("Uczestników tego programu już zanonimizowano.")
        elif state.archive_until is None:
            why = self.tr("Najpierw ustal termin archiwizacji.")
        elif not state.may_anonymise_on(today):
            why = self.tr("Dane trzeba przechowywać do {deadline}.").format(
                deadline=state.archive_until.strftime("%d.%m.%Y"))
        else:
            why = ""
        self.anonymise_button.setEnabled(not why)
        self.anonymise_button.setToolTip(why)

    def _chosen_deadline(self) -> dt.date | None:
        if not self.deadline_box.isChecked():
            return None
        value = self.deadline_edit.date()
        return dt.date(value.year(), value.month(), value.day())

    def save_deadline(self) -> None:
        try:
            anonymisation.set_archive_deadline(self.db, self.programme_id, self._chosen_deadline(),
                                               expected_version=self.state.version)
        except PalError as error:
            self.message_label.setText(error_dialog.error_text(error))
            return
        self.refresh()
        self.message_label.setText(self.tr("Zapisano termin archiwizacji."))

    def anonymise(self) -> None:
        state = self.state
        if not confirm_warning(self, state) or not confirm_word(self):
            self.message_label.setText(self.tr("Anonimizację anulowano; nic nie zmieniono."))
            return
        from pal_desktop.ui.operations import runner_for

        db, programme_id, reason = self.db, self.programme_id, self.reason_edit.text()
        self.anonymise_button.setEnabled(False)
        runner_for(self, db).submit(
            self.tr("Anonimizacja uczestników"),
            lambda progress: anonymisation.anonymise_programme(db, programme_id, reason, progress=progress),
            self._done, on_error=self._failed, modal=True)

    def finish_scrub(self) -> None:
        from pal_desktop.ui.operations import runner_for

        db = self.db

        def done(finished: bool) -> None:
            self.refresh()
            self.message_label.setText(self.tr("Plik bazy nadpisano; usunięte dane nie zostały w nim.") if finished
                                       else self.tr("Baza jest nadal otwarta w innym programie; zamknij go i "
                                                    "spróbuj ponownie."))

        runner_for(self, db).submit(self.tr("Czyszczenie pliku bazy"),
                                    lambda _progress: anonymisation.finish_scrub(db), done,
                                    on_error=self._failed, cancellable=False, modal=True)

    def _done(self, result) -> None:
        self.result_value = result
        self.refresh()
        text = self.tr("Zanonimizowano osoby: {people}; zamaskowane wpisy dziennika: {entries}; usunięte skany "
                       "list: {scans}.").format(people=result.people, entries=result.redacted_entries,
                                                scans=result.scans_cleared)
        if not result.scrubbed:
            text += " " + self.tr("Baza była otwarta w innym programie, więc stare strony pliku mogą jeszcze "
                                  "zawierać usunięte dane: zamknij program na pozostałych komputerach i naciśnij "
                                  "„Dokończ czyszczenie pliku”.")
        self.message_label.setText(text)

    def _failed(self, error: BaseException) -> None:
        self.refresh()
        if isinstance(error, PalError):
            self.message_label.setText(error_dialog.error_text(error))
        else:
            raise error


__all__ = ["ArchiveDialog", "confirm_warning", "confirm_word", "CONFIRM_WORD"]
