"""The PC's own settings file: whatever shape it has, every command still starts."""

from __future__ import annotations

import json

import pytest

from pal_desktop import config


@pytest.fixture
def config_file(tmp_path, monkeypatch):
    monkeypatch.setenv("PAL_CONFIG_DIR", str(tmp_path))
    monkeypatch.delenv("PAL_DATABASE_URL", raising=False)
    return tmp_path / config.FILE_NAME


@pytest.mark.parametrize("content", ["[1, 2, 3]", '"tekst"', "null", "{nie json", "",
                                     '{"database_url": 5, "language": ["pl"], "show_full_pesel": "tak"}',
                                     '{"version": true, "language": "de"}'])
def test_a_settings_file_of_the_wrong_shape_gives_the_defaults(config_file, content):
    config_file.write_text(content, encoding="utf-8")
    assert config.load() == config.LocalConfig()


def test_good_values_are_kept_beside_bad_ones(config_file):
    config_file.write_text(json.dumps({"database_url": "/srv/pal.sqlite3", "language": "en",
                                       "show_full_pesel": 1, "unknown": {"x": 1}}), encoding="utf-8")
    loaded = config.load()
    assert (loaded.database_url, loaded.language, loaded.show_full_pesel) == ("/srv/pal.sqlite3", "en", False)


def test_every_command_starts_with_a_broken_settings_file(config_file, tmp_path, capsys):
    from pal_desktop.cli import main

    config_file.write_text('["zepsuty"]', encoding="utf-8")
    assert main(["--db", str(tmp_path / "pal.sqlite3"), "init"]) == 0
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "pal.sqlite3"), "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["schema_version"]
