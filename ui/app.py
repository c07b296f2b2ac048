"""The composition root: opens the database, builds the services and shows the window."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from db import Store
from intake.admin import AdminService
from intake.auth import AuthService
from intake.clock import Clock, SystemClock
from intake.errors import StorageError
from intake.gate import GateService
from intake.labelling import LabelService
from intake.material import MaterialService
from intake.monitoring import refresh_in_background
from intake.paths import data_dir, default_db_path
from intake.setup import initialize
from intake.shop import ShopService
from intake.workshop import WorkshopService
from ui.context import AppContext
from ui.i18n import Language
from ui.printing import PrintQueue
from ui.style import mm, stylesheet
from ui.widgets.panels import MessagePanel

log = logging.getLogger("ambacht")


def build_context(store: Store, clock: Clock, lang: str | None = None) -> AppContext:
    """Wire the services of one app around an open, initialised store."""
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
        language=language,
        printer_queue=PrintQueue(labels),
    )


def open_store(path: Path, clock: Clock, *, demo: bool = False) -> Store:
    """Open the app's database, making and initialising it on first start.

    With `demo`, an empty database is first filled with a year of demo data.
    """
    store = Store.open(path, create=True)
    initialize(store, clock)
    if demo and store.item_count() == 0:
        from intake.demo import build_demo

        build_demo(store, end=clock.now())
    return store


def run_app(
    *, db_path: Path | None, lang: str | None, fullscreen: bool = False, demo: bool = False
) -> int:
    """Start the touchscreen app; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Ambacht")
    _log_to_file()
    sys.excepthook = _show_unexpected_error
    clock = SystemClock()
    try:
        store = open_store(db_path or default_db_path(demo=demo), clock, demo=demo)
    except StorageError as exc:
        # No traceback at the gate: say what is wrong with the file and how to go on.
        language = Language()
        language.apply(lang or "nl")
        window = _storage_error_window(language.error(exc))
        window.show()
        app.exec()
        return 2
    from ui.main_window import MainWindow  # after the QApplication: screens measure the screen

    ctx = build_context(store, clock, lang)
    if store.path != ":memory:":
        refresh_in_background(store.path, clock.now().astimezone(ctx.zone()).date())
    window = MainWindow(ctx)
    if fullscreen:
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    code = app.exec()
    ctx.printer_queue.wait()
    store.close()
    return code


def _storage_error_window(message: str) -> QMainWindow:
    window = QMainWindow()
    window.setStyleSheet(stylesheet())
    label = QLabel(message)
    label.setWordWrap(True)
    label.setProperty("role", "banner-error")
    label.setMargin(mm(6))
    window.setCentralWidget(label)
    window.resize(900, 400)
    return window


def _log_to_file() -> None:
    try:
        data_dir().mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            data_dir() / "ambacht.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


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
