"""The interface language: Qt's own translations and the application's, installed on the application.

Polish is the source language of every text, so "pl" needs no application catalogue, only Qt's own
``qtbase_pl.qm`` (standard buttons, file dialogs, the text fields' context menu). Other languages load
``resources/i18n/pal_desktop_<lang>.qm`` when it has been built (``pyside6-lrelease``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from pal_desktop import paths

SOURCE_LANGUAGE = "pl"
SUPPORTED_LANGUAGES = ("pl", "en")
_LOCALES = {"pl": (QLocale.Language.Polish, QLocale.Country.Poland),
            "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom)}

#: Translators installed by ``install_translators`` (kept referenced, or Qt would use freed objects).
_installed: list[QTranslator] = []


def app_catalogue(language: str) -> Path:
    """The compiled catalogue: bundled with the build, or compiled once from the committed .ts in a source tree."""
    built = paths.resource_path("i18n", f"pal_desktop_{language}.qm")
    source = built.with_suffix(".ts")
    if built.is_file() and (not source.is_file() or built.stat().st_mtime >= source.stat().st_mtime):
        return built
    if not source.is_file():
        return built
    cached = paths.data_dir() / "i18n" / built.name
    if cached.is_file() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    return _compile(source, cached) or built


def _compile(source: Path, target: Path) -> Path | None:
    """Run pyside6-lrelease from this Python's environment; None when it is not available."""
    import shutil
    import subprocess

    candidates = [Path(sys.executable).with_name(name) for name in ("pyside6-lrelease", "pyside6-lrelease.exe")]
    found = shutil.which("pyside6-lrelease")
    if found:
        candidates.append(Path(found))
    tool = next((c for c in candidates if c.is_file()), None)
    if tool is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window flashing up on Windows
    try:
        subprocess.run([str(tool), str(source), "-qm", str(target)], check=True, capture_output=True,
                       timeout=60, creationflags=flags)
    except (OSError, subprocess.SubprocessError):
        return None
    return target if target.is_file() else None


def install_translators(app: QCoreApplication, language: str | None = None) -> list[QTranslator]:
    """Install the translators for ``language`` ("pl" or "en"; anything else means Polish); returns them."""
    language = (language or SOURCE_LANGUAGE).strip().lower()
    if language not in SUPPORTED_LANGUAGES:
        language = SOURCE_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(*_LOCALES[language]))

    if language != "en":  # Qt's own texts are written in English
        qt_translator = QTranslator(app)
        if qt_translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_translator)
            _installed.append(qt_translator)
    if language != SOURCE_LANGUAGE:
        catalogue = app_catalogue(language)
        app_translator = QTranslator(app)
        if catalogue.is_file() and app_translator.load(str(catalogue)):
            app.installTranslator(app_translator)
            _installed.append(app_translator)
    return list(_installed)
