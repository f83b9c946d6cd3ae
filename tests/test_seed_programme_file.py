"""resources/programmes/klobuck-2021-2022.json against the founding document.

The schedule and the list sizes are checked against the facts written in ``tests/seed_facts.py``, so they run in
any checkout; the written facts and every item's full text are compared with the document itself where it is.
"""

import datetime
import json
from pathlib import Path

import pytest

from tests.seed_facts import COUNTS, PRODUCTS, SCHEDULE, collapse, read_schedule, seed_path

JSON_PATH = Path(__file__).resolve().parents[1] / "resources/programmes/klobuck-2021-2022.json"


@pytest.fixture(scope="module")
def programme():
    with JSON_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def seed_text():
    path = seed_path()
    if path is None:
        pytest.skip("the seed document (shared/seed/pal-klobuck-2021-2022.md) is not beside this checkout; "
                    "the written facts were checked, its full text cannot be")
    return path.read_text(encoding="utf-8")


def test_programme_dates(programme):
    assert programme["start"] == "2021-01-01"
    assert programme["end"] == "2022-12-31"


def test_the_file_has_the_eleven_tasks_of_section_ix_with_their_dates(programme):
    tasks = [(t["number"], t["name"], datetime.date.fromisoformat(t["start"]),
              datetime.date.fromisoformat(t["end"]), t["milestone"]) for t in programme["tasks"]]
    assert tasks == [tuple(task) for task in SCHEDULE]


def test_the_written_schedule_is_the_documents(seed_text):
    assert read_schedule(seed_text) == list(SCHEDULE)


@pytest.mark.parametrize("key,count", sorted(COUNTS.items()))
def test_list_counts(programme, key, count):
    assert len(programme[key]) == count
    assert all(item.strip() for item in programme[key]), f"empty item in {key}"


def test_the_products_in_the_documents_order(programme):
    assert tuple(programme["products"]) == PRODUCTS


@pytest.mark.parametrize("key", sorted(COUNTS))
def test_list_items_come_from_seed(programme, seed_text, key):
    haystack = collapse(seed_text)
    for item in programme[key]:
        assert collapse(item) in haystack, f"{key}: not found in seed: {item!r}"


def test_task_descriptions_come_from_seed(programme, seed_text):
    haystack = collapse(seed_text)
    for task in programme["tasks"]:
        assert collapse(f"{task['name']} ({task['description']})" if task["description"] else task["name"]) \
            in haystack, task["number"]
