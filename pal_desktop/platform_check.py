"""Before the window on Linux: are the system libraries of Qt's xcb platform plugin there?

Without them Qt aborts the process inside QApplication() with an English "no Qt platform plugin could be
initialized", which nobody can catch. So the libraries are looked for first, and what is missing is said in
Polish with the one ``apt-get install`` line that installs it (the same line as in the README).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: The libraries the xcb plugin (and the Qt libraries it loads) needs, by soname, with their Debian/Ubuntu
#: package. libxcb-util1 and libxcb-shm0 come with them as dependencies.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)
APT_LINE = "sudo apt-get install " + " ".join(package for _soname, package in XCB_LIBRARIES)
_LIBRARY_DIRS = ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
                 "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib")


def _loadable(soname: str) -> bool:
    # A look at the usual folders costs microseconds; only a library not found there is asked of the loader
    # itself (which knows ld.so.conf and LD_LIBRARY_PATH).
    folders = [*os.environ.get("LD_LIBRARY_PATH", "").split(os.pathsep), *_LIBRARY_DIRS]
    if any(folder and (Path(folder) / soname).exists() for folder in folders):
        return True
    import ctypes  # only then: importing it costs the start of the window a few milliseconds

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_packages(loadable=_loadable) -> list[str]:
    """The packages of XCB_LIBRARIES whose library cannot be loaded, in the README's order."""
    return [package for soname, package in XCB_LIBRARIES if not loadable(soname)]


def uses_xcb(environ=os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt will start its xcb plugin: Linux, no platform chosen by hand, no Wayland session."""
    return (platform.startswith("linux") and not environ.get("QT_QPA_PLATFORM")
            and not environ.get("WAYLAND_DISPLAY"))


def problem_text(missing: list[str], display: str | None) -> str | None:
    """What to tell the user on stderr before Qt would abort, or None when the window can start."""
    if missing:
        return ("PAL Desktop nie może otworzyć okna: w systemie brakuje bibliotek, których Qt potrzebuje do "
                f"wyświetlania okien (wtyczka „xcb”): {', '.join(missing)}.\n"
                f"Zainstaluj je jednym poleceniem (Debian, Ubuntu, Mint):\n  {APT_LINE}\n"
                "i uruchom program ponownie. Polecenia wiersza poleceń (np. pal-desktop info) działają bez nich.")
    if not display:
        return ("PAL Desktop nie może otworzyć okna: nie ma ekranu (zmienna DISPLAY nie jest ustawiona). "
                "Uruchom program w sesji graficznej albo przez ssh -X. Polecenia wiersza poleceń (np. pal-desktop "
                "info, pal-desktop screenshot) działają bez ekranu.")
    return None


def check_before_qt(environ=os.environ) -> str | None:
    """``problem_text`` for this machine when Qt would use xcb; None otherwise (Windows, Wayland, offscreen)."""
    if not uses_xcb(environ):
        return None
    return problem_text(missing_packages(), environ.get("DISPLAY"))
