"""The settings of one database, typed, and whose each one is: the station's or the site's.

The settings table holds text by key. `Settings` is that table read once: every value is parsed
here, with its default, so no caller casts or guesses a default again. The Store keeps one
`Settings` and reads the table again only after a setting changed (`Store.settings`).

Each key belongs to a scope:
- **station**: how this PC works (its printer, scale, camera, folders, idle time, its letter).
  These never leave the station.
- **site**: what the whole centre shares (its name, time zone, baseline and targets). When
  stations meet on a hub, these travel.
A key this version does not know (a newer station's) is kept as it came and counts as the
site's, so that it travels on untouched.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from intake.localtime import site_zone
from labels.layout import DEFAULT_SIZE, SIZES


class Scope(StrEnum):
    STATION = "station"
    SITE = "site"


# Every key this version reads, with its scope. Device and printer keys are parsed by their
# own modules (`devices.settings`, `labels.setting`), which read the same mapping.
SCOPES: dict[str, Scope] = {
    **dict.fromkeys((
        "station", "language", "label_language", "idle_logout_s", "label_size", "printer",
        "printer_kind", "qt_printer", "zebra_host", "zebra_port", "printer_dpi",
        "labels_per_item", "label_folder", "document_printer", "document_folder",
        "backup_folder", "scale_protocol", "scale_port", "scale_baud", "scale_framing",
        "scanner_port", "scanner_baud", "scan_camera", "scan_gap_ms", "receipt_printer",
        "receipt_queue", "receipt_host", "receipt_port", "screen_scale", "sound",
        "export_folder"),
        Scope.STATION),
    **dict.fromkeys(("site_name", "timezone", "baseline_from", "baseline_to"), Scope.SITE),
}
SCREEN_SCALE_RANGE = (80, 150)  # percent: the size setting for panels that misreport theirs
_SITE_PREFIXES = ("target.", "eu_category.")  # target.<year>.<kind>, eu_category.<code>


def scope_of(key: str) -> Scope:
    """Whose a setting is; unknown keys are the site's (see the module)."""
    return SCOPES.get(key, Scope.SITE)


def is_site_key(key: str) -> bool:
    return scope_of(key) is Scope.SITE or key.startswith(_SITE_PREFIXES)


class Settings(Mapping[str, str]):
    """One reading of the settings table: typed properties, and the raw text by key for the
    modules that parse their own (devices, printers, backups)."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self._values = dict(values)

    def __getitem__(self, key: str) -> str:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Settings({self._values!r})"

    # --- the site ---------------------------------------------------------------------------

    @property
    def site_name(self) -> str:
        return self._values.get("site_name", "")

    @property
    def zone(self) -> ZoneInfo:
        """The site's time zone, or Amsterdam when it is missing or unknown."""
        return site_zone(self._values)

    @property
    def baseline(self) -> tuple[date, date] | None:
        """The first and last day the coordinator marked as the baseline (nulmeting)."""
        try:
            return (date.fromisoformat(self._values["baseline_from"]),
                    date.fromisoformat(self._values["baseline_to"]))
        except (KeyError, ValueError):
            return None

    def target(self, year: int, kind: str) -> float | None:
        """The year's target of a kind (kg, items, or percent for the reuse rate), if set."""
        try:
            return float(self._values[f"target.{year}.{kind}"])
        except (KeyError, ValueError):
            return None

    # --- the station ------------------------------------------------------------------------

    @property
    def station(self) -> str:
        """This station's letter, which starts every code it hands out."""
        return self._values.get("station", "")

    @property
    def language(self) -> str:
        return self._values.get("language") or "nl"

    @property
    def label_language(self) -> str:
        return self._values.get("label_language") or "nl"

    @property
    def idle_logout_s(self) -> int:
        return whole_number(self._values.get("idle_logout_s"), 120)

    @property
    def screen_scale(self) -> int:
        """Everything on screen at this percentage of its size (100: as the panel reports)."""
        low, high = SCREEN_SCALE_RANGE
        return max(low, min(high, whole_number(self._values.get("screen_scale"), 100)))

    @property
    def sound(self) -> bool | None:
        """Sounds on (True) or off (False) at this station; None: each screen's default."""
        return {"on": True, "off": False}.get(self._values.get("sound", ""))

    @property
    def label_size(self) -> str:
        """One of the label sizes (`labels.layout.SIZES`)."""
        size = self._values.get("label_size", "")
        return size if size in SIZES else DEFAULT_SIZE

    @property
    def labels_per_item(self) -> int:
        """How many labels each item gets, 1 to 5."""
        return max(1, min(5, whole_number(self._values.get("labels_per_item"), 1)))

    @property
    def label_folder(self) -> Path | None:
        """Where label PDFs go without a printer; None: the data folder's `labels`."""
        return _folder(self._values.get("label_folder"))

    @property
    def backup_folder(self) -> str:
        """The folder chosen for backups; '' for `backups` beside the database."""
        return self._values.get("backup_folder", "").strip()

    @property
    def export_folder(self) -> str:
        """The folder the Figures screen offers for exports (a share, say); '' for none."""
        return self._values.get("export_folder", "").strip()

    @property
    def document_printer(self) -> str:
        """The CUPS queue for A4 documents; '' to save them as files."""
        return self._values.get("document_printer", "")

    @property
    def document_folder(self) -> Path | None:
        """Where documents and reports are saved; None: the data folder's `documents`."""
        return _folder(self._values.get("document_folder"))


def whole_number(text: str | None, default: int) -> int:
    """A setting's whole number, or the default when it is missing or not a number."""
    try:
        return int(text or default)
    except ValueError:
        return default


def _folder(text: str | None) -> Path | None:
    text = (text or "").strip()
    return Path(text) if text else None
