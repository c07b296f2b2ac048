"""Each real receipt printer, label printer and scale failure reaches the screen as one short
sentence of the user's language that says what to do, naming the button to tap by its own
words; the technical detail goes to the log (issue 15).

The failures are real: nothing listening on the printer's TCP port, a printer whose port
takes no new connection (a timeout), a receipt setting that cannot print; a scale's port that
is not there, a scale unplugged, a silent one and garbage on its serial line (a pty from
os.openpty). Each sentence is read in Dutch.
"""

from __future__ import annotations

import logging
import re
import socket
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path

import pytest
from bad_input import NL
from fakezebra import free_port
from PySide6.QtCore import QCoreApplication
from serial_sim import SimulatedDevice
from test_scale import Seen, is_fault, start_scale

from devices.serial_link import Fault, FaultKind
from labels.escpos import NetworkReceiptPrinter, ReceiptSetting
from labels.layout import SIZES, LabelContent
from labels.printing import PrintError
from labels.zpl import ZebraPrinter
from ui.device_messages import print_problem, receipt_button
from ui.devices import describe, explain_fault
from ui.receipts import Receipts

LONGEST = 100  # characters: two lines of a banner on the smallest panel
# Words of the English sources that no Dutch sentence has.
ENGLISH = {"the", "and", "tap", "switch", "plug", "does", "answer", "again", "its", "out",
           "paper", "cable", "ask", "scale", "found", "unplugged", "read", "choose", "speed"}
DETAIL_WORDS = ("refused", "errno", "did not answer", "127.0.0.1", "tty", "no such file",
                "garbage")


@pytest.fixture(autouse=True)
def application(qapp) -> None:
    """Translators need the QApplication."""


def dutch(say: Callable[[], str]) -> str:
    """The text in Dutch (the translator installed last is asked first)."""
    QCoreApplication.installTranslator(NL)
    try:
        return say()
    finally:
        QCoreApplication.removeTranslator(NL)


def assert_short_and_dutch(say: Callable[[], str], *, sentence: bool = True) -> str:
    text = dutch(say)
    assert not set(re.findall(r"[a-z]+", text.casefold())) & ENGLISH, f"not Dutch: {text}"
    assert len(text) <= LONGEST, text
    assert not any(word in text.casefold() for word in DETAIL_WORDS), text
    if sentence:  # one sentence: a full stop at its end and nowhere else
        assert text.endswith(".") and ". " not in text, text
    return text


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A port that listens but takes no more connections: its queue is full, so a connect
    hangs until its timeout, as a printer that has crashed on its network does."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = server.getsockname()[1]
    waiting = []
    for _ in range(4):
        client = socket.socket()
        client.setblocking(False)
        with suppress(BlockingIOError):
            client.connect(("127.0.0.1", port))
        waiting.append(client)
    yield port
    for client in waiting:
        client.close()
    server.close()


def failure(send: Callable[[], object]) -> PrintError:
    with pytest.raises(PrintError) as raised:
        send()
    return raised.value


def test_receipt_printer_failures_are_one_dutch_sentence_naming_bon(busy_port: int) -> None:
    failures = {
        "nothing on its port": failure(lambda: NetworkReceiptPrinter(
            "127.0.0.1", free_port(), timeout_s=2).send(b"receipt")),
        "timeout": failure(lambda: NetworkReceiptPrinter(
            "127.0.0.1", busy_port, timeout_s=0.3).send(b"receipt")),
        "no receipt printer set": failure(lambda: ReceiptSetting("none").printer()),
    }
    assert "refused" in str(failures["nothing on its port"])  # the detail, for the log
    assert "did not answer" in str(failures["timeout"])
    button = dutch(receipt_button)
    assert button == "Bon"
    for exc in failures.values():
        text = assert_short_and_dutch(lambda exc=exc: Receipts.problem(exc))
        if "coördinator" not in text:  # the coordinator's to fix: no button helps
            assert text.endswith(f"tik opnieuw op {button}."), text
    assert assert_short_and_dutch(lambda: Receipts.problem(failures["timeout"])) == (
        "De bonprinter reageert niet: zet hem aan en tik opnieuw op Bon.")


def test_a_label_printer_off_or_stuck_is_one_dutch_sentence(busy_port: int) -> None:
    label = LabelContent("A000001", "Boeken", "1 kg", "Verkoop", "21-11-2026", "Oss")
    size = next(iter(SIZES))
    for port, timeout_s in ((free_port(), 2.0), (busy_port, 0.3)):
        exc = failure(lambda port=port, timeout_s=timeout_s: ZebraPrinter(
            "127.0.0.1", port, timeout_s=timeout_s).print_labels([label], size, 1, "t"))
        assert assert_short_and_dutch(lambda exc=exc: print_problem(exc)) == (
            "De labelprinter reageert niet: zet hem aan en controleer de kabel.")


def scale_fault(seen: Seen, kind: FaultKind) -> Fault:
    seen.wait_for(is_fault(kind), timeout=5)
    fault = seen.latest()
    assert isinstance(fault, Fault)
    return fault


def test_scale_failures_are_short_dutch_and_their_detail_is_logged(
    readers: list, port: Path, caplog: pytest.LogCaptureFixture
) -> None:
    faults = {"no port": scale_fault(start_scale(readers, port, "mt-sics"), FaultKind.NO_PORT)}
    readers.pop().stop()
    scale = SimulatedDevice(port, answer=b"#?garbage 9a%~ 12\r\n", stream=True)
    seen = start_scale(readers, port, "mt-sics")
    faults["garbage"] = scale_fault(seen, FaultKind.SILENT)
    assert "garbage" in faults["garbage"].detail
    readers.pop().stop()
    scale.answer = None  # switched off
    seen = start_scale(readers, port, "mt-sics")
    faults["silent"] = scale_fault(seen, FaultKind.SILENT)
    assert not faults["silent"].detail
    scale.unplug()
    faults["unplugged"] = scale_fault(seen, FaultKind.LOST)

    button = dutch(lambda: QCoreApplication.translate("DevicesSection", "Test scale"))
    with caplog.at_level(logging.WARNING, logger="ambacht"):
        for fault in faults.values():
            assert_short_and_dutch(lambda fault=fault: describe(fault, "nl")[1],
                                   sentence=False)  # the note under the live weight
            assert_short_and_dutch(lambda fault=fault: explain_fault(fault, "COM3", button))
    assert any("garbage" in record.getMessage() for record in caplog.records)
    unplugged = assert_short_and_dutch(lambda: explain_fault(faults["unplugged"], "COM3",
                                                             button))
    assert unplugged.endswith(f"tik opnieuw op {button}.") and button == "Weegschaal testen"


@pytest.fixture
def port(tmp_path: Path) -> Path:
    return tmp_path / "ttyUSB0"


@pytest.fixture
def readers() -> Iterator[list]:
    started: list = []
    yield started
    for reader in started:
        reader.stop()
