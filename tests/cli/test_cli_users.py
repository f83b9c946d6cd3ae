"""The command line signs in once a database has accounts; accounts are managed with ``user``."""

from __future__ import annotations

import json

from pal_desktop.cli import main
from pal_desktop.services.database import open_app_database

ADMIN_PASSWORD = "Tajne-haslo-1"


def _run(capsys, monkeypatch, *args, password=None, new_password=None) -> tuple[int, str, str]:
    for name, value in (("PAL_PASSWORD", password), ("PAL_NEW_PASSWORD", new_password)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_first_user_add_makes_the_administrator_then_every_command_needs_a_user(db_url, capsys, monkeypatch):
    assert main(["--db", db_url, "init"]) == 0
    code, _, err = _run(capsys, monkeypatch, "--db", db_url, "user", "add", "ala", "--role", "pracownik",
                        new_password="haslo-ali-12")
    assert code == 2 and "Pierwsze konto" in err
    code, out, _ = _run(capsys, monkeypatch, "--db", db_url, "user", "add", "Admin", "--role", "administrator",
                        "--full-name", "Anna Ząbek", new_password=ADMIN_PASSWORD)
    assert code == 0 and "Dodano konto admin (rola: administrator)" in out
    code, _, err = _run(capsys, monkeypatch, "--db", db_url, "user", "list")
    assert code == 2 and "--user LOGIN" in err
    code, _, err = _run(capsys, monkeypatch, "--db", db_url, "--user", "admin", "user", "list", password="zle")
    assert code == 2 and "Nieprawidłowy login lub hasło" in err
    code, _, _ = _run(capsys, monkeypatch, "--db", db_url, "--user", "admin", "user", "add", "ewa", "--role",
                      "pracownik", "--cash", password=ADMIN_PASSWORD, new_password="haslo-ewy-12")
    assert code == 0
    code, out, _ = _run(capsys, monkeypatch, "--db", db_url, "--user", "admin", "user", "list", "--json",
                        password=ADMIN_PASSWORD)
    accounts = {a["login"]: a for a in json.loads(out)}
    assert accounts["ewa"]["role"] == "pracownik" and accounts["ewa"]["cash"] and accounts["admin"]["active"]
    # A pracownik may not add accounts; a disabled one may not sign in.
    code, _, err = _run(capsys, monkeypatch, "--db", db_url, "--user", "ewa", "user", "add", "olek", "--role",
                        "podglad", password="haslo-ewy-12", new_password="haslo-olka-1")
    assert code == 2 and "zarządzanie kontami" in err
    assert _run(capsys, monkeypatch, "--db", db_url, "--user", "admin", "user", "disable", "ewa",
                password=ADMIN_PASSWORD)[0] == 0
    code, _, err = _run(capsys, monkeypatch, "--db", db_url, "--user", "ewa", "info", password="haslo-ewy-12")
    assert code == 0  # info holds no personal data
    code, _, err = _run(capsys, monkeypatch, "--db", db_url, "--user", "ewa", "audit", password="haslo-ewy-12")
    assert code == 2 and "wyłączone" in err


def test_a_podglad_user_cannot_export_and_the_log_names_who_signed_in(db_url, tmp_path, capsys, monkeypatch):
    assert main(["--db", db_url, "init"]) == 0
    _run(capsys, monkeypatch, "--db", db_url, "user", "add", "admin", "--role", "administrator",
         new_password=ADMIN_PASSWORD)
    _run(capsys, monkeypatch, "--db", db_url, "--user", "admin", "user", "add", "olek", "--role", "podglad",
         password=ADMIN_PASSWORD, new_password="haslo-olka-1")
    target = tmp_path / "rejestr.xlsx"
    code, _, err = _run(capsys, monkeypatch, "--db", db_url, "--user", "olek", "export", "participants",
                        str(target), password="haslo-olka-1")
    assert code == 2 and "podgląd" in err and not target.exists()
    code, out, _ = _run(capsys, monkeypatch, "--db", db_url, "--user", "admin", "audit", "--action", "sign_in",
                        "--json", password=ADMIN_PASSWORD)
    assert code == 0
    assert {entry["user"] for entry in json.loads(out)["entries"]} == {"admin", "olek"}


def test_passwd_resets_another_account_and_changes_ones_own(db_url, capsys, monkeypatch):
    from pal_desktop.services import sign_in

    assert main(["--db", db_url, "init"]) == 0
    _run(capsys, monkeypatch, "--db", db_url, "user", "add", "admin", "--role", "administrator",
         new_password=ADMIN_PASSWORD)
    _run(capsys, monkeypatch, "--db", db_url, "--user", "admin", "user", "add", "jan", "--role", "koordynator",
         password=ADMIN_PASSWORD, new_password="haslo-jana-1")
    code, out, _ = _run(capsys, monkeypatch, "--db", db_url, "--user", "admin", "user", "passwd", "jan",
                        password=ADMIN_PASSWORD, new_password="tymczasowe-1")
    assert code == 0 and "tymczasowe" in out
    code, out, _ = _run(capsys, monkeypatch, "--db", db_url, "--user", "jan", "user", "passwd", "jan",
                        password="tymczasowe-1", new_password="nowe-haslo-jana")
    assert code == 0 and "Zmieniono hasło" in out
    db = open_app_database(db_url).db
    assert not sign_in.check_credentials(db, "jan", "nowe-haslo-jana").must_change_password


def test_the_window_started_with_user_opens_signed_in_and_a_wrong_password_never_opens_it(db_url, capsys,
                                                                                           monkeypatch):
    from pal_desktop.actor import current_actor

    assert main(["--db", db_url, "init"]) == 0
    assert _run(capsys, monkeypatch, "--db", db_url, "user", "add", "admin", "--role", "administrator",
                new_password=ADMIN_PASSWORD)[0] == 0
    started = []
    monkeypatch.setattr("pal_desktop.app.run_gui", lambda url: started.append(current_actor.get()) or 0)
    code, _, err = _run(capsys, monkeypatch, "--db", db_url, "--user", "admin", password="zle")
    assert code == 2 and "Nieprawidłowy login lub hasło" in err and started == []
    assert _run(capsys, monkeypatch, "--db", db_url, "--user", "admin", password=ADMIN_PASSWORD)[0] == 0
    assert started == ["admin"]
