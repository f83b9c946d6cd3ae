"""The pal-desktop command line as IT staff and scripts use it."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest

from pal_desktop.cli import main
from pal_desktop.storage.migrate import head_revision


def run_cli(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "pal_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=300)


def test_init_then_info_json_describes_the_database(db_url, capsys):
    assert main(["--db", db_url, "init"]) == 0
    assert "Wczytano wbudowany program" in capsys.readouterr().out
    assert main(["--db", db_url, "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert set(info) >= {"database", "schema_version", "counts", "programmes"}
    assert info["schema_version"] == head_revision()
    assert set(info["counts"]) == {"participants", "households", "animators", "volunteers", "events",
                                   "attendance_records", "schedule_tasks", "programmes"}
    assert info["counts"]["schedule_tasks"] == 11 and info["counts"]["programmes"] == 1
    [programme] = info["programmes"]
    assert programme["title"] == "Program Aktywności Lokalnej dla Gminy Kłobuck na lata 2021-2022"
    assert (programme["start"], programme["end"], programme["tasks"]) == ("2021-01-01", "2022-12-31", 11)


def test_demo_then_info_counts_the_records(db_url, capsys):
    assert main(["--db", db_url, "demo", "--participants", "150", "--seed", "4"]) == 0
    out, err = capsys.readouterr()
    assert "Dodano dane demonstracyjne" in out and "150 uczestników" in out
    assert "100.0%" in err  # the progress bar reached its end
    assert main(["--db", db_url, "info", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)["counts"]
    assert counts["participants"] == 150 and counts["events"] > 0 and counts["attendance_records"] > 0


def test_the_default_database_lives_in_the_users_data_folder(isolated_folders, capsys):
    assert main(["init"]) == 0
    assert (isolated_folders / "data" / "pal.sqlite3").exists()
    assert main(["info"]) == 0
    assert "uczestnicy: 0" in capsys.readouterr().out


def test_pal_database_url_chooses_the_database(tmp_path, monkeypatch, capsys):
    target = tmp_path / "biuro.sqlite3"
    monkeypatch.setenv("PAL_DATABASE_URL", str(target))
    assert main(["init"]) == 0
    assert target.exists()


def test_a_file_that_is_not_a_database_exits_2_in_polish_and_stays_untouched(tmp_path):
    path = tmp_path / "dokument.sqlite3"
    path.write_bytes(b"PK\x03\x04 to jest plik Worda" * 50)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = run_cli("--db", str(path), "info")
    assert result.returncode == 2
    assert "nie jest bazą danych PAL Desktop" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_an_unreachable_postgresql_server_exits_2_with_advice():
    result = run_cli("--db", "postgresql://pal:haslo@127.0.0.1:1/pal", "info")
    assert result.returncode == 2
    assert "Nie można połączyć się z bazą" in result.stderr and "haslo" not in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("args", "expected"), [
    (["demo", "--participants", "zero"], "nie jest liczbą całkowitą"),
    (["demo", "--participants", "-5"], "większa od zera"),
    (["nieznane"], "niepoprawny wybór"),
    (["screenshot", "-o", "x.png"], "brakuje wymaganych argumentów: --tab"),
    (["--db", "mysql://root@localhost/pal", "info"], "nie jest obsługiwana"),
    (["--db", "/nie/ma/takiego/folderu/pal.sqlite3", "init"], "nie istnieje"),
])
def test_bad_input_exits_2_with_a_polish_message(args, expected, capsys):
    with pytest.raises(SystemExit) as exit_info:
        code = main(args)
        raise SystemExit(code)
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert expected in captured.err
    assert "Traceback" not in captured.err


def test_help_is_in_polish(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("użycie: pal-desktop")
    assert "utwórz bazę danych" in out


def test_changes_are_stamped_with_the_configured_login(db_url, capsys):
    from sqlalchemy import select

    from pal_desktop import config
    from pal_desktop.actor import current_actor
    from pal_desktop.services.database import open_app_database
    from pal_desktop.storage.models import AuditEntry, Participant

    local = config.load()
    local.user_login = "anna.kowalska"
    config.save(local)
    try:
        assert main(["--db", db_url, "demo", "--participants", "5"]) == 0
        opened = open_app_database(db_url)
        with opened.db.reading() as session:
            assert set(session.scalars(select(Participant.created_by))) == {"anna.kowalska"}
            assert session.scalar(select(AuditEntry.actor).where(AuditEntry.table_name == "demo")) == "anna.kowalska"
        opened.db.dispose()
    finally:
        current_actor.set_for_process("system")
