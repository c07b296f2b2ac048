"""The Open Repair Data Standard (ORDS v0.3) code lists that repair records are kept in.

The Repair Monitor of the Repair Café foundation and the Open Repair Alliance read repair data
in these terms; keeping them from the start means an export needs no guessing later. ORDS covers
powered products (EEE); unpowered goods (furniture, bicycles, textiles) have no ORDS product
category, so their records carry only our own category as `partner_product_category`.
"""

from __future__ import annotations

from intake.errors import QT_TRANSLATE_NOOP, ValidationError
from intake.model import Barrier, RepairStatus

# ORDS v0.3 product categories with their identifiers.
PRODUCT_CATEGORIES: dict[str, int] = {
    name: number
    for number, name in enumerate(
        (
            "Aircon/dehumidifier", "Battery/charger/adapter", "Decorative or safety lights",
            "Desktop computer", "Digital compact camera", "DSLR/video camera", "Fan",
            "Flat screen", "Hair & beauty item", "Handheld entertainment device", "Headphones",
            "Hi-Fi integrated", "Hi-Fi separates", "Kettle", "Lamp", "Laptop",
            "Large home electrical", "Misc", "Mobile", "Musical instrument", "Paper shredder",
            "PC accessory", "Portable radio", "Power tool", "Printer/scanner", "Projector",
            "Sewing machine", "Small home electrical", "Small kitchen item", "Tablet", "Toaster",
            "Toy", "TV and gaming-related accessories", "Vacuum", "Watch/clock", "Coffee maker",
            "Food processor", "Games console", "Hair dryer", "Iron",
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

# Repair barrier (only with 'End of life'): ORDS code and text.
BARRIERS: dict[Barrier, tuple[int, str]] = {
    Barrier.SPARE_PARTS_NOT_AVAILABLE: (1, "Spare parts not available"),
    Barrier.SPARE_PARTS_TOO_EXPENSIVE: (2, "Spare parts too expensive"),
    Barrier.NO_WAY_TO_OPEN: (3, "No way to open the product"),
    Barrier.REPAIR_INFO_NOT_AVAILABLE: (4, "Repair information not available"),
    Barrier.LACK_OF_EQUIPMENT: (5, "Lack of equipment"),
    Barrier.TOO_WORN_OUT: (6, "Product too worn out"),
}


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
    """A repair barrier from our code, the ORDS text or its number (1 to 6)."""
    wanted = _key(str(text))
    for barrier, (number, name) in BARRIERS.items():
        if wanted in (_key(barrier.value), _key(name), str(number)):
            return barrier
    raise ValidationError(
        QT_TRANSLATE_NOOP("Errors", "Unknown repair barrier '{barrier}'. Use one of: {known}."),
        barrier=str(text)[:40],
        known=", ".join(b.value.replace("_", "-") for b in BARRIERS),
    )


def check_product_category(name: str) -> str:
    """An ORDS product category name as the standard spells it, or '' for none."""
    if not name.strip():
        return ""
    for known in PRODUCT_CATEGORIES:
        if _key(known) == _key(name):
            return known
    raise ValidationError(
        QT_TRANSLATE_NOOP("Errors", "'{name}' is not an ORDS product category."),
        name=name[:40],
    )
