"""What every screen may use: the services, the language, the print queue and the backups.

Built once by the composition root (`ui.app.build_context`); screens get it in their
constructor and never reach for the database themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from db import Store
from intake.admin import AdminService
from intake.auth import AuthService
from intake.clock import Clock
from intake.gate import GateService
from intake.labelling import LabelService
from intake.localtime import site_zone
from intake.material import MaterialService
from intake.shop import ShopService
from intake.workshop import WorkshopService
from ui.backups import BackupScheduler
from ui.devices import Devices
from ui.i18n import Language
from ui.printing import PrintQueue


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
    language: Language
    printer_queue: PrintQueue
    backups: BackupScheduler
    devices: Devices = field(default_factory=Devices)  # run_app starts them as set up

    def setting(self, key: str, default: str = "") -> str:
        return self.store.settings().get(key, default)

    def zone(self) -> ZoneInfo:
        return site_zone(self.store.settings())
