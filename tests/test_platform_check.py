"""On a fresh Linux machine the window's missing system libraries are named in Polish, with the apt line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pal_desktop import platform_check

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_message_names_what_is_missing_and_the_line_that_installs_it():
    missing = platform_check.missing_packages(lambda soname: soname not in ("libxcb-icccm.so.4",
                                                                          "libxcb-keysyms.so.1"))
    assert missing == ["libxcb-icccm4", "libxcb-keysyms1"]
    text = platform_check.problem_text(missing, ":0")
    assert "brakuje bibliotek" in text and "libxcb-icccm4, libxcb-keysyms1." in text
    assert platform_check.APT_LINE in text
    assert platform_check.APT_LINE == (
        "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 "
        "libxcb-render-util0 libxcb-shape0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 "
        "libx11-xcb1 libegl1 libgl1 libfontconfig1 libdbus-1-3")
    assert "DISPLAY" in platform_check.problem_text([], None)
    assert platform_check.problem_text([], ":0") is None


def test_the_readme_gives_the_same_apt_line_before_its_first_command():
    text = README.read_text(encoding="utf-8")
    assert platform_check.APT_LINE in text
    assert text.index(platform_check.APT_LINE) < text.index("pip install -e . && pal-desktop")


def test_a_library_that_is_not_there_is_reported_and_one_that_is_is_not():
    assert not platform_check._loadable("libnie-ma-takiej-biblioteki.so.9")
    if sys.platform.startswith("linux"):
        assert platform_check._loadable("libc.so.6")


def test_only_the_xcb_platform_is_checked():
    assert platform_check.uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not platform_check.uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not platform_check.uses_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not platform_check.uses_xcb({}, "win32")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_the_window_without_a_screen_says_so_in_polish_instead_of_aborting(tmp_path):
    env = {key: value for key, value in os.environ.items()
           if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(PAL_DATA_DIR=str(tmp_path / "data"), PAL_CONFIG_DIR=str(tmp_path / "config"))
    result = subprocess.run([sys.executable, "-m", "pal_desktop"], capture_output=True, text=True,
                            encoding="utf-8", env=env, timeout=120)
    assert result.returncode == 2
    assert "PAL Desktop nie może otworzyć okna" in result.stderr
    assert "could not" not in result.stderr and "Aborted" not in result.stderr
