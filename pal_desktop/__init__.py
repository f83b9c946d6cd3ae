"""PAL Desktop: the office application for Programmes of Local Activity (Program Aktywności Lokalnej)."""

from importlib import metadata as _metadata

APP_NAME = "PAL Desktop"
ORG_NAME = "PAL Desktop"

try:
    __version__ = _metadata.version("pal-desktop")
except _metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"
