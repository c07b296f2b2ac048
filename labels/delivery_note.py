"""The delivery note (*afleverbon*) that goes with material leaving the centre: an A4 PDF.

It lists every line with its code, kg per category and the total, and has room for both
signatures. Like a label it receives its texts ready in its language and knows no database.
Names (site, recipient, categories) are paragraphs in their table cells, so a long one wraps
inside its column (a long word is split) instead of running into the next column.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from labels.geometry import fonts

_WORDS = {
    "nl": {
        "title": "Afleverbon materiaal", "number": "Nummer", "date": "Datum",
        "recipient": "Afnemer", "from": "Van", "code": "Code", "category": "Categorie",
        "weight": "Gewicht", "per_category": "Per categorie", "total": "Totaal",
        "signed_from": "Handtekening afgever", "signed_to": "Handtekening afnemer",
        "lines": "Regels",
    },
    "en": {
        "title": "Material delivery note", "number": "Number", "date": "Date",
        "recipient": "Recipient", "from": "From", "code": "Code", "category": "Category",
        "weight": "Weight", "per_category": "Per category", "total": "Total",
        "signed_from": "Signature (handed over)", "signed_to": "Signature (received)",
        "lines": "Lines",
    },
}


@dataclass(frozen=True)
class NoteLine:
    """One line: an item's code, category and weight, as printed."""

    code: str
    category: str
    weight: str


@dataclass(frozen=True)
class DeliveryNote:
    """Everything a delivery note says, already in its language."""

    lang: str
    site: str
    number: str
    recipient: str
    date: str
    lines: list[NoteLine]
    totals: list[tuple[str, str]]  # (category, weight)
    total: str


def render_delivery_note(note: DeliveryNote) -> bytes:
    """The note as PDF bytes; long notes run over several pages with the header repeated."""
    words = _WORDS.get(note.lang, _WORDS["nl"])
    regular, bold = fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13)
    title = ParagraphStyle("title", parent=body, fontName=bold, fontSize=18, leading=22)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=12, leading=16)
    fact = ParagraphStyle("fact", parent=body, fontSize=11, leading=14)

    def name(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text), style)  # a name is text, never paragraph markup

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
        bottomMargin=18 * mm, title=f"{words['title']} {note.number}", invariant=True,
    )
    facts = Table(
        [[words["number"], note.number], [words["date"], note.date],
         [words["from"], name(note.site, fact)], [words["recipient"], name(note.recipient, fact)]],
        colWidths=[35 * mm, 135 * mm],
    )
    facts.setStyle(TableStyle([
        ("FONT", (0, 0), (0, -1), bold, 11), ("FONT", (1, 0), (1, -1), regular, 11),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4), ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    totals = Table(
        [[words["category"], words["weight"]], *[[name(category), weight]
                                                 for category, weight in note.totals],
         [words["total"], note.total]],
        colWidths=[120 * mm, 50 * mm],
    )
    totals.setStyle(_grid(regular, bold, last_bold=True))
    lines = Table(
        [[words["code"], words["category"], words["weight"]],
         *[[line.code, name(line.category), line.weight] for line in note.lines]],
        colWidths=[40 * mm, 90 * mm, 40 * mm], repeatRows=1,
    )
    lines.setStyle(_grid(regular, bold))
    signatures = Table(
        [[words["signed_from"], words["signed_to"]], ["", ""]],
        colWidths=[85 * mm, 85 * mm], rowHeights=[8 * mm, 22 * mm],
    )
    signatures.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), regular, 10),
        ("LINEBELOW", (0, 1), (-1, 1), 0.8, colors.black),
    ]))
    doc.build([
        Paragraph(words["title"], title), Spacer(1, 4 * mm), facts, Spacer(1, 6 * mm),
        Paragraph(words["per_category"], heading), totals, Spacer(1, 6 * mm),
        signatures, Spacer(1, 8 * mm),
        Paragraph(f"{words['lines']} ({len(note.lines)})", heading), lines,
    ])
    return out.getvalue()


def _grid(regular: str, bold: str, *, last_bold: bool = False) -> TableStyle:
    style = [
        ("FONT", (0, 0), (-1, 0), bold, 10), ("FONT", (0, 1), (-1, -1), regular, 10),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("ALIGN", (-1, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f0f0f0")]),
    ]
    if last_bold:
        style += [("FONT", (0, -1), (-1, -1), bold, 10),
                  ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black)]
    return TableStyle(style)
