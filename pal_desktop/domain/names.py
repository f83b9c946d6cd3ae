"""People's names as offices write them on forms: "Nowakowska Halina", not "NOWAKOWSKA Halina".

Sheets from other programs often have surnames in capitals (a habit of paper forms) or everything in lower
case. ``normalise_name`` gives each such word a capital initial and keeps what was written with intent:

* a word already in mixed case stays as written ("McDonald", "DiCaprio", "LaToya");
* particles of foreign surnames stay lower case inside a name ("Ludwig van Beethoven", "Charles de Gaulle");
* each part of a double-barrelled name ("NOWAK-KOWALSKA" → "Nowak-Kowalska") and each part around an
  apostrophe ("O'CONNOR" → "O'Connor") gets its own capital;
* "MC" before a surname is the Scottish/Irish prefix ("MCDONALD" → "McDonald"); "Mac" is not touched,
  since it starts Polish surnames too (Mackiewicz, Maciejewski).
"""

from __future__ import annotations

import re

#: Lower-case particles of surnames (Dutch, German, French, Italian, Portuguese, Spanish).
PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "dos", "das", "ter",
                       "ten", "zu", "y"})

_APOSTROPHES = "'’"
_SPLIT = re.compile(r"([-'’])")


def _single_case(word: str) -> bool:
    """All its letters upper case, or all lower case (so the case was not chosen letter by letter)."""
    letters = [ch for ch in word if ch.isalpha()]
    return bool(letters) and (all(ch.isupper() for ch in letters) or all(ch.islower() for ch in letters))


def _capital(part: str) -> str:
    if not part:
        return part
    if len(part) > 3 and part[:2].casefold() == "mc" and part.isalpha():
        return "Mc" + part[2:].capitalize()
    return part[:1].upper() + part[1:].lower()


def _word(word: str, first: bool) -> str:
    if not _single_case(word):
        return word
    if not first and word.casefold() in PARTICLES:
        return word.lower()
    if first and word.islower() and word in PARTICLES:
        return word  # "van Gogh" typed on purpose as the start of a surname
    pieces = _SPLIT.split(word)
    return "".join(piece if piece in ("-", *_APOSTROPHES) else _capital(piece) for piece in pieces)


def normalise_name(text: str | None) -> str:
    """A first name, surname or full name with capital initials (see the module's rules); spaces collapsed."""
    words = (text or "").split()
    return " ".join(_word(word, index == 0) for index, word in enumerate(words))


__all__ = ["PARTICLES", "normalise_name"]
