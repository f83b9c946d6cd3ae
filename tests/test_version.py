"""One version number: the package's literal matches pyproject.toml."""

import tomllib
from pathlib import Path

import pal_desktop


def test_the_version_literal_matches_pyproject():
    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert pal_desktop.__version__ == project["project"]["version"]
