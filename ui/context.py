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
from intake.material import MaterialService
from intake.settings import Settings
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

    def settings(self) -> Settings:
        """The settings as they are now (read again only after a change)."""
        return self.store.settings()

    def zone(self) -> ZoneInfo:
        return self.store.settings().zone
