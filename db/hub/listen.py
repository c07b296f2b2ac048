"""Listening for a site's news on the hub (PostgreSQL's LISTEN/NOTIFY), so that a station
pulls as soon as another one pushed, rather than on a timer.

`listen` runs on a reader thread of its own (the app hands its wake-ups to the UI thread
through an Inbox, as the serial devices do): it keeps one connection LISTENing, calls `news`
for every other station's notification, and after a lost connection tries again every few
seconds, until `stop` is set.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import psycopg

from db.hub.connection import connect
from intake.errors import AmbachtError
from intake.hub_address import HubAddress

RETRY_S = 5.0
_WAIT_S = 0.5  # how long one wait for news lasts: how soon `stop` is noticed


def listen(address: HubAddress, letter: str, news: Callable[[], None],
           stop: threading.Event) -> None:
    """Call `news` whenever a station other than `letter` sent something to the site, and
    once after every (re)connection (news may have come while no one listened)."""
    while not stop.is_set():
        try:
            with connect(address, autocommit=True, station=True) as conn:
                (channel,) = conn.execute("SELECT ambacht.channel()").fetchone() or ("",)
                conn.execute(f'LISTEN "{channel}"')
                news()
                while not stop.is_set():
                    for note in conn.notifies(timeout=_WAIT_S):  # each as it comes
                        if note.payload != letter:
                            news()
        except (AmbachtError, psycopg.Error):
            stop.wait(RETRY_S)  # out of reach or revoked: the sync rounds say which
