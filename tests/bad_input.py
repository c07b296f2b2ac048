"""What the bad-input tests share (`test_bad_input*.py`): the odd values, the codes a scanner
may hand any screen, a dump of every table to compare before and after, and the Dutch
check of a refusal."""

from __future__ import annotations

import math
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QTranslator

from intake.errors import AmbachtError, NotFound, ValidationError
from ui.i18n import I18N_DIR

ROOT = Path(__file__).resolve().parents[1]
NAN, INF = math.nan, math.inf
HUGE = "x" * 10_000
SQL = "A000001'; DROP TABLE items;--"
FULLWIDTH = "Ａ０００００１"  # A000001 in fullwidth letters and digits
NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def dump(db: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table: what 'nothing changed' is checked against."""
    tables = [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {table: db.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()  # noqa: S608
            for table in tables}


def dutch() -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(I18N_DIR / "ambacht_nl.qm"))
    return translator


NL = dutch()


def assert_translated(error: AmbachtError) -> None:
    """The refusal has a Dutch message of its own, which fills in without a gap."""
    text = NL.translate("Errors", error.template)
    assert text and text != error.template, error.template
    shown = error.render(lambda source: NL.translate("Errors", source), lambda g: f"{g} g")
    assert shown.isprintable() and "{" not in shown, shown


# Codes as a scanner (or a person at the keypad) may hand them to any screen.
CODES: list[tuple[str, type[AmbachtError]]] = [
    ("", ValidationError),
    ("   ", ValidationError),
    ("A00001", ValidationError),  # too short
    ("A0000000001", ValidationError),  # too long
    ("Z000001", NotFound),  # another station's code, not known here
    ("A999999", NotFound),
    (SQL, ValidationError),
    (FULLWIDTH, ValidationError),
    ("A00\x000001", ValidationError),
    ("\x1b[2JA000001", ValidationError),
    ("A000001\r\nA000002", ValidationError),
    ("VA000001", ValidationError),  # a visit's code
    ("UA000001", ValidationError),  # a delivery note's number
    ("A" * 10_000, ValidationError),  # a scanner gone wild
]

