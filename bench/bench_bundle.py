"""Benchmark: the frozen PAL Desktop against a bare PySide6 window frozen the same way.

Both are PyInstaller one-folder bundles started as new processes with QT_QPA_PLATFORM=offscreen. The
measure is the wall time from launch to the first paint of the main window, which each program prints as
``PAL_PROBE first_paint <time.time()>``: PAL Desktop with PAL_STARTUP_PROBE=1 (and PAL_PROBE_QUIT=1 to quit
once the first tab's data is shown), the bare window (build_spec/minimal_window.py) always. The bare window
is built from build_spec/minimal_window.spec into a temporary folder; PAL Desktop is dist/PAL Desktop,
built first with build_spec/build.py when it is missing (or with --build).

    python bench/bench_bundle.py                      # 5 runs each, a 2,000-participant demo database
    python bench/bench_bundle.py --participants 100000 --repeat 5 --check

Targets (the Windows release issue): first paint within 1.5x the bare window's; bundle size within 2x.
One warm-up run of each is not counted (the first start after a build reads everything from disk).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD_SPEC = ROOT / "build_spec"
IS_WINDOWS = sys.platform == "win32"
STARTUP_TARGET = 1.5
SIZE_TARGET = 2.0


def exe_path(folder: Path, name: str) -> Path:
    return folder / (name + (".exe" if IS_WINDOWS else ""))


def folder_size(path: Path) -> int:
    """Bytes of all files in ``path`` (what `du --apparent-size` counts; the installer carries these)."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def probe(command: list[str], env: dict) -> dict[str, float]:
    """Run once; return each PAL_PROBE mark as seconds since launch (rss_mb as is)."""
    launched = time.time()
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace", env=env,
                            timeout=180)
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    marks = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "PAL_PROBE":
            value = float(parts[2])
            marks[parts[1]] = value if parts[1] == "rss_mb" else value - launched
    if "first_paint" not in marks:
        raise SystemExit(f"{command[0]} printed no 'PAL_PROBE first_paint' line:\n{result.stdout}\n{result.stderr}")
    return marks


def build_minimal(folder: Path) -> Path:
    print(f"building the bare-window bundle in {folder} ...", flush=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                    "--distpath", str(folder / "dist"), "--workpath", str(folder / "work"),
                    str(BUILD_SPEC / "minimal_window.spec")], cwd=ROOT, check=True)
    return folder / "dist" / "Minimal Window"


def ensure_pal_bundle(dist: Path, rebuild: bool) -> Path:
    bundle = dist / "PAL Desktop"
    if rebuild or not exe_path(bundle, "pal-desktop").is_file():
        print("building the PAL Desktop bundle (build_spec/build.py) ...", flush=True)
        subprocess.run([sys.executable, str(BUILD_SPEC / "build.py"), "--no-installer", "--dist", str(dist)],
                       cwd=ROOT, check=True)
    return bundle


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--participants", type=int, default=2000, help="demo database size (default 2000)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the PAL Desktop bundle is")
    parser.add_argument("--build", action="store_true", help="rebuild the PAL Desktop bundle first")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()

    pal_bundle = ensure_pal_bundle(args.dist.resolve(), args.build)
    with tempfile.TemporaryDirectory(prefix="pal-bench-bundle-") as temp:
        temp = Path(temp)
        minimal_bundle = build_minimal(temp / "minimal")
        pal_exe = exe_path(pal_bundle, "pal-desktop")
        minimal_exe = exe_path(minimal_bundle, "minimal-window")

        base_env = {k: v for k, v in os.environ.items() if k != "PAL_DATABASE_URL"}
        base_env["QT_QPA_PLATFORM"] = "offscreen"
        pal_env = {**base_env, "PAL_DATA_DIR": str(temp / "data"), "PAL_CONFIG_DIR": str(temp / "config"),
                   "PAL_STARTUP_PROBE": "1", "PAL_PROBE_QUIT": "1"}
        print(f"making a {args.participants}-participant demo database with the bundle ...", flush=True)
        subprocess.run([str(pal_exe), "demo", "--participants", str(args.participants)], env=pal_env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        probe([str(minimal_exe)], base_env)  # warm-up runs, not counted
        probe([str(pal_exe)], pal_env)
        bare, pal, shown = [], [], []
        for run in range(1, args.repeat + 1):
            bare.append(probe([str(minimal_exe)], base_env)["first_paint"])
            marks = probe([str(pal_exe)], pal_env)
            pal.append(marks["first_paint"])
            if "data_shown" in marks:
                shown.append(marks["data_shown"])
            print(f"  run {run}: bare window {bare[-1] * 1000:6.0f} ms   PAL Desktop {pal[-1] * 1000:6.0f} ms"
                  + (f" (data shown {shown[-1] * 1000:.0f} ms)" if "data_shown" in marks else ""), flush=True)

        bare_median, pal_median = statistics.median(bare), statistics.median(pal)
        startup_ratio = pal_median / bare_median
        bare_size, pal_size = folder_size(minimal_bundle), folder_size(pal_bundle)
        size_ratio = pal_size / bare_size

    print()
    print(f"first paint, median of {args.repeat} (offscreen, {sys.platform}):")
    print(f"  bare PySide6 window bundle  {bare_median * 1000:7.0f} ms")
    print(f"  PAL Desktop bundle          {pal_median * 1000:7.0f} ms"
          + (f"   (first tab's data shown: {statistics.median(shown) * 1000:.0f} ms)" if shown else ""))
    print(f"  ratio {startup_ratio:.2f}x   target <= {STARTUP_TARGET}x   "
          f"{'OK' if startup_ratio <= STARTUP_TARGET else 'MISSED'}")
    print("bundle size (all files of the dist folder):")
    print(f"  bare PySide6 window  {bare_size / 2**20:7.1f} MB")
    print(f"  PAL Desktop          {pal_size / 2**20:7.1f} MB")
    print(f"  ratio {size_ratio:.2f}x   target <= {SIZE_TARGET}x   {'OK' if size_ratio <= SIZE_TARGET else 'MISSED'}")
    missed = startup_ratio > STARTUP_TARGET or size_ratio > SIZE_TARGET
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
