"""The one window: owns the page stack, decides which screen shows, and logs out when idle.

Screens only emit intent signals (`logged_in`, `logout_requested`, ...); navigation lives here,
and so does the barcode scanner: a scan goes to the screen that is showing, or, on a screen
that does not take scans, to the user's own work screen.
"""

from __future__ import annotations

import time
from contextlib import suppress

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intake.errors import AmbachtError
from intake.model import Role, User
from intake.people import Session
from ui.context import AppContext
from ui.scanner import ScannerFilter
from ui.screens.admin import AdminScreen
from ui.screens.conflicts import ConflictsScreen
from ui.screens.dashboard import DashboardScreen
from ui.screens.first_run import FirstRunScreen
from ui.screens.gate import GateScreen
from ui.screens.login import LoginScreen
from ui.screens.material import MaterialScreen
from ui.screens.scan_screen import ScanScreen
from ui.screens.shop import ShopScreen
from ui.screens.workshop import WorkshopScreen
from ui.style import stylesheet
from ui.widgets.panels import Panel
from ui.widgets.reasons import DisabledReasons
from ui.widgets.restored_bar import RestoredBar
from ui.widgets.status_actions import StatusActions
from ui.widgets.status_strip import BACKUP, HUB, PRINTER, SCALE, SCANNER, StatusStrip
from ui.widgets.still_there import StillTherePanel

_ACTIVITY = {
    QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
}


ASK_BEFORE_LOGOUT_S = 30  # "Are you still there?" counts down this long (a third, at most)
REPEAT_IGNORE_S = 2.0  # a scanner that reads one label twice must not add it twice
# The settings section a part of the status strip opens for the coordinator.
_STATUS_SECTIONS = {PRINTER: "printer", SCALE: "devices", SCANNER: "devices", BACKUP: "station",
                    HUB: "hub"}
_PLACES: dict[Role, list[str]] = {
    Role.COACH: ["gate", "material"],
    Role.WORKSHOP: ["workshop", "material"],
    Role.SHOP: ["shop"],
    Role.COORDINATOR: ["gate", "workshop", "shop", "material", "dashboard", "conflicts"],
}


class MainWindow(QMainWindow):
    """Shows first-run, login, the work screens and settings as the session requires."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.user: User | None = None
        self.setWindowTitle(self.tr("Ambacht"))
        self.setStyleSheet(stylesheet())
        # The pages, and under them (or beside them, on a wide small panel) the status strip
        # on every page (login included).
        central = QWidget(self)
        self.stack = QStackedWidget(central)
        self.status = StatusStrip(ctx, central)
        self.status.tapped.connect(self.explain_status)
        self.status_actions = StatusActions(ctx, self.status, self, self._status_settings)
        pages = QHBoxLayout(central) if self.status.beside else QVBoxLayout(central)
        pages.setContentsMargins(0, 0, 0, 0)
        pages.setSpacing(0)
        work = QVBoxLayout()  # the pages, under the restored bar until it synced
        work.setSpacing(0)
        self.restored = RestoredBar(ctx, central)
        work.addWidget(self.restored)
        work.addWidget(self.stack, 1)
        pages.addLayout(work, 1)
        pages.addWidget(self.status)
        self.setCentralWidget(central)
        self.first_run = FirstRunScreen(ctx)
        self.login = LoginScreen(ctx)
        self.gate = GateScreen(ctx)
        self.workshop = WorkshopScreen(ctx)
        self.shop = ShopScreen(ctx)
        self.material = MaterialScreen(ctx)
        self.dashboard = DashboardScreen(ctx)
        self.conflicts = ConflictsScreen(ctx)
        self.admin = AdminScreen(ctx)
        self.work_screens: dict[str, ScanScreen] = {
            "gate": self.gate, "workshop": self.workshop, "shop": self.shop,
            "material": self.material, "dashboard": self.dashboard,
            "conflicts": self.conflicts,
        }
        for screen in (self.first_run, self.login, *self.work_screens.values(), self.admin):
            self.stack.addWidget(screen)
        self.first_run.done.connect(self.first_steps)
        self.login.logged_in.connect(self.on_logged_in)
        for screen in self.work_screens.values():
            screen.logout_requested.connect(self.logout)
            screen.settings_requested.connect(self.show_admin)
            screen.place_requested.connect(self.show_place)
        self.admin.done.connect(self.back_from_admin)
        self.came_from = ""  # the work screen Settings was opened from, to go back to
        ctx.backups.failed.connect(lambda _error: self.show_backup_problem())
        for screen in self.work_screens.values():
            screen.top.demo_badge.setVisible(ctx.demo)

        self.scanner = ScannerFilter(self, max_gap=lambda: ctx.devices.scan_gap_s)
        self.scanner.scanned.connect(self.on_scan)
        self.scanner.unrecognised.connect(self.on_scan_unrecognised)
        ctx.devices.scanner.scanned.connect(self.on_scan)  # a serial scanner, routed the same
        self._last_scan: tuple[str, float] = ("", 0.0)

        # The time at a station counts from login to logout; an idle logout ends it at the
        # last touch, so that the idle minutes do not count (intake/people.py).
        self.session: Session | None = None
        self.active_at = ctx.clock.now()
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.ask_still_there)
        self.still_there: StillTherePanel | None = None
        QApplication.instance().installEventFilter(self)
        QApplication.instance().installEventFilter(self.scanner)
        self.reasons = DisabledReasons(self)  # a tap on a disabled button says why
        if ctx.auth.needs_first_pin():
            self.show_page(self.first_run)
        else:
            self.logout()

    def explain_status(self, part: str) -> None:
        """A tapped part of the status strip: it does what the part says (`StatusActions`)."""
        self.status_actions.act(part, self.user is not None
                                 and self.user.role is Role.COORDINATOR)

    def _status_settings(self, part: str) -> None:
        """The coordinator's way from a part of the strip to its settings section."""
        for panel in self.findChildren(Panel):
            panel.close_panel()
        self.show_admin()
        self.admin.show_section(_STATUS_SECTIONS[part])

    def show_page(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)

    def on_logged_in(self, user: User) -> None:
        self.user = user
        self._end_session("logout")  # a session left open (none, normally)
        self.active_at = self.ctx.clock.now()
        try:
            self.session = self.ctx.people.start_session(user)
        except AmbachtError:  # a file only read (a newer version's): no time is counted
            self.session = None
        self.idle_timer.setInterval((self._idle_s() - self._ask_s()) * 1000)
        self.idle_timer.start()
        self.show_role_home()
        self.show_backup_problem()
        self.status.show_backup()  # today's "14:02" may be yesterday's by now: with its date

    def first_steps(self, user: User) -> None:
        """The first PIN is set: log the coordinator in and lead them through the settings a
        gate needs; the guide ends on the gate."""
        self.on_logged_in(user)
        self.admin.guide(user)
        self.show_page(self.admin)

    def _idle_s(self) -> int:
        return max(10, self.ctx.settings().idle_logout_s)

    def _ask_s(self) -> int:
        """How long the question counts down: within the idle time the coordinator set."""
        return min(ASK_BEFORE_LOGOUT_S, self._idle_s() // 3)

    def ask_still_there(self) -> None:
        """Idle for a while: ask before logging out, so that nobody is logged out mid-task."""
        if self.user is None or self.still_there is not None:
            return
        panel = StillTherePanel(self.stack.currentWidget(), self._ask_s())
        panel.still_here.connect(self.idle_timer.start)
        panel.timed_out.connect(lambda: self.logout(idle=True))
        panel.closed.connect(self._question_closed)
        self.still_there = panel
        panel.open()

    def _question_closed(self) -> None:
        self.still_there = None

    def show_backup_problem(self) -> None:
        """Tell the coordinator that the latest backup failed, in the banner of the screen
        showing; others are not bothered with what only the coordinator can fix."""
        error = self.ctx.backups.last_error
        banner = getattr(self.stack.currentWidget(), "banner", None)
        if error is None or banner is None or self.user is None or (
                self.user.role is not Role.COORDINATOR):
            return
        banner.error(self.tr("The backup failed: {error}").format(
            error=self.ctx.language.error(error)))

    def places(self) -> list[tuple[str, str]]:
        """The work screens the user's role may use, in the order of the top bar."""
        if self.user is None:
            return []
        names = {"gate": self.tr("Gate"), "workshop": self.tr("Workshop"),
                 "shop": self.tr("Shop"), "material": self.tr("Material out"),
                 "dashboard": self.tr("Figures"), "conflicts": self.tr("Attention")}
        return [(key, names[key]) for key in _PLACES[self.user.role]]

    def show_role_home(self) -> None:
        """Each role starts at its own work screen: gate, workshop or shop."""
        if self.user is None:
            self.logout()
        else:
            self.show_place(_PLACES[self.user.role][0])

    def show_place(self, key: str) -> None:
        if self.user is None or key not in _PLACES[self.user.role]:
            return
        screen = self.work_screens[key]
        screen.enter(self.user, self.places(), key)
        self.show_page(screen)

    def on_scan(self, code: str) -> None:
        """A barcode was scanned: the screen showing takes it, else the user's work screen."""
        now = time.monotonic()
        if code == self._last_scan[0] and now - self._last_scan[1] < REPEAT_IGNORE_S:
            return  # the same label read twice in a row
        self._last_scan = (code, now)
        if self.user is None:
            self.login.show_scan_refused(code)
            return
        if not self._account_unchanged():
            return
        if self.still_there is not None:
            self.still_there.answer()  # a scan is an answer too
        asking = [panel for panel in self.findChildren(Panel)
                  if getattr(panel, "takes_scans", False) and panel.isVisible()]
        if asking:  # a question that a scan answers (a serial number's sticker)
            asking[0].handle_scan(code)  # type: ignore[attr-defined]
            return
        for panel in self.findChildren(Panel):
            panel.close_panel()  # an open question was not answered; nothing was written
        current = self.stack.currentWidget()
        if not getattr(current, "takes_scans", False):
            self.show_role_home()
            current = self.stack.currentWidget()
        if isinstance(current, ScanScreen):  # a work screen: a frame number finds its item
            code = self.ctx.registers.code_scanned(code)
        current.handle_scan(code)  # type: ignore[attr-defined]

    def on_scan_unrecognised(self) -> None:
        """A scanner's burst that stumbled: ask for the label again, where the user looks."""
        text = self.tr("Code not recognised, scan again")
        banner = getattr(self.stack.currentWidget(), "banner", None)
        if self.user is None:
            self.login.message.error(text)
        elif banner is not None:  # the figures have none, and no use for a label
            banner.error(text)

    def show_admin(self) -> None:
        if self.user is not None and self.user.role is Role.COORDINATOR:
            if self.stack.currentWidget() is not self.admin:
                self.came_from = next((key for key, screen in self.work_screens.items()
                                       if screen is self.stack.currentWidget()), "")
            self.admin.enter(self.user)
            self.show_page(self.admin)

    def back_from_admin(self) -> None:
        """Settings' "Back": to the screen the coordinator came from (the first run's guide,
        from none, ends at their own work screen)."""
        came_from, self.came_from = self.came_from, ""
        if self.user is not None and came_from:
            self.show_place(came_from)
        else:
            self.show_role_home()

    def logout(self, *, idle: bool = False) -> None:
        """Back to the PIN keypad, the time at the station recorded (up to the last touch when
        idle); an open visit stays open for the next coach at this station (`GateScreen`)."""
        self.idle_timer.stop()
        self._end_session("idle" if idle else "logout")
        for panel in self.findChildren(Panel):
            panel.close_panel()  # a question left open is not for the next person
        for screen in self.work_screens.values():
            screen.leave()
        self.user = None
        self.came_from = ""
        self._last_scan = ("", 0.0)
        self.login.enter()
        self.show_page(self.login)

    def _end_session(self, ended_by: str) -> None:
        if self.session is None:
            return
        session, self.session = self.session, None
        last = self.ctx.clock.now() if ended_by == "logout" else self.active_at
        with suppress(AmbachtError):  # storage failed: the work goes on, this time uncounted
            self.ctx.people.end_session(session, last, ended_by)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._end_session("closed")
        # A closed window takes no more keys: its scanner filter would hold them back from
        # the window that replaces it (a test's next window), and hand them back and forth.
        QApplication.instance().removeEventFilter(self.scanner)
        super().closeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.user is not None and event.type() in _ACTIVITY:
            if not self._account_unchanged():
                return True  # the touch went to a screen that is no longer theirs
            if self.still_there is not None:
                self.still_there.answer()  # a touch anywhere says "yes"
            self.idle_timer.start()
            self.active_at = self.ctx.clock.now()
        return False

    def _account_unchanged(self) -> bool:
        """Whether the logged-in account is still active with the same role; if the
        coordinator changed it (perhaps at another station), log out and say why. The
        services check roles too; this ends the session instead of refusing each tap."""
        assert self.user is not None
        now = self.ctx.account(self.user.id)
        if now is not None and now.active and now.role is self.user.role:
            return True
        self.logout()
        self.login.message.error(self.tr(
            "Your account was changed by the coordinator. Log in again, or ask the "
            "coordinator."))
        return False
