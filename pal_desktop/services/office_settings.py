"""The settings an office is set up with, one key at a time: what ``pal-desktop settings show/set`` works on.

The same rules as the settings dialog: the organisation's fields through ``organisation.clean_field``, the
logos through ``organisation.read_logo_file``/``replace_logos``, the database location through
``ui_queries.check_database_location`` and ``save_database_location`` (which the dialog calls too). The
organisation's data and logos live in the database; the database location in this PC's local config file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pal_desktop import config, paths
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services import organisation
from pal_desktop.storage.db import Database


@dataclass(frozen=True)
class SettingKey:
    key: str
    label: str
    # The OrganisationSettings field behind it, or "" for the logos and the database location.
    field: str = ""
    aliases: tuple[str, ...] = ()


KEYS: tuple[SettingKey, ...] = (
    SettingKey("name", "Nazwa organizacji", "name", ("nazwa",)),
    SettingKey("address", "Adres", "address", ("adres",)),
    SettingKey("postal_code", "Kod pocztowy", "postal_code", ("kod_pocztowy", "kod")),
    SettingKey("town", "Miejscowość", "city", ("city", "miejscowosc", "miejscowość")),
    SettingKey("phone", "Telefon", "phone", ("telefon",)),
    SettingKey("email", "E-mail", "email", ("e-mail",)),
    SettingKey("iod_contact", "Kontakt do inspektora ochrony danych", "iod_contact", ("iod",)),
    SettingKey("volunteer_hour_rate", "Stawka za godzinę wolontariatu", "volunteer_hour_rate",
               ("stawka", "rate")),
    SettingKey("cash_warning_threshold", "Próg ostrzeżenia o pomocy pieniężnej", "cash_warning_threshold",
               ("prog", "próg", "cash_threshold")),
    SettingKey("child_check_months", "Ponowne sprawdzenie osób pracujących z dziećmi (co ile miesięcy)",
               "child_check_months", ("sprawdzenie", "recheck")),
    SettingKey("logos", "Logotypy", "", ("logo", "logotypy")),
    SettingKey("database", "Baza danych przy następnym uruchomieniu", "", ("database_url", "baza")),
)


def find_key(text: str) -> SettingKey:
    """The setting named ``text`` (its key or a Polish alias, any case); ValidationError listing the keys."""
    wanted = text.strip().casefold().replace("-", "_")
    for key in KEYS:
        if wanted == key.key or wanted in (alias.replace("-", "_") for alias in key.aliases):
            return key
    raise ValidationError(QT_TRANSLATE_NOOP(
        "Validation", "Nie ma ustawienia „{key}”. Dozwolone: {allowed}."), field="key", key=text,
        allowed=", ".join(key.key for key in KEYS))


def logo_format(content: bytes) -> str:
    return "PNG" if content.startswith(b"\x89PNG") else "JPEG"


def snapshot(db: Database) -> dict:
    """Every setting as plain values: what ``settings show --json`` prints (logos without their bytes)."""
    stored = organisation.get_organisation(db)
    values: dict = {key.key: getattr(stored, key.field) for key in KEYS if key.field}
    values["logos"] = [{"position": position, "file_name": logo.file_name, "format": logo_format(logo.content),
                        "bytes": len(logo.content)}
                       for position, logo in enumerate(organisation.list_logos(db), start=1)]
    values.update(local_snapshot())
    values["database_open"] = db.location
    return values


def local_snapshot() -> dict:
    """The settings of this PC alone (no database needed): the configured database and the default one."""
    return {"database": config.load().database_url, "database_default": str(paths.default_database_path())}


def set_value(db: Database | None, key: SettingKey, values: list[str]) -> str:
    """Validate and store one setting; returns the stored value as shown to the user.

    ``db`` may be None for the database location (it needs no database). Logos take any number of files
    (none, or one empty value, removes them all); every other setting takes exactly one value.
    """
    if key.key == "logos":
        files = [Path(value) for value in values if value.strip()]
        if len(files) > organisation.MAX_LOGOS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pasek logotypów może mieć najwyżej {max} znaki w jednej linii (wybrano {count})."),
                field="logos", max=organisation.MAX_LOGOS, count=len(files))
        logos = [organisation.read_logo_file(path) for path in files]
        organisation.replace_logos(db, logos)
        return ", ".join(name for name, _content in logos)
    if len(values) != 1:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Ustawienie „{label}” przyjmuje jedną wartość (podano {count}). Wartość ze spacjami "
                          "ujmij w cudzysłów."), field=key.key, label=key.label, count=len(values))
    if key.key == "database":
        return save_database_location(values[0])
    return organisation.save_organisation_field(db, key.field, values[0])


def shown_database_location(location: str) -> str:
    """The location as the settings show it: never with a password."""
    from pal_desktop.storage.credentials import without_password

    return without_password(location)


def has_stored_password(location: str) -> bool:
    """Whether the credential store holds the password for this PostgreSQL address."""
    from pal_desktop.storage import credentials

    return credentials.account(location) is not None and bool(credentials.stored_password(location))


def save_database_location(text: str, password: str = "") -> str:
    """Check the location (``ui_queries.check_database_location``) and keep it in the local config file for
    the next start; a file path is kept absolute, so it means the same wherever the program starts from.

    A PostgreSQL password (typed separately, or inside the address) goes to the system's credential store,
    never into the file; the address is returned without it."""
    from pal_desktop.services.ui_queries import check_database_location
    from pal_desktop.storage import credentials

    location = check_database_location(text)
    if location and "://" not in location:
        location = str(Path(location).expanduser().resolve())
    elif location:
        location = credentials.remember(location, password or None)
    local = config.load()
    if local.database_url == location:
        return location
    local.database_url = location
    try:
        config.save(local)
    except OSError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "SettingsDialog", "Nie można zapisać ustawień w pliku „{path}”: {reason}."), field="database_url",
            context="SettingsDialog", path=str(config.config_path()), reason=exc.strerror or str(exc)) from exc
    return location
