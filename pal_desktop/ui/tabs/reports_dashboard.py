"""The Raporty tab's dashboard: the period, the recompute off the UI thread (newest request wins), the
participants' structure and the activity chart under the indicators, and the drill-down lists."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QWidget

from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.ui.widgets.dashboard_chart import ActivityChart
from pal_desktop.ui.widgets.dashboard_structure import StructurePanel

PEOPLE_HEADERS = (QT_TRANSLATE_NOOP("Columns", "Nazwisko i imię"), QT_TRANSLATE_NOOP("Columns", "Data urodzenia"),
                  QT_TRANSLATE_NOOP("Columns", "Przystąpienie"), QT_TRANSLATE_NOOP("Columns", "Zakończenie"))
EVENT_HEADERS = (QT_TRANSLATE_NOOP("Columns", "Data"), QT_TRANSLATE_NOOP("Columns", "Tytuł"),
                 QT_TRANSLATE_NOOP("Columns", "Rodzaj"), QT_TRANSLATE_NOOP("Columns", "Status"))
HOURS_HEADERS = (QT_TRANSLATE_NOOP("Columns", "Data"), QT_TRANSLATE_NOOP("Columns", "Wolontariusz"),
                 QT_TRANSLATE_NOOP("Columns", "Godziny"))


def _headers(texts) -> tuple[str, ...]:
    return tuple(QCoreApplication.translate("Columns", text) for text in texts)


#: The indicators' columns whose double-click opens the records behind the value (others edit the target).
VALUE_COLUMNS = (5, 6)


def build_panels(tab) -> QWidget:
    panels = QWidget(tab)
    panels.setObjectName("dashboardPanels")
    panels.setAccessibleName(QCoreApplication.translate("ReportsTab", "Struktura uczestników i aktywność"))
    tab.structure = StructurePanel(panels)
    tab.structure.sig_open.connect(lambda figure, sex, detail: open_people(tab, figure, sex, detail))
    tab.chart = ActivityChart(panels)
    row = QHBoxLayout(panels)
    row.setContentsMargins(0, 4, 0, 0)
    row.addWidget(tab.structure, 2)
    row.addWidget(tab.chart, 3)
    panels.setMaximumHeight(tab.fontMetrics().height() * 17)
    return panels


def recompute(tab) -> None:
    """Read the dashboard for the chosen period in the background; the placeholder shows meanwhile."""
    from pal_desktop.ui.latest_query import LatestQueryRunner, is_in_memory

    db, programme_id = tab._db, tab._programme_id
    if programme_id is None:
        tab.dashboard = None
        tab.set_rows([])
        tab.structure.clear()
        tab.chart.set_months(())
        return
    choice = tab.period_chooser.choice()
    start, end = tab.period_chooser.dates() if choice == "custom" else (None, None)

    def run():
        from pal_desktop.services import dashboard

        return dashboard.dashboard(db, programme_id, dashboard.PeriodChoice(choice), start, end)

    synchronous = is_in_memory(db)
    if getattr(tab, "reader", None) is None or tab.reader.synchronous != synchronous:
        tab.reader = LatestQueryRunner(tab, synchronous=synchronous)
    tab.show_loading()
    tab.structure.clear()
    tab.chart.set_months(())
    tab._rows_pending = True
    tab.reader.submit("rows", run, lambda figures: show(tab, figures), tab._rows_failed)


def indicator_rows(figures) -> list[tuple]:
    """(id, Lp., Wskaźnik, Rodzaj, Jednostka, Wartość docelowa, Osiągnięto, %, percent, measure)."""
    from pal_desktop.services.indicators import number_text, percent_text

    return [(i.id, i.position, i.name, i.kind, i.unit, number_text(i.target), number_text(i.value),
             percent_text(i.percent), i.percent, i.measure) for i in figures.indicators]


def show(tab, figures) -> None:
    from pal_desktop.domain.enums import Sex

    tab.dashboard = figures
    tab.period_chooser.show_range(figures.start, figures.end)
    tab.structure.show_structure(figures.structure, Sex)
    tab.chart.set_months(figures.months)
    tab.set_rows(indicator_rows(figures))


def _period(tab):
    return tab.dashboard.start, tab.dashboard.end


def open_people(tab, figure: str, sex, detail) -> None:
    from pal_desktop.services import dashboard
    from pal_desktop.ui.widgets.date_field import format_date

    if getattr(tab, "dashboard", None) is None:
        return
    people = dashboard.people_behind(tab._db, tab._programme_id, *_period(tab), figure, sex, detail)
    rows = [(p.id, p.name, format_date(p.birth_date), format_date(p.start_date), format_date(p.end_date))
            for p in people]
    headers = _headers(PEOPLE_HEADERS)
    participants = tab.window().tab("participants") if hasattr(tab.window(), "tab") else None
    on_open = (lambda pid: participants.open_participant(pid)) if participants is not None else None
    _show(tab, QCoreApplication.translate("ReportsTab", "Osoby ujęte w liczbie"), headers, rows, on_open)


def open_indicator(tab, row: tuple) -> bool:
    """The records behind an indicator's value: its events, or the volunteers' hours; False if none apply."""
    from pal_desktop.services import dashboard
    from pal_desktop.ui.widgets.date_field import format_date

    measure = row[9] if len(row) > 9 else ""
    if getattr(tab, "dashboard", None) is None or not measure:
        return False
    if measure.startswith("events:"):
        events = dashboard.events_behind(tab._db, tab._programme_id, *_period(tab), measure)
        rows = [(e.id, format_date(e.event_date), e.title, e.event_type,
                 QCoreApplication.translate("Enums", e.status.label)) for e in events]
        headers = _headers(EVENT_HEADERS)
        events_tab = tab.window().tab("events") if hasattr(tab.window(), "tab") else None
        on_open = None
        if events_tab is not None:
            from pal_desktop.ui.tabs.events_actions import open_event_dialog

            def on_open(event_id: int) -> None:
                open_event_dialog(events_tab, event_id, None)
        _show(tab, QCoreApplication.translate("ReportsTab", "Wydarzenia ujęte we wskaźniku"), headers, rows, on_open)
        return True
    if measure == "volunteer_hours":
        from pal_desktop.services.indicators import number_text

        hours = dashboard.hours_behind(tab._db, tab._programme_id, *_period(tab))
        rows = [(None, format_date(h.work_date), h.volunteer, number_text(h.hours)) for h in hours]
        headers = _headers(HOURS_HEADERS)
        title = QCoreApplication.translate("ReportsTab", "Godziny wolontariuszy ujęte we wskaźniku")
        _show(tab, title, headers, rows, None)
        return True
    return False


def _show(tab, title, headers, rows, on_open) -> None:
    from pal_desktop.ui.dialogs.drill_down_dialog import DrillDownDialog
    from pal_desktop.ui.tabs.tab_actions import keep_open

    dialog = DrillDownDialog(title, headers, rows, tab.window(), on_open=on_open)
    keep_open(tab, dialog, attribute="drill_down")
