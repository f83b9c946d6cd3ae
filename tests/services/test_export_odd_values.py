"""An export never dies on one odd stored value (issue 13, part 3): a control character in a stored name made
openpyxl refuse the whole XLSX (IllegalCharacterError). Values like that come from before the input checks,
or from another program writing the database; here they are written past the checks with a Core update."""

from __future__ import annotations

import datetime as dt

import openpyxl
from sqlalchemy import update

from pal_desktop.services import efs_export
from pal_desktop.services.participant_export import export_participants, write_table
from pal_desktop.services.participants import ParticipantQuery
from pal_desktop.services.programmes import active_programme
from pal_desktop.storage.models import Participant
from tests.services.test_participant_export import COMPLETE, read_csv, register


def _store_odd_name(db, participant_id: int) -> None:
    # A Core update: no flush, no input check, as an old database would hold it (PostgreSQL takes no NUL at all).
    with db.session() as session:
        session.execute(update(Participant).where(Participant.id == participant_id).values(
            last_name="Kowal\x07ski\x1b", notes="linia 1\nlinia\x0b2\tkoniec"))


def test_the_registry_export_cleans_control_characters_instead_of_failing(db, tmp_path):
    person = register(db, "Łucja", "Kowalski", dt.date(1985, 3, 14), **COMPLETE)
    register(db, "Jan", "Nowak", dt.date(1979, 11, 2), serial=3, female=False)
    _store_odd_name(db, person)
    path = tmp_path / "uczestnicy.xlsx"
    assert export_participants(db, ParticipantQuery(), path) == 2
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(path).active.iter_rows()]
    assert "Kowalski" in rows[1] + rows[2]
    assert not any("\x00" in str(v) or "\x07" in str(v) for row in rows for v in row)
    csv_path = tmp_path / "uczestnicy.csv"
    assert export_participants(db, ParticipantQuery(), csv_path) == 2
    raw, records = read_csv(csv_path)
    assert b"\x00" not in raw and b"\x07" not in raw and b"\x1b" not in raw
    assert any("Kowalski" in record for record in records)


def test_the_efs_export_cleans_them_too(db, tmp_path):
    person = register(db, "Łucja", "Kowalski", dt.date(1985, 3, 14), **COMPLETE)
    _store_odd_name(db, person)
    path = tmp_path / "pefs.xlsx"
    report = efs_export.export_efs(db, active_programme(db).id, path, "sl2014")
    assert report.exported == 1
    sheet = openpyxl.load_workbook(path).active
    names = [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Kowalski"]


def test_new_lines_and_tabs_survive_in_a_cell(tmp_path):
    path = tmp_path / "t.xlsx"
    write_table(path, ["Uwagi"], [["linia 1\nlinia\x0b2\tkoniec\ud800"]])
    assert openpyxl.load_workbook(path).active["A2"].value == "linia 1\nlinia2\tkoniec"
