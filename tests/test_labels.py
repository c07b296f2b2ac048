"""Labels: every size renders, every barcode scans back to its code at 203 dpi, printers."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
from labelcheck import decode_pdf, pdf_text

from labels.layout import SIZES, LabelContent
from labels.printing import CupsPrinter, FolderPrinter, PrintError
from labels.render import render_pdf

CODES = ["A000001", "B123456", "Z9999999", "C000042"]
LONG = LabelContent(
    code="A000001",
    category="Elektrische en elektronische apparatuur – groot",
    weight="~12,5 kg",
    route="Reparatie",
    date="24-11-2026",
    site="Circulair Ambachtscentrum WaardeRing Zwolle-Noord",
)


def labels_for(codes: list[str]) -> list[LabelContent]:
    return [LabelContent(code, LONG.category, LONG.weight, LONG.route, LONG.date, LONG.site)
            for code in codes]


@pytest.mark.parametrize("size", ["62x29", "57x32", "102x51"])
def test_roll_labels_scan_back_to_their_codes(tmp_path: Path, size: str) -> None:
    pdf = tmp_path / "labels.pdf"
    pdf.write_bytes(render_pdf(labels_for(CODES), size))
    assert decode_pdf(pdf) == [(code, "Code128") for code in CODES]


def test_a4_sheet_scans_back_every_label(tmp_path: Path) -> None:
    codes = [f"D{n:06d}" for n in range(1, 27)]  # a full sheet of 24 and two on the next
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(render_pdf(labels_for(codes), "a4"))
    assert sorted(text for text, _ in decode_pdf(pdf)) == codes


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of each page, from the PDF's MediaBoxes."""
    return [(float(w), float(h)) for w, h in
            re.findall(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)]


@pytest.mark.parametrize("size", ["62x29", "57x32", "102x51"])
def test_each_roll_page_is_one_label(size: str) -> None:
    pdf = render_pdf(labels_for(CODES[:3]), size)
    expected = (SIZES[size].width_mm * 72 / 25.4, SIZES[size].height_mm * 72 / 25.4)
    pages = page_sizes(pdf)
    assert len(pages) == 3
    for width, height in pages:
        assert abs(width - expected[0]) < 0.5 and abs(height - expected[1]) < 0.5


def test_the_texts_are_on_the_label(tmp_path: Path) -> None:
    short = LabelContent("A000777", "Fietsen", "15 kg", "Verkoop", "21-11-2026", "Ambacht Oss")
    pdf = tmp_path / "one.pdf"
    pdf.write_bytes(render_pdf([short], "62x29"))
    text = pdf_text(pdf)
    for part in ("A000777", "Fietsen", "15 kg", "Verkoop", "21-11-2026", "Ambacht Oss"):
        assert part in text


def test_long_texts_are_cut_with_an_ellipsis(tmp_path: Path) -> None:
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(render_pdf([LONG], "62x29"))
    text = pdf_text(pdf)
    assert "Elektrische en" in text and "…" in text
    assert "Reparatie" in text and "~12,5 kg" in text


def test_bad_requests() -> None:
    with pytest.raises(ValueError, match="unknown label size"):
        render_pdf([LONG], "99x99")
    with pytest.raises(ValueError, match="no labels"):
        render_pdf([], "62x29")


def test_folder_printer_never_overwrites(tmp_path: Path) -> None:
    printer = FolderPrinter(tmp_path / "out")
    first = printer.print_pdf(b"%PDF-1 first", "A000001")
    second = printer.print_pdf(b"%PDF-1 second", "A000001")
    assert Path(first).name == "A000001.pdf" and Path(second).name == "A000001-2.pdf"
    assert Path(first).read_bytes() == b"%PDF-1 first"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["A000001-2.pdf", "A000001.pdf"]
    assert Path(printer.print_pdf(b"x", "../../etc/passwd")).parent == tmp_path / "out"


def test_folder_printer_reports_an_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(PrintError, match="cannot write"):
        FolderPrinter(blocker / "labels").print_pdf(b"%PDF", "A000001")


def fake_lp(tmp_path: Path, body: str) -> str:
    script = tmp_path / "lp"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_cups_printer_sends_the_pdf_to_lp(tmp_path: Path) -> None:
    record = tmp_path / "record"
    lp = fake_lp(tmp_path, f'echo "$@" > {record}; cat > {record}.pdf; '
                 'echo "request id is PDF-7 (1 file(s))"')
    where = CupsPrinter("Brother", copies=2, lp_command=lp).print_pdf(b"%PDF-1 label", "A000009")
    assert where == "Brother, job PDF-7"
    assert record.read_text().split() == ["-d", "Brother", "-n", "2", "-t", "A000009", "-"]
    assert Path(f"{record}.pdf").read_bytes() == b"%PDF-1 label"


def test_cups_printer_failures_are_print_errors(tmp_path: Path) -> None:
    lp = fake_lp(tmp_path, 'echo "lp: The printer or class does not exist." >&2; exit 1')
    with pytest.raises(PrintError, match="does not exist"):
        CupsPrinter("Nope", lp_command=lp).print_pdf(b"%PDF", "A000001")
    with pytest.raises(PrintError, match="not installed"):
        CupsPrinter("Nope", lp_command=str(tmp_path / "no-lp")).print_pdf(b"%PDF", "A000001")
    slow = fake_lp(tmp_path, "sleep 5")
    with pytest.raises(PrintError, match="did not answer"):
        CupsPrinter("Slow", lp_command=slow, timeout_s=0.5).print_pdf(b"%PDF", "A000001")


@pytest.mark.parametrize("size", ["62x29", "57x32", "102x51", "a4"])
def test_a_price_label_shows_the_price_and_still_scans(tmp_path: Path, size: str) -> None:
    priced = LabelContent("A000778", "Lampen", "1,5 kg", "Verkoop", "21-11-2026", "Ambacht Oss",
                          price="€ 7,50")
    pdf = tmp_path / "priced.pdf"
    pdf.write_bytes(render_pdf([priced], size))
    text = pdf_text(pdf)
    assert "€ 7,50" in text and "Verkoop" not in text
    assert decode_pdf(pdf) == [("A000778", "Code128")]


def test_the_item_label_carries_its_price_while_it_waits_for_a_buyer(
    gate, shop, workshop, coach, shop_clerk, repairer, tmp_path: Path,
) -> None:
    from intake.labelling import LabelService

    lamp = gate.take_in(coach, gate.prepare("lamps", "sale"))
    labels = LabelService(gate.store, gate.clock)
    assert labels.content(lamp).price == ""  # no price of its own yet
    priced = workshop.set_price(repairer, lamp.code, 750)
    assert labels.content(priced).price == "€ 7,50"
    workshop.safety_test(repairer, lamp.code, "pass")
    sold = shop.sell(shop_clerk, [(lamp.code, None)]).items[0]
    assert labels.content(sold).price == ""  # sold: the label names the route again
