"""Where workshop and store staff land after logging in: who is logged in and today's intake.

Their scanning screens arrive with the workshop and store work; until then this screen tells
them what came in at the gate today, so they know what to expect.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from intake.model import Role, User
from ui.context import AppContext
from ui.style import mm
from ui.widgets.topbar import TopBar


class HomeScreen(QWidget):
    """A calm page with today's gate figures for roles that do not work at the gate."""

    logout_requested = Signal()
    settings_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user: User | None = None
        self.top = TopBar(self)
        self.top.logout_clicked.connect(self.logout_requested)
        self.top.settings_clicked.connect(self.settings_requested)
        self.greeting = QLabel(self)
        self.greeting.setProperty("role", "title")
        self.figures = QLabel(self)
        self.figures.setProperty("role", "big")
        self.figures.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(self)
        column.setContentsMargins(mm(5), mm(4), mm(5), mm(4))
        column.addWidget(self.top)
        column.addStretch(1)
        column.addWidget(self.greeting, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.figures)
        column.addWidget(self.note)
        column.addStretch(2)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.user is not None:
            self.enter(self.user)
        super().changeEvent(event)

    def enter(self, user: User) -> None:
        self.user = user
        role_names = {
            Role.WORKSHOP: self.tr("Workshop"), Role.STORE: self.tr("Store"),
            Role.COACH: self.tr("Gate"), Role.COORDINATOR: self.tr("Coordinator"),
        }
        who = f"{user.name} · {role_names[user.role]}"
        self.top.show_session(self.ctx.setting("site_name"), who, user.role is Role.COORDINATOR)
        self.greeting.setText(self.tr("Hello {name}").format(name=user.name))
        totals = self.ctx.gate.today(all_stations=True)
        self.figures.setText(
            self.tr("Taken in today: {items} · {weight} · {visits}").format(
                items=self.tr("%n items", "", totals.items),
                weight=self.ctx.language.kg(totals.grams),
                visits=self.tr("%n visits", "", totals.visits),
            )
        )
        self.note.setText(self.tr("Items taken in at every gate station today."))

