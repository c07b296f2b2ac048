"""The counting rules of the monitoring figures: their version, and where material sent out
counts (the recipient's kind). `docs/figures.md` defines every figure.

The version goes with every export and every day's sums: day sums made under older rules are
made again, and an export says by which rules it counted.
"""

from __future__ import annotations

from enum import StrEnum

from intake.errors import QT_TRANSLATE_NOOP, ValidationError

# 1: the rules before issue 14. 2: every kilo counted once (batches in, products' own kilos,
# recipients' kinds), rungs fixed when a step happens, visits with an item that stands, gate
# and store apart.
COUNTING_RULES = 2


class RecipientKind(StrEnum):
    """What a recipient of material does with it (BKN Monitor Kringloop's three kinds)."""

    REUSE = "reuse"
    RECYCLING = "recycling"
    RESIDUAL = "residual"


def parse_recipient_kind(text: str) -> RecipientKind:
    """A recipient's kind from its name in English ('reuse', 'recycling', 'residual')."""
    try:
        return RecipientKind(str(text).strip().lower())
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "'{text}' is not a kind of recipient: reuse, recycling "
                                        "or residual."),
            text=str(text)[:20],
        ) from None


# Words in a recipient's name that tell its likely kind, for a new recipient (the coordinator
# can change it); m014 gave the recipients already there their kind by the same words.
_RESIDUAL_WORDS = ("afval", "milieustraat", "verbrand")
_REUSE_WORDS = ("school", "college", "werkplaats", "kringloop")


def likely_recipient_kind(name: str) -> RecipientKind:
    """What a recipient of this name most likely does with material: waste separation is not
    reuse, a school's workshop is; recycling when the name does not tell."""
    folded = name.casefold()
    if any(word in folded for word in _RESIDUAL_WORDS):
        return RecipientKind.RESIDUAL
    if any(word in folded for word in _REUSE_WORDS):
        return RecipientKind.REUSE
    return RecipientKind.RECYCLING
