"""The refusals of the hub and of joining and syncing (issue 13), with translatable messages.

`HubUnreachable` is the one the command line exits 3 on: the hub did not answer, nothing was
lost, and the station simply goes on alone. Every other refusal is an answer (exit 2).
A message names the hub only as `HubAddress.shown()` gives it: never with a password.

Each message is one short sentence in the reader's language. What PostgreSQL or the network
said (English, technical) goes to the log ("ambacht": the app's and the command line's
`ambacht.log`, `intake/logfile.py`) and is kept on the error as `detail`, never in its message.
"""

from __future__ import annotations

import logging

from intake.errors import (
    QT_TRANSLATE_NOOP,
    AmbachtError,
    HistoryDiverged,
    NotAllowed,
    ValidationError,
)

log = logging.getLogger("ambacht")


class BadSslMode(ValidationError):
    """A hub URL whose sslmode libpq does not know."""

    def __init__(self, mode: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "The hub's sslmode '{mode}' is not one PostgreSQL knows: use disable, "
            "allow, prefer, require, verify-ca or verify-full."), mode=mode)


class BadHubAddress(ValidationError):
    """A --hub value that is neither a PostgreSQL URL nor a join code (not repeated: it may
    hold a password)."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "The hub is neither a PostgreSQL URL "
            "(postgresql://user@host:5432/database) nor a join code from 'ambacht hub invite'."))


class HubUnreachable(AmbachtError):
    """The hub did not answer (in time) or the connection broke: nothing was lost. A station's
    message adds that it works on alone; `stalled` is a hub that took the connection but did
    not answer a request in time."""

    def __init__(self, hub: str, reason: str, *, station: bool = False,
                 stalled: bool = False) -> None:
        super().__init__(_UNREACHABLE[station, stalled], hub=hub)
        self.detail = reason
        log.warning("hub %s out of reach: %s", hub, reason)


_UNREACHABLE = {
    (True, False): QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} cannot be reached; nothing was lost, and this station "
        "works on alone."),
    (True, True): QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} did not answer in time; nothing was lost, and this station "
        "works on alone."),
    (False, False): QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} cannot be reached; nothing was changed."),
    (False, True): QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} did not answer in time; nothing was changed."),
}


class HubRefused(NotAllowed):
    """The hub answered with a refusal (a wrong or revoked credential, a used code ...);
    `code` is the SQLSTATE it gave, when it gave one."""

    code = ""
    detail = ""


def hub_refused(code: str, hub: str, detail: str, **names: str) -> HubRefused:
    """The refusal for one of the hub's own error codes (db/hub/migrations.py raises them),
    or a plain one for any other; `detail` (what the hub said) goes to the log only, and
    `names` (a site's name) fill in the messages that name them."""
    template = _REFUSALS.get(code) or QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} refused this; the log says why.")
    refusal = HubRefused(template, hub=hub, **names)
    refusal.code, refusal.detail = code, detail
    log.warning("hub %s refused (%s): %s", hub, code or "no code", detail)
    return refusal


_NOT_SET_UP = QT_TRANSLATE_NOOP(
    "Errors", "The hub {hub} is not set up: run 'ambacht hub init --hub URL' first.")
_REFUSALS = {
    "AMB00": _NOT_SET_UP,
    # No hub schema in that database (or an older one, without what is asked of it).
    "3F000": _NOT_SET_UP, "42P01": _NOT_SET_UP, "42883": _NOT_SET_UP,
    "3D000": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} names a database the server does not have: check the URL."),
    "AMB01": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} does not know this station's credential: join it again "
        "with a new code ('ambacht hub invite')."),
    "AMB02": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} revoked this station: ask the coordinator for a new join "
        "code."),
    "AMB03": QT_TRANSLATE_NOOP(
        "Errors", "This join code was used already: ask the coordinator for a new one."),
    "AMB04": QT_TRANSLATE_NOOP("Errors", "This join code is for another site."),
    "AMB05": QT_TRANSLATE_NOOP(
        "Errors", "This database's station letter cannot be used at this site; nothing was "
        "changed."),
    "AMB06": QT_TRANSLATE_NOOP("Errors", "The site has no free station letter left."),
    "AMB07": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} refused records of another station; nothing was sent."),
    "AMB08": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} holds another history for this station; nothing was sent."),
    "AMB09": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} refused steps that do not continue this station's chain; "
        "nothing was sent."),
    "AMB10": QT_TRANSLATE_NOOP("Errors", "The hub {hub} has no site {site}."),
    "AMB11": QT_TRANSLATE_NOOP("Errors", "The site {site} has no station of that letter."),
    "28P01": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} did not accept the password: check the URL or ~/.pgpass, "
        "or ask for a new join code."),
    "28000": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} lets this role in no more (revoked, or a join code used "
        "up): ask the coordinator for a new join code."),
    "42501": QT_TRANSLATE_NOOP(
        "Errors", "The role in the URL of {hub} may not do this: use the hub's "
        "administrator for 'hub init', 'hub invite' and 'hub revoke'."),
}


class CodeForAnotherSite(ValidationError):
    """A join code given with the name of another site than the one it was made for."""

    def __init__(self, site: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "This join code is for site {site}."),
                         site=site)


class SiteLookalike(ValidationError):
    """A new site's name that differs from an existing site's only in capitals or spaces:
    a typo, most likely, that would split a site in two."""

    def __init__(self, site: str, existing: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "The hub has a site '{existing}' already; '{site}' differs from it only "
            "in capitals or spaces. Use '{existing}', or --new-site for another site."),
            site=site, existing=existing)


class LetterTaken(NotAllowed):
    """A database with history joins a site where its letter is taken already (or with a
    code that takes over another letter): its steps carry the letter, so it cannot change."""

    def __init__(self, letter: str, site: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "Letter {letter} is taken at site {site} already (or the code is for "
            "another letter); nothing was changed."), letter=letter, site=site)


class NotJoined(ValidationError):
    """`sync` on a station that never joined a hub."""

    def __init__(self, path: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "{path} has not joined a hub: run 'ambacht station join --hub CODE "
            "--site NAME' first. A station without a hub works on alone."), path=path)


class RestoredStation(NotAllowed):
    """A step at a station restored from a backup before a sync round pulled its own steps
    back from the hub: it could hand out a code the hub holds already (db/hub_restore.py)."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "This PC was restored from a backup: first sync with the hub."))


class ForkedStation(HistoryDiverged):
    """This file's own steps differ from the hub's copy of them: it took steps after a restore
    (or as a copy) before it synced. No round can go through; docs/stations.md says how to
    take the station over on a new file and enter the steps the hub lacks again."""

    def __init__(self, station: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "Station {station}'s steps in this file differ from the hub's copy, so "
            "it can never sync again: keep this file and take the station over on a new one "
            "(docs/stations.md, 'A station that went apart from the hub')."), station=station)


class AlreadyJoined(ValidationError):
    """`station join` on a database that is a station of a hub already."""

    def __init__(self, path: str, site: str, letter: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "{path} is station {letter} of site {site} already. Nothing was "
            "changed."), path=path, site=site, letter=letter)
