"""Label sizes and the content of one label."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelSize:
    """A label stock: its page size (the settings screen names it in the user's language)."""

    key: str
    width_mm: float
    height_mm: float


SIZES: dict[str, LabelSize] = {
    size.key: size
    for size in (
        LabelSize("62x29", 62, 29),  # Brother QL: 62 mm continuous roll, cut at 29 mm
        LabelSize("57x32", 57, 32),
        LabelSize("102x51", 102, 51),  # 4-inch Zebra / Dymo
        LabelSize("a4", 210, 297),  # A4 sheet of 3 x 8 labels of 70 x 37 mm
    )
}
DEFAULT_SIZE = "62x29"

# The A4 sheet: 3 columns x 8 rows of 70 x 37 mm (e.g. Avery 3474), 0.5 mm top margin.
SHEET_COLUMNS, SHEET_ROWS = 3, 8
SHEET_CELL_MM = (70.0, 37.0)
SHEET_TOP_MM = 0.5


@dataclass(frozen=True)
class LabelContent:
    """What one label says; every text is already in the label's language."""

    code: str  # the item code, encoded in the barcode (ASCII letters and digits)
    category: str
    weight: str
    route: str
    date: str
    site: str
    price: str = ""  # a price label shows the price where the route would be
