"""The main window as a user sees it: tabs, lists, counts, the programme switcher, menus and status bar."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont

from pal_desktop.ui.main_window import MainWindow

from .typing import type_text

TITLES = ["Uczestnicy", "Animatorzy", "Wolontariusze", "Harmonogram", "Wydarzenia", "Raporty"]


def click_tab(qtbot, window: MainWindow, title: str):
    bar = window.tabs.tabBar()
    index = [window.tabs.tabText(i) for i in range(window.tabs.count())].index(title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index
    tab = window.current_tab()
    qtbot.waitUntil(lambda: not tab.busy_reading())  # as a user waits for "Wczytywanie danych…" to go
    return tab


def visible_cells(tab) -> list[list[str]]:
    model = tab.table.model()
    def text(row: int, column: int) -> str:
        value = model.index(row, column).data()
        return "" if value is None else str(value)

    return [[text(row, column) for column in range(model.columnCount())] for row in range(model.rowCount())]


def headers(tab) -> list[str]:
    model = tab.table.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_the_six_tabs_in_order(window):
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TITLES
    assert window.windowTitle() == "PAL Desktop — Program Aktywności Lokalnej dla Gminy Kłobuck na lata 2021-2022"


def test_harmonogram_lists_the_eleven_tasks_with_dates(qtbot, window, shown_errors):
    tab = click_tab(qtbot, window, "Harmonogram")
    cells = visible_cells(tab)
    assert len(cells) == 11
    assert headers(tab) == ["Lp.", "Zadanie", "Od", "Do", "Postęp"]  # Postęp: events held / planned
    assert cells[0] == ["1", "działania organizacyjne", "01.01.2021", "31.03.2021", "—"]
    assert tab.count_label.text() == "Zadań: 11"
    assert tab.table.isVisible() and not tab.empty_label.isVisible()
    # The last task is the milestone: marked and in bold.
    assert cells[10][1] == "◆ zakończenie programu"
    font = tab.table.model().index(10, 1).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert tab.table.model().index(0, 1).data(Qt.ItemDataRole.FontRole) is None
    assert shown_errors == []


def test_participants_count_and_first_page(qtbot, demo_window):
    tab = demo_window.current_tab()
    assert demo_window.tabs.tabText(demo_window.tabs.currentIndex()) == "Uczestnicy"
    assert tab.count_label.text() == "Uczestników: 300"
    assert headers(tab) == ["Nazwisko i imię", "PESEL", "Data urodzenia", "Płeć", "Adres", "Status",
                            "Data rozpoczęcia"]
    model = tab.table.model()
    assert model.rowCount() == 200  # the first page only
    first = visible_cells(tab)[0]
    assert first[0] and first[3] in ("kobieta", "mężczyzna")
    assert "•" in first[1] or first[1] == "brak PESEL"  # PESEL masked on the list
    # Scrolling to the end reads the next page.
    tab.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 300)
    assert not model.canFetchMore()


def test_participant_search_field_is_ready(demo_window):
    tab = demo_window.current_tab()
    assert tab.search.isEnabled()
    assert tab.search.placeholderText() == "Szukaj: nazwisko, imię, PESEL lub ulica (Ctrl+F)"


def test_empty_lists_say_so(qtbot, window):
    expectations = {
        "Uczestnicy": ("Brak uczestników w tym programie. Dodaj pierwszą osobę: Ctrl+N.", "Uczestników: 0"),
        "Animatorzy": ("Brak animatorów w tym programie.", "Animatorów: 0"),
        "Wolontariusze": ("Brak wolontariuszy.", "Wolontariuszy: 0"),
        "Wydarzenia": ("Brak wydarzeń w tym programie.", "Wydarzeń: 0"),
    }
    for title, (message, count) in expectations.items():
        tab = click_tab(qtbot, window, title)
        assert tab.empty_label.isVisible(), title
        assert not tab.table.isVisible(), title
        assert tab.empty_label.text() == message
        assert tab.count_label.text() == count


def test_every_tab_with_demo_data_shows_rows(qtbot, demo_window, shown_errors):
    expected_headers = {
        "Animatorzy": "Obszar działania", "Wolontariusze": "Godziny łącznie", "Wydarzenia": "Zapisani",
        "Raporty": "Wskaźnik",
    }
    for title, header in expected_headers.items():
        tab = click_tab(qtbot, demo_window, title)
        assert tab.table.isVisible(), title
        assert tab.table.model().rowCount() > 0, title
        assert header in headers(tab)
    reports = click_tab(qtbot, demo_window, "Raporty")
    kinds = {row[2] for row in visible_cells(reports)}
    assert kinds == {"produkt", "rezultat"}
    assert "usługi wolontariatu" in [row[1] for row in visible_cells(reports)]
    assert shown_errors == []


def test_search_filters_a_short_list_with_or_without_polish_letters(qtbot, demo_window):
    tab = click_tab(qtbot, demo_window, "Wolontariusze")
    total = tab.model.rowCount()
    surnames = [row[1] for row in tab.model.rows()]
    target = next((s for s in surnames if any(ch in s for ch in "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")), surnames[0])
    plain = target.translate(str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")).lower()
    type_text(qtbot, tab.search, plain)
    shown = [row[0] for row in visible_cells(tab)]
    assert target in shown
    assert all(plain in name.lower().translate(str.maketrans("ąćęłńóśźż", "acelnoszz")) for name in shown)
    assert tab.count_label.text() == f"Wolontariuszy: {len(shown)} z {total}"
    # Typed with the Polish letters it finds the same people.
    tab.search.clear()
    type_text(qtbot, tab.search, target)
    assert target in [row[0] for row in visible_cells(tab)]
    # Nothing found: a message instead of an empty table; Escape clears the search.
    tab.search.clear()
    type_text(qtbot, tab.search, "zzzż qqq")
    assert tab.empty_label.isVisible()
    assert tab.empty_label.text() == "Nic nie znaleziono dla „zzzż qqq”."
    qtbot.keyClick(tab.search, Qt.Key.Key_Escape)
    assert tab.search.text() == ""
    assert tab.table.model().rowCount() == total


def test_ctrl_f_goes_to_the_search_field(qtbot, demo_window):
    click_tab(qtbot, demo_window, "Harmonogram")
    demo_window.search_action.trigger()
    assert demo_window.current_tab().search.hasFocus()
    click_tab(qtbot, demo_window, "Uczestnicy")
    demo_window.search_action.trigger()
    assert demo_window.current_tab().search.hasFocus()
    assert demo_window.search_action.shortcut().toString() == "Ctrl+F"


def test_menus_and_shortcuts(window):
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Plik", "&Edycja", "&Widok", "P&rogram", "Kon&to", "Pomo&c"]
    shortcuts = {
        window.settings_action: "Ctrl+,", window.quit_action: "Ctrl+Q", window.new_action: "Ctrl+N",
        window.search_action: "Ctrl+F", window.print_action: "Ctrl+P", window.save_action: "Ctrl+S",
        window.help_action: "F1",
    }
    for action, keys in shortcuts.items():
        assert action.shortcut().toString() == keys, action.text()
    # On the participant list: Nowy… adds a participant, Drukuj… prints the selected one's card.
    assert window.new_action.isEnabled() and window.print_action.isEnabled()
    assert not window.save_action.isEnabled()  # saving happens in the forms (their own Ctrl+S)
    for action in (window.print_action, window.save_action, window.new_action):
        assert action.statusTip()
    assert window.settings_action.isEnabled()
    assert [a.shortcut().toString() for a in window.tab_actions] == [f"Ctrl+{i}" for i in range(1, 7)]


def test_view_menu_switches_tabs(qtbot, window):
    window.tab_actions[3].trigger()
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Harmonogram"
    tab = window.current_tab()
    qtbot.waitUntil(lambda: not tab.busy_reading())  # the schedule is read off the UI thread
    assert tab.table.model().rowCount() == 11


def test_status_bar_names_database_and_programme(window, app_db):
    assert window.database_label.toolTip() == f"Baza: {app_db.location}"
    assert window.programme_label.toolTip() == \
        "Program: Program Aktywności Lokalnej dla Gminy Kłobuck na lata 2021-2022"


def test_switching_the_programme_reloads_title_and_tabs(qtbot, make_window, demo_app_db, shown_errors):
    from pal_desktop.services import programmes

    new_id = programmes.create_programme(demo_app_db, programmes.ProgrammeInput(
        title="PAL Zielona Dolina", start=dt.date(2023, 1, 1), end=dt.date(2024, 12, 31)))
    window = make_window(demo_app_db)
    combo = window.programme_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Program Aktywności Lokalnej dla Gminy Kłobuck na lata 2021-2022 (2021–2022)",
        "PAL Zielona Dolina (2023–2024)"]
    assert combo.currentIndex() == 0
    combo.setFocus()
    with qtbot.waitSignal(window.sig_programme_changed, timeout=2000) as blocker:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert blocker.args == [new_id]
    assert window.windowTitle() == "PAL Desktop — PAL Zielona Dolina"
    assert window.programme_label.toolTip() == "Program: PAL Zielona Dolina"
    assert programmes.active_programme(demo_app_db).id == new_id
    participants = window.tab("participants")
    assert participants.count_label.text() == "Uczestników: 0"
    assert participants.empty_label.isVisible()
    checked = [a.text() for a in window.programme_actions.actions() if a.isChecked()]
    assert checked == ["&2 PAL Zielona Dolina (2023–2024)"]
    # And back through the Program menu.
    first = window.programme_actions.actions()[0]
    first.trigger()
    assert window.windowTitle().endswith("Kłobuck na lata 2021-2022")
    assert participants.count_label.text() == "Uczestników: 300"
    assert shown_errors == []


def test_widgets_have_accessible_names(window):
    from PySide6.QtWidgets import QComboBox, QLineEdit, QTableView, QTabWidget

    for cls in (QTableView, QLineEdit, QComboBox, QTabWidget):
        for widget in window.findChildren(cls):
            if widget.objectName().startswith("qt_"):  # Qt's own parts (e.g. the combo's line edit)
                continue
            assert widget.accessibleName(), f"{cls.__name__} {widget.objectName()}"


def test_help_dialog_opens(qtbot, window):
    from pal_desktop.ui.dialogs.help_dialog import HelpDialog

    window.help_action.trigger()
    dialog = window.findChild(HelpDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    from PySide6.QtWidgets import QTextBrowser

    texts = [browser.toPlainText() for browser in dialog.findChildren(QTextBrowser)]
    assert any("Skróty klawiszowe" in text for text in texts)
    # F1 opens the user guide, pictures included.
    assert "Rejestracja uczestnika" in dialog.guide.toPlainText()
    contents = [dialog.contents.item(r).text().strip() for r in range(dialog.contents.count())]
    assert contents[:2] == ["1. Pierwsze uruchomienie", "2. Codzienna praca"] and "6. Skróty klawiszowe" in contents
    # The pictures fit the guide's width, framed, however narrow the window (never wider than the view).
    widths = dialog.guide.picture_widths()
    assert len(widths) == 5 and all(0 < w <= dialog.guide.viewport().width() for w in widths)
    dialog.resize(700, 600)
    qtbot.waitUntil(lambda: max(dialog.guide.picture_widths()) <= dialog.guide.viewport().width())
    # The table of contents opens a chapter, as F1 does.
    row = contents.index("6. Skróty klawiszowe")
    dialog.contents.setCurrentRow(row)
    dialog.contents.itemActivated.emit(dialog.contents.item(row))
    assert dialog.chapter == "6. Skróty klawiszowe"
    # Every shortcut of the window is in the guide.
    guide_text = dialog.guide.toPlainText()
    shortcuts = {a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()}
    assert {"Ctrl+S", "Ctrl+P", "Ctrl+N", "Ctrl+L", "F1"} <= shortcuts
    tab_keys = {f"Ctrl+{n}" for n in range(1, 7)}  # one line: "Ctrl+1 … Ctrl+6"
    assert sorted(key for key in shortcuts - tab_keys if key not in guide_text) == []
    dialog.reject()


@pytest.mark.parametrize("name, tab_id", [
    ("Uczestnicy", "participants"), ("uczestnicy", "participants"), ("HARMONOGRAM", "schedule"),
    ("Wolontariusze", "volunteers"), ("wydarzenia", "events"), ("raporty", "reports"), ("animators", "animators"),
    ("schedule", "schedule"),
])
def test_tab_names_accepted_for_screenshots(name, tab_id):
    from pal_desktop.ui.main_window import resolve_tab

    assert resolve_tab(name) == tab_id


def test_an_unknown_tab_name_is_refused_in_polish():
    from pal_desktop.errors import ValidationError
    from pal_desktop.ui.main_window import resolve_tab

    with pytest.raises(ValidationError) as caught:
        resolve_tab("Kalendarz")
    assert caught.value.field == "tab"
    assert str(caught.value) == ("Nie ma zakładki „Kalendarz”. Dostępne zakładki: Uczestnicy, Animatorzy, "
                                 "Wolontariusze, Harmonogram, Wydarzenia, Raporty.")
