"""Drawing labels into a PDF with reportlab: big code, Code128 barcode, the item's facts.

The barcode's bars are drawn as vector rectangles from python-barcode's module pattern, with
the module width snapped to whole dots of a 203 dpi thermal head (0.125 mm), so that every bar
prints at its true width. The layout scales with the label's height, so one drawing serves
every size; texts that do not fit shrink, then end in an ellipsis.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import barcode
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from labels.layout import (
    SHEET_CELL_MM,
    SHEET_COLUMNS,
    SHEET_ROWS,
    SHEET_TOP_MM,
    SIZES,
    LabelContent,
)

DOT_MM = 25.4 / 203  # one dot of a 203 dpi thermal printer
QUIET_MODULES = 10  # blank modules either side of the bars, as Code128 requires
_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("C:/Windows/Fonts"))


@cache
def fonts() -> tuple[str, str]:
    """(regular, bold) font names: DejaVu Sans when the system has it (wide Unicode), else
    Bitstream Vera, which ships inside reportlab, so a label never depends on the machine."""
    for folder in _FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont("LabelSans", str(regular)))
            pdfmetrics.registerFont(TTFont("LabelSans-Bold", str(bold)))
            return "LabelSans", "LabelSans-Bold"
    pdfmetrics.registerFont(TTFont("LabelSans", "Vera.ttf"))
    pdfmetrics.registerFont(TTFont("LabelSans-Bold", "VeraBd.ttf"))
    return "LabelSans", "LabelSans-Bold"


@cache
def code128_modules(code: str) -> str:
    """The bar pattern of `code` as '1' (bar) and '0' (space) modules, start to stop."""
    return "".join(barcode.get_barcode_class("code128")(code).build())


def render_pdf(labels: Sequence[LabelContent], size_key: str) -> bytes:
    """A PDF of `labels`: one page per label on roll sizes, a grid of labels on 'a4'."""
    if size_key not in SIZES:
        raise ValueError(f"unknown label size {size_key!r}; use one of {', '.join(SIZES)}")
    if not labels:
        raise ValueError("no labels to render")
    size = SIZES[size_key]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(size.width_mm * mm, size.height_mm * mm), invariant=True)
    canvas.setTitle(", ".join(label.code for label in labels[:10]))
    if size_key == "a4":
        _draw_sheets(canvas, labels, size.height_mm)
    else:
        for label in labels:
            draw_label(canvas, label, 0, 0, size.width_mm * mm, size.height_mm * mm)
            canvas.showPage()
    canvas.save()
    return out.getvalue()


def _draw_sheets(canvas: Canvas, labels: Sequence[LabelContent], page_height_mm: float) -> None:
    cell_w, cell_h = SHEET_CELL_MM[0] * mm, SHEET_CELL_MM[1] * mm
    per_sheet = SHEET_COLUMNS * SHEET_ROWS
    for index, label in enumerate(labels):
        slot = index % per_sheet
        row, column = divmod(slot, SHEET_COLUMNS)
        top = (page_height_mm - SHEET_TOP_MM) * mm - row * cell_h
        draw_label(canvas, label, column * cell_w, top - cell_h, cell_w, cell_h)
        if slot == per_sheet - 1 or index == len(labels) - 1:
            canvas.showPage()


def draw_label(
    canvas: Canvas, label: LabelContent, x: float, y: float, width: float, height: float
) -> None:
    """Draw one label in the box with lower-left corner (x, y), in points."""
    regular, bold = fonts()
    pad = max(1.5 * mm, 0.06 * height)
    left, right = x + pad, x + width - pad
    inner = right - left
    top = y + height - pad

    # Row 1: the code, the largest text, with the weight at the right.
    code_size = height * 0.2
    weight_size = _fit(label.weight, bold, height * 0.12, inner * 0.4)
    code_size = _fit(label.code, bold, code_size, inner - _width(label.weight, bold,
                                                                  weight_size) - 2 * mm)
    baseline = top - code_size * 0.78
    canvas.setFont(bold, code_size)
    canvas.drawString(left, baseline, label.code)
    canvas.setFont(bold, weight_size)
    canvas.drawRightString(right, baseline, label.weight)

    # Row 2: category at the left, route (or price, larger) at the right.
    info_size = height * 0.105
    right_text = label.price or label.route
    route_size = _fit(right_text, bold, info_size * (1.5 if label.price else 1), inner * 0.45)
    route_width = _width(right_text, bold, route_size)
    baseline -= info_size * 1.2
    canvas.setFont(regular, info_size)
    canvas.drawString(left, baseline, _clip(label.category, regular, info_size,
                                            inner - route_width - 2 * mm))
    canvas.setFont(bold, route_size)
    canvas.drawRightString(right, baseline, right_text)

    # Bottom row: date and site, small.
    small = height * 0.075
    bottom = y + pad
    canvas.setFont(regular, small)
    date_width = _width(label.date, regular, small)
    canvas.drawString(left, bottom, _clip(label.site, regular, small, inner - date_width - 2 * mm))
    canvas.drawRightString(right, bottom, label.date)

    # The barcode fills what is left between row 2 and the bottom row.
    bar_top = baseline - info_size * 0.45
    bar_bottom = bottom + small * 1.15
    _draw_barcode(canvas, label.code, x + width / 2, bar_bottom, width - 2 * pad,
                  bar_top - bar_bottom)


def _draw_barcode(
    canvas: Canvas, code: str, centre_x: float, bottom: float, max_width: float, height: float
) -> None:
    modules = code128_modules(code)
    total = len(modules) + 2 * QUIET_MODULES
    # Widest module that fits, in whole printer dots; at least one dot.
    dots = max(1, int(max_width / (total * DOT_MM * mm)))
    module = min(dots, 4) * DOT_MM * mm
    start = centre_x - len(modules) * module / 2
    canvas.setFillColorRGB(0, 0, 0)
    run_start = None
    for index, bit in enumerate(modules + "0"):
        if bit == "1" and run_start is None:
            run_start = index
        elif bit == "0" and run_start is not None:
            canvas.rect(start + run_start * module, bottom, (index - run_start) * module, height,
                        stroke=0, fill=1)
            run_start = None


def _width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def _fit(text: str, font: str, size: float, max_width: float) -> float:
    """The font size for `text`: `size`, or smaller (down to 60%) so that it fits."""
    width = _width(text, font, size)
    return size if width <= max_width or width == 0 else max(size * 0.6, size * max_width / width)


def _clip(text: str, font: str, size: float, max_width: float) -> str:
    """`text`, cut with an ellipsis where it would run past `max_width`."""
    if _width(text, font, size) <= max_width:
        return text
    while text and _width(text + "…", font, size) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"
