"""Serial numbers for the police register of second-hand goods (Digitaal Opkopersregister).

Second-hand shops register goods that carry a unique number: a bike's frame number, a phone's
IMEI, a laptop's serial number. The branch agreed that kringloop shops register only such
numbered items and never the donor, so Ambacht keeps the number in the item's intake event and
nothing about a person. The coordinator chooses which categories ask for a number; the gate
asks for it (typed or scanned); `register_csv` gives the numbered items of a period in the
columns `docs/register.md` describes.
"""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING

from db import Store
from db.registers import Registers
from intake.auth import Action, require
from intake.clock import Clock
from intake.codes import normalize_item_code
from intake.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from intake.ids import new_id
from intake.model import Item, Status, User
from intake.text import spreadsheet_safe

if TYPE_CHECKING:  # at run time the import would go round: monitoring, people, steps, here
    from intake.monitoring import Period

# The kinds of number a category can ask for; an intake records the kind asked then, or
# SERIAL for a number given where its category asked none.
FRAME, IMEI_SERIAL, SERIAL = "frame", "imei_serial", "serial"
SERIAL_KINDS = (FRAME, IMEI_SERIAL)
SERIAL_MIN, SERIAL_MAX = 4, 30
# What a number may be typed with: letters and digits, grouped by spaces, hyphens, dots or
# slashes, which are left out so that '123 456-789' and '123456789' are the same number.
_TYPED = re.compile(r"[A-Za-z0-9 ./-]+")
_SEPARATORS = re.compile(r"[ ./-]")
REGISTER_COLUMNS = [
    "item_code", "received_on", "received_at", "category", "description", "number_kind",
    "number", "status", "left_on",
]
_KIND_NAMES = {FRAME: "frame_number", IMEI_SERIAL: "imei_or_serial_number",
               SERIAL: "serial_number"}


# Personal data never reaches the police register: a street and house number ('Dorpsstraat
# 12', 'Laan van Meerdervoort 112-2') is one or more words, the last of at least four letters
# with a vowel, then a number of up to five digits with at most a letter or a short addition.
# 'WTU 123-456' (three letters, a six-digit group) stays a frame number.
# Typed together ('Dorpsstraat12') only a street's own ending tells it from a frame number
# like 'ABCD1234'. A place or a postcode may follow ('Dorpsstraat 12 Zwolle'); a postcode
# alone ('1234 AB') is refused too.
_STREET_END = r"(?:STRAAT|STR|WEG|LAAN|PLEIN|DIJK|GRACHT|KADE|SINGEL|STEEG|HOF|DREEF|MARKT)"
_HOUSE = r"\d{1,5}(?:\s*[A-Z]{1,3}|\s*[-/]\s*(?:\d{1,2}|[A-Z]{1,3}))?"
_POSTCODE = r"[1-9]\d{3}\s?[A-Z]{2}"
_ADDRESS = re.compile(
    r"(?:(?:[A-Z]+\.?\s+)*(?=[A-Z]*[AEIOUY])[A-Z]{4,}\.?\s+"
    rf"|[A-Z]+{_STREET_END}\.?\s*){_HOUSE}(?:\s+{_POSTCODE})?(?:\s+[A-Z][A-Z'-]+)*"
    rf"|{_POSTCODE}", re.IGNORECASE)
# A Dutch mobile number, separators left out: 06 12345678, +31 6 12345678, 0031 6 12345678
# (the plus is not a serial number's character, so it is gone already or refused).
_PHONE = re.compile(r"(?:06|316|00316)\d{8}")


def clean_serial(text: str) -> str:
    """A serial number as stored and compared: upper case, without spaces or separators.

    Refused, so that nothing about a person is kept: a text without a digit (a name), a street
    and house number, and a Dutch mobile phone number."""
    typed = str(text).strip()
    number = _SEPARATORS.sub("", typed).upper()
    if _PHONE.fullmatch(number.removeprefix("+")):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "That is a phone number, not a serial number: the register keeps nothing "
            "about a person."))
    if not _TYPED.fullmatch(typed or " ") or not SERIAL_MIN <= len(number) <= SERIAL_MAX:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A serial number is {low} to {high} letters and digits."),
            low=SERIAL_MIN, high=SERIAL_MAX,
        )
    if not any(ch.isdigit() for ch in number):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "A serial number has at least one digit: type the number on the item, "
            "not a name."))
    if _ADDRESS.fullmatch(typed):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "That is a street address, not a serial number: the register keeps nothing "
            "about a person."))
    return number


def kind_asked(store: Store, category: str) -> str:
    """The kind of number an intake of this category is asked for now (recorded with the
    number, so the register says what was asked even after the coordinator changes it)."""
    return Registers(store.db).serial_kinds().get(category, SERIAL)


def parse_serial_kind(text: str) -> str | None:
    """'frame', 'imei_serial' (also 'imei-serial') or 'none' (None)."""
    kind = str(text).strip().lower().replace("-", "_")
    if kind == "none":
        return None
    if kind not in SERIAL_KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A kind of serial number is frame, imei-serial or none."))
    return kind


class RegisterService:
    """Which categories ask for a number, finding an item by it, and the register's CSV."""

    def __init__(self, store: Store, clock: Clock, station: str | None = None) -> None:
        self.store, self.clock = store, clock
        self.station = station or store.settings().station
        self.tables = Registers(store.db)

    def serial_kind(self, category: str) -> str | None:
        """The kind of number this category's items are asked for, or None."""
        return self.tables.serial_kinds().get(category)

    def serial_kinds(self) -> dict[str, str]:
        return self.tables.serial_kinds()

    def set_serial_kind(self, actor: User, category: str, kind: str | None) -> None:
        """Ask this category's items for a number of `kind` at intake, or for none."""
        require(actor, Action.MANAGE_CATEGORIES)
        if self.store.category(category) is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "Unknown category '{code}'."),
                           code=category[:30])
        if kind is not None and kind not in SERIAL_KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "A kind of serial number is frame, imei-serial or none."))
        old = self.serial_kind(category)
        with self.store.atomic():
            self.tables.set_serial_kind(category, kind)
            self.store.add_config_change(new_id(), self.clock.now(), self.station, actor.id,
                                         f"category {category} serial", old, kind)

    def find(self, serial: str) -> list[Item]:
        """The items taken in with this number, the latest first."""
        number = clean_serial(serial)
        items = self.tables.items_with_serial(number)
        if not items:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No item has serial number {number}."),
                           number=number)
        return items

    def code_scanned(self, text: str) -> str:
        """What a scan at a work screen means: an item code as it is; a frame number, IMEI or
        serial number the code of the latest item taken in with it (a bike's frame scanned
        at the till, its label torn off); anything else as it was, for the screen to
        refuse."""
        try:
            return normalize_item_code(text)
        except ValidationError:
            pass
        try:
            return self.find(text)[0].code
        except (NotFound, ValidationError):
            return text

    def in_stock_with(self, serial: str, besides: str) -> list[Item]:
        """The items at the centre (in stock or in repair, not voided) other than `besides`
        that were taken in with this number: the same item taken in twice, or one whose number
        was typed wrong. A number on an item that left is no such sign (a bike comes back)."""
        return [item for item in self.tables.items_with_serial(serial)
                if item.code != besides and not item.voided
                and item.status in (Status.IN_STOCK, Status.IN_REPAIR)]

    def register_csv(self, period: Period) -> str:
        """The numbered items taken in during the period (voided ones left out), one row each,
        in the columns of docs/register.md; times local."""
        start, end = period.span(self.store)
        zone = self.store.settings().zone
        names = {c.code: c.name_nl for c in self.store.categories(include_hidden=True)}
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(REGISTER_COLUMNS)
        for code, at, category, kind, number, status, left in self.tables.numbered_items(
                start, end):
            received = at.astimezone(zone)
            writer.writerow([spreadsheet_safe(value) for value in [
                code, received.date().isoformat(), received.strftime("%H:%M"), category,
                names.get(category, category), _KIND_NAMES.get(kind, _KIND_NAMES[SERIAL]), number,
                status, left.astimezone(zone).date().isoformat() if left else "",
            ]])
        return out.getvalue()
