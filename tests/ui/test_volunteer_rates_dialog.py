"""Ustawienia → Stawki według rodzaju pracy…: a rate typed for a task is saved; a bad one is named."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from pal_desktop.services import volunteer_rates
from pal_desktop.services.programmes import active_programme

from .test_settings_dialog import click, open_settings


def test_a_task_gets_its_own_rate_and_a_bad_one_is_named(qtbot, window, app_db):
    dialog = open_settings(qtbot, window)
    assert dialog.rates_button.accessibleName() == "Stawki wolontariatu według rodzaju pracy (zadania programu)"
    click(qtbot, dialog.rates_button)
    rates = dialog.rates_dialog
    qtbot.waitExposed(rates)
    table = rates.table
    labels = [table.item(row, 0).text() for row in range(table.rowCount())]
    row = next(i for i, label in enumerate(labels) if label.startswith("6. "))
    assert all(table.item(i, 1).text() == "" for i in range(table.rowCount()))  # the single rate for all
    assert not table.item(row, 0).flags() & Qt.ItemFlag.ItemIsEditable
    table.item(row, 1).setText("abc")
    click(qtbot, rates.save_button)
    assert rates.isVisible() and rates.error.isVisible()
    assert rates.error.text().startswith(labels[row] + ": „abc” to nie jest liczba")
    table.item(row, 1).setText("0")
    click(qtbot, rates.save_button)
    assert "większa od zera" in rates.error.text() and volunteer_rates.task_rates(app_db) == {}
    table.item(row, 1).setText("47,50")
    click(qtbot, rates.save_button)
    qtbot.waitUntil(lambda: not rates.isVisible())
    task_id = volunteer_rates.list_task_rates(app_db, active_programme(app_db).id)[row].task_id
    assert volunteer_rates.task_rates(app_db) == {task_id: Decimal("47.50")}
