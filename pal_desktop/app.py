"""Starting the window: the application object, translators, logging, error dialogs, then the database.

The window is shown first and the database is opened after its first paint (in a worker thread, because
opening may copy and migrate the file): importing SQLAlchemy alone takes longer than showing the window,
so nothing imported before the first paint may import it. ``PAL_STARTUP_PROBE=1`` prints milestones
(``PAL_PROBE <name> <value>``) for the startup benchmark; ``PAL_PROBE_QUIT=1`` then closes the window.
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()

import logging  # noqa: E402 - the start time is taken first
import os  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import traceback  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot  # noqa: E402
from PySide6.QtGui import QIcon  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pal_desktop import APP_NAME, ORG_NAME, __version__, config, paths  # noqa: E402
from pal_desktop.errors import DatabaseError, DatabaseMissingError, PalError, ValidationError  # noqa: E402
from pal_desktop.i18n import install_translators  # noqa: E402
from pal_desktop.messages import QT_TRANSLATE_NOOP  # noqa: E402
from pal_desktop.ui import window_state  # noqa: E402
from pal_desktop.ui.dialogs import error_dialog  # noqa: E402
from pal_desktop.ui.main_window import MainWindow, resolve_tab  # noqa: E402

EXIT_OK = 0
EXIT_CRASH = 1
EXIT_KNOWN_ERROR = 2
LOG_FILE_NAME = "pal-desktop.log"
DEFAULT_SIZE = (1280, 800)
ICON_SIZES = (16, 32, 48, 256)

log = logging.getLogger("pal_desktop")


# ---- Startup probe -----------------------------------------------------------------------------------------


def probe_enabled() -> bool:
    return os.environ.get("PAL_STARTUP_PROBE") == "1"


def probe(name: str, value: float | None = None) -> None:
    """Print ``PAL_PROBE <name> <value>`` (default: the wall-clock time now) when the probe is on."""
    if probe_enabled():
        print(f"PAL_PROBE {name} {time.time() if value is None else value:.6f}", flush=True)


def resident_mb() -> float | None:
    """Resident memory of this process in MB (Linux only; None elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


probe("app_import")


# ---- Logging and crashes -----------------------------------------------------------------------------------


def log_path() -> Path:
    return paths.data_dir() / LOG_FILE_NAME


def setup_logging() -> logging.Handler | None:
    """Log to the data folder's pal-desktop.log (the crash dialog names it); None if it cannot be written."""
    try:
        handler = logging.FileHandler(log_path(), encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return handler


class CrashHandler:
    """``sys.excepthook`` for the GUI: log every unexpected exception and show it in a crash dialog."""

    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self._showing = False

    def __call__(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, PalError):  # a known error nobody caught: still a plain message for the user
            log.warning("Unhandled known error: %s", exc)
            if not self._showing and QApplication.instance() is not None:
                self._showing = True
                try:
                    error_dialog.show_error(QApplication.activeWindow(), exc)
                finally:
                    self._showing = False
            return
        log.critical("Unexpected error", exc_info=(exc_type, exc, tb))
        if self._showing or QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._showing = True
        try:
            details = "".join(traceback.format_exception(exc_type, exc, tb))
            details = f"PAL Desktop {__version__}, Python {sys.version.split()[0]}\n\n{details}"
            error_dialog.show_crash(QApplication.activeWindow(), details, self.log_file)
        finally:
            self._showing = False


# ---- The application ---------------------------------------------------------------------------------------


def application() -> QApplication:
    """The QApplication (created on first use) with the program's name, organisation and icon."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setOrganizationName(ORG_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(sys.argv[:1])
        app.setApplicationDisplayName(APP_NAME)
        icon = app_icon()
        if icon is not None:
            app.setWindowIcon(icon)
    return app


def app_icon() -> QIcon | None:
    """The window icon (the same mark as the Windows .ico), drawn for several sizes."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = paths.resource_path("icons", f"pal-desktop-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return None if icon.isNull() else icon


def _language() -> str:
    try:
        return config.load().language
    except Exception:  # a broken config file must not stop the program; the default language is fine
        log.warning("Cannot read the local config; using Polish", exc_info=True)
        return "pl"


def _is_in_memory(url: str | None) -> bool:
    return bool(url) and (":memory:" in url or url.rstrip("/") in ("sqlite:", "sqlite+pysqlite:"))


class Startup(QObject):
    """Opens the database after the first paint and hands it to the window; reports failures."""

    sig_opened = Signal(object)
    """The database is open (an ``Opened``); emitted from the worker thread, received on the UI thread."""
    sig_failed = Signal(object)
    """Opening failed (the exception); emitted from the worker thread."""

    def __init__(self, app: QApplication, window: MainWindow, db_url: str | None, crash: CrashHandler) -> None:
        super().__init__(app)
        self.app = app
        self.window = window
        self.db_url = db_url
        self.crash = crash
        self.opened = None
        #: The user chose to create the database if it is missing ("Otwórz domyślną").
        self.create_missing = False
        #: The database was chosen at start after a failure: its errors offer the choice again.
        self.chosen = False
        self.thread: threading.Thread | None = None
        self.sig_opened.connect(self.on_opened, Qt.ConnectionType.QueuedConnection)
        self.sig_failed.connect(self.on_failed, Qt.ConnectionType.QueuedConnection)
        window.sig_first_painted.connect(self.on_first_paint)
        window.sig_data_shown.connect(self.on_data_shown)

    @Slot()
    def on_first_paint(self) -> None:
        probe("first_paint")
        self.window.set_busy(QCoreApplication.translate("Startup", "Otwieranie bazy danych…"))
        QTimer.singleShot(0, self.start_opening)  # let the painted frame reach the screen first

    @Slot()
    def start_opening(self) -> None:
        if _is_in_memory(self.db_url):  # an in-memory database exists only in the thread that made it
            self._open()
            return
        self.thread = threading.Thread(target=self._open, name="pal-open-database")
        self.thread.start()

    def _open(self) -> None:
        try:
            from pal_desktop.services.database import open_window_database

            opened = open_window_database(self.db_url, create_missing=self.create_missing)
        except BaseException as exc:  # noqa: BLE001 - reported on the UI thread
            self.sig_failed.emit(exc)
        else:
            self.sig_opened.emit(opened)

    @Slot(object)
    def on_opened(self, opened) -> None:
        self.opened = opened
        log.info("Database opened: %s", opened.db.location)
        from pal_desktop.ui.account_actions import sign_in_at_start

        self.window.set_busy(None)
        sign_in_at_start(self.window, opened.db, lambda ok: self.on_signed_in(opened, ok))

    def on_signed_in(self, opened, ok: bool) -> None:
        if not ok:
            self.app.exit(EXIT_OK)
            return
        self.window.set_database(opened.db)
        window_state.restore_for_user(self.window)
        from pal_desktop.ui import first_start  # services: not before the first paint

        first_start.offer_office_setup(self.window, opened.db)
        if opened.upgraded_from:
            log.info("Database upgraded from %s; backup %s", opened.upgraded_from, opened.backup)
            self.window.show_upgrade_notice(opened.upgraded_from, opened.backup)

    @Slot(object)
    def on_failed(self, exc: BaseException) -> None:
        self.window.set_busy(None)
        if isinstance(exc, DatabaseMissingError) or (self.chosen and isinstance(exc, DatabaseError)):
            log.warning("Database missing at start: %s", exc)
            self.offer_choice(exc)
        elif isinstance(exc, PalError):
            log.warning("Cannot open the database: %s", exc)
            error_dialog.show_error(self.window, exc,
                                    QCoreApplication.translate("Startup", "Nie można otworzyć bazy danych"))
            self.app.exit(EXIT_KNOWN_ERROR)
        else:
            self.crash(type(exc), exc, exc.__traceback__)
            self.app.exit(EXIT_CRASH)

    def offer_choice(self, exc: PalError) -> None:
        """Try again, another database or the default one; quitting exits with status 2."""
        from pal_desktop.services.database import default_database_url
        from pal_desktop.ui.dialogs import missing_database_dialog as dialog

        while True:
            choice = dialog.ask(self.window, exc, str(paths.default_database_path()))
            if choice == dialog.OTHER:
                chosen = dialog.choose_database_file(self.window)
                if not chosen:
                    continue
                self.db_url, self.create_missing = chosen, False
            elif choice == dialog.DEFAULT:
                self.db_url, self.create_missing = default_database_url(), True
            elif choice == dialog.QUIT:
                self.app.exit(EXIT_KNOWN_ERROR)
                return
            break
        self.chosen = True
        self.window.set_busy(QCoreApplication.translate("Startup", "Otwieranie bazy danych…"))
        QTimer.singleShot(0, self.start_opening)

    @Slot()
    def on_data_shown(self) -> None:
        self.window.sig_data_shown.disconnect(self.on_data_shown)
        probe("data_shown")
        rss = resident_mb()
        if rss is not None:
            probe("rss_mb", rss)
        if probe_enabled() and os.environ.get("PAL_PROBE_QUIT") == "1":
            QTimer.singleShot(0, self.app.quit)
            return
        # The other tabs' modules load while the user reads the first list.
        QTimer.singleShot(300, self.window.build_remaining_tabs)

    def finish(self) -> None:
        """After the event loop: wait for an unfinished open (never cut a migration short), close the database."""
        if self.thread is not None:
            self.thread.join()
        if self.opened is not None:
            self.opened.db.dispose()


def _initial_size(app: QApplication) -> tuple[int, int, bool]:
    screen = app.primaryScreen()
    if screen is None:
        return (*DEFAULT_SIZE, False)
    available = screen.availableGeometry()
    width, height = DEFAULT_SIZE
    maximise = available.width() <= width or available.height() <= height
    return min(width, available.width()), min(height, available.height()), maximise


def _preload_store() -> None:
    """Import SQLAlchemy, the models and the services while the window is being built and painted.

    Python imports are mostly reading files and running module bodies; done here they overlap with Qt
    building the window instead of following it, and the database opens sooner after the first paint.
    """
    try:
        from sqlalchemy.orm import configure_mappers

        import pal_desktop.services.database  # noqa: F401
        import pal_desktop.services.participants  # noqa: F401

        configure_mappers()
    except Exception:  # noqa: BLE001 - opening the database reports any real problem
        log.debug("preloading the store failed", exc_info=True)


def run_gui(db_url: str | None = None) -> int:
    """Show the main window, open the database after the first paint, and run until the window closes.

    Returns the exit status: 0, 2 when the database cannot be opened (a Polish message was shown), 1 after
    an unexpected error while opening it.
    """
    if QApplication.instance() is None:
        from pal_desktop.platform_check import check_before_qt

        problem = check_before_qt()  # Qt would abort the process with an English message instead
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_KNOWN_ERROR
    log_handler = setup_logging()
    app = application()
    install_translators(app, _language())
    crash = CrashHandler(Path(log_handler.baseFilename) if log_handler is not None else None)
    previous_hook = sys.excepthook
    sys.excepthook = crash
    preload = threading.Thread(target=_preload_store, name="pal-preload", daemon=True)
    preload.start()
    window = MainWindow()
    startup = Startup(app, window, db_url, crash)
    width, height, _maximise = _initial_size(app)
    window.resize(width, height)  # the size it returns to from maximised on its first start
    window_state.show(window)
    try:
        return app.exec()
    finally:
        startup.finish()
        sys.excepthook = previous_hook
        window.deleteLater()
        if log_handler is not None:
            logging.getLogger().removeHandler(log_handler)
            log_handler.close()


# ---- Screenshots -------------------------------------------------------------------------------------------


def screenshot(db_url: str | None, tab: str, output: Path, size: tuple[int, int] = (1366, 768)) -> Path:
    """Save a PNG of one tab of the main window showing the database's data; returns ``output``.

    Works without a display (the offscreen platform is chosen when no application exists yet). Raises
    ValidationError for an unknown tab or an unwritable output, DatabaseError when the database cannot be opened.
    """
    tab_id = resolve_tab(tab)
    output = Path(output)
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        install_translators(application(), _language())
    app = application()
    from pal_desktop.services.access_log import SCREENSHOT, log_access
    from pal_desktop.services.database import open_app_database

    opened = open_app_database(db_url)
    window = MainWindow()
    try:
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.resize(*size)
        window.show()
        window.set_database(opened.db)
        if opened.upgraded_from:
            window.show_upgrade_notice(opened.upgraded_from, opened.backup)
        window.select_tab(tab_id)
        deadline = time.monotonic() + 60
        while window.current_tab().busy_reading() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        for _ in range(3):
            app.processEvents()
        if not window.grab().save(str(output)):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Validation", "Nie można zapisać obrazu do pliku „{path}”. Sprawdź, czy folder istnieje i czy "
                              "nazwa kończy się na .png."), field="output", path=str(output))
        paths.make_private(output)
        log_access(opened.db, SCREENSHOT, "screenshot", tab=tab_id, file=output.name)
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        opened.db.dispose()
    return output


__all__ = ["run_gui", "screenshot", "application", "probe", "EXIT_OK", "EXIT_CRASH", "EXIT_KNOWN_ERROR"]
