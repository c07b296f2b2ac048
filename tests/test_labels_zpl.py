"""Zebra labels: the ZPL says what the PDF says, where the PDF says it, and reaches a printer."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator

import pytest
from fakezebra import HEAD_OPEN, PAPER_OUT, FakeZebra, free_port, host_status

from labels.geometry import QUIET_MODULES, lay_out
from labels.layout import SIZES, LabelContent
from labels.printing import PrintError
from labels.zpl import ZebraPrinter, parse_host_status, render_zpl

LABEL = LabelContent("A000123", "Kleding – één zak", "~2,5 kg", "Reparatie",
                     "21-11-2026", "Ambachtscentrum Zwolle-Zuid")
MM = 72 / 25.4


@pytest.fixture
def zebra() -> Iterator[FakeZebra]:
    printer = FakeZebra()
    yield printer
    printer.stop()


def commands(zpl: bytes) -> list[str]:
    """The commands of one format, each with its parameters ('FD...' up to its ^FS)."""
    return [part for part in zpl.decode().replace("\n", "").split("^") if part]


def field_data(zpl: bytes) -> list[str]:
    """Each ^FD field's data with ^FH escapes undone."""
    def unescape(found: re.Match[str]) -> str:
        return bytes.fromhex(found[0].replace("_", "")).decode()

    return [re.sub(r"(?:_[0-9A-F]{2})+", unescape, c[2:])
            for c in commands(zpl) if c.startswith("FD")]


def barcode_data(zpl: bytes) -> str:
    """The data of the ^BC barcode field."""
    found = re.search(rb"\^BC[^^]*\^FD([^^]*)\^FS", zpl)
    assert found, zpl
    return found[1].decode()


def test_one_format_per_label_with_every_text_and_the_code_as_barcode() -> None:
    other = LabelContent("B000007", "Fietsen", "15 kg", "Verkoop", "21-11-2026", "Oss")
    zpl = render_zpl([LABEL, other], "62x29", copies=2)
    formats = re.findall(rb"\^XA.*?\^XZ", zpl, re.S)
    assert len(formats) == 2 and zpl.strip().endswith(b"^XZ")
    first = formats[0]
    assert "CI28" in commands(first)  # UTF-8 field data
    assert barcode_data(first) == "A000123" and barcode_data(formats[1]) == "B000007"
    texts = field_data(first)
    assert texts[0] == "A000123"  # the code in large type
    for part in ("~2,5 kg", "Reparatie", "21-11-2026", "Ambachtscentrum Zwolle-Zuid",
                 "Kleding – één zak"):
        assert part in texts, (part, texts)
    assert "Kleding – één zak".encode() in first  # UTF-8 as is, not transcoded
    assert re.search(rb"\^PQ2,", first)


def test_command_characters_in_texts_cannot_change_the_label() -> None:
    sneaky = LabelContent("A000124", "Kast ^XZ~JR", "1 kg", "Ver_koop\\&", "21-11-2026",
                          "^FO0,0")
    zpl = render_zpl([sneaky], "62x29")
    assert zpl.count(b"^XA") == 1 and zpl.count(b"^XZ") == 1 and b"~" not in zpl
    assert commands(zpl).count("FO0,0") == 0
    assert {"Kast ^XZ~JR", "Ver_koop\\&", "^FO0,0"} <= set(field_data(zpl))


@pytest.mark.parametrize("size", ["62x29", "57x32", "102x51"])
@pytest.mark.parametrize("dpi", [203, 300])
def test_the_zpl_geometry_is_the_pdf_layout_in_dots(size: str, dpi: int) -> None:
    label_size = SIZES[size]
    layout = lay_out(LABEL, label_size.width_mm * MM, label_size.height_mm * MM, dpi)
    zpl = render_zpl([LABEL], size, dpi=dpi)
    found = dict(re.findall(r"(PW|LL)(\d+)", zpl.decode()))
    assert int(found["PW"]) == round(label_size.width_mm / 25.4 * dpi)
    assert int(found["LL"]) == round(label_size.height_mm / 25.4 * dpi)
    position = re.search(rb"\^FO(\d+),(\d+)\^BY(\d+),3,(\d+)\^BCN,(\d+),N,N,N", zpl)
    assert position
    left, top, module, height, _ = map(int, position.groups())
    bars = layout.bars
    dots_per_point = dpi / 72
    assert module == bars.dots and 0.25 <= module * 25.4 / dpi <= 0.51
    assert left == round(bars.left * dots_per_point)
    assert height == round(bars.height * dots_per_point)
    assert top == round((layout.height - bars.bottom - bars.height) * dots_per_point)
    # The bars with their quiet zones fit on the label.
    assert left - QUIET_MODULES * module >= 0
    assert left + (len(bars.modules) + QUIET_MODULES) * module <= int(found["PW"])
    # The code in large type sits at the PDF's baseline, in the PDF's size.
    code_text = re.search(rb"\^FT(\d+),(\d+)\^A0N,(\d+),", zpl)
    assert code_text
    first = layout.texts[0]
    assert list(map(int, code_text.groups())) == [
        round(first.x * dots_per_point), round((layout.height - first.baseline) * dots_per_point),
        round(first.size * dots_per_point)]


def test_a4_sheets_and_odd_heads_are_refused() -> None:
    with pytest.raises(ValueError, match="roll"):
        render_zpl([LABEL], "a4")
    with pytest.raises(ValueError, match="dpi"):
        render_zpl([LABEL], "62x29", dpi=600)


def test_the_zebra_gets_the_label_and_confirms(zebra: FakeZebra) -> None:
    where = ZebraPrinter("127.0.0.1", zebra.port).print_labels([LABEL], "62x29", 3, "A000123")
    assert where == f"Zebra 127.0.0.1:{zebra.port}"
    assert len(zebra.labels) == 1
    assert barcode_data(zebra.labels[0]) == "A000123"
    assert re.search(rb"\^PQ3,", zebra.labels[0])


@pytest.mark.parametrize(("problem", "says"), [(PAPER_OUT, "paper out"),
                                               (HEAD_OPEN, "print head open")])
def test_a_printer_that_cannot_print_gets_nothing(
    zebra: FakeZebra, problem: str, says: str
) -> None:
    zebra.problems.add(problem)
    with pytest.raises(PrintError, match=says):
        ZebraPrinter("127.0.0.1", zebra.port).print_labels([LABEL], "62x29", 1, "A000123")
    assert zebra.labels == []


def test_a_switched_off_or_silent_printer_is_a_clear_print_error() -> None:
    with pytest.raises(PrintError, match="refused the connection"):
        ZebraPrinter("127.0.0.1", free_port()).print_labels([LABEL], "62x29", 1, "A000123")
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        printer = ZebraPrinter("127.0.0.1", silent.getsockname()[1], timeout_s=0.3)
        with pytest.raises(PrintError, match="did not answer"):
            printer.print_labels([LABEL], "62x29", 1, "A000123")
    with pytest.raises(PrintError, match="roll"):
        ZebraPrinter("127.0.0.1", free_port()).print_labels([LABEL], "a4", 1, "A000123")


def test_something_else_on_port_9100_is_not_taken_for_a_zebra() -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()

        def answer() -> None:
            conn, _ = other.accept()
            with conn:
                conn.recv(100)
                conn.sendall(b"HTTP/1.0 400 Bad Request\r\n\r\n")

        threading.Thread(target=answer, daemon=True).start()
        with pytest.raises(PrintError, match="no status reply"):
            ZebraPrinter("127.0.0.1", other.getsockname()[1], timeout_s=2).print_labels(
                [LABEL], "62x29", 1, "A000123")


def test_host_status_flags() -> None:
    ready = parse_host_status(host_status(formats=2))
    assert ready.problem() is None and ready.formats_waiting == 2
    assert parse_host_status(host_status(PAPER_OUT)).problem() == "paper out"
    with pytest.raises(ValueError):
        parse_host_status(b"\x02garbage\x03")
