"""Restore: a backup gives back the same records and reports; foreign and newer files are refused."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from pal_desktop.cli import main
from pal_desktop.errors import PalError
from pal_desktop.services import backup, backup_rotation, reports, restore
from pal_desktop.services.database import open_app_database
from pal_desktop.storage.db import sqlite_path

TODAY = dt.date(2022, 6, 30)


def _demo(sqlite_url, sqlite_templates):
    shutil.copyfile(sqlite_templates("demo"), sqlite_path(sqlite_url))
    return open_app_database(sqlite_url).db


def _card_text(url) -> str:
    db = open_app_database(url).db
    try:
        content = reports.programme_card_pdf(db, today=TODAY)
    finally:
        db.dispose()
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _counts(path: Path) -> tuple[int, int, int]:
    with sqlite3.connect(path) as connection:
        result = tuple(connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in restore.COUNTED)
    connection.close()
    return result


def test_restore_round_trip_gives_back_records_and_report(sqlite_url, sqlite_templates, tmp_path):
    db = _demo(sqlite_url, sqlite_templates)
    path = sqlite_path(sqlite_url)
    copy = backup.backup_database(db, tmp_path)
    db.dispose()
    before, card_before = _counts(path), _card_text(sqlite_url)
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM attendance")
        connection.execute("UPDATE programme SET title = 'Zmieniony program'")
    connection.close()
    assert _counts(path) != before
    info = restore.describe_backup(copy)
    assert (info.participants, info.events, info.attendance) == before
    seen = []
    result = restore.restore_database(sqlite_url, copy, progress=lambda done, total: seen.append(done) or True)
    assert result.safety_backup is not None and result.safety_backup.exists()
    assert _counts(path) == before and _card_text(sqlite_url) == card_before
    assert seen[-1] == 100
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_restore_over_a_database_whose_wal_survived(sqlite_url, sqlite_templates, tmp_path):
    db = _demo(sqlite_url, sqlite_templates)
    copy = backup.backup_database(db, tmp_path)
    db.dispose()
    live = sqlite_path(sqlite_url)
    # A database left by a crash: its -wal holds commits not yet in the main file.
    writer = sqlite3.connect(live)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("DELETE FROM attendance")
    writer.commit()
    crashed = tmp_path / "po-awarii.sqlite3"
    shutil.copyfile(live, crashed)
    shutil.copyfile(live.with_name(live.name + "-wal"), crashed.with_name(crashed.name + "-wal"))
    writer.close()
    assert crashed.with_name(crashed.name + "-wal").stat().st_size > 0
    crashed_url = "sqlite:///" + crashed.as_posix()
    restore.restore_database(crashed_url, copy)
    with sqlite3.connect(crashed) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    assert _counts(crashed) == _counts(copy)


def test_cancel_leaves_the_database_as_it_was(sqlite_url, sqlite_templates, tmp_path):
    db = _demo(sqlite_url, sqlite_templates)
    copy = backup.backup_database(db, tmp_path)
    db.dispose()
    with sqlite3.connect(sqlite_path(sqlite_url)) as connection:
        connection.execute("DELETE FROM attendance")
    connection.close()
    from pal_desktop.progress import OperationCancelled

    with pytest.raises(OperationCancelled):
        restore.restore_database(sqlite_url, copy, progress=lambda done, total: done < 50)
    assert _counts(sqlite_path(sqlite_url))[2] == 0
    assert not list(sqlite_path(sqlite_url).parent.glob("*.tmp"))


def test_a_foreign_file_is_refused(tmp_path):
    foreign = tmp_path / "inny.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER)")
    connection.close()
    with pytest.raises(PalError, match="nie jest kopią bazy PAL Desktop"):
        restore.describe_backup(foreign)
    text = tmp_path / "notatki.sqlite3"
    text.write_text("to nie jest baza", encoding="utf-8")
    with pytest.raises(PalError, match="nie jest kopią bazy PAL Desktop"):
        restore.describe_backup(text)


def test_a_newer_schema_is_refused(sqlite_url, sqlite_templates, tmp_path):
    db = _demo(sqlite_url, sqlite_templates)
    copy = backup.backup_database(db, tmp_path)
    db.dispose()
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = _counts(sqlite_path(sqlite_url))
    with pytest.raises(PalError, match="nowszej wersji"):
        restore.restore_database(sqlite_url, copy)
    assert _counts(sqlite_path(sqlite_url)) == before


def test_names_are_unique_to_the_second(sqlite_url, sqlite_templates, tmp_path):
    db = _demo(sqlite_url, sqlite_templates)
    now = dt.datetime(2026, 12, 3, 14, 5, 9)
    first = backup.backup_database(db, tmp_path, now=now)
    second = backup.backup_database(db, tmp_path, now=now)
    db.dispose()
    assert first.name == "pal-kopia-2026-12-03-140509.sqlite3"
    assert second.name == "pal-kopia-2026-12-03-140509-2.sqlite3"
    assert not list(tmp_path.glob("*.tmp"))


def test_rotation_keeps_7_daily_4_weekly_12_monthly(tmp_path):
    start = dt.datetime(2026, 12, 3, 12, 0, 0)
    for day in range(400):
        when = start - dt.timedelta(days=day)
        (tmp_path / f"pal-kopia-{when.strftime(backup.STAMP)}.sqlite3").write_bytes(b"x")
    (tmp_path / "notatki.txt").write_text("zostaje", encoding="utf-8")
    backup_rotation.rotate(tmp_path)
    kept = sorted(when for when, _ in backup_rotation.list_backups(tmp_path))
    days = {when.date() for when in kept}
    assert {(start - dt.timedelta(days=d)).date() for d in range(7)} <= days
    assert len({when.isocalendar()[:2] for when in kept}) >= 4
    assert len({(when.year, when.month) for when in kept}) == 12
    assert len(kept) <= 7 + 4 + 12
    assert (tmp_path / "notatki.txt").exists()


def test_automatic_backup_at_most_once_a_day_and_status(sqlite_url, sqlite_templates, tmp_path):
    db = _demo(sqlite_url, sqlite_templates)
    now = dt.datetime(2026, 12, 3, 17, 0, 0)
    assert backup_rotation.backup_status(db, tmp_path).needs_warning(now)
    assert backup_rotation.automatic_backup(db, now, tmp_path) is not None
    assert backup_rotation.automatic_backup(db, now + dt.timedelta(hours=1), tmp_path) is None
    status = backup_rotation.backup_status(db, tmp_path)
    assert status.last == now and not status.needs_warning(now)
    assert status.needs_warning(now + dt.timedelta(days=8))
    assert not backup_rotation.backup_status(db, tmp_path / "odlaczony").reachable
    db.dispose()


def test_postgres_tools_missing_are_named(monkeypatch):
    monkeypatch.setattr(backup.shutil, "which", lambda name: None)
    with pytest.raises(PalError, match="pg_dump.*Zainstaluj narzędzia klienckie PostgreSQL"):
        backup.pg_tool("pg_dump")


def test_cli_backup_and_restore_yes(sqlite_url, sqlite_templates, tmp_path, capsys):
    _demo(sqlite_url, sqlite_templates).dispose()
    folder = tmp_path / "kopie-usb"
    folder.mkdir()
    assert main(["--db", sqlite_url, "backup", "-o", str(folder)]) == 0
    [copy] = folder.glob("pal-kopia-*.sqlite3")
    before = _counts(sqlite_path(sqlite_url))
    with sqlite3.connect(sqlite_path(sqlite_url)) as connection:
        connection.execute("DELETE FROM attendance")
    connection.close()
    capsys.readouterr()
    assert main(["--db", sqlite_url, "restore", str(copy), "--yes"]) == 0
    out = capsys.readouterr().out
    assert f"Uczestnicy: {before[0]}" in out and "Przywrócono kopię" in out
    assert _counts(sqlite_path(sqlite_url)) == before


def test_cli_restore_asks_and_no_leaves_the_database(sqlite_url, sqlite_templates, tmp_path, capsys, monkeypatch):
    db = _demo(sqlite_url, sqlite_templates)
    copy = backup.backup_database(db, tmp_path)
    db.dispose()
    with sqlite3.connect(sqlite_path(sqlite_url)) as connection:
        connection.execute("DELETE FROM attendance")
    connection.close()
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert main(["--db", sqlite_url, "restore", str(copy)]) == 1
    assert "Kontynuować?" in capsys.readouterr().out
    assert _counts(sqlite_path(sqlite_url))[2] == 0


def test_an_older_backup_is_upgraded_when_restored(sqlite_url, sqlite_templates, tmp_path):
    from pal_desktop.storage.migrate import head_revision, upgrade_to

    old = tmp_path / "stara-kopia.sqlite3"
    old_url = "sqlite:///" + old.as_posix()
    upgrade_to(old_url, "0006")
    with sqlite3.connect(old) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    assert restore.describe_backup(old).revision == "0006"
    _demo(sqlite_url, sqlite_templates).dispose()
    result = restore.restore_database(sqlite_url, old)
    assert result.restored.revision == head_revision()
    assert _counts(sqlite_path(sqlite_url)) == (0, 0, 0)
    db = open_app_database(sqlite_url, create=False).db
    db.dispose()


@pytest.mark.skipif(not __import__("os").environ.get("PAL_TEST_PG_URL") or not shutil.which("pg_dump"),
                    reason="needs PAL_TEST_PG_URL and pg_dump")
def test_postgres_backup_and_restore_with_pg_tools(demo_db, tmp_path):
    copy = backup.backup_database(demo_db, tmp_path)
    assert copy.suffix == ".dump" and copy.stat().st_size > 0
    url = demo_db.url
    demo_db.dispose()
    restore.restore_database(url, copy)
