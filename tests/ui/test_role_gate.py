"""What a role may not do is not offered: the tabs' and the participant page's buttons stay off, with why."""

from __future__ import annotations

import datetime as dt

from pal_desktop.domain.enums import ParticipantStatus, UserRole
from pal_desktop.services import participants
from pal_desktop.services.demo import pesel_for
from pal_desktop.ui.dialogs.participant_page import ParticipantPage


def _person(db) -> int:
    return participants.create_participant(db, participants.ParticipantInput(
        first_name="Zofia", last_name="Kędzierska", pesel=pesel_for(dt.date(1981, 3, 3), 91, True),
        status=ParticipantStatus.ACTIVE, start_date=dt.date(2021, 3, 1), declaration_date=dt.date(2021, 3, 1),
        data_protection_date=dt.date(2021, 3, 1))).id


def test_a_podglad_user_is_offered_no_change_print_or_export_on_any_tab(qtbot, make_window, app_db, act_as):
    _person(app_db)
    act_as(UserRole.READER, login="ola")
    window = make_window(app_db)
    people = window.tab("participants")
    for button in (people.findChild(type(people.export_button), name) for name in
                   ("newParticipantButton", "importButton", "printCardButton", "exportButton")):
        assert not button.isEnabled(), button.objectName()
        assert button.toolTip().startswith("Twoja rola (podgląd) nie pozwala na:"), button.toolTip()
    assert not people.pesel_check.isEnabled()  # the PESEL stays masked for a podgląd
    events = window.tab("events")
    new_event = events.findChild(type(people.export_button), "newEventButton")
    assert not new_event.isEnabled()
    new_event.setEnabled(True)  # what the tab's own logic does when a row is selected
    assert not new_event.isEnabled()
    reports = window.tab("reports")
    assert not reports.programme_card_button.isEnabled()
    assert reports.programme_card_button.toolTip() == (
        "Twoja rola (podgląd) nie pozwala na: sprawozdania z realizacji programu.")


def test_a_worker_without_cash_permission_sees_the_cash_buttons_off_and_the_rest_on(qtbot, app_db, act_as):
    person = _person(app_db)
    act_as(UserRole.STAFF, cash=False)
    page = ParticipantPage(app_db, person, None)
    qtbot.addWidget(page)
    assert not page.add_cash_button.isEnabled()
    assert page.add_cash_button.toolTip() == "Twoja rola (pracownik) nie pozwala na: dostęp do pomocy pieniężnej."
    assert page.add_internship_button.isEnabled() and page.edit_button.isEnabled()


def test_signing_in_as_a_coordinator_after_a_podglad_offers_the_actions_again(qtbot, make_window, app_db, act_as):
    act_as(UserRole.READER, login="ola")
    window = make_window(app_db)
    people = window.tab("participants")
    new = people.findChild(type(people.export_button), "newParticipantButton")
    assert not new.isEnabled()
    act_as(UserRole.COORDINATOR, login="ewa")
    window.account.refresh()
    new.setEnabled(True)
    assert new.isEnabled() and not new.toolTip().startswith("Twoja rola")
