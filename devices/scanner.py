"""A barcode scanner on a serial port: each line it sends is one scanned code."""

from __future__ import annotations

from collections.abc import Callable

import serial

from devices.protocols import LineSplitter
from devices.serial_link import Fault, PortSettings, SerialWorker

MAX_CODE = 40  # longer than any code Ambacht prints or reads: a longer line is no label


class ScannerReader(SerialWorker):
    """Hands each code to `scanned` on the reader's thread; faults to `on_fault`."""

    def __init__(self, settings: PortSettings, scanned: Callable[[str], None],
                 on_fault: Callable[[Fault], None]) -> None:
        super().__init__(settings, on_fault, f"ambacht-scanner-{settings.port}")
        self.scanned = scanned

    def session(self, port: serial.Serial) -> None:
        # Scanners end a code with CR, LF or both, some frame it in STX/ETX: LineSplitter
        # takes all of these, and drops a code garbled on the line rather than pass it on.
        splitter = LineSplitter()
        while not self.stopping.is_set():
            for line in splitter.feed(port.read(max(1, port.in_waiting))):
                code = line.strip()
                if 0 < len(code) <= MAX_CODE:
                    self.scanned(code)
