"""Joining a station to a site on the hub (`ambacht station join`).

The hub hands out the letter (`ambacht.join_site`): a database with history keeps its own,
or is refused when the site has it already; a database without history gets the one it asks
for when free, else the first free one; a new database gets the first free one and the
site's configuration (categories, staff with their PIN hashes, municipalities, recipients,
site settings). The join code's password is replaced in the same hub transaction, so a code
opens nothing once used. Nothing changes on either side unless both do: the station's file
is written inside the transaction that commits the hub's.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db import Store
from db.files import create_complete
from db.hub.admin import forget_invite, invite
from db.hub.station import HubSession
from db.hub_link import HubLinks, has_history
from db.site_config import apply_records
from intake.auth import SYSTEM_USER_ID
from intake.clock import Clock
from intake.defaults import DEFAULT_SETTINGS
from intake.errors import QT_TRANSLATE_NOOP, AmbachtError, StorageError
from intake.hub_address import HubAddress, read_hub
from intake.hub_errors import (
    AlreadyJoined,
    CodeForAnotherSite,
    HubRefused,
    LetterTaken,
    hub_refused,
)
from intake.model import Role, User
from intake.setup import initialize
from intake.text import clean_name

SITE_NAME_MAX = 60


@dataclass(frozen=True)
class Joined:
    """The outcome of a join: the station's letter, and whether its database is new."""

    letter: str
    created: bool


def join(hub: str, site: str, path: Path, clock: Clock, existing: Store | None) -> Joined:
    """Join the database at `path` (`existing`, opened by the caller, or None to make a new
    one there) to `site` on the hub that `hub` (a URL or a join code) names."""
    address = read_hub(hub)
    site = clean_name(site, SITE_NAME_MAX)
    if address.site and address.site != site:
        raise CodeForAnotherSite(address.site)
    if existing is not None and (link := HubLinks(existing.db).link()) is not None:
        raise AlreadyJoined(existing.path, link.site, link.letter)
    invited = address if address.site else invite(address, site)
    try:
        if existing is not None:
            return Joined(_join_existing(existing, invited, site, clock), created=False)
        return Joined(_join_new(path, invited, site, clock), created=True)
    except HubRefused as exc:
        if address.site and exc.code in ("28P01", "28000"):  # a code's password, replaced
            raise hub_refused("AMB03", address.shown(), exc.detail) from None
        raise
    except BaseException:
        if not address.site:  # the administrator's own invite, made just now: leave none
            with suppress(AmbachtError):  # the hub went away: an unused invite is harmless
                forget_invite(address, invited.user)
        raise


def _join_existing(store: Store, invited: HubAddress, site: str, clock: Clock) -> str:
    current = store.settings().station
    with HubSession(invited) as hub:
        try:
            letter = hub.join(site, current, has_history(store.db))
        except HubRefused as exc:
            if exc.code == "AMB05":  # what the hub said is in the log: this names both
                raise LetterTaken(current, site) from None
            raise
        password = hub.new_password()
        with store.atomic():
            if letter != current:  # no history carries the old letter yet
                store.set_setting("station", letter)
                store.add_station(letter)
            HubLinks(store.db).save(invited.as_user(invited.user, password), site, letter,
                                    clock.now(), send_config=True)
            hub.commit()
    return letter


def _join_new(path: Path, invited: HubAddress, site: str, clock: Clock) -> str:
    with HubSession(invited) as hub:
        letter = hub.join(site, None, False)
        password = hub.new_password()
        config = hub.site_config()

        def fill(new: Store) -> None:
            if config:
                fill_from_site(new, config, letter, site, clock)
            else:  # the site's first station: the defaults, sent to the hub at the first sync
                initialize(new, clock, site_name=site, station=letter)
            with new.atomic():
                HubLinks(new.db).save(invited.as_user(invited.user, password), site, letter,
                                      clock.now(), send_config=not config)
            hub.commit()

        if not create_complete(path, fill, clock.now()):
            raise StorageError(QT_TRANSLATE_NOOP(
                "Errors", "{path} appeared while it was being made; nothing was changed."),
                path=str(path))
    return letter


def fill_from_site(store: Store, config: list[dict[str, Any]], letter: str, site: str,
                    clock: Clock) -> None:
    """A new station's database: this PC's default settings, then the site's configuration."""
    with store.atomic():
        for key, value in {**DEFAULT_SETTINGS, "site_name": site, "station": letter}.items():
            store.set_setting(key, value)
        store.add_station(letter)
        apply_records(store, config)
        if store.user(SYSTEM_USER_ID) is None:
            store.add_user(User(id=SYSTEM_USER_ID, name="Command line", role=Role.COORDINATOR,
                                has_pin=False), None, clock.now())
