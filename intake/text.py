"""Free text people type (names, reasons, a brand): one line of printable characters.

Every such text passes `one_line` before it is stored, so that a control character, a
right-to-left override or a zero-width space never reaches a label, a delivery note or a
report, and the same name typed with a composed or a decomposed accent is the same name.
"""

from __future__ import annotations

import unicodedata

from intake.errors import QT_TRANSLATE_NOOP, ValidationError

NAME_MAX = 40
# What a spreadsheet reads as the start of a formula (OWASP's CSV injection rule).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def one_line(text: object) -> str:
    """`text` with its runs of whitespace made single spaces, trimmed and NFC-normalised;
    refuses a text that still holds a character that cannot be printed."""
    cleaned = unicodedata.normalize("NFC", " ".join(str(text).split()))
    if not cleaned.isprintable():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Use letters, digits and punctuation only, no control characters."))
    return cleaned


def spreadsheet_safe(value: object) -> object:
    """`value` as a cell of a CSV file or a workbook that shows it and never runs it: text
    starting like a formula (=, +, -, @, tab, carriage return) gets a leading single quote,
    and a character that cannot be printed (stored by an older version or by hand) becomes
    '?'. Numbers and None pass unchanged."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_STARTS):
        value = "'" + value
    return "".join(ch if ch.isprintable() else "?" for ch in value)


def clean_name(text: object, limit: int = NAME_MAX) -> str:
    """A name (of a person, a category, a municipality, the site): 1 to `limit` characters."""
    cleaned = one_line(text)
    if not cleaned or len(cleaned) > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A name is 1 to {max} characters."), max=limit
        )
    return cleaned
