"""Wolontariusze: the office's volunteers (not tied to one programme), their agreements and hours, the
documents printed for them, and the warnings that need attention.

The list shows each volunteer's latest agreement end, total hours and warnings; the panel beside it
(``ui/widgets/volunteer_details.py``) shows the selected volunteer: their data, agreements (add, edit,
remove, print to sign), logged hours (add a day or a month of days, edit, remove) and the totals per month
and per task with the value of the work at the hourly rate of the settings. Under the list: checks for work
with children missing or running out, minors without the guardian's consent, agreements ending within 14
days and hours logged outside any agreement. This module holds the tab: its toolbar, list, warnings and
actions.

Like every tab, this module imports no service at module level; dialogs and services come when first used.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMenu, QToolButton, QVBoxLayout, QWidget

from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui import pdf_output
from pal_desktop.ui.dialogs import questions
from pal_desktop.ui.models.row_table_model import Column
from pal_desktop.ui.status_bar import show_status
from pal_desktop.ui.tabs.list_tab import RowsTab
from pal_desktop.ui.tabs.tab_actions import EnterOpens, build_or_report, keep_open, show_selected
from pal_desktop.ui.widgets.volunteer_details import VolunteerDetailsPanel, _date
from pal_desktop.ui.widgets.volunteer_panels import current_id, select_id, select_record

ALERTS_HEIGHT = 96


def shown_row(row: tuple) -> tuple:
    """A service row with its notes and warnings said in the window's language."""
    from pal_desktop.ui.widgets.volunteer_form import notice_text

    notes = "; ".join(QCoreApplication.translate("Volunteers", note) for note in row[7])
    return row[:7] + (notes, "\n".join(notice_text(alert.notice) for alert in row[8]))


class VolunteersTab(EnterOpens, RowsTab):
    tab_id = "volunteers"
    #: Rows: (id, Nazwisko, Imię, Telefon, Praca z dziećmi, Porozumienie do, Godziny łącznie, Uwagi, ostrzeżenia).
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Nazwisko"), 1, width=12),
        Column(QT_TRANSLATE_NOOP("Columns", "Imię"), 2, width=8),
        Column(QT_TRANSLATE_NOOP("Columns", "Telefon"), 3, width=9),
        Column(QT_TRANSLATE_NOOP("Columns", "Z dziećmi"), 4, width=4,
               header_tip=QT_TRANSLATE_NOOP("Columns", "Czy wolontariusz pracuje z dziećmi")),
        Column(QT_TRANSLATE_NOOP("Columns", "Porozumienie do"), 5, width=8),
        Column(QT_TRANSLATE_NOOP("Columns", "Godziny łącznie"), 6, width=3, numeric=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Uwagi"), 7, width=14, stretch=True, tooltip_field=8),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        self._db = None
        self._programme_id: int | None = None
        self._programme_period: tuple[dt.date, dt.date] | None = None
        self._alerts: list = []
        self.dialog = None
        self.last_pdf = None
        super().__init__(parent)
        self.search.setPlaceholderText(self.tr("Szukaj: nazwisko, imię, telefon, uwagi…"))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._on_selection())
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.table.installEventFilter(self)
        self._show_volunteer(None)

    # ---- What the tab says
    def title(self) -> str:
        return self.tr("Wolontariusze")

    def list_name(self) -> str:
        return self.tr("Lista wolontariuszy")

    def count_text(self, count: str) -> str:
        return self.tr("Wolontariuszy: {count}").format(count=count)

    def empty_text(self) -> str:
        return self.tr("Brak wolontariuszy.")

    # ---- Building
    def build_toolbar(self) -> QWidget:
        bar, row, button = self.toolbar("volunteersToolbar", self.tr("Działania na liście wolontariuszy"))

        self.new_button = button(self.tr("&Nowy wolontariusz…"), "newVolunteerButton",
                                 self.tr("Dodaj wolontariusza (Ctrl+N)"), self.new_record)
        self.edit_button = button(self.tr("&Edytuj…"), "editVolunteerButton",
                                  self.tr("Zmień dane zaznaczonego wolontariusza (Enter)"), self.edit_current)
        self.delete_button = button(self.tr("&Usuń"), "deleteVolunteerButton",
                                    self.tr("Usuń zaznaczonego wolontariusza z porozumieniami i godzinami"),
                                    self.delete_current)
        row.addSpacing(12)
        self.agreement_button = button(self.tr("&Porozumienie…"), "newAgreementButton",
                                       self.tr("Zapisz nowe porozumienie z zaznaczonym wolontariuszem"),
                                       self.add_agreement)
        self.hours_button = button(self.tr("&Godziny…"), "addHoursButton",
                                   self.tr("Wpisz godziny pracy zaznaczonego wolontariusza"), self.add_hours)
        self.documents_button = QToolButton(bar)
        self.documents_button.setObjectName("documentsButton")
        self.documents_button.setText(self.tr("&Dokumenty"))
        self.documents_button.setAccessibleName(self.tr("Dokumenty wolontariusza"))
        self.documents_button.setToolTip(self.tr("Porozumienie, karta pracy, zaświadczenie i opinia (Ctrl+P)"))
        self.documents_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.documents_button)
        self.print_agreement_action = menu.addAction(self.tr("Porozumienie do podpisu"), self.print_agreement)
        self.print_agreement_action.setObjectName("printAgreementAction")
        self.print_timesheet_action = menu.addAction(self.tr("Karta pracy za miesiąc…"), self.print_timesheet)
        self.print_timesheet_action.setObjectName("printTimesheetAction")
        self.print_certificate_action = menu.addAction(self.tr("Zaświadczenie o wykonaniu świadczeń"),
                                                       self.print_certificate)
        self.print_certificate_action.setObjectName("printCertificateAction")
        self.print_opinion_action = menu.addAction(self.tr("Opinia o wykonaniu świadczeń…"), self.print_opinion)
        self.print_opinion_action.setObjectName("printOpinionAction")
        self.documents_button.setMenu(menu)
        self.documents_menu = menu
        row.addWidget(self.documents_button)
        row.addStretch(1)
        self.summary_button = button(self.tr("&Zestawienie godzin…"), "hoursSummaryButton",
                                     self.tr("Godziny i wartość pracy wszystkich wolontariuszy w okresie (PDF)"),
                                     self.print_hours_summary)
        self.gala_button = button(self.tr("G&ala…"), "galaButton",
                                  self.tr("Lista wolontariuszy według liczby godzin w okresie, na galę (PDF)"),
                                  self.print_gala)
        self.thanks_button = button(self.tr("Po&dziękowania…"), "thanksButton",
                                    self.tr("Podziękowania dla wolontariuszy z godzinami w okresie, po jednej "
                                            "stronie (PDF)"), self.print_thanks)
        return bar

    def build_side_panel(self) -> QWidget:
        panel = VolunteerDetailsPanel(self, self)
        self.details_panel = panel
        # The panel's parts under the tab's names (its actions use them).
        self.name_label = panel.name_label
        self.details_tabs = panel.details_tabs
        self.details_label = panel.details_label
        self.agreements = panel.agreements
        self.hours = panel.hours
        self.hours_total_label = panel.hours_total_label
        self.month_totals = panel.month_totals
        self.task_totals = panel.task_totals
        self.value_label = panel.value_label
        return panel

    def build_footer(self) -> QWidget:
        box = QWidget(self)
        box.setObjectName("volunteerAlerts")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        self.alerts_label = QLabel(box)
        self.alerts_label.setObjectName("alertsLabel")
        font = self.alerts_label.font()
        font.setBold(True)
        self.alerts_label.setFont(font)
        self.alerts = QListWidget(box)
        self.alerts.setObjectName("alertsList")
        self.alerts.setAccessibleName(self.tr("Ostrzeżenia dotyczące wolontariuszy"))
        self.alerts.setMaximumHeight(ALERTS_HEIGHT)
        self.alerts.setAlternatingRowColors(True)
        self.alerts.itemActivated.connect(self._on_alert_activated)
        self.alerts.itemDoubleClicked.connect(self._on_alert_activated)
        self.alerts_label.setBuddy(self.alerts)
        layout.addWidget(self.alerts_label)
        layout.addWidget(self.alerts)
        return box

    # ---- Loading
    def fetch_rows(self, db, programme_id: int | None) -> list[tuple]:
        from pal_desktop.services import volunteer_alerts

        rows, self._alerts = volunteer_alerts.volunteer_list(db)
        return [shown_row(row) for row in rows]

    def load(self, db, programme_id: int | None) -> None:
        selected = self.current_volunteer_id()
        self._db, self._programme_id = db, programme_id
        self._programme_period = None
        if programme_id is not None:
            from pal_desktop.services import programmes

            for programme in programmes.list_programmes(db):
                if programme.id == programme_id:
                    self._programme_period = (programme.start, programme.end)
        super().load(db, programme_id)
        self._load_alerts()
        if selected is None or not select_id(self.table, selected):
            if self.proxy.rowCount():
                self.table.selectRow(0)
        self._on_selection()

    def _load_alerts(self) -> None:
        from pal_desktop.ui.widgets.volunteer_form import notice_text

        self.alerts.clear()
        for alert in self._alerts:
            item = QListWidgetItem(f"{alert.name}: {notice_text(alert.notice)}")
            item.setData(Qt.ItemDataRole.UserRole, alert.volunteer_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, alert.kind)
            item.setToolTip(self.tr("Dwuklik albo Enter: pokaż wolontariusza na liście"))
            self.alerts.addItem(item)
        count = self.alerts.count()
        self.alerts_label.setText(self.tr("&Ostrzeżenia ({count})").format(count=count) if count
                                  else self.tr("&Ostrzeżenia: brak"))
        self.alerts.setVisible(count > 0)

    def alert_texts(self) -> list[str]:
        return [self.alerts.item(i).text() for i in range(self.alerts.count())]

    def reload(self, select: int | None = None) -> None:
        if self._db is None:
            return
        self.load(self._db, self._programme_id)
        if select is not None:
            self.select_volunteer(select)

    def _on_alert_activated(self, item: QListWidgetItem) -> None:
        volunteer_id = item.data(Qt.ItemDataRole.UserRole)
        if volunteer_id is not None and self.select_volunteer(volunteer_id):
            kind = item.data(Qt.ItemDataRole.UserRole + 1)
            page = {"ending": self.agreements, "outside": self.hours.parentWidget()}.get(kind, self.details_label)
            self.details_tabs.setCurrentWidget(page)
            self.table.setFocus()

    # ---- The selected volunteer
    def current_volunteer_id(self) -> int | None:
        return current_id(self.table)

    def select_volunteer(self, volunteer_id: int) -> bool:
        found = select_record(self, volunteer_id)
        self._on_selection()
        return found

    def _on_selection(self) -> None:
        self._update_buttons()
        show_selected(self, self.current_volunteer_id(), self._show_volunteer)

    def _show_volunteer(self, volunteer_id: int | None) -> None:
        self.details_panel.show_volunteer(self._db, volunteer_id)

    def _update_buttons(self) -> None:
        ready = self._db is not None
        selected = ready and self.current_volunteer_id() is not None
        self.new_button.setEnabled(ready)
        for widget in (self.edit_button, self.delete_button, self.agreement_button, self.hours_button,
                       self.documents_button):
            widget.setEnabled(selected)
        for widget in (self.summary_button, self.gala_button, self.thanks_button):
            widget.setEnabled(ready)
        window = self.window()
        if hasattr(window, "_update_record_actions") and window.isVisible():
            window._update_record_actions()

    # ---- Volunteers
    def can_add(self) -> bool:
        return self._db is not None

    def new_record(self) -> bool:
        if not self.can_add():
            return False
        self._open_volunteer_dialog(None)
        return True

    def edit_current(self) -> None:
        volunteer_id = self.current_volunteer_id()
        if volunteer_id is not None:
            self._open_volunteer_dialog(volunteer_id)

    def _open_volunteer_dialog(self, volunteer_id: int | None) -> None:
        from pal_desktop.ui.dialogs.volunteer_dialog import VolunteerDialog

        dialog = build_or_report(self, lambda: VolunteerDialog(self._db, volunteer_id, self.window()))
        if dialog is not None:
            keep_open(self, dialog,
                      on_accepted=lambda d, new=volunteer_id is None: self._on_volunteer_saved(d, new))

    def _on_volunteer_saved(self, dialog, created: bool) -> None:
        from pal_desktop.ui.widgets.volunteer_form import notice_text

        self.reload(select=dialog.saved_id)
        text = self.tr("Dodano wolontariusza.") if created else self.tr("Zapisano zmiany wolontariusza.")
        warnings = [notice_text(n) for n in dialog.warnings]
        show_status(self, " ".join([text, *warnings]), 12000)

    def delete_current(self) -> None:
        volunteer_id = self.current_volunteer_id()
        if volunteer_id is None:
            return
        from pal_desktop.services import volunteers

        person = volunteers.get_volunteer(self._db, volunteer_id)
        if not questions.ask(self, self.tr("Usunąć wolontariusza?"),
                             self.tr("Usunąć wolontariusza {name} wraz z porozumieniami i godzinami?").format(
                                 name=person.name),
                             informative=self.tr("Usuniętych godzin nie będzie w zestawieniach ani na "
                                                 "zaświadczeniach."), yes=self.tr("Usuń"), no=self.tr("Anuluj")):
            return
        volunteers.delete_volunteer(self._db, volunteer_id)
        self.reload()
        show_status(self, self.tr("Usunięto wolontariusza {name}.").format(name=person.name))

    # ---- Agreements
    def add_agreement(self) -> None:
        self._open_agreement_dialog(None)

    def edit_agreement(self) -> None:
        agreement_id = self.agreements.current_id()
        if agreement_id is not None:
            self._open_agreement_dialog(agreement_id)

    def _open_agreement_dialog(self, agreement_id: int | None) -> None:
        volunteer_id = self.current_volunteer_id()
        if volunteer_id is None:
            return
        from pal_desktop.ui.dialogs.agreement_dialog import AgreementDialog

        dialog = build_or_report(self, lambda: AgreementDialog(self._db, volunteer_id, agreement_id,
                                                               self._programme_id, self.window()))
        if dialog is not None:
            keep_open(self, dialog, on_accepted=lambda d: self._on_agreement_saved(volunteer_id, d))

    def _on_agreement_saved(self, volunteer_id: int, dialog) -> None:
        self.reload(select=volunteer_id)
        self.details_tabs.setCurrentWidget(self.agreements)
        self.agreements.select(dialog.saved_id)
        text = self.tr("Zapisano porozumienie nr {number}.").format(number=dialog.saved_number)
        show_status(self, " ".join([text, *dialog.warning_texts()]), 12000)
        if dialog.print_after.isChecked():
            db, saved_id = self._db, dialog.saved_id
            self._print_pdf(lambda: self._reports().agreement_pdf(db, saved_id), f"porozumienie-{dialog.saved_number}")

    def delete_agreement(self) -> None:
        agreement_id = self.agreements.current_id()
        volunteer_id = self.current_volunteer_id()
        if agreement_id is None or volunteer_id is None:
            return
        from pal_desktop.domain import volunteering
        from pal_desktop.services import volunteer_agreements

        agreement = volunteer_agreements.get_agreement(self._db, agreement_id)
        informative = ""
        if agreement.hours:
            informative = self.tr("Wpisane w tym okresie godziny ({hours}) zostaną w ewidencji jako godziny poza "
                                  "porozumieniem.").format(hours=volunteering.hours_text(agreement.hours))
        if not questions.ask(self, self.tr("Usunąć porozumienie?"),
                             self.tr("Usunąć porozumienie nr {number}?").format(number=agreement.number),
                             informative=informative, yes=self.tr("Usuń"), no=self.tr("Anuluj")):
            return
        volunteer_agreements.delete_agreement(self._db, agreement_id)
        self.reload(select=volunteer_id)
        show_status(self, self.tr("Usunięto porozumienie nr {number}.").format(number=agreement.number))

    # ---- Hours
    def add_hours(self) -> None:
        self._open_hours_dialog(None)

    def edit_hours(self) -> None:
        hours_id = self.hours.current_id()
        if hours_id is not None:
            self._open_hours_dialog(hours_id)

    def _open_hours_dialog(self, hours_id: int | None) -> None:
        volunteer_id = self.current_volunteer_id()
        if volunteer_id is None:
            return
        from pal_desktop.services import volunteer_agreements, volunteer_hours
        from pal_desktop.ui.dialogs.hours_dialog import HoursDialog

        start = None
        if hours_id is None:
            logged = volunteer_hours.hours_of(self._db, volunteer_id)
            agreements = volunteer_agreements.agreements_of(self._db, volunteer_id)
            if logged:
                start = logged[-1].work_date + dt.timedelta(days=1)
            elif agreements:
                start = agreements[-1].start_date
            if start is not None and start > dt.date.today():
                start = dt.date.today()
        dialog = build_or_report(self, lambda: HoursDialog(self._db, volunteer_id, self._programme_id, hours_id,
                                                           self.window(), start_date=start))
        if dialog is not None:
            keep_open(self, dialog, on_accepted=lambda d: self._on_hours_saved(volunteer_id, d))

    def _on_hours_saved(self, volunteer_id: int, dialog) -> None:
        from pal_desktop.domain import volunteering

        self.reload(select=volunteer_id)
        self.details_tabs.setCurrentWidget(self.hours.parentWidget())
        count = len(dialog.saved_ids) or 1
        show_status(self, self.tr("Zapisano godziny: {count} wpis(y), razem {hours} godz.").format(
            count=count, hours=volunteering.hours_text(dialog.saved_hours)))

    def delete_hours(self) -> None:
        hours_id = self.hours.current_id()
        volunteer_id = self.current_volunteer_id()
        if hours_id is None or volunteer_id is None:
            return
        from pal_desktop.domain import volunteering
        from pal_desktop.services import volunteer_hours

        entry = volunteer_hours.get_hours(self._db, hours_id)
        if not questions.ask(self, self.tr("Usunąć wpis godzin?"),
                             self.tr("Usunąć {hours} godz. z dnia {date}?").format(
                                 hours=volunteering.hours_text(entry.hours), date=_date(entry.work_date)),
                             yes=self.tr("Usuń"), no=self.tr("Anuluj")):
            return
        volunteer_hours.delete_hours(self._db, hours_id)
        self.reload(select=volunteer_id)

    # ---- Documents
    @staticmethod
    def _reports():
        from pal_desktop.services import volunteer_reports

        return volunteer_reports

    def _print_pdf(self, make, name: str) -> bool:
        """Make the PDF on the operations runner, save it under "wydruki" and open it; errors are shown there."""
        from pal_desktop.ui.operations import runner_for

        reports, db = self._reports(), self._db
        title = self.tr("Wydruk: {name}").format(name=name)

        def work(progress):
            return pdf_output.save_printout(make(), reports.printout_name(name))

        runner_for(self, db).submit(title, work, lambda path: self._on_printed(path, title))
        return True

    def _on_printed(self, path, title: str) -> None:
        pdf_output.present(self, path, title, db=self._db)
        self._on_shown(path)

    def _on_shown(self, path) -> None:
        self.last_pdf = path
        show_status(self, self.tr("Wydruk zapisano w {path}.").format(path=path))

    def _person_name(self) -> str:
        return self.name_label.text() if self.current_volunteer_id() is not None else ""

    def can_print(self) -> bool:
        return self._db is not None and self.current_volunteer_id() is not None

    def print_current(self) -> bool:
        if not self.can_print():
            show_status(self, self.tr("Zaznacz wolontariusza, którego dokument chcesz wydrukować."))
            return True
        self.documents_menu.popup(self.documents_button.mapToGlobal(self.documents_button.rect().bottomLeft()))
        return True

    def print_agreement(self) -> None:
        volunteer_id = self.current_volunteer_id()
        if volunteer_id is None:
            return
        agreement_id = self.agreements.current_id()
        if agreement_id is None:
            rows = self.agreements.model.rows()
            if not rows:
                show_status(self, self.tr("Wolontariusz nie ma jeszcze porozumienia — zapisz je przyciskiem "
                                          "„Porozumienie…”."))
                return
            agreement_id = rows[-1][0]
        number = next((r[1] for r in self.agreements.model.rows() if r[0] == agreement_id), "")
        db = self._db
        self._print_pdf(lambda: self._reports().agreement_pdf(db, agreement_id), f"porozumienie-{number}")

    def print_timesheet(self) -> None:
        volunteer_id = self.current_volunteer_id()
        if volunteer_id is None:
            return
        from pal_desktop.ui.dialogs.volunteer_documents_dialog import MonthDialog

        name = self._person_name()

        db = self._db

        def make(year: int, month: int) -> None:
            self._print_pdf(lambda: self._reports().timesheet_pdf(db, volunteer_id, year, month),
                            f"karta-pracy-{year}-{month:02d}-{name}")

        dialog = build_or_report(
            self, lambda: MonthDialog(self._db, volunteer_id, self.window(), print_document=make))
        if dialog is not None:
            keep_open(self, dialog)

    def print_certificate(self) -> None:
        volunteer_id = self.current_volunteer_id()
        if volunteer_id is not None:
            db = self._db
            self._print_pdf(lambda: self._reports().certificate_pdf(db, volunteer_id),
                            f"zaswiadczenie-{self._person_name()}")

    def print_opinion(self) -> None:
        volunteer_id = self.current_volunteer_id()
        if volunteer_id is None:
            return
        from pal_desktop.ui.dialogs.volunteer_documents_dialog import OpinionDialog

        name = self._person_name()

        db = self._db

        def make(text: str) -> None:
            # The text is checked here, so that the dialog shows a missing assessment at its field.
            text = self._reports().check_opinion_text(text)
            self._print_pdf(lambda: self._reports().opinion_pdf(db, volunteer_id, text), f"opinia-{name}")

        dialog = build_or_report(
            self, lambda: OpinionDialog(self._db, volunteer_id, self.window(), print_document=make))
        if dialog is not None:
            keep_open(self, dialog)

    def _period_dialog(self, title: str, action: str, target: str, name: str) -> None:
        """A document over a period for every volunteer (up to 500 letters): made in the worker process."""
        from pal_desktop.ui.dialogs.volunteer_documents_dialog import PeriodDialog
        from pal_desktop.worker_process import ProcessCall

        def print_document(start: dt.date, end: dt.date) -> None:
            file_name = self._reports().printout_name(f"{name}-{start:%Y-%m-%d}-{end:%Y-%m-%d}")
            pdf_output.print_heavy(self, self.tr("Wydruk: {name}").format(name=name),
                                   ProcessCall(f"pal_desktop.services.volunteer_reports:{target}", self._db,
                                               (start, end)), file_name, on_shown=self._on_shown)

        dialog = PeriodDialog(title, action, self.window(), programme_period=self._programme_period,
                              print_document=print_document)
        keep_open(self, dialog)

    def print_hours_summary(self) -> None:
        self._period_dialog(self.tr("Zestawienie godzin wolontariuszy"), self.tr("&Drukuj zestawienie"),
                            "hours_summary_pdf", "zestawienie-godzin")

    def print_gala(self) -> None:
        self._period_dialog(self.tr("Gala wolontariatu — lista według godzin"), self.tr("&Drukuj listę"),
                            "gala_pdf", "gala-wolontariatu")

    def print_thanks(self) -> None:
        self._period_dialog(self.tr("Podziękowania dla wolontariuszy"), self.tr("&Drukuj podziękowania"),
                            "thanks_pdf", "podziekowania")
