"""PAL Desktop: the office application for Programmes of Local Activity (Program Aktywności Lokalnej)."""

APP_NAME = "PAL Desktop"
ORG_NAME = "PAL Desktop"
#: Kept equal to pyproject.toml's version by a test; a literal, because reading the installed metadata costs
#: 20 ms of every start.
__version__ = "0.1.0"
