"""Scales: each protocol's real lines, and a reader talking to a simulated scale on a pty."""

from __future__ import annotations

import termios
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from serial_sim import SimulatedDevice

from devices.protocols import PROTOCOLS, LineSplitter, Reading, Status, to_grams
from devices.scale import ScaleReader
from devices.scanner import ScannerReader
from devices.serial_link import Fault, FaultKind, PortSettings

MT, TOLEDO, DINI = PROTOCOLS["mt-sics"], PROTOCOLS["toledo-8217"], PROTOCOLS["dini-cas"]


def reading(status: Status, grams: int | None, raw: str, *, stable: bool,
            unit: str = "kg") -> Reading:
    return Reading(status, grams, stable, raw, unit)


# --- the protocols -----------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "status", "grams", "stable"), [
    ("S S     12.345 kg", Status.OK, 12_345, True),
    ("S D     12.340 kg", Status.UNSTABLE, 12_340, False),
    ("S S      -0.50 kg", Status.NEGATIVE, -500, True),
    ("S S    1250.0 g", Status.OK, 1_250, True),
    ("S S      2.000 lb", Status.OK, 907, True),
    ("S S      0.000 kg", Status.OK, 0, True),
    ("S I", Status.UNSTABLE, None, False),
    ("S +", Status.OVERLOAD, None, False),
    ("S -", Status.UNDERLOAD, None, False),
    ("ES", Status.ERROR, None, False),
    ("EL", Status.ERROR, None, False),
    ("S S     12.345 oz", Status.ERROR, None, True),
])
def test_mt_sics_lines(line: str, status: Status, grams: int | None, stable: bool) -> None:
    parsed = MT.parse(line)
    assert parsed is not None
    assert (parsed.status, parsed.grams, parsed.stable, parsed.raw) == (status, grams, stable,
                                                                          line)


@pytest.mark.parametrize("line", ["Z A", "T S      0.250 kg", "SI", "I4 A \"0123\"", "", "S"])
def test_mt_sics_replies_that_are_no_reading(line: str) -> None:
    assert MT.parse(line) is None


def test_only_a_stable_positive_reading_can_be_taken_in() -> None:
    assert MT.parse("S S     12.345 kg").usable_grams == 12_345  # type: ignore[union-attr]
    for line in ("S D     12.345 kg", "S S      0.000 kg", "S S     -1.000 kg", "S +"):
        assert MT.parse(line).usable_grams is None  # type: ignore[union-attr]


@pytest.mark.parametrize(("line", "status", "grams"), [
    ("01.500", Status.OK, 1_500),
    ("  1.500", Status.OK, 1_500),
    ("003.25lb", Status.OK, 1_474),
    ("-0.250", Status.NEGATIVE, -250),
    ("?a", Status.UNSTABLE, None),  # 0x61: bits 5, 6 and 0 (motion)
    ("?b", Status.OVERLOAD, None),  # bit 1
    ("?d", Status.NEGATIVE, None),  # bit 2: under zero
    ("?h", Status.ERROR, None),  # bit 3: outside the zero capture range
    ("?c", Status.OVERLOAD, None),  # over capacity outranks motion
])
def test_toledo_8217_lines(line: str, status: Status, grams: int | None) -> None:
    parsed = TOLEDO.parse(line)
    assert parsed is not None and (parsed.status, parsed.grams) == (status, grams)


@pytest.mark.parametrize("line", ["?p", "?`", "?A", "?", "hello", "W"])
def test_toledo_status_without_fault_or_no_status_is_no_reading(line: str) -> None:
    assert TOLEDO.parse(line) is None  # '?p': centre of zero, the reply to Z


@pytest.mark.parametrize(("line", "status", "grams", "stable"), [
    ("ST,GS,   1.500,kg", Status.OK, 1_500, True),  # Dini, standard string
    ("01ST,NT,   0.750,Kg", Status.OK, 750, True),  # Dini on RS-485, net, 'Kg'
    ("US,GS,   1.480,kg", Status.UNSTABLE, 1_480, False),
    ("ST,GS,  -0.020,kg", Status.NEGATIVE, -20, True),
    ("ST,GS,+  1.500kg", Status.OK, 1_500, True),  # CAS
    ("ST,GS,+0001.500kg", Status.OK, 1_500, True),
    ("US,NT,-  0.100kg", Status.NEGATIVE, -100, False),
    ("ST,GS,     250, g", Status.OK, 250, True),
    ("ST,GS,   0.012, t", Status.OK, 12_000, True),
    ("OL,GS,        ,kg", Status.OVERLOAD, None, False),
    ("UL,GS,        ,kg", Status.UNDERLOAD, None, False),
    ("ST,GS,   1.500,oz", Status.ERROR, None, True),
])
def test_dini_and_cas_lines(line: str, status: Status, grams: int | None, stable: bool) -> None:
    parsed = DINI.parse(line)
    assert parsed is not None
    assert (parsed.status, parsed.grams, parsed.stable) == (status, grams, stable)


@pytest.mark.parametrize("line", ["OK", "ERR04", "ST,VL,  123456,uV", "ST,GS", "XX,GS,1,kg"])
def test_dini_lines_that_are_no_reading(line: str) -> None:
    assert DINI.parse(line) is None


def test_pounds_are_converted_exactly() -> None:
    assert to_grams("1", "lb") == 454  # 453.59237 g
    assert to_grams("100.00", "LB") == 45_359
    assert to_grams("1.5", "furlong") is None and to_grams("1..5", "kg") is None


def test_line_splitter_takes_every_ending_and_drops_damaged_lines() -> None:
    splitter = LineSplitter()
    assert splitter.feed(b"S S   1.0") == []  # half a line waits for its end
    assert splitter.feed(b"00 kg\r\nS D 2") == ["S S   1.000 kg"]
    assert splitter.feed(b".5 kg\r\n\x0201.500\r") == ["S D 2.5 kg", "01.500"]
    assert splitter.feed(b"noise\x02?a\r\x03") == ["?a"]  # STX starts afresh
    # A parity error inside a number must not make 12.345 read as 1.345: the line goes.
    assert splitter.feed(b"S S 1\xb22.345 kg\r\nS S \x002.0 kg\r\nS S 3.0 kg\n") == [
        "S S 3.0 kg"]
    assert splitter.feed(b"x" * 500 + b"\r\nST,GS,   1.500,kg\r\n") == ["ST,GS,   1.500,kg"]
    assert splitter.feed("S S 1 kg é\r\n".encode()) == []


# --- the reader on a pseudo-terminal -----------------------------------------------------------

class Seen:
    """What a reader delivered, collected from its thread."""

    def __init__(self) -> None:
        self.items: list[Reading | Fault | str] = []
        self._lock = threading.Lock()

    def __call__(self, item: Reading | Fault | str) -> None:
        with self._lock:
            self.items.append(item)

    def latest(self) -> Reading | Fault | str | None:
        with self._lock:
            return self.items[-1] if self.items else None

    def wait_for(self, check: Callable[[Reading | Fault | str | None], bool],
                 timeout: float = 3.0) -> float:
        """Seconds until the latest item passes `check`."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if check(self.latest()):
                return time.monotonic() - start
            time.sleep(0.01)
        raise AssertionError(f"not seen in {timeout} s; latest: {self.latest()!r}")


def is_status(status: Status, grams: int | None = None) -> Callable[[object], bool]:
    return lambda item: isinstance(item, Reading) and item.status is status and (
        grams is None or item.grams == grams)


def is_fault(kind: FaultKind) -> Callable[[object], bool]:
    return lambda item: isinstance(item, Fault) and item.kind is kind


@pytest.fixture
def port(tmp_path: Path) -> Path:
    return tmp_path / "ttyUSB0"


@pytest.fixture
def readers() -> Iterator[list[ScaleReader | ScannerReader]]:
    started: list[ScaleReader | ScannerReader] = []
    yield started
    for reader in started:
        reader.stop()


def start_scale(readers: list, port: Path, key: str, framing: str = "8N1") -> Seen:
    seen = Seen()
    reader = ScaleReader(PortSettings(str(port), 9600, framing), PROTOCOLS[key], seen)
    readers.append(reader)
    reader.start()
    return seen


def test_mt_sics_scale_settles_goes_over_and_under_and_zeroes(readers: list, port: Path) -> None:
    scale = SimulatedDevice(port, answer=b"S D      3.120 kg\r\n", replies={b"Z\r\n": b"Z A\r\n"})
    seen = start_scale(readers, port, "mt-sics")
    seen.wait_for(is_status(Status.UNSTABLE, 3_120))
    assert scale.commands().startswith(b"SI\r\n")
    scale.answer = b"S S      3.125 kg\r\n"
    seen.wait_for(is_status(Status.OK, 3_125))
    scale.answer = b"S +\r\n"
    seen.wait_for(is_status(Status.OVERLOAD))
    scale.answer = b"S S     -0.015 kg\r\n"
    seen.wait_for(is_status(Status.NEGATIVE, -15))
    readers[0].zero()
    readers[0].tare()
    deadline = time.monotonic() + 2
    while b"Z\r\n" not in scale.commands() or b"T\r\n" not in scale.commands():
        assert time.monotonic() < deadline, scale.commands()
        time.sleep(0.01)
    scale.answer = b"S S      0.000 kg\r\n"
    seen.wait_for(is_status(Status.OK, 0))
    assert not any(isinstance(item, Fault) for item in seen.items)
    scale.unplug()


def test_toledo_8217_scale_answers_w_with_stx_frames(readers: list, port: Path) -> None:
    scale = SimulatedDevice(port, answer=b"\x02?a\r")  # in motion
    seen = start_scale(readers, port, "toledo-8217", "7E1")
    seen.wait_for(is_status(Status.UNSTABLE))
    assert set(scale.commands()) == {ord("W")}
    scale.answer = b"\x0201.500\r"
    seen.wait_for(is_status(Status.OK, 1_500))
    scale.answer = b"\x02?b\r"
    seen.wait_for(is_status(Status.OVERLOAD))
    readers[0].zero()
    readers[0].tare()  # the 8217 has no tare command: nothing is sent
    time.sleep(0.3)
    assert b"Z" in scale.commands() and b"T" not in scale.commands()
    scale.unplug()


def test_continuous_scale_with_noise_and_split_lines(readers: list, port: Path) -> None:
    scale = SimulatedDevice(port, answer=b"US,GS,   1.480,kg\r\n", stream=True)
    seen = start_scale(readers, port, "dini-cas")
    seen.wait_for(is_status(Status.UNSTABLE, 1_480))
    scale.answer = None  # the test speaks for the scale now
    time.sleep(0.15)
    scale.write(b"\xff\xfe\x00garbage\r\nST,GS,  ")
    time.sleep(0.1)
    scale.write(b" 1.500,kg\r\nST,GS,+  1.5")
    time.sleep(0.1)
    scale.write(b"\xe000kg\r\nOL,GS,        ,kg\r\n")
    seen.wait_for(is_status(Status.OVERLOAD))
    readings = [item for item in seen.items if isinstance(item, Reading)]
    assert [r.grams for r in readings if r.status is Status.OK] == [1_500]
    assert b"READ\r\n" in scale.commands()  # it asked while the stream paused
    scale.unplug()


def test_continuous_scale_is_never_asked(readers: list, port: Path) -> None:
    scale = SimulatedDevice(port, answer=b"ST,GS,+  2.000kg\r\n", stream=True)
    seen = start_scale(readers, port, "dini-cas")
    seen.wait_for(is_status(Status.OK, 2_000))
    time.sleep(0.5)
    assert scale.commands().count(b"READ") <= 1  # the one question before the first line
    scale.unplug()


def test_silence_is_reported_within_a_second(readers: list, port: Path) -> None:
    scale = SimulatedDevice(port, answer=b"S S      1.000 kg\r\n")
    seen = start_scale(readers, port, "mt-sics")
    seen.wait_for(is_status(Status.OK, 1_000))
    scale.answer = None  # switched off, cable still in
    assert seen.wait_for(is_fault(FaultKind.SILENT)) < 1.0
    scale.answer = b"S S      1.000 kg\r\n"
    seen.wait_for(is_status(Status.OK, 1_000))
    scale.unplug()


def test_wrong_protocol_is_silent_and_says_what_came(readers: list, port: Path) -> None:
    scale = SimulatedDevice(port, answer=b"ST,GS,   1.500,kg\r\n", stream=True)
    seen = start_scale(readers, port, "mt-sics")
    seen.wait_for(is_fault(FaultKind.SILENT))
    assert seen.latest().detail == "ST,GS,   1.500,kg"  # type: ignore[union-attr]
    scale.unplug()


def test_unplug_is_reported_and_plugging_back_resumes(readers: list, port: Path) -> None:
    scale = SimulatedDevice(port, answer=b"S S      4.200 kg\r\n")
    seen = start_scale(readers, port, "mt-sics")
    seen.wait_for(is_status(Status.OK, 4_200))
    scale.unplug()
    assert seen.wait_for(lambda item: isinstance(item, Fault)) < 1.0
    seen.wait_for(is_fault(FaultKind.NO_PORT))  # tried again, and the port is not there
    scale.plug()
    scale.answer = b"S S      4.300 kg\r\n"
    seen.wait_for(is_status(Status.OK, 4_300))
    scale.unplug()


def test_a_port_that_is_not_there(readers: list, port: Path) -> None:
    seen = start_scale(readers, port, "mt-sics")
    seen.wait_for(is_fault(FaultKind.NO_PORT))
    assert "ttyUSB0" in seen.latest().detail  # type: ignore[union-attr]


def test_reader_stops_promptly(port: Path) -> None:
    scale = SimulatedDevice(port, answer=b"S S      1.000 kg\r\n")
    seen = Seen()
    reader = ScaleReader(PortSettings(str(port)), MT, seen)
    reader.start()
    seen.wait_for(is_status(Status.OK))
    start = time.monotonic()
    reader.stop()
    assert time.monotonic() - start < 0.5 and not reader._thread.is_alive()
    scale.unplug()


def test_parity_errors_are_read_as_nul_on_seven_bit_framings(port: Path) -> None:
    """So that LineSplitter drops a line with a byte damaged on the cable."""
    scale = SimulatedDevice(port)
    for framing, checked in (("7E1", True), ("8N1", False)):
        with PortSettings(str(port), 9600, framing).open() as opened:
            iflag = termios.tcgetattr(opened.fileno())[0]
            assert bool(iflag & termios.INPCK) is checked
            assert not iflag & (termios.IGNPAR | termios.PARMRK)
    scale.unplug()


def test_serial_scanner_lines_become_codes(readers: list, port: Path) -> None:
    scanner = SimulatedDevice(port)
    codes, faults = Seen(), Seen()
    reader = ScannerReader(PortSettings(str(port)), codes, faults)
    readers.append(reader)
    reader.start()
    time.sleep(0.2)  # the port is open
    scanner.write(b"A00001")
    time.sleep(0.05)
    scanner.write(b"2\r\nVA000017\r\n\x02A000003\x03\xff\xffA0\r\n")
    codes.wait_for(lambda item: item == "A000003")
    assert codes.items == ["A000012", "VA000017", "A000003"]
    scanner.unplug()
    faults.wait_for(lambda item: isinstance(item, Fault))
