"""The PyInstaller release: a fast check of the spec's text, and (opt-in) a real build with its smoke test."""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_SPEC = ROOT / "build_spec"
SPEC = BUILD_SPEC / "pal_desktop.spec"


def _spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), str(SPEC))


def _strings(tree: ast.AST) -> set[str]:
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def _call(tree: ast.AST, name: str) -> ast.Call:
    calls = [node for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name]
    assert len(calls) == 1, f"the spec should call {name}() once"
    return calls[0]


def _keywords(call: ast.Call) -> dict[str, ast.expr]:
    return {keyword.arg: keyword.value for keyword in call.keywords}


def _qt_trim():
    spec = importlib.util.spec_from_file_location("pal_build_qt_trim", BUILD_SPEC / "qt_trim.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_spec_bundles_resources_and_migrations_and_leaves_out_qtwebengine():
    tree = _spec_tree()
    strings = _strings(tree)
    source = SPEC.read_text(encoding="utf-8")

    analysis = _keywords(_call(tree, "Analysis"))
    assert ast.unparse(analysis["datas"]) == "datas"
    assert "resource_datas()" in source and "migration_datas()" in source
    assert {"resources", "env.py", "script.py.mako", "versions"} <= strings
    # storage/migrate.py finds the migrations next to its own __file__: _MEIPASS/pal_desktop/storage/migrations
    assert 'ROOT / "pal_desktop" / "storage" / "migrations"' in source
    assert "f.parent.relative_to(ROOT)" in source
    migrate = (ROOT / "pal_desktop" / "storage" / "migrate.py").read_text(encoding="utf-8")
    assert 'MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"' in migrate

    assert ast.unparse(analysis["excludes"]) == "EXCLUDES"
    excludes = set(_qt_trim().EXCLUDES)
    assert {"PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick", "tkinter"} <= excludes
    assert not any(name in excludes for name in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg"))

    exe = _keywords(_call(tree, "EXE"))
    assert ast.unparse(exe["name"]) == "EXE_NAME" and '"pal-desktop"' in source
    assert ast.unparse(exe["console"]) == "not IS_WINDOWS"
    assert ast.unparse(_keywords(_call(tree, "COLLECT"))["name"]) == "APP_NAME" and '"PAL Desktop"' in source


def test_the_qt_trim_keeps_what_the_app_loads_and_drops_the_rest():
    keep = _qt_trim().keep
    assert keep("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert keep("PySide6/plugins/platforms/qwindows.dll")
    assert keep("PySide6/plugins/styles/qmodernwindowsstyle.dll")
    assert keep("PySide6/Qt/plugins/imageformats/libqsvg.so")
    assert keep("PySide6/translations/qtbase_pl.qm")
    assert keep("PySide6/Qt6Widgets.dll")
    assert keep("resources/i18n/pal_desktop_en.qm")
    assert not keep("PySide6/translations/qtbase_de.qm")
    assert not keep("PySide6/plugins/sqldrivers/qsqlite.dll")
    assert not keep("PySide6/plugins/imageformats/qpdf.dll")
    assert not keep("PySide6/opengl32sw.dll")


@pytest.mark.skipif(os.environ.get("PAL_TEST_BUNDLE") != "1",
                    reason="builds the PyInstaller bundle (minutes); set PAL_TEST_BUNDLE=1")
def test_the_built_bundle_passes_its_smoke_and_upgrade_tests(tmp_path):
    result = subprocess.run(
        [sys.executable, str(BUILD_SPEC / "build.py"), "--smoke-test", "--upgrade-test", "--no-installer",
         "--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work")],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=3600)
    assert result.returncode == 0, f"build.py failed:\n{result.stdout[-6000:]}\n{result.stderr[-4000:]}"
    assert "smoke test: all checks passed" in result.stdout
    assert "upgrade test: all checks passed" in result.stdout
