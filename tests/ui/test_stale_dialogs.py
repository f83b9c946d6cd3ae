"""Two people edit the same entry: the second Zapisz is refused, says what the first person saved, and keeps
the dialog open with what was typed (the form of support on the path, a volunteer's hours, an initiative)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from pal_desktop.services import animators, participant_profile, volunteer_hours
from pal_desktop.services import participants as registry
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.programmes import active_programme
from pal_desktop.ui.dialogs.animator_dialog import InitiativeDialog
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


def test_a_support_item_saved_meanwhile_elsewhere_is_not_overwritten(qtbot, app_db, shown_errors):
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
    dialog.fields["notes"].setPlainText("skierowanie do PUP")
    assert not dialog.save()
    assert "Uwagi: rozmowa z rodziną (Twoja wartość: skierowanie do PUP)" in str(shown_errors[-1])
    assert dialog.isVisible() and dialog.fields["notes"].toPlainText() == "skierowanie do PUP"
    [stored] = participant_profile.participant_profile(app_db, person).support_path
    assert stored.notes == "rozmowa z rodziną"


def test_hours_saved_meanwhile_elsewhere_are_not_overwritten(qtbot, app_db, shown_errors):
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
    assert not dialog.save()
    assert "Godziny: 5 (Twoja wartość: 4)" in dialog.general_error.text() + " ".join(map(str, shown_errors))
    assert volunteer_hours.get_hours(app_db, hours_id).hours == 5


def test_an_initiative_saved_meanwhile_elsewhere_is_not_overwritten(qtbot, app_db, shown_errors):
    animator_id = animator(app_db)
    initiative_id = animators.add_initiative(app_db, animator_id, animators.InitiativeInput("Klub seniora"))
    dialog = InitiativeDialog(app_db, animator_id, initiative_id)
    qtbot.addWidget(dialog)
    dialog.show()
    theirs = animators.get_initiative(app_db, initiative_id).as_input()
    animators.update_initiative(app_db, initiative_id, replace(theirs, people_reached=40), base=theirs)
    replace_text(qtbot, dialog.title_edit, "Klub seniorów")
    assert not dialog.save()
    assert "Liczba osób objętych: 40" in dialog.general_error.text() + " ".join(map(str, shown_errors))
    assert animators.get_initiative(app_db, initiative_id).title == "Klub seniora"
