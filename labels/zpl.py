"""Zebra printers: labels as ZPL II, sent raw over TCP (port 9100), confirmed by `~HS`.

The ZPL is made from the same layout as the PDF (`labels.geometry.lay_out`), in dots of the
printer's head (203 or 300 dpi): texts in the scalable font 0 at their baselines, the Code128
barcode with the same module width in dots. Texts are UTF-8 (`^CI28`); the characters that
ZPL reads as commands are written as `^FH` hex escapes, so no item text can change the label.

Before sending, the printer's host status (`~HS`) must show it ready (paper, head, not
paused); after sending, a second status reply is the printer's confirmation that it has read
the label: a printer answers `~HS` only once it has taken in everything sent before it.
"""

from __future__ import annotations

import socket
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm

from labels.geometry import THERMAL_DPI, Layout, lay_out
from labels.layout import SIZES, LabelContent
from labels.printing import PrintError, Problem

ZEBRA_PORT = 9100
DPI_CHOICES = (THERMAL_DPI, 300)
HOST_STATUS = b"~HS"
_STX, _ETX = b"\x02", b"\x03"
_HEX = "_"  # the ^FH escape character
_COMMAND_CHARACTERS = "^~_\\"  # command prefixes, our escape, and `\&` (a line break in ^FB)


def render_zpl(
    labels: Sequence[LabelContent], size_key: str, *, dpi: int = THERMAL_DPI, copies: int = 1
) -> bytes:
    """ZPL II for `labels` on roll size `size_key`, each printed `copies` times."""
    if size_key not in SIZES or size_key == "a4":
        raise ValueError(f"a Zebra prints roll labels; {size_key!r} is not a roll size")
    if dpi not in DPI_CHOICES:
        raise ValueError(f"Zebra heads have {' or '.join(map(str, DPI_CHOICES))} dpi, not {dpi}")
    if not labels:
        raise ValueError("no labels to render")
    size = SIZES[size_key]
    return b"".join(
        label_zpl(lay_out(label, size.width_mm * mm, size.height_mm * mm, dpi), dpi, copies)
        for label in labels
    )


def label_zpl(layout: Layout, dpi: int, copies: int) -> bytes:
    """One label format, `^XA` to `^XZ`."""

    def dots(points: float) -> int:
        return round(points * dpi / 72)

    def down(points: float) -> int:  # ZPL counts from the top, the layout from the bottom
        return dots(layout.height - points)

    width = dots(layout.width)
    lines = ["^XA", "^CI28", f"^PW{width}", f"^LL{dots(layout.height)}", "^LH0,0"]
    for text in layout.texts:
        height = dots(text.size)
        # A one-line field block placed at its baseline (^FT): right-aligned texts end at x.
        block = (f"^FT0,{down(text.baseline)}^A0N,{height},{height}^FB{dots(text.x)},1,0,R"
                 if text.right else
                 f"^FT{dots(text.x)},{down(text.baseline)}^A0N,{height},{height}"
                 f"^FB{width - dots(text.x)},1,0,L")
        lines.append(f"{block}^FH{_HEX}^FD{field_data(text.text)}^FS")
    bars = layout.bars
    if bars.dpi != dpi:
        raise ValueError(f"layout made for {bars.dpi} dpi, not {dpi}")
    height = dots(bars.height)
    lines += [
        f"^FO{dots(bars.left)},{down(bars.bottom + bars.height)}^BY{bars.dots},3,{height}"
        f"^BCN,{height},N,N,N,A^FD{barcode_data(bars.code)}^FS",
        f"^PQ{copies},0,1,Y",
        "^XZ",
    ]
    return ("\n".join(lines) + "\n").encode()


def field_data(text: str) -> str:
    """`text` for a `^FH` field: command characters and control codes as hex escapes."""
    return "".join(
        "".join(f"{_HEX}{byte:02X}" for byte in char.encode())
        if char in _COMMAND_CHARACTERS or ord(char) < 32 or ord(char) == 127 else char
        for char in text
    )


def barcode_data(code: str) -> str:
    """An item code as Code128 data: printable ASCII without ZPL's command characters."""
    if not code or any(not 32 < ord(c) < 127 or c in _COMMAND_CHARACTERS for c in code):
        raise ValueError(f"{code!r} cannot be a barcode")
    return code


@dataclass(frozen=True)
class ZebraStatus:
    """What a `~HS` host status reply says about the printer."""

    paper_out: bool
    paused: bool
    head_open: bool
    ribbon_out: bool
    buffer_full: bool
    formats_waiting: int

    def problem(self) -> str | None:
        """Why the printer cannot print now, in plain English; None when it is ready."""
        found = self.kind()
        return found[0] if found else None

    def kind(self) -> tuple[str, Problem] | None:
        """Why the printer cannot print now and what kind of problem that is; None: ready."""
        for flag, reason, kind in (
                (self.head_open, "print head open", Problem.OPEN),
                (self.paper_out, "paper out", Problem.PAPER),
                (self.ribbon_out, "ribbon out", Problem.PAPER),
                (self.paused, "paused", Problem.PAUSED),
                (self.buffer_full, "receive buffer full", Problem.FAILED)):
            if flag:
                return reason, kind
        return None


def parse_host_status(reply: bytes) -> ZebraStatus:
    """Read the three STX...ETX strings of a `~HS` reply; ValueError if it is not one."""
    strings = [part.split(_ETX)[0].decode("ascii", "replace").split(",")
               for part in reply.split(_STX)[1:]]
    if len(strings) < 2 or len(strings[0]) < 8 or len(strings[1]) < 4:
        raise ValueError("not a ~HS host status reply")
    first, second = strings[0], strings[1]
    try:
        # First string: aaa,b(paper out),c(pause),dddd,eee(formats in buffer),f(buffer full),...
        # second: mmm,n,o(head up),p(ribbon out),...
        return ZebraStatus(
            paper_out=first[1] == "1", paused=first[2] == "1", head_open=second[2] == "1",
            ribbon_out=second[3] == "1", buffer_full=first[5] == "1",
            formats_waiting=int(first[4]))
    except ValueError:
        raise ValueError("not a ~HS host status reply") from None


class ZebraPrinter:
    """A ZPL printer on the network, printed to over a raw TCP socket."""

    def __init__(self, host: str, port: int = ZEBRA_PORT, *, dpi: int = THERMAL_DPI,
                 timeout_s: float = 10) -> None:
        self.host, self.port, self.dpi, self.timeout_s = host, port, dpi, timeout_s

    @property
    def name(self) -> str:
        return f"Zebra {self.host}:{self.port}"

    def print_labels(
        self, labels: Sequence[LabelContent], size_key: str, copies: int, job_name: str
    ) -> str:
        """Send the labels once the printer says it is ready; return once it confirms."""
        try:
            zpl = render_zpl(labels, size_key, dpi=self.dpi, copies=copies)
        except ValueError as exc:
            raise PrintError(f"{self.name}: {exc}", Problem.SETUP) from None
        return self.send(zpl)

    def send(self, zpl: bytes) -> str:
        """Send ZPL once the printer says it is ready; return once it confirms."""
        try:
            with socket.create_connection((self.host, self.port), timeout=self.timeout_s) as sock:
                found = self._status(sock).kind()
                if found:
                    raise PrintError(f"{self.name}: {found[0]}", found[1])
                sock.sendall(zpl)
                after = self._status(sock)
        except ConnectionRefusedError:
            raise PrintError(f"{self.name} refused the connection: is it switched on, and is "
                             "this its address?", Problem.UNREACHABLE) from None
        except TimeoutError:
            raise PrintError(f"{self.name} did not answer in {self.timeout_s:g} s",
                             Problem.UNREACHABLE) from None
        except OSError as exc:
            raise PrintError(f"cannot reach {self.name}: {exc.strerror or exc}",
                             Problem.UNREACHABLE) from None
        # The label is in the printer now; a problem since then holds it there, not lost.
        problem = after.problem()
        return f"{self.name}, waiting in the printer: {problem}" if problem else self.name

    def _status(self, sock: socket.socket) -> ZebraStatus:
        sock.sendall(HOST_STATUS)
        reply = b""
        while reply.count(_ETX) < 3:
            chunk = sock.recv(1024)
            if not chunk:
                break
            reply += chunk
        try:
            return parse_host_status(reply)
        except ValueError:
            raise PrintError(f"{self.name} gave no status reply: is it a ZPL printer?",
                             Problem.SETUP) from None
