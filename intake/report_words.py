"""How the reports people read (the council's PDF, the XLSX workbook) write what they show:
numbers in the language's style (Dutch 6.168,93), times in the site's local time
('01-12-2026 20:38', as the app shows them in either language), the figures by the names
the report's tables give them, and steps and repair barriers in words, never their codes.

The JSON and the CSV are data: they keep the keys, ISO times in UTC and plain numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from intake.model import Barrier, EventType
from intake.units import format_number

# An end-of-life barrier as the repair screen names it (Dutch, English); the ORDS code
# list's own text stays in `intake.ords.BARRIERS`.
BARRIER_NAMES: dict[Barrier, tuple[str, str]] = {
    Barrier.SPARE_PARTS_NOT_AVAILABLE: ("Onderdelen niet verkrijgbaar",
                                        "Spare parts not available"),
    Barrier.SPARE_PARTS_TOO_EXPENSIVE: ("Onderdelen te duur", "Spare parts too expensive"),
    Barrier.NO_WAY_TO_OPEN: ("Product niet te openen", "No way to open product"),
    Barrier.REPAIR_INFO_NOT_AVAILABLE: ("Geen reparatie-informatie",
                                        "Repair information not available"),
    Barrier.LACK_OF_EQUIPMENT: ("Gereedschap ontbreekt", "Lack of equipment"),
    Barrier.TOO_WORN_OUT: ("Te versleten", "Too worn out"),
}
VISIT_CANCELLED = "visit_cancelled"  # a visit's cancellation, named as a step
# A step as the app names it in an item's history (Dutch, English), and a visit cancelled.
STEP_NAMES: dict[str, tuple[str, str]] = {
    EventType.INTAKE: ("Ingenomen", "Taken in"),
    EventType.ROUTE_CHANGED: ("Route gewijzigd", "Route changed"),
    EventType.VOIDED: ("Vervallen", "Voided"),
    EventType.REPAIR_STARTED: ("Reparatie gestart", "Repair started"),
    EventType.REPAIR_FINISHED: ("Reparatie afgerond", "Repair finished"),
    EventType.SAFETY_TESTED: ("Veiligheid getest", "Safety tested"),
    EventType.PRICED: ("Geprijsd", "Priced"),
    EventType.SOLD: ("Verkocht", "Sold"),
    EventType.RETURNED: ("Teruggenomen", "Taken back"),
    EventType.MATERIAL_OUT: ("Afgevoerd als materiaal", "Sent out as material"),
    EventType.REPURPOSED: ("Verwerkt in een product", "Used in a product"),
    EventType.CORRECTED: ("Gecorrigeerd", "Corrected"),
    EventType.INTAKE_CORRECTED: ("Categorie of gewicht gecorrigeerd",
                                 "Category or weight corrected"),
    VISIT_CANCELLED: ("Bezoek geannuleerd", "Visit cancelled"),
}


def barrier_name(barrier: Barrier, lang: str) -> str:
    """A repair barrier's name in `lang` ('nl' or 'en'), as every screen and report says it."""
    return BARRIER_NAMES[barrier][1 if lang == "en" else 0]


def shown(value: object, number_format: str, lang: str) -> str:
    """A figure as a report prints it, by its spreadsheet number format ('0.000', '0.0%',
    '"€" #,##0.00'); '–' for one not counted."""
    if value is None:
        return "–"
    if "%" in number_format:
        return format_number(float(value) * 100, lang, 1) + " %"  # type: ignore[arg-type]
    if "€" in number_format:
        return "€ " + format_number(float(value), lang, 2)  # type: ignore[arg-type]
    decimals = len(number_format.partition(".")[2])
    return format_number(float(value), lang, decimals)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Wording:
    """The words of one report: its language ('nl' or 'en'), the site's time zone, and each
    figure's name and number format by its key (the report's own table of figures)."""

    lang: str
    zone: tzinfo
    figures: dict[str, tuple[str, str]]

    def time(self, moment: datetime) -> str:
        """A stored UTC time as the site's local time, to the minute."""
        return moment.astimezone(self.zone).strftime("%d-%m-%Y %H:%M")

    def figure(self, key: str) -> str:
        """A figure's name ('Kg hergebruikt' for kg_reused)."""
        return self.figures[key][0]

    def value(self, key: str, value: object) -> str:
        """A figure's value as the report's tables print it."""
        return shown(value, self.figures[key][1], self.lang)

    def step(self, kind: str) -> str:
        """A step's name ('Verkocht' for sold); a kind this version does not know, as is."""
        names = STEP_NAMES.get(kind)
        return kind if names is None else names[self._index]

    def barrier(self, barrier: Barrier) -> str:
        """A repair barrier's name as the repair screen gives it."""
        return barrier_name(barrier, self.lang)

    @property
    def _index(self) -> int:
        """Which of a (Dutch, English) pair."""
        return 1 if self.lang == "en" else 0
