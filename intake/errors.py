"""Errors that the services raise, carrying a translatable message.

A message is an English template marked with ``QT_TRANSLATE_NOOP("Errors", ...)`` so that Qt's
lupdate collects it into the translation files without this package importing Qt; the context
must be written out as a literal there, since lupdate reads the source, not the values. The
touchscreen app translates the template; the command line prints it in English.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for translation in `context`; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Grams:
    """A weight parameter of a message, formatted as kg in the reader's language."""

    grams: int


@dataclass(frozen=True)
class Cents:
    """An amount of money in a message, formatted as euros in the reader's language."""

    cents: int


class AmbachtError(Exception):
    """Base of every refusal the services give: nothing was changed when it is raised."""

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        # What was typed is shown back in the message: never as a line break or a control
        # character, so that a refusal stays one readable line (the CLI prints it as such).
        self.params = {
            key: "".join(ch if ch.isprintable() else "?" for ch in value)
            if isinstance(value, str) else value
            for key, value in params.items()
        }
        super().__init__(self.render(lambda text: text, lambda g: f"{g / 1000:g} kg"))

    def render(
        self, translate: Callable[[str], str], format_grams: Callable[[int], str],
        format_cents: Callable[[int], str] = lambda cents: f"€{cents / 100:,.2f}",
    ) -> str:
        """The message in the reader's language: `translate` the template, then fill it in."""
        values = {
            key: format_grams(value.grams) if isinstance(value, Grams)
            else format_cents(value.cents) if isinstance(value, Cents) else value
            for key, value in self.params.items()
        }
        return translate(self.template).format(**values)


class ValidationError(AmbachtError):
    """Input that cannot be accepted as it is (bad number, unknown category, ...)."""


class NeedsConfirmation(ValidationError):
    """Input that is allowed only once a person confirms it (a weight outside its bounds)."""


class NotFound(AmbachtError):
    """An item, visit, category or user that does not exist."""


class NotAllowed(AmbachtError):
    """The user's role does not allow the action, or the item's state forbids it."""


class StorageError(AmbachtError):
    """The database cannot be used: missing, foreign, damaged or not writable."""


class DamagedDatabase(StorageError):
    """The file is SQLite's and Ambacht's, but its contents are broken: no new step is saved
    in it until a backup is restored."""


class NewerDatabase(StorageError):
    """The file was changed by a newer version of Ambacht (migrations this one does not know):
    it may be read, never written."""


class ForeignWal(StorageError):
    """A `-wal` of another database lies beside the file: it is not applied, and the file
    alone is whole, so moving that `-wal` away (not a restore) is the way out."""


class SecondName(StorageError):
    """The database file has another name too (a hard link): each name would get its own
    `-wal`, so it is not opened; the file is whole, and removing the other name (not a
    restore) is the way out."""


class HistoryDiverged(AmbachtError):
    """Another station's history cannot be taken in: a step changed on the way, steps
    missing before it, or a copy that went apart from this one (nothing was written)."""
