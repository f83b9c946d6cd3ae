"""The PostgreSQL password goes to the credential store, never into the settings file or onto the screen."""

from __future__ import annotations

import json

import keyring
import pytest
from keyring.backends import fail

from pal_desktop import config
from pal_desktop.errors import DatabaseError
from pal_desktop.services import office_settings
from pal_desktop.storage import credentials
from pal_desktop.storage.db import describe, resolve_url

URL = "postgresql://pal_app:Tajne-Haslo-9@serwer.gops.local:5433/pal"
BARE = "postgresql://pal_app@serwer.gops.local:5433/pal"


@pytest.fixture
def store(monkeypatch, tmp_path, memory_keyring):
    monkeypatch.setenv("PAL_CONFIG_DIR", str(tmp_path))
    monkeypatch.delenv("PAL_DATABASE_URL", raising=False)
    return memory_keyring


def test_the_password_typed_in_the_settings_goes_to_the_store_and_never_into_the_file(store):
    saved = office_settings.save_database_location(BARE, "Tajne-Haslo-9")
    assert saved == BARE
    text = config.config_path().read_text(encoding="utf-8")
    assert "Tajne-Haslo-9" not in text and json.loads(text)["database_url"] == BARE
    assert store.stored[("PAL Desktop", "pal_app@serwer.gops.local:5433/pal")] == "Tajne-Haslo-9"
    # opening adds it back for the connection only; what users see hides it
    assert credentials.with_password(resolve_url()).endswith("pal_app:Tajne-Haslo-9@serwer.gops.local:5433/pal")
    assert "Tajne" not in describe(credentials.with_password(resolve_url()))


def test_a_password_inside_the_address_is_moved_out_of_it_too(store):
    assert office_settings.save_database_location(URL) == BARE
    assert "Tajne" not in config.config_path().read_text(encoding="utf-8")
    assert credentials.stored_password(BARE) == "Tajne-Haslo-9"


def test_an_old_settings_file_with_the_password_is_cleaned_at_the_next_start(store):
    local = config.load()
    local.database_url = URL
    config.save(local)
    assert resolve_url() == "postgresql+psycopg://pal_app@serwer.gops.local:5433/pal"
    assert "Tajne" not in config.config_path().read_text(encoding="utf-8")
    assert credentials.stored_password(BARE) == "Tajne-Haslo-9"


def test_without_a_credential_store_nothing_is_saved_and_the_message_says_why(store):
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(DatabaseError, match="menedżerze poświadczeń"):
        office_settings.save_database_location(BARE, "Tajne-Haslo-9")
    assert not config.config_path().exists() or "Tajne" not in config.config_path().read_text(encoding="utf-8")
    # and an old file's password stays usable there rather than being lost
    local = config.load()
    local.database_url = URL
    config.save(local)
    assert "Tajne-Haslo-9" in resolve_url()
