"""Receipts on an ESC/POS receipt printer (Epson TM, Star, the cheap 80 mm ones): the bytes,
and the two ways they reach the printer: a CUPS raw queue (`lp -o raw`, USB printers) or a raw
TCP connection to port 9100 (network printers).

The text is sent in code page 858 (PC850 with the euro sign), which ESC/POS printers select
with `ESC t 19`; a character that page lacks prints as '?', never as a stray command.
"""

from __future__ import annotations

import socket
from collections.abc import Mapping
from dataclasses import dataclass

from labels.printing import CupsPrinter, PrintError, Problem
from labels.receipt import RECEIPT_COLUMNS, Receipt, text_lines

RECEIPT_PORT = 9100
ESC, GS = b"\x1b", b"\x1d"
INIT = ESC + b"@"  # forget earlier modes
CODE_PAGE_858 = ESC + b"t\x13"
CENTRE, LEFT = ESC + b"a\x01", ESC + b"a\x00"
BOLD_ON, BOLD_OFF = ESC + b"E\x01", ESC + b"E\x00"
DOUBLE_HEIGHT, NORMAL = GS + b"!\x01", GS + b"!\x00"
FEED_AND_CUT = GS + b"V\x42\x03"  # feed to the cutter (plus 3 lines), then a partial cut
ENCODING = "cp858"


def _text(line: str) -> bytes:
    # Control characters in a site name or category could start a command: none gets through.
    safe = "".join(ch if ch.isprintable() else "?" for ch in line)
    return safe.encode(ENCODING, errors="replace") + b"\n"


def render_escpos(receipt: Receipt, columns: int = RECEIPT_COLUMNS) -> bytes:
    """The receipt as ESC/POS: the site's name centred and bold, the time, the lines and the
    sums (the total in double height), then feed and cut."""
    lines = text_lines(receipt, columns)
    total_row = 4 + len(receipt.lines)  # site, time, rule, the items, rule: then the total
    out = [INIT, CODE_PAGE_858, CENTRE, BOLD_ON, _text(lines[0]), BOLD_OFF, _text(lines[1]),
           LEFT]
    for index, line in enumerate(lines[2:], start=2):
        if index == total_row and receipt.sums:
            out += [BOLD_ON, DOUBLE_HEIGHT, _text(line), NORMAL, BOLD_OFF]
        else:
            out.append(_text(line))
    out.append(FEED_AND_CUT)
    return b"".join(out)


class NetworkReceiptPrinter:
    """An ESC/POS printer on the network, printed to over a raw TCP socket (port 9100)."""

    def __init__(self, host: str, port: int = RECEIPT_PORT, *, timeout_s: float = 10) -> None:
        self.host, self.port, self.timeout_s = host, port, timeout_s

    @property
    def name(self) -> str:
        return f"{self.host}:{self.port}"

    def send(self, data: bytes) -> str:
        """Send the bytes; return once the printer has taken them all."""
        try:
            with socket.create_connection((self.host, self.port), timeout=self.timeout_s) as sock:
                sock.sendall(data)
                sock.shutdown(socket.SHUT_WR)  # the printer sees the end of the job
        except ConnectionRefusedError:
            raise PrintError(f"receipt printer {self.name} refused the connection",
                             Problem.UNREACHABLE) from None
        except TimeoutError:
            raise PrintError(
                f"receipt printer {self.name} did not answer in {self.timeout_s:g} s",
                Problem.UNREACHABLE) from None
        except OSError as exc:
            raise PrintError(
                f"cannot reach receipt printer {self.name}: {exc.strerror or exc}",
                Problem.UNREACHABLE) from None
        return self.name


class CupsReceiptPrinter:
    """An ESC/POS printer behind a CUPS raw queue (a USB receipt printer)."""

    def __init__(self, queue: str) -> None:
        self.cups = CupsPrinter(queue)

    def send(self, data: bytes) -> str:
        return self.cups.print_raw(data, "receipt")


RECEIPT_KINDS = ("none", "label", "cups", "network")  # `label`: on the label printer


@dataclass(frozen=True)
class ReceiptSetting:
    """Where a station's receipts go: nowhere (no receipts), the label printer, an ESC/POS
    printer behind CUPS queue `queue`, or one on the network at `host`:`port`."""

    kind: str = "none"
    queue: str = ""
    host: str = ""
    port: int = RECEIPT_PORT

    @classmethod
    def from_settings(cls, values: Mapping[str, str]) -> ReceiptSetting:
        """The station's setting (keys `receipt_printer`, `receipt_queue`, `receipt_host`,
        `receipt_port`); anything unreadable means no receipts."""
        kind = values.get("receipt_printer", "none")
        try:
            port = int(values.get("receipt_port") or RECEIPT_PORT)
        except ValueError:
            port = RECEIPT_PORT
        if kind not in RECEIPT_KINDS:
            kind = "none"
        return cls(kind, values.get("receipt_queue", ""), values.get("receipt_host", ""), port)

    def printer(self) -> CupsReceiptPrinter | NetworkReceiptPrinter:
        """The ESC/POS printer of a `cups` or `network` setting."""
        if self.kind == "cups":
            return CupsReceiptPrinter(self.queue)
        if self.kind == "network":
            return NetworkReceiptPrinter(self.host, self.port)
        raise PrintError(f"receipts of kind {self.kind!r} do not go to an ESC/POS printer",
                         Problem.SETUP)
