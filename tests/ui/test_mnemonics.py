"""Alt and a letter reach one control: no two controls a person sees at once share an underlined letter."""

from __future__ import annotations

import collections
import datetime as dt
import re

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar, QWidget

from pal_desktop.services import households
from pal_desktop.services import participants as registry
from pal_desktop.services.demo import pesel_for

MARK = re.compile(r"&([^&\s])")


def clashes(window: QWidget) -> dict[str, list[str]]:
    """Underlined letters used by more than one visible control of ``window`` (case-insensitive)."""
    found: dict[str, list[str]] = collections.defaultdict(list)

    def add(text: str, what: str) -> None:
        match = MARK.search(text or "")
        if match:
            found[match.group(1).casefold()].append(f"{what}: {text}")

    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.isEnabled() and not isinstance(button.parent(), QTabBar):
            add(button.text(), "button")
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            add(label.text(), "label")
    for box in window.findChildren(QGroupBox):
        if box.isVisible() and box.isCheckable():
            add(box.title(), "group")
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            for index in range(bar.count()):
                add(bar.tabText(index), "tab")
    for bar in window.findChildren(QMenuBar):
        if bar.isVisible():
            for action in bar.actions():
                add(action.text(), "menu")
    return {letter: uses for letter, uses in found.items() if len(uses) > 1}


def test_every_tab_of_the_participant_page_has_its_own_letters(qtbot, make_window, app_db):
    person = registry.create_participant(app_db, registry.ParticipantInput(
        first_name="Joanna", last_name="Wójcik", pesel=pesel_for(dt.date(1988, 4, 4), 1, True))).id
    households.household_from_participant(app_db, person)
    page = make_window(app_db).tab("participants").open_participant(person)
    qtbot.waitExposed(page)
    for title in page.tab_titles():
        page.show_tab(title)
        qtbot.wait(10)
        assert clashes(page) == {}, title


def test_every_tab_of_the_main_window_has_its_own_letters(qtbot, make_window, app_db):
    window = make_window(app_db)
    for tab_id in window.tab_ids():
        window.select_tab(tab_id)
        qtbot.wait(10)
        assert clashes(window) == {}, tab_id


def test_the_participant_form_and_the_event_dialog_have_their_own_letters(qtbot, make_window, app_db):
    window = make_window(app_db)
    tab = window.tab("participants")
    tab.new_record()
    qtbot.waitExposed(tab.form)
    assert clashes(tab.form) == {}
    tab.form.reject()
    window.select_tab("events")
    events = window.current_tab()
    events.new_record()
    qtbot.waitUntil(lambda: events.event_dialog is not None and events.event_dialog.isVisible())
    assert clashes(events.event_dialog) == {}
    events.event_dialog.reject()
