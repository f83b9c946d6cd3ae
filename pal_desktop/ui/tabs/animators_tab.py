"""Animatorzy: the local animators of the active programme, their initiatives and the events they ran.

The list shows each animator's field of action and their summary (initiatives, people reached, events
led); the panel beside it shows the selected animator: contact, the participant record they are linked to,
the initiatives they lead (add, edit, remove) and the events they ran (as the leader or as staff).
Ctrl+N adds an animator; Enter or a double click edits the selected one.

Like every tab, this module imports no service at module level; dialogs and services come when first used.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.dialogs import questions
from pal_desktop.ui.models.row_table_model import Column
from pal_desktop.ui.status_bar import show_status
from pal_desktop.ui.tabs.list_tab import RowsTab, format_count
from pal_desktop.ui.tabs.tab_actions import EnterOpens, build_or_report, keep_open, show_selected
from pal_desktop.ui.widgets.volunteer_panels import SmallTable, current_id, select_id, select_record

INITIATIVE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Tytuł"), 1, width=20, stretch=True, tooltip_field=4),
    Column(QT_TRANSLATE_NOOP("Columns", "Okres"), 2, width=20),
    Column(QT_TRANSLATE_NOOP("Columns", "Osoby"), 3, width=5, numeric=True),
)
EVENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Data"), 1, width=10),
    Column(QT_TRANSLATE_NOOP("Columns", "Wydarzenie"), 2, width=18, stretch=True, tooltip_field=5),
    Column(QT_TRANSLATE_NOOP("Columns", "Rola"), 3, width=10),
    Column(QT_TRANSLATE_NOOP("Columns", "Obecni"), 4, width=6, numeric=True),
)


def _date(value) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


class AnimatorsTab(EnterOpens, RowsTab):
    tab_id = "animators"
    #: Rows: (id, Nazwisko, Imię, Telefon, Obszar działania, Data wyboru, Inicjatywy, Osoby objęte, Wydarzenia,
    #: Uczestnik, Aktywny).
    columns = (
        Column(QT_TRANSLATE_NOOP("Columns", "Nazwisko"), 1, width=13),
        Column(QT_TRANSLATE_NOOP("Columns", "Imię"), 2, width=9),
        Column(QT_TRANSLATE_NOOP("Columns", "Obszar działania"), 4, width=20, stretch=True, tooltip_field=4),
        Column(QT_TRANSLATE_NOOP("Columns", "Data wyboru"), 5, width=9),
        Column(QT_TRANSLATE_NOOP("Columns", "Inicjatywy"), 6, width=4, numeric=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Osoby objęte"), 7, width=4, numeric=True,
               header_tip=QT_TRANSLATE_NOOP("Columns", "Osoby objęte inicjatywami animatora")),
        Column(QT_TRANSLATE_NOOP("Columns", "Wydarzenia"), 8, width=4, numeric=True,
               header_tip=QT_TRANSLATE_NOOP("Columns", "Wydarzenia prowadzone lub współprowadzone")),
        Column(QT_TRANSLATE_NOOP("Columns", "Aktywny"), 10, width=4),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        self._db = None
        self._programme_id: int | None = None
        self.dialog = None
        super().__init__(parent)
        self.search.setPlaceholderText(self.tr("Szukaj: nazwisko, imię, obszar działania…"))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._on_selection())
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.table.installEventFilter(self)
        self._show_animator(None)

    # ---- What the tab says
    def title(self) -> str:
        return self.tr("Animatorzy")

    def list_name(self) -> str:
        return self.tr("Lista animatorów")

    def count_text(self, count: str) -> str:
        return self.tr("Animatorów: {count}").format(count=count)

    def empty_text(self) -> str:
        return self.tr("Brak animatorów w tym programie.")

    # ---- Building
    def build_toolbar(self) -> QWidget:
        bar, row, button = self.toolbar("animatorsToolbar", self.tr("Działania na liście animatorów"))

        self.new_button = button(self.tr("&Nowy animator…"), "newAnimatorButton", self.tr("Dodaj animatora (Ctrl+N)"),
                                 self.new_record)
        self.edit_button = button(self.tr("&Edytuj…"), "editAnimatorButton",
                                  self.tr("Zmień dane zaznaczonego animatora (Enter)"), self.edit_current)
        self.delete_button = button(self.tr("&Usuń"), "deleteAnimatorButton",
                                    self.tr("Usuń zaznaczonego animatora wraz z jego inicjatywami"),
                                    self.delete_current)
        row.addSpacing(16)
        self.new_initiative_button = button(self.tr("Nowa &inicjatywa…"), "newInitiativeButton",
                                            self.tr("Dodaj inicjatywę lokalną zaznaczonego animatora"),
                                            self.add_initiative)
        row.addStretch(1)
        return bar

    def build_side_panel(self) -> QWidget:
        panel = QWidget(self)
        panel.setObjectName("animatorPanel")
        panel.setAccessibleName(self.tr("Zaznaczony animator"))
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 0, 0, 0)
        self.name_label = QLabel(panel)
        self.name_label.setObjectName("animatorName")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.name_label.setFont(font)
        self.details_label = QLabel(panel)
        self.details_label.setObjectName("animatorDetails")
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label = QLabel(panel)
        self.summary_label.setObjectName("animatorSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setStyleSheet("QLabel { background: palette(alternate-base); padding: 6px; }")
        self.details_tabs = QTabWidget(panel)
        self.details_tabs.setObjectName("animatorDetailsTabs")
        self.details_tabs.setAccessibleName(self.tr("Szczegóły animatora"))
        self.initiatives = SmallTable(INITIATIVE_COLUMNS, self.tr("Inicjatywy lokalne animatora"), panel)
        self.initiatives.setObjectName("initiativesPanel")
        self.initiatives.button(self.tr("&Dodaj…"), "addInitiativeButton", self.tr("Dodaj inicjatywę lokalną"),
                                self.add_initiative)
        self.initiatives.button(self.tr("Edytuj…"), "editInitiativeButton", self.tr("Zmień zaznaczoną inicjatywę"),
                                self.edit_initiative, needs_selection=True)
        self.initiatives.button(self.tr("Usuń"), "deleteInitiativeButton", self.tr("Usuń zaznaczoną inicjatywę"),
                                self.delete_initiative, needs_selection=True)
        self.initiatives.add_stretch()
        self.initiatives.table.doubleClicked.connect(lambda _index: self.edit_initiative())
        self.events = SmallTable(EVENT_COLUMNS, self.tr("Wydarzenia prowadzone przez animatora"), panel)
        self.events.setObjectName("eventsPanel")
        self.details_tabs.addTab(self.initiatives, self.tr("Inicjatywy"))
        self.details_tabs.addTab(self.events, self.tr("Wydarzenia"))
        layout.addWidget(self.name_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.details_tabs, 1)
        return panel

    def build_footer(self) -> QWidget:
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("animatorTotals")
        self.totals_label.setAccessibleName(self.tr("Podsumowanie animatorów"))
        return self.totals_label

    # ---- Loading
    def fetch_rows(self, db, programme_id: int | None) -> list[tuple]:
        if programme_id is None:
            return []
        from pal_desktop.services import animators

        return animators.animator_rows(db, programme_id)

    def load(self, db, programme_id: int | None) -> None:
        selected = self.current_animator_id()
        self._db, self._programme_id = db, programme_id
        super().load(db, programme_id)
        rows = self.model.rows()
        self.totals_label.setText(self.tr(
            "Razem: animatorów {count}, inicjatyw {initiatives}, osób objętych {people}, wydarzeń {events}.").format(
            count=format_count(len(rows)), initiatives=format_count(sum(r[6] for r in rows)),
            people=format_count(sum(r[7] for r in rows)), events=format_count(sum(r[8] for r in rows))))
        if (selected is None or not select_id(self.table, selected)) and self.proxy.rowCount():
            self.table.selectRow(0)
        self._on_selection()
        self._update_buttons()

    def reload(self, select: int | None = None) -> None:
        if self._db is None:
            return
        self.load(self._db, self._programme_id)
        if select is not None:
            self.select_animator(select)

    # ---- The selected animator
    def current_animator_id(self) -> int | None:
        return current_id(self.table)

    def select_animator(self, animator_id: int) -> bool:
        found = select_record(self, animator_id)
        self._on_selection()
        return found

    def _on_selection(self) -> None:
        self._update_buttons()
        show_selected(self, self.current_animator_id(), self._show_animator)

    def _show_animator(self, animator_id: int | None) -> None:
        if animator_id is None:
            self.name_label.setText(self.tr("Zaznacz animatora na liście"))
            self.details_label.setText(self.tr("Tu zobaczysz jego dane, inicjatywy i wydarzenia, które prowadził."))
            self.summary_label.hide()
            self.initiatives.set_rows([])
            self.events.set_rows([])
            self.details_tabs.setEnabled(False)
            return
        from pal_desktop.services import animators

        detail = animators.get_animator(self._db, animator_id)
        summary = animators.summary_of(self._db, animator_id)
        self.name_label.setText(detail.name)
        lines = []
        contact = ", ".join(p for p in (detail.phone, detail.email) if p)
        if contact:
            lines.append(self.tr("Kontakt: {contact}").format(contact=contact))
        lines.append(self.tr("Obszar działania: {field}").format(field=detail.field or "—"))
        lines.append(self.tr("Wybrany(-a): {date}").format(date=_date(detail.chosen_date) or "—"))
        lines.append(self.tr("Uczestnik programu: {name}").format(name=detail.participant_name) if detail.participant_name
                     else self.tr("Nie jest powiązany z rekordem uczestnika."))
        if not detail.active:
            lines.append(self.tr("Animator nieaktywny."))
        self.details_label.setText("\n".join(lines))
        self.summary_label.setText(self.tr(
            "Inicjatywy: {initiatives} · osoby objęte: {people} · wydarzenia prowadzone: {led}, współprowadzone: "
            "{helped} · obecnych na wydarzeniach: {present}").format(
            initiatives=summary.initiatives, people=format_count(summary.people_reached), led=summary.events_led,
            helped=summary.events_helped, present=format_count(summary.present_at_events)))
        self.summary_label.show()
        self.details_tabs.setEnabled(True)
        self.initiatives.set_rows([
            (i.id, i.title, " – ".join(p for p in (_date(i.start_date), _date(i.end_date)) if p),
             "" if i.people_reached is None else i.people_reached, i.description)
            for i in animators.initiatives_of(self._db, animator_id)])
        self.events.set_rows([
            (e.id, _date(e.event_date), e.title, e.role, e.present, f"{e.title} — {e.place}" if e.place else e.title)
            for e in animators.events_of(self._db, animator_id)])

    def _update_buttons(self) -> None:
        ready = self._db is not None and self._programme_id is not None
        selected = self.current_animator_id() is not None
        self.new_button.setEnabled(ready)
        for widget in (self.edit_button, self.delete_button, self.new_initiative_button):
            widget.setEnabled(ready and selected)

    # ---- Commands
    def can_add(self) -> bool:
        return self._db is not None and self._programme_id is not None

    def why_no_print(self) -> str:
        return self.tr("Animatorzy nie mają własnego wydruku: ich działania liczy sprawozdanie na karcie Raporty.")

    def new_record(self) -> bool:
        if not self.can_add():
            return False
        self._open_animator_dialog(None)
        return True

    def edit_current(self) -> None:
        animator_id = self.current_animator_id()
        if animator_id is not None:
            self._open_animator_dialog(animator_id)

    def _open_animator_dialog(self, animator_id: int | None) -> None:
        from pal_desktop.ui.dialogs.animator_dialog import AnimatorDialog

        dialog = build_or_report(
            self, lambda: AnimatorDialog(self._db, self._programme_id, animator_id, self.window()))
        if dialog is not None:
            keep_open(self, dialog,
                      on_accepted=lambda d, new=animator_id is None: self._on_animator_saved(d.saved_id, new))

    def _on_animator_saved(self, animator_id: int | None, created: bool) -> None:
        self.reload(select=animator_id)
        show_status(self, self.tr("Dodano animatora.") if created else self.tr("Zapisano zmiany animatora."))

    def delete_current(self) -> None:
        animator_id = self.current_animator_id()
        if animator_id is None:
            return
        from pal_desktop.services import animators

        detail = animators.get_animator(self._db, animator_id)
        if not questions.ask(self, self.tr("Usunąć animatora?"),
                             self.tr("Usunąć animatora {name} wraz z jego inicjatywami?").format(name=detail.name),
                             informative=self.tr("Wydarzenia, które prowadził, zostaną w ewidencji bez wskazania "
                                                 "animatora."), yes=self.tr("Usuń"), no=self.tr("Anuluj")):
            return
        animators.delete_animator(self._db, animator_id)
        self.reload()
        show_status(self, self.tr("Usunięto animatora {name}.").format(name=detail.name))

    # ---- Initiatives
    def add_initiative(self) -> None:
        self._open_initiative_dialog(None)

    def edit_initiative(self) -> None:
        initiative_id = self.initiatives.current_id()
        if initiative_id is not None:
            self._open_initiative_dialog(initiative_id)

    def _open_initiative_dialog(self, initiative_id: int | None) -> None:
        animator_id = self.current_animator_id()
        if animator_id is None:
            return
        from pal_desktop.ui.dialogs.animator_dialog import InitiativeDialog

        dialog = build_or_report(self, lambda: InitiativeDialog(self._db, animator_id, initiative_id,
                                                                self.window(), animator_name=self.name_label.text()))
        if dialog is not None:
            keep_open(self, dialog, on_accepted=lambda d: self._on_initiative_saved(animator_id, d.saved_id))

    def _on_initiative_saved(self, animator_id: int, initiative_id: int | None) -> None:
        self.reload(select=animator_id)
        self.details_tabs.setCurrentWidget(self.initiatives)
        if initiative_id is not None:
            self.initiatives.select(initiative_id)
        show_status(self, self.tr("Zapisano inicjatywę."))

    def delete_initiative(self) -> None:
        initiative_id = self.initiatives.current_id()
        animator_id = self.current_animator_id()
        if initiative_id is None or animator_id is None:
            return
        from pal_desktop.services import animators

        title = animators.get_initiative(self._db, initiative_id).title
        if not questions.ask(self, self.tr("Usunąć inicjatywę?"),
                             self.tr("Usunąć inicjatywę „{title}”?").format(title=title),
                             yes=self.tr("Usuń"), no=self.tr("Anuluj")):
            return
        animators.delete_initiative(self._db, initiative_id)
        self.reload(select=animator_id)
        show_status(self, self.tr("Usunięto inicjatywę „{title}”.").format(title=title))
