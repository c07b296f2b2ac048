"""The categories a new database starts with: the material streams of the starters' guide."""

from __future__ import annotations

from intake.model import Category

GUIDE_CO2_FACTOR = 1.1
GUIDE_CO2_SOURCE = (
    "Startersgids Circulaire Ambachtscentra: 1,1 kg CO2 minder per kg hergebruik (vuistregel)"
)


def _cat(
    order: int,
    code: str,
    name_nl: str,
    name_en: str,
    standard_kg: float,
    bounds_kg: tuple[float, float],
    *,
    price_eur: float | None = None,
    electrical: bool = False,
    ords: str = "",
) -> Category:
    return Category(
        code=code,
        name_nl=name_nl,
        name_en=name_en,
        icon=code,
        standard_weight_g=round(standard_kg * 1000),
        min_weight_g=round(bounds_kg[0] * 1000),
        max_weight_g=round(bounds_kg[1] * 1000),
        co2_factor=GUIDE_CO2_FACTOR,
        co2_source=GUIDE_CO2_SOURCE,
        is_electrical=electrical,
        sort_order=order,
        price_cents=None if price_eur is None else round(price_eur * 100),
        ords_category=ords,
    )


# Standard weights are typical single pieces; bounds catch a slipped digit (0,5 kg for a sofa)
# and ask the coach to confirm rather than refuse.
DEFAULT_CATEGORIES: tuple[Category, ...] = (
    _cat(10, "furniture", "Meubels", "Furniture", 15, (0.5, 250), price_eur=25),
    _cat(20, "bicycles", "Fietsen", "Bicycles", 15, (2, 60), price_eur=35),
    _cat(30, "textiles", "Textiel", "Textiles", 2, (0.05, 60), price_eur=3),
    _cat(40, "books", "Boeken", "Books", 0.5, (0.02, 40), price_eur=1),
    _cat(50, "toys", "Speelgoed", "Toys", 1, (0.02, 60), price_eur=2),
    _cat(60, "household", "Huishoudelijk", "Household goods", 1, (0.02, 40), price_eur=1.5),
    _cat(70, "wood", "Bouwmateriaal hout", "Building material: wood", 10, (0.1, 500)),
    _cat(80, "metal", "Bouwmateriaal metaal", "Building material: metal", 5, (0.1, 500)),
    _cat(90, "eee_small", "Klein elektrisch", "Small appliances", 2.5, (0.05, 25), price_eur=5,
         electrical=True, ords="Small home electrical"),
    _cat(100, "eee_large", "Groot elektrisch", "Large appliances", 40, (5, 250), price_eur=40,
         electrical=True, ords="Large home electrical"),
    # Laptops, phones, desktops and tablets are each their own ORDS product category: each
    # repair names it (no default, so none is reported as a desktop by mistake).
    _cat(
        110, "computers", "Computers en telefoons", "Computers and phones", 3, (0.05, 40),
        price_eur=25, electrical=True,
    ),
    _cat(120, "lamps", "Lampen", "Lamps", 1.5, (0.05, 30), price_eur=5,
         electrical=True, ords="Lamp"),
)

# The categories whose items are asked for a number for the police register at intake: a
# bike's frame number; a phone's IMEI or a computer's serial number.
DEFAULT_SERIALS: dict[str, str] = {"bicycles": "frame", "computers": "imei_serial"}

DEFAULT_SETTINGS: dict[str, str] = {
    "site_name": "Circulair Ambachtscentrum",
    "station": "A",
    "language": "nl",
    "label_language": "nl",
    "idle_logout_s": "120",
    "label_size": "62x29",
    "printer": "",  # empty: write label PDFs to the label folder
    "label_folder": "",  # empty: <data dir>/labels
    "labels_per_item": "1",
    "timezone": "Europe/Amsterdam",
}

# The EU re-use category (Commission Implementing Decision (EU) 2021/19) of each default
# category (`intake.eu_reuse`); any other category counts as "other products" until the
# coordinator maps it. Bicycles, books, toys and household goods are other products; lamps
# and the rest of the electrical categories are EEE.
DEFAULT_EU_CATEGORIES: dict[str, str] = {
    "furniture": "furniture", "textiles": "textiles", "wood": "construction",
    "metal": "construction", "eee_small": "eee", "eee_large": "eee", "computers": "eee",
    "lamps": "eee",
}
