"""Item and visit codes: short, readable, unique across the stations of a site.

An item code is the station's letter and its sequence number, at least six digits: A000123.
Letters keep stations apart without them having to talk to each other; digits are what a
person reads aloud or types on the keypad when a label is torn.
"""

from __future__ import annotations

import re

from intake.errors import QT_TRANSLATE_NOOP, ValidationError

_ITEM_CODE = re.compile(r"[A-Z][0-9]{6,9}")
_STATION = re.compile(r"[A-Z]")


def item_code(station: str, seq: int) -> str:
    """The code of the station's `seq`-th item."""
    return f"{station}{seq:06d}"


def visit_code(station: str, seq: int) -> str:
    """The code of the station's `seq`-th visit: V, station letter, number (VA000017)."""
    return f"V{station}{seq:06d}"


def normalize_item_code(text: str) -> str:
    """An item code as typed or scanned, upper-cased and trimmed; refuses anything else."""
    code = text.strip().upper() if isinstance(text, str) else ""
    if not _ITEM_CODE.fullmatch(code):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "'{code}' is not an item code (like A000123)."),
            code=str(text).strip()[:24],
        )
    return code


def check_station(letter: str) -> str:
    """A station letter: one of A to Z."""
    cleaned = letter.strip().upper()
    if not _STATION.fullmatch(cleaned):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A station is one letter, A to Z."))
    return cleaned


def shipment_code(station: str, seq: int) -> str:
    """The number of a delivery note of material leaving the centre: U, station, number."""
    return f"U{station}{seq:06d}"
