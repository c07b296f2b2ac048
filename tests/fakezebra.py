"""A Zebra printer on the loopback: takes ZPL on a TCP port and answers `~HS` status requests."""

from __future__ import annotations

import re
import socket
import socketserver
import threading

PAPER_OUT, PAUSED, HEAD_OPEN = "paper out", "paused", "head open"


def host_status(*problems: str, formats: int = 0) -> bytes:
    """A `~HS` reply as a ZT410 gives it, with the given problems' flags set."""
    paper = "1" if PAPER_OUT in problems else "0"
    pause = "1" if PAUSED in problems else "0"
    head = "1" if HEAD_OPEN in problems else "0"
    return (f"\x02030,{paper},{pause},1260,{formats:03d},0,0,0,000,0,0,0\x03\r\n"
            f"\x02001,0,{head},0,0,2,6,0,00000000,1,000\x03\r\n"
            "\x021234,0\x03\r\n").encode()


class FakeZebra:
    """Listens on 127.0.0.1:`port` (0: any free port) until `stop()`; keeps what it was sent.

    `labels` holds each received format (`^XA` ... `^XZ`) in order; `problems` are reported
    in every status reply; a format sent while a problem is set is still kept, as a real
    printer keeps it in its buffer.
    """

    def __init__(self, port: int = 0) -> None:
        self.problems: set[str] = set()
        self.labels: list[bytes] = []
        self.connections = 0
        self._lock = threading.Lock()
        fake = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                fake.connections += 1
                buffer = b""
                while data := self.request.recv(65536):
                    buffer += data
                    while b"~HS" in buffer:
                        before, buffer = buffer.split(b"~HS", 1)
                        fake._keep(before)
                        self.request.sendall(host_status(*fake.problems))
                fake._keep(buffer)

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def _keep(self, data: bytes) -> None:
        with self._lock:
            self.labels += re.findall(rb"\^XA.*?\^XZ", data, re.S)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def free_port() -> int:
    """A port nothing listens on now (for a printer that is switched off)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
