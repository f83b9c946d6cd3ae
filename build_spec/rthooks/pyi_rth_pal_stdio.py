"""PyInstaller runtime hook: give the windowed Windows build a usable stdout/stderr for the CLI.

pal-desktop.exe is built with console=False so double-clicking it opens no console window. Such a
process has no standard streams unless its parent passed some (a pipe or a redirected file: then they
work as usual and this hook does nothing). Started from cmd.exe or PowerShell with a sub-command
(``pal-desktop info``), it attaches to that terminal's console so the output is printed there.
(cmd.exe does not wait for a windowed program: the prompt may come back before the output; use
``start /wait pal-desktop ...`` or a pipe such as ``pal-desktop info | more`` in batch files.)
Whatever happens, sys.stdout and sys.stderr are never None afterwards, so printing cannot crash.

Redirected to a pipe or a file, the streams write UTF-8 (what ``info --json`` consumers expect). A frozen
app ignores PYTHONIOENCODING/PYTHONUTF8, and the ANSI code page of a non-Polish Windows (cp1252 on
build servers) cannot encode "ę", so without this ``pal-desktop init > log.txt`` would crash there.
"""

import os
import sys


def _pal_fix_stdio() -> None:
    if sys.platform != "win32" or (sys.stdout is not None and sys.stderr is not None):
        return  # the parent gave us streams (a console program, or a pipe/file): nothing to do
    attached = False
    if len(sys.argv) > 1:  # a command line: someone typed it in a terminal, or a script runs it
        try:
            import ctypes

            attached = bool(ctypes.windll.kernel32.AttachConsole(-1))  # ATTACH_PARENT_PROCESS
        except Exception:  # noqa: BLE001 - no console to attach to is the normal case
            attached = False

    def stream():
        if attached:
            try:
                # "CONOUT$" opens as a console stream that takes UTF-8 and shows Polish letters.
                return open("CONOUT$", "w", encoding="utf-8", errors="replace", buffering=1)
            except OSError:
                pass
        return open(os.devnull, "w", encoding="utf-8")

    if sys.stdout is None:
        sys.stdout = stream()
    if sys.stderr is None:
        sys.stderr = stream()


def _pal_utf8_when_redirected() -> None:
    if sys.platform != "win32":
        return
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        try:
            if stream.isatty() or (stream.encoding or "").lower().replace("-", "") == "utf8":
                continue
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError, OSError):
            pass


_pal_fix_stdio()
_pal_utf8_when_redirected()
del _pal_fix_stdio, _pal_utf8_when_redirected
