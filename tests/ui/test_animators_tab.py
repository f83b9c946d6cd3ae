"""Animatorzy: registering an animator linked to a participant by typing, initiatives, events run, summaries,
and refusals shown beside their fields."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from pal_desktop.domain.enums import ParticipantStatus
from pal_desktop.services import animators as service
from pal_desktop.services import events, participants
from pal_desktop.services.demo import pesel_for
from pal_desktop.ui.dialogs import questions

from .typing import replace_text, type_text


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_tab(qtbot, window):
    window.select_tab("animators")
    tab = window.tab("animators")
    qtbot.waitUntil(lambda: tab.new_button.isEnabled())
    return tab


def open_dialog(qtbot, tab, button):
    click(qtbot, button)
    dialog = tab.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_register_a_linked_animator_and_their_initiatives(qtbot, window, app_db, monkeypatch, shown_errors):
    person = participants.create_participant(app_db, participants.ParticipantInput(
        first_name="Łucja", last_name="Źdźbło", pesel=pesel_for(dt.date(1975, 2, 3), 7, True), phone="600 100 200",
        street_name="ul. Śląska", status=ParticipantStatus.ACTIVE, declaration_date=dt.date(2021, 1, 4),
        data_protection_date=dt.date(2021, 1, 4), start_date=dt.date(2021, 1, 4))).id
    tab = open_tab(qtbot, window)
    assert tab.count_label.text() == "Animatorów: 0"

    dialog = open_dialog(qtbot, tab, tab.new_button)
    type_text(qtbot, dialog.participant_search, "zdzb")
    qtbot.waitUntil(lambda: dialog.participant_combo.count() == 2)
    assert dialog.participant_combo.itemText(1).startswith("Źdźbło Łucja")
    dialog.choose_participant(person)
    assert (dialog.first_name.text(), dialog.last_name.text(), dialog.phone.text()) == ("Łucja", "Źdźbło",
                                                                                        "600 100 200")
    assert dialog.field_edit.text() == "ul. Śląska"
    type_text(qtbot, dialog.chosen_date.edit, "31.02.2021")
    click(qtbot, dialog.save_button)
    assert "nie zawiera poprawnej daty" in dialog.error_text_of("chosen_date")
    replace_text(qtbot, dialog.chosen_date.edit, "15.02.2021")
    type_text(qtbot, dialog.field_edit, "; seniorzy, kultura")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert tab.model.rows()[0][1:6] == ("Źdźbło", "Łucja", "600 100 200", "ul. Śląska; seniorzy, kultura",
                                        "15.02.2021")
    assert tab.name_label.text() == "Łucja Źdźbło"
    assert "Uczestnik programu: Źdźbło Łucja" in tab.details_label.text()

    # An initiative: the end before the start is refused beside the field.
    dialog = open_dialog(qtbot, tab, tab.new_initiative_button)
    type_text(qtbot, dialog.title_edit, "Dzień Sąsiada na Śląskiej")
    type_text(qtbot, dialog.start_date.edit, "05.06.2021")
    type_text(qtbot, dialog.end_date.edit, "04.06.2021")
    type_text(qtbot, dialog.people, "45")
    click(qtbot, dialog.save_button)
    assert "nie może kończyć się (04.06.2021)" in dialog.error_text_of("end_date")
    replace_text(qtbot, dialog.end_date.edit, "06.06.2021")
    type_text(qtbot, dialog.description, "Piknik na podwórku, gry dla dzieci")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert tab.initiatives.model.rows()[0][1:4] == ("Dzień Sąsiada na Śląskiej", "05.06.2021 – 06.06.2021", 45)
    assert tab.model.rows()[0][6:8] == (1, 45)
    assert tab.summary_label.text().startswith("Inicjatywy: 1 · osoby objęte: 45")
    assert tab.totals_label.text() == "Razem: animatorów 1, inicjatyw 1, osób objętych 45, wydarzeń 0."

    # Editing it from the panel, then removing it (after the question).
    tab.initiatives.select(tab.initiatives.model.rows()[0][0])
    dialog = open_dialog(qtbot, tab, tab.initiatives.findChild(type(tab.new_button), "editInitiativeButton"))
    replace_text(qtbot, dialog.people, "sześćdziesiąt")
    click(qtbot, dialog.save_button)
    assert "liczbą całkowitą" in dialog.error_text_of("people_reached")
    replace_text(qtbot, dialog.people, "60")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert tab.model.rows()[0][7] == 60
    monkeypatch.setattr(questions, "ask", lambda *args, **kwargs: True)
    tab.initiatives.select(tab.initiatives.model.rows()[0][0])
    click(qtbot, tab.initiatives.findChild(type(tab.new_button), "deleteInitiativeButton"))
    assert tab.initiatives.model.rowCount() == 0 and tab.model.rows()[0][6] == 0
    assert shown_errors == []


def test_events_the_animator_ran_and_removing_the_animator(qtbot, window, app_db, monkeypatch):
    animator_id = service.create_animator(app_db, service.AnimatorInput("Grażyna", "Żółkiewska",
                                                                        chosen_date=dt.date(2021, 2, 1)))
    events.create_event(app_db, events.EventInput(title="Spotkanie sąsiedzkie", event_date=dt.date(2021, 5, 11),
                                                  leader_animator_id=animator_id, place="Świetlica"))
    helped = events.create_event(app_db, events.EventInput(title="Piknik rodzinny", event_date=dt.date(2021, 6, 12)))
    events.add_staff(app_db, helped, animator_id=animator_id, role="współprowadzący")
    tab = open_tab(qtbot, window)
    assert tab.current_animator_id() == animator_id  # the first animator is shown at once
    assert [r[1:5] for r in tab.events.model.rows()] == [("11.05.2021", "Spotkanie sąsiedzkie", "prowadzący", 0),
                                                        ("12.06.2021", "Piknik rodzinny", "współprowadzący", 0)]
    assert "wydarzenia prowadzone: 1, współprowadzone: 1" in tab.summary_label.text()
    assert tab.model.rows()[0][8] == 2
    # Edit with Enter; a wrong e-mail is named beside its field.
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = tab.dialog
    type_text(qtbot, dialog.email, "grażyna@example.pl")
    click(qtbot, dialog.save_button)
    assert "polskich liter" in dialog.error_text_of("email")
    asked = []
    monkeypatch.setattr(questions, "ask", lambda parent, title, *args, **kwargs: asked.append(title) or True)
    click(qtbot, dialog.cancel_button)  # the typed e-mail is let go after the question
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert asked == ["Porzucić zmiany?"]
    click(qtbot, tab.delete_button)
    assert tab.count_label.text() == "Animatorów: 0"
    assert events.get_event(app_db, helped).title == "Piknik rodzinny"  # the events stay


def test_demo_animators_show_summaries(qtbot, demo_window):
    tab = open_tab(qtbot, demo_window)
    rows = tab.model.rows()
    assert rows and all(isinstance(r[6], int) and isinstance(r[7], int) for r in rows)
    assert tab.initiatives.model.rowCount() == rows[0][6]
    assert tab.totals_label.text().startswith(f"Razem: animatorów {len(rows)}, inicjatyw ")
