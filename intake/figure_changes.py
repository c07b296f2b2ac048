"""The coordinator's changes that change figures of periods already over (issue 14, point 7).

A category's EU category, standard weight, electrical flag, ORDS product and serial kind, a
colleague's staff kind, a recipient's kind, a CO2 factor and the baseline are read when a
report is made, so a change counts the past by the new value too. `config_changes` records
each (`what` as `AdminService._record` and friends write it); a later report lists them under
the method changes since the last export, described here in Dutch and English without any
colleague's name (no personal data in a report). Before such a change, the command line and
the settings screens say how many exports of earlier periods it touches (`exports_touched`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from db import Store
from db.export_records import exported_periods, period_has
from intake.eu_reuse import EU_NAMES, EuCategory
from intake.monitoring import Period
from intake.people_report import kind_name

# `what` of each kind of change, as recorded; the group names the category, user or
# recipient it is about.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("eu", re.compile(r"setting eu_category\.(\S+)")),
    ("weights", re.compile(r"category (\S+) weights")),
    ("electrical", re.compile(r"category (\S+) electrical")),
    ("ords", re.compile(r"category (\S+) ords")),
    ("serial", re.compile(r"category (\S+) serial")),
    ("co2", re.compile(r"category (\S+) co2")),
    ("staff", re.compile(r"user (.+) kind")),
    ("recipient", re.compile(r"recipients (.+) kind")),
    ("baseline", re.compile(r"setting baseline_(from|to)")),
)

_WORDS = {
    "nl": {"eu": "EU-categorie van {about}", "weights": "Standaardgewicht van {about}",
           "electrical": "Elektrisch (veiligheidstest, ORDS): {about}",
           "ords": "ORDS-productcategorie van {about}",
           "serial": "Serienummer bij inname van {about}", "co2": "CO2-factor van {about}",
           "staff": "Soort medewerker van een collega", "recipient": "Soort afnemer van {about}",
           "baseline": "Nulmeting ({about})", "from": "eerste dag", "to": "laatste dag",
           "none": "geen", "True": "ja", "False": "nee", "frame": "framenummer",
           "imei_serial": "IMEI- of serienummer", "reuse": "hergebruik",
           "recycling": "recycling", "residual": "restafval"},
    "en": {"eu": "EU category of {about}", "weights": "Standard weight of {about}",
           "electrical": "Electrical (safety test, ORDS): {about}",
           "ords": "ORDS product category of {about}",
           "serial": "Serial number at intake of {about}", "co2": "CO2 factor of {about}",
           "staff": "Staff kind of a colleague", "recipient": "Kind of recipient {about}",
           "baseline": "Baseline ({about})", "from": "first day", "to": "last day",
           "none": "none", "True": "yes", "False": "no", "frame": "frame number",
           "imei_serial": "IMEI or serial number", "reuse": "reuse",
           "recycling": "recycling", "residual": "residual waste"},
}


@dataclass(frozen=True)
class FigureChange:
    """One recorded change that changes figures: its kind, what it is about (a category
    code, a recipient, a user's name, 'from' or 'to'), and the old and new values."""

    kind: str
    about: str
    old: str | None
    new: str | None

    @property
    def what(self) -> str:
        """What changed, for a report: the record's words, a colleague's name left out."""
        return "user kind" if self.kind == "staff" else f"{self.kind} {self.about}"

    def title(self, lang: str, names: dict[str, str]) -> str:
        """What changed in words of `lang`: "CO2 factor of Books". `names`: category code ->
        name in that language."""
        words = _WORDS.get(lang, _WORDS["nl"])
        about = words[self.about] if self.kind == "baseline" else names.get(self.about,
                                                                             self.about)
        return words[self.kind].format(about=about)

    def values(self, lang: str) -> tuple[str, str]:
        """The old and the new value in words of `lang`."""
        words = _WORDS.get(lang, _WORDS["nl"])
        return self._value(self.old, words, lang), self._value(self.new, words, lang)

    def describe(self, lang: str, names: dict[str, str]) -> str:
        """In words of `lang`: "CO2 factor of Books: 1.1 (…) → 0.9 (…)"."""
        old, new = self.values(lang)
        return f"{self.title(lang, names)}: {old} → {new}"

    def _value(self, value: str | None, words: dict[str, str], lang: str) -> str:
        if not value:
            return words["none"]
        if self.kind == "eu" and value in set(EuCategory):
            return EU_NAMES[EuCategory(value)][1 if lang == "en" else 0]
        if self.kind == "staff":  # as the settings and the report's people name them
            return kind_name(value, lang)
        if self.kind == "weights":  # "500 [50, 5000] g": the standard weight, in kg
            grams = value.split(" ", 1)[0]
            if grams.isdigit():
                return f"{int(grams) / 1000:g} kg".replace(".", "," if lang == "nl" else ".")
        return words.get(value, value)


def figure_change(what: str, old: str | None, new: str | None) -> FigureChange | None:
    """The change a `config_changes` row records, if it changes figures; else None."""
    for kind, pattern in _KINDS:
        found = pattern.fullmatch(what)
        if found:
            return FigureChange(kind, found.group(1), old, new)
    return None


# What an export of a period holds of each kind of change: a category's items, the material
# sent to a recipient, a colleague's sessions, or (the baseline) every comparison.
# The changes that count the past by their new value too. Not the electrical flag (it decides
# the safety test), an ORDS product (each repair keeps the one it was recorded with) or a
# serial kind (each intake keeps the kind it asked for); a staff kind only when it is the
# colleague's first (`set_kind`), which callers decide.
_SCOPES = {"eu": "category", "co2": "category", "staff": "user", "recipient": "recipient",
           "baseline": "all"}


def exports_touched(store: Store, kind: str, key: str | None, today: date) -> int:
    """How many exports recorded of periods that began before `today` a change of `kind`
    ('eu', 'co2', 'recipient', 'staff', 'baseline' ...) of `key` (a category code, a
    recipient's name, a user id) makes read differently if made again: those of periods in
    which it had a part. A standard weight counts only for intakes from now on, and the EU
    report shows the table each period held, so it touches none."""
    scope = _SCOPES.get(kind)
    if scope is None:
        return 0
    touched = 0
    for first, last, count in exported_periods(store.db, today.isoformat()):
        start, end = Period(date.fromisoformat(first), date.fromisoformat(last)).span(store)
        if scope == "all" or period_has(store.db, scope, str(key), start, end):
            touched += count
    return touched
