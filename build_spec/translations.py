"""The Qt Linguist pipeline: Polish is the source language; each other language has a committed .ts file.

    python build_spec/translations.py update    # refresh resources/i18n/*.ts from the sources (pyside6-lupdate)
    python build_spec/translations.py release   # compile them to .qm next to them (pyside6-lrelease)

The .qm files are build products (git-ignored): the bundle build and the first start from a source tree
make them. Translate the .ts files with Qt Linguist (or any XML editor) and commit them.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "pal_desktop"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("en",)


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the same environment as this Python."""
    candidates = [Path(sys.executable).with_name(name), Path(sys.executable).with_name(name + ".exe")]
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found:
        return found
    raise SystemExit(f"{name} not found: install PySide6 (PySide6-Essentials ships it)")


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "migrations" not in p.parts)


def ts_path(language: str) -> Path:
    return I18N / f"pal_desktop_{language}.ts"


def update(ts_file: Path, language: str) -> None:
    """Merge the current source texts into ``ts_file``, dropping texts no longer in the code."""
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    files = [str(p) for p in source_files()]
    list_file = ts_file.parent / f".{ts_file.stem}-sources.lst"
    list_file.write_text("\n".join(files) + "\n", encoding="utf-8")
    try:
        subprocess.run([tool("pyside6-lupdate"), f"@{list_file}", "-ts", str(ts_file), "-no-obsolete",
                        "-locations", "none", "-source-language", "pl", "-target-language", language],
                       check=True, capture_output=True, text=True)
    finally:
        list_file.unlink(missing_ok=True)


def release(ts_file: Path, qm_file: Path | None = None) -> Path:
    qm_file = qm_file or ts_file.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)], check=True,
                   capture_output=True, text=True)
    return qm_file


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "release"))
    args = parser.parse_args()
    for language in LANGUAGES:
        if args.command == "update":
            update(ts_path(language), language)
            print(f"updated {ts_path(language).relative_to(ROOT)}")
        else:
            print(f"compiled {release(ts_path(language)).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
