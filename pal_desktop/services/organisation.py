"""The organisation's settings shared by every PC: name, address, logos for document headers, hourly rate."""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import delete, select

from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import LogoImage, Setting

MAX_LOGOS = 4
MAX_LOGO_BYTES = 5 * 1024 * 1024
LOGO_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


@dataclass(frozen=True)
class OrganisationSettings:
    name: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    volunteer_hour_rate: str = ""


@dataclass(frozen=True)
class Logo:
    id: int
    file_name: str
    content: bytes


_KEYS = {f.name: f"organisation.{f.name}" for f in fields(OrganisationSettings)}


def get_organisation(db: Database) -> OrganisationSettings:
    with db.reading() as session:
        stored = dict(session.execute(select(Setting.key, Setting.value)
                                      .where(Setting.key.in_(list(_KEYS.values())))).all())
    return OrganisationSettings(**{name: stored.get(key, "") for name, key in _KEYS.items()})


def validate_organisation(settings: OrganisationSettings) -> OrganisationSettings:
    """Trimmed copy of the settings, or ValidationError naming the field at fault."""
    values = {name: getattr(settings, name).strip() for name in _KEYS}
    if not values["name"]:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „Nazwa organizacji” nie może być puste."),
                              field="name")
    code = values["postal_code"]
    if code and not (len(code) == 6 and code[2] == "-" and (code[:2] + code[3:]).isdigit()):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Kod pocztowy” musi mieć postać 00-000 (wpisano: „{value}”)."),
            field="postal_code", value=code)
    rate = values["volunteer_hour_rate"].replace(",", ".").replace("zł", "").strip()
    if rate:
        try:
            parsed = Decimal(rate)
        except InvalidOperation:
            parsed = Decimal(-1)
        if parsed < 0 or parsed > 10000:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pole „Stawka za godzinę wolontariatu” musi być kwotą w złotych, np. 35,00 "
                              "(wpisano: „{value}”)."), field="volunteer_hour_rate",
                value=values["volunteer_hour_rate"])
        values["volunteer_hour_rate"] = f"{parsed:.2f}".replace(".", ",")
    if values["email"] and ("@" not in values["email"] or not values["email"].isascii()):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „E-mail” nie jest poprawnym adresem e-mail (wpisano: „{value}”)."),
            field="email", value=values["email"])
    return OrganisationSettings(**values)


def save_organisation(db: Database, settings: OrganisationSettings) -> OrganisationSettings:
    clean = validate_organisation(settings)
    with db.session() as session:
        stored = {s.key: s for s in session.scalars(select(Setting).where(Setting.key.in_(list(_KEYS.values()))))}
        for name, key in _KEYS.items():
            value = getattr(clean, name)
            if key in stored:
                if stored[key].value != value:
                    stored[key].value = value
            else:
                session.add(Setting(key=key, value=value))
    return clean


def list_logos(db: Database) -> list[Logo]:
    with db.reading() as session:
        return [Logo(logo.id, logo.file_name, logo.content)
                for logo in session.scalars(select(LogoImage).order_by(LogoImage.position, LogoImage.id))]


def read_logo_file(path: Path) -> tuple[str, bytes]:
    """Read a PNG or JPEG for the logo strip; ValidationError if it is not one or is too large."""
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Nie można odczytać pliku „{path}”: {reason}."),
                              field="logos", path=str(path), reason=exc.strerror or str(exc)) from exc
    if not content.startswith(LOGO_SIGNATURES):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Plik „{name}” nie jest obrazem PNG ani JPEG. Wybierz logo w jednym z tych formatów."),
            field="logos", name=path.name)
    if len(content) > MAX_LOGO_BYTES:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Plik „{name}” jest za duży (ponad 5 MB). Zmniejsz obraz logo."), field="logos",
            name=path.name)
    return path.name, content


def replace_logos(db: Database, logos: list[tuple[str, bytes]]) -> None:
    """Replace the logo strip with these images, in this order (at most four signs in one line)."""
    if len(logos) > MAX_LOGOS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pasek logotypów może mieć najwyżej {max} znaki w jednej linii (wybrano {count})."),
            field="logos", max=MAX_LOGOS, count=len(logos))
    with db.session() as session:
        session.execute(delete(LogoImage))
        for position, (file_name, content) in enumerate(logos, start=1):
            session.add(LogoImage(position=position, file_name=file_name, content=content))
