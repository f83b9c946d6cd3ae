"""``pal-desktop audit``: listing with filters, JSON, the chain's check and the XLSX export."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import openpyxl

from pal_desktop.cli import main
from pal_desktop.domain.enums import ParticipantStatus
from pal_desktop.services import participant_profile, participants
from pal_desktop.services.database import open_app_database
from pal_desktop.services.demo import pesel_for
from pal_desktop.storage.db import sqlite_path
from pal_desktop.storage.models import current_actor

SIGNED = dict(status=ParticipantStatus.ACTIVE, start_date=dt.date(2021, 3, 1), declaration_date=dt.date(2021, 3, 1),
              data_protection_date=dt.date(2021, 3, 1))


def _prepare(url: str) -> tuple[int, int]:
    opened = open_app_database(url)
    try:
        db = opened.db
        ids = []
        for serial, (first, login) in enumerate((("Anna", "ola.nowak"), ("Ewa", "jan.lis")), start=1):
            token = current_actor.set(login)
            try:
                ids.append(participants.create_participant(db, participants.ParticipantInput(
                    first_name=first, last_name="Zając", pesel=pesel_for(dt.date(1979, 9, 9), serial, True),
                    **SIGNED)).id)
                participant_profile.participant_profile(db, ids[-1])
            finally:
                current_actor.reset(token)
        return ids[0], ids[1]
    finally:
        opened.db.dispose()


def _json(capsys, *args) -> list[dict]:
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)["entries"]


def test_filters_by_person_user_action_and_dates_with_json(db_url, capsys):
    anna, ewa = _prepare(db_url)
    about_anna = _json(capsys, "--db", db_url, "audit", "--participant", str(anna), "--json")
    assert about_anna and all(anna in entry["participants"] for entry in about_anna)
    assert {entry["action"] for entry in about_anna} >= {"insert", "view"}
    by_jan = _json(capsys, "--db", db_url, "audit", "--user", "jan.lis", "--json")
    assert by_jan and {entry["user"] for entry in by_jan} == {"jan.lis"}
    views = _json(capsys, "--db", db_url, "audit", "--action", "view", "--json")
    assert [entry["participants"] for entry in views] == [[ewa], [anna]]  # newest first
    today = dt.date.today()
    assert _json(capsys, "--db", db_url, "audit", "--from", f"{today:%d.%m.%Y}", "--to", today.isoformat(),
                 "--json")
    assert _json(capsys, "--db", db_url, "audit", "--to", (today - dt.timedelta(days=1)).isoformat(), "--json") == []
    assert main(["--db", db_url, "audit", "--action", "view", "--limit", "1"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert "jan.lis" in line and "otwarcie strony osoby" in line and f"osoby: {ewa}" in line


def test_verify_says_intact_then_finds_the_forged_entry(sqlite_url, capsys):
    _prepare(sqlite_url)
    assert main(["--db", sqlite_url, "audit", "verify"]) == 0
    assert "Dziennik nienaruszony" in capsys.readouterr().out
    with sqlite3.connect(sqlite_path(sqlite_url)) as connection:
        connection.execute("DROP TRIGGER audit_log_no_update")
        victim = connection.execute("SELECT id FROM audit_log WHERE action = 'view' ORDER BY id LIMIT 1").fetchone()[0]
        connection.execute("UPDATE audit_log SET actor = 'ktos.inny' WHERE id = ?", (victim,))
    assert main(["--db", sqlite_url, "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert f"NARUSZONY przy wpisie nr {victim}" in out and "zmieniono" in out


def test_export_writes_the_filtered_log_to_xlsx(db_url, tmp_path, capsys):
    anna, _ewa = _prepare(db_url)
    path = tmp_path / "dziennik.xlsx"
    assert main(["--db", db_url, "audit", "export", str(path), "--participant", str(anna)]) == 0
    assert "Zapisano" in capsys.readouterr().out
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Nr", "Data i godzina", "Użytkownik", "Czynność")
    assert len(rows) > 1 and all(str(anna) in str(row[6]).split(", ") for row in rows[1:])
    logged = _json(capsys, "--db", db_url, "audit", "--action", "export", "--json")
    assert logged[0]["what"] == "audit_log" and logged[0]["details"]["file"] == "dziennik.xlsx"
