"""Two people edit the same entry: the second Zapisz asks what to do — merge the two versions, save mine over
theirs, keep theirs, or go back to the form — and never overwrites the other person's change unasked (the form
of support on the path, a volunteer's hours, an initiative, a task of the schedule, a participant)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from pal_desktop.services import animators, participant_profile, volunteer_hours, volunteers
from pal_desktop.services import participants as registry
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.programmes import active_programme
from pal_desktop.ui.dialogs.animator_dialog import InitiativeDialog
from pal_desktop.ui.dialogs.conflict_dialog import Choice, ConflictDialog
from pal_desktop.ui.dialogs.hours_dialog import HoursDialog
from pal_desktop.ui.dialogs.small_forms import SupportDialog
from tests.services.test_animators import animator
from tests.services.test_volunteers import TODAY, adult, agreement

from .typing import replace_text


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    """The dialogs keep what was typed after a refusal; closing them at the end answers "Porzucić zmiany?"."""
    from pal_desktop.ui.dialogs import questions

    monkeypatch.setattr(questions, "ask", lambda *args, **kwargs: True)


def _support_dialog(qtbot, app_db):
    person = registry.create_participant(app_db, registry.ParticipantInput(
        first_name="Łucja", last_name="Żak", pesel=pesel_for(dt.date(1980, 5, 5), 3, True))).id
    item_id = participant_profile.add_support(app_db, person, participant_profile.SupportInput(
        "praca socjalna", dt.date(2021, 3, 1), dt.date(2021, 6, 30)))
    [line] = participant_profile.participant_profile(app_db, person).support_path
    dialog = SupportDialog(app_db, person, line)
    qtbot.addWidget(dialog)
    dialog.show()
    theirs = participant_profile.support_input_of(line)  # another PC writes a note meanwhile
    participant_profile.update_support(app_db, item_id, replace(theirs, notes="rozmowa z rodziną"), base=theirs)
    return person, dialog


def _stored_support(app_db, person):
    [stored] = participant_profile.participant_profile(app_db, person).support_path
    return stored


def test_both_changed_the_same_field_the_user_goes_back_to_the_form_then_keeps_theirs(
        qtbot, app_db, conflict_answers):
    person, dialog = _support_dialog(qtbot, app_db)
    dialog.fields["notes"].setPlainText("skierowanie do PUP")
    conflict_answers.answers.append((Choice.CANCEL, frozenset()))
    assert not dialog.save()
    [[notes]] = conflict_answers.asked
    assert (notes.label, notes.theirs, notes.mine, notes.both_changed) == (
        "Uwagi", "rozmowa z rodziną", "skierowanie do PUP", True)
    assert dialog.isVisible() and dialog.fields["notes"].toPlainText() == "skierowanie do PUP"
    assert _stored_support(app_db, person).notes == "rozmowa z rodziną"

    conflict_answers.answers.append((Choice.THEIRS, frozenset()))
    assert dialog.save()  # "Zostaw wersję tamtej osoby": the form closes, nothing of mine is written
    assert not dialog.isVisible()
    assert _stored_support(app_db, person).notes == "rozmowa z rodziną"


def test_a_merge_keeps_their_note_and_my_date_and_where_both_changed_what_i_chose(qtbot, app_db, conflict_answers):
    person, dialog = _support_dialog(qtbot, app_db)
    dialog.fields["planned_end"].set_date(dt.date(2021, 9, 30))  # only I change the planned end
    assert _stored_support(app_db, person).notes == "rozmowa z rodziną"
    conflict_answers.answers.append((Choice.MERGE, frozenset()))
    assert dialog.save()
    [conflicts] = conflict_answers.asked
    assert {(c.name, c.theirs_only, c.both_changed) for c in conflicts} == {
        ("notes", True, False), ("planned_end", False, False)}
    stored = _stored_support(app_db, person)
    assert (stored.notes, stored.planned_end) == ("rozmowa z rodziną", dt.date(2021, 9, 30))


def test_hours_both_changed_saved_as_mine_only_when_asked(qtbot, app_db, conflict_answers):
    volunteer = adult(app_db)
    agreement(app_db, volunteer)
    hours_id = volunteer_hours.add_hours(app_db, volunteer_hours.HoursInput(volunteer, dt.date(2022, 5, 10), "3"),
                                         today=TODAY)
    dialog = HoursDialog(app_db, volunteer, active_programme(app_db).id, hours_id)
    qtbot.addWidget(dialog)
    dialog.show()
    theirs = volunteer_hours.get_hours(app_db, hours_id)
    volunteer_hours.update_hours(app_db, hours_id, replace(theirs, hours="5"), today=TODAY, base=theirs)
    replace_text(qtbot, dialog.hours, "4")
    conflict_answers.answers.append((Choice.CANCEL, frozenset()))
    assert not dialog.save()
    hours = next(c for c in conflict_answers.asked[0] if c.name == "hours")
    assert (hours.theirs, hours.both_changed) == ("5", True)
    assert volunteer_hours.get_hours(app_db, hours_id).hours == 5
    conflict_answers.answers.append((Choice.MERGE, frozenset({"hours"})))  # both changed: keep my 4
    assert dialog.save()
    assert volunteer_hours.get_hours(app_db, hours_id).hours == 4


def test_an_initiative_merged_keeps_their_count_and_my_title(qtbot, app_db, conflict_answers):
    animator_id = animator(app_db)
    initiative_id = animators.add_initiative(app_db, animator_id, animators.InitiativeInput("Klub seniora"))
    dialog = InitiativeDialog(app_db, animator_id, initiative_id)
    qtbot.addWidget(dialog)
    dialog.show()
    theirs = animators.get_initiative(app_db, initiative_id).as_input()
    animators.update_initiative(app_db, initiative_id, replace(theirs, people_reached=40), base=theirs)
    replace_text(qtbot, dialog.title_edit, "Klub seniorów")
    conflict_answers.answers.append((Choice.MERGE, frozenset()))
    assert dialog.save()
    stored = animators.get_initiative(app_db, initiative_id)
    assert (stored.title, stored.people_reached) == ("Klub seniorów", 40)


def test_the_choice_dialog_lists_the_fields_and_asks_only_where_both_changed(qtbot, app_db):
    from pal_desktop.services.conflicts import field_conflicts

    base = participant_profile.SupportInput("praca socjalna", dt.date(2021, 3, 1), dt.date(2021, 6, 30), version=1)
    theirs = replace(base, notes="rozmowa z rodziną", planned_start=dt.date(2021, 3, 8), version=2)
    mine = replace(base, notes="skierowanie do PUP", planned_end=dt.date(2021, 9, 30))
    labels = {"notes": "Uwagi", "planned_start": "Planowany początek", "planned_end": "Planowany koniec"}
    dialog = ConflictDialog(field_conflicts(base, theirs, mine, labels))
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert set(rows) == {"Uwagi", "Planowany początek", "Planowany koniec"}
    assert table.item(rows["Planowany początek"], 1).text() == "08.03.2021"
    assert table.item(rows["Planowany początek"], 3).text() == "zmiana tamtej osoby"
    assert table.item(rows["Planowany koniec"], 3).text() == "Twoja zmiana"
    assert list(dialog.choosers) == ["notes"]  # the only field both changed has a choice
    assert dialog.keep_mine() == {"notes"}
    dialog.choosers["notes"].setCurrentIndex(ConflictDialog.THEIRS_INDEX)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is Choice.MERGE and dialog.keep_mine() == frozenset()
    assert dialog.merge_button.isDefault()


def test_a_volunteer_changed_meanwhile_is_merged_field_by_field(qtbot, app_db, conflict_answers):
    from pal_desktop.ui.dialogs.volunteer_dialog import VolunteerDialog

    volunteer = adult(app_db)
    dialog = VolunteerDialog(app_db, volunteer)
    qtbot.addWidget(dialog)
    dialog.show()
    detail = volunteers.get_volunteer(app_db, volunteer)  # another PC writes a new phone number
    volunteers.update_volunteer(app_db, volunteer, replace(volunteers.as_input(detail), phone="700 800 900"),
                                expected_version=detail.version, today=TODAY)
    replace_text(qtbot, dialog.skills, "prace plastyczne, gitara")
    conflict_answers.answers.append((Choice.MERGE, frozenset()))
    assert dialog.save()
    [conflicts] = conflict_answers.asked
    assert {c.label: (c.theirs_only, c.both_changed) for c in conflicts} == {
        "Telefon": (True, False), "Umiejętności": (False, False)}
    stored = volunteers.get_volunteer(app_db, volunteer)
    assert (stored.phone, stored.skills) == ("700 800 900", "prace plastyczne, gitara")


def test_an_animator_changed_meanwhile_keeps_their_version_when_asked(qtbot, app_db, conflict_answers):
    from pal_desktop.ui.dialogs.animator_dialog import AnimatorDialog

    animator_id = animator(app_db)
    dialog = AnimatorDialog(app_db, active_programme(app_db).id, animator_id)
    qtbot.addWidget(dialog)
    dialog.show()
    detail = animators.get_animator(app_db, animator_id)
    animators.update_animator(app_db, animator_id, replace(animators.as_input(detail), phone="700 800 900"),
                              expected_version=detail.version, today=TODAY)
    replace_text(qtbot, dialog.phone, "601 000 111")
    conflict_answers.answers.append((Choice.THEIRS, frozenset()))
    assert dialog.save()  # closed, nothing of mine written
    [[phone]] = conflict_answers.asked
    assert (phone.label, phone.theirs, phone.mine, phone.both_changed) == (
        "Telefon", "700 800 900", "601 000 111", True)
    assert animators.get_animator(app_db, animator_id).phone == "700 800 900"


def test_an_event_changed_meanwhile_is_merged_with_the_type_named(qtbot, app_db, conflict_answers):
    from pal_desktop.services import events
    from pal_desktop.ui.dialogs.event_dialog import EventDialog
    from tests.services.test_events import workshop

    event_id = events.create_event(app_db, workshop(app_db))
    dialog = EventDialog(app_db, active_programme(app_db).id, event_id=event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    detail = events.get_event(app_db, event_id)
    from pal_desktop.ui.dialogs.conflict_dialog import input_of

    events.update_event(app_db, event_id, replace(input_of(events.EventInput, detail), place="Sala nr 2"),
                        expected_version=detail.version)
    replace_text(qtbot, dialog.title_edit, "Warsztaty kulinarne dla seniorów")
    conflict_answers.answers.append((Choice.MERGE, frozenset()))
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = events.get_event(app_db, event_id)
    assert (stored.title, stored.place) == ("Warsztaty kulinarne dla seniorów", "Sala nr 2")
    labels = {c.label for c in conflict_answers.asked[0]}
    assert {"Tytuł", "Miejsce"} <= labels
