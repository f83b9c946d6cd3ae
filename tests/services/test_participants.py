"""The participant registry: validation in Polish, PESEL rules, duplicates, search and Polish ordering."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from pal_desktop.domain.enums import ParticipantStatus, Sex, SupportReason, TriState
from pal_desktop.errors import ConflictError, ValidationError
from pal_desktop.services import participants as service
from pal_desktop.services.demo import pesel_for
from pal_desktop.services.programmes import active_programme

SIGNED = dict(declaration_date=dt.date(2021, 2, 1), data_protection_date=dt.date(2021, 2, 1),
              start_date=dt.date(2021, 2, 1))


def person(first="Łukasz", last="Żak", pesel=None, **extra) -> service.ParticipantInput:
    return service.ParticipantInput(first_name=first, last_name=last,
                                    pesel=pesel or pesel_for(dt.date(1985, 3, 14), 17, female=False), **extra)


def test_pesel_fills_birth_date_and_sex(db):
    saved = service.create_participant(db, person(reasons=(SupportReason.POVERTY, SupportReason.UNEMPLOYMENT)))
    detail = service.get_participant(db, saved.id)
    assert detail.birth_date == dt.date(1985, 3, 14) and detail.sex is Sex.MALE
    assert detail.programme_id == active_programme(db).id
    assert detail.reasons == (SupportReason.POVERTY, SupportReason.UNEMPLOYMENT)
    assert detail.status is ParticipantStatus.CANDIDATE


@pytest.mark.parametrize(("pesel", "message"), [
    ("8503141234", "11 cyfr"),
    ("85031412346", "cyfrę kontrolną"),
    ("85023012346", "niemożliwą datę"),
])
def test_invalid_pesel_is_refused_by_name(db, pesel, message):
    with pytest.raises(ValidationError, match=message) as error:
        service.create_participant(db, person(pesel=pesel))
    assert error.value.field == "pesel"


def test_without_pesel_a_document_and_birth_date_are_required(db):
    errors = service.validate(db, service.ParticipantInput(first_name="Olena", last_name="Kowalenko",
                                                           no_pesel=True))
    assert {e.field for e in errors} == {"document_number", "birth_date"}
    saved = service.create_participant(db, service.ParticipantInput(
        first_name="Olena", last_name="Kowalenko", no_pesel=True, document_number="FX123456",
        birth_date=dt.date(1990, 1, 2), sex=Sex.FEMALE))
    assert service.get_participant(db, saved.id).pesel == ""


def test_the_same_pesel_twice_is_refused_with_a_link_to_the_existing_record(db):
    first = service.create_participant(db, person())
    with pytest.raises(ValidationError, match="jest już w rejestrze") as error:
        service.create_participant(db, person(first="Inny"))
    assert error.value.params["existing_id"] == first.id
    hints = service.find_duplicates(db, person(first="Inny"))
    assert [(h.id, h.same_pesel) for h in hints] == [(first.id, True)]


def test_the_same_name_and_birth_date_warns(db):
    service.create_participant(db, service.ParticipantInput(
        first_name="Anna", last_name="Nowak", no_pesel=True, document_number="A1", birth_date=dt.date(1970, 1, 1)))
    second = service.create_participant(db, service.ParticipantInput(
        first_name="anna", last_name="NOWAK", no_pesel=True, document_number="A2", birth_date=dt.date(1970, 1, 1)))
    assert any("tym samym imieniu" in w for w in second.warnings)


@pytest.mark.parametrize(("extra", "field", "message"), [
    ({"email": "jan@kłobuck.pl"}, "email", "polskich liter"),
    ({"postal_code": "42100"}, "postal_code", "00-000"),
    ({"start_date": dt.date(2021, 5, 1), "end_date": dt.date(2021, 4, 1),
      "status": ParticipantStatus.COMPLETED, "declaration_date": dt.date(2021, 5, 1),
      "data_protection_date": dt.date(2021, 5, 1)}, "end_date", "nie może być wcześniejsza"),
    ({"status": ParticipantStatus.ACTIVE, "start_date": dt.date(2021, 5, 1)}, "declaration_date",
     "bez daty podpisania"),
    ({"disability": TriState.NO, "disability_degree": "lekki"}, "disability_degree", "Stopień"),
])
def test_bad_input_names_the_field(db, extra, field, message):
    errors = service.validate(db, person(**extra))
    assert field in {e.field for e in errors}
    assert any(message in str(e) for e in errors if e.field == field)
    with pytest.raises(ValidationError):
        service.create_participant(db, person(**extra))
    assert service.count_participants(db, service.ParticipantQuery()) == 0


def test_a_street_outside_the_area_needs_a_reason(db):
    programme_id = active_programme(db).id
    service.add_area_street(db, programme_id, "ul. Źródlana", "42-100", "Kłobuck")
    outside = person(street_name="ul. Daleka")
    assert [e.field for e in service.validate(db, outside)] == ["outside_area_reason"]
    saved = service.create_participant(db, person(street_name="ul. Daleka", outside_area_reason="przeprowadzka"))
    assert any("spoza obszaru" in w for w in saved.warnings)
    inside = service.create_participant(db, person(pesel=pesel_for(dt.date(1990, 1, 1), 3, True), first="Ewa",
                                                   street_name="ul. Źródlana"))
    assert inside.warnings == ()


def test_an_edit_made_meanwhile_by_someone_else_is_refused(db):
    saved = service.create_participant(db, person())
    detail = service.get_participant(db, saved.id)
    mine = replace(service.as_input(detail), phone="600 100 200")
    theirs = replace(service.as_input(detail), phone="700 100 200")
    service.update_participant(db, saved.id, theirs, expected_version=detail.version)
    with pytest.raises(ConflictError):
        service.update_participant(db, saved.id, mine, expected_version=detail.version)
    assert service.get_participant(db, saved.id).phone == "700 100 200"


def test_search_ignores_case_and_polish_letters_and_sorts_in_polish_order(db):
    names = [("Łukasz", "Lis"), ("Lucjan", "Łaski"), ("Żaneta", "Zając"), ("Zenon", "Żak"), ("Anna", "Ćwik"),
             ("Adam", "Cebula"), ("Ola", "Łukaszewska")]
    for index, (first, last) in enumerate(names):
        service.create_participant(db, person(first=first, last=last,
                                              pesel=pesel_for(dt.date(1980, 1, 1 + index), index, index % 2 == 0)))
    ordered = [r.last_name for r in service.search_participants(db, service.ParticipantQuery())]
    assert ordered == ["Cebula", "Ćwik", "Lis", "Łaski", "Łukaszewska", "Zając", "Żak"]
    for text in ("łuk", "luk", "ŁUK", "Luk"):
        found = {r.first_name for r in service.search_participants(db, service.ParticipantQuery(text=text))}
        assert found == {"Łukasz", "Ola"}, text
    assert service.count_participants(db, service.ParticipantQuery(text="zajac zaneta")) == 1
    descending = [r.last_name for r in service.search_participants(db, service.ParticipantQuery(descending=True))]
    assert descending == list(reversed(ordered))


def test_search_by_pesel_masks_it_unless_asked(db):
    number = pesel_for(dt.date(1985, 3, 14), 17, female=False)
    service.create_participant(db, person(pesel=number))
    [row] = service.search_participants(db, service.ParticipantQuery(text=number[:8]))
    assert row.pesel == number[:6] + "•••••"
    [row] = service.search_participants(db, service.ParticipantQuery(text=number), show_full_pesel=True)
    assert row.pesel == number


def test_filters_by_status_reason_sex_and_age_band(demo_db):
    programme_id = active_programme(demo_db).id
    total = service.count_participants(demo_db, service.ParticipantQuery(programme_id=programme_id))
    on_day = dt.date(2022, 6, 30)
    bands = [service.count_participants(demo_db, service.ParticipantQuery(programme_id=programme_id, age_band=band,
                                                                          on_day=on_day))
             for band in ("<18", "18-29", "30-54", "55+")]
    assert sum(bands) == total
    women = service.search_participants(demo_db, service.ParticipantQuery(sex=Sex.FEMALE), limit=1000)
    assert women and all(r.sex is Sex.FEMALE for r in women)
    poor = service.count_participants(demo_db, service.ParticipantQuery(reason=SupportReason.POVERTY))
    assert 0 < poor < total
    active = service.search_participants(demo_db, service.ParticipantQuery(statuses=(ParticipantStatus.ACTIVE,)),
                                         limit=1000)
    assert active and all(r.status is ParticipantStatus.ACTIVE for r in active)


def test_removing_an_area_street_keeps_the_addresses_of_people_living_there(db):
    programme_id = active_programme(db).id
    street = service.add_area_street(db, programme_id, "ul. Polna", "42-100", "Kłobuck")
    saved = service.create_participant(db, person(street_id=street, street_name="ul. Polna", house_number="3"))
    assert service.remove_area_street(db, street) == 1
    detail = service.get_participant(db, saved.id)
    assert (detail.street_id, detail.street_name) == (None, "ul. Polna")
    assert service.area_streets(db, programme_id) == []
