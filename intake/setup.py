"""Making a new database ready: settings, this station, default categories, first accounts.

`open_or_create` is how `ambacht init` and the app's first start make the file: complete or
not at all (`db.files.create_complete`), so a kill halfway never leaves a file that is "not an
Ambacht database" or one without its station.
"""

from __future__ import annotations

from pathlib import Path

from db import Store
from db.files import create_complete, remove_stale
from db.registers import Registers
from intake.auth import SYSTEM_USER_ID
from intake.clock import Clock
from intake.codes import check_station
from intake.defaults import DEFAULT_CATEGORIES, DEFAULT_SERIALS, DEFAULT_SETTINGS
from intake.ids import new_id
from intake.model import Role, User
from intake.text import clean_name

FIRST_COORDINATOR_NAME = "Coördinator"


def open_or_create(
    path: Path | str, clock: Clock, *, site_name: str | None = None, station: str | None = None
) -> tuple[Store, bool]:
    """Open the database at `path`, first making it, filled, when there is none; return it
    and whether this call filled it (False when it was ready before).

    A file an older version made but never filled is filled now, in one transaction. Copies
    left half-written beside it by a killed init or restore are removed.
    """
    if str(path) == ":memory:":
        store = Store.open(path)
        return store, initialize(store, clock, site_name=site_name, station=station)
    path = Path(path)
    remove_stale(path)
    created = False
    if not (path.exists() and path.stat().st_size > 0):
        created = create_complete(
            path, lambda new: initialize(new, clock, site_name=site_name, station=station),
            clock.now())
    store = Store.open(path)
    try:
        filled = initialize(store, clock, site_name=site_name, station=station)
    except BaseException:
        store.close()
        raise
    return store, created or filled


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
        for code, kind in DEFAULT_SERIALS.items():
            Registers(store.db).set_serial_kind(code, kind)
        store.add_user(
            User(id=SYSTEM_USER_ID, name="Command line", role=Role.COORDINATOR, has_pin=False),
            None, now,
        )
        store.add_user(
            User(id=new_id(), name=FIRST_COORDINATOR_NAME, role=Role.COORDINATOR, has_pin=False),
            None, now,
        )
    return True
