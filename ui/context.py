"""What every screen may use: the services, the language, the print queue, the backups and
the sync with the hub.

Built once by the composition root (`ui.app.build_context`); screens get it in their
constructor and never reach for the database themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from zoneinfo import ZoneInfo

from db import Store
from intake.admin import AdminService
from intake.auth import AuthService
from intake.clock import Clock
from intake.conflicts import ConflictService
from intake.drafts import DraftService
from intake.eu_reuse import EuReuse, eu_reuse
from intake.figure_changes import exports_touched
from intake.gate import GateService
from intake.hub_address import HubAddress
from intake.hub_sync import SyncService
from intake.item_search import Found, ItemSearch, find_items
from intake.labelling import LabelService
from intake.material import MaterialService
from intake.model import User
from intake.monitoring import (
    Period,
    Report,
    TargetProgress,
    build_report,
    stored_baseline,
    year_progress,
)
from intake.people import PeopleService
from intake.provenance import Provenance, provenance_of, record_export
from intake.registers import RegisterService
from intake.report_formats import figures_json
from intake.settings import Settings
from intake.shop import ShopService
from intake.till import Takings, takings
from intake.workshop import WorkshopService
from ui.backups import BackupScheduler
from ui.devices import Devices
from ui.hub_sync import BackgroundSync
from ui.i18n import Language
from ui.printing import PrintQueue
from ui.sounds import Sounds


@dataclass
class AppContext:
    """The services and shared objects of one running app."""

    store: Store
    clock: Clock
    auth: AuthService
    gate: GateService
    labels: LabelService
    admin: AdminService
    workshop: WorkshopService
    shop: ShopService
    material: MaterialService
    conflicts: ConflictService
    language: Language
    printer_queue: PrintQueue
    backups: BackupScheduler
    sync: BackgroundSync  # with the hub, on a station that joined one
    devices: Devices = field(default_factory=Devices)  # run_app starts them as set up
    sounds: Sounds = field(default_factory=Sounds)  # the saved and error sounds
    demo: bool = False  # started with --demo: the screens say so, with the demo's PINs

    @cached_property
    def registers(self) -> RegisterService:
        """Which categories ask for a serial number; finding items by it."""
        return RegisterService(self.store, self.clock)

    @cached_property
    def drafts(self) -> DraftService:
        """Half-done work kept in this station's file: repair answers, the material list."""
        return DraftService(self.store, self.clock, self.workshop.station)

    @cached_property
    def people(self) -> PeopleService:
        """Staff kinds, sessions at this station, courses."""
        return PeopleService(self.store, self.clock)

    def settings(self) -> Settings:
        """The settings as they are now (read again only after a change)."""
        return self.store.settings()

    def zone(self) -> ZoneInfo:
        return self.store.settings().zone

    # Lists the screens show, from the store's cache (read again only after a change).

    def category_names(self) -> dict[str, str]:
        """Every category's name in the app's language, the hidden ones too (old items)."""
        lang = self.language.code
        return {cat.code: cat.name(lang) for cat in self.store.categories(include_hidden=True)}

    def user_names(self) -> dict[str, str]:
        """Every colleague's name by id, the disabled ones too (they stay in the history)."""
        return {user.id: user.name for user in self.store.users(include_inactive=True)}

    def station_letters(self) -> list[str]:
        return self.store.station_letters()

    def account(self, user_id: str) -> User | None:
        """A colleague's account as it is now (the coordinator may have changed it)."""
        return self.store.user(user_id)

    # The figures, as of the app's clock.

    def report(self, period: Period, station: str | None = None) -> Report:
        """The figures of `period`: the whole file's (the site's, once its stations' history
        has arrived), or one station's steps only."""
        return build_report(self.store, period, self.clock.now(), station)

    def eu_reuse(self, report: Report) -> EuReuse:
        """The EU re-use figures of a report's period, for its workbook and PDF."""
        return eu_reuse(self.store, report)

    def find_items(self, search: ItemSearch, limit: int) -> Found:
        """Items found without their label ("Zoek"): the first `limit` and how many in all."""
        return find_items(self.store, search, self.clock.now(), self.zone(), limit)

    def takings(self, period: Period) -> Takings:
        """This station's takings of a period by payment method (the day close)."""
        return takings(self.store, period, self.shop.station)

    def baseline(self) -> Period | None:
        """The period the coordinator marked as the baseline (nulmeting), if any."""
        return stored_baseline(self.store.settings())

    def year_progress(self, by: date) -> TargetProgress | None:
        """Progress to `by`'s year's targets up to `by`; None without targets."""
        return year_progress(self.store, by)

    def provenance(self, period: Period) -> Provenance:
        """Where a report of `period` made now comes from (read before its figures)."""
        return provenance_of(self.store, period, self.clock.now())

    def exports_touched(self, kind: str, key: str | None) -> int:
        """How many exports of earlier periods a change of `kind` to `key` makes read
        differently (`intake.figure_changes`)."""
        return exports_touched(self.store, kind, key, self.clock.now().astimezone(
            self.zone()).date())

    def hub_address(self) -> HubAddress:
        """The hub this station joined, as it logs in there (every site's figures)."""
        return SyncService(self.store, self.clock).link().address

    def record_export(self, provenance: Provenance, report: Report, kind: str,
                      data: bytes) -> None:
        """Keep the record of a report exported as `kind` (xlsx, pdf)."""
        record_export(self.store, provenance, report.period, kind,
                      figures_json(report.total), data)
