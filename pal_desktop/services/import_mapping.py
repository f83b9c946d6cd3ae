"""Which column of an office's sheet fills which field of the registry.

``guess_mapping`` matches headers to fields (Polish names, any case, with or without Polish letters,
synonyms); the import dialog may correct the ``ColumnMapping`` and keep it under a name (``save_mapping``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import select

from pal_desktop.domain.text import fold
from pal_desktop.errors import ValidationError
from pal_desktop.messages import QT_TRANSLATE_NOOP
from pal_desktop.storage.db import Database
from pal_desktop.storage.models import Setting

MAPPING_KEY_PREFIX = "import_mapping."
MAX_MAPPING_NAME = 80 - len(MAPPING_KEY_PREFIX)

# ---- Fields and header synonyms -----------------------------------------------------------------------

#: What a column can be mapped to, with the Polish names the mapping dialog shows. Besides the fields of
#: ParticipantInput there are columns that hold several: a full name, and an address "ul. Długa 5/3".
IMPORT_FIELDS: dict[str, str] = {
    "last_name": QT_TRANSLATE_NOOP("Fields", "Nazwisko"),
    "first_name": QT_TRANSLATE_NOOP("Fields", "Imię"),
    "full_name": QT_TRANSLATE_NOOP("Fields", "Imię i nazwisko"),
    "full_name_reversed": QT_TRANSLATE_NOOP("Fields", "Nazwisko i imię"),
    "pesel": QT_TRANSLATE_NOOP("Fields", "PESEL"),
    "no_pesel": QT_TRANSLATE_NOOP("Fields", "Brak PESEL"),
    "document_number": QT_TRANSLATE_NOOP("Fields", "Numer dokumentu"),
    "birth_date": QT_TRANSLATE_NOOP("Fields", "Data urodzenia"),
    "sex": QT_TRANSLATE_NOOP("Fields", "Płeć"),
    "address": QT_TRANSLATE_NOOP("Fields", "Adres (ulica, nr domu i lokalu)"),
    "street_name": QT_TRANSLATE_NOOP("Fields", "Ulica"),
    "house_number": QT_TRANSLATE_NOOP("Fields", "Nr domu"),
    "flat_number": QT_TRANSLATE_NOOP("Fields", "Nr lokalu"),
    "postal_code": QT_TRANSLATE_NOOP("Fields", "Kod pocztowy"),
    "city": QT_TRANSLATE_NOOP("Fields", "Miejscowość"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Telefon"),
    "email": QT_TRANSLATE_NOOP("Fields", "E-mail"),
    "education": QT_TRANSLATE_NOOP("Fields", "Wykształcenie"),
    "labour_status": QT_TRANSLATE_NOOP("Fields", "Status na rynku pracy"),
    "labour_status_detail": QT_TRANSLATE_NOOP("Fields", "Status na rynku pracy — w tym"),
    "disability": QT_TRANSLATE_NOOP("Fields", "Niepełnosprawność"),
    "disability_degree": QT_TRANSLATE_NOOP("Fields", "Stopień niepełnosprawności"),
    "minority_or_foreign": QT_TRANSLATE_NOOP("Fields", "Mniejszość, migrant, obce pochodzenie"),
    "homeless": QT_TRANSLATE_NOOP("Fields", "Bezdomność lub wykluczenie z dostępu do mieszkań"),
    "other_disadvantage": QT_TRANSLATE_NOOP("Fields", "Inna niekorzystna sytuacja społeczna"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
    "start_date": QT_TRANSLATE_NOOP("Fields", "Data rozpoczęcia udziału"),
    "end_date": QT_TRANSLATE_NOOP("Fields", "Data zakończenia udziału"),
    "end_situation": QT_TRANSLATE_NOOP("Fields", "Sytuacja w chwili zakończenia"),
    "completed_as_planned": QT_TRANSLATE_NOOP("Fields", "Zakończenie zgodnie ze ścieżką"),
    "reasons": QT_TRANSLATE_NOOP("Fields", "Powody wsparcia"),
    "declaration_date": QT_TRANSLATE_NOOP("Fields", "Deklaracja uczestnictwa"),
    "data_protection_date": QT_TRANSLATE_NOOP("Fields", "Oświadczenie RODO"),
    "image_consent_date": QT_TRANSLATE_NOOP("Fields", "Zgoda na wykorzystanie wizerunku"),
    "individual_plan_date": QT_TRANSLATE_NOOP("Fields", "Indywidualny plan działania"),
    "outside_area_reason": QT_TRANSLATE_NOOP("Fields", "Uzasadnienie adresu spoza obszaru"),
    "notes": QT_TRANSLATE_NOOP("Fields", "Uwagi"),
}

#: Header texts (folded: lower case, no Polish letters, no dots or colons) that name each field.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "last_name": ("nazwisko", "nazwisko uczestnika", "nazwiska"),
    "first_name": ("imie", "imiona", "imie uczestnika", "pierwsze imie"),
    "full_name": ("imie i nazwisko", "imie nazwisko", "uczestnik", "imie i nazwisko uczestnika"),
    "full_name_reversed": ("nazwisko i imie", "nazwisko imie", "nazwisko i imiona"),
    "pesel": ("pesel", "nr pesel", "numer pesel", "pesel uczestnika"),
    "no_pesel": ("brak pesel", "brak nr pesel"),
    "document_number": ("nr dokumentu", "numer dokumentu", "nr dowodu", "numer dowodu", "nr paszportu",
                        "seria i nr dokumentu", "seria i numer dokumentu", "dokument tozsamosci"),
    "birth_date": ("data urodzenia", "data ur", "urodzony", "urodzona", "ur"),
    "sex": ("plec", "k/m", "k m"),
    "address": ("adres", "adres zamieszkania", "adres uczestnika", "ulica i nr domu", "ulica i numer"),
    "street_name": ("ulica", "ul"),
    "house_number": ("nr domu", "numer domu", "nr budynku", "numer budynku"),
    "flat_number": ("nr lokalu", "numer lokalu", "nr mieszkania", "numer mieszkania", "lokal", "mieszkanie",
                    "nr m"),
    "postal_code": ("kod pocztowy", "kod", "kod poczt"),
    "city": ("miejscowosc", "miasto", "poczta", "miejscowosc zamieszkania"),
    "phone": ("telefon", "tel", "tel kom", "telefon kontaktowy", "nr telefonu", "numer telefonu", "telefon kom",
              "komorka"),
    "email": ("e-mail", "email", "e mail", "adres e-mail", "adres email", "mail", "poczta e-mail"),
    "education": ("wyksztalcenie", "poziom wyksztalcenia"),
    "labour_status": ("status na rynku pracy", "sytuacja na rynku pracy",
                      "status osoby na rynku pracy w chwili przystapienia do projektu"),
    "labour_status_detail": ("w tym", "status na rynku pracy w tym"),
    "disability": ("niepelnosprawnosc", "osoba niepelnosprawna", "osoba z niepelnosprawnosciami",
                   "orzeczenie o niepelnosprawnosci"),
    "disability_degree": ("stopien niepelnosprawnosci", "stopien"),
    "minority_or_foreign": ("mniejszosc", "osoba nalezaca do mniejszosci narodowej lub etnicznej, migrant, osoba "
                                          "obcego pochodzenia", "migrant"),
    "homeless": ("bezdomnosc", "osoba bezdomna", "osoba bezdomna lub dotknieta wykluczeniem z dostepu do "
                                                 "mieszkan"),
    "other_disadvantage": ("inna niekorzystna sytuacja", "osoba w innej niekorzystnej sytuacji spolecznej"),
    "status": ("status", "status uczestnika", "etap"),
    "start_date": ("data rozpoczecia", "data przystapienia", "data rozpoczecia udzialu", "data przystapienia do "
                   "projektu", "data przystapienia do programu", "data rozpoczecia udzialu w projekcie",
                   "data rozpoczecia udzialu w programie"),
    "end_date": ("data zakonczenia", "data zakonczenia udzialu", "data zakonczenia udzialu w projekcie",
                 "data zakonczenia udzialu w programie", "data wyjscia", "data rezygnacji"),
    "end_situation": ("sytuacja w chwili zakonczenia", "sytuacja po zakonczeniu",
                      "sytuacja osoby w momencie zakonczenia udzialu w projekcie"),
    "completed_as_planned": ("zakonczenie zgodnie ze sciezka", "zakonczenie udzialu osoby w projekcie zgodnie z "
                                                               "zaplanowana dla niej sciezka uczestnictwa"),
    "reasons": ("powod", "powody", "powody wsparcia", "powod wsparcia", "przyczyny", "przyczyna",
                "powody udzielenia wsparcia", "powody przyznania pomocy", "przyczyny udzielenia pomocy",
                "dysfunkcje"),
    "declaration_date": ("deklaracja", "data deklaracji", "deklaracja uczestnictwa",
                         "data podpisania deklaracji", "data deklaracji uczestnictwa"),
    "data_protection_date": ("rodo", "oswiadczenie rodo", "data rodo", "data oswiadczenia rodo",
                             "oswiadczenie o przetwarzaniu danych osobowych", "zgoda rodo"),
    "image_consent_date": ("zgoda na wizerunek", "zgoda na wykorzystanie wizerunku", "wizerunek"),
    "individual_plan_date": ("ipd", "indywidualny plan dzialania", "data ipd"),
    "outside_area_reason": ("uzasadnienie adresu spoza obszaru", "uzasadnienie"),
    "notes": ("uwagi", "notatki", "komentarz", "informacje dodatkowe"),
}
#: Pseudo-fields that fill several ParticipantInput fields.
FILLS = {"full_name": ("first_name", "last_name"), "full_name_reversed": ("first_name", "last_name"),
          "address": ("street_name", "house_number", "flat_number")}


def header_key(text: Any) -> str:
    """A header as the synonyms are written: folded, without dots, colons, asterisks or brackets."""
    folded = fold(str(text)) if text is not None else ""
    return " ".join(re.sub(r"[.:;*()\[\]_]+", " ", folded).split())


@lru_cache(maxsize=1)
def _synonym_index() -> tuple[dict[str, str], list[tuple[str, str]]]:
    exact: dict[str, str] = {}
    for name, synonyms in HEADER_SYNONYMS.items():
        for synonym in synonyms:
            exact.setdefault(header_key(synonym), name)
    # A longer header that starts with a synonym ("Telefon komórkowy", "Data urodzenia (dd.mm.rrrr)").
    prefixes = sorted(((k, v) for k, v in exact.items() if len(k) >= 4), key=lambda kv: -len(kv[0]))
    return exact, prefixes


def match_header(text: Any) -> str | None:
    """The field a header names, or None."""
    key = header_key(text)
    if not key:
        return None
    exact, prefixes = _synonym_index()
    if key in exact:
        return exact[key]
    for synonym, name in prefixes:
        if key.startswith(synonym + " "):
            return name
    return None


@dataclass
class ColumnMapping:
    """Which field each header of the sheet fills (None: the column is left out)."""

    columns: dict[str, str | None] = field(default_factory=dict)

    def field_for(self, header: str) -> str | None:
        return self.columns.get(clean_header(header))

    def set(self, header: str, field_name: str | None) -> None:
        if field_name is not None and field_name not in IMPORT_FIELDS:
            raise ValidationError(QT_TRANSLATE_NOOP("Import", "Nieznane pole „{name}” w przypisaniu kolumn."),
                                  field="mapping", name=field_name)
        self.columns[clean_header(header)] = field_name

    def fields(self) -> set[str]:
        return {f for f in self.columns.values() if f}

    def to_json(self) -> str:
        return json.dumps(self.columns, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError(text)
        return cls({str(k): (v if v in IMPORT_FIELDS else None) for k, v in data.items()})


def clean_header(header: Any) -> str:
    return " ".join(str(header).split()) if header is not None else ""


def guess_mapping(headers: Sequence[str]) -> ColumnMapping:
    """The automatic header → field matching."""
    return ColumnMapping({clean_header(h): match_header(h) for h in headers if clean_header(h)})


def save_mapping(db: Database, name: str, mapping: ColumnMapping) -> None:
    """Keep a corrected mapping for the next file of the same shape (setting ``import_mapping.<name>``)."""
    name = " ".join((name or "").split())
    if not name or len(name) > MAX_MAPPING_NAME:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Import", "Nazwa przypisania kolumn musi mieć od 1 do {max} znaków."), field="name",
            max=MAX_MAPPING_NAME)
    key = MAPPING_KEY_PREFIX + name
    with db.session() as session:
        setting = session.scalar(select(Setting).where(Setting.key == key))
        if setting is None:
            session.add(Setting(key=key, value=mapping.to_json()))
        else:
            setting.value = mapping.to_json()


def load_mapping(db: Database, name: str) -> ColumnMapping | None:
    """A saved mapping, or None when there is none under that name."""
    key = MAPPING_KEY_PREFIX + " ".join((name or "").split())
    with db.reading() as session:
        value = session.scalar(select(Setting.value).where(Setting.key == key))
    if value is None:
        return None
    try:
        return ColumnMapping.from_json(value)
    except (ValueError, TypeError):
        return None


def saved_mapping_names(db: Database) -> list[str]:
    with db.reading() as session:
        keys = session.scalars(select(Setting.key).where(Setting.key.startswith(MAPPING_KEY_PREFIX)))
        return sorted(k[len(MAPPING_KEY_PREFIX):] for k in keys)


__all__ = ["FILLS", "HEADER_SYNONYMS", "IMPORT_FIELDS", "ColumnMapping", "clean_header", "guess_mapping",
           "header_key", "load_mapping", "match_header", "save_mapping", "saved_mapping_names"]
