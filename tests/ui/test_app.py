"""The bootstrap: startup without SQLAlchemy before the first paint, the probe, errors at start, screenshots."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from PySide6.QtGui import QAction, QImage

from pal_desktop import app as app_module
from pal_desktop.errors import DatabaseError, ValidationError
from pal_desktop.services.audit import AuditFilter, list_entries
from pal_desktop.services.database import open_app_database
from pal_desktop.ui.main_window import resolve_tab

HEAVY = ("sqlalchemy", "alembic", "reportlab", "faker", "pal_desktop.services", "pal_desktop.storage")


def test_nothing_heavy_is_imported_before_the_first_paint():
    script = ("import sys, pal_desktop.app, pal_desktop.ui.main_window; "
              f"print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_run_gui_opens_the_database_after_the_first_paint_and_probes(qapp, app_db_url, monkeypatch, capsys,
                                                                     shown_errors):
    monkeypatch.setenv("PAL_STARTUP_PROBE", "1")
    monkeypatch.setenv("PAL_PROBE_QUIT", "1")
    assert app_module.run_gui(app_db_url) == 0
    lines = [line.split() for line in capsys.readouterr().out.splitlines() if line.startswith("PAL_PROBE")]
    names = [parts[1] for parts in lines]
    assert names[:2] == ["first_paint", "data_shown"]
    if sys.platform.startswith("linux"):
        assert names[2] == "rss_mb" and float(lines[2][2]) > 10
    first_paint, data_shown = float(lines[0][2]), float(lines[1][2])
    assert first_paint <= data_shown
    assert shown_errors == []


def test_run_gui_explains_a_database_it_cannot_open_and_exits_with_2(qapp, ui_folders, monkeypatch,
                                                                      shown_errors):
    not_a_database = ui_folders / "notatki.sqlite3"
    not_a_database.write_text("to nie jest baza danych, tylko notatki\n" * 10, encoding="utf-8")
    assert app_module.run_gui("sqlite:///" + not_a_database.as_posix()) == app_module.EXIT_KNOWN_ERROR
    assert len(shown_errors) == 1 and isinstance(shown_errors[0], DatabaseError)
    assert "nie jest bazą danych PAL Desktop" in str(shown_errors[0])
    assert not_a_database.read_text(encoding="utf-8").startswith("to nie jest baza")  # untouched


def test_a_bug_while_opening_shows_the_crash_dialog_with_the_log(qapp, app_db_url, monkeypatch, shown_errors):
    from pal_desktop.services import database

    def broken(url=None, **kwargs):
        raise RuntimeError("zepsute")

    monkeypatch.setattr(database, "open_app_database", broken)
    assert app_module.run_gui(app_db_url) == app_module.EXIT_CRASH
    assert len(shown_errors) == 1
    assert "RuntimeError: zepsute" in shown_errors[0]
    log = app_module.log_path().read_text(encoding="utf-8")
    assert "RuntimeError: zepsute" in log


def test_error_messages_are_translated_then_filled():
    from pal_desktop.ui.dialogs.error_dialog import error_text

    error = ValidationError("Pole „{name}” jest złe.", field="x", name="Kod pocztowy")
    assert error_text(error) == "Pole „Kod pocztowy” jest złe."


@pytest.mark.parametrize("tab", ["Uczestnicy", "harmonogram", "events"])
def test_screenshot_saves_the_tab(qapp, demo_app_db, tmp_path, tab):
    output = app_module.screenshot(demo_app_db.url, tab, tmp_path / "okno.png")
    image = QImage(str(output))
    assert output == tmp_path / "okno.png"
    assert (image.width(), image.height()) == (1366, 768)


def test_screenshot_size_and_errors(qapp, app_db_url, tmp_path):
    output = app_module.screenshot(app_db_url, "Raporty", tmp_path / "maly.png", size=(1024, 600))
    assert QImage(str(output)).size().toTuple() == (1024, 600)
    if os.name == "posix":  # a picture of the window may show personal data: the owner's only
        assert stat.S_IMODE(os.stat(output).st_mode) == 0o600
    opened = open_app_database(app_db_url)
    try:
        [entry] = list_entries(opened.db, AuditFilter(action="screenshot"))
        assert (entry.what, entry.details) == ("screenshot", {"file": "maly.png", "tab": resolve_tab("Raporty")})
    finally:
        opened.db.dispose()
    with pytest.raises(ValidationError) as caught:
        app_module.screenshot(app_db_url, "Kalendarz", tmp_path / "x.png")
    assert caught.value.field == "tab" and "Harmonogram" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        app_module.screenshot(app_db_url, "Raporty", tmp_path / "brak" / "x.png")
    assert caught.value.field == "output"


def test_polish_qt_translations_are_installed(qapp):
    from PySide6.QtCore import QCoreApplication, QLocale

    from pal_desktop.i18n import install_translators

    try:
        installed = install_translators(qapp, "pl")
        assert QLocale().language() == QLocale.Language.Polish
        if installed:  # qtbase_pl.qm ships with PySide6
            assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Anuluj"
        english = install_translators(qapp, "en")
        assert len(english) == 1  # the application's catalogue (Qt's own texts are English already)
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
        assert QCoreApplication.translate("ParticipantsTab", "Uczestnicy") == "Participants"
    finally:
        install_translators(qapp, "pl")  # the rest of the suite reads the Polish texts


def test_the_english_window_has_english_menus_account_menu_included(qtbot, qapp, make_window, app_db):
    import datetime as dt

    from pal_desktop.i18n import install_translators
    from pal_desktop.services import volunteers

    volunteers.create_volunteer(app_db, volunteers.VolunteerInput(
        first_name="Żaneta", last_name="Łęcka", birth_date=dt.date(1990, 3, 4), phone="601 234 567", active=False))
    try:
        install_translators(qapp, "en")
        window = make_window(app_db)
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["&File", "&Edit", "&View", "P&rogramme", "&Account", "&Help"]
        assert window.findChild(QAction, "lockAction").text() == "&Lock screen"
        window.select_tab("volunteers")
        model = window.current_tab().model
        qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
        assert model.index(0, 3).data() == "no"  # "Z dziećmi": a yes/no in the window's language
        assert model.index(0, 6).data() == "inactive"  # "Uwagi", said in English too
        window.close()
    finally:
        install_translators(qapp, "pl")
