"""Fixtures for the GUI tests: a fresh SQLite database in a temporary folder, and the main window on it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def signed_in_at_start(request, monkeypatch):
    """Window tests start past the sign-in dialog (as the set-up account), except those marked sign_in."""
    if request.node.get_closest_marker("sign_in") is None:
        monkeypatch.setattr("pal_desktop.ui.account_actions.sign_in_at_start", lambda parent, db, then: then(True))


@pytest.fixture(autouse=True)
def conflict_answers(monkeypatch):
    """What the user answers in "Ktoś inny zapisał ten wpis": a test appends (Choice, fields to keep mine) to
    ``answers``; ``asked`` collects the conflicts shown. A dialog opened with no answer queued fails the test
    (instead of waiting for a click that never comes)."""
    from types import SimpleNamespace

    from pal_desktop.ui.dialogs import conflict_dialog

    answers: list = []
    asked: list = []

    def choose(_parent, conflicts):
        asked.append(tuple(conflicts))
        if not answers:
            raise AssertionError("the conflict dialog opened, but the test gave it no answer")
        return answers.pop(0)

    monkeypatch.setattr(conflict_dialog, "choose", choose)
    return SimpleNamespace(answers=answers, asked=asked)


@pytest.fixture
def ui_folders(tmp_path, monkeypatch):
    """Data and config folders of this test only; no PAL_DATABASE_URL from the environment."""
    data, conf = tmp_path / "data", tmp_path / "config"
    data.mkdir()
    conf.mkdir()
    monkeypatch.setenv("PAL_DATA_DIR", str(data))
    monkeypatch.setenv("PAL_CONFIG_DIR", str(conf))
    monkeypatch.delenv("PAL_DATABASE_URL", raising=False)
    return tmp_path


@pytest.fixture
def app_db_url(ui_folders) -> str:
    """SQLite by default; the emptied PostgreSQL test database when PAL_TEST_PG_URL is set (CI runs both)."""
    from tests.pg import PG_URL, reset_postgres

    if PG_URL:
        reset_postgres(PG_URL)
        return PG_URL
    return "sqlite:///" + (ui_folders / "t.sqlite3").as_posix()


@pytest.fixture
def app_db(app_db_url):
    """A new database: schema, event types and the built-in Kłobuck programme (11 schedule tasks)."""
    from pal_desktop.services.database import open_app_database

    opened = open_app_database(app_db_url)
    yield opened.db
    opened.db.dispose()


@pytest.fixture
def demo_app_db(app_db):
    """The new database with 300 demo participants (seed 7) and their events, volunteers and animators."""
    from pal_desktop.services.demo import generate_demo

    generate_demo(app_db, 300, seed=7, today=dt.date(2022, 6, 30))
    return app_db


@pytest.fixture
def shown_errors(monkeypatch):
    """Error and crash dialogs are recorded here instead of blocking the test."""
    from pal_desktop.ui.dialogs import error_dialog

    shown: list = []
    monkeypatch.setattr(error_dialog, "show_error", lambda parent, error, title=None: shown.append(error))
    monkeypatch.setattr(error_dialog, "show_crash", lambda parent, details, log_path: shown.append(details))
    return shown


@pytest.fixture
def make_window(qtbot, shown_errors):
    """make_window(db) -> the main window at 1366x768, shown, with ``db`` loaded."""
    from pal_desktop.ui.main_window import MainWindow

    def make(db):
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.set_database(db)
        return window

    return make


@pytest.fixture
def window(make_window, app_db):
    return make_window(app_db)


@pytest.fixture
def demo_window(make_window, demo_app_db):
    return make_window(demo_app_db)
