"""A SQLite file on a network share (issue 13, part 7): how it is recognised, opened and warned about.

The detection is tested with fakes: a mount table written for the test (Linux) and a fake GetDriveTypeW
(Windows); the open is tested on a local file the detection is told to take for a share.
"""

from __future__ import annotations

import sqlite3
import sys

import pytest

from pal_desktop.cli import main
from pal_desktop.services.database import (
    database_info,
    is_network_location,
    on_network_share,
    open_app_database,
)
from pal_desktop.storage import network_paths
from pal_desktop.storage.db import sqlite_path

MOUNTS = """\
/dev/sda2 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid 0 0
//serwer/gops /mnt/gops cifs rw,vers=3.0 0 0
/dev/sdb1 /mnt/gops/lokalny ext4 rw 0 0
serwer:/dane /mnt/nfs\\040dane nfs4 rw 0 0
anna@laptop:/home/anna /home/u/zdalny fuse.sshfs rw,nosuid 0 0
//nas/kopie /media/kopie smb3 rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.fixture
def mount_table(tmp_path, monkeypatch):
    table = tmp_path / "mounts"
    table.write_text(MOUNTS, encoding="utf-8")
    monkeypatch.setattr(network_paths, "MOUNTS_FILE", str(table))


@pytest.mark.parametrize("path, remote", [
    ("/mnt/gops/pal.sqlite3", True),
    ("/mnt/gops/biuro/2024/pal.sqlite3", True),
    ("/mnt/gops/lokalny/pal.sqlite3", False),  # a local disk mounted inside the share
    ("/mnt/gopsy/pal.sqlite3", False),  # a name that only starts like the share
    ("/mnt/nfs dane/pal.sqlite3", True),  # the table writes the space as \040
    ("/home/u/zdalny/pal.sqlite3", True),
    ("/media/kopie/pal.sqlite3", True),
    ("/home/u/pal.sqlite3", False),
    ("//serwer/gops/pal.sqlite3", True),  # a UNC path written with forward slashes
])
def test_linux_paths_on_network_file_systems_are_recognised(mount_table, path, remote):
    assert network_paths.is_network_path(path, platform="linux") is remote


def test_without_a_readable_mount_table_nothing_is_taken_for_a_share(tmp_path, monkeypatch):
    monkeypatch.setattr(network_paths, "MOUNTS_FILE", str(tmp_path / "brak"))
    assert network_paths.is_network_path("/mnt/gops/pal.sqlite3", platform="linux") is False


@pytest.mark.parametrize("path, remote", [
    (r"\\serwer\udział\pal.sqlite3", True),
    ("//serwer/udział/pal.sqlite3", True),
    (r"\\?\UNC\serwer\udział\pal.sqlite3", True),
    (r"Z:\GOPS\pal.sqlite3", True),  # a mapped drive
    ("z:/GOPS/pal.sqlite3", True),
    (r"\\?\Z:\GOPS\pal.sqlite3", True),
    (r"C:\Users\anna\AppData\Local\PAL\pal.sqlite3", False),
    (r"E:\pendrive\pal.sqlite3", False),  # removable, not remote
])
def test_windows_unc_paths_and_mapped_drives_are_recognised(monkeypatch, path, remote):
    asked = []

    def drive_type(root):
        asked.append(root)
        return {"Z:\\": network_paths.DRIVE_REMOTE, "C:\\": 3, "E:\\": 2}[root.upper()]

    monkeypatch.setattr(network_paths, "_drive_type", drive_type)
    assert network_paths.is_network_path(path, platform="win32") is remote
    assert all(root.endswith(":\\") for root in asked)


@pytest.mark.skipif(sys.platform == "win32", reason="elsewhere than Windows")
def test_the_windows_call_is_made_only_on_windows():
    assert network_paths._drive_type("Z:\\") == 0


def test_a_missing_file_on_a_share_is_not_created_by_a_plain_path_open(tmp_path):
    missing = tmp_path / "zgubiony.sqlite3"
    with pytest.raises(sqlite3.OperationalError):
        network_paths.connect(missing, "rw", network=True)
    assert not missing.exists()
    reader = None
    try:
        new = network_paths.connect(missing, "rwc", network=True)
        new.execute("CREATE TABLE t (x)")
        new.close()
        reader = network_paths.connect(missing, "ro", network=True)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.execute("INSERT INTO t VALUES (1)")
    finally:
        if reader is not None:
            reader.close()


@pytest.fixture
def on_a_share(monkeypatch):
    """Every SQLite file is taken for one on a share; the connections are recorded."""
    monkeypatch.setattr(network_paths, "is_network_path", lambda path, platform=None: True)
    calls = []
    real = sqlite3.connect

    def spy(database, *args, **kwargs):
        calls.append((str(database), kwargs.get("uri", False)))
        return real(database, *args, **kwargs)

    monkeypatch.setattr(network_paths.sqlite3, "connect", spy)
    return calls


@pytest.mark.sqlite_only
def test_a_database_on_a_share_opens_by_its_path_with_a_rollback_journal(sqlite_url, on_a_share, capsys):
    path = sqlite_path(sqlite_url)
    for _attempt in range(2):  # created, then opened again (read-only inspection, then the engine)
        opened = open_app_database(sqlite_url)
        try:
            assert on_network_share(opened.db)
            with opened.db.reading() as session:
                connection = session.connection()
                assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert database_info(opened.db)["network_share"] is True
            assert not path.with_name(path.name + "-wal").exists()
        finally:
            opened.db.dispose()
    ours = [call for call in on_a_share if path.name in call[0]]
    assert ours and all(not uri and not name.startswith("file:") for name, uri in ours), ours

    assert main(["--db", str(path), "info"]) == 0
    out = capsys.readouterr().out
    assert "dysku sieciowym" in out and "tylko jeden komputer naraz" in out and "PostgreSQL" in out


@pytest.mark.sqlite_only
def test_a_local_database_keeps_wal_its_uri_and_no_warning(sqlite_url, capsys):
    opened = open_app_database(sqlite_url)
    try:
        assert not on_network_share(opened.db)
        with opened.db.reading() as session:
            assert session.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        opened.db.dispose()
    assert main(["--db", sqlite_url, "info"]) == 0
    assert "dysku sieciowym" not in capsys.readouterr().out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the Linux mount table")
def test_a_typed_location_is_judged_without_opening_anything(mount_table):
    assert is_network_location("/mnt/gops/pal.sqlite3")
    assert is_network_location("sqlite:////mnt/gops/pal.sqlite3")
    assert not is_network_location("/home/u/pal.sqlite3")
    assert not is_network_location("")
    assert not is_network_location("postgresql://gops@serwer/pal")
