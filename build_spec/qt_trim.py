"""What the PAL Desktop bundles leave out of Qt, shared by pal_desktop.spec and minimal_window.spec.

The app uses QtCore, QtGui and QtWidgets only (plus QtSvg through the SVG icon/image plugins). PyInstaller
already bundles just the Qt libraries of the modules that are imported; the excludes below keep optional
imports (PySide6 support code, third-party packages probing for Qt) from pulling others in, and
``trim_qt`` drops the plugins and translations a widgets-only, Polish/English office app never loads.
"""

from __future__ import annotations

import re
import sys

#: PySide6 modules that must never be bundled (and stdlib/third-party modules we do not need).
EXCLUDES = [
    *(f"PySide6.{name}" for name in (
        "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel", "QtWebSockets",
        "QtWebView", "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
        "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickWidgets", "QtQuickTest", "QtQml",
        "QtMultimedia", "QtMultimediaWidgets", "QtSpatialAudio", "QtTextToSpeech", "QtCharts",
        "QtDataVisualization", "QtGraphs", "QtGraphsWidgets", "QtBluetooth", "QtNfc", "QtPositioning",
        "QtLocation", "QtSensors", "QtSerialPort", "QtSerialBus", "QtPdf", "QtPdfWidgets", "QtDesigner",
        "QtHelp", "QtUiTools", "QtOpenGL", "QtOpenGLWidgets", "QtSql", "QtTest", "QtNetwork",
        "QtNetworkAuth", "QtHttpServer", "QtRemoteObjects", "QtScxml", "QtStateMachine", "QtDBus",
        "QtConcurrent", "QtXml", "QtAxContainer", "QtCanvasPainter",
    )),
    "PyQt5", "PyQt6", "PySide2",
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib",
    "IPython", "matplotlib", "pandas", "scipy",  # numpy stays: the scan reader uses it
    "pytest", "_pytest", "pytestqt", "pytest_benchmark", "pypdf",
    "sqlalchemy.testing",
    # only reached for online checks (python-stdnum's VIES/SOAP helpers) or optional plugins; PAL is offline
    "requests", "urllib3", "cryptography", "OpenSSL", "certifi", "pygments", "bcrypt",
]

#: Plugin folders and the plugins kept in each (file name stems, lib prefix and extension removed).
#: A folder not listed is dropped entirely (sqldrivers, qmltooling, designer, tls, networkinformation, ...).
KEEP_PLUGINS = {
    "platforms": {"qwindows", "qoffscreen", "qminimal", "qxcb", "qwayland"},
    "platformthemes": {"qgtk3", "qxdgdesktopportal"},          # native file dialogs on Linux desktops
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle"},
    "imageformats": {"qico", "qgif", "qjpeg", "qsvg"},         # PNG and BMP are built into QtGui
    "iconengines": {"qsvgicon"},
    "xcbglintegrations": {"qxcb-glx-integration", "qxcb-egl-integration"},
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": {"bradient"},
    "wayland-graphics-integration-client": {"shm-emulation-server", "qt-plugin-wayland-egl"},
    "printsupport": {"cupsprintersupport", "windowsprintersupport"},
}

#: Only the Qt catalogues i18n.py loads: qtbase_pl (and qtbase_en, should it ever be wanted).
KEEP_TRANSLATIONS = re.compile(r"^qtbase_(pl|en)\.qm$")

#: Big optional Windows DLLs a widgets app on the raster engine does not need (software OpenGL, 20 MB).
DROP_FILES = {"opengl32sw.dll"}


def _parts(dest: str) -> list[str]:
    return dest.replace("\\", "/").split("/")


def keep(dest: str) -> bool:
    """Whether the bundle keeps the file that would land at ``dest`` (a path inside _internal)."""
    parts = _parts(dest)
    if not parts or parts[0] != "PySide6":
        return True
    name = parts[-1]
    if name.lower() in DROP_FILES:
        return False
    if "translations" in parts[:-1]:
        return bool(KEEP_TRANSLATIONS.match(name))
    if "plugins" in parts[:-1]:
        folder = parts[parts.index("plugins") + 1]
        stem = name.split(".", 1)[0]
        if stem.startswith("lib"):
            stem = stem[3:]
        if stem.endswith("d") and sys.platform == "win32" and stem[:-1] in KEEP_PLUGINS.get(folder, ()):
            return False  # debug builds of plugins
        return stem in KEEP_PLUGINS.get(folder, ())
    if parts[-2:-1] == ["qml"] or "qml" in parts[1:3]:
        return False
    return True


def trim_qt(toc):
    """The TOC (list of (dest, source, typecode)) without the Qt files ``keep`` rejects."""
    return [entry for entry in toc if keep(entry[0])]
