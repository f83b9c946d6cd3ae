"""Check resources/programmes/klobuck-2021-2022.json against the founding seed document."""

import calendar
import datetime
import json
import re
from pathlib import Path

import pytest

JSON_PATH = Path(__file__).resolve().parents[1] / "resources/programmes/klobuck-2021-2022.json"
SEED_PATH = Path(__file__).resolve().parents[2] / "shared/seed/pal-klobuck-2021-2022.md"

TASK_RE = re.compile(
    r"^-\s*(\d+)\)\s+(.+?)\s+–\s+(\d{2})\.(\d{4})(?:\s*-\s*(\d{2})\.(\d{4}))?\s*[;.]\s*$",
    re.MULTILINE,
)

EXPECTED_COUNTS = {
    "specific_goals": 7,
    "directions": 11,
    "methods": 3,
    "planned_actions": 10,
    "results": 7,
    "products": 5,
    "funding_sources": 4,
}


def collapse(text):
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def programme():
    with JSON_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def seed_text():
    if not SEED_PATH.is_file():
        pytest.skip(f"seed document not found at {SEED_PATH}; cannot cross-check the programme file")
    return SEED_PATH.read_text(encoding="utf-8")


def _last_day(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _seed_tasks(seed_text):
    start = seed_text.index("## IX.")
    end = seed_text.index("## X.", start)
    section = seed_text[start:end]
    tasks = []
    for m in TASK_RE.finditer(section):
        body = m.group(2)
        name = re.split(r" \(| –", body, maxsplit=1)[0].strip()
        sm, sy = int(m.group(3)), int(m.group(4))
        if m.group(5):
            em, ey = int(m.group(5)), int(m.group(6))
            t_start = datetime.date(sy, sm, 1)
            t_end = _last_day(ey, em)
        else:
            t_start = t_end = _last_day(sy, sm)
        tasks.append({"number": int(m.group(1)), "name": name, "start": t_start, "end": t_end})
    return tasks


def test_programme_dates(programme):
    assert programme["start"] == "2021-01-01"
    assert programme["end"] == "2022-12-31"
    assert datetime.date.fromisoformat(programme["start"]) < datetime.date.fromisoformat(programme["end"])


def test_tasks_match_seed_schedule(programme, seed_text):
    seed_tasks = _seed_tasks(seed_text)
    assert len(seed_tasks) == 11
    assert [t["number"] for t in seed_tasks] == list(range(1, 12))
    json_tasks = programme["tasks"]
    assert len(json_tasks) == 11
    for expected, actual in zip(seed_tasks, json_tasks, strict=True):
        assert actual["number"] == expected["number"]
        assert actual["name"] == expected["name"]
        assert datetime.date.fromisoformat(actual["start"]) == expected["start"], actual["number"]
        assert datetime.date.fromisoformat(actual["end"]) == expected["end"], actual["number"]


def test_final_task_is_milestone(programme):
    last = programme["tasks"][-1]
    assert last["number"] == 11
    assert last["milestone"] is True
    assert last["start"] == last["end"] == "2022-12-31"
    assert not any(t["milestone"] for t in programme["tasks"][:-1])


@pytest.mark.parametrize("key,count", sorted(EXPECTED_COUNTS.items()))
def test_list_counts(programme, key, count):
    assert len(programme[key]) == count


@pytest.mark.parametrize("key", sorted(EXPECTED_COUNTS))
def test_list_items_come_from_seed(programme, seed_text, key):
    haystack = collapse(seed_text)
    for item in programme[key]:
        assert item.strip(), f"empty item in {key}"
        assert collapse(item) in haystack, f"{key}: not found in seed: {item!r}"
