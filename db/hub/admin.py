"""What the hub's administrator does: set the hub up (`hub init`), invite a station, revoke one.

These run as the role in the administrator's URL, which needs CREATEROLE and the right to
create a schema in the database (its owner, a managed service's admin role, or a superuser).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

import psycopg
from psycopg import sql

from db.hub.connection import connect, hub_failures
from db.hub.fresh_figures import PUBLISH_FUNCTION
from db.hub.migrations import MIGRATIONS
from db.hub.passwords import new_password, scram_verifier
from intake.hub_address import HubAddress
from intake.hub_errors import SiteLookalike, hub_refused

# What a station's roles may call: nothing else (no table, no sequence).
STATION_FUNCTIONS = ("join_site(text, text, boolean)", "whoami()", "clock_check(timestamptz)",
                     "site_config()",
                     "push(jsonb, jsonb, jsonb, jsonb, jsonb)", "pull(bigint, integer)",
                     "pull(bigint, integer, bigint)", "network_figures(date, date)", "channel()",
                     "push_people(jsonb, jsonb, jsonb)", PUBLISH_FUNCTION)


@dataclass(frozen=True)
class HubSetup:
    """What `init_hub` found and did."""

    hub_id: str
    applied: tuple[str, ...]  # migrations applied now (none: the hub was up to date)
    known: tuple[str, ...]  # every migration the hub has now


def init_hub(address: HubAddress) -> HubSetup:
    """Create or upgrade the hub's schema, its stations' group role and their grants, in one
    transaction; running it again changes nothing. Two at once wait for each other."""
    with hub_failures(address), connect(address) as conn:
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('ambacht hub init'))")
        conn.execute("CREATE SCHEMA IF NOT EXISTS ambacht")
        conn.execute("""CREATE TABLE IF NOT EXISTS ambacht.migrations (
                            name text PRIMARY KEY,
                            applied_at timestamptz NOT NULL DEFAULT now())""")
        done = {row[0] for row in conn.execute("SELECT name FROM ambacht.migrations")}
        applied = []
        for name, statements in MIGRATIONS:
            if name not in done:
                conn.execute(statements.encode("utf-8"))  # several statements: no parameters
                conn.execute("INSERT INTO ambacht.migrations (name) VALUES (%s)", [name])
                applied.append(name)
        conn.execute("INSERT INTO ambacht.hub (only_row, hub_id) VALUES (1, %s) "
                     "ON CONFLICT DO NOTHING", [secrets.token_hex(4)])
        hub_id = _hub_id(conn)
        group = sql.Identifier(_group(hub_id))
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                        [_group(hub_id)]).fetchone() is None:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(group))
        conn.execute(sql.SQL("GRANT USAGE ON SCHEMA ambacht TO {}").format(group))
        for function in STATION_FUNCTIONS:
            conn.execute(sql.SQL("GRANT EXECUTE ON FUNCTION ambacht.{} TO {}").format(
                sql.SQL(function), group))
        return HubSetup(hub_id, tuple(applied), tuple(name for name, _ in MIGRATIONS))


def invite(address: HubAddress, site: str, letter: str | None = None,
           new_site: bool = False) -> HubAddress:
    """A one-time role that can join `site` (made when new) and nothing else, as the address
    a join code carries; with `letter`, the role takes that station over (a new PC for a
    dead one). Its password is random and reaches PostgreSQL only as a verifier.

    A new name that differs from a site's only in capitals or spaces is taken for a typo and
    refused (`SiteLookalike`), unless `new_site` says it is meant as another site."""
    with hub_failures(address), connect(address) as conn:
        hub_id = _ready(conn, address)
        conn.execute("LOCK TABLE ambacht.sites IN SHARE ROW EXCLUSIVE MODE")  # two at once
        lookalike = conn.execute(
            "SELECT name FROM ambacht.sites WHERE lower(replace(name, ' ', '')) = "
            "lower(replace(%s, ' ', '')) ORDER BY name = %s DESC, name LIMIT 1",
            [site, site]).fetchone()
        if lookalike is not None and lookalike[0] != site and not new_site:
            raise SiteLookalike(site, lookalike[0])
        (site_id,) = conn.execute(
            "INSERT INTO ambacht.sites (name) VALUES (%s) ON CONFLICT (name) "
            "DO UPDATE SET name = excluded.name RETURNING id", [site]).fetchone() or (0,)
        if letter is not None and conn.execute(
                "SELECT 1 FROM ambacht.stations WHERE site_id = %s AND letter = %s",
                [site_id, letter]).fetchone() is None:
            raise hub_refused("AMB11", address.shown(), f"no station {letter} at {site}",
                              site=site)
        role, password = f"ambacht_{hub_id}_{secrets.token_hex(6)}", new_password()
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
            sql.Identifier(role), sql.Literal(scram_verifier(password)),
            sql.Identifier(_group(hub_id))))
        conn.execute("INSERT INTO ambacht.invites (role_name, site_id, letter) "
                     "VALUES (%s, %s, %s)", [role, site_id, letter])
    return address.as_user(role, password)


def revoke(address: HubAddress, site: str, letter: str) -> datetime | None:
    """Stop a station pushing and pulling: its role may log in no more, its sessions end, and
    the hub's functions refuse it should one still be open. Its letter stays taken. Returns
    when the station last pushed or pulled (None: never), after which its work is its own."""
    with hub_failures(address), connect(address) as conn:
        _ready(conn, address)
        if conn.execute("SELECT 1 FROM ambacht.sites WHERE name = %s",
                        [site]).fetchone() is None:
            raise hub_refused("AMB10", address.shown(), f"no site {site}", site=site)
        row = conn.execute(
            "UPDATE ambacht.stations SET revoked_at = coalesce(revoked_at, now()) "
            "WHERE site_id = (SELECT id FROM ambacht.sites WHERE name = %s) AND letter = %s "
            "RETURNING role_name, seen_at", [site, letter]).fetchone()
        if row is None:
            raise hub_refused("AMB11", address.shown(), f"no station {letter} at {site}",
                              site=site)
        conn.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(row[0])))
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE usename = %s", [row[0]])
    seen: datetime | None = row[1]
    return seen


def _ready(conn: psycopg.Connection, address: HubAddress) -> str:
    """The hub's id; a database `hub init` never set up is refused."""
    if conn.execute("SELECT to_regclass('ambacht.hub')").fetchone() == (None,):
        raise hub_refused("AMB00", address.shown(), "")
    return _hub_id(conn)


def _hub_id(conn: psycopg.Connection) -> str:
    row = conn.execute("SELECT hub_id FROM ambacht.hub").fetchone()
    return str(row[0]) if row else ""


def _group(hub_id: str) -> str:
    """The group role of this hub's stations (roles are the whole server's, hence the id)."""
    return f"ambacht_{hub_id}_stations"


def forget_invite(address: HubAddress, role: str) -> None:
    """Drop an invite that was never used (a join made with the administrator's URL that
    failed), with its role; a used one is left as it is."""
    with hub_failures(address), connect(address) as conn:
        if conn.execute("DELETE FROM ambacht.invites WHERE role_name = %s AND used_at IS NULL "
                        "RETURNING 1", [role]).fetchone():
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))
