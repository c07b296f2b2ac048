"""Drawing labels into a PDF with reportlab: big code, Code128 barcode, the item's facts.

Where each part goes is decided by `labels.geometry.lay_out`, which the ZPL printers share;
the barcode's bars are vector rectangles a whole number of 203 dpi dots wide.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from labels.geometry import THERMAL_DPI, bar_runs, font_name, lay_out
from labels.layout import (
    SHEET_CELL_MM,
    SHEET_COLUMNS,
    SHEET_ROWS,
    SHEET_TOP_MM,
    SIZES,
    LabelContent,
)


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
    layout = lay_out(label, width, height, THERMAL_DPI)
    for text in layout.texts:
        canvas.setFont(font_name(text), text.size)
        draw = canvas.drawRightString if text.right else canvas.drawString
        draw(x + text.x, y + text.baseline, text.text)
    bars = layout.bars
    canvas.setFillColorRGB(0, 0, 0)
    for first, count in bar_runs(bars.modules):
        canvas.rect(x + bars.left + first * bars.module, y + bars.bottom, count * bars.module,
                    bars.height, stroke=0, fill=1)
