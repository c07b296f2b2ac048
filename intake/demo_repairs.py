"""The demo's repair records: a problem and a brand that fit the item's category (a bike is
never a Philips with a blown fuse), so that the workshop's choices, the most used in the
item's category, read true."""

from __future__ import annotations

import random

from intake.model import Category

BRANDS = {
    "bicycles": ("Gazelle", "Batavus", "Sparta", "Cortina"),
    "lamps": ("Philips", "Ikea", "Osram"),
    "eee_small": ("Philips", "Bosch", "Braun", "Tefal"),
    "eee_large": ("Bosch", "Siemens", "Miele", "Samsung"),
    "computers": ("HP", "Samsung", "Apple", "Lenovo", "Dell"),
    "furniture": ("Ikea", "Gispen"),
}
PROBLEMS = {
    "bicycles": ("Band lek", "Ketting los", "Remmen versleten", "Versnelling verstelt niet",
                 "Verlichting werkt niet"),
    "lamps": ("Snoer beschadigd", "Schakelaar defect", "Fitting los", "Stekker kapot"),
    "eee_small": ("Schakelaar defect", "Snoer beschadigd", "Zekering doorgebrand",
                  "Motor draait niet"),
    "eee_large": ("Lager versleten", "Pomp defect", "Deurrubber lekt", "Verwarmt niet"),
    "computers": ("Scherm gebarsten", "Accu houdt niet op", "Laadpoort kapot",
                  "Start niet op"),
    "furniture": ("Poot los", "Scharnier kapot", "Lade klemt", "Bekleding gescheurd"),
}
OTHER_PROBLEMS = ("Onderdeel los", "Onderdeel ontbreekt", "Scharnier kapot")
DRAWS_PROBLEM, DRAWS_BRAND = 8, 9  # the sizes the demo always drew from: the same seed, same year


def problem_and_brand(rng: random.Random, category: Category) -> tuple[str, str | None]:
    """A repair's problem and (for electrical items, and some others) brand, drawn as the
    demo always drew them, so that a seed still gives the same year."""
    problems = PROBLEMS.get(category.code, OTHER_PROBLEMS)
    problem = problems[rng.randrange(DRAWS_PROBLEM) % len(problems)]
    brands = BRANDS.get(category.code)
    brand_draw = (rng.randrange(DRAWS_BRAND)
                  if category.is_electrical or rng.random() < 0.3 else None)
    brand = brands[brand_draw % len(brands)] if brands and brand_draw is not None else None
    return problem, brand
