"""The composition root: opens the database, builds the services and shows the window."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from db import Store
from db.connection import check_intact
from intake.admin import AdminService
from intake.auth import AuthService
from intake.clock import Clock, SystemClock
from intake.conflicts import ConflictService
from intake.day_sums import refresh_recent_days
from intake.errors import DamagedDatabase, StorageError
from intake.gate import GateService
from intake.labelling import LabelService
from intake.logfile import log_to_file
from intake.material import MaterialService
from intake.paths import default_db_path, make_files_private
from intake.setup import open_or_create
from intake.shop import ShopService
from intake.workshop import WorkshopService
from ui.background import Worker
from ui.backups import BackupScheduler
from ui.context import AppContext
from ui.hub_sync import BackgroundSync
from ui.i18n import Language
from ui.printing import PrintQueue
from ui.screens.recovery import RecoveryScreen
from ui.single_instance import SingleInstance
from ui.style import RESTART, fit_panel, stylesheet
from ui.widgets.panels import MessagePanel

log = logging.getLogger("ambacht")


def build_context(store: Store, clock: Clock, lang: str | None = None, *,
                  demo: bool = False) -> AppContext:
    """Wire the services of one app around an open, initialised store (`demo`: the demo's)."""
    settings = store.settings()
    language = Language()
    language.apply(lang or settings.get("language", "nl"))
    labels = LabelService(store, clock)
    return AppContext(
        store=store,
        clock=clock,
        auth=AuthService(store, clock, settings["station"]),
        gate=GateService(store, clock, settings["station"]),
        labels=labels,
        admin=AdminService(store, clock, settings["station"]),
        workshop=WorkshopService(store, clock, settings["station"]),
        shop=ShopService(store, clock, settings["station"]),
        material=MaterialService(store, clock, settings["station"]),
        conflicts=ConflictService(store, clock, settings["station"]),
        language=language,
        printer_queue=PrintQueue(labels),
        backups=BackupScheduler(store.path, store.settings, clock),
        sync=BackgroundSync(store, clock),
        demo=demo,
    )


def open_store(path: Path, clock: Clock, *, demo: bool = False) -> Store:
    """Open the app's database, making and initialising it on first start.

    With `demo`, an empty database is first filled with a year of demo data.
    """
    store, _ = open_or_create(path, clock)
    if demo and store.item_count() == 0:
        from intake.demo import build_demo

        build_demo(store, end=clock.now())
    return store


WINDOW_SIZE = QSize(1280, 800)  # a window, not a kiosk: this, or the screen if it is smaller


def run_app(
    *, db_path: Path | None, lang: str | None, fullscreen: bool = False, demo: bool = False,
    panel_dpi: int | None = None,
) -> int:
    """Start the touchscreen app; returns the process exit code."""
    make_files_private()  # before anything is made
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Ambacht")
    log_to_file(or_stderr=True)
    sys.excepthook = _show_unexpected_error
    path = db_path or default_db_path(demo=demo)
    guard = SingleInstance(path)
    if not guard.first:
        print(f"ambacht: Ambacht is open on {path} already; its window was brought forward.",
              file=sys.stderr)
        return 0
    starts: list[Startup] = []
    guard.asked.connect(lambda: starts[-1].bring_forward())
    try:
        while True:
            startup = Startup(path, SystemClock(), lang, demo=demo, fullscreen=fullscreen,
                              panel_dpi=panel_dpi)
            starts.append(startup)
            startup.begin()
            code = app.exec()
            # The windows go before the database closes: their screens may still ask it.
            startup.close_windows()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            startup.shut_down()
            if code != RESTART:  # else the screens are built again, measured for the new size
                return code if startup.opened else 2
    finally:
        guard.release()


class Startup(QObject):
    """Opens the database and shows the app, or the recovery screen when the file cannot be
    used: refused at open, or found damaged or its history changed by the check that runs
    right after start."""

    damaged = Signal(object)  # the StorageError the check after start found

    def __init__(self, path: Path, clock: Clock, lang: str | None, *, demo: bool = False,
                 fullscreen: bool = False, panel_dpi: int | None = None) -> None:
        super().__init__()
        self.path, self.clock, self.lang, self.demo, self.fullscreen = (
            path, clock, lang, demo, fullscreen)
        self.panel_dpi = panel_dpi
        self.contexts: list[AppContext] = []
        self.windows: list[QMainWindow] = []  # referenced while the app runs
        self.opened = False
        # The check after start, then the dashboard's sums: in this order, so that no sum is
        # written into a file the check finds damaged.
        self._background = Worker("startup", parent=self)
        self.damaged.connect(self.recover)

    def begin(self) -> None:
        try:
            self.start()
        except StorageError as exc:
            self.recover(exc)

    def start(self) -> None:
        from ui.main_window import MainWindow  # after the QApplication: screens measure it

        ctx = build_context(open_store(self.path, self.clock, demo=self.demo), self.clock,
                            self.lang, demo=self.demo)
        self.contexts.append(ctx)
        self.opened = True
        ctx.devices.apply(ctx.store.settings())
        size = self._fit(ctx.store.settings().screen_scale)
        window = MainWindow(ctx)
        self.windows.append(window)
        self._show(window, size)
        # In the background, so the first screen does not wait: the day's backup, reading
        # every page of the file for damage and the last events of each station's hash chain
        # for changes made round Ambacht, and the dashboard's sums.
        ctx.backups.start()
        ctx.sync.start()
        store, today = ctx.store, self.clock.now().astimezone(ctx.zone()).date()
        self._background.submit(lambda: self._check(store), self._checked)
        self._background.submit(
            lambda: None if store.damage else refresh_recent_days(store.path, today),
            lambda _none: None,
            # A report sums the days it needs itself; the app goes on.
            lambda exc: log.error("summing days in the background failed", exc_info=exc))

    def _fit(self, scale_percent: int) -> QSize:
        """Size everything for the screen (or the window on it) before the screens are built."""
        screen = QGuiApplication.primaryScreen()
        if self.fullscreen:
            size = screen.geometry().size()
        else:
            size = WINDOW_SIZE.boundedTo(screen.availableGeometry().size())
        fit_panel(size.width(), size.height(), dpi=self.panel_dpi, scale_percent=scale_percent)
        return size

    def _show(self, window: QMainWindow, size: QSize) -> None:
        if not self.fullscreen:
            window.resize(size)
            window.show()
            return
        # Without a window manager (a kiosk session) nobody acts on "full screen": the window
        # covers the screen itself, and goes on top of it without a frame.
        window.setGeometry(QGuiApplication.primaryScreen().geometry())
        window.showFullScreen()

    def bring_forward(self) -> None:
        """Another start of the app on this file: show this one's window on top instead."""
        log.info("another start on this file: this window comes forward")
        for window in self.windows:
            if window.isMinimized():
                window.showNormal()
            window.raise_()
            window.activateWindow()

    def close_windows(self) -> None:
        """Close this start's windows without ending the app (before the next start)."""
        for window in self.windows:
            window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
            window.close()
            window.deleteLater()
        self.windows.clear()

    def _check(self, store: Store) -> StorageError | None:
        """In the background: read the whole file and the chains' tails; None when it is
        sound. A damaged file takes no new step from this moment, before the recovery screen
        is up."""
        try:
            check_intact(self.path)
        except StorageError as exc:
            if isinstance(exc, DamagedDatabase):
                store.mark_damaged(exc)
            return exc
        return None

    def _checked(self, finding: StorageError | None) -> None:
        if finding is not None:
            self.damaged.emit(finding)

    def recover(self, exc: StorageError) -> None:
        """Close whatever is open and show what is wrong, with the file's backups."""
        # No traceback at the gate: say what is wrong with the file and offer its backups.
        log.error("cannot use %s: %s", self.path, exc)
        if not self.windows:
            self._show_recovery(exc)
            return
        # Closing the app's window must not end the app, and it must be gone before the
        # database closes and the language changes (its screens would ask the database).
        self.windows[-1].destroyed.connect(lambda: self._show_recovery(exc))
        self.close_windows()

    def _show_recovery(self, exc: StorageError) -> None:
        self.shut_down()
        language = Language()
        language.apply(self.lang or "nl")
        size = self._fit(100)  # the station's size setting is in the file that cannot be read
        window = _recovery_window(RecoveryScreen(exc, self.path, self.clock, language),
                                  self.start)
        self.windows.append(window)
        self._show(window, size)

    def shut_down(self) -> None:
        """Let printing and backups finish, and close the database."""
        for ctx in self.contexts:
            ctx.devices.stop()
            ctx.printer_queue.wait()
            ctx.printer_queue.stop()
            ctx.backups.wait()
            ctx.sync.stop()
            ctx.store.close()
        self.contexts.clear()


def _recovery_window(screen: RecoveryScreen, start: Callable[[], None]) -> QMainWindow:
    """The recovery screen in a window; after a restore the app starts as usual."""
    window = QMainWindow()
    window.setStyleSheet(stylesheet())
    window.setCentralWidget(screen)
    screen.quit_button.clicked.connect(QApplication.quit)
    # Start first, then close: closing the only window would end the app.
    screen.restored.connect(lambda: (start(), window.close()))
    return window


def _show_unexpected_error(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """Log a bug and tell the user, without closing the app: saved items stay saved."""
    log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, tb)))
    window: QWidget | None = QApplication.activeWindow()
    if window is not None:
        MessagePanel(
            window,
            QApplication.translate("App", "Something went wrong"),
            QApplication.translate(
                "App", "Everything saved so far is safe. If this happens again, tell the "
                "coordinator. ({error})"
            ).format(error=f"{kind.__name__}: {error}"),
            QApplication.translate("App", "OK"),
        ).open()
