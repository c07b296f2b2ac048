"""Reading printed labels back the way a scanner would: PDF -> 203 dpi PNG -> zxing-cpp."""

from __future__ import annotations

import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image

THERMAL_DPI = 203


def decode_pdf(pdf: Path) -> list[tuple[str, str]]:
    """(text, format) of every barcode on every page of `pdf`, page by page, top to bottom."""
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(THERMAL_DPI), "-png", str(pdf), str(prefix)],
                   check=True)
    found: list[tuple[str, str]] = []
    for page in sorted(pdf.parent.glob(f"{prefix.name}-*.png")):
        with Image.open(page) as image:
            results = zxingcpp.read_barcodes(image)
        results.sort(key=lambda r: (r.position.top_left.y // 20, r.position.top_left.x))
        found += [(r.text, r.format.name) for r in results]
    return found


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
