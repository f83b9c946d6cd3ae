"""Text keys for finding and ordering people the way Polish speakers expect.

``fold`` makes the search key: lower case without diacritics ("Łukasz" -> "lukasz"), so that a query
typed with or without Polish letters finds the same people with a plain LIKE on any database.
``sort_key`` makes an ordering key that sorts in Polish alphabetical order (a < ą < b < c < ć ... ł after l,
ż after ź after z) under plain binary comparison, the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import unicodedata

from pal_desktop.domain.limits import clean_text

POLISH_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"

#: Letters that Unicode does not decompose into a base letter and a combining mark.
_NON_DECOMPOSING = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe"})


def fold(text: str | None) -> str:
    """Lower case, Polish (and other) diacritics removed, white space collapsed."""
    if not text:
        return ""
    text = text.translate(_NON_DECOMPOSING).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Without control characters: a NUL pasted into a search box made PostgreSQL refuse the whole query.
    return " ".join(clean_text(stripped.translate(_NON_DECOMPOSING)).split())


# Each letter of the Polish alphabet gets one code point from "A" upwards, in alphabet order; digits keep
# theirs (below the letters) and anything that separates words becomes a space (below everything).
_LETTER_CODES = {letter: chr(0x41 + index) for index, letter in enumerate(POLISH_ALPHABET)}
_AFTER_LETTERS = chr(0x41 + len(POLISH_ALPHABET))


def _letter_code(ch: str) -> str:
    code = _LETTER_CODES.get(ch)
    if code is not None:
        return code
    if ch.isdigit():
        return ch if ch.isascii() else str(unicodedata.digit(ch, 0))
    if ch.isspace() or ch in "-'’.,":
        return " "
    base = fold(ch)
    if base and base != ch:
        return "".join(_letter_code(b) for b in base)
    return _AFTER_LETTERS + ch


#: The stored key's column, String(400): a letter outside the Polish alphabet takes two characters of the key, so
#: names within their own limits (100 + 150) in Cyrillic could need 500. The first 400 order them well enough.
SORT_KEY_LENGTH = 400


def sort_key(*parts: str | None) -> str:
    """The Polish dictionary-order key of ``parts`` joined by spaces ("Nowak", "Anna")."""
    text = " ".join(p.strip() for p in parts if p and p.strip()).casefold()
    return " ".join("".join(_letter_code(ch) for ch in word) for word in text.split())[:SORT_KEY_LENGTH]


def participant_search_text(first_name: str, last_name: str, pesel: str | None, street: str | None) -> str:
    """What the participant search looks in: both name orders, PESEL and street, folded."""
    return " ".join(part for part in (fold(f"{last_name} {first_name}"), fold(f"{first_name} {last_name}"),
                                      pesel or "", fold(street)) if part)


def street_key(name: str | None) -> str:
    """How the participant form matches a typed street to the area's list: folded, without "ul. "."""
    return fold(name).removeprefix("ul. ").strip()
