"""What a station keeps about its hub (m013), in its own SQLite file and never sent anywhere:
the link (address, its role and password, site, letter), the sync cursor, the hub's state as
last seen, and the configuration records changed here since they were last sent."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from db.chain import chain_head
from db.shared_pins import TRAVELLING_FINDINGS
from db.travel_more import TRAVELLING_MORE
from intake.clock import from_storage, to_storage
from intake.hub_address import HubAddress

# The configuration tables whose records travel: (kind, table, key column). m013's triggers
# are made from it: a kind added here needs a migration of its own for its triggers.
TRAVELLING = (("setting", "settings", "key"), ("category", "categories", "code"),
               ("user", "users", "id"), ("municipality", "municipalities", "name"),
               ("recipient", "recipients", "name"))
# With m020's kinds (db/travel_more.py) and m023's findings of one PIN (db/shared_pins.py).
TRAVELLING_ALL = TRAVELLING + TRAVELLING_MORE + TRAVELLING_FINDINGS


_NOW = "strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z'"  # the stored form, as to_storage

# m013 (db/schema.py), as shipped: never change it, add a migration instead.
# `hub_link` is the hub this station joined (its address without the administrator's
# password, the station's own role and password, site and letter) and the sync cursors:
# `pulled_rev`, the hub's number up to which the site's records were taken in; `pushed_seq`,
# the last of this station's events the hub confirmed; `visits_through`, the change number of
# this file's visits sent up to (m012); with the last contact and since when the hub was out
# of reach. `hub_config_dirty` holds each configuration record changed here since it was last
# sent to the hub, with the time of the change (a new `id` on every change, so that a record
# changed while it was being sent is kept for the next round); triggers fill it, only on a
# station that joined a hub.
HUB_LINK_SCHEMA = (
    """CREATE TABLE hub_link (
        only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
        host TEXT NOT NULL,
        port INTEGER NOT NULL,
        dbname TEXT NOT NULL,
        options TEXT NOT NULL,
        role TEXT NOT NULL,
        password TEXT NOT NULL,
        site TEXT NOT NULL,
        letter TEXT NOT NULL,
        joined_at TEXT NOT NULL,
        pulled_rev INTEGER NOT NULL DEFAULT 0,
        pushed_seq INTEGER NOT NULL DEFAULT 0,
        visits_through INTEGER NOT NULL DEFAULT 0,
        last_contact TEXT,
        offline_since TEXT
    )""",
    """CREATE TABLE hub_config_dirty (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        at TEXT NOT NULL,
        UNIQUE (kind, key)
    )""",
    *(f"""CREATE TRIGGER hub_dirty_{table}_{change.lower()}
          AFTER {change} ON {table} WHEN EXISTS (SELECT 1 FROM hub_link)
          BEGIN
            INSERT OR REPLACE INTO hub_config_dirty (kind, key, at)
            VALUES ('{kind}', NEW.{key}, {_NOW});
          END"""
      for kind, table, key in TRAVELLING for change in ("INSERT", "UPDATE")),
)


@dataclass(frozen=True)
class Link:
    """The hub this station joined, as it logs in there, and where its sync stands."""

    address: HubAddress  # as the station's own role, with its password
    site: str
    letter: str
    pulled_rev: int
    pushed_seq: int
    visits_through: int
    last_contact: datetime | None
    offline_since: datetime | None
    refused: str | None  # the SQLSTATE of the hub's refusal at the last round (m020)


@dataclass(frozen=True)
class Dirty:
    """A configuration record changed here since it was last sent: its kind, key and when."""

    id: int
    kind: str
    key: str
    at: str


class HubLinks:
    """The m013 tables of one open database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def link(self) -> Link | None:
        row = self.db.execute(
            "SELECT host, port, dbname, options, role, password, site, letter, pulled_rev, "
            "pushed_seq, visits_through, last_contact, offline_since, refused FROM hub_link"
        ).fetchone()
        if row is None:
            return None
        (host, port, dbname, options, role, password, site, letter, rev, seq, visits, contact,
         since, refused) = row
        address = HubAddress(host=host, port=port, dbname=dbname, user=role, password=password,
                             options=tuple(json.loads(options).items()), site=site)
        return Link(address, site, letter, rev, seq, visits, _time(contact), _time(since),
                    refused)

    def save(self, address: HubAddress, site: str, letter: str, joined_at: datetime, *,
             send_config: bool) -> None:
        """Keep the link of a station that joined. With `send_config` (a database that had
        a life of its own) every configuration record counts as changed here, as of the Unix
        epoch, so it is sent once and yields to what the site already holds (the
        last-writer rule, docs/stations.md)."""
        self.db.execute(
            "INSERT INTO hub_link (only_row, host, port, dbname, options, role, password, site, "
            "letter, joined_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [address.host, address.port, address.dbname, json.dumps(dict(address.options)),
             address.user, address.password, site, letter, to_storage(joined_at)])
        for kind, table, key in TRAVELLING_ALL if send_config else ():
            self.db.execute(
                f"INSERT OR REPLACE INTO hub_config_dirty (kind, key, at) "
                f"SELECT '{kind}', {key}, '1970-01-01T00:00:00.000000Z' FROM {table}")

    def set_pulled(self, rev: int) -> None:
        self.db.execute("UPDATE hub_link SET pulled_rev = max(pulled_rev, ?)", [rev])

    def set_pushed(self, seq: int, visits_through: int) -> None:
        """The hub holds this station's events up to `seq` and its visits changed up to
        `visits_through`."""
        self.db.execute("UPDATE hub_link SET pushed_seq = ?, visits_through = ?",
                        [seq, visits_through])

    def contact(self, at: datetime, reached: bool) -> None:
        """Note a round's outcome: the hub reached, or out of reach since the first miss."""
        if reached:
            self.db.execute("UPDATE hub_link SET last_contact = ?, offline_since = NULL, "
                            "refused = NULL", [to_storage(at)])
        else:
            self.db.execute("UPDATE hub_link SET offline_since = coalesce(offline_since, ?)",
                            [to_storage(at)])

    def refused(self, code: str) -> None:
        """Note that the hub, reached, refused this station (its SQLSTATE)."""
        self.db.execute("UPDATE hub_link SET refused = ?, offline_since = NULL", [code])

    def dirty(self) -> list[Dirty]:
        """The records changed here since they were last sent, oldest change first."""
        return [Dirty(*row) for row in self.db.execute(
            "SELECT id, kind, key, at FROM hub_config_dirty ORDER BY id")]

    def last_dirty_id(self) -> int:
        (found,) = self.db.execute("SELECT coalesce(max(id), 0) FROM hub_config_dirty"
                                   ).fetchone()
        return int(found)

    def sent(self, upto_id: int) -> None:
        """Forget the changes the hub has taken (a record changed again meanwhile stays)."""
        self.db.execute("DELETE FROM hub_config_dirty WHERE id <= ?", [upto_id])

    def forget_after(self, after_id: int) -> None:
        """Forget the marks written after `after_id`: a pull's own writes, not changes."""
        self.db.execute("DELETE FROM hub_config_dirty WHERE id > ?", [after_id])


def _time(text: str | None) -> datetime | None:
    return None if text is None else from_storage(text)


def has_history(db: Database) -> bool:
    """Whether the database holds any step, visit or delivery note (its letter is in use)."""
    (found,) = db.execute("SELECT EXISTS (SELECT 1 FROM events) OR EXISTS (SELECT 1 FROM visits)"
                          " OR EXISTS (SELECT 1 FROM shipments)").fetchone()
    return bool(found)


def own_head(db: Database, letter: str) -> int:
    """The seq of the station's own last step here (0 for none), held ones too: a PC that
    took over a letter from a newer Ambacht holds some of its own (`db/held_steps.py`)."""
    return (chain_head(db.conn, letter) or (0, ""))[0]


def own_hash(db: Database, letter: str, seq: int) -> str | None:
    """The hash of the station's own step `seq` here (None when it has none there)."""
    row = db.execute("SELECT hash FROM events WHERE station = ? AND seq = ?",
                     [letter, seq]).fetchone()
    return None if row is None else str(row[0])


def unsent_events(db: Database, letter: str, pushed_seq: int) -> int:
    """How many of the station's own steps the hub has not confirmed yet."""
    (count,) = db.execute("SELECT count(*) FROM events WHERE station = ? AND seq > ?",
                          [letter, pushed_seq]).fetchone()
    return int(count)
