"""Where things live: the user's data and config folders, and the bundled resources.

Paths come from platformdirs (on Windows the data folder is under %LOCALAPPDATA%), and can be moved for
tests or portable installs with the PAL_DATA_DIR and PAL_CONFIG_DIR variables.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "PAL Desktop"


def data_dir() -> Path:
    """The per-user folder for the database, backups and logs (created on demand)."""
    override = os.environ.get("PAL_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The per-user folder for local preferences (created on demand)."""
    override = os.environ.get("PAL_CONFIG_DIR")
    path = Path(override) if override else Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    path = data_dir() / "kopie"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "pal.sqlite3"


def make_private(path: Path | str) -> Path:
    """Let only the file's owner read and write it (0600): the database, backups, exports and printouts hold
    personal data, and the office PC has other accounts.

    On Windows nothing is changed: the per-user folders these files go to (%LOCALAPPDATA%, the user's
    documents) are already closed to other accounts, and chmod would only clear the read-only flag there.
    """
    path = Path(path)
    if os.name == "posix" and path.exists():
        os.chmod(path, 0o600)
    return path


def make_private_database(path: Path | str) -> None:
    """The SQLite file and its -wal and -shm companions (SQLite gives later companions the file's mode)."""
    path = Path(path)
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        make_private(candidate)


def resources_dir() -> Path:
    """The bundled resources: beside the package in a source tree, in ``_MEIPASS`` when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_guide() -> Path:
    """The user guide (Markdown, Polish) with its pictures beside it: docs/ of the source tree or the bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[1]
    return root / "docs" / "podrecznik.md"
