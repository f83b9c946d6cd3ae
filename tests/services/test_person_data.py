"""The person's rights on paper: the art. 15 report of everything held and who looked, and the art. 13 clause."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from pal_desktop.domain.enums import ParticipantStatus, UserRole
from pal_desktop.errors import PermissionDeniedError
from pal_desktop.services import organisation, participant_profile, participants, reports
from pal_desktop.services.anonymisation import set_archive_deadline
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.person_data import information_clause_pdf, person_data_pdf
from pal_desktop.services.programmes import active_programme
from pal_desktop.storage.models import AuditEntry

PESEL = pesel_for(dt.date(1979, 9, 19), 71, True)


def _text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


def _person(db) -> int:
    return participants.create_participant(db, participants.ParticipantInput(
        first_name="Łucja", last_name="Żółkiewska", pesel=PESEL, street_name="Zamkowa", house_number="7",
        postal_code="42-100", city="Kłobuck", phone="600 111 222", status=ParticipantStatus.ACTIVE,
        start_date=dt.date(2021, 4, 1), declaration_date=dt.date(2021, 4, 1),
        data_protection_date=dt.date(2021, 4, 1))).id


def test_the_person_data_report_holds_the_record_the_purposes_and_who_accessed_it(db, act_as):
    act_as(UserRole.ADMIN, login="admin")
    organisation.save_organisation_field(db, "iod_contact", "iod@gops.example.pl")
    set_archive_deadline(db, active_programme(db).id, dt.date(2027, 12, 31))
    person = _person(db)
    act_as(UserRole.STAFF, login="pracownik1")
    participant_profile.participant_profile(db, person)  # opening the page
    reports.participant_card_pdf(db, person)
    act_as(UserRole.COORDINATOR, login="koordynatorka")

    text = _text(person_data_pdf(db, person, today=dt.date(2026, 12, 3)))

    assert "Informacja o przetwarzanych danych osobowych (art. 15 RODO)" in text
    for fact in ("Łucja Żółkiewska", PESEL, "Zamkowa 7", "600 111 222", "iod@gops.example.pl",
                 "do 31.12.2027", "Prezesa Urzędu Ochrony Danych Osobowych"):
        assert fact in text, fact
    assert "pracownik1" in text and "otwarcie strony osoby" in text and "karta uczestnika" in text
    with db.reading() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (last.action, last.table_name, last.subject_ids) == ("print", "person_data_report", f",{person},")


def test_the_information_clause_is_filled_in_for_the_person_and_printed_by_a_worker(db, act_as):
    person = _person(db)
    act_as(UserRole.STAFF)
    text = _text(information_clause_pdf(db, person, today=dt.date(2026, 12, 3)))
    assert "Deklaracja uczestnictwa w programie" in text and "Klauzula informacyjna (art. 13 RODO)" in text
    assert "Łucja Żółkiewska" in text and PESEL in text and "Zamkowa 7, 42-100 Kłobuck" in text
    assert "art. 9 ust. 2 lit. b i g RODO" in text
    with pytest.raises(PermissionDeniedError):
        person_data_pdf(db, person)  # the whole record and its access history are the coordinator's
    act_as(UserRole.READER)
    with pytest.raises(PermissionDeniedError):
        information_clause_pdf(db, person)
