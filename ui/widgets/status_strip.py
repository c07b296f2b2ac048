"""The status strip of the window: printer, scale, serial scanner, latest backup and, on a
station joined to a hub, the link with the other stations.

Always visible, it changes only on the signals of the print queue, the devices, the backups
and the hub sync, never by polling. Each part is a button as large as any target (15 mm, never
under 11), with its device's icon and a badge whose shape says the state (a tick, three dots
while it is not known yet, or an exclamation mark: not only a colour), and its state in words
where the strip has the room:
under the screens on most panels, where the parts show their words unless they do not all
fit; in a column beside the screens on a wide small panel (`PanelFit.strip_beside`), where
they show their icon and badge only (the words are the part's accessible name and tooltip).
A tap emits `tapped(part)`; the window does what the part says
(`ui/widgets/status_actions.py`).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from devices.protocols import Reading
from intake.clock_skew import is_off
from intake.hub_sync import FORKED, REVOKED, SyncState
from ui.clock_text import clock_text
from ui.context import AppContext
from ui.device_messages import waiting_labels
from ui.style import BUTTON_MM, DANGER, INK, STRIP_SIDE_MM, apart, current_fit, mm
from ui.widgets.base import Retranslating
from ui.widgets.icons import BAD, OK, PENDING, badged

PRINTER, SCALE, SCANNER, BACKUP, HUB = "printer", "scale", "scanner", "backup", "hub"
ICONS = {PRINTER: "printer", SCALE: "scale", SCANNER: "scanner", BACKUP: "backup", HUB: "hub"}


class StatusPart(QPushButton):
    """One part of the strip: its device's icon with the state's badge, and its words
    (`words`) unless compact."""

    def __init__(self, key: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.key = key
        self.words, self.state = "", OK
        self.compact = False
        self.setProperty("role", "status")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.setIconSize(QSize(mm(8), mm(8)))

    def show_state(self, words: str, state: str) -> None:
        """Its state in words, and as OK, PENDING (not known yet) or BAD (something wrong)."""
        if (words, state) == (self.words, self.state):
            return
        self.words, self.state = words, state
        self.setIcon(badged(ICONS[self.key], DANGER if state == BAD else INK, state))
        self.setAccessibleName(words)
        self._show_text()
        role = "status-bad" if state == BAD else "status"
        if self.property("role") != role:
            self.setProperty("role", role)
            self.style().unpolish(self)  # the style sheet keys on the role property
            self.style().polish(self)

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.compact = compact
            self._show_text()

    def _show_text(self) -> None:
        self.setText("" if self.compact else self.words)
        self.setToolTip(self.words)


class StatusStrip(Retranslating, QWidget):
    """The parts in a row under the screens, or a column beside them; a part of a device the
    station does not have stays hidden."""

    tapped = Signal(str)  # PRINTER, SCALE, SCANNER, BACKUP or HUB

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setProperty("role", "strip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.beside = current_fit().strip_beside
        parts: QBoxLayout
        if self.beside:  # the design's width counts it (`DESIGN_BESIDE_MM`)
            self.setFixedWidth(mm(STRIP_SIDE_MM))
            parts = QVBoxLayout(self)
            parts.setContentsMargins(apart(), mm(1.5), mm(4), mm(1.5))  # as the screens'
            parts.addStretch(1)  # the parts at the bottom, where the strip is on other panels
        else:  # the design's height counts it (`DESIGN_MM`)
            self.setFixedHeight(apart() + mm(BUTTON_MM))
            parts = QHBoxLayout(self)
            parts.setContentsMargins(mm(4), apart(), mm(4), 0)
        parts.setSpacing(apart())  # each part does something else
        self.parts: dict[str, StatusPart] = {}
        for key in (PRINTER, SCALE, SCANNER, BACKUP, HUB):
            part = StatusPart(key, self)
            part.clicked.connect(lambda _=False, k=key: self.tapped.emit(k))
            parts.addWidget(part)
            self.parts[key] = part
        if not self.beside:
            parts.addStretch(1)
        queue, devices = ctx.printer_queue, ctx.devices
        queue.changed.connect(self.show_printer)
        queue.printed.connect(self.show_printer)
        queue.failed.connect(self.show_printer)
        devices.scale.changed.connect(self.show_scale)
        devices.scanner.changed.connect(self.show_scanner)
        ctx.backups.started.connect(self.show_backup)
        ctx.backups.done.connect(self.show_backup)
        ctx.backups.failed.connect(self.show_backup)
        ctx.sync.changed.connect(self.show_hub)
        self.retranslate()

    def retranslate(self) -> None:
        for show in (self.show_printer, self.show_scale, self.show_scanner, self.show_backup,
                     self.show_hub):
            show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_words()

    def _fit_words(self) -> None:
        """Words where they all fit in the row; else every part compact (its icon and badge),
        so that no part is cut. The column beside the screens is always compact."""
        compact = self.beside
        if not compact:
            for part in self.parts.values():
                part.set_compact(False)
            compact = self.layout().minimumSize().width() > self.width() > 0
        for part in self.parts.values():
            part.set_compact(compact)

    def show_printer(self) -> None:
        count, problem = len(self.ctx.printer_queue.waiting()), self.ctx.printer_queue.problem
        if count:
            text = self.tr("Printer: {waiting}").format(waiting=waiting_labels(count))
        else:
            text = self.tr("Printer error") if problem else self.tr("Printer ok")
        self.parts[PRINTER].show_state(text, BAD if count or problem else OK)
        self._fit_words()

    def show_scale(self) -> None:
        scale = self.ctx.devices.scale
        connected = isinstance(scale.state, Reading)
        self.parts[SCALE].setVisible(scale.configured())
        self.parts[SCALE].show_state(
            self.tr("Scale connected") if connected else self.tr("Scale not connected"),
            OK if connected else PENDING if scale.state is None else BAD)  # None: connecting
        self._fit_words()

    def show_scanner(self) -> None:
        scanner = self.ctx.devices.scanner
        self.parts[SCANNER].setVisible(scanner.configured())
        self.parts[SCANNER].show_state(
            self.tr("Scanner not connected") if scanner.fault else self.tr("Scanner ok"),
            BAD if scanner.fault is not None else OK)
        self._fit_words()

    def show_backup(self) -> None:
        backups = self.ctx.backups
        latest = backups.latest() if backups.enabled() else None
        if backups.running():
            text, state = self.tr("Backing up…"), PENDING
        elif backups.last_error is not None:
            text, state = self.tr("Backup failed"), BAD
        elif latest is None:
            text, state = self.tr("No backup yet"), PENDING
        else:
            text, state = self.tr("Backup {when}").format(when=self._when(latest)), OK
        self.parts[BACKUP].show_state(text, state)
        self._fit_words()

    def show_hub(self) -> None:
        state = self.ctx.sync.state()
        text = self.hub_text(state)
        self.parts[HUB].setVisible(text is not None)
        self.parts[HUB].show_state(text or "", self.hub_state(state))
        self._fit_words()

    @staticmethod
    def hub_state(state: SyncState | None) -> str:
        """BAD when the link needs someone (offline, refused, newer, clock off, restored);
        PENDING before the first contact; else OK."""
        if state is None:
            return OK
        if (state.offline_since is not None or state.refused is not None or state.newer
                or is_off(state.clock_offset_s) or state.restored):
            return BAD
        return PENDING if state.last_contact is None else OK

    def hub_text(self, state: SyncState | None) -> str | None:
        """The hub's state at a glance: 'Connected', or 'Offline since 10:42 · 37 to send'
        (local time), or that the hub revoked (or refused) this station; None on a station
        without a hub."""
        if state is None:
            return None
        if state.refused == FORKED:
            return self.tr("Apart from the hub")
        if state.refused is not None:  # reached, but it lets this station in no more
            return (self.tr("Revoked by the hub") if state.refused in REVOKED
                    else self.tr("Refused by the hub"))
        if state.restored:  # no step until a round gave this station's own steps back
            return self.tr("Restored: sync first")
        if state.newer:  # said until this PC is updated: its figures leave their steps out
            return self.newer_text(state.newer)
        if state.offline_since is not None:
            since = state.offline_since.astimezone(self.ctx.zone()).strftime("%H:%M")
            return (self.tr("Offline since %1 · %n to send", "", state.waiting)
                    if state.waiting else self.tr("Offline since %1")).replace("%1", since)
        if state.last_contact is None:
            return self.tr("Connecting")
        if is_off(state.clock_offset_s):  # changes here would be dated wrong without the hub
            return clock_text(state.clock_offset_s or 0)
        return self.tr("Connected")

    def newer_text(self, letters: tuple[str, ...]) -> str:
        """'Update Ambacht: station C is newer' (or stations C, D): short, as the strip has
        every part in one row on a 1024-pixel panel; 'Let op' and a tap say it in full."""
        if len(letters) == 1:
            return self.tr("Update Ambacht: station %1 is newer").replace("%1", letters[0])
        return self.tr("Update Ambacht: stations %1 are newer").replace(
            "%1", ", ".join(letters))

    def _when(self, moment: datetime) -> str:
        """Today's time as 14:02; an older day with its date."""
        zone = self.ctx.zone()
        today = self.ctx.clock.now().astimezone(zone).date()
        local = moment.astimezone(zone)
        return local.strftime("%H:%M") if local.date() == today else local.strftime(
            "%d-%m %H:%M")

    def meaning(self, key: str) -> str:
        """What the printer (when no label waits), the scanner, the backup or the hub's link
        says, in a sentence or two (the scale's panel tests it instead)."""
        devices, backups = self.ctx.devices, self.ctx.backups
        if key == PRINTER:
            return self.ctx.printer_queue.problem or self.tr("The label printer works.")
        if key == SCANNER:
            if devices.scanner.fault is None:
                return self.tr("The barcode scanner is ready.")
            return self.tr("The barcode scanner is not connected: check its cable. Type "
                           "codes meanwhile.")
        if key == BACKUP:
            if backups.last_error is not None:
                return self.tr("The latest backup failed: {error}").format(
                    error=self.ctx.language.error(backups.last_error))
            latest = backups.latest() if backups.enabled() else None
            if latest is None:
                return self.tr("No backup of the data has been made yet.")
            return self.tr("The latest backup of the data was made at {when}.").format(
                when=self._when(latest))
        state = self.ctx.sync.state()
        if state is not None and state.refused == FORKED:
            return self.tr("This station's steps differ from the hub's copy of them, so it "
                           "cannot sync again: ask the coordinator to take the station over "
                           "on a new file.")
        if state is not None and state.restored:
            return self.tr("This PC was restored from a backup: first sync with the hub.")
        if state is not None and state.newer:
            return self.tr("Another station runs a newer version of Ambacht and takes steps "
                           "this version does not know: %n step(s) are kept here, but count "
                           "only once this PC is updated too.", "", state.newer_waiting)
        if state is not None and state.offline_since is not None:
            return self.tr("The other stations are out of reach. This station works on and "
                           "sends what waits when the link is back.")
        if state is not None and is_off(state.clock_offset_s):
            return self.tr("Set this PC's date and time right (or let it take them from the "
                           "internet): its steps are recorded by its clock. Changes to the "
                           "settings are dated by the hub's clock meanwhile.")
        return self.tr("This station shares its work with the other stations.")

