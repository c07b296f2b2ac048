"""The refusals of the hub and of joining and syncing (issue 13), with translatable messages.

`HubUnreachable` is the one the command line exits 3 on: the hub did not answer, nothing was
lost, and the station simply goes on alone. Every other refusal is an answer (exit 2).
A message names the hub only as `HubAddress.shown()` gives it: never with a password.
"""

from __future__ import annotations

from intake.errors import QT_TRANSLATE_NOOP, AmbachtError, NotAllowed, ValidationError


class BadHubAddress(ValidationError):
    """A --hub value that is neither a PostgreSQL URL nor a join code (not repeated: it may
    hold a password)."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "The hub is neither a PostgreSQL URL "
            "(postgresql://user@host:5432/database) nor a join code from 'ambacht hub invite'."))


class HubUnreachable(AmbachtError):
    """The hub did not answer (in time) or the connection broke: nothing was lost."""

    def __init__(self, hub: str, reason: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "The hub {hub} cannot be reached ({reason}). Nothing was lost: this "
            "station works on alone and sends its work when the hub is back."),
            hub=hub, reason=reason)


class HubRefused(NotAllowed):
    """The hub answered with a refusal (a wrong or revoked credential, a used code ...);
    `code` is the SQLSTATE it gave, when it gave one."""

    code = ""


def hub_refused(code: str, hub: str, detail: str) -> HubRefused:
    """The refusal for one of the hub's own error codes (db/hub/migrations.py raises them),
    or its plain message for any other."""
    template = _REFUSALS.get(code) or QT_TRANSLATE_NOOP("Errors",
                                                        "The hub {hub} refused: {detail}")
    refusal = HubRefused(template, hub=hub, detail=detail)
    refusal.code = code
    return refusal


_REFUSALS = {
    "AMB00": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} is not set up: run 'ambacht hub init --hub URL' first."),
    "AMB01": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} does not know this station's credential: join it again "
        "with a new code ('ambacht hub invite')."),
    "AMB02": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} revoked this station: {detail}. Ask the coordinator for "
        "a new join code."),
    "AMB03": QT_TRANSLATE_NOOP(
        "Errors", "This join code was used already. Ask the coordinator for a new one."),
    "AMB04": QT_TRANSLATE_NOOP("Errors", "This join code is for another site: {detail}."),
    "AMB05": QT_TRANSLATE_NOOP(
        "Errors", "{detail}: this database's history carries that letter, so it cannot join "
        "this site under another. Nothing was changed."),
    "AMB06": QT_TRANSLATE_NOOP("Errors", "The site has no free station letter left."),
    "AMB07": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} refused a step of another station: {detail}."),
    "AMB08": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} holds another history for this station ({detail}): this "
        "database is not the one that joined, or its history was changed. Nothing was sent."),
    "AMB09": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} refused steps that do not continue this station's chain "
        "({detail}). Nothing was sent."),
    "AMB10": QT_TRANSLATE_NOOP("Errors", "The hub {hub} has no site {detail}."),
    "AMB11": QT_TRANSLATE_NOOP("Errors", "The site {detail} has no station of that letter."),
    "28P01": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} did not accept the password: check the URL or ~/.pgpass, "
        "or ask for a new join code."),
    "28000": QT_TRANSLATE_NOOP(
        "Errors", "The hub {hub} lets this role in no more (revoked, or a join code used "
        "up): ask the coordinator for a new join code."),
    "42501": QT_TRANSLATE_NOOP(
        "Errors", "The role in the URL of {hub} may not do this ({detail}): use the hub's "
        "administrator for 'hub init', 'hub invite' and 'hub revoke'."),
}


class NotJoined(ValidationError):
    """`sync` on a station that never joined a hub."""

    def __init__(self, path: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "{path} has not joined a hub: run 'ambacht station join --hub CODE "
            "--site NAME' first. A station without a hub works on alone."), path=path)


class AlreadyJoined(ValidationError):
    """`station join` on a database that is a station of a hub already."""

    def __init__(self, path: str, site: str, letter: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "{path} is station {letter} of site {site} already. Nothing was "
            "changed."), path=path, site=site, letter=letter)
