"""Raporty as a dashboard on the hand-counted programme (tests/report_data.py): the figures for two periods,
recomputed off the UI thread with a placeholder meanwhile, and the records behind a figure."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.report_data import build


def _structure(tab) -> dict[str, list[str]]:
    panel = tab.structure
    figures = {}
    for index in range(panel.topLevelItemCount()):
        item = panel.topLevelItem(index)
        figures[item.text(0)] = [item.text(column) for column in range(1, 5)]
        for child in range(item.childCount()):
            sub = item.child(child)
            figures[sub.text(0)] = [sub.text(column) for column in range(1, 5)]
    return figures


def _row(tab, name: str) -> tuple:
    return next(row for row in tab.model.rows() if row[2] == name)


def _double_click(qtbot, view, index) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_dashboard_for_two_periods_and_the_records_behind_a_figure(qtbot, app_db, make_window, shown_errors):
    from tests.ui.typing import replace_text

    build(app_db)
    window = make_window(app_db)
    window.select_tab("reports")
    tab = window.tab("reports")
    assert tab._stack.currentWidget() is tab.empty_label and tab.empty_label.text() == "Wczytywanie danych…"
    qtbot.waitUntil(lambda: not tab.busy_reading() and tab.model.rowCount() > 0, timeout=10000)
    assert tab.period_chooser.range_label.text() == "01.01.2021 – 31.12.2022"
    figures = _structure(tab)
    assert figures["Objęci wsparciem"] == ["8", "3", "1", "12"]
    assert figures["Zakończyli udział w okresie"] == ["4", "3", "0", "7"]
    assert figures["Zgodnie ze ścieżką"] == ["2", "2", "0", "4"]
    assert figures["brak danych"] == ["1", "0", "0", "1"]
    assert figures["Gospodarstwa domowe objęte"][3] == "0"
    workshops = _row(tab, "zorganizowanie zajęć edukacyjno-kulturalnych")
    assert workshops[5:8] == ("8", "2", "25 %")
    assert _row(tab, "usługi wolontariatu")[5:8] == ("40", "14,5", "36 %")
    assert len(tab.chart.months) == 24 and sum(m.held for m in tab.chart.months) == 3

    # Any dates: the first half of 2021, recomputed in the background.
    tab.period_chooser.set_choice("custom")
    assert tab.period_chooser.apply_button.isVisible()
    replace_text(qtbot, tab.period_chooser.date_from.edit, "01.01.2021")
    replace_text(qtbot, tab.period_chooser.date_to.edit, "30.06.2021")
    qtbot.mouseClick(tab.period_chooser.apply_button, Qt.MouseButton.LeftButton)
    assert tab._stack.currentWidget() is tab.empty_label and tab.structure.topLevelItemCount() == 0
    qtbot.waitUntil(lambda: not tab.busy_reading() and tab.model.rowCount() > 0, timeout=10000)
    assert tab._stack.currentWidget() is tab.table
    figures = _structure(tab)
    assert figures["Objęci wsparciem"] == ["4", "2", "1", "7"]
    assert figures["Zakończyli udział w okresie"] == ["1", "2", "0", "3"]
    assert _row(tab, "zorganizowanie zajęć edukacyjno-kulturalnych")[5:8] == ("8", "1", "12 %")  # 12,5 rounded half-even by indicators._percent
    assert _row(tab, "usługi wolontariatu")[6] == "8,5"
    assert [m.month.month for m in tab.chart.months] == [1, 2, 3, 4, 5, 6]

    # The women covered in that half: double-click the K cell, Enter opens the first one's page.
    panel = tab.structure
    item = panel.findItems("Objęci wsparciem", Qt.MatchFlag.MatchExactly, 0)[0]
    _double_click(qtbot, panel, panel.indexFromItem(item, 1))
    qtbot.waitUntil(lambda: getattr(tab, "drill_down", None) is not None)
    dialog = tab.drill_down
    qtbot.waitExposed(dialog)
    assert dialog.names() == ["Ręczna Osoba1", "Ręczna Osoba2", "Ręczna Osoba3", "Ręczna Osoba4"]
    participants = window.tab("participants")
    opened = []
    participants.open_participant = lambda pid, parent=None: opened.append(pid)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert len(opened) == 1
    from pal_desktop.domain.enums import Sex
    from pal_desktop.services import dashboard

    women = dashboard.people_behind(app_db, tab._programme_id, tab.dashboard.start, tab.dashboard.end, "covered",
                                    Sex.FEMALE)
    assert opened == [women[1].id]  # Ręczna Osoba2, the row under the first
    dialog.close()
    qtbot.waitUntil(lambda: tab.drill_down is None)

    # The events behind the workshops' value.
    row = next(i for i, r in enumerate(tab.model.rows()) if r[2] == "zorganizowanie zajęć edukacyjno-kulturalnych")
    _double_click(qtbot, tab.table, tab.proxy.mapFromSource(tab.model.index(row, 5)))
    qtbot.waitUntil(lambda: getattr(tab, "drill_down", None) is not None)
    assert tab.drill_down.names() == ["10.03.2021"]
    assert getattr(tab, "dialog", None) is None  # the target dialog did not open
    tab.drill_down.close()
    assert shown_errors == []
