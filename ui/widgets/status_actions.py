"""What a tap on a part of the status strip does: what the part says, for whoever taps it.

The printer lists the labels waiting, to try them again or cancel one (or says that it
works); the scale connects afresh and shows its first answer or what to do; the backup says
when the latest was made and backs up now; the hub's link says its state and syncs now; the
scanner says what its state means. The coordinator also gets the part's settings section.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from devices.protocols import Reading
from ui.context import AppContext
from ui.devices import describe
from ui.style import apart, mm
from ui.widgets.panels import Panel
from ui.widgets.print_jobs import WaitingLabels
from ui.widgets.status_strip import BACKUP, HUB, PRINTER, SCALE, StatusStrip


class ActionPanel(Panel):
    """A part's state in words, with the buttons that act on it and Close."""

    def __init__(self, host: QWidget, title: str, text: str,
                 actions: list[tuple[str, Callable[[], None]]], close: str) -> None:
        super().__init__(host, title)
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        self.message.setMaximumWidth(mm(180))
        self.body.addWidget(self.message)
        row = QHBoxLayout()
        row.setSpacing(apart())
        self.buttons: dict[str, object] = {}
        for index, (label, act) in enumerate(actions):
            button = self.button(label, "primary" if index == 0 else None)
            button.clicked.connect(act)
            row.addWidget(button)
            self.buttons[label] = button
        self.testing = False  # a test runs whose answer is to be shown (the scale)
        self.close_button = self.button(close)
        self.close_button.clicked.connect(self.close_panel)
        row.addWidget(self.close_button)
        self.body.addLayout(row)


class StatusActions(QObject):
    """Does what a tapped part says, in panels over `host` (the window); `settings(part)` is
    called when the coordinator asks for the part's settings."""

    def __init__(self, ctx: AppContext, strip: StatusStrip, host: QWidget,
                 settings: Callable[[str], None]) -> None:
        super().__init__(host)
        self.ctx, self.strip, self.host, self.settings = ctx, strip, host, settings
        self.waiting = WaitingLabels(ctx, self)

    def act(self, part: str, coordinator: bool) -> ActionPanel | None:
        """The part's panel; None when the printer's list of waiting labels opened."""
        if part == PRINTER and self.waiting.show_list(self.host):
            return None
        actions: list[tuple[str, Callable[[], None]]] = []
        if part == SCALE:
            actions.append((self.tr("Test the scale"), lambda: self._test_scale(panel)))
        elif part == BACKUP and self.ctx.backups.enabled():
            actions.append((self.tr("Back up now"), self._back_up))
        elif part == HUB:
            actions.append((self.tr("Sync now"), self._sync))
        if coordinator:
            actions.append((self.tr("Settings"), lambda: self._to_settings(panel, part)))
        panel = ActionPanel(self.host, self.strip.parts[part].words,
                            "" if part == SCALE else self.strip.meaning(part), actions,
                            self.tr("Close"))
        panel.open()
        if part == SCALE:
            self._watch_scale(panel)
            self._test_scale(panel)
        return panel

    def _to_settings(self, panel: ActionPanel, part: str) -> None:
        panel.close_panel()
        self.settings(part)

    def _watch_scale(self, panel: ActionPanel) -> None:
        """While the panel is open, a test's first answer from the scale shows in it."""
        scale = self.ctx.devices.scale

        def answered() -> None:
            if not panel.testing or scale.state is None:
                return
            panel.testing = False
            weight, note = describe(scale.state, self.ctx.language.code)
            panel.message.setText(self.tr("The scale answers: {weight} ({note}).").format(
                weight=weight, note=note) if isinstance(scale.state, Reading) else note)

        scale.changed.connect(answered)
        panel.closed.connect(lambda: scale.changed.disconnect(answered))

    def _test_scale(self, panel: ActionPanel) -> None:
        """Connect to the scale afresh; its first answer, or what to do, follows."""
        panel.testing = True
        panel.message.setText(self.tr("Testing the scale…"))
        self.ctx.devices.scale.apply(self.ctx.settings())

    def _back_up(self) -> None:
        self.ctx.backups.back_up_now()
        self._close_panels()

    def _sync(self) -> None:
        self.ctx.sync.request()
        self._close_panels()

    def _close_panels(self) -> None:
        for panel in self.host.findChildren(ActionPanel):
            panel.close_panel()
