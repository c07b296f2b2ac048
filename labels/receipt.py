"""A till receipt: what it says (`Receipt`, every text already in the site's label language),
its lines of fixed width, and the same lines on the label printer (a PDF over as many labels
as it takes, or ZPL for a Zebra). `labels.escpos` prints it on a receipt printer.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from labels.layout import SIZES
from labels.zpl import field_data

RECEIPT_COLUMNS = 42  # characters per line of an 80 mm receipt printer's font A


@dataclass(frozen=True)
class Receipt:
    """One sale's receipt. `lines` are (code, category, price); `sums` are (what, amount):
    the total, how it was paid, the change."""

    site: str
    when: str  # local date and time, as printed
    lines: tuple[tuple[str, str, str], ...]
    sums: tuple[tuple[str, str], ...]
    thanks: str = ""


def rows(receipt: Receipt, columns: int = RECEIPT_COLUMNS) -> list[tuple[str, str]]:
    """The receipt as (left, right) rows: the site and time on top, a row per item (code and
    category left, price right), a rule ('-'), then the sums. A long text is shortened so that
    it fits `columns` characters beside its amount; an amount is never cut."""
    def pair(left: str, right: str) -> tuple[str, str]:
        return left[:max(1, columns - len(right) - 1)], right

    out = [(receipt.site[:columns], ""), (receipt.when[:columns], ""), ("-", "")]
    out += [pair(f"{code} {category}", price) for code, category, price in receipt.lines]
    out += [("-", ""), *(pair(what, amount) for what, amount in receipt.sums)]
    if receipt.thanks:
        out += [("", ""), (receipt.thanks[:columns], "")]
    return out


def text_lines(receipt: Receipt, columns: int = RECEIPT_COLUMNS) -> list[str]:
    """The rows as lines of exactly `columns` fixed-width characters (rules drawn out)."""
    return ["-" * columns if (left, right) == ("-", "") else
            f"{left:<{columns - len(right)}}{right}".rstrip()
            for left, right in rows(receipt, columns)]


def receipt_pdf(receipt: Receipt, size_key: str) -> bytes:
    """The receipt on label stock `size_key`: its lines in a fixed-width font, on as many
    labels as they need (a sheet size prints on one page)."""
    size = SIZES[size_key]
    width, height = size.width_mm * mm, size.height_mm * mm
    margin = 2 * mm
    columns = 32 if size.width_mm < 80 else RECEIPT_COLUMNS
    font_size = (width - 2 * margin) / (columns * 0.6)  # Courier is 0.6 em wide
    per_label = max(1, int((height - 2 * margin) // (font_size * 1.15)))
    lines = text_lines(receipt, columns)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=True)
    canvas.setTitle(receipt.when)
    for first in range(0, len(lines), per_label):
        canvas.setFont("Courier", font_size)
        for row, line in enumerate(lines[first:first + per_label]):
            canvas.drawString(margin, height - margin - (row + 1) * font_size * 1.15, line)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def receipt_zpl(receipt: Receipt, size_key: str, dpi: int) -> bytes:
    """The receipt on a Zebra's roll labels, as many as it needs: each row's left text and,
    right-aligned in a field block, its amount (ZPL's font 0 is not fixed-width)."""
    size = SIZES[size_key]
    width = round(size.width_mm / 25.4 * dpi)
    tall = round(size.height_mm / 25.4 * dpi)
    margin = round(dpi / 12)  # about 2 mm
    columns = 32 if size.width_mm < 80 else RECEIPT_COLUMNS
    font = max(12, round((width - 2 * margin) / columns * 1.6))
    step = round(font * 1.15)
    per_label = max(1, (tall - 2 * margin) // step)
    all_rows = rows(receipt, columns)
    formats = []
    for first in range(0, len(all_rows), per_label):
        fields = []
        for index, (left, right) in enumerate(all_rows[first:first + per_label]):
            y = margin + index * step
            text = "-" * columns if (left, right) == ("-", "") else left
            for value, align in ((text, "L"), (right, "R")):
                if value:
                    fields.append(f"^FO{margin},{y}^A0N,{font},{font}"
                                  f"^FB{width - 2 * margin},1,0,{align}"
                                  f"^FH_^FD{field_data(value)}^FS")
        formats.append("\n".join(["^XA", "^CI28", f"^PW{width}", f"^LL{tall}", *fields,
                                   "^XZ"]))
    return ("\n".join(formats) + "\n").encode()
