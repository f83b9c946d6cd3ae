"""Build the PAL Desktop release: the PyInstaller one-folder bundle and, on Windows, the Inno Setup installer.

    python build_spec/build.py                              # bundle (+ installer on Windows if iscc is found)
    python build_spec/build.py --smoke-test                 # ... then run the built program on a fresh database
    python build_spec/build.py --smoke-test --upgrade-test  # ... and open a revision-0001 database with it
    python build_spec/build.py --skip-build --smoke-test    # test an existing dist/ without rebuilding

Needs the ``build`` extra (``pip install -e ".[build]"``). Output: dist/PAL Desktop/ (the bundle) and, on
Windows, dist/installer/PAL-Desktop-<version>-setup.exe. Work files go to build/pyinstaller/.

The smoke test runs the *built executable* (not the source) with PAL_DATA_DIR/PAL_CONFIG_DIR in a temporary
folder and QT_QPA_PLATFORM=offscreen, prints one PASS/FAIL/SKIP line per check, and exits 1 if any failed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import locale
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

SPEC_DIR = Path(__file__).resolve().parent
ROOT = SPEC_DIR.parent
SPEC = SPEC_DIR / "pal_desktop.spec"
INSTALLER_SCRIPT = SPEC_DIR / "installer.iss"
APP_NAME = "PAL Desktop"
EXE_NAME = "pal-desktop"
IS_WINDOWS = sys.platform == "win32"
COMMAND_TIMEOUT = 300  # seconds; a windowed Windows build that shows an error box would otherwise hang CI


def project_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]["version"]


def executable(dist: Path) -> Path:
    return dist / APP_NAME / (EXE_NAME + (".exe" if IS_WINDOWS else ""))


def step(title: str) -> None:
    print(f"\n== {title} ==", flush=True)


# ---- Building ----------------------------------------------------------------------------------------------


def check_environment() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit('PyInstaller is missing: pip install -e ".[build]"') from None
    try:
        import pal_desktop
    except ImportError:
        raise SystemExit('pal_desktop is not installed here: pip install -e ".[build]"') from None
    source = Path(pal_desktop.__file__).resolve().parent
    if source != ROOT / "pal_desktop":
        print(f"note: this Python imports pal_desktop from {source}; the bundle is built from {ROOT}")


def compile_translations() -> None:
    """resources/i18n/*.ts → .qm (build products, git-ignored) with pyside6-lrelease."""
    if not list((ROOT / "resources" / "i18n").glob("*.ts")):
        print("no resources/i18n/*.ts: nothing to compile")
        return
    subprocess.run([sys.executable, str(SPEC_DIR / "translations.py"), "release"], cwd=ROOT, check=True)


def run_pyinstaller(dist: Path, work: Path) -> None:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    print(" ".join(f'"{c}"' if " " in c else c for c in command), flush=True)
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    print(f"bundle built in {time.perf_counter() - started:.0f} s: {dist / APP_NAME} "
          f"({folder_size(dist / APP_NAME) / 2**20:.0f} MB)")


def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles"),
                 os.path.join(os.environ.get("LOCALAPPDATA", ""), "Programs")):
        if base:
            candidates = sorted(Path(base).glob("Inno Setup */ISCC.exe"), reverse=True)  # "Inno Setup 6" first
            if candidates:
                return str(candidates[0])
    return None


def build_installer(dist: Path, version: str, required: bool) -> Path | None:
    iscc = find_iscc()
    if iscc is None:
        message = "Inno Setup 6 (iscc) not found: installer not built (choco install innosetup)"
        if required:
            raise SystemExit(message)
        print(message)
        return None
    output = dist / "installer"
    numbers = (re.findall(r"\d+", version.split("+")[0])[:4] + ["0"] * 4)[:4]
    subprocess.run([iscc, f"/DAppVersion={version}", f"/DAppVersionNumeric={'.'.join(numbers)}",
                    f"/DBundleDir={dist / APP_NAME}", f"/DOutputDir={output}", str(INSTALLER_SCRIPT)],
                   cwd=SPEC_DIR, check=True)
    installers = sorted(output.glob("*.exe"))
    print(f"installer: {installers[-1] if installers else '(none?)'}")
    return installers[-1] if installers else None


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


# ---- Running the bundle ------------------------------------------------------------------------------------


def tail(text: str, lines: int = 6) -> str:
    """The last few non-empty lines of a program's output, on one line (for a FAIL line)."""
    kept = [line.strip() for line in text.replace("\r", "\n").splitlines() if line.strip()]
    return " | ".join(kept[-lines:])[-1200:]


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode(locale.getpreferredencoding(False), errors="replace")


class Checks:
    """Runs the bundle's executable in an isolated environment and records PASS/FAIL/SKIP lines."""

    def __init__(self, exe: Path, home: Path) -> None:
        self.exe = exe
        self.home = home
        self.failures = 0
        self.env = {key: value for key, value in os.environ.items()
                    if key not in ("PAL_DATABASE_URL", "PAL_STARTUP_PROBE", "PAL_PROBE_QUIT")}
        self.env.update(PAL_DATA_DIR=str(home / "data"), PAL_CONFIG_DIR=str(home / "config"),
                        QT_QPA_PLATFORM="offscreen")

    def run(self, *args: str, timeout: float = COMMAND_TIMEOUT, env: dict | None = None):
        started = time.perf_counter()
        try:
            result = subprocess.run([str(self.exe), *args], capture_output=True, timeout=timeout,
                                    env={**self.env, **(env or {})}, cwd=self.home)
        except subprocess.TimeoutExpired as exc:
            return None, decode(exc.stdout or b""), f"timed out after {timeout:.0f} s", 0.0
        return result.returncode, decode(result.stdout), decode(result.stderr), time.perf_counter() - started

    def record(self, ok: bool, name: str, detail: str = "") -> bool:
        print(f"{'PASS' if ok else 'FAIL'}  {name}{'  — ' + detail if detail else ''}", flush=True)
        if not ok:
            self.failures += 1
        return ok

    def skip(self, name: str, why: str) -> None:
        print(f"SKIP  {name}  — {why}", flush=True)

    def command(self, name: str, *args: str, **kwargs) -> tuple[bool, str]:
        """Run a command and record whether it exited 0; returns (ok, stdout)."""
        code, out, err, seconds = self.run(*args, **kwargs)
        ok = code == 0
        detail = f"{seconds:.1f} s" if ok else f"exit {code}; stderr: {tail(err)}; stdout: {tail(out, 3)}"
        self.record(ok, name, detail)
        return ok, out

    def info(self, name: str, *db_args: str) -> dict | None:
        code, out, err, _ = self.run(*db_args, "info", "--json")
        try:
            data = json.loads(out) if code == 0 else None
        except json.JSONDecodeError as exc:
            self.record(False, name, f"not JSON ({exc}): {out[:300]!r}")
            return None
        if data is None:
            self.record(False, name, f"exit {code}: {tail(err)}")
        return data

    def file(self, name: str, path: Path, signature: bytes, min_size: int) -> None:
        if not path.is_file():
            self.record(False, name, f"{path.name} was not written")
            return
        size = path.stat().st_size
        head = path.read_bytes()[:len(signature)]
        self.record(head == signature and size > min_size, name,
                    f"{path.name}: {size / 1024:.0f} kB, starts with {head!r}")


def head_revision() -> str:
    from pal_desktop.storage.migrate import head_revision as source_head

    return source_head()


def bundle_layout(checks: Checks, dist: Path) -> None:
    internal = dist / APP_NAME / "_internal"
    versions = sorted(p.name for p in (internal / "pal_desktop" / "storage" / "migrations" / "versions").glob("*.py"))
    source_versions = sorted(p.name for p in (ROOT / "pal_desktop" / "storage" / "migrations" / "versions").glob("*.py"))
    checks.record(versions == source_versions and (internal / "pal_desktop/storage/migrations/env.py").is_file(),
                  "bundle has the Alembic migrations", f"{len(versions)} revisions in _internal/pal_desktop/storage/migrations")
    programmes = list((internal / "resources" / "programmes").glob("*.json"))
    fonts = list((internal / "resources" / "fonts").glob("*.ttf"))
    checks.record(bool(programmes) and bool(fonts), "bundle has resources/",
                  f"{len(programmes)} programme(s), {len(fonts)} font(s), "
                  f"{len(list((internal / 'resources').rglob('*.qm')))} .qm catalogue(s)")
    webengine = [p.name for p in internal.rglob("*WebEngine*")]
    checks.record(not webengine, "bundle has no QtWebEngine", ", ".join(webengine[:3]))


def smoke_test(dist: Path, version: str) -> int:
    exe = executable(dist)
    step(f"smoke test: {exe}")
    if not exe.is_file():
        print(f"FAIL  {exe} does not exist (build first)")
        return 1
    with tempfile.TemporaryDirectory(prefix="pal-smoke-", ignore_cleanup_errors=True) as temp:
        home = Path(temp)
        checks = Checks(exe, home)
        bundle_layout(checks, dist)

        code, out, err, _ = checks.run("--version")
        checks.record(code == 0 and version in out, "--version", (out or err).strip())

        code, out, err, _ = checks.run("info", "--json")
        checks.record(code not in (0, None) and bool(err.strip()), "info on a missing database is refused on stderr",
                      f"exit {code}: {tail(err, 2)}")

        checks.command("init", "init")
        info = checks.info("info --json after init")
        if info is not None:
            head = head_revision()
            checks.record(info.get("schema_version") == head, "info --json: schema_version is the head revision",
                          f"{info.get('schema_version')!r} (source head {head!r})")
            programmes = info.get("programmes") or [{}]
            checks.record(programmes[0].get("tasks") == 11, "info --json: programmes[0].tasks == 11",
                          f"{programmes[0].get('tasks')!r}")

        ok, _ = checks.command("demo --participants 200 --seed 1", "demo", "--participants", "200", "--seed", "1")
        info = checks.info("info --json after demo")
        if info is not None:
            participants = (info.get("counts") or {}).get("participants")
            checks.record(participants == 200, "info --json: counts.participants == 200", f"{participants!r}")

        pdf = home / "karta-programu.pdf"
        if checks.command("report programme", "report", "programme", "-o", str(pdf))[0]:
            checks.file("report programme: a PDF over 10 kB", pdf, b"%PDF", 10 * 1024)

        attendance_list(checks, home)

        if (ROOT / "pal_desktop" / "app.py").is_file():
            png = home / "harmonogram.png"
            if checks.command("screenshot --tab Harmonogram", "screenshot", "--tab", "Harmonogram", "-o", str(png))[0]:
                checks.file("screenshot: a PNG over 10 kB", png, b"\x89PNG\r\n\x1a\n", 10 * 1024)
            gui_start(checks)
        else:
            checks.skip("screenshot --tab Harmonogram", "pal_desktop/app.py does not exist yet")
            checks.skip("window start-up", "pal_desktop/app.py does not exist yet")
        return summary("smoke test", checks)


def attendance_list(checks: Checks, home: Path) -> None:
    """Issue 7's `report attendance-list`: run it for the first event, if this build has it."""
    code, out, err, _ = checks.run("report", "--help")
    if code != 0:
        checks.record(False, "report --help", tail(err))
        return
    if "attendance-list" not in out:
        checks.skip("report attendance-list", "`report --help` does not list it yet (issue 7)")
        return
    database = home / "data" / "pal.sqlite3"
    with contextlib.closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)) as connection:
        row = connection.execute("SELECT min(id) FROM event").fetchone()
    if not row or row[0] is None:
        checks.record(False, "report attendance-list", "the demo database has no events")
        return
    event_id = str(row[0])
    _, help_text, _, _ = checks.run("report", "attendance-list", "--help")
    if "--event-id" in help_text:
        event_args = ["--event-id", event_id]
    elif "--event" in help_text:
        event_args = ["--event", event_id]
    else:  # a positional event number
        event_args = [event_id]
    pdf = home / "lista-obecnosci.pdf"
    if checks.command(f"report attendance-list (event {event_id})", "report", "attendance-list", *event_args,
                      "-o", str(pdf))[0]:
        checks.file("report attendance-list: a PDF over 10 kB", pdf, b"%PDF", 10 * 1024)


def gui_start(checks: Checks) -> None:
    """Open the window (offscreen) with the start-up probe; it quits itself once the data is shown."""
    code, out, err, seconds = checks.run(env={"PAL_STARTUP_PROBE": "1", "PAL_PROBE_QUIT": "1"}, timeout=120)
    marks = {line.split()[1] for line in out.splitlines() if line.startswith("PAL_PROBE ") and len(line.split()) == 3}
    checks.record(code == 0 and {"first_paint", "data_shown"} <= marks, "window opens, paints and shows the data",
                  f"{seconds:.1f} s, probes {sorted(marks)}" if code == 0 else f"exit {code}: {tail(err)}")


def upgrade_test(dist: Path) -> int:
    """A database left at revision 0001 by an old version, opened by the bundle: upgraded, data kept, backed up."""
    exe = executable(dist)
    step(f"upgrade test: {exe}")
    if not exe.is_file():
        print(f"FAIL  {exe} does not exist (build first)")
        return 1
    from pal_desktop.storage.migrate import upgrade_to

    with tempfile.TemporaryDirectory(prefix="pal-upgrade-", ignore_cleanup_errors=True) as temp:
        home = Path(temp)
        checks = Checks(exe, home)
        database = home / "stara-baza.sqlite3"
        upgrade_to("sqlite:///" + database.as_posix(), "0001")
        with contextlib.closing(sqlite3.connect(database)) as connection, connection:
            connection.execute(
                "INSERT INTO programme (id, title, subtitle, project_number, municipality, organisation, legal_basis, "
                "resolution, start_date, end_date, funding_line, co_financing, target_group, main_goal, monitoring) "
                "VALUES (1, 'PAL', '', '', '', '', '', '', '2021-01-01', '2022-12-31', '', '', '', '', '')")
            connection.execute(
                "INSERT INTO participant (id, programme_id, status, first_name, last_name, pesel, no_pesel, "
                "document_number, street_name, outside_area_reason, house_number, flat_number, postal_code, city, "
                "phone, email, labour_status_detail, end_situation, notes) VALUES (1, 1, 'uczestnik', 'Łukasz', "
                "'Żak', '85010112345', 0, '', 'ul. Źródlana', '', '1', '', '42-100', 'Kłobuck', '', '', '', '', '')")
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        checks.record(revision == "0001", "a revision-0001 database with one participant was made by the source tree",
                      database.name)

        info = checks.info("info --json on the old database", "--db", str(database))
        if info is not None:
            head = head_revision()
            checks.record(info.get("schema_version") == head, "the bundle upgraded it to the head revision",
                          f"0001 → {info.get('schema_version')!r} (head {head!r})")
            participants = (info.get("counts") or {}).get("participants")
            checks.record(participants == 1, "the participant is still counted", f"participants = {participants!r}")
        backups = sorted((home / "data" / "kopie").glob("*")) if (home / "data" / "kopie").is_dir() else []
        checks.record(bool(backups), "a backup copy appeared in PAL_DATA_DIR/kopie",
                      ", ".join(p.name for p in backups) or "kopie/ is empty or missing")
        if backups:
            with contextlib.closing(sqlite3.connect(f"{backups[0].as_uri()}?mode=ro", uri=True)) as connection:
                old = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
                count = connection.execute("SELECT count(*) FROM participant").fetchone()[0]
            checks.record(old == "0001" and count == 1, "the backup is the database as it was (0001, 1 participant)",
                          f"revision {old}, {count} participant(s)")
        return summary("upgrade test", checks)


def summary(name: str, checks: Checks) -> int:
    if checks.failures:
        print(f"{name}: FAILED ({checks.failures} check(s))", flush=True)
        return 1
    print(f"{name}: all checks passed", flush=True)
    return 0


# ---- Main --------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke-test", action="store_true", help="run the built program on a fresh database")
    parser.add_argument("--upgrade-test", action="store_true", help="open a revision-0001 database with the build")
    parser.add_argument("--skip-build", action="store_true", help="test the existing bundle in --dist")
    parser.add_argument("--no-installer", action="store_true", help="do not run iscc even on Windows")
    parser.add_argument("--require-installer", action="store_true",
                        help="fail if the installer cannot be built (CI on Windows)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller work folder (default: build/pyinstaller/)")
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):  # a cp1252 pipe on a Windows build server must not stop the build
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    dist, work = args.dist.resolve(), args.work.resolve()
    version = project_version()

    check_environment()
    if not args.skip_build:
        step(f"PAL Desktop {version}: translations")
        compile_translations()
        step("PyInstaller bundle")
        run_pyinstaller(dist, work)
        if IS_WINDOWS and not args.no_installer:
            step("Inno Setup installer")
            build_installer(dist, version, args.require_installer)
        elif args.require_installer:
            raise SystemExit("--require-installer: the installer is built on Windows only")
    status = 0
    if args.smoke_test:
        status |= smoke_test(dist, version)
    if args.upgrade_test:
        status |= upgrade_test(dist)
    return status


if __name__ == "__main__":
    sys.exit(main())
