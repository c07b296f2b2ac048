"""One app per database file on a PC.

A second start of the app on the same file (an autostart and a tap on the desktop icon, or a
restart while the old window still runs behind the kiosk) brings the first window forward and
ends, instead of two windows on one station fighting over the scanner, the label queue and the
idle logout. Two stations on one file over a network stay possible: this is per PC.

A lock file (`QLockFile`, beside the user's other runtime files, never beside the database)
decides who is first; Qt takes over the lock of a process that died (a power cut, a kill), so
a crash never keeps the app from starting. The first listens on a local socket; the second
connects to it and asks it to come forward.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("ambacht")

ASK_FOR_S = 3.0  # how long a second start tries to reach a first that is still starting


def _key(path: Path) -> str:
    """A name for the file's lock and socket: the same for every spelling of its path."""
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    return f"ambacht-{os.getuid() if hasattr(os, 'getuid') else 0}-{digest}"


def _lock_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation)
    return Path(folder or tempfile.gettempdir())


class SingleInstance(QObject):
    """`first` when this process may open the file; else the first app was asked to come
    forward. The first emits `asked` when a later start asks it."""

    asked = Signal()

    def __init__(self, path: Path) -> None:
        super().__init__()
        key = _key(path)
        self._lock = QLockFile(str(_lock_folder() / f"{key}.lock"))
        self._lock.setStaleLockTime(0)  # held as long as the process lives, however long
        self._server: QLocalServer | None = None
        self.first = self._lock.tryLock(0)
        if self.first:
            QLocalServer.removeServer(key)  # a socket a crashed first left behind
            self._server = QLocalServer(self)
            self._server.newConnection.connect(self._on_connection)
            if not self._server.listen(key):  # the app still runs; it just cannot be raised
                log.warning("no single-instance socket %s: %s", key,
                            self._server.errorString())
        else:
            self._ask_forward(key)

    def _ask_forward(self, key: str) -> None:
        deadline = time.monotonic() + ASK_FOR_S
        while time.monotonic() < deadline:  # the first may hold the lock, not yet listening
            socket = QLocalSocket()
            socket.connectToServer(key)
            if socket.waitForConnected(500):
                socket.write(b"forward\n")
                socket.waitForBytesWritten(500)
                socket.disconnectFromServer()
                return
            time.sleep(0.1)
        log.warning("the app that holds %s did not answer", key)

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.disconnected.connect(socket.deleteLater)
            self.asked.emit()

    def release(self) -> None:
        """Let the next start be first (at the end of `run_app`)."""
        if self._server is not None:
            self._server.close()
        if self.first:
            self._lock.unlock()
