"""Where everything on a label goes: one layout for the PDF and for ZPL printers alike.

`lay_out` places the texts and the barcode of one label in a box, in points from the box's
lower-left corner. The layout scales with the label's height, so one layout serves every size;
texts that do not fit shrink (the code and the weight to 60%, names to 75%), then end in an
ellipsis, so that no text ever runs off the label or into its neighbour. The barcode's
module width is a whole number of dots of the printer's head, so that every bar prints at its
true width.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import barcode
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from labels.layout import LabelContent

THERMAL_DPI = 203  # the usual thermal head: 8 dots per mm
QUIET_MODULES = 10  # blank modules either side of the bars, as Code128 requires
MAX_MODULE_MM = 0.5  # wider bars only waste room: every scanner reads 0.5 mm modules
NAME_SHRINK = 0.75  # how small a long name may get before it is cut
# Where DejaVu Sans is installed: Debian/Ubuntu (fonts-dejavu-core), Fedora, Arch, Alpine,
# macOS and Windows when a user installed it.
_FONT_DIRS = tuple(Path(folder) for folder in (
    "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu", "/Library/Fonts", "C:/Windows/Fonts"))


@cache
def fonts() -> tuple[str, str]:
    """(regular, bold) font names: DejaVu Sans when the system has it (Latin, Greek,
    Cyrillic and most symbols: Ærø Škoda ğ ł € ½), else Bitstream Vera, which ships inside
    reportlab (Western European letters only), so a label never depends on the machine."""
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


@dataclass(frozen=True)
class Text:
    """One line of text: `x` is its left end, or its right end when `right` is true."""

    text: str
    x: float
    baseline: float
    size: float  # font size in points
    bold: bool
    right: bool = False


@dataclass(frozen=True)
class Bars:
    """The Code128 barcode: its modules, left end, bottom, height and module width."""

    code: str
    modules: str
    left: float
    bottom: float
    height: float
    dots: int  # module width in dots of the printer's head
    dpi: int

    @property
    def module(self) -> float:
        """The module width in points."""
        return self.dots * 72 / self.dpi


@dataclass(frozen=True)
class Layout:
    """A label laid out in a box of `width` x `height` points."""

    width: float
    height: float
    texts: tuple[Text, ...]
    bars: Bars


def lay_out(label: LabelContent, width: float, height: float, dpi: int = THERMAL_DPI) -> Layout:
    """Place `label` in a box of `width` x `height` points, bars snapped to `dpi`."""
    regular, bold = fonts()
    pad = max(1.5 * mm, 0.06 * height)
    left, right = pad, width - pad
    inner = right - left
    top = height - pad

    # Row 1: the code, the largest text, with the weight at the right.
    weight, weight_size = _fit(label.weight, bold, height * 0.12, inner * 0.4)
    code, code_size = _fit(label.code, bold, height * 0.2,
                           inner - _width(weight, bold, weight_size) - 2 * mm)
    baseline = top - code_size * 0.78
    texts = [Text(code, left, baseline, code_size, True),
             Text(weight, right, baseline, weight_size, True, right=True)]

    # Row 2: category at the left, route (or price, larger) at the right.
    info_size = height * 0.105
    right_text, route_size = _fit(label.price or label.route, bold,
                                  info_size * (1.5 if label.price else 1), inner * 0.45)
    route_width = _width(right_text, bold, route_size)
    baseline -= info_size * 1.2
    category, category_size = _fit(label.category, regular, info_size,
                                   inner - route_width - 2 * mm, NAME_SHRINK)
    texts += [Text(category, left, baseline, category_size, False),
              Text(right_text, right, baseline, route_size, True, right=True)]

    # Bottom row: date and site, small.
    small = height * 0.075
    bottom = pad
    date, date_size = _fit(label.date, regular, small, inner * 0.4)
    site, site_size = _fit(label.site, regular, small,
                           inner - _width(date, regular, date_size) - 2 * mm, NAME_SHRINK)
    texts += [Text(site, left, bottom, site_size, False),
              Text(date, right, bottom, date_size, False, right=True)]

    # The barcode fills what is left between row 2 and the bottom row, centred.
    bar_top = baseline - info_size * 0.45
    bar_bottom = bottom + small * 1.15
    modules = code128_modules(label.code)
    dot = 72 / dpi
    fitting = int((width - 2 * pad) / ((len(modules) + 2 * QUIET_MODULES) * dot))
    dots = max(1, min(fitting, round(MAX_MODULE_MM * dpi / 25.4)))
    bars = Bars(label.code, modules, width / 2 - len(modules) * dots * dot / 2, bar_bottom,
                bar_top - bar_bottom, dots, dpi)
    return Layout(width, height, tuple(texts), bars)


def bar_runs(modules: str) -> list[tuple[int, int]]:
    """(first module, number of modules) of each bar, left to right."""
    runs, start = [], None
    for index, bit in enumerate(modules + "0"):
        if bit == "1" and start is None:
            start = index
        elif bit == "0" and start is not None:
            runs.append((start, index - start))
            start = None
    return runs


def font_name(text: Text) -> str:
    regular, bold = fonts()
    return bold if text.bold else regular


def _width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def _fit(text: str, font: str, size: float, max_width: float,
         least: float = 0.6) -> tuple[str, float]:
    """`text` and its font size: `size`, or smaller (down to `least` of it) so that it fits
    in `max_width`; what still does not fit is cut with an ellipsis."""
    width = _width(text, font, size)
    if width > max_width > 0:
        size = max(size * least, size * max_width / width)
    return _clip(text, font, size, max_width), size


def _clip(text: str, font: str, size: float, max_width: float) -> str:
    """`text`, cut with an ellipsis where it would run past `max_width`."""
    if _width(text, font, size) <= max_width + 0.01:  # a text shrunk to fit, give or take
        return text
    while text and _width(text + "…", font, size) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"
