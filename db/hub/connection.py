"""Opening the hub, and what its failures mean for the person at the station.

A hub that does not answer within CONNECT_TIMEOUT_S, or a link that drops mid-sync (TCP
keepalives and a user timeout notice it within about ten seconds), is `HubUnreachable`:
nothing was lost, the station goes on alone. A hub that answers with a refusal (a wrong
password, a revoked station, one of the hub functions' own codes) is `HubRefused`. The driver
is given keyword arguments, never a URL, and every message it gives passes through
`HubAddress.hide` before it is shown, so a password never appears.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg

from intake.hub_address import HubAddress
from intake.hub_errors import HubUnreachable, hub_refused

CONNECT_TIMEOUT_S = 5
_ALIVE: dict[str, Any] = {"keepalives": 1, "keepalives_idle": 4, "keepalives_interval": 2,
          "keepalives_count": 2, "tcp_user_timeout": 9000}
# A station's request the hub does not answer within this is cancelled, so that `sync` keeps
# its promise of one line within 10 s (with the connect, Python's start and the local work)
# and the app's background sync gives up and tries again, when an admin's lock or an
# overload stalls the hub. A lock wait counts in it. The longest request a station makes, a
# push or pull of one batch of 2,000 steps, takes well under a second on the hub (a join of
# a year is 26 such batches in 16-27 s, most of it the station's own file): 7 s leaves room
# for a busy server without cutting a healthy round short.
STATEMENT_TIMEOUT_MS = 7000
# An administrator's command (`hub init`, `invite`, `revoke`, `report --hub`, "Alle
# locaties") may run long on a large hub, a first site copy or a schema upgrade, so it has no
# statement timeout; but it never waits longer than this for a lock another holds (a second
# `hub init`, a stuck session): it says the hub did not answer in time and changed nothing.
LOCK_TIMEOUT_MS = 10_000
_LIMITS = {True: f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
           False: f"-c lock_timeout={LOCK_TIMEOUT_MS}"}
_STALLED = ("57014", "55P03")  # query_canceled (a timeout ran out), lock_not_available
# A connection attempt the server itself refused names its reason after "FATAL:".
_FATAL = re.compile(r"FATAL:\s+(.*)")
_FATAL_CODES = (("password authentication failed", "28P01"),
                ("not permitted to log in", "28000"))
_GOING = ("terminating connection", "the database system is")
_NO_DATABASE = re.compile(r'database ".*" does not exist')  # invalid_catalog_name


def connect(address: HubAddress, *, autocommit: bool = False,
            station: bool = False) -> psycopg.Connection:
    """A connection to the hub, or the refusal that says why there is none. A station's
    requests (`station`) are cut off after STATEMENT_TIMEOUT_MS, an administrator's lock
    waits after LOCK_TIMEOUT_MS."""
    options = address.connection_options()
    options["options"] = f"{options.get('options', '')} {_LIMITS[station]}".strip()
    with hub_failures(address, station=station):
        return psycopg.connect(**options, **_ALIVE, connect_timeout=CONNECT_TIMEOUT_S,
                               autocommit=autocommit, application_name="ambacht")


@contextmanager
def hub_failures(address: HubAddress, *, station: bool = False) -> Iterator[None]:
    """Turn the driver's errors inside into HubUnreachable or HubRefused (a station's
    HubUnreachable says it works on alone)."""
    try:
        yield
    except psycopg.Error as exc:
        # the driver's text may hold the password
        raise _refusal(address, exc, station) from None


def _refusal(address: HubAddress, exc: psycopg.Error, station: bool) -> Exception:
    shown = address.shown()
    text = address.hide(str(exc)).strip()
    code = exc.sqlstate or ""
    if not code:
        fatal = _FATAL.search(text)
        if fatal is None or any(words in fatal.group(1) for words in _GOING):
            # no answer at all (down, unreachable, timed out, link cut), a shutdown, or a
            # server starting or stopping (57P03 at connect, where the driver gives no code)
            reason = text.splitlines()[0] if text else type(exc).__name__
            return HubUnreachable(shown, reason.removeprefix("connection failed: "),
                                  station=station)
        detail = fatal.group(1).splitlines()[0]
        code = "3D000" if _NO_DATABASE.match(detail) else next(
            (known for words, known in _FATAL_CODES if words in detail), "")
        return hub_refused(code, shown, detail)
    if code.startswith(("08", "57P")):  # the connection broke or the server shut down
        return HubUnreachable(shown, text.splitlines()[0] if text else code, station=station)
    if code in _STALLED:  # a stalled hub (a table locked, an overload): retried later
        return HubUnreachable(shown, text.splitlines()[0] if text else code, station=station,
                              stalled=True)
    detail = address.hide(exc.diag.message_primary or text.splitlines()[0])
    return hub_refused(code, shown, detail)
