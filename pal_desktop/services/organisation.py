"""The organisation's settings shared by every PC: name, address, logos for document headers, hourly rate."""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import delete, select

from pal_desktop.domain import limits
from pal_desktop.domain.permissions import Permission
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.services.access_control import require
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import LogoImage, Setting

MAX_LOGOS = 4
MAX_LOGO_BYTES = 5 * 1024 * 1024
LOGO_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
MAX_FIELD_CHARS = 300
_LABELS = {"name": QT_TRANSLATE_NOOP("Fields", "Nazwa organizacji"), "address": QT_TRANSLATE_NOOP("Fields", "Adres"),
           "postal_code": QT_TRANSLATE_NOOP("Fields", "Kod pocztowy"), "city": QT_TRANSLATE_NOOP("Fields", "Miejscowość"),
           "phone": QT_TRANSLATE_NOOP("Fields", "Telefon"), "email": QT_TRANSLATE_NOOP("Fields", "E-mail"),
           "volunteer_hour_rate": QT_TRANSLATE_NOOP("Fields", "Stawka za godzinę wolontariatu"),
           "iod_contact": QT_TRANSLATE_NOOP("Fields", "Kontakt do inspektora ochrony danych")}


@dataclass(frozen=True)
class OrganisationSettings:
    name: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    volunteer_hour_rate: str = ""
    #: How to reach the office's data protection officer (inspektor ochrony danych): name, e-mail or phone.
    iod_contact: str = ""
    #: Cash assistance above this amount asks before it is saved (services.cash_rules); "" — never asks.
    cash_warning_threshold: str = ""
    #: The office's policy: repeat the checks for work with children after this many months ("" — 12).
    child_check_months: str = ""


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
    values = {name: clean_field(name, getattr(settings, name)) for name in _KEYS}
    return OrganisationSettings(**values)


def clean_field(name: str, value: str) -> str:
    """One field of the settings as stored (trimmed, the rate as "35,00"), or ValidationError naming it.

    The settings dialog checks every field with it and ``pal-desktop settings set`` the one it sets.
    """
    value = value.strip()
    # One line on every document's header: no control characters, and no longer than a programme's title.
    limits.check_text(value, field=name, label=_LABELS.get(name, name), limit=MAX_FIELD_CHARS)
    if name == "name" and not value:
        raise ValidationError(QT_TRANSLATE_NOOP("Validation", "Pole „Nazwa organizacji” nie może być puste."),
                              field="name")
    if name == "postal_code" and value and not (len(value) == 6 and value[2] == "-"
                                                and (value[:2] + value[3:]).isdigit()):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „Kod pocztowy” musi mieć postać 00-000 (wpisano: „{value}”)."),
            field="postal_code", value=value)
    if name == "volunteer_hour_rate" and value:
        rate = value.replace(",", ".").replace("zł", "").strip()
        try:
            parsed = Decimal(rate)
        except InvalidOperation:
            parsed = Decimal(-1)
        if not parsed.is_finite() or parsed < 0 or parsed > 10000:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pole „Stawka za godzinę wolontariatu” musi być kwotą w złotych, np. 35,00 "
                              "(wpisano: „{value}”)."), field="volunteer_hour_rate", value=value)
        return f"{parsed:.2f}".replace(".", ",")
    if name == "cash_warning_threshold" and value:
        parsed = _amount(value)
        if parsed is None or parsed <= 0 or parsed > 1000000:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pole „Próg ostrzeżenia o pomocy pieniężnej” musi być kwotą w złotych, np. 2000,00 "
                              "(wpisano: „{value}”)."), field="cash_warning_threshold", value=value)
        return f"{parsed:.2f}".replace(".", ",")
    if name == "child_check_months" and value:
        if not value.isdigit() or not 1 <= int(value) <= 120:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Pole „Ponowne sprawdzenie osób pracujących z dziećmi” musi być liczbą miesięcy od 1 "
                              "do 120 (wpisano: „{value}”)."), field="child_check_months", value=value)
        return str(int(value))
    if name == "email" and value and ("@" not in value or not value.isascii()):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pole „E-mail” nie jest poprawnym adresem e-mail (wpisano: „{value}”)."),
            field="email", value=value)
    return value


def _amount(text: str) -> Decimal | None:
    try:
        parsed = Decimal("".join(text.replace("zł", "").split()).replace(",", "."))
    except InvalidOperation:
        return None
    return parsed if parsed.is_finite() else None


def cash_warning_threshold(db: Database) -> Decimal | None:
    """The office's threshold for cash assistance as a number (None when it is not set)."""
    text = get_organisation(db).cash_warning_threshold
    return _amount(text) if text else None


def child_check_months(db: Database) -> int:
    """After how many months the office repeats the checks for work with children (its policy; default 12)."""
    with db.reading() as session:
        return child_check_months_in(session)


def child_check_months_in(session) -> int:
    """``child_check_months`` inside a transaction already open (a save reads it with its own session)."""
    from pal_desktop.domain.volunteering import CHECK_VALID_MONTHS

    text = session.scalar(select(Setting.value).where(Setting.key == _KEYS["child_check_months"])) or ""
    return int(text) if text.isdigit() else CHECK_VALID_MONTHS


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


def save_organisation_field(db: Database, name: str, value: str) -> str:
    """Validate and store one field of the settings (the others stay as they are); returns the stored value."""
    if name not in _KEYS:
        raise ValueError(name)
    clean = clean_field(name, value)
    with db.session() as session:
        stored = session.scalar(select(Setting).where(Setting.key == _KEYS[name]))
        if stored is None:
            session.add(Setting(key=_KEYS[name], value=clean))
        elif stored.value != clean:
            stored.value = clean
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
    require(Permission.SETTINGS)
    if len(logos) > MAX_LOGOS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Validation", "Pasek logotypów może mieć najwyżej {max} znaki w jednej linii (wybrano {count})."),
            field="logos", max=MAX_LOGOS, count=len(logos))
    with db.session() as session:
        session.execute(delete(LogoImage))
        for position, (file_name, content) in enumerate(logos, start=1):
            session.add(LogoImage(position=position, file_name=file_name, content=content))


# ---- The office's block on documents -------------------------------------------------------------------


@dataclass(frozen=True)
class OfficeBlock:
    """Who issues a document: the office's name, street address, postal code and town, each may be ""."""

    name: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""

    @property
    def town_line(self) -> str:
        """ "42-100 Kłobuck"."""
        return f"{self.postal_code} {self.city}".strip()

    @property
    def lines(self) -> tuple[str, ...]:
        """The block as printed: name, address, postal code and town, each on its own line, none empty."""
        return tuple(line for line in (self.name, self.address, self.town_line) if line)

    @property
    def one_line(self) -> str:
        """ "GOPS w Kłobucku, ul. Zamkowa 1, 42-100 Kłobuck"."""
        return ", ".join(self.lines)


#: Words that open a municipality's name in a programme ("Gmina Kłobuck" → the town "Kłobuck").
_MUNICIPALITY_PREFIXES = ("miasto i gmina ", "gmina miejska ", "gmina wiejska ", "gmina ", "miasto ")


def _town_of(municipality: str) -> str:
    text = municipality.strip()
    for prefix in _MUNICIPALITY_PREFIXES:
        if text.casefold().startswith(prefix):
            return text[len(prefix):].strip()
    return text


def office_block(db: Database, programme_id: int | None = None) -> OfficeBlock:
    """The office's block every document prints: the settings' values and, for each one left empty there, the
    programme's implementer (its organisation, else its first listed implementer; the town from its
    municipality). ``programme_id`` None takes the active programme."""
    from pal_desktop.domain.enums import ProgrammeItemKind
    from pal_desktop.storage.models import Programme, ProgrammeItem

    settings = get_organisation(db)
    name, city = settings.name.strip(), settings.city.strip()
    if not name or not city:
        if programme_id is None:
            from pal_desktop.services.programmes import active_programme

            active = active_programme(db)
            programme_id = active.id if active else None
        with db.reading() as session:
            programme = session.get(Programme, programme_id) if programme_id is not None else None
            if programme is not None:
                implementer = session.scalar(
                    select(ProgrammeItem.text).where(ProgrammeItem.programme_id == programme.id,
                                                     ProgrammeItem.kind == ProgrammeItemKind.IMPLEMENTER)
                    .order_by(ProgrammeItem.position).limit(1)) or ""
                name = name or programme.organisation.strip() or implementer.strip()
                city = city or _town_of(programme.municipality)
    return OfficeBlock(name=name, address=settings.address.strip(), postal_code=settings.postal_code.strip(),
                       city=city)
