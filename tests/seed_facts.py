"""What the founding document says that the seed checks rely on, written down so they run in any checkout.

Section IX of ``pal-klobuck-2021-2022.md`` (the schedule: 11 tasks, months "MM.RRRR-MM.RRRR", a task running
from the first day of its first month to the last day of its last; the one-month "12.2022" end of the programme
is a milestone on its last day) and the number of items of each list of the document. Where the document itself
is present (``shared/`` beside the checkout, or ``PAL_SEED_DOCUMENT``), the tests also compare these facts and
the programme file's full text with it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from pathlib import Path
from typing import NamedTuple

SEED_NAME = "pal-klobuck-2021-2022.md"
REPO_ROOT = Path(__file__).resolve().parents[1]


class SeedTask(NamedTuple):
    number: int
    name: str
    start: dt.date
    end: dt.date
    milestone: bool = False


D = dt.date
#: Section IX, "Czas trwania Programu i harmonogram realizacji poszczególnych działań".
SCHEDULE: tuple[SeedTask, ...] = (
    SeedTask(1, "działania organizacyjne", D(2021, 1, 1), D(2021, 3, 31)),
    SeedTask(2, "rekrutacja uczestników", D(2021, 1, 1), D(2022, 12, 31)),
    SeedTask(3, "ustalenie z uczestnikami Programu priorytetów realizacji PAL", D(2021, 1, 1), D(2021, 4, 30)),
    SeedTask(4, "wyłonienie animatorów lokalnych", D(2021, 1, 1), D(2021, 3, 31)),
    SeedTask(5, "działania środowiskowe", D(2021, 1, 1), D(2022, 12, 31)),
    SeedTask(6, "świadczenie pomocy w formie usług wolontariatu", D(2021, 4, 1), D(2022, 12, 31)),
    SeedTask(7, "Akademia Lidera", D(2021, 1, 1), D(2022, 12, 31)),
    SeedTask(8, "imprezy integracyjne", D(2021, 7, 1), D(2022, 7, 31)),
    SeedTask(9, "działania prozatrudnieniowe", D(2021, 5, 1), D(2022, 12, 31)),
    SeedTask(10, "pomoc pieniężna dla uczestników projektu", D(2021, 2, 1), D(2022, 12, 31)),
    SeedTask(11, "zakończenie programu", D(2022, 12, 31), D(2022, 12, 31), milestone=True),
)

#: How many items each list of the document has (keys as in resources/programmes/klobuck-2021-2022.json):
#: section V's specific goals and directions, VII's methods, VIII's planned actions, X's results, XI's products
#: and XIII's funding sources.
COUNTS: dict[str, int] = {
    "specific_goals": 7,
    "directions": 11,
    "methods": 3,
    "planned_actions": 10,
    "results": 7,
    "products": 5,
    "funding_sources": 4,
}

#: The products of section XI, in the document's order.
PRODUCTS = ("usługi wolontariatu", "zorganizowanie spotkań", "zorganizowanie szkoleń", "zorganizowanie staży",
            "zorganizowanie zajęć edukacyjno-kulturalnych")

_TASK_LINE = re.compile(r"^- (\d+)\) (.+?) – (?:(\d{2})\.(\d{4})-)?(\d{2})\.(\d{4})[;.]$")


def seed_path() -> Path | None:
    """The founding document: ``PAL_SEED_DOCUMENT``, else ``shared/seed/`` beside the checkout or above it."""
    explicit = os.environ.get("PAL_SEED_DOCUMENT")
    if explicit:
        return Path(explicit) if Path(explicit).is_file() else None
    for folder in REPO_ROOT.parents:
        candidate = folder / "shared" / "seed" / SEED_NAME
        if candidate.is_file():
            return candidate
    return None


def read_schedule(text: str) -> list[SeedTask]:
    """Section IX read straight from the document's text."""
    section = text.split("## IX.", 1)[1].split("## X.", 1)[0]
    tasks = []
    for line in section.splitlines():
        match = _TASK_LINE.match(line.strip())
        if not match:
            continue
        number, body, m1, y1, m2, y2 = match.groups()
        name = re.split(r" \(", body, maxsplit=1)[0]
        last = D(int(y2), int(m2), calendar.monthrange(int(y2), int(m2))[1])
        if m1 is None:  # one month only: the end of the programme, a milestone on the month's last day
            tasks.append(SeedTask(int(number), name, last, last, milestone=True))
        else:
            tasks.append(SeedTask(int(number), name, D(int(y1), int(m1), 1), last))
    return tasks


def collapse(text: str) -> str:
    return " ".join(text.split())
