"""Weights as people type and read them."""

import pytest

from intake.errors import ValidationError
from intake.units import format_kg, format_number, parse_kg


@pytest.mark.parametrize(
    ("text", "grams"),
    [("12,5", 12_500), ("12.5", 12_500), (" 3 ", 3_000), ("0,001", 1), ("1000", 1_000_000),
     ("0.0005", 1), ("7,", 7_000), (",5", 500)],
)
def test_parse_kg_accepts_what_people_type(text: str, grams: int) -> None:
    assert parse_kg(text) == grams


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("", "Enter a weight"), ("abc", "is not a weight"), ("-2", "is not a weight"),
     ("1e3", "is not a weight"), ("NaN", "is not a weight"), ("1,2,3", "is not a weight"),
     ("0", "more than 0"), ("0,0004", "more than 0"), ("1000,001", "at most 1000 kg"),
     ("٣", "is not a weight"), ("12\x00", "is not a weight"), ("99999999999999", "not a weight")],
)
def test_parse_kg_refuses_nonsense_with_a_clear_message(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_kg(text)
    assert fragment in str(caught.value)


def test_format_kg_in_both_languages() -> None:
    assert format_kg(12_500) == "12,5 kg"
    assert format_kg(12_500, "en") == "12.5 kg"
    assert format_kg(15_000, estimated=True) == "~15 kg"
    assert format_kg(1) == "0,001 kg"
    # Thousands marked as each language writes them (issue 15: "34.311,74 kg", never
    # "34311,74 kg" beside "30.813 kg").
    assert format_kg(34_311_740) == "34.311,74 kg"
    assert format_kg(34_311_740, "en") == "34,311.74 kg"
    assert format_kg(10_000_000) == "10.000 kg"



def test_figures_take_the_languages_marks() -> None:
    """The charts wrote "1.980 kg" and "87.810 / 100.000" in the English app."""
    from ui.screens.dashboard_parts import kg_text, out_of

    assert format_number(87810, "nl") == "87.810" and format_number(87810, "en") == "87,810"
    assert format_number(1234.56, "nl", 1) == "1.234,6"
    assert format_number(1234.56, "en", 1) == "1,234.6"
    assert kg_text(1_980_400, "en") == "1,980 kg" and kg_text(1_980_400, "nl") == "1.980 kg"
    assert out_of(87810, 100000, "en") == "87,810 / 100,000"
    assert out_of(87810, 100000, "nl") == "87.810 / 100.000"
