"""What each role may do is refused by the services themselves, whatever the window offers."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from pal_desktop.domain.enums import ParticipantStatus, UserRole
from pal_desktop.errors import PermissionDeniedError
from pal_desktop.services import audit, internships, participants, reports
from pal_desktop.services import participant_profile as profiles
from pal_desktop.services.backup import backup_database
from pal_desktop.services.indicators import monitoring_report_pdf
from pal_desktop.services.participant_export import export_participants
from pal_desktop.services.programmes import active_programme
from pal_desktop.storage.models import CashAssistance, Participant
from tests.services.test_internships import CASH, register


def _count(db, model) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_podglad_reads_with_the_pesel_masked_and_changes_nothing(db, act_as, tmp_path):
    person = register(db)
    act_as(UserRole.READER)
    detail = participants.get_participant(db, person)
    assert detail.pesel == "800505•••••" and detail.last_name == "Ślęzak"
    [row] = participants.search_participants(db, participants.ParticipantQuery(), show_full_pesel=True)
    assert row.pesel == "800505•••••"
    with pytest.raises(PermissionDeniedError, match="podgląd"):
        participants.update_participant(db, person, participants.as_input(detail))
    with pytest.raises(PermissionDeniedError):
        participants.create_participant(db, participants.ParticipantInput(first_name="Jan", last_name="Nowak"))
    for forbidden in (lambda: reports.participant_card_pdf(db, person),
                      lambda: export_participants(db, participants.ParticipantQuery(), tmp_path / "x.xlsx"),
                      lambda: internships.add_cash(db, person, CASH),
                      lambda: backup_database(db, tmp_path / "kopia")):
        with pytest.raises(PermissionDeniedError):
            forbidden()
    assert _count(db, Participant) == 1 and _count(db, CashAssistance) == 0
    assert not (tmp_path / "x.xlsx").exists()


def test_pracownik_without_the_cash_permission_never_reaches_cash_records(db, act_as):
    person = register(db, ParticipantStatus.ACTIVE)  # cash is recorded for participants only
    cash_id = internships.add_cash(db, person, CASH)
    act_as(UserRole.STAFF)
    with pytest.raises(PermissionDeniedError, match="pomocy pieniężnej"):
        internships.get_cash(db, cash_id)
    with pytest.raises(PermissionDeniedError):
        internships.remove_cash(db, cash_id)
    profile = profiles.participant_profile(db, person)
    assert profile.cash == [] and not profile.cash_visible
    # Writing the table directly is refused by the flush hook too.
    with pytest.raises(PermissionDeniedError), db.session() as session:
        session.get(CashAssistance, cash_id).amount = 1
    act_as(UserRole.STAFF, cash=True)
    assert internships.get_cash(db, cash_id).amount == CASH.amount
    assert len(profiles.participant_profile(db, person).cash) == 1


def test_pracownik_works_the_registry_but_not_reports_exports_or_the_log(db, act_as, tmp_path):
    act_as(UserRole.STAFF)
    person = register(db)
    assert reports.participant_card_pdf(db, person).startswith(b"%PDF")
    programme = active_programme(db).id
    with pytest.raises(PermissionDeniedError, match="sprawozdania"):
        monitoring_report_pdf(db, programme, dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    with pytest.raises(PermissionDeniedError, match="eksport"):
        export_participants(db, participants.ParticipantQuery(), tmp_path / "x.xlsx")
    with pytest.raises(PermissionDeniedError, match="dziennik"):
        audit.list_entries(db)


def test_koordynator_prints_reports_and_exports_but_does_not_read_the_log(db, act_as, tmp_path):
    register(db)
    act_as(UserRole.COORDINATOR)
    programme = active_programme(db).id
    assert monitoring_report_pdf(db, programme, dt.date(2021, 1, 1), dt.date(2021, 12, 31)).startswith(b"%PDF")
    export_participants(db, participants.ParticipantQuery(), tmp_path / "x.xlsx")
    assert (tmp_path / "x.xlsx").stat().st_size > 0
    with pytest.raises(PermissionDeniedError):
        audit.verify_log(db)
