"""The participant page's RODO button: the clause printed, the art. 15 report gated, a candidate erased."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from pal_desktop.domain.enums import UserRole
from pal_desktop.services import participants
from pal_desktop.services.demo import pesel_for
from pal_desktop.storage.models import Participant
from pal_desktop.ui import pdf_output
from pal_desktop.ui.dialogs import person_rights
from pal_desktop.ui.dialogs.participant_page import ParticipantPage


def _candidate(db) -> int:
    return participants.create_participant(db, participants.ParticipantInput(
        first_name="Jadwiga", last_name="Śmigielska", pesel=pesel_for(dt.date(1969, 6, 6), 81, True))).id


def _page(qtbot, db, person) -> ParticipantPage:
    page = ParticipantPage(db, person, None)
    qtbot.addWidget(page)
    page.show()
    return page


def test_a_worker_prints_the_clause_but_not_the_art_15_report_nor_erases(qtbot, app_db, act_as, monkeypatch):
    person = _candidate(app_db)
    act_as(UserRole.STAFF)
    opened = []
    monkeypatch.setattr(pdf_output, "present", lambda widget, path, *args, **kwargs: opened.append(path))
    page = _page(qtbot, app_db, person)
    rights = page.rights_button
    assert rights.text() == "&RODO" and rights.menu() is not None
    assert rights.clause_action.isEnabled()
    assert not rights.report_action.isEnabled()
    assert rights.report_action.toolTip() == "Informację o danych osoby drukuje koordynator albo administrator."
    assert not rights.remove_action.isEnabled() and rights.remove_action.toolTip() == "Dane osoby usuwa administrator."

    rights.clause_action.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    text = " ".join(page_.extract_text() for page_ in PdfReader(io.BytesIO(opened[0].read_bytes())).pages)
    assert "Klauzula informacyjna" in text and "Śmigielska" in text


def test_the_administrator_erases_a_candidate_and_the_page_closes(qtbot, app_db, act_as, monkeypatch):
    person = _candidate(app_db)
    act_as(UserRole.ADMIN)
    page = _page(qtbot, app_db, person)
    changed = []
    page.sig_changed.connect(lambda: changed.append(True))
    monkeypatch.setattr(person_rights, "ask_reason", lambda parent: "żądanie osoby z 2.12.2026")
    monkeypatch.setattr(person_rights, "confirm_word", lambda parent: False)
    page.rights_button.remove_action.trigger()
    assert page.isVisible() and not changed  # the second confirmation refused: nothing happens

    monkeypatch.setattr(person_rights, "confirm_word", lambda parent: True)
    page.rights_button.remove_action.trigger()
    qtbot.waitUntil(lambda: not page.isVisible(), timeout=15000)

    assert changed
    with app_db.reading() as session:
        assert session.get(Participant, person) is None
