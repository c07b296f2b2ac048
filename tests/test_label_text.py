"""Labels and delivery notes with any name (issue 11, point 5): letters beyond ASCII that the
bundled font covers are printed, long names shrink or are cut (labels) or wrap (delivery
notes), and no word ever lies outside its label or on top of another word.

Every check reads the real PDF back: word boxes with `pdftotext -bbox` (poppler), barcodes at
203 dpi with zxing-cpp (labelcheck.py).
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from labelcheck import decode_pdf

from labels.delivery_note import DeliveryNote, NoteLine, render_delivery_note
from labels.geometry import fonts
from labels.layout import SHEET_CELL_MM, SHEET_COLUMNS, SHEET_TOP_MM, SIZES, LabelContent
from labels.render import render_pdf

MM = 72 / 25.4
ACCENTS = "Ærø Škoda ğ ł € ½"
LONG_NAME = "Grote elektrische huishoudapparaten en"  # 38 of the 40 a name may have
LONG_SITE = "Stichting Circulair Ambachtscentrum Ærø Škoda Zwolle-Noord"  # 58 of 60
ONE_WORD = "Grondstoffenverwerkingsbedrijfsonderdeel"  # 40 letters, no space to break at


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float  # from the top of the page, as poppler gives it
    x1: float
    y1: float


def words(pdf: Path) -> list[tuple[float, float, list[Word]]]:
    """(width, height, words) of each page."""
    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                           capture_output=True, text=True).stdout
    pages = []
    for page in re.findall(r"<page (.*?)</page>", xhtml, re.S):
        width, height = map(float, re.findall(r'(?:width|height)="([\d.]+)"', page)[:2])
        found = [Word(html.unescape(text), *map(float, box)) for *box, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
            page)]
        pages.append((width, height, found))
    return pages


def inside(word: Word, box: tuple[float, float, float, float], slack: float = 0.5) -> bool:
    x0, y0, x1, y1 = box
    return (word.x0 >= x0 - slack and word.y0 >= y0 - slack and word.x1 <= x1 + slack
            and word.y1 <= y1 + slack)


def assert_apart(found: list[Word]) -> None:
    """No two words overlap: a word's box runs from its font's ascent to its descent, a
    quarter of a line below the baseline where no capital or digit reaches, so the boxes of
    two rows may overlap that much; words on one row never meet."""
    for index, a in enumerate(found):
        for b in found[index + 1:]:
            overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0)
            overlap_y = min(a.y1, b.y1) - max(a.y0, b.y0)
            line = min(a.y1 - a.y0, b.y1 - b.y0)
            assert overlap_x <= 0.5 or overlap_y <= line / 4, (a, b)


def label_boxes(size: str, width: float, height: float) -> list[tuple[float, float, float,
                                                                          float]]:
    """Each label's box on a page: the page itself, or the cells of the A4 sheet."""
    if size != "a4":
        return [(0, 0, width, height)]
    cell_w, cell_h = SHEET_CELL_MM[0] * MM, SHEET_CELL_MM[1] * MM
    rows = int((height - SHEET_TOP_MM * MM) // cell_h)
    return [(column * cell_w, SHEET_TOP_MM * MM + row * cell_h, (column + 1) * cell_w,
             SHEET_TOP_MM * MM + (row + 1) * cell_h)
            for row in range(rows) for column in range(SHEET_COLUMNS)]


LABELS = [
    LabelContent("A000101", ACCENTS, "12,5 kg", "Reparatie", "01-12-2026", ACCENTS),
    LabelContent("A000102", LONG_NAME, "~1234,5 kg", "Materiaal", "01-12-2026", LONG_SITE),
    LabelContent("A000103", ONE_WORD, "0,1 kg", "Verkoop", "01-12-2026", ONE_WORD + ONE_WORD,
                 price="€ 1.234,50"),
    LabelContent("A000104", "Ab", "3 kg", "Verkoop", "01-12-2026", "Oss"),
]


@pytest.mark.parametrize("size", list(SIZES))
def test_labels_keep_every_word_on_the_label_and_still_scan(tmp_path: Path, size: str) -> None:
    pdf = tmp_path / f"{size}.pdf"
    pdf.write_bytes(render_pdf(LABELS, size))
    pages = words(pdf)
    everything = [word for *_, found in pages for word in found]
    for width, height, found in pages:
        boxes = label_boxes(size, width, height)
        for word in found:
            assert any(inside(word, box) for box in boxes), (size, word)
        assert_apart(found)
    text = " ".join(word.text for word in everything)
    for part in ACCENTS.split():  # DejaVu Sans has them all; each is printed, not a box
        assert text.count(part) >= 2, (size, part, text)
    for label in LABELS:
        assert label.code in text and label.weight in text
    assert "Grote elektrische" in text and "Stichting Circulair" in text
    assert "…" in text  # the 40 letters without a space are cut, with an ellipsis
    assert [code for code, _ in decode_pdf(pdf)] == [label.code for label in LABELS]


def test_the_label_font_covers_the_letters(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics

    regular, _ = fonts()
    face = pdfmetrics.getFont(regular).face
    if not Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists():
        pytest.skip("fonts-dejavu-core is not installed: labels fall back to Vera")
    assert all(ord(ch) in face.charToGlyph for ch in ACCENTS.replace(" ", ""))


def test_the_delivery_note_wraps_long_names_inside_its_columns(tmp_path: Path) -> None:
    recipient = f"Stichting {ACCENTS} Recycling & <Noord> {LONG_NAME} {ONE_WORD}{ONE_WORD}"
    category = f"{LONG_NAME} {ONE_WORD}"
    note = DeliveryNote(
        "nl", LONG_SITE + " " + LONG_SITE, "UA000001", recipient, "2026-12-01",
        [NoteLine(f"A{n:06d}", category, "12,5 kg") for n in range(1, 41)],
        [(category, "500 kg"), (ACCENTS, "0 kg")], "500 kg",
    )
    pdf = tmp_path / "note.pdf"
    pdf.write_bytes(render_delivery_note(note))
    pages = words(pdf)
    assert len(pages) >= 2  # forty lines run over
    for width, height, found in pages:
        margin = 20 * MM  # the note's left and right margins
        for word in found:
            assert inside(word, (margin, 0, width - margin, height)), word
        assert_apart(found)
    text = " ".join(word.text for *_, found in pages for word in found)
    for part in [*ACCENTS.split(), "&", "<Noord>", "Stichting", "Grote"]:
        assert part in text, part
    # The long word is split across lines, all its letters kept, before the weight column.
    assert text.replace(" ", "").count(ONE_WORD * 2) >= 1
