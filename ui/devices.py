"""The serial devices for the screens: the scale's latest reading and the serial scanner's codes.

The readers (`devices/`) run on plain Python threads and never touch Qt; they put what they
read into an `Inbox` (`ui.background`), which hands it on as signals on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QObject, Signal

from devices.protocols import Protocol, Reading, Status
from devices.scale import ScaleReader
from devices.scanner import ScannerReader
from devices.serial_link import Fault, FaultKind
from devices.settings import scale_settings, scan_gap_s, scanner_settings
from intake.units import format_kg
from ui.background import Inbox

log = logging.getLogger("ambacht")


class ScaleLink(QObject):
    """The station's scale: `state` is its latest Reading or Fault (None: not heard yet)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state: Reading | Fault | None = None
        self.protocol: Protocol | None = None
        self.port = ""
        self._reader: ScaleReader | None = None
        # Only the newest reading counts.
        self._readings: Inbox[Reading | Fault] = Inbox(self._take, latest_only=True, parent=self)

    def configured(self) -> bool:
        return self._reader is not None

    def apply(self, settings: Mapping[str, str]) -> None:
        """(Re)connect as the settings say; with no scale set up, stop."""
        self.stop()
        found = scale_settings(settings)
        if found is not None:
            port_settings, self.protocol = found
            self.port = port_settings.port
            self._reader = ScaleReader(port_settings, self.protocol, self._readings.put)
            self._reader.start()
            self._readings.start()
        self.changed.emit()

    def stop(self) -> None:
        if self._reader is not None:
            self._reader.stop()
        self._reader = self.protocol = None
        self._readings.stop()
        self.state = None

    def zero(self) -> None:
        if self._reader is not None:
            self._reader.zero()

    def tare(self) -> None:
        if self._reader is not None:
            self._reader.tare()

    def _take(self, event: Reading | Fault) -> None:
        if event != self.state:
            self.state = event
            self.changed.emit()


class ScannerLink(QObject):
    """A barcode scanner on a serial port: emits `scanned(code)` as a USB scanner's burst does.
    `fault` is its last fault until a code comes again (`changed` says when that changes)."""

    scanned = Signal(str)
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fault: Fault | None = None
        self.fault: Fault | None = None  # the UI thread's copy
        self.port = ""
        self._reader: ScannerReader | None = None
        self._codes: Inbox[str] = Inbox(self._take_code, parent=self)
        self._faults: Inbox[Fault] = Inbox(self._take_fault, latest_only=True, parent=self)

    def configured(self) -> bool:
        return self._reader is not None

    def apply(self, settings: Mapping[str, str]) -> None:
        self.stop()
        port_settings = scanner_settings(settings)
        if port_settings is not None:
            self.port = port_settings.port
            self._reader = ScannerReader(port_settings, self._read, self._faulted)
            self._reader.start()
            self._codes.start()
            self._faults.start()
        self.changed.emit()

    def stop(self) -> None:
        if self._reader is not None:
            self._reader.stop()
        self._reader = None
        self._codes.stop()
        self._faults.stop()
        self.fault = self._fault = None

    def _take_code(self, code: str) -> None:
        if self.fault is not None:  # it reads again: connected
            self.fault = None
            self.changed.emit()
        self.scanned.emit(code)

    def _take_fault(self, fault: Fault) -> None:
        if fault != self.fault:
            self.fault = fault
            self.changed.emit()

    def _read(self, code: str) -> None:
        """On the reader's thread: it reads, so a next fault is news again."""
        self._fault = None
        self._codes.put(code)

    def _faulted(self, fault: Fault) -> None:
        """On the reader's thread. The status strip shows that the scanner is not connected;
        the log says why (once, not every second while unplugged)."""
        if fault != self._fault:
            log.warning("serial scanner: %s %s", fault.kind, fault.detail)
            self._faults.put(fault)
        self._fault = fault


class Devices:
    """The serial devices of one running app, started and stopped together."""

    def __init__(self) -> None:
        self.scale = ScaleLink()
        self.scanner = ScannerLink()
        self.scan_gap_s = scan_gap_s({})  # for the keyboard scanner's filter (ui/scanner.py)

    def apply(self, settings: Mapping[str, str]) -> None:
        self.scale.apply(settings)
        self.scanner.apply(settings)
        self.scan_gap_s = scan_gap_s(settings)

    def stop(self) -> None:
        self.scale.stop()
        self.scanner.stop()


def describe(state: Reading | Fault | None, lang: str) -> tuple[str, str]:
    """The big text and the line under it for the scale's state, in the app's language."""
    if state is None:
        return "…", QCoreApplication.translate("Scale", "Connecting to the scale…")
    if isinstance(state, Fault) and state.kind is FaultKind.SILENT:
        return "—", QCoreApplication.translate("Scale", "Scale not answering — type the weight")
    if isinstance(state, Fault):
        return "—", QCoreApplication.translate(
            "Scale", "Scale not connected — plug it in, or type the weight")
    weight = format_kg(state.grams, lang) if state.grams is not None else "…"
    if state.status is Status.OK:
        if not state.grams:
            return weight, QCoreApplication.translate("Scale", "Put the item on the scale")
        if state.unit == "lb":
            return weight, QCoreApplication.translate("Scale", "Stable · converted from lb")
        return weight, QCoreApplication.translate("Scale", "Stable")
    if state.status is Status.UNSTABLE:
        return weight, QCoreApplication.translate(
            "Scale", "Unstable — wait until the scale settles")
    if state.status is Status.NEGATIVE:
        return weight if state.grams is not None else "< 0", QCoreApplication.translate(
            "Scale", "Negative — empty the scale and tap Zero")
    if state.status is Status.OVERLOAD:
        return QCoreApplication.translate("Scale", "Overload"), QCoreApplication.translate(
            "Scale", "Too heavy for the scale — type the weight")
    if state.status is Status.UNDERLOAD:
        return QCoreApplication.translate("Scale", "Underload"), QCoreApplication.translate(
            "Scale", "Below the scale's range — check the platform")
    return QCoreApplication.translate("Scale", "Scale error"), QCoreApplication.translate(
        "Scale", "The scale reports an error — type the weight")


def explain_fault(fault: Fault, port: str, button: str) -> str:
    """What the scale test says about a fault: one sentence with what to do, naming the test's
    `button` where it is to be tapped again. The system's own words and what came instead of a
    reading go to the log."""
    log.warning("scale test on %s: %s %s", port, fault.kind, fault.detail)
    if fault.kind is FaultKind.NO_PORT:
        return QCoreApplication.translate(
            "Scale", "The scale is not found on {port}: plug it in, or choose its port.").format(
            port=port)
    if fault.kind is FaultKind.LOST:
        return QCoreApplication.translate(
            "Scale", "The scale was unplugged: plug it in and tap {button} again.").format(
            button=button)
    if fault.detail:
        return QCoreApplication.translate(
            "Scale", "The scale's answer cannot be read: choose its protocol and speed.")
    return QCoreApplication.translate(
        "Scale", "The scale does not answer: switch it on, or choose its protocol and speed.")
