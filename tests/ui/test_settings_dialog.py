"""Plik → Ustawienia…: typing the organisation's details, the logo strip and the database location."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from pal_desktop import config
from pal_desktop.services import organisation
from pal_desktop.ui import file_dialogs

from .typing import replace_text, type_text


def open_settings(qtbot, window):
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def png(path, colour: str, size=(60, 30)):
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))
    return path


def test_a_wrong_postal_code_is_named_and_the_dialog_stays_open(qtbot, window, app_db, shown_errors):
    dialog = open_settings(qtbot, window)
    assert dialog.windowTitle() == "Ustawienia"
    type_text(qtbot, dialog.fields["name"], "Gminny Ośrodek Pomocy Społecznej w Kłobucku")
    type_text(qtbot, dialog.fields["city"], "Kłobuck")
    type_text(qtbot, dialog.fields["postal_code"], "42100")
    click(qtbot, dialog.save_button)

    assert dialog.isVisible()
    error = dialog.error_labels["postal_code"]
    assert error.isVisible()
    assert "Kod pocztowy" in error.text()
    assert error.text() == "Pole „Kod pocztowy” musi mieć postać 00-000 (wpisano: „42100”)."
    assert dialog.fields["postal_code"].hasFocus()
    assert organisation.get_organisation(app_db).name == ""  # nothing saved

    replace_text(qtbot, dialog.fields["postal_code"], "42-100")
    assert not error.isVisible()  # editing the field clears its message
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert window.statusBar().currentMessage() == "Ustawienia zapisane."

    again = open_settings(qtbot, window)
    assert again.fields["name"].text() == "Gminny Ośrodek Pomocy Społecznej w Kłobucku"
    assert again.fields["postal_code"].text() == "42-100"
    assert again.fields["city"].text() == "Kłobuck"
    assert shown_errors == []


@pytest.mark.parametrize("field, typed, label", [
    ("volunteer_hour_rate", "trzydzieści", "Stawka za godzinę wolontariatu"),
    ("email", "gops(at)klobuck.pl", "E-mail"),
])
def test_other_wrong_fields_are_named_under_themselves(qtbot, window, field, typed, label):
    dialog = open_settings(qtbot, window)
    type_text(qtbot, dialog.fields["name"], "GOPS")
    type_text(qtbot, dialog.fields[field], typed)
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert f"„{label}”" in dialog.error_text(field)
    assert dialog.error_labels[field].isVisible()
    assert all(not dialog.error_text(other) for other in dialog.error_labels if other != field)


def test_an_empty_name_is_refused(qtbot, window):
    dialog = open_settings(qtbot, window)
    click(qtbot, dialog.save_button)
    assert dialog.error_text("name") == "Pole „Nazwa organizacji” nie może być puste."


def test_the_rate_is_saved_in_polish_format(qtbot, window, app_db):
    dialog = open_settings(qtbot, window)
    type_text(qtbot, dialog.fields["name"], "GOPS")
    type_text(qtbot, dialog.fields["volunteer_hour_rate"], "35,5")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert organisation.get_organisation(app_db).volunteer_hour_rate == "35,50"


def test_escape_cancels_without_saving(qtbot, window, app_db):
    dialog = open_settings(qtbot, window)
    type_text(qtbot, dialog.fields["name"], "Nie zapisuj")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert organisation.get_organisation(app_db).name == ""


def test_logos_added_ordered_removed_and_saved(qtbot, window, app_db, tmp_path, monkeypatch):
    files = [png(tmp_path / "gmina.png", "red"), png(tmp_path / "ue.png", "blue"), png(tmp_path / "pal.png", "green")]
    monkeypatch.setattr(file_dialogs, "open_files", lambda *args, **kwargs: [str(f) for f in files])
    dialog = open_settings(qtbot, window)
    type_text(qtbot, dialog.fields["name"], "GOPS")
    click(qtbot, dialog.add_logo_button)
    assert dialog.logo_names() == ["gmina.png", "ue.png", "pal.png"]
    assert all(not dialog.logo_list.item(i).icon().isNull() for i in range(3))  # thumbnails
    assert dialog.logo_list.currentRow() == 2

    click(qtbot, dialog.logo_up_button)
    assert dialog.logo_names() == ["gmina.png", "pal.png", "ue.png"]
    dialog.logo_list.setCurrentRow(0)
    assert not dialog.logo_up_button.isEnabled()
    click(qtbot, dialog.remove_logo_button)
    assert dialog.logo_names() == ["pal.png", "ue.png"]
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert [logo.file_name for logo in organisation.list_logos(app_db)] == ["pal.png", "ue.png"]

    again = open_settings(qtbot, window)
    assert again.logo_names() == ["pal.png", "ue.png"]


def test_at_most_four_logos_and_only_images(qtbot, window, tmp_path, monkeypatch):
    files = [png(tmp_path / f"logo{i}.png", "red") for i in range(5)]
    chosen: list[list[str]] = [[str(f) for f in files]]
    monkeypatch.setattr(file_dialogs, "open_files", lambda *args, **kwargs: chosen[0])
    dialog = open_settings(qtbot, window)
    click(qtbot, dialog.add_logo_button)
    assert len(dialog.logo_names()) == 4
    assert "najwyżej 4 znaki" in dialog.error_text("logos")
    assert not dialog.add_logo_button.isEnabled()

    click(qtbot, dialog.remove_logo_button)
    text_file = tmp_path / "opis.txt"
    text_file.write_text("to nie jest obraz", encoding="utf-8")
    chosen[0] = [str(text_file)]
    click(qtbot, dialog.add_logo_button)
    assert dialog.error_text("logos") == ("Plik „opis.txt” nie jest obrazem PNG ani JPEG. Wybierz logo w jednym "
                                          "z tych formatów.")
    assert len(dialog.logo_names()) == 3


def test_another_database_file_is_kept_for_the_next_start(qtbot, window, app_db, tmp_path, monkeypatch):
    target = tmp_path / "inna-baza.sqlite3"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args, **kwargs: (str(target), ""))
    dialog = open_settings(qtbot, window)
    assert app_db.location in dialog.current_database_label.text()
    type_text(qtbot, dialog.fields["name"], "GOPS")
    click(qtbot, dialog.choose_file_button)
    assert dialog.database_edit.text() == str(target)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert config.load().database_url == str(target)
    assert "następnym uruchomieniu" in window.statusBar().currentMessage()
    assert not target.exists()  # nothing is created before the next start

    again = open_settings(qtbot, window)
    assert again.database_edit.text() == str(target)
    click(qtbot, again.default_database_button)
    click(qtbot, again.save_button)
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert config.load().database_url == ""


@pytest.mark.parametrize("typed, expected", [
    ("mysql://gops@serwer/pal", "Pole „Baza danych” musi zawierać ścieżkę pliku bazy albo adres"),
    pytest.param("/nie/ma/takiego/folderu/pal.sqlite3", "Folder „/nie/ma/takiego/folderu” nie istnieje.",
                 marks=pytest.mark.skipif(os.name == "nt", reason="POSIX path")),
])
def test_an_unusable_database_location_is_named(qtbot, window, typed, expected):
    dialog = open_settings(qtbot, window)
    type_text(qtbot, dialog.fields["name"], "GOPS")
    type_text(qtbot, dialog.database_edit, typed)
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.error_text("database_url").startswith(expected)
    assert config.load().database_url == ""


def test_a_postgresql_address_is_accepted_and_its_password_kept_out_of_the_file(qtbot, window, memory_keyring):
    dialog = open_settings(qtbot, window)
    assert not dialog.database_password_edit.isEnabled()  # a SQLite file has no password
    type_text(qtbot, dialog.fields["name"], "GOPS")
    type_text(qtbot, dialog.database_edit, "postgresql://pal@serwer/pal")
    assert dialog.database_password_edit.isEnabled()
    assert dialog.database_password_edit.echoMode() == dialog.database_password_edit.EchoMode.Password
    type_text(qtbot, dialog.database_password_edit, "tajne-hasło")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert config.load().database_url == "postgresql://pal@serwer/pal"
    assert "tajne" not in config.config_path().read_text(encoding="utf-8")
    assert memory_keyring.stored[("PAL Desktop", "pal@serwer:5432/pal")] == "tajne-hasło"

    again = open_settings(qtbot, window)
    assert again.database_edit.text() == "postgresql://pal@serwer/pal"
    assert again.database_password_edit.text() == ""
    assert again.database_password_edit.placeholderText().startswith("zapisane w menedżerze poświadczeń")


def test_every_field_has_a_label_shortcut_and_accessible_name(qtbot, window):
    from PySide6.QtWidgets import QLabel

    dialog = open_settings(qtbot, window)
    buddies = {label.buddy(): label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    for field, edit in dialog.fields.items():
        assert edit.accessibleName(), field
        assert "&" in buddies[edit], field
    assert dialog.save_button.text() == "&Zapisz"
    assert dialog.cancel_button.text() == "Anuluj"


def test_ctrl_s_saves_from_the_keyboard(qtbot, window, app_db):
    dialog = open_settings(qtbot, window)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    type_text(qtbot, dialog.fields["name"], "Ośrodek Pomocy Społecznej")
    qtbot.keyClick(dialog.fields["name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert organisation.get_organisation(app_db).name == "Ośrodek Pomocy Społecznej"


def test_the_iod_contact_typed_in_the_dialog_is_what_the_command_line_shows(qtbot, window, app_db, app_db_url,
                                                                           capsys):
    import json

    from pal_desktop.cli import main

    dialog = open_settings(qtbot, window)
    type_text(qtbot, dialog.fields["name"], "GOPS Kłobuck")
    type_text(qtbot, dialog.fields["iod_contact"], "iod@gops.klobuck.pl, tel. 34 317 00 00")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert organisation.get_organisation(app_db).iod_contact == "iod@gops.klobuck.pl, tel. 34 317 00 00"
    capsys.readouterr()
    assert main(["--db", app_db_url, "settings", "show", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["iod_contact"] == "iod@gops.klobuck.pl, tel. 34 317 00 00"


def test_the_backup_folder_is_chosen_and_a_missing_one_named(qtbot, window, tmp_path, monkeypatch):
    from pal_desktop.services import backup

    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(file_dialogs, "folder", lambda *args, **kwargs: str(usb))
    dialog = open_settings(qtbot, window)
    type_text(qtbot, dialog.fields["name"], "GOPS")
    type_text(qtbot, dialog.backup_folder_edit, str(tmp_path / "brak"))
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and "nie istnieje" in dialog.error_text("backup_folder")
    click(qtbot, dialog.choose_backup_folder_button)
    assert dialog.backup_folder_edit.text() == str(usb)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert config.load().backup_folder == str(usb.resolve()) and backup.backup_folder() == usb.resolve()


def test_a_database_on_a_network_share_is_warned_about_one_pc_at_a_time(qtbot, window, tmp_path, monkeypatch):
    from pal_desktop.storage import network_paths

    share = tmp_path / "udzial-sieciowy"
    share.mkdir()
    monkeypatch.setattr(network_paths, "is_network_path",
                        lambda path, platform=None: "udzial-sieciowy" in str(path))
    dialog = open_settings(qtbot, window)
    warning = dialog.network_share_label
    assert warning.isHidden()  # the open database is a local file
    type_text(qtbot, dialog.database_edit, str(share / "pal.sqlite3"))
    assert not warning.isHidden()
    assert "tylko jeden komputer naraz" in warning.text() and "PostgreSQL" in warning.text()
    replace_text(qtbot, dialog.database_edit, str(tmp_path / "pal.sqlite3"))
    assert warning.isHidden()
