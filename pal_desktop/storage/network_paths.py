"""Is a SQLite file on a network share? Such a file is opened differently (issue 13, part 7).

- SQLite refuses a ``file:`` URI with an authority ("invalid uri authority"), and a share's URI is easy to get
  wrong, so a file on a share is opened by its plain path, never as a URI.
- WAL keeps its index in shared memory (``-shm``), which two PCs cannot share over SMB or NFS: a file on a
  share uses the rollback journal (``journal_mode=DELETE``), and only one PC at a time should use it.

A share is a UNC path (``\\\\serwer\\udział\\pal.sqlite3``), on Windows a drive letter whose drive is remote
(``GetDriveTypeW`` == ``DRIVE_REMOTE``: a mapped drive), on Linux a path under a mount of a network file
system (NFS, SMB/CIFS, SSHFS…, read from ``/proc/mounts``).
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath
from urllib.parse import quote

#: Linux file-system types reached over the network (``/proc/mounts``' third field).
NETWORK_FS_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs", "lustre", "gpfs",
    "fuse.sshfs", "fuse.glusterfs", "fuse.cephfs", "fuse.rclone", "fuse.s3fs", "fuse.davfs2", "davfs",
    "fuse.smbnetfs", "fuse.gvfsd-fuse",
})
MOUNTS_FILE = "/proc/mounts"
#: GetDriveTypeW's answer for a network drive.
DRIVE_REMOTE = 4


def is_network_path(path: Path | str, *, platform: str | None = None) -> bool:
    """True when ``path`` (a file that may not exist yet) lies on a network share."""
    platform = platform or sys.platform
    text = str(path)
    if platform == "win32":
        return _windows_is_remote(text)
    if text.startswith("//") and not text.startswith("///"):  # a UNC path written the POSIX way
        return True
    if platform.startswith("linux"):
        return _linux_fs_type(_absolute_posix(text)) in NETWORK_FS_TYPES
    return False


def _windows_is_remote(text: str) -> bool:
    text = text.replace("/", "\\")
    upper = text.upper()
    if upper.startswith("\\\\?\\UNC\\"):
        return True
    if upper.startswith("\\\\?\\") or upper.startswith("\\\\.\\"):
        text = text[4:]  # \\?\C:\… is a local path written the long way
    elif text.startswith("\\\\"):
        return True
    drive = PureWindowsPath(text).drive
    if not drive:
        drive = PureWindowsPath(os.getcwd()).drive if sys.platform == "win32" else ""
    if len(drive) != 2 or drive[1] != ":":
        return False
    return _drive_type(drive + "\\") == DRIVE_REMOTE


def _drive_type(root: str) -> int:
    """Windows' type of the drive ``root`` ("X:\\"); 0 (unknown) anywhere else."""
    if sys.platform != "win32":
        return 0
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def _absolute_posix(text: str) -> PurePosixPath:
    path = Path(text).expanduser()
    try:
        # The file may not exist yet: its folder decides (and a symlink's target's mount counts).
        path = path.resolve()
    except OSError:
        path = Path(os.path.abspath(path))
    return PurePosixPath(path.as_posix())


def _read_mounts() -> list[tuple[str, str]]:
    """(mount point, file-system type) of every mount, from the kernel's table."""
    try:
        with open(MOUNTS_FILE, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return []
    mounts = []
    for line in lines:
        fields = line.split()
        if len(fields) >= 3:
            # The table writes a space as \040 (and a tab, newline, backslash likewise in octal).
            point = fields[1].replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n")
            mounts.append((point.replace("\\134", "\\"), fields[2]))
    return mounts


def _linux_fs_type(path: PurePosixPath) -> str | None:
    """The file-system type of the mount holding ``path`` (the longest mount point above it; the last such
    mount when several were mounted on one point, as the kernel shows the newest last)."""
    best: tuple[int, str] | None = None
    for point, fs_type in _read_mounts():
        mount = PurePosixPath(point)
        if path == mount or mount in path.parents:
            depth = len(mount.parts)
            if best is None or depth >= best[0]:
                best = (depth, fs_type)
    return best[1] if best else None


def sqlite_uri(path: Path) -> str:
    """``file:`` URI of ``path`` as SQLite reads it: always an empty authority, so that a Windows share
    (//serwer/udział/pal.sqlite3) stays a path (SQLite refuses any authority but localhost)."""
    return uri_of(path.resolve().as_posix())


def uri_of(text: str) -> str:
    """``sqlite_uri`` of a path already absolute, written with forward slashes."""
    if not text.startswith("/"):
        text = "/" + text  # C:/Users/… → /C:/Users/…
    return "file://" + quote(text, safe="/:")


def connect(path: Path, mode: str = "rw", *, network: bool | None = None, **options) -> sqlite3.Connection:
    """A sqlite3 connection to ``path`` in ``mode`` ("ro", "rw", "rwc"): a ``file:`` URI on a local disk, the
    plain path on a share. Without a URI there are no modes, so for a share "rw" refuses a missing file here
    (instead of SQLite creating an empty one) and "ro" makes the connection ``query_only``."""
    if network is None:
        network = is_network_path(path)
    if not network:
        return sqlite3.connect(f"{sqlite_uri(path)}?mode={mode}", uri=True, **options)
    if mode != "rwc" and not path.exists():
        raise sqlite3.OperationalError("unable to open database file")
    connection = sqlite3.connect(str(path), **options)
    if mode == "ro":
        connection.execute("PRAGMA query_only = ON")
    return connection
