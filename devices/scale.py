"""The scale reader: the latest reading of a serial scale, or why there is none.

It asks for a reading whenever none has come for POLL_S (a scale that sends continuously is
never asked), and reports the scale silent when no reading has come for SILENT_S: so a scale
switched off, a cable pulled or a wrong speed shows at the gate within a second.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable

import serial

from devices.protocols import LineSplitter, Protocol, Reading
from devices.serial_link import Fault, FaultKind, PortSettings, SerialWorker

POLL_S = 0.2
SILENT_S = 0.8


class ScaleReader(SerialWorker):
    """Delivers each `Reading` and `Fault` to `deliver`, on the reader's own thread."""

    def __init__(self, settings: PortSettings, protocol: Protocol,
                 deliver: Callable[[Reading | Fault], None],
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(settings, deliver, f"ambacht-scale-{settings.port}")
        self.protocol = protocol
        self.deliver = deliver
        self.clock = clock
        self._commands: queue.SimpleQueue[bytes] = queue.SimpleQueue()

    def zero(self) -> None:
        if self.protocol.zero is not None:
            self._commands.put(self.protocol.zero)

    def tare(self) -> None:
        if self.protocol.tare is not None:
            self._commands.put(self.protocol.tare)

    def session(self, port: serial.Serial) -> None:
        splitter = LineSplitter()
        last_reading = last_request = self.clock()  # the scale gets SILENT_S to start talking
        asked = False
        silent = False
        noise = ""  # the last line that was no reading: says "wrong protocol or speed"
        while not self.stopping.is_set():
            while not self._commands.empty():
                port.write(self._commands.get())
            now = self.clock()
            if not asked or now - max(last_reading, last_request) >= POLL_S:
                port.write(self.protocol.request)
                last_request, asked = now, True
            for line in splitter.feed(port.read(max(1, port.in_waiting))):
                reading = self.protocol.parse(line)
                if reading is None:
                    noise = line
                    continue
                last_reading, silent, noise = self.clock(), False, ""
                self.deliver(reading)
            if not silent and self.clock() - last_reading > SILENT_S:
                silent = True
                self.deliver(Fault(FaultKind.SILENT, noise[:40]))
