"""The one window: owns the page stack, decides which screen shows, and logs out when idle.

Screens only emit intent signals (`logged_in`, `logout_requested`, ...); navigation lives here.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from intake.model import Role, User
from ui.context import AppContext
from ui.screens.admin import AdminScreen
from ui.screens.first_run import FirstRunScreen
from ui.screens.gate import GateScreen
from ui.screens.home import HomeScreen
from ui.screens.login import LoginScreen
from ui.style import stylesheet
from ui.widgets.panels import Panel

_ACTIVITY = {
    QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
}


class MainWindow(QMainWindow):
    """Shows first-run, login, gate, home and admin screens as the session requires."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.user: User | None = None
        self.setWindowTitle(self.tr("Ambacht"))
        self.setStyleSheet(stylesheet())
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.first_run = FirstRunScreen(ctx)
        self.login = LoginScreen(ctx)
        self.gate = GateScreen(ctx)
        self.home = HomeScreen(ctx)
        self.admin = AdminScreen(ctx)
        for screen in (self.first_run, self.login, self.gate, self.home, self.admin):
            self.stack.addWidget(screen)
        self.first_run.done.connect(self.on_logged_in)
        self.login.logged_in.connect(self.on_logged_in)
        for screen in (self.gate, self.home):
            screen.logout_requested.connect(self.logout)
            screen.settings_requested.connect(self.show_admin)
        self.admin.done.connect(self.show_role_home)

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.logout)
        QApplication.instance().installEventFilter(self)
        if ctx.auth.needs_first_pin():
            self.show_page(self.first_run)
        else:
            self.logout()

    def show_page(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)

    def on_logged_in(self, user: User) -> None:
        self.user = user
        try:
            seconds = int(self.ctx.setting("idle_logout_s", "120"))
        except ValueError:
            seconds = 120
        self.idle_timer.setInterval(max(10, seconds) * 1000)
        self.idle_timer.start()
        self.show_role_home()

    def show_role_home(self) -> None:
        """Coaches and coordinators start at the gate; workshop and store staff at home."""
        if self.user is None:
            self.logout()
        elif self.user.role in (Role.COACH, Role.COORDINATOR):
            self.gate.enter(self.user)
            self.show_page(self.gate)
        else:
            self.home.enter(self.user)
            self.show_page(self.home)

    def show_admin(self) -> None:
        if self.user is not None and self.user.role is Role.COORDINATOR:
            self.admin.enter(self.user)
            self.show_page(self.admin)

    def logout(self) -> None:
        """Back to the PIN keypad; an open visit is ended so that it counts."""
        self.idle_timer.stop()
        for panel in self.findChildren(Panel):
            panel.close_panel()  # a question left open is not for the next person
        self.gate.leave()
        self.user = None
        self.login.enter()
        self.show_page(self.login)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.user is not None and event.type() in _ACTIVITY:
            self.idle_timer.start()
        return False
