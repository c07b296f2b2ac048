"""EU re-use reporting (Commission Implementing Decision (EU) 2021/19): the tonnes re-used per
EU product category, counted when items leave, and the quality check that goes with them.

Re-used is what `docs/figures.md` calls kg reused, and nothing else: items sold as they were
or after a repair, products made here with their own weight (never their sources' again), net
of returns, and material sent to a recipient of kind reuse. What is merely handed in is not
counted (the Decision's recital 4). Every Ambacht category maps to one of the five EU
categories: the default categories as `intake.defaults.DEFAULT_EU_CATEGORIES` says, any other
to "other products", until the coordinator maps it (a site setting `eu_category.<code>`,
recorded like every setting). `intake.eu_reuse_report` writes the workbook's sheet and the
PDF's page.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from db import Store
from db.eu_reuse import method_changes, reused_grams
from intake.comparisons import is_counted
from intake.counting import COUNTING_RULES
from intake.defaults import DEFAULT_EU_CATEGORIES
from intake.errors import QT_TRANSLATE_NOOP, ValidationError
from intake.model import Category
from intake.monitoring import Report
from intake.settings import Settings
from intake.standard_weights import WeightTable, weights_at

# The decision's title as each language's Official Journal gives it.
DECISION = {"nl": "Uitvoeringsbesluit (EU) 2021/19 van de Commissie",
            "en": "Commission Implementing Decision (EU) 2021/19"}
SETTING_PREFIX = "eu_category."


class EuCategory(StrEnum):
    """The Decision's five product categories, in its order."""

    TEXTILES = "textiles"
    EEE = "eee"
    FURNITURE = "furniture"
    CONSTRUCTION = "construction"
    OTHER = "other"


_CODES = frozenset(category.value for category in EuCategory)
# (Dutch, English) names, as the Decision's Dutch and English texts word them.
EU_NAMES: dict[EuCategory, tuple[str, str]] = {
    EuCategory.TEXTILES: ("Textiel", "Textiles"),
    EuCategory.EEE: ("Elektrische en elektronische apparatuur",
                     "Electrical and electronic equipment"),
    EuCategory.FURNITURE: ("Meubilair", "Furniture"),
    EuCategory.CONSTRUCTION: ("Bouwmaterialen en -producten",
                              "Construction materials and products"),
    EuCategory.OTHER: ("Overige producten", "Other products"),
}


def eu_name(category: EuCategory, lang: str) -> str:
    """An EU category's name in `lang` ('nl' or 'en')."""
    return EU_NAMES[category][1 if lang == "en" else 0]


def parse_eu_category(text: str) -> EuCategory:
    """An EU category from its code ('textiles', 'eee', 'furniture', 'construction',
    'other') or its Dutch or English name, in upper or lower case."""
    folded = " ".join(str(text).split()).casefold()
    for category in EuCategory:
        if folded in (category.value, *(name.casefold() for name in EU_NAMES[category])):
            return category
    raise ValidationError(
        QT_TRANSLATE_NOOP("Errors", "'{text}' is not an EU re-use category: textiles, eee, "
                                    "furniture, construction or other."),
        text=str(text)[:30])


def eu_mapping(settings: Settings, categories: list[Category]) -> dict[str, EuCategory]:
    """Each category's EU category: the coordinator's, else the default's, else other."""
    mapping = {}
    for category in categories:
        stored = settings.get(SETTING_PREFIX + category.code)
        default = DEFAULT_EU_CATEGORIES.get(category.code, EuCategory.OTHER)
        mapping[category.code] = EuCategory(
            stored if stored in _CODES else default)
    return mapping


@dataclass(frozen=True)
class EuReuse:
    """The EU re-use figures of a report's period and their quality check."""

    report: Report
    mapping: dict[str, EuCategory]  # category code -> EU category
    grams_by_category: dict[str, int]  # category code -> grams re-used (kg reused)
    grams_weighed: int  # of the grams re-used, those whose weight the scale gave
    grams_estimated: int  # and those given by the category's standard weight
    weights: WeightTable  # the standard weights as they held at the period's end
    changes: list[tuple[datetime, str, str, str]]  # method changes: when, what, old, new

    @property
    def counted(self) -> bool:
        return is_counted(self.report)

    @property
    def grams(self) -> dict[EuCategory, int]:
        """Grams re-used per EU category, all five in the Decision's order."""
        sums = dict.fromkeys(EuCategory, 0)
        for code, grams in self.grams_by_category.items():
            sums[self.mapping.get(code, EuCategory.OTHER)] += grams
        return sums

    @property
    def weighed_share(self) -> float | None:
        """The share of the re-used kilos that was weighed (with `estimated_share`, 1)."""
        both = self.grams_weighed + self.grams_estimated
        return self.grams_weighed / both if both > 0 else None

    @property
    def estimated_share(self) -> float | None:
        share = self.weighed_share
        return None if share is None else 1 - share

    @property
    def weights_version(self) -> str:
        """The standard-weight table's version (as it held at the period's end): the first 12
        hex digits of a SHA-256 of every category's code and standard weight, so the same
        table always has the same version."""
        table = sorted(self.weights.grams.items())
        return hashlib.sha256(json.dumps(table).encode()).hexdigest()[:12]


def eu_reuse(store: Store, report: Report) -> EuReuse:
    """The EU re-use figures of `report`'s period, from its figures per category (so they add
    up to its kg reused) and the database's record of how each kilo was weighed."""
    start, end = report.period.span(store)
    weighed = estimated = 0
    for _, was_estimated, grams in reused_grams(store.db, start, end):
        if was_estimated:
            estimated += grams
        else:
            weighed += grams
    return EuReuse(
        report=report, mapping=eu_mapping(store.settings(), report.categories),
        grams_by_category={code: figures.grams_reused
                           for code, figures in report.by_category.items()},
        grams_weighed=weighed, grams_estimated=estimated,
        weights=weights_at(store, report.categories, start, end),
        changes=method_changes(store.db, start))


def _tonnes(grams: int) -> float:
    return round(grams / 1_000_000, 6)


def _kg(grams: int | None) -> float | None:
    return None if grams is None else round(grams / 1000, 3)


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def eu_reuse_json(eu: EuReuse, lang: str = "en") -> dict[str, Any]:
    """`report --format eu-reuse`: tonnes per EU category (null when the period is not
    counted), each Ambacht category's share, and the quality check. The provenance block is
    added by the caller."""
    report = eu.report
    counted = eu.counted
    names = {c.code: c.name(lang) for c in report.categories}
    return {
        "decision": DECISION.get(lang, DECISION["en"]),
        "site": report.site,
        "period": {"from": report.period.first.isoformat(), "to": report.period.last.isoformat(),
                   "counted": counted, "counted_to": report.counted_to.isoformat()},
        "reuse_tonnes": {category.value: _tonnes(grams) if counted else None
                         for category, grams in eu.grams.items()},
        "total_tonnes": _tonnes(sum(eu.grams.values())) if counted else None,
        "kg_reused": round(report.total.grams_reused / 1000, 3) if counted else None,
        "categories": [
            {"code": c.code, "name": names[c.code], "eu_category": eu.mapping[c.code].value,
             "tonnes": _tonnes(eu.grams_by_category.get(c.code, 0)) if counted else None}
            for c in report.categories],
        "quality": quality_json(eu, lang),
    }


def quality_json(eu: EuReuse, lang: str) -> dict[str, Any]:
    """The quality check (the Decision's Annex, section C): sources, methods, the shares
    weighed and estimated, the standard weights and CO2 factors, and method changes."""
    words = QUALITY_TEXT.get(lang, QUALITY_TEXT["en"])
    weighed = _share(eu.weighed_share) if eu.counted else None
    return {
        "data_sources": words["sources"],
        "methods": words["methods"],
        # The estimated share is what the rounded weighed share leaves: the two add up to 1.
        "weighed_share": weighed,
        "estimated_share": None if weighed is None else round(1 - weighed, 4),
        "tonnes_weighed": _tonnes(eu.grams_weighed) if eu.counted else None,
        "tonnes_estimated": _tonnes(eu.grams_estimated) if eu.counted else None,
        "standard_weights": {
            "version": eu.weights_version,
            "last_changed": None if eu.weights.last_changed is None
            else eu.weights.last_changed.isoformat(),
            "table": [{"code": c.code, "name": c.name(lang),
                       "kg": round(eu.weights.grams[c.code] / 1000, 3)}
                      for c in eu.report.categories if c.code in eu.weights.grams],
            "changed_in_period": [
                {"at": at.isoformat(), "code": code, "old_kg": _kg(old), "new_kg": _kg(new)}
                for at, code, old, new in eu.weights.changes]},
        "co2_factors": [{"code": c.code, "kg_co2_per_kg": c.co2_factor, "source": c.co2_source}
                        for c in eu.report.categories],
        "counting_rules": COUNTING_RULES,
        "method_changes": [{"at": at.isoformat(), "what": what, "old": old, "new": new}
                           for at, what, old, new in eu.changes],
    }


# The quality check's fixed texts (what the sources are, how it is counted), in the words of
# docs/figures.md ("EU re-use reporting").
QUALITY_TEXT: dict[str, dict[str, list[str]]] = {
    "nl": {
        "sources": [
            "De stappen die per item zijn vastgelegd: inname aan de poort (met weging of "
            "standaardgewicht), verkoop en retour aan de kassa, en materiaal weg met "
            "afleverbon.",
            "De soort van elke afnemer (hergebruik, recycling, restafval), door de "
            "coördinator ingesteld.",
        ],
        "methods": [
            "Hergebruikt telt wanneer het item het centrum verlaat: verkocht zoals het was, "
            "verkocht na reparatie, of als eigen product met zijn eigen gewicht (de bronnen "
            "niet nog eens), min retouren; en materiaal naar een afnemer voor hergebruik. "
            "Wat alleen is ingeleverd telt niet.",
            "Het gewicht is dat van de inname: gewogen, of het standaardgewicht van de "
            "categorie (geschat). Elke categorie telt onder één EU-categorie.",
            "Het totaal is gelijk aan 'kg hergebruikt' van het rapport van dezelfde periode.",
        ],
    },
    "en": {
        "sources": [
            "The steps recorded per item: intake at the gate (weighed, or the category's "
            "standard weight), sales and returns at the till, and material out on a "
            "delivery note.",
            "Each recipient's kind (reuse, recycling, residual waste), set by the "
            "coordinator.",
        ],
        "methods": [
            "Re-used counts when the item leaves the centre: sold as it was, sold after "
            "repair, or as a product made here with its own weight (its sources not again), "
            "less returns; and material sent to a recipient who reuses it. What is merely "
            "handed in does not count.",
            "The weight is the intake's: weighed, or the category's standard weight "
            "(estimated). Each category counts under one EU category.",
            "The total equals the report's 'kg reused' for the same period.",
        ],
    },
}
