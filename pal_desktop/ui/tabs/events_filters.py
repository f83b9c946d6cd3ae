"""The events tab's filter bar: schedule task, event type, dates from/to, leader; and the choices of its lists.

The tab reads the filters into an ``EventQuery`` (``EventsTab.query``) and refreshes the list and the
calendar when they change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from pal_desktop.ui.widgets.date_field import DateField, format_date

if TYPE_CHECKING:
    from pal_desktop.ui.tabs.events_tab import EventsTab


def build_filters(tab: EventsTab) -> QWidget:
    bar = QWidget(tab)
    bar.setObjectName("eventFilters")
    bar.setAccessibleName(QCoreApplication.translate("EventsTab", "Filtry listy wydarzeń"))
    row = QHBoxLayout(bar)
    row.setContentsMargins(0, 0, 0, 0)

    def caption(text: str, buddy: QWidget) -> None:
        label = QLabel(text, bar)
        label.setBuddy(buddy)
        row.addWidget(label)
        row.addWidget(buddy)

    tab.task_filter = QComboBox(bar)
    tab.task_filter.setObjectName("filter_task")
    tab.task_filter.setAccessibleName(QCoreApplication.translate("EventsTab", "Filtr: zadanie z harmonogramu"))
    tab.task_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    tab.task_filter.setMinimumContentsLength(16)
    tab.task_filter.currentIndexChanged.connect(tab._on_filter_changed)
    caption(QCoreApplication.translate("EventsTab", "Zad&anie:"), tab.task_filter)
    tab.type_filter = QComboBox(bar)
    tab.type_filter.setObjectName("filter_type")
    tab.type_filter.setAccessibleName(QCoreApplication.translate("EventsTab", "Filtr: rodzaj wydarzenia"))
    tab.type_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    tab.type_filter.setMinimumContentsLength(12)
    tab.type_filter.currentIndexChanged.connect(tab._on_filter_changed)
    caption(QCoreApplication.translate("EventsTab", "Rod&zaj:"), tab.type_filter)
    tab.from_filter = DateField(bar, placeholder=QCoreApplication.translate("EventsTab", "od początku"))
    tab.from_filter.setObjectName("filter_from")
    tab.from_filter.setAccessibleName(QCoreApplication.translate("EventsTab", "Filtr: data od"))
    tab.from_filter.sig_changed.connect(tab._on_date_filter_changed)
    caption(QCoreApplication.translate("EventsTab", "&Od:"), tab.from_filter)
    tab.to_filter = DateField(bar, placeholder=QCoreApplication.translate("EventsTab", "do końca"))
    tab.to_filter.setObjectName("filter_to")
    tab.to_filter.setAccessibleName(QCoreApplication.translate("EventsTab", "Filtr: data do"))
    tab.to_filter.sig_changed.connect(tab._on_date_filter_changed)
    caption(QCoreApplication.translate("EventsTab", "&Do:"), tab.to_filter)
    tab.leader_filter = QLineEdit(bar)
    tab.leader_filter.setObjectName("filter_leader")
    tab.leader_filter.setAccessibleName(QCoreApplication.translate("EventsTab", "Filtr: prowadzący"))
    tab.leader_filter.setPlaceholderText(QCoreApplication.translate("EventsTab", "nazwisko prowadzącego"))
    tab.leader_filter.setClearButtonEnabled(True)
    tab.leader_filter.setMaximumWidth(180)
    tab.leader_filter.textChanged.connect(lambda _text: tab._search_timer.start())
    caption(QCoreApplication.translate("EventsTab", "&Kto prowadzi:"), tab.leader_filter)
    tab.clear_filters_button = QPushButton(QCoreApplication.translate("EventsTab", "Wyczyść &filtry"), bar)
    tab.clear_filters_button.setObjectName("clearFiltersButton")
    tab.clear_filters_button.setAccessibleName(
        QCoreApplication.translate("EventsTab", "Wyczyść filtry i wyszukiwanie"))
    tab.clear_filters_button.clicked.connect(tab.clear_filters)
    row.addWidget(tab.clear_filters_button)
    row.addStretch(1)
    return bar


def fill_filters(tab: EventsTab) -> None:
    from pal_desktop.services import events, programmes

    task, kind = tab.task_filter.currentData(), tab.type_filter.currentData()
    tab._filling = True
    try:
        tab.task_filter.clear()
        tab.task_filter.addItem(QCoreApplication.translate("EventsTab", "wszystkie"), None)
        for row in programmes.list_tasks(tab._db, tab._programme_id):
            text = f"{row.position}. {row.name}"
            tab.task_filter.addItem(text, row.id)
            tab.task_filter.setItemData(tab.task_filter.count() - 1,
                                        f"{text} ({format_date(row.start)} – {format_date(row.end)})",
                                        Qt.ItemDataRole.ToolTipRole)
        tab.task_filter.setCurrentIndex(max(0, tab.task_filter.findData(task)) if task is not None else 0)
        tab.type_filter.clear()
        tab.type_filter.addItem(QCoreApplication.translate("EventsTab", "wszystkie"), None)
        for option in events.event_types(tab._db, include_inactive=True):
            name = option.name if option.active else QCoreApplication.translate(
                "EventsTab", "{name} (ukryty)").format(name=option.name)
            tab.type_filter.addItem(name, option.id)
        tab.type_filter.setCurrentIndex(max(0, tab.type_filter.findData(kind)) if kind is not None else 0)
        for combo in (tab.task_filter, tab.type_filter):
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
    finally:
        tab._filling = False
