"""What scales say over a serial line, and how to ask them: one parser per protocol.

A scale's line becomes a `Reading`: grams (kg, g and lb are converted; t too), whether it is
stable, and a status. Only a stable, positive reading is ever a weight to take in. Lines that
are no reading (an acknowledgement, an echo, noise) parse to None. `LineSplitter` cuts the byte
stream into lines and throws away any line that had a byte in it that a scale does not send
(parity noise, a plug pulled mid-line), so a damaged number is never read as a weight.

The formats follow the makers' manuals (sources in each class).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from typing import ClassVar

STX, ETX, LF, CR = 0x02, 0x03, 0x0A, 0x0D
MAX_LINE = 120  # longer than any weight line: what runs on without an end is noise

# Grams per unit. A pound is exactly 0.45359237 kg (international yard and pound, 1959).
_GRAMS_PER = {"kg": Decimal(1000), "g": Decimal(1), "lb": Decimal("453.59237"),
              "t": Decimal(1_000_000)}
_NUMBER = re.compile(r"([+-]?)\s*(\d+(?:\.\d*)?|\.\d+)")


class Status(StrEnum):
    """What a reading says about the load."""

    OK = "ok"  # stable and in range; the weight may be taken in if it is above zero
    UNSTABLE = "unstable"  # still moving (or the scale is busy): wait
    OVERLOAD = "overload"  # above the scale's capacity
    UNDERLOAD = "underload"  # below the scale's range (an empty platform lifted off, say)
    NEGATIVE = "negative"  # less than zero: the scale needs zeroing
    ERROR = "error"  # the scale reports a fault, or sent a unit Ambacht does not know


@dataclass(frozen=True)
class Reading:
    """One reading of the scale; `raw` is the line as received, for the test and the log."""

    status: Status
    grams: int | None
    stable: bool
    raw: str
    unit: str = "kg"  # the unit the scale sent: a weight in lb was converted to grams

    @property
    def usable_grams(self) -> int | None:
        """The weight to take in: only a stable, in-range reading above zero has one."""
        if self.status is Status.OK and self.grams is not None and self.grams > 0:
            return self.grams
        return None


def to_grams(number: str, unit: str) -> int | None:
    """Grams from a number and a unit as a scale writes them ('-1.500', 'Kg'); None if either
    is not understood."""
    match = _NUMBER.fullmatch(number.strip())
    factor = _GRAMS_PER.get(unit.strip().lower())
    if match is None or factor is None:
        return None
    try:
        value = Decimal(match.group(1) + match.group(2)) * factor
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimal numbers
        return None
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def weighed(raw: str, number: str, unit: str, *, stable: bool) -> Reading:
    """A reading of a number the scale sent: negative, unstable or OK, or an error when the
    number or the unit cannot be read."""
    grams = to_grams(number, unit)
    unit = unit.strip().lower()
    if grams is None:
        return Reading(Status.ERROR, None, stable, raw, unit)
    if grams < 0:
        return Reading(Status.NEGATIVE, grams, stable, raw, unit)
    return Reading(Status.OK if stable else Status.UNSTABLE, grams, stable, raw, unit)


class LineSplitter:
    """Bytes in, text lines out (without their ends); damaged lines are dropped.

    A line ends at CR, LF or ETX; STX starts a frame, so whatever came before it is dropped.
    Printable ASCII is kept; a line with any other byte in it (a parity error comes through
    as a byte above 0x7F or a NUL, a reconnect as a half line) is discarded whole.
    """

    def __init__(self) -> None:
        self._line = bytearray()
        self._damaged = False

    def feed(self, data: bytes) -> list[str]:
        lines: list[str] = []
        for byte in data:
            if byte == STX:
                self._restart()
            elif byte in (CR, LF, ETX):
                if self._line and not self._damaged:
                    lines.append(self._line.decode("ascii"))
                self._restart()
            elif 0x20 <= byte < 0x7F and len(self._line) < MAX_LINE:
                self._line.append(byte)
            else:
                self._damaged = True
        return lines

    def _restart(self) -> None:
        self._line.clear()
        self._damaged = False


class Protocol:
    """How to talk to one kind of scale. Subclasses set the commands and parse a line."""

    key: ClassVar[str]
    name: ClassVar[str]
    request: ClassVar[bytes]  # asks for one reading (sent only while none comes by itself)
    zero: ClassVar[bytes | None] = None
    tare: ClassVar[bytes | None] = None

    def parse(self, line: str) -> Reading | None:
        raise NotImplementedError


class MtSics(Protocol):
    """Mettler Toledo Standard Interface Command Set (MT-SICS), level 0 commands.

    `SI` asks for the weight now, stable or not; the reply is `S S <value> <unit>` when stable
    and `S D <value> <unit>` while dynamic, `S I` while the balance is busy, `S +` above and
    `S -` below its range. `ES`, `ET` and `EL` report a syntax, transmission or logical error.
    `Z` zeroes (replies `Z A`), `T` tares (`T S <tare> <unit>`); neither reply is a reading.
    Lines end in CR LF; 9600 baud 8N1 is the factory setting. Followed: the MT-SICS reference
    manual's level 0 commands as summarised by Atlantis-Software/mt-sics (README) and the
    Kepware MT-SICS profile; `SI` rather than `S` so the screen can show a weight settling.
    """

    key = "mt-sics"
    name = "Mettler Toledo MT-SICS"
    request = b"SI\r\n"
    zero = b"Z\r\n"
    tare = b"T\r\n"
    _LINE = re.compile(r"S\s+([SDI+-])(?:\s+(\S+)\s+(\S+))?")

    def parse(self, line: str) -> Reading | None:
        text = line.strip()
        if text in ("ES", "ET", "EL"):
            return Reading(Status.ERROR, None, False, line)
        match = self._LINE.fullmatch(text)
        if match is None:
            return None  # Z A, T S ..., echoes and noise
        kind, number, unit = match.groups()
        if kind == "+":
            return Reading(Status.OVERLOAD, None, False, line)
        if kind == "-":
            return Reading(Status.UNDERLOAD, None, False, line)
        if kind == "I" or number is None:
            return Reading(Status.UNSTABLE, None, False, line)
        return weighed(line, number, unit, stable=kind == "S")


class Toledo8217(Protocol):
    """The Mettler Toledo 8217 protocol of point-of-sale scales (also called 8213/SCP).

    The host sends `W`; the scale answers `<STX>` weight `<CR>` (e.g. `01.500`) when the
    weight is valid, else `<STX>?<status><CR>`. The status byte: bit 0 in motion, bit 1 over
    capacity, bit 2 under zero, bit 3 outside the zero capture range, bit 4 centre of zero,
    bits 5 and 6 always 1. `Z` zeroes and answers with the status. The weight carries no unit:
    it is read as kg (a scale set to pounds must be set to kg), unless the scale appends one.
    7 data bits, even parity, 1 stop bit. Followed: Salter Brecknell 3700LP manual (8213) and
    Brecknell AWT35 / Rice Lake BenchPro manuals (8217 status byte); `W` without CR, since
    those scales answer any other byte, a CR too, with a status reply.
    """

    key = "toledo-8217"
    name = "Toledo 8217"
    request = b"W"
    zero = b"Z"
    _WEIGHT = re.compile(r"\s*([+-]?\s*[\d.]+)\s*([A-Za-z]{1,2})?\s*")

    def parse(self, line: str) -> Reading | None:
        if line.startswith("?"):
            return self._status(line)
        match = self._WEIGHT.fullmatch(line)
        if match is None:
            return None
        number, unit = match.groups()
        return weighed(line, number, unit or "kg", stable=True)

    @staticmethod
    def _status(line: str) -> Reading | None:
        if len(line) != 2:
            return None
        bits = ord(line[1]) & 0x7F
        if bits & 0b110_0000 != 0b110_0000:
            return None  # bits 5 and 6 are always set: this is no status byte
        if bits & 0b10:
            return Reading(Status.OVERLOAD, None, False, line)
        if bits & 0b100:
            return Reading(Status.NEGATIVE, None, False, line)
        if bits & 0b1000:
            return Reading(Status.ERROR, None, False, line)
        if bits & 0b1:
            return Reading(Status.UNSTABLE, None, False, line)
        return None  # the reply to Z: no reading in it


class DiniCas(Protocol):
    """The ASCII string of Dini Argeo and CAS indicators: `ST,GS,   1.500,kg`.

    Status `ST` stable, `US` unstable, `OL` overload, `UL` underload; then `GS` gross or `NT`
    net; the weight in 8 characters with its sign and decimal point; the unit (`kg`, `g`, `t`,
    `lb`, Dini writing `Kg`). Dini separates the unit with a comma and may put a two-digit
    RS-485 address in front; CAS writes `ST,GS,+  1.500kg`. Most send it continuously; a Dini
    set to "on demand" answers `READ`, and takes `ZERO` and `TARE` (replying `OK` or `ERRnn`).
    CR LF, 9600 8N1. Followed: Dini Argeo DGT4X and 3590E technical manuals (standard string
    and serial commands), General Measure M02 manual (the CAS-style string without a comma).
    """

    key = "dini-cas"
    name = "Dini Argeo / CAS"
    request = b"READ\r\n"
    zero = b"ZERO\r\n"
    tare = b"TARE\r\n"
    _LINE = re.compile(
        r"\s*(?:\d\d)?(ST|US|OL|UL)\s*,\s*(GS|NT)\s*,\s*([+-]?\s*[\d.]*)\s*,?\s*([A-Za-z]{0,2})\s*"
    )

    def parse(self, line: str) -> Reading | None:
        match = self._LINE.fullmatch(line)
        if match is None:
            return None  # OK, ERRnn, other strings (microvolts, converter points) and noise
        status, _gross_or_net, number, unit = match.groups()
        if status == "OL":
            return Reading(Status.OVERLOAD, None, False, line)
        if status == "UL":
            return Reading(Status.UNDERLOAD, None, False, line)
        return weighed(line, number, unit, stable=status == "ST")


PROTOCOLS: dict[str, Protocol] = {p.key: p for p in (MtSics(), Toledo8217(), DiniCas())}
