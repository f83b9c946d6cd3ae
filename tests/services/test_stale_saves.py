"""A stale save is refused everywhere the window edits: support-path items, volunteer hours, initiatives and
schedule tasks (participants, agreements, internships and cash assistance have their own tests). Two people
open the same record; the second save names what the first person changed, and nothing is overwritten."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from pal_desktop.errors import ConflictError
from pal_desktop.services import animators, participant_profile, schedule, volunteer_hours
from pal_desktop.services.programmes import active_programme
from tests.services.test_animators import animator, participant
from tests.services.test_volunteers import TODAY, adult, agreement


def test_a_support_item_edited_meanwhile_is_not_overwritten(db):
    person = participant(db)
    item_id = participant_profile.add_support(db, person, participant_profile.SupportInput(
        "praca socjalna", dt.date(2021, 3, 1), dt.date(2021, 6, 30)))
    [mine] = participant_profile.participant_profile(db, person).support_path
    [theirs] = participant_profile.participant_profile(db, person).support_path
    participant_profile.update_support(db, item_id, replace(participant_profile.support_input_of(theirs),
                                                            notes="rozmowa 12.03"),
                                       base=participant_profile.support_input_of(theirs))
    with pytest.raises(ConflictError, match=r"Uwagi: rozmowa 12\.03 \(Twoja wartość: —\)"):
        participant_profile.update_support(db, item_id, replace(participant_profile.support_input_of(mine),
                                                                planned_end=dt.date(2021, 7, 31)),
                                           base=participant_profile.support_input_of(mine))
    [stored] = participant_profile.participant_profile(db, person).support_path
    assert (stored.notes, stored.planned_end) == ("rozmowa 12.03", dt.date(2021, 6, 30))
    participant_profile.update_support(db, item_id, replace(participant_profile.support_input_of(stored),
                                                            planned_end=dt.date(2021, 7, 31)),
                                       base=participant_profile.support_input_of(stored))  # a fresh edit saves
    [stored] = participant_profile.participant_profile(db, person).support_path
    assert (stored.notes, stored.planned_end) == ("rozmowa 12.03", dt.date(2021, 7, 31))


def test_hours_edited_meanwhile_are_not_overwritten(db):
    volunteer = adult(db)
    agreement(db, volunteer)
    hours_id = volunteer_hours.add_hours(db, volunteer_hours.HoursInput(volunteer, dt.date(2022, 5, 10), "3"),
                                         today=TODAY)
    mine = volunteer_hours.get_hours(db, hours_id)
    theirs = volunteer_hours.get_hours(db, hours_id)
    volunteer_hours.update_hours(db, hours_id, replace(theirs, hours="5"), today=TODAY, base=theirs)
    with pytest.raises(ConflictError, match=r"Godziny: 5 \(Twoja wartość: 4\)"):
        volunteer_hours.update_hours(db, hours_id, replace(mine, hours="4"), today=TODAY, base=mine)
    assert volunteer_hours.get_hours(db, hours_id).hours == Decimal("5")


def test_an_initiative_edited_meanwhile_is_not_overwritten(db):
    animator_id = animator(db)
    initiative_id = animators.add_initiative(db, animator_id, animators.InitiativeInput("Klub seniora"))
    mine = animators.get_initiative(db, initiative_id).as_input()
    theirs = animators.get_initiative(db, initiative_id).as_input()
    animators.update_initiative(db, initiative_id, replace(theirs, people_reached=40), base=theirs)
    with pytest.raises(ConflictError, match=r"Liczba osób objętych: 40 \(Twoja wartość: —\)"):
        animators.update_initiative(db, initiative_id, replace(mine, title="Klub seniorów"), base=mine)
    assert animators.get_initiative(db, initiative_id).title == "Klub seniora"


def test_a_task_edited_or_dragged_meanwhile_is_not_overwritten(db):
    programme = active_programme(db)
    view = schedule.schedule_view(db, programme.id)
    task = view.tasks[0]
    mine = task.as_input()
    assert mine.version is not None
    version = schedule.update_task(db, task.id, replace(mine, description="spotkania zespołu"), base=mine)
    assert version == mine.version + 1
    with pytest.raises(ConflictError, match="Opis: spotkania zespołu"):
        schedule.update_task(db, task.id, replace(mine, name="organizacja"), base=mine)
    with pytest.raises(ConflictError, match="Opis: spotkania zespołu"):  # a drag on a chart shown before it
        schedule.move_task(db, task.id, mine.start + dt.timedelta(days=7), mine.end + dt.timedelta(days=7),
                           base=mine)
    fresh = schedule.schedule_view(db, programme.id).task(task.id)
    assert (fresh.name, fresh.start) == (task.name, task.start)
    moved = schedule.move_task(db, task.id, fresh.start + dt.timedelta(days=7), fresh.end + dt.timedelta(days=7),
                               base=fresh.as_input())
    assert moved.version == fresh.version + 1 and moved.start == fresh.start + dt.timedelta(days=7)


def test_a_merge_takes_each_sides_own_changes_and_the_chosen_value_where_both_changed():
    import datetime as dt
    from dataclasses import replace as changed

    from pal_desktop.errors import ConflictError
    from pal_desktop.services import conflicts
    from pal_desktop.services.participant_profile import SupportInput

    base = SupportInput("praca socjalna", dt.date(2021, 3, 1), dt.date(2021, 6, 30), notes="", version=3)
    theirs = changed(base, planned_start=dt.date(2021, 3, 8), notes="ich", version=4)
    mine = changed(base, planned_end=dt.date(2021, 9, 30), notes="moja")
    merged = conflicts.merge(base, theirs, mine)
    assert (merged.planned_start, merged.planned_end, merged.notes, merged.version) == (
        dt.date(2021, 3, 8), dt.date(2021, 9, 30), "ich", 4)
    assert conflicts.merge(base, theirs, mine, {"notes"}).notes == "moja"
    assert conflicts.take_mine(theirs, mine) == changed(mine, version=4)
    error = conflicts.stale_error(base, theirs, mine, {"notes": "Uwagi"})
    assert isinstance(error, ConflictError) and error.params["theirs"] == theirs
    assert "Uwagi: ich (Twoja wartość: moja)" in str(error)
    # The refusal crosses from the worker process pickled, its parts intact.
    import pickle

    assert pickle.loads(pickle.dumps(error)).params["conflicts"] == error.params["conflicts"]
