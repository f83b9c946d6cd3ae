"""Revision 0012: the funding period and the 2021-2027 fields; typed "w tym" and end situations mapped."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from pal_desktop.domain.efs_dictionaries import EndSituation, LabourDetail
from pal_desktop.services import efs_validation
from pal_desktop.services.database import open_app_database
from pal_desktop.storage.db import normalise_url
from pal_desktop.storage.migrate import downgrade_to
from pal_desktop.storage.models import Participant, Programme

TYPED = [  # labour status, typed "w tym", typed end situation
    ("bezrobotna_zarejestrowana", "długotrwale bezrobotna", "podjęła pracę"),
    ("pracujaca", "pracuje w organizacji pozarządowej", "kontynuacja zatrudnienia"),
    ("bierna", "uczennica liceum", ""),
    ("bierna", "długotrwale bezrobotna", "wyjechała za granicę"),  # does not fit the status; not a dictionary value
]


def test_typed_values_are_mapped_the_rest_listed_and_the_downgrade_works(sqlite_url):
    opened = open_app_database(sqlite_url)
    opened.db.dispose()
    downgrade_to(sqlite_url, "0009")
    engine = create_engine(normalise_url(sqlite_url))
    with engine.begin() as connection:
        programme = connection.execute(text("SELECT id FROM programme")).scalar()
        connection.execute(text("UPDATE programme SET key = 'klobuck-2021-2022'"))
        for n, (status, detail, end) in enumerate(TYPED):
            connection.execute(text(
                "INSERT INTO participant (programme_id, status, first_name, last_name, no_pesel, document_number, "
                "street_name, outside_area_reason, house_number, flat_number, postal_code, city, phone, email, "
                "labour_status, labour_status_detail, end_situation, notes, search_text, sort_key) VALUES "
                "(:p, 'uczestnik', 'Osoba', :last, 0, '', '', '', '', '', '', '', '', '', :status, :detail, :end, "
                "'', '', :last)"), {"p": programme, "last": f"Nazwisko{n}", "status": status, "detail": detail,
                                     "end": end})
    engine.dispose()

    reopened = open_app_database(sqlite_url)
    db = reopened.db
    try:
        with db.reading() as session:
            people = session.query(Participant).order_by(Participant.last_name).all()
            assert [(p.labour_detail, p.end_situation_code) for p in people] == [
                (LabourDetail.LONG_TERM_UNEMPLOYED, EndSituation.JOB_FOUND),
                (LabourDetail.NGO, EndSituation.JOB_KEPT),
                (LabourDetail.STUDYING, None),
                (None, None)]
            assert people[3].labour_status_detail == "długotrwale bezrobotna"  # the typed text stays
            assert session.query(Programme).one().funding_period == "2014-2020"
        unmapped = efs_validation.unmapped_free_text(db, programme)
        assert [(u.name, u.field, u.text) for u in unmapped] == [
            ("Nazwisko3 Osoba", "W tym", "długotrwale bezrobotna"),
            ("Nazwisko3 Osoba", "Sytuacja osoby w momencie zakończenia udziału w projekcie", "wyjechała za granicę")]
    finally:
        db.dispose()
    downgrade_to(sqlite_url, "0009")
    engine = create_engine(normalise_url(sqlite_url))
    with engine.connect() as connection:
        columns = {row[1] for row in connection.execute(text("PRAGMA table_info(participant)"))}
        assert "citizenship" not in columns and "labour_status_detail" in columns
        assert connection.execute(text("SELECT count(*) FROM participant")).scalar() == 4
    engine.dispose()
