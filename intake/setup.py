"""Making a new database ready: settings, this station, default categories, first accounts."""

from __future__ import annotations

from db import Store
from intake.auth import SYSTEM_USER_ID
from intake.clock import Clock
from intake.codes import check_station
from intake.defaults import DEFAULT_CATEGORIES, DEFAULT_SETTINGS
from intake.ids import new_id
from intake.model import Role, User
from intake.text import clean_name

FIRST_COORDINATOR_NAME = "Coördinator"


def is_initialized(store: Store) -> bool:
    return "site_name" in store.settings()


def initialize(
    store: Store, clock: Clock, *, site_name: str | None = None, station: str | None = None
) -> bool:
    """Fill a new database; return False (and change nothing) when it was filled before.

    The first coordinator gets no PIN here: the app's first screen asks for it.
    """
    if is_initialized(store):
        return False
    settings = dict(DEFAULT_SETTINGS)
    if site_name is not None:  # cleaned as the settings screen does (AdminService)
        settings["site_name"] = clean_name(site_name, 60)
    settings["station"] = check_station(station or settings["station"])
    now = clock.now()
    with store.atomic():
        for key, value in settings.items():
            store.set_setting(key, value)
        store.add_station(settings["station"])
        for category in DEFAULT_CATEGORIES:
            store.save_category(category)
        store.add_user(
            User(id=SYSTEM_USER_ID, name="Command line", role=Role.COORDINATOR, has_pin=False),
            None, now,
        )
        store.add_user(
            User(id=new_id(), name=FIRST_COORDINATOR_NAME, role=Role.COORDINATOR, has_pin=False),
            None, now,
        )
    return True
