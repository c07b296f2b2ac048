"""A serial port kept open on a thread of its own, reopened when it goes away.

A USB-serial adapter pulled out makes reads fail; the worker reports that at once, closes the
port and tries to open it again every second, so plugging it back in resumes on its own.
Faults go to a callback on the worker's thread; what the device sends is the subclass's.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import serial
from serial.tools import list_ports

REOPEN_S = 1.0  # how often a missing port is tried again
READ_TIMEOUT_S = 0.05  # a read returns this soon when nothing comes, so the worker stays lively
WRITE_TIMEOUT_S = 0.5

# Framing as the scale makers write it: data bits, parity, stop bits.
FRAMINGS: dict[str, tuple[int, str, int]] = {
    "8N1": (serial.EIGHTBITS, serial.PARITY_NONE, serial.STOPBITS_ONE),
    "7E1": (serial.SEVENBITS, serial.PARITY_EVEN, serial.STOPBITS_ONE),
    "7O1": (serial.SEVENBITS, serial.PARITY_ODD, serial.STOPBITS_ONE),
}
BAUD_RATES = (2400, 4800, 9600, 19200)


class FaultKind(StrEnum):
    NO_PORT = "no_port"  # the port cannot be opened: not plugged in, wrong name, no permission
    LOST = "lost"  # the port failed while open: unplugged
    SILENT = "silent"  # open, but nothing readable comes


@dataclass(frozen=True)
class Fault:
    """Why there is no reading; `detail` is the system's own words or what came instead."""

    kind: FaultKind
    detail: str = ""


@dataclass(frozen=True)
class PortSettings:
    """Where the device is and how it talks."""

    port: str
    baud: int = 9600
    framing: str = "8N1"

    def open(self) -> serial.Serial:
        bytesize, parity, stopbits = FRAMINGS[self.framing]
        port = serial.Serial(self.port, self.baud, bytesize=bytesize, parity=parity,
                             stopbits=stopbits, timeout=READ_TIMEOUT_S,
                             write_timeout=WRITE_TIMEOUT_S)
        if parity != serial.PARITY_NONE and os.name == "posix":
            _check_parity(port.fileno())
        return port


def available_ports() -> list[tuple[str, str]]:
    """(device, description) of the serial ports the system knows, e.g. /dev/ttyUSB0, COM3."""
    return sorted((port.device, port.description or "") for port in list_ports.comports())


class SerialWorker:
    """Opens the port, runs `session` until it fails or `stop`, and opens it again."""

    def __init__(self, settings: PortSettings, on_fault: Callable[[Fault], None],
                 name: str) -> None:
        self.settings = settings
        self.on_fault = on_fault
        self.stopping = threading.Event()
        # A daemon thread: a device that hangs in a driver call must not keep the app open.
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Close the port and end the thread (a read returns within READ_TIMEOUT_S)."""
        self.stopping.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def session(self, port: serial.Serial) -> None:
        """Talk to the device until `stopping` is set; an OSError or SerialException ends it."""
        raise NotImplementedError

    def _run(self) -> None:
        while not self.stopping.is_set():
            try:
                port = self.settings.open()
            except (serial.SerialException, OSError, ValueError) as exc:
                self.on_fault(Fault(FaultKind.NO_PORT, _plain(exc)))
            else:
                try:
                    with port:
                        self.session(port)
                except (serial.SerialException, OSError) as exc:
                    self.on_fault(Fault(FaultKind.LOST, _plain(exc)))
            self.stopping.wait(REOPEN_S)


def _check_parity(fd: int) -> None:
    """Have the driver read a byte with a parity error as NUL, so that LineSplitter drops its
    line; pyserial leaves parity checking off, which would pass the wrong byte on."""
    import termios

    attributes = termios.tcgetattr(fd)
    attributes[0] = (attributes[0] | termios.INPCK) & ~(termios.IGNPAR | termios.PARMRK)
    termios.tcsetattr(fd, termios.TCSANOW, attributes)


def _plain(exc: Exception) -> str:
    """pyserial wraps the system's error in its own words; keep it short for a screen."""
    return " ".join(str(exc).split())[:200] or type(exc).__name__
