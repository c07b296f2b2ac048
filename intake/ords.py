"""The Open Repair Data Standard (ORDS v0.3) code lists that repair records are kept in.

The Repair Monitor of the Repair Café foundation and the Open Repair Alliance read repair data
in these terms; keeping them from the start means an export needs no guessing later. ORDS covers
powered products (EEE); unpowered goods (furniture, bicycles, textiles) have no ORDS product
category: ORDS counts their repairs per unpowered product type (`unpowered_category`).
"""

from __future__ import annotations

from intake.errors import QT_TRANSLATE_NOOP, ValidationError
from intake.model import Barrier, Category, RepairStatus

# ORDS v0.3 product categories with their identifiers, spelled as the Open Repair Alliance's
# list spells them (openrepair/data, aggregated/202110/OpenRepairData_v0.3_Product_Categories.csv);
# the files keep these names, the screens show them translated (context "Ords").
PRODUCT_CATEGORIES: dict[str, int] = {
    name: number
    for number, name in enumerate(
        (
            QT_TRANSLATE_NOOP("Ords", "Aircon / dehumidifier"),
            QT_TRANSLATE_NOOP("Ords", "Battery / charger / adapter"),
            QT_TRANSLATE_NOOP("Ords", "Decorative or safety lights"),
            QT_TRANSLATE_NOOP("Ords", "Desktop computer"),
            QT_TRANSLATE_NOOP("Ords", "Digital compact camera"),
            QT_TRANSLATE_NOOP("Ords", "DSLR / video camera"),
            QT_TRANSLATE_NOOP("Ords", "Fan"),
            QT_TRANSLATE_NOOP("Ords", "Flat screen"),
            QT_TRANSLATE_NOOP("Ords", "Hair & beauty item"),
            QT_TRANSLATE_NOOP("Ords", "Handheld entertainment device"),
            QT_TRANSLATE_NOOP("Ords", "Headphones"),
            QT_TRANSLATE_NOOP("Ords", "Hi-Fi integrated"),
            QT_TRANSLATE_NOOP("Ords", "Hi-Fi separates"),
            QT_TRANSLATE_NOOP("Ords", "Kettle"),
            QT_TRANSLATE_NOOP("Ords", "Lamp"),
            QT_TRANSLATE_NOOP("Ords", "Laptop"),
            QT_TRANSLATE_NOOP("Ords", "Large home electrical"),
            QT_TRANSLATE_NOOP("Ords", "Misc"),
            QT_TRANSLATE_NOOP("Ords", "Mobile"),
            QT_TRANSLATE_NOOP("Ords", "Musical instrument"),
            QT_TRANSLATE_NOOP("Ords", "Paper shredder"),
            QT_TRANSLATE_NOOP("Ords", "PC Accessory"),
            QT_TRANSLATE_NOOP("Ords", "Portable radio"),
            QT_TRANSLATE_NOOP("Ords", "Power tool"),
            QT_TRANSLATE_NOOP("Ords", "Printer / scanner"),
            QT_TRANSLATE_NOOP("Ords", "Projector"),
            QT_TRANSLATE_NOOP("Ords", "Sewing machine"),
            QT_TRANSLATE_NOOP("Ords", "Small home electrical"),
            QT_TRANSLATE_NOOP("Ords", "Small kitchen item"),
            QT_TRANSLATE_NOOP("Ords", "Tablet"),
            QT_TRANSLATE_NOOP("Ords", "Toaster"),
            QT_TRANSLATE_NOOP("Ords", "Toy"),
            QT_TRANSLATE_NOOP("Ords", "TV and gaming-related accessories"),
            QT_TRANSLATE_NOOP("Ords", "Vacuum"),
            QT_TRANSLATE_NOOP("Ords", "Watch / clock"),
            QT_TRANSLATE_NOOP("Ords", "Coffee Maker"),
            QT_TRANSLATE_NOOP("Ords", "Food processor"),
            QT_TRANSLATE_NOOP("Ords", "Games console"),
            QT_TRANSLATE_NOOP("Ords", "Hair dryer"),
            QT_TRANSLATE_NOOP("Ords", "Iron"),
        ),
        start=1,
    )
}

# Repair status: ORDS code and text.
REPAIR_STATUS: dict[RepairStatus, tuple[int, str]] = {
    RepairStatus.FIXED: (1, "Fixed"),
    RepairStatus.REPAIRABLE: (2, "Repairable"),
    RepairStatus.END_OF_LIFE: (3, "End of life"),
}

# Repair barrier (only with 'End of life'): ORDS code and the code list's text, word for word
# (the table schema's enum for `repair_barrier_if_end_of_life`).
BARRIERS: dict[Barrier, tuple[int, str]] = {
    Barrier.SPARE_PARTS_NOT_AVAILABLE: (1, "Spare parts not available"),
    Barrier.SPARE_PARTS_TOO_EXPENSIVE: (2, "Spare parts too expensive"),
    Barrier.NO_WAY_TO_OPEN: (3, "No way to open product"),
    Barrier.REPAIR_INFO_NOT_AVAILABLE: (4, "Repair information not available"),
    Barrier.LACK_OF_EQUIPMENT: (5, "Lack of equipment"),
    Barrier.TOO_WORN_OUT: (6, "Too worn out"),
}

# Older wordings still understood as typed: ORDS's earlier "Item too worn out" and the texts
# an earlier Ambacht wrote into its export.
_OLDER_BARRIER_TEXTS: dict[Barrier, tuple[str, ...]] = {
    Barrier.NO_WAY_TO_OPEN: ("No way to open the product",),
    Barrier.TOO_WORN_OUT: ("Item too worn out", "Product too worn out"),
}

# The default categories that are one of ORDS's unpowered product types, spelled as its summary
# of unpowered repairs spells them (openrepair/data, aggregated/202507/
# OpenRepairData_v0.3_unpowered_202507.csv: Bicycle, Furniture, Household, Jewellery, Other,
# Textile); any other category's repairs count as "Unpowered - Other".
_UNPOWERED_OF = {
    "bicycles": "Unpowered - Bicycle", "furniture": "Unpowered - Furniture",
    "household": "Unpowered - Household", "textiles": "Unpowered - Textile",
}


def unpowered_category(category: str) -> str:
    """The ORDS unpowered product type of a category's repairs, by the category's code."""
    return _UNPOWERED_OF.get(category, "Unpowered - Other")


def powered(category: Category) -> bool:
    """Whether ORDS covers this category's items: electrical, or mapped by the coordinator
    to one of its product categories."""
    return category.is_electrical or bool(category.ords_category)


def _key(text: str) -> str:
    """A name as compared: case, spaces, hyphens, underscores and slashes do not matter; any
    other character does, so that 'fixed; --' is no repair status."""
    return "".join(ch for ch in text.casefold() if ch not in " -_/")


def parse_repair_status(text: str | RepairStatus) -> RepairStatus:
    """A repair status from our code, the ORDS text or number ('end-of-life', 'End of life', 3)."""
    wanted = _key(str(text))
    for status, (number, name) in REPAIR_STATUS.items():
        if wanted in (_key(status.value), _key(name), str(number)):
            return status
    raise ValidationError(
        QT_TRANSLATE_NOOP(
            "Errors", "Unknown repair status '{status}'. Use fixed, repairable or end-of-life."
        ),
        status=str(text)[:30],
    )


def parse_barrier(text: str | Barrier) -> Barrier:
    """A repair barrier from its ORDS number (1 to 6), the code list's text ('No way to open
    product'), an older wording ('Item too worn out') or our short name ('no-way-to-open')."""
    wanted = _key(str(text))
    for barrier, (number, name) in BARRIERS.items():
        older = _OLDER_BARRIER_TEXTS.get(barrier, ())
        if wanted in (_key(barrier.value), _key(name), str(number), *map(_key, older)):
            return barrier
    raise ValidationError(
        QT_TRANSLATE_NOOP("Errors", "Unknown repair barrier '{barrier}'. Use its number, short "
                          "name or text: {known}."),
        barrier=str(text)[:40],
        known=", ".join(f"{number} {barrier.value.replace('_', '-')} ({name})"
                        for barrier, (number, name) in BARRIERS.items()),
    )


def product_category(name: str) -> str | None:
    """The ORDS product category `name` stands for, as the list spells it ('pc accessory',
    'Printer/scanner' as an older Ambacht wrote it); None for none or an unknown name."""
    wanted = _key(name)
    return next((known for known in PRODUCT_CATEGORIES if _key(known) == wanted), None)


def check_product_category(name: str) -> str:
    """An ORDS product category name as the standard spells it, or '' for none."""
    if not name.strip():
        return ""
    known = product_category(name)
    if known is not None:
        return known
    raise ValidationError(
        QT_TRANSLATE_NOOP("Errors", "'{name}' is not an ORDS product category."),
        name=name[:40],
    )
