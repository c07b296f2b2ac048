"""The status strip along the bottom of the window: printer, scale, serial scanner, latest
backup and, on a station joined to a hub, the link with the other stations.

Always visible and small, it changes only on the signals of the print queue, the devices,
the backups and the hub sync, never by polling. Each part is a few words; tapping one emits
`tapped(part)`, and the window opens that part's settings for the coordinator or says what it
means to others (`meaning`).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from devices.protocols import Reading
from intake.hub_sync import FORKED, REVOKED, SyncState
from ui.context import AppContext
from ui.device_messages import waiting_labels
from ui.style import STRIP_MM, mm
from ui.widgets.base import Retranslating

PRINTER, SCALE, SCANNER, BACKUP, HUB = "printer", "scale", "scanner", "backup", "hub"


class StatusPart(QLabel):
    """One part of the strip: its text, red when something is wrong; a tap emits `tapped`."""

    tapped = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setProperty("role", "status")
        self.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)

    def show_state(self, text: str, bad: bool) -> None:
        self.setText(text)
        role = "status-bad" if bad else "status"
        if self.property("role") != role:
            self.setProperty("role", role)
            self.style().unpolish(self)  # the style sheet keys on the role property
            self.style().polish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.tapped.emit()
        event.accept()


class StatusStrip(Retranslating, QWidget):
    """The parts in a row; a part of a device the station does not have stays hidden."""

    tapped = Signal(str)  # PRINTER, SCALE, SCANNER, BACKUP or HUB

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setProperty("role", "strip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFixedHeight(mm(STRIP_MM))  # the design's height counts it (`DESIGN_MM`)
        row = QHBoxLayout(self)
        row.setContentsMargins(mm(4), 0, mm(4), 0)
        row.setSpacing(mm(8))  # parts apart, read left to right
        self.parts: dict[str, StatusPart] = {}
        for key in (PRINTER, SCALE, SCANNER, BACKUP, HUB):
            part = StatusPart(self)
            part.tapped.connect(lambda k=key: self.tapped.emit(k))
            row.addWidget(part)
            self.parts[key] = part
        row.addStretch(1)
        queue, devices = ctx.printer_queue, ctx.devices
        queue.changed.connect(self.show_printer)
        queue.printed.connect(self.show_printer)
        queue.failed.connect(self.show_printer)
        devices.scale.changed.connect(self.show_scale)
        devices.scanner.changed.connect(self.show_scanner)
        ctx.backups.done.connect(self.show_backup)
        ctx.backups.failed.connect(self.show_backup)
        ctx.sync.changed.connect(self.show_hub)
        self.retranslate()

    def retranslate(self) -> None:
        for show in (self.show_printer, self.show_scale, self.show_scanner, self.show_backup,
                     self.show_hub):
            show()

    def show_printer(self) -> None:
        count, problem = len(self.ctx.printer_queue.waiting()), self.ctx.printer_queue.problem
        if count:
            text = self.tr("Printer: {waiting}").format(waiting=waiting_labels(count))
        else:
            text = self.tr("Printer error") if problem else self.tr("Printer ok")
        self.parts[PRINTER].show_state(text, bool(count or problem))

    def show_scale(self) -> None:
        scale = self.ctx.devices.scale
        connected = isinstance(scale.state, Reading)
        self.parts[SCALE].setVisible(scale.configured())
        self.parts[SCALE].show_state(
            self.tr("Scale connected") if connected else self.tr("Scale not connected"),
            scale.state is not None and not connected)  # None: still connecting

    def show_scanner(self) -> None:
        scanner = self.ctx.devices.scanner
        self.parts[SCANNER].setVisible(scanner.configured())
        self.parts[SCANNER].show_state(
            self.tr("Scanner not connected") if scanner.fault else self.tr("Scanner ok"),
            scanner.fault is not None)

    def show_backup(self) -> None:
        backups = self.ctx.backups
        latest = backups.latest() if backups.enabled() else None
        if backups.last_error is not None:
            text = self.tr("Backup failed")
        elif latest is None:
            text = self.tr("No backup yet")
        else:
            text = self.tr("Backup {when}").format(when=self._when(latest))
        self.parts[BACKUP].show_state(text, backups.last_error is not None)

    def show_hub(self) -> None:
        state = self.ctx.sync.state()
        text = self.hub_text(state)
        self.parts[HUB].setVisible(text is not None)
        self.parts[HUB].show_state(text or "", state is not None and (
            state.offline_since is not None or state.refused is not None or bool(state.newer)
            or state.restored))

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
        """What a part says, in a sentence or two, for who may not change its settings."""
        queue, devices, backups = self.ctx.printer_queue, self.ctx.devices, self.ctx.backups
        if key == PRINTER:
            count = len(queue.waiting())
            text = queue.problem or self.tr("The label printer works.")
            if count:
                text += " " + self.tr("{waiting}: the items are saved, and their labels print "
                                      "when the printer is back.").format(
                    waiting=waiting_labels(count))
            return text
        if key == SCALE:
            if isinstance(devices.scale.state, Reading):
                return self.tr("The scale sends its weight to the gate.")
            return self.tr("The scale does not answer: type the weight. Is it on and its "
                           "cable in?")
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
                           "this version does not know: they are kept, but count here only "
                           "once this PC is updated too.")
        if state is not None and state.offline_since is not None:
            return self.tr("The other stations are out of reach. This station works on and "
                           "sends what waits when the link is back.")
        return self.tr("This station shares its work with the other stations.")

