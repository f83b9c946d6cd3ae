"""``programme deadline`` and ``anonymise`` from the command line, signed in as the administrator."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from pal_desktop.cli import main
from pal_desktop.services import participants
from pal_desktop.services.database import open_app_database
from pal_desktop.services.demo import pesel_for
from pal_desktop.storage.models import Participant
from tests.cli.test_cli_users import ADMIN_PASSWORD, _run


def test_the_administrator_sets_the_deadline_and_anonymises_the_programme(db_url, capsys, monkeypatch):
    assert main(["--db", db_url, "init"]) == 0
    db = open_app_database(db_url).db
    person = participants.create_participant(db, participants.ParticipantInput(
        first_name="Zdzisława", last_name="Pędziwiatr", pesel=pesel_for(dt.date(1961, 4, 4), 51, True))).id
    db.dispose()
    assert _run(capsys, monkeypatch, "--db", db_url, "user", "add", "admin", "--role", "administrator",
                new_password=ADMIN_PASSWORD)[0] == 0
    signed = ("--db", db_url, "--user", "admin")

    code, out, _ = _run(capsys, monkeypatch, *signed, "programme", "list", password=ADMIN_PASSWORD)
    assert code == 0 and "archiwizacja do: nie ustawiono" in out
    programme_id = out.split()[0]
    code, _, err = _run(capsys, monkeypatch, *signed, "anonymise", "--programme", programme_id, "--yes",
                        password=ADMIN_PASSWORD)
    assert code == 2 and "nie ma ustawionego terminu archiwizacji" in err
    code, _, err = _run(capsys, monkeypatch, *signed, "programme", "deadline", programme_id, "1.01.2020",
                        password=ADMIN_PASSWORD)
    assert code == 2 and "nie może być wcześniejszy niż koniec programu" in err
    assert _run(capsys, monkeypatch, *signed, "programme", "deadline", programme_id, "31.01.2026",
                password=ADMIN_PASSWORD)[0] == 0
    code, out, _ = _run(capsys, monkeypatch, *signed, "anonymise", "--programme", programme_id,
                        password=ADMIN_PASSWORD)
    assert code == 2 and "nieodwracalna" in out

    code, out, _ = _run(capsys, monkeypatch, *signed, "anonymise", "--programme", programme_id, "--yes",
                        password=ADMIN_PASSWORD)

    assert code == 0 and "Zanonimizowano osoby: 1." in out and "Kopie zapasowe" in out
    db = open_app_database(db_url).db
    with db.reading() as session:
        assert session.scalar(select(Participant.last_name).where(Participant.id == person)) == "(zanonimizowano)"
    db.dispose()
    code, _, err = _run(capsys, monkeypatch, *signed, "anonymise", "--programme", programme_id, "--yes",
                        password=ADMIN_PASSWORD)
    assert code == 2 and "zanonimizowano już" in err
    code, out, _ = _run(capsys, monkeypatch, *signed, "audit", "verify", password=ADMIN_PASSWORD)
    assert code == 0 and "nienaruszony" in out
