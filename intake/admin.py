"""The coordinator's configuration: categories, municipalities and the station's settings.

Every change is checked first (nothing is written on a refusal) and recorded, with who made it
and at which station, in the append-only `config_changes` table in the same transaction.
"""

from __future__ import annotations

import re
from dataclasses import replace
from enum import StrEnum
from pathlib import Path

from db import Store
from db.backup import BACKUP_FOLDER_SETTING
from devices.settings import check_setting
from intake.auth import Action, require
from intake.clock import Clock
from intake.counting import RecipientKind, likely_recipient_kind, parse_recipient_kind
from intake.defaults import GUIDE_CO2_SOURCE
from intake.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from intake.eu_reuse import SETTING_PREFIX, EuCategory, eu_mapping, parse_eu_category
from intake.ids import new_id
from intake.model import Category, ConfigChange, User
from intake.monitoring import TARGET_KINDS, Period
from intake.ords import check_product_category
from intake.settings import SCREEN_SCALE_RANGE, Settings
from intake.text import clean_name
from intake.units import check_price, check_weight_limits, is_whole
from labels.escpos import RECEIPT_KINDS, RECEIPT_PORT
from labels.layout import SIZES
from labels.setting import PRINTER_KINDS
from labels.zpl import DPI_CHOICES

_CODE = re.compile(r"[a-z][a-z0-9_]{1,19}")
_QUEUE = re.compile(r"[A-Za-z0-9_.@-]{1,60}")
_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9.:-]{0,252})")  # a host name, IPv4 or IPv6
LANGUAGES = ("nl", "en")
IDLE_RANGE_S = (30, 3600)


class NameList(StrEnum):
    """The short lists of names the coordinator keeps for buttons."""

    MUNICIPALITIES = "municipalities"  # where visitors come from
    RECIPIENTS = "recipients"  # who takes material away


class AdminService:
    """What the coordinator sets up; every method checks the actor's role first."""

    def __init__(self, store: Store, clock: Clock, station: str | None = None) -> None:
        """`station`: where the changes are made (default: the database's own station)."""
        self.store = store
        self.clock = clock
        self.station = station or store.settings().station

    # --- categories ------------------------------------------------------------------------

    def categories(self) -> list[Category]:
        """All categories, hidden ones included, in tile order."""
        return self.store.categories(include_hidden=True)

    def add_category(
        self, actor: User, code: str, name_nl: str, name_en: str, standard_weight_g: int,
        *, min_weight_g: int | None = None, max_weight_g: int | None = None,
        is_electrical: bool = False, icon: str = "household",
    ) -> Category:
        """A new category, placed after the existing ones."""
        require(actor, Action.MANAGE_CATEGORIES)
        code = code.strip().lower()
        if not _CODE.fullmatch(code):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "A category code is 2 to 20 lower-case letters, digits or _."))
        if self.store.category(code) is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Category '{code}' exists already."), code=code)
        _check_weights(standard_weight_g, min_weight_g, max_weight_g)
        last = max((c.sort_order for c in self.categories()), default=0)
        category = Category(
            code=code, name_nl=clean_name(name_nl), name_en=clean_name(name_en), icon=icon,
            standard_weight_g=standard_weight_g, min_weight_g=min_weight_g,
            max_weight_g=max_weight_g, co2_factor=1.1, co2_source=GUIDE_CO2_SOURCE,
            is_electrical=is_electrical, sort_order=last + 10,
        )
        self._save(actor, category, f"category {code}", None, _describe(category))
        return category

    def rename_category(self, actor: User, code: str, name_nl: str, name_en: str) -> Category:
        require(actor, Action.MANAGE_CATEGORIES)
        old = self._category(code)
        new = replace(old, name_nl=clean_name(name_nl), name_en=clean_name(name_en))
        self._save(actor, new, f"category {code} name", f"{old.name_nl} / {old.name_en}",
                   f"{new.name_nl} / {new.name_en}")
        return new

    def set_category_hidden(self, actor: User, code: str, hidden: bool) -> Category:
        """Hide a category from the gate's tiles (its items keep it), or show it again."""
        require(actor, Action.MANAGE_CATEGORIES)
        old = self._category(code)
        new = replace(old, hidden=hidden)
        self._save(actor, new, f"category {code} hidden", str(old.hidden), str(hidden))
        return new

    def set_category_weights(
        self, actor: User, code: str, standard_g: int, min_g: int | None, max_g: int | None
    ) -> Category:
        """The standard weight and the bounds outside which the gate asks to confirm."""
        require(actor, Action.MANAGE_CATEGORIES)
        old = self._category(code)
        _check_weights(standard_g, min_g, max_g)
        new = replace(old, standard_weight_g=standard_g, min_weight_g=min_g, max_weight_g=max_g)
        self._save(actor, new, f"category {code} weights",
                   f"{old.standard_weight_g} [{old.min_weight_g}, {old.max_weight_g}] g",
                   f"{standard_g} [{min_g}, {max_g}] g")
        return new

    def set_category_co2(self, actor: User, code: str, factor: float, source: str) -> Category:
        """Kg CO2 avoided per kg reused for this category, and where that figure comes from."""
        require(actor, Action.MANAGE_CATEGORIES)
        old = self._category(code)
        if not (isinstance(factor, (int, float)) and 0 <= factor <= 20):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A CO2 factor is between 0 and 20 kg per kg."))
        new = replace(old, co2_factor=float(factor), co2_source=clean_name(source, 200))
        self._save(actor, new, f"category {code} co2", f"{old.co2_factor} ({old.co2_source})",
                   f"{new.co2_factor} ({new.co2_source})")
        return new

    def set_category_price(self, actor: User, code: str, price_cents: int | None) -> Category:
        """The usual store price the till offers for items of this category (None: none)."""
        require(actor, Action.MANAGE_CATEGORIES)
        old = self._category(code)
        if price_cents is not None:
            check_price(price_cents)
        new = replace(old, price_cents=price_cents)
        self._save(actor, new, f"category {code} price", str(old.price_cents),
                   str(price_cents))
        return new

    def set_category_electrical(self, actor: User, code: str, electrical: bool) -> Category:
        """Electrical goods need a passed safety test before they may be sold."""
        require(actor, Action.MANAGE_CATEGORIES)
        old = self._category(code)
        new = replace(old, is_electrical=electrical)
        self._save(actor, new, f"category {code} electrical", str(old.is_electrical),
                   str(electrical))
        return new

    def set_category_ords(self, actor: User, code: str, ords_category: str) -> Category:
        """The ORDS product category repair records of this category are reported under."""
        require(actor, Action.MANAGE_CATEGORIES)
        old = self._category(code)
        new = replace(old, ords_category=check_product_category(ords_category))
        self._save(actor, new, f"category {code} ords", old.ords_category, new.ords_category)
        return new

    def set_category_eu(self, actor: User, code: str, eu_category: str) -> EuCategory:
        """The EU re-use category (textiles, eee, furniture, construction, other) this
        category's kilos are reported under; a site setting, recorded like the others."""
        require(actor, Action.MANAGE_CATEGORIES)
        new = parse_eu_category(eu_category)
        old = eu_mapping(self.store.settings(), [self._category(code)])[code]
        if old != new:  # the record names the category it had, its default included
            with self.store.atomic():
                self.store.set_setting(SETTING_PREFIX + code, new.value)
                self._record(actor, f"setting {SETTING_PREFIX}{code}", old.value, new.value)
        return new

    def move_category(self, actor: User, code: str, offset: int) -> list[Category]:
        """Move a tile `offset` places earlier (-) or later (+); returns the new order."""
        require(actor, Action.MANAGE_CATEGORIES)
        order = self.categories()
        index = next((i for i, c in enumerate(order) if c.code == code), None)
        if index is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "Unknown category '{code}'."), code=code)
        target = max(0, min(len(order) - 1, index + offset))
        order.insert(target, order.pop(index))
        with self.store.atomic():
            for position, category in enumerate(order):
                self.store.save_category(replace(category, sort_order=(position + 1) * 10))
            self._record(actor, f"category {code} position", str(index + 1), str(target + 1))
        return self.categories()

    # --- name lists: municipalities and material recipients --------------------------------

    def names(self, kind: NameList) -> list[tuple[str, bool]]:
        """(name, hidden) of every entry of a list."""
        return self.store.name_lists.rows(kind.value)

    def add_name(self, actor: User, kind: NameList, name: str) -> str:
        """Add an entry (or show a hidden one again); returns it as spelled."""
        require(actor, Action.MANAGE_SETTINGS)
        cleaned = clean_name(name)
        known = {n.casefold(): n for n, _ in self.names(kind)}
        if cleaned.casefold() in known and known[cleaned.casefold()] != cleaned:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "'{name}' exists already as '{known}'."),
                name=cleaned, known=known[cleaned.casefold()])
        with self.store.atomic():
            self.store.name_lists.add(kind.value, cleaned, len(known) + 1)
            self._record(actor, f"{kind.value} added", None, cleaned)
            if kind is NameList.RECIPIENTS and cleaned.casefold() not in known:
                self.store.name_lists.set_recipient_kind(
                    cleaned, likely_recipient_kind(cleaned).value)
        return cleaned

    def set_name_hidden(self, actor: User, kind: NameList, name: str, hidden: bool) -> None:
        """Hide an entry from the buttons (its history stays) or show it again."""
        require(actor, Action.MANAGE_SETTINGS)
        if name not in dict(self.names(kind)):
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "'{name}' is not on the list."),
                           name=name[:40])
        with self.store.atomic():
            self.store.name_lists.hide(kind.value, name, hidden)
            self._record(actor, f"{kind.value} {name} hidden", str(not hidden), str(hidden))

    def recipient_kinds(self) -> dict[str, RecipientKind]:
        """Each recipient's kind: where the material sent to it counts."""
        return {name: RecipientKind(kind)
                for name, kind in self.store.name_lists.recipient_kinds().items()}

    def set_recipient_kind(self, actor: User, name: str, kind: str) -> RecipientKind:
        """Say what a recipient does with material: reuse, recycling or residual waste. The
        reports count what was sent to it before by the new kind too."""
        require(actor, Action.MANAGE_SETTINGS)
        new = parse_recipient_kind(kind)
        known = {n.casefold(): n for n, _ in self.names(NameList.RECIPIENTS)}
        found = known.get(" ".join(str(name).split()).casefold())
        if found is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "'{name}' is not on the list."),
                           name=str(name)[:40])
        old = self.store.name_lists.recipient_kinds()[found]
        if old != new:
            with self.store.atomic():
                self.store.name_lists.set_recipient_kind(found, new.value)
                self._record(actor, f"recipients {found} kind", old, new.value)
        return new

    # --- station settings ------------------------------------------------------------------

    def settings(self) -> Settings:
        return self.store.settings()

    def set_site_name(self, actor: User, name: str) -> None:
        self._set(actor, "site_name", clean_name(name, 60))

    def set_idle_logout(self, actor: User, seconds: int) -> None:
        low, high = IDLE_RANGE_S
        if not (is_whole(seconds) and low <= seconds <= high):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Log out after {min} to {max} seconds."), min=low, max=high)
        self._set(actor, "idle_logout_s", str(seconds))

    def set_screen_scale(self, actor: User, percent: int) -> None:
        """The station's screen size setting, for a panel that misreports its size."""
        low, high = SCREEN_SCALE_RANGE
        if not (is_whole(percent) and low <= percent <= high):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "The screen size is {min} to {max} %."), min=low, max=high)
        self._set(actor, "screen_scale", str(percent))

    def set_sound(self, actor: User, value: str) -> None:
        """The station's sounds: "on", "off", or "" for each screen's default."""
        if value not in ("", "on", "off"):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Sound is on, off or default."))
        self._set(actor, "sound", value)

    def set_language(self, actor: User, lang: str) -> None:
        self._set(actor, "language", _language(lang))

    def set_label_language(self, actor: User, lang: str) -> None:
        self._set(actor, "label_language", _language(lang))

    def set_label_size(self, actor: User, key: str) -> None:
        if key not in SIZES:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown label size '{size}'."),
                                  size=key[:20])
        self._set(actor, "label_size", key)

    def set_printer(self, actor: User, queue: str) -> None:
        """A CUPS queue name, or '' to write label PDFs to the label folder."""
        if queue and not _QUEUE.fullmatch(queue):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "'{name}' is not a printer queue name."), name=queue[:60])
        self._set(actor, "printer", queue)

    def set_backup_folder(self, actor: User, folder: str) -> None:
        """Where the automatic backups go (a USB stick, a network share); '' for the default
        folder beside the database. The folder must be there when it is chosen."""
        self._set(actor, BACKUP_FOLDER_SETTING, _existing_folder(folder))

    def set_export_folder(self, actor: User, folder: str) -> None:
        """A folder the Figures screen offers for its exports besides USB sticks and the
        documents folder; '' for none. It must be there when it is chosen."""
        self._set(actor, "export_folder", _existing_folder(folder))

    def set_label_printer(
        self, actor: User, kind: str, *, name: str = "", host: str = "", port: int = 9100,
        dpi: int = 203,
    ) -> None:
        """The station's label printer: a CUPS queue or a Qt printer by `name`, a Zebra at
        `host`:`port` with a head of `dpi`, or (`folder`) PDF files."""
        if kind not in PRINTER_KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown kind of printer '{kind}'."),
                                  kind=kind[:20])
        if kind in ("cups", "qt") and not name.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a printer."))
        if kind == "cups":
            self.set_printer(actor, name)
        elif kind == "qt":
            self._set(actor, "qt_printer", name.strip()[:200])
        elif kind == "zebra":
            host = host.strip()
            self._check_address(host, port)
            if dpi not in DPI_CHOICES:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Errors", "A Zebra print head has 203 or 300 dpi."))
            self._set(actor, "zebra_host", host)
            self._set(actor, "zebra_port", str(port))
            self._set(actor, "printer_dpi", str(dpi))
        self._set(actor, "printer_kind", kind)

    def set_receipt_printer(self, actor: User, kind: str, *, queue: str = "",
                            host: str = "", port: int = RECEIPT_PORT) -> None:
        """Where the till's receipts go: `none`, the `label` printer, an ESC/POS printer
        behind CUPS `queue` (a raw queue), or one on the `network` at `host`:`port`."""
        if kind not in RECEIPT_KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown kind of printer '{kind}'."),
                                  kind=str(kind)[:20])
        require(actor, Action.MANAGE_SETTINGS)
        with self.store.atomic():
            if kind == "cups":
                if not _QUEUE.fullmatch(queue):
                    raise ValidationError(QT_TRANSLATE_NOOP(
                        "Errors", "'{name}' is not a printer queue name."), name=queue[:60])
                self._set(actor, "receipt_queue", queue)
            elif kind == "network":
                self._check_address(host.strip(), port)
                self._set(actor, "receipt_host", host.strip())
                self._set(actor, "receipt_port", str(port))
            self._set(actor, "receipt_printer", kind)

    @staticmethod
    def _check_address(host: str, port: int) -> None:
        if not _HOST.fullmatch(host):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "'{host}' is not a host name or IP address."), host=host[:60])
        if not (is_whole(port) and 1 <= port <= 65535):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "A network port is a number from 1 to 65535."))

    def set_labels_per_item(self, actor: User, count: int) -> None:
        if not (is_whole(count) and 1 <= count <= 5):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Print 1 to 5 labels per item."))
        self._set(actor, "labels_per_item", str(count))

    def set_device_setting(self, actor: User, key: str, value: str) -> None:
        """The scale's protocol, port, speed and framing; the serial scanner's port and speed
        (`devices.settings` names the keys)."""
        self._set(actor, key, check_setting(key, value))

    # --- monitoring: baseline and targets --------------------------------------------------

    def set_baseline(self, actor: User, period: Period) -> None:
        """Mark the period that later periods are compared with (the *nulmeting*)."""
        require(actor, Action.MANAGE_SETTINGS)
        with self.store.atomic():
            self._set(actor, "baseline_from", period.first.isoformat())
            self._set(actor, "baseline_to", period.last.isoformat())

    def set_target(self, actor: User, year: int, kind: str, value: float) -> None:
        """A target for `year`: kg collected, kg reused, items repaired, or the reuse rate in
        percent."""
        if kind not in TARGET_KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown target '{kind}'."),
                                  kind=str(kind)[:30])
        if not 2000 <= year <= 2100:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A year is 2000 to 2100."))
        high = 100 if kind == "reuse_rate" else 100_000_000
        if not 0 < value <= high:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A target is more than 0 and at most {max}."),
                max=high)
        self._set(actor, f"target.{year}.{kind}", f"{value:g}")

    def changes(self, limit: int = 100) -> list[ConfigChange]:
        """The most recent configuration changes, newest first."""
        return self.store.config_changes(limit)

    # --- internals -------------------------------------------------------------------------

    def _category(self, code: str) -> Category:
        found = self.store.category(code)
        if found is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "Unknown category '{code}'."),
                           code=code[:30])
        return found

    def _save(self, actor: User, category: Category, what: str, old: str | None,
              new: str) -> None:
        with self.store.atomic():
            self.store.save_category(category)
            self._record(actor, what, old, new)

    def _set(self, actor: User, key: str, value: str) -> None:
        require(actor, Action.MANAGE_SETTINGS)
        old = self.store.settings().get(key)
        with self.store.atomic():
            self.store.set_setting(key, value)
            self._record(actor, f"setting {key}", old, value)

    def _record(self, actor: User, what: str, old: str | None, new: str | None) -> None:
        self.store.add_config_change(new_id(), self.clock.now(), self.station, actor.id, what,
                                     old, new)


def _language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose nl or en."))
    return lang


def _existing_folder(folder: str) -> str:
    """A folder setting: '' or an absolute path to a folder that is there."""
    folder = folder.strip()
    if folder and not (len(folder) <= 200 and folder.isprintable()
                       and Path(folder).is_absolute() and Path(folder).is_dir()):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "The folder '{folder}' is not there."), folder=folder[:200])
    return folder


def _check_weights(standard: int, low: int | None, high: int | None) -> None:
    for grams in (standard, low, high):
        if grams is not None:
            check_weight_limits(grams)
    if (low is not None and low > standard) or (high is not None and high < standard):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "The standard weight must lie between the lower and upper bound."))


def _describe(category: Category) -> str:
    return (f"{category.name_nl} / {category.name_en}, {category.standard_weight_g} g "
            f"[{category.min_weight_g}, {category.max_weight_g}]")
