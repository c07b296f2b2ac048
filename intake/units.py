"""Weights and money: grams and cents inside, kg and euros for people.

Parsing accepts what people type on a Dutch keypad ("12,5") as well as a dot ("12.5").
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from intake.errors import QT_TRANSLATE_NOOP, Grams, ValidationError

MAX_WEIGHT_G = 1_000_000  # 1000 kg: nothing heavier fits through the container door
MAX_PRICE_CENTS = 1_000_000  # EUR 10,000: far above anything a thrift store sells


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


def is_whole(value: object) -> bool:
    """Whether `value` is an int (not a bool): NaN, 2.5 or True are no number of grams."""
    return isinstance(value, int) and not isinstance(value, bool)


def check_weight_limits(grams: int) -> None:
    """The hard limits every weight obeys, whatever its category says."""
    if not is_whole(grams):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A weight is a whole number of grams."))
    if grams <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The weight must be more than 0 kg."))
    if grams > MAX_WEIGHT_G:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The weight can be at most {max}."),
            max=Grams(MAX_WEIGHT_G),
        )


def format_number(value: float, lang: str = "nl", decimals: int = 0) -> str:
    """'87.810' or '1,5' in Dutch, '87,810' or '1.5' in English: a figure (a count, a pace,
    a target) with the thousands and decimal marks of the language."""
    text = f"{value:,.{decimals}f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "nl" else text


def format_kg(grams: int, lang: str = "nl", *, estimated: bool = False) -> str:
    """'34.311,74 kg' in Dutch, '34,311.74 kg' in English: at most 3 decimals, no trailing
    zeros, thousands marked as each language writes them.

    An estimated weight (the category's standard weight) gets a leading '~'.
    """
    kg = (Decimal(abs(grams)) / 1000).normalize()
    whole, _, fraction = f"{kg:f}".partition(".")
    thousands, point = (".", ",") if lang == "nl" else (",", ".")
    text = f"{int(whole):,}".replace(",", thousands) + (point + fraction if fraction else "")
    return f"{'~' if estimated else ''}{'-' if grams < 0 else ''}{text} kg"


def parse_eur(text: str) -> int:
    """Cents from an amount in euros as typed ("12,50", "12.5", "3"); 0 (given away) is fine."""
    cleaned = text.strip().replace(",", ".") if isinstance(text, str) else ""
    cleaned = cleaned.removeprefix("€").strip()
    whole, _, fraction = cleaned.partition(".")
    if (
        not cleaned or len(cleaned) > 12 or not (whole + fraction).isdigit()
        or not (whole + fraction).isascii() or len(fraction) > 2 or cleaned.count(".") > 1
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "'{text}' is not an amount in euros."),
            text=str(text).strip()[:20],
        )
    cents = int(whole or "0") * 100 + int(fraction.ljust(2, "0") or "0")
    check_price(cents)
    return cents


def check_price(cents: int) -> None:
    """A price is whole cents between EUR 0 (given away) and the hard maximum."""
    if not is_whole(cents) or cents < 0 or cents > MAX_PRICE_CENTS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A price is between 0 and {max} euros."),
            max=MAX_PRICE_CENTS // 100,
        )


def euro_sign(lang: str = "nl") -> str:
    """What stands before an amount: '€ ' in Dutch, '€' in English (also before one being
    typed, so that a keypad shows money as `format_eur` writes it)."""
    return "€ " if lang == "nl" else "€"


def format_eur(cents: int, lang: str = "nl") -> str:
    """'€ 12,50' in Dutch, '€12.50' in English, as each language writes money."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    if lang == "nl":
        return f"{sign}{euro_sign(lang)}{euros:,}".replace(",", ".") + f",{rest:02d}"
    return f"{sign}{euro_sign(lang)}{euros:,}.{rest:02d}"
