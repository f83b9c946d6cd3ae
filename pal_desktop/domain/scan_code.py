"""The code printed on every page of an attendance list, so that a scan of the signed page finds its list.

A page's code says which list (an event, or a series and month), which version of it (a fingerprint of who is
on it and how it was laid out: a list printed again after the enrolment changed has another one), which page
of how many, which rows the page holds, and how the list was laid out (the number of blank rows and the
optional columns: what it takes to lay the same list out again and know where each cell is). It is short,
so that the QR code stays small and readable from a copier's 150 dpi scan:
``PAL1;E123;V3fa9c1d2;Ob5;P1/2;R1-17`` or ``PAL1;S7;M2021-11;V…;Ob3;P1/1;R1-12``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

PREFIX = "PAL1"
_EVENT = re.compile(r"^E(\d{1,9})$")
_SERIES = re.compile(r"^S(\d{1,9})$")
_MONTH = re.compile(r"^M(\d{4})-(\d{2})$")
_VERSION = re.compile(r"^V([0-9a-f]{8})$")
_OPTIONS = re.compile(r"^O([a-z0-9]{0,16})$")
_PAGE = re.compile(r"^P(\d{1,3})/(\d{1,3})$")
_ROWS = re.compile(r"^R(\d{1,4})-(\d{1,4})$")


class NotOurCode(ValueError):
    """The text is not a PAL Desktop page code (another document's QR code, or a damaged one)."""


@dataclass(frozen=True)
class PageCode:
    #: The event of a single list, or None for a series' monthly grid.
    event_id: int | None
    #: The series of a monthly grid, with its month ("2021-11").
    series_id: int | None
    month: str | None
    #: The list's fingerprint (``list_version``).
    version: str
    #: How the list was laid out, as ``layout_options`` writes it (e.g. "b5": five blank rows).
    options: str
    page: int
    pages: int
    #: The row numbers (Lp.) printed on this page, inclusive.
    first_row: int
    last_row: int

    @property
    def list_key(self) -> tuple:
        """What identifies the list itself, whichever page: pages of one printout share it."""
        return (self.event_id, self.series_id, self.month, self.version)

    def text(self) -> str:
        target = f"E{self.event_id}" if self.event_id is not None else f"S{self.series_id};M{self.month}"
        return (f"{PREFIX};{target};V{self.version};O{self.options};P{self.page}/{self.pages};"
                f"R{self.first_row}-{self.last_row}")


def list_version(*parts: object) -> str:
    """A fingerprint of everything that decides what a list's rows mean: the people in their order, the
    dates of a grid's columns, the number of blank rows and the optional columns."""
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:8]


def parse(text: str) -> PageCode:
    """Read a page code; anything else raises ``NotOurCode``."""
    fields = text.strip().split(";")
    if len(fields) < 5 or fields[0] != PREFIX:
        raise NotOurCode(text)
    event_id = series_id = None
    month = None
    rest = fields[1:]
    if match := _EVENT.match(rest[0]):
        event_id = int(match.group(1))
        rest = rest[1:]
    elif (match := _SERIES.match(rest[0])) and len(rest) > 1 and (month_match := _MONTH.match(rest[1])):
        series_id = int(match.group(1))
        year, month_number = int(month_match.group(1)), int(month_match.group(2))
        if not 1 <= month_number <= 12:
            raise NotOurCode(text)
        month = f"{year:04d}-{month_number:02d}"
        rest = rest[2:]
    else:
        raise NotOurCode(text)
    if len(rest) != 4:
        raise NotOurCode(text)
    version, options, page, rows = (_VERSION.match(rest[0]), _OPTIONS.match(rest[1]), _PAGE.match(rest[2]),
                                    _ROWS.match(rest[3]))
    if not (version and options and page and rows):
        raise NotOurCode(text)
    number, pages = int(page.group(1)), int(page.group(2))
    first, last = int(rows.group(1)), int(rows.group(2))
    if not (1 <= number <= pages) or first > last:
        raise NotOurCode(text)
    return PageCode(event_id, series_id, month, version.group(1), options.group(1), number, pages, first, last)


#: Letters of the optional columns in a page code's options: they change where the cells are.
COLUMN_LETTERS = {"birth_date": "d", "guardian_signature": "g"}


def layout_options(blank_rows: int, columns: tuple[str, ...] = ()) -> str:
    return f"b{blank_rows}" + "".join(COLUMN_LETTERS[column] for column in columns)


def parse_layout_options(options: str) -> tuple[int, tuple[str, ...]]:
    """The blank rows and the optional columns written by ``layout_options``; raises ``NotOurCode`` on
    anything else."""
    match = re.fullmatch(r"b(\d{1,3})(d?)(g?)", options)
    if not match:
        raise NotOurCode(options)
    letters = match.group(2) + match.group(3)
    columns = tuple(column for column, letter in COLUMN_LETTERS.items() if letter in letters)
    return int(match.group(1)), columns
