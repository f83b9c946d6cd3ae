"""The architecture holds: Qt only in the UI and the bootstrap, layers importing one way."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "pal_desktop"
QT_ALLOWED = {"app.py", "i18n.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_qt_is_imported_only_by_the_ui_and_the_bootstrap():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "ui" or str(relative) in QT_ALLOWED:
            continue
        if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in _imports(path)):
            offenders.append(str(relative))
    assert offenders == []


def test_widgets_do_not_touch_sql_or_the_storage_layer():
    offenders = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        if any(name.split(".")[0] == "sqlalchemy" or name.startswith("pal_desktop.storage")
               for name in _imports(path)):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_import_linter_contracts_are_kept():
    """The contracts in pyproject.toml (Qt only in the UI, layers one way, reports on plain data)."""
    script = "from importlinter.cli import lint_imports_command; lint_imports_command(['--no-cache'])"
    result = subprocess.run([sys.executable, "-c", script], cwd=PACKAGE.parent, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout and "BROKEN" not in result.stdout


def test_no_module_is_over_600_lines():
    """Rooms a newcomer can read: a module that grows past 600 lines is split by responsibility. The schema's
    migrations are history, written once, and stay whole."""
    limit = 600
    sizes = {str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
             for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts}
    assert len(sizes) > 150  # the whole package was read
    assert {name: lines for name, lines in sizes.items() if lines > limit} == {}
