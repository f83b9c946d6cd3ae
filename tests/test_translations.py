"""Every text a user can see is translatable, and the English translation is complete and compiles."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "build_spec"))
import translations  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def messages(ts_file: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts_file).getroot()
    return [(context.findtext("name"), message.findtext("source"), message.find("translation"))
            for context in root.iter("context") for message in context.iter("message")]


@pytest.fixture(scope="module")
def current_en(tmp_path_factory) -> Path:
    """The committed English file, merged with every text in the code as it is now."""
    merged = tmp_path_factory.mktemp("i18n") / "pal_desktop_en.ts"
    shutil.copy(translations.ts_path("en"), merged)
    translations.update(merged, "en")
    return merged


def test_every_source_text_has_a_finished_english_translation(current_en):
    missing = [f"{context}: {source}" for context, source, translation in messages(current_en)
               if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete")
               or not (translation.text or "").strip()]
    assert missing == [], ("untranslated texts (run `python build_spec/translations.py update` and translate "
                           "resources/i18n/pal_desktop_en.ts):\n" + "\n".join(missing[:40]))


def test_the_committed_file_is_up_to_date_with_the_code(current_en):
    committed = {(c, s) for c, s, _ in messages(translations.ts_path("en"))}
    current = {(c, s) for c, s, _ in messages(current_en)}
    assert current - committed == set(), "run `python build_spec/translations.py update`"


def test_placeholders_survive_translation():
    wrong = [source for _, source, translation in messages(translations.ts_path("en"))
             if translation is not None and translation.text
             and sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation.text))]
    assert wrong == []


def test_the_translation_compiles_and_loads(tmp_path):
    from PySide6.QtCore import QTranslator

    qm = translations.release(translations.ts_path("en"), tmp_path / "pal_desktop_en.qm")
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("Enums", "zakończył") == "completed"
