"""A serial device at the far end of a pseudo-terminal, for tests of the scale and scanner.

`path` is what the app opens as its port: a symlink to the pty's slave, like /dev/ttyUSB0.
`unplug()` closes the pty and removes the link (the reader's next read fails, as when a USB
adapter is pulled); `plug()` makes a new pty behind the same path. The device answers each
request it receives with `answer` (None: it stays silent) and, when `stream` is set, sends
`answer` by itself ten times a second, as continuous indicators do. Tests may also `write`
any bytes: partial lines, noise.
"""

from __future__ import annotations

import os
import select
import threading
import time
import tty
from pathlib import Path


class SimulatedDevice:
    def __init__(self, path: Path, *, answer: bytes | None = None, stream: bool = False,
                 replies: dict[bytes, bytes] | None = None) -> None:
        self.path = path
        self.answer = answer
        self.stream = stream
        self.replies = replies or {}  # a command received -> what to send back instead
        self.received = bytearray()
        self._lock = threading.Lock()
        self._master = -1
        self._slave = -1
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.plug()

    def plug(self) -> None:
        """A new pty behind `path`: the device is (back) on the line."""
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)  # no echo, no line editing: bytes pass as they are
        tty.setraw(self._master)
        if self.path.is_symlink():
            self.path.unlink()
        self.path.symlink_to(os.ttyname(self._slave))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, args=(self._stop, self._master),
                                        daemon=True)
        self._thread.start()

    def unplug(self) -> None:
        """Pull the plug: the pty and the path are gone."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)
        os.close(self._master)
        os.close(self._slave)
        self.path.unlink()

    def write(self, data: bytes) -> None:
        with self._lock:
            os.write(self._master, data)

    def commands(self) -> bytes:
        with self._lock:
            return bytes(self.received)

    def _serve(self, stop: threading.Event, master: int) -> None:
        next_stream = time.monotonic()
        while not stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.02)
            if ready:
                try:
                    data = os.read(master, 1024)
                except OSError:
                    data = b""  # the app has the port closed just now
                with self._lock:
                    self.received += data
                for command, reply in self.replies.items():
                    if command in data:
                        self.write(reply)
                        data = data.replace(command, b"")
                if data and not self.stream and self.answer is not None:
                    self.write(self.answer)
            if self.stream and self.answer is not None and time.monotonic() >= next_stream:
                self.write(self.answer)
                next_stream = time.monotonic() + 0.1
