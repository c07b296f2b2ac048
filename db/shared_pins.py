"""Colleagues who share a PIN since their stations' staff lists met (m020, issue 13).

PINs are stored as salted hashes, so two equal PINs look different: they can only be found
when one is typed. At a login the PIN is checked, once, against each other colleague's PIN
hash (`pin_checks` remembers which pairs of hashes were compared, so a login costs no more
than before once they were); two that match are a finding in `shared_pins`. A finding stays
open while both colleagues are active with those hashes: a new PIN for either closes it.

Since m023 a finding travels to the hub and every station of the site as a record of the
coordinator's configuration (kind `shared_pin`, keyed by its `pair` of hashes), so the
coordinator is told wherever they log in, and the pair logs in nowhere; the new PIN travels
as the staff record it is, and closes the finding everywhere. `pin_checks` stays here.
"""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from intake.clock import from_storage, to_storage

_NOW = "strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z'"  # the stored form, as to_storage

# The findings as a travelling kind of record: (kind, table, key column) (`db/site_config.py`).
TRAVELLING_FINDINGS = (("shared_pin", "shared_pins", "pair"),)

# m020's statements for shared PINs, as shipped with it (`db/travel_more.py`).
SHARED_PIN_TABLES = (
    """CREATE TABLE pin_checks (
        pin_hash TEXT NOT NULL,
        other_hash TEXT NOT NULL,
        PRIMARY KEY (pin_hash, other_hash)
    )""",
    """CREATE TABLE shared_pins (
        user_id TEXT NOT NULL REFERENCES users(id),
        pin_hash TEXT NOT NULL,
        other_id TEXT NOT NULL REFERENCES users(id),
        other_hash TEXT NOT NULL,
        found_at TEXT NOT NULL,
        PRIMARY KEY (pin_hash, other_hash)
    )""",
)


# m023 (db/schema.py), as shipped: never change it, add a migration instead. A finding's key
# is its two hashes; findings made before m023 on a joined station are sent at its next round.
SHARED_PINS_TRAVEL = (
    "ALTER TABLE shared_pins ADD COLUMN pair TEXT",
    "UPDATE shared_pins SET pair = pin_hash || ' ' || other_hash",
    "CREATE UNIQUE INDEX shared_pins_pair ON shared_pins (pair)",
    *(f"""CREATE TRIGGER hub_dirty_shared_pins_{change.lower()}
          AFTER {change} ON shared_pins WHEN EXISTS (SELECT 1 FROM hub_link)
          BEGIN
            INSERT OR REPLACE INTO hub_config_dirty (kind, key, at)
            VALUES ('shared_pin', NEW.pair, {_NOW});
          END""" for change in ("INSERT", "UPDATE")),
    "INSERT OR REPLACE INTO hub_config_dirty (kind, key, at) SELECT 'shared_pin', pair, "
    "found_at FROM shared_pins WHERE EXISTS (SELECT 1 FROM hub_link)",
)


def unchecked(db: Database, pin_hash: str) -> set[str]:
    """The other active PIN hashes not yet compared with the PIN of `pin_hash`."""
    return {other for (other,) in db.execute(
        "SELECT u.pin_hash FROM users u WHERE u.active = 1 AND u.pin_hash IS NOT NULL "
        "AND u.pin_hash <> ? AND NOT EXISTS (SELECT 1 FROM pin_checks c "
        "WHERE c.pin_hash = ? AND c.other_hash = u.pin_hash)", [pin_hash, pin_hash])}


def note_checked(db: Database, pin_hash: str, others: set[str]) -> None:
    """Remember that the PIN of `pin_hash` was compared with `others` (both ways: PINs
    that differ differ whichever is typed)."""
    db.conn.executemany("INSERT OR IGNORE INTO pin_checks (pin_hash, other_hash) "
                        "VALUES (?, ?)", [pair for other in sorted(others)
                                          for pair in ((pin_hash, other), (other, pin_hash))])


def note_shared(db: Database, user_id: str, pin_hash: str, other_id: str, other_hash: str,
                at: datetime) -> None:
    """Record that two colleagues share a PIN (once a pair, whichever of them typed it)."""
    if other_hash < pin_hash:
        user_id, pin_hash, other_id, other_hash = other_id, other_hash, user_id, pin_hash
    db.execute("INSERT OR IGNORE INTO shared_pins (pair, user_id, pin_hash, other_id, "
               "other_hash, found_at) VALUES (?, ?, ?, ?, ?, ?)",
               [f"{pin_hash} {other_hash}", user_id, pin_hash, other_id, other_hash,
                to_storage(at)])


def shares(db: Database, pin_hash: str) -> bool:
    """Whether the PIN of `pin_hash` is in an open finding."""
    return any(pin_hash in pair for pair in _open(db, "s.pin_hash, s.other_hash"))


def open_findings(db: Database) -> list[tuple[str, str, datetime]]:
    """(name, other's name, found at) of each pair who still share a PIN, oldest first."""
    found = []
    for one, other, at in _open(db, "a.name, b.name, s.found_at"):
        first, second = sorted((one, other))  # in name order, whichever typed the PIN
        found.append((first, second, from_storage(at)))
    return found


def _open(db: Database, columns: str) -> list[tuple[str, ...]]:
    """`columns` of the open findings: both colleagues active, with the hashes found."""
    return db.execute(
        f"SELECT {columns} FROM shared_pins s "
        "JOIN users a ON a.id = s.user_id AND a.pin_hash = s.pin_hash AND a.active = 1 "
        "JOIN users b ON b.id = s.other_id AND b.pin_hash = s.other_hash AND b.active = 1 "
        "ORDER BY s.found_at, a.name, b.name").fetchall()
