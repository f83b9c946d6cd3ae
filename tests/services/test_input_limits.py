"""Input the database would choke on is refused first, with the field named, the same on SQLite and PostgreSQL
(issue 13, part 3): lengths from the model's columns, control characters, amounts and dates out of range.

Measured before: SQLite stored a 10,000-character surname; PostgreSQL crashed the save with a raw DataError
whose text printed the row, PESEL included. Every test here runs on both (PAL_TEST_PG_URL)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, insert, select

from pal_desktop.domain import limits
from pal_desktop.errors import DatabaseError, ValidationError
from pal_desktop.services import (
    animators,
    events,
    households,
    internships,
    organisation,
    participant_profile,
    participants,
    programmes,
    schedule,
    volunteer_hours,
    volunteers,
)
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.programmes import active_programme
from pal_desktop.storage import input_guard
from pal_desktop.storage.models import Household, Participant, Volunteer
from tests.pg import PG_URL
from tests.services.test_animators import animator
from tests.services.test_internships import CASH, STAGE
from tests.services.test_volunteers import TODAY, adult, agreement

PESEL = pesel_for(dt.date(1985, 3, 14), 21, female=True)


def person(**extra) -> participants.ParticipantInput:
    values = dict(first_name="Anna", last_name="Nowak", pesel=PESEL)
    values.update(extra)
    return participants.ParticipantInput(**values)


def count(db, model) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


def refused(call) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value


def test_a_10000_character_surname_is_refused_naming_the_field_and_the_limit(db):
    error = refused(lambda: participants.create_participant(db, person(last_name="K" * 10_000)))
    assert error.field == "last_name"
    assert str(error) == "Nazwisko: najwyżej 150 znaków (wpisano 10\u00a0000)."
    assert PESEL not in str(error)
    assert count(db, Participant) == 0
    # The limit is the column's own: String(150).
    assert input_guard.text_limit(Participant, "last_name") == 150
    assert participants.create_participant(db, person(last_name="K" * 150)).id  # exactly the limit is fine


def test_the_form_shows_every_field_over_its_limit(db):
    errors = participants.validate(db, person(first_name="A" * 101, city="B" * 121, notes="C" * 20_001))
    assert {e.field for e in errors} >= {"first_name", "city", "notes"}


@pytest.mark.parametrize("field, value, code", [
    ("first_name", "An\x00na", "U+0000"),
    ("city", "Kłobuck\x07", "U+0007"),
    ("document_number", "ABC\x1b123", "U+001B"),
    ("notes", "pierwsza linia\nbez\x0bpionowego tabulatora", "U+000B"),
    ("house_number", "12\x9f", "U+009F"),
])
def test_nul_and_control_characters_are_refused_with_the_field_named(db, field, value, code):
    extra = {field: value}
    if field == "document_number":
        extra.update(pesel="", no_pesel=True, birth_date=dt.date(1985, 3, 14))
    error = refused(lambda: participants.create_participant(db, person(**extra)))
    assert error.field == field
    assert code in str(error) and "znak sterujący" in str(error)
    assert count(db, Participant) == 0


def test_new_lines_and_tabs_stay_allowed_in_multi_line_fields_only(db):
    saved = participants.create_participant(db, person(notes="pierwsza\n\tdruga\r\ntrzecia"))
    assert participants.get_participant(db, saved.id).notes == "pierwsza\n\tdruga\r\ntrzecia"
    assert refused(lambda: households.create_household(db, households.HouseholdInput("Rodzina\nNowak"))).field == "name"


def test_birth_dates_before_1900_or_in_the_future_are_refused(db):
    old = refused(lambda: participants.create_participant(db, person(
        pesel="", no_pesel=True, document_number="ABC123456", birth_date=dt.date(1899, 12, 31))))
    assert old.field == "birth_date" and "1900" in str(old)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    future = refused(lambda: participants.create_participant(db, person(
        pesel="", no_pesel=True, document_number="ABC123456", birth_date=tomorrow)))
    assert future.field == "birth_date" and "z przyszłości" in str(future)
    assert refused(lambda: volunteers.create_volunteer(db, volunteers.VolunteerInput(
        "Żaneta", "Łęcka", birth_date=dt.date(1850, 1, 1)), today=TODAY)).field == "birth_date"
    household = households.create_household(db, households.HouseholdInput("Rodzina Nowaków"))
    assert refused(lambda: households.add_family_member(db, household, "Jan", "Nowak", "syn",
                                                        dt.date(1899, 1, 1))).field == "birth_date"


def test_a_start_of_participation_before_the_programme_is_refused(db):
    programme = active_programme(db)
    before = programme.start - dt.timedelta(days=1)
    error = refused(lambda: participants.create_participant(db, person(start_date=before)))
    assert error.field == "start_date"
    assert programme.title in str(error) and programme.start.strftime("%d.%m.%Y") in str(error)
    assert participants.create_participant(db, person(start_date=programme.start)).id


def test_amounts_beyond_the_column_or_negative_are_refused(db):
    someone = participants.create_participant(db, person()).id
    huge = refused(lambda: internships.add_cash(db, someone, replace(CASH, amount=Decimal("1000000000"))))
    assert huge.field == "amount"
    assert str(huge) == "Kwota: najwyżej 99\u00a0999\u00a0999,99 (wpisano 1\u00a0000\u00a0000\u00a0000)."
    assert refused(lambda: internships.add_cash(db, someone, replace(CASH, amount=Decimal("-5")))).field == "amount"
    stipend = refused(lambda: internships.add_internship(db, someone, replace(
        STAGE, monthly_stipend=Decimal("123456789"))))
    assert stipend.field == "monthly_stipend" and "Stypendium miesięczne" in str(stipend)
    # The column holds 99 999 999,99 zł; the act's plausibility rule (services.cash_rules) refuses it first.
    assert "nieprawdopodobna" in str(refused(lambda: internships.add_cash(
        db, someone, replace(CASH, amount=Decimal("99999999.99")))))


def test_every_edited_kind_of_record_refuses_an_overlong_or_control_character_text(db):
    programme = active_programme(db)
    someone = participants.create_participant(db, person()).id
    volunteer = adult(db)
    agreement(db, volunteer)
    animator_id = animator(db)
    household = households.create_household(db, households.HouseholdInput("Rodzina Nowaków"))
    task = schedule.schedule_view(db, programme.id).tasks[0]
    long = "x" * 301
    calls = {
        "volunteer": (lambda: volunteers.create_volunteer(db, volunteers.VolunteerInput(
            "Żaneta", "Ł" * 151), today=TODAY), "last_name"),
        "animator": (lambda: animators.create_animator(db, animators.AnimatorInput(
            "Grażyna", "Żółkiewska", field=long), today=TODAY), "field"),
        "initiative": (lambda: animators.add_initiative(db, animator_id, animators.InitiativeInput(long)), "title"),
        "event": (lambda: events.create_event(db, events.EventInput(
            "Warsztaty", programme.start, place="sala\x00nr 2")), "place"),
        "household": (lambda: households.create_household(db, households.HouseholdInput("N" * 201)), "name"),
        "member": (lambda: households.add_family_member(db, household, "Jan", "N" * 151, "syn"), "last_name"),
        "internship": (lambda: internships.add_internship(db, someone, replace(STAGE, supervisor=long)),
                       "supervisor"),
        "cash": (lambda: internships.add_cash(db, someone, replace(CASH, decision_number="D" * 81)),
                 "decision_number"),
        "support": (lambda: participant_profile.add_support(db, someone, participant_profile.SupportInput(
            "praca\x1fsocjalna")), "form"),
        "hours": (lambda: volunteer_hours.add_hours(db, volunteer_hours.HoursInput(
            volunteer, dt.date(2022, 5, 10), "3", activity=long), today=TODAY), "activity"),
        "task": (lambda: schedule.update_task(db, task.id, replace(task.as_input(), name=long)), "name"),
        "programme": (lambda: programmes.create_programme(db, programmes.ProgrammeInput(
            "P" * 301, dt.date(2021, 1, 1), dt.date(2022, 12, 31))), "title"),
        "programme dates": (lambda: programmes.create_programme(db, programmes.ProgrammeInput(
            "PAL", dt.date(1021, 1, 1), dt.date(2022, 12, 31))), "start"),
        "settings": (lambda: organisation.save_organisation(db, organisation.OrganisationSettings(
            name="GOPS\x00Kłobuck")), "name"),
    }
    for kind, (call, field) in calls.items():
        error = refused(call)
        assert error.field == field, (kind, str(error))
        assert "najwyżej" in str(error) or "znak sterujący" in str(error) or "1900" in str(error), (kind, str(error))


def test_the_flush_refuses_what_a_service_did_not_check_naming_the_column(db):
    """The last line: any ORM write, whatever service makes it, on SQLite as on PostgreSQL."""
    with pytest.raises(ValidationError) as caught, db.session() as session:
        session.add(Volunteer(first_name="Jan", last_name="K" * 10_000))
    assert caught.value.field == "last_name" and str(caught.value).startswith("Nazwisko: najwyżej 150 znaków")
    with pytest.raises(ValidationError, match="Nazwa: niedozwolony znak sterujący"), db.session() as session:
        session.add(Household(name="Rodzina\x00"))
    assert count(db, Volunteer) == count(db, Household) == 0


def test_an_edit_of_an_unrelated_field_is_not_blocked_by_an_old_odd_value(db):
    """A stored value from before these checks (written past them here) does not stop other changes."""
    household = households.create_household(db, households.HouseholdInput("Rodzina Nowaków"))
    with db.session() as session:
        session.execute(Household.__table__.update().where(Household.id == household).values(notes="stare\x07"))
    with db.session() as session:
        session.get(Household, household).city = "Kłobuck"
    with db.reading() as session:
        assert session.get(Household, household).city == "Kłobuck"


def test_a_value_the_database_refuses_is_said_in_polish_without_the_row():
    class Driver(Exception):
        pass

    from sqlalchemy.exc import DataError

    from pal_desktop.storage.db import translate_data_error

    raw = DataError("INSERT INTO participant ...", {"pesel": PESEL},
                    Driver("value too long for type character varying(150)"))
    error = translate_data_error(raw)
    assert isinstance(error, DatabaseError) and "dłuższy, niż pozwala pole" in str(error)
    assert PESEL not in str(error)
    nul = translate_data_error(DataError("x", {}, Driver("PostgreSQL text fields cannot contain NUL (0x00) bytes")))
    assert "NUL" in str(nul)


@pytest.mark.skipif(not PG_URL, reason="SQLite does not limit a VARCHAR's length; PostgreSQL's DataError is checked")
def test_postgresql_data_error_past_every_check_is_a_polish_message_without_the_pesel(db):
    # A Core insert passes no ORM flush: what reaches the database is PostgreSQL's own refusal.
    with pytest.raises(DatabaseError) as caught, db.session() as session:
        session.execute(insert(Participant.__table__).values(
            programme_id=active_programme(db).id, first_name="Anna", last_name="K" * 10_000, pesel=PESEL,
            search_text="", sort_key="", status="kandydat", no_pesel=False))
    assert "dłuższy, niż pozwala pole" in str(caught.value)
    assert PESEL not in str(caught.value) and caught.value.__cause__ is None
    assert caught.value.__suppress_context__


def test_the_rules_themselves():
    with pytest.raises(ValidationError, match="najwyżej 9\u00a0999,99 "):
        limits.check_amount(Decimal("10000"), field="x", label="X", precision=6, scale=2)
    limits.check_amount(Decimal("9999.99"), field="x", label="X", precision=6, scale=2)
    with pytest.raises(ValidationError, match="nie jest liczba"):
        limits.check_amount(Decimal("NaN"), field="x", label="X", precision=6, scale=2)
    with pytest.raises(ValidationError, match="za duża"):
        limits.check_integer(2**31, field="x", label="X")
    with pytest.raises(ValidationError, match="zbyt odległa"):
        limits.check_date(dt.date(2202, 1, 1), field="x", label="X")
    with pytest.raises(ValidationError, match="znak sterujący"):
        limits.check_text("a\ud800b", field="x", label="X", limit=10)  # a lone surrogate PostgreSQL cannot encode
    assert limits.clean_text("Ko\x00wal\x1bski\n\t") == "Kowalski\n\t"
    assert limits.clean_text("Ko\nwal", multiline=False) == "Kowal"


def test_names_within_their_limits_in_cyrillic_still_save(db):
    """The stored sort key takes two characters for a letter outside the Polish alphabet; it is cut to its
    column (String(400)) rather than refusing a name that keeps its own limits."""
    saved = participants.create_participant(db, person(first_name="О" * 100, last_name="Ш" * 150))
    assert len(participants.get_participant(db, saved.id).last_name) == 150


def test_a_nul_pasted_into_a_search_finds_as_without_it(db):
    """PostgreSQL refused the whole query (DataError) for a NUL in the search text; SQLite found nothing."""
    participants.create_participant(db, person())
    found = participants.search_participants(db, participants.ParticipantQuery(text="No\x00wak"))
    assert [row.last_name for row in found] == ["Nowak"]


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL's DataError on reading")
def test_a_query_postgresql_refuses_is_said_in_polish(db):
    from sqlalchemy import text

    with pytest.raises(DatabaseError, match="Baza nie przyjęła wyszukiwania"), db.reading() as session:
        session.execute(text("SELECT :value"), {"value": "a\x00b"}).all()
