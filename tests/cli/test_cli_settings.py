"""IT sets an office up from the command line: ``pal-desktop settings show/set``, checked like the dialog."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pal_desktop import config
from pal_desktop.cli import main
from pal_desktop.services import organisation
from pal_desktop.services.database import open_app_database

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
PNG = RESOURCES / "icons" / "pal-desktop-32.png"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pal_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", env=dict(os.environ), timeout=300)


@pytest.fixture
def office_db(db_url):
    assert main(["--db", db_url, "init"]) == 0
    return db_url


def shown(db_url: str, capsys) -> dict:
    capsys.readouterr()
    assert main(["--db", db_url, "settings", "show", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def stored(db_url: str) -> organisation.OrganisationSettings:
    opened = open_app_database(db_url, create=False)
    try:
        return organisation.get_organisation(opened.db)
    finally:
        opened.db.dispose()


def test_the_office_block_set_field_by_field_reads_back_through_the_service_and_show(office_db, capsys):
    for key, value in (("name", "Gminny Ośrodek Pomocy Społecznej w Kłobucku"), ("address", "ul. Zamkowa 1"),
                       ("postal_code", "42-100"), ("town", "Kłobuck"),
                       ("iod_contact", "Jan Kowalski, iod@gops.klobuck.pl"), ("volunteer_hour_rate", "35,5 zł")):
        assert main(["--db", office_db, "settings", "set", key, value]) == 0
    assert "Zapisano: Stawka za godzinę wolontariatu: 35,50" in capsys.readouterr().out
    settings = stored(office_db)
    assert (settings.name, settings.address, settings.postal_code, settings.city) == (
        "Gminny Ośrodek Pomocy Społecznej w Kłobucku", "ul. Zamkowa 1", "42-100", "Kłobuck")
    assert settings.iod_contact == "Jan Kowalski, iod@gops.klobuck.pl"
    assert settings.volunteer_hour_rate == "35,50"
    values = shown(office_db, capsys)
    assert values["town"] == "Kłobuck" and values["iod_contact"] == "Jan Kowalski, iod@gops.klobuck.pl"
    assert values["volunteer_hour_rate"] == "35,50" and values["postal_code"] == "42-100"
    # the documents' office block is the one IT set
    opened = open_app_database(office_db, create=False)
    try:
        assert organisation.office_block(opened.db).lines == (
            "Gminny Ośrodek Pomocy Społecznej w Kłobucku", "ul. Zamkowa 1", "42-100 Kłobuck")
    finally:
        opened.db.dispose()


def test_setting_one_field_keeps_the_others(office_db, capsys):
    assert main(["--db", office_db, "settings", "set", "nazwa", "GOPS Kłobuck"]) == 0
    assert main(["--db", office_db, "settings", "set", "miejscowość", "Kłobuck"]) == 0
    assert main(["--db", office_db, "settings", "set", "name", "  MOPS Częstochowa "]) == 0
    values = shown(office_db, capsys)
    assert (values["name"], values["town"]) == ("MOPS Częstochowa", "Kłobuck")


@pytest.mark.parametrize(("key", "value", "message"), [
    ("postal_code", "42100", "Kod pocztowy [postal_code]: Pole „Kod pocztowy” musi mieć postać 00-000"),
    ("volunteer_hour_rate", "trzydzieści", "Pole „Stawka za godzinę wolontariatu” musi być kwotą w złotych"),
    ("volunteer_hour_rate", "-5", "Pole „Stawka za godzinę wolontariatu” musi być kwotą w złotych"),
    ("name", "", "Pole „Nazwa organizacji” nie może być puste"),
    ("email", "gops.klobuck.pl", "Pole „E-mail” nie jest poprawnym adresem e-mail"),
])
def test_a_value_the_dialog_refuses_exits_2_in_polish_and_nothing_changes(office_db, capsys, key, value,
                                                                           message):
    before = shown(office_db, capsys)
    assert main(["--db", office_db, "settings", "set", key, value]) == 2
    assert message in capsys.readouterr().err
    assert shown(office_db, capsys) == before


def test_the_real_command_exits_2_without_a_traceback(office_db):
    result = run_cli("--db", office_db, "settings", "set", "postal_code", "4-2100")
    assert result.returncode == 2
    assert "Pole „Kod pocztowy” musi mieć postać 00-000 (wpisano: „4-2100”)" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    result = run_cli("--db", office_db, "settings", "set", "kolor", "zielony")
    assert result.returncode == 2 and "Nie ma ustawienia „kolor”. Dozwolone: name, address" in result.stderr
    result = run_cli("--db", office_db, "settings", "show")
    assert result.returncode == 0
    assert "Kod pocztowy [postal_code]: —" in result.stdout and "Traceback" not in result.stderr


def test_logos_are_read_from_files_and_checked_like_the_dialog(office_db, capsys, tmp_path):
    jpeg = tmp_path / "ue.jpg"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    assert main(["--db", office_db, "settings", "set", "logos", str(PNG), str(jpeg)]) == 0
    opened = open_app_database(office_db, create=False)
    try:
        logos = organisation.list_logos(opened.db)
    finally:
        opened.db.dispose()
    assert [(logo.file_name, logo.content) for logo in logos] == [
        ("pal-desktop-32.png", PNG.read_bytes()), ("ue.jpg", jpeg.read_bytes())]
    assert [(logo["file_name"], logo["format"]) for logo in shown(office_db, capsys)["logos"]] == [
        ("pal-desktop-32.png", "PNG"), ("ue.jpg", "JPEG")]

    text = tmp_path / "logo.png"
    text.write_text("to nie jest obraz", encoding="utf-8")
    assert main(["--db", office_db, "settings", "set", "logos", str(text)]) == 2
    assert "Plik „logo.png” nie jest obrazem PNG ani JPEG" in capsys.readouterr().err
    assert main(["--db", office_db, "settings", "set", "logos", *[str(PNG)] * 5]) == 2
    assert "najwyżej 4 znaki" in capsys.readouterr().err
    assert main(["--db", office_db, "settings", "set", "logos", str(tmp_path / "brak.png")]) == 2
    assert "Nie można odczytać pliku" in capsys.readouterr().err
    assert len(shown(office_db, capsys)["logos"]) == 2  # nothing replaced by a refused command
    assert main(["--db", office_db, "settings", "set", "logos", ""]) == 0
    assert shown(office_db, capsys)["logos"] == []


def test_the_database_location_goes_to_this_pcs_config_for_the_next_start(office_db, tmp_path, capsys):
    target = tmp_path / "biuro" / "pal.sqlite3"
    assert main(["settings", "set", "database", str(target)]) == 2
    assert "Folder „" in capsys.readouterr().err and config.load().database_url == ""
    target.parent.mkdir()
    assert main(["settings", "set", "database", str(target)]) == 0
    assert "od następnego uruchomienia" in capsys.readouterr().out
    assert config.load().database_url == str(target)
    assert shown(office_db, capsys)["database"] == str(target)
    assert main(["init"]) == 0  # the next start opens it
    assert target.is_file()
    not_a_database = tmp_path / "notatki.sqlite3"
    not_a_database.write_text("notatki", encoding="utf-8")
    assert main(["settings", "set", "database", str(not_a_database)]) == 2
    assert "nie jest bazą danych PAL Desktop" in capsys.readouterr().err
    assert main(["settings", "set", "database", "mysql://serwer/baza"]) == 2
    assert "Pole „Baza danych” musi zawierać ścieżkę pliku bazy" in capsys.readouterr().err
    assert config.load().database_url == str(target)
    assert main(["settings", "set", "database", ""]) == 0
    assert config.load().database_url == ""
