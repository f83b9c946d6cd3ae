"""Shared fixtures: every test gets its own data and config folders and a fresh database.

The database is a SQLite file by default; with PAL_TEST_PG_URL set (``.ci/run`` does it), the database
fixtures use that PostgreSQL database instead, emptied before each test.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests.pg import PG_URL, reset_postgres  # noqa: E402


def pytest_collection_modifyitems(config, items):
    if PG_URL:
        skip = pytest.mark.skip(reason="about the SQLite file itself; this run is on PostgreSQL")
        for item in items:
            if "sqlite_only" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(autouse=True)
def isolated_folders(tmp_path_factory, monkeypatch):
    """Keep every test away from the real user's data, config and PAL_DATABASE_URL."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PAL_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("PAL_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("PAL_DATABASE_URL", raising=False)
    monkeypatch.delenv("PAL_PASSWORD", raising=False)
    yield home
    # A test that signed in must not leave the next one acting as that account.
    from pal_desktop.actor import current_actor

    current_actor.set_for_process("system")
    # Connections a test left open are closed now, not by the garbage collector during a later test.
    import sys

    if "pal_desktop.storage.db" in sys.modules:
        sys.modules["pal_desktop.storage.db"].dispose_all()


@pytest.fixture
def db_url(tmp_path) -> str:
    """An empty database: a new SQLite file, or the emptied PostgreSQL test database."""
    if PG_URL:
        reset_postgres(PG_URL)
        return PG_URL
    return "sqlite:///" + (tmp_path / "pal-test.sqlite3").as_posix()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """Always SQLite, for what only a file can show (backups, untouched bytes, WAL)."""
    return "sqlite:///" + (tmp_path / "pal-test.sqlite3").as_posix()


def _make_template(folder, demo: bool):
    """An initialised SQLite file (with the demo people when ``demo``), made once per run and then copied:
    migrating a fresh database costs each test about 0.15 s, copying the file a few milliseconds."""
    import datetime as dt

    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.demo import generate_demo

    path = folder / ("demo.sqlite3" if demo else "initialised.sqlite3")
    opened = open_app_database("sqlite:///" + path.as_posix())
    if demo:
        generate_demo(opened.db, 300, seed=7, today=dt.date(2022, 6, 30))
    opened.db.dispose()  # the last connection to close checkpoints the WAL into the file
    return path


@pytest.fixture(scope="session")
def sqlite_templates(tmp_path_factory):
    """Template files, made on first use: {"initialised": path, "demo": path}."""
    folder = tmp_path_factory.mktemp("templates")
    made: dict[str, object] = {}

    def template(kind: str):
        if kind not in made:
            made[kind] = _make_template(folder, demo=kind == "demo")
        return made[kind]

    return template


def _copied(template, url: str):
    import shutil

    from pal_desktop.services.database import open_app_database
    from pal_desktop.storage.db import sqlite_path

    shutil.copyfile(template, sqlite_path(url))
    return open_app_database(url)


@pytest.fixture
def db(db_url, sqlite_templates):
    """An initialised database: schema, event types and the built-in Kłobuck programme."""
    from pal_desktop.services.database import open_app_database

    opened = open_app_database(db_url) if PG_URL else _copied(sqlite_templates("initialised"), db_url)
    yield opened.db
    opened.db.dispose()


@pytest.fixture
def demo_db(db_url, sqlite_templates):
    """The initialised database with 300 demo participants (seed 7)."""
    import datetime as dt

    from pal_desktop.services.database import open_app_database
    from pal_desktop.services.demo import generate_demo

    if PG_URL:
        opened = open_app_database(db_url)
        generate_demo(opened.db, 300, seed=7, today=dt.date(2022, 6, 30))
    else:
        opened = _copied(sqlite_templates("demo"), db_url)
    yield opened.db
    opened.db.dispose()


@pytest.fixture
def act_as():
    """``act_as(role, cash=False)``: the rest of the test runs as a signed-in account of that role."""
    from pal_desktop.actor import current_actor
    from pal_desktop.domain.permissions import Principal

    def act(role, cash: bool = False, login: str = "tester"):
        current_actor.set_for_process(Principal.signed_in(login, role, cash))

    return act


@pytest.fixture(autouse=True)
def memory_keyring():
    """No test touches the PC's real credential store: passwords go to a dictionary (``.stored``)."""
    import keyring

    from tests.keyring_memory import MemoryKeyring

    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)
