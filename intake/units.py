"""Weights: grams inside, kg for people (money will follow the same rule: cents inside).

Parsing accepts what people type on a Dutch keypad ("12,5") as well as a dot ("12.5").
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from intake.errors import QT_TRANSLATE_NOOP, Grams, ValidationError

MAX_WEIGHT_G = 1_000_000  # 1000 kg: nothing heavier fits through the container door


def parse_kg(text: str) -> int:
    """Grams from a weight in kg as typed; refuses what is not a sensible positive number."""
    cleaned = text.strip().replace(",", ".") if isinstance(text, str) else ""
    if not cleaned:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter a weight in kg."))
    if len(cleaned) > 12 or not all(ch in "0123456789." for ch in cleaned) or (
        cleaned.count(".") > 1 or cleaned == "."
    ):
        # Decimal would also take "1e3", "NaN" or "-2"; a weight typed at the gate is none of those.
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "'{text}' is not a weight in kg."), text=text.strip()[:20]
        )
    try:
        grams = int((Decimal(cleaned) * 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except InvalidOperation as exc:  # pragma: no cover - the character check above prevents it
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "'{text}' is not a weight in kg."), text=text.strip()[:20]
        ) from exc
    check_weight_limits(grams)
    return grams


def check_weight_limits(grams: int) -> None:
    """The hard limits every weight obeys, whatever its category says."""
    if grams <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The weight must be more than 0 kg."))
    if grams > MAX_WEIGHT_G:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The weight can be at most {max}."),
            max=Grams(MAX_WEIGHT_G),
        )


def format_kg(grams: int, lang: str = "nl", *, estimated: bool = False) -> str:
    """'12,5 kg' in Dutch, '12.5 kg' in English; at most 3 decimals, no trailing zeros.

    An estimated weight (the category's standard weight) gets a leading '~'.
    """
    kg = (Decimal(grams) / 1000).normalize()
    text = f"{kg:f}"
    if lang == "nl":
        text = text.replace(".", ",")
    return f"{'~' if estimated else ''}{text} kg"

