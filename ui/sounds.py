"""The app's short sounds: one when an item is saved, another, unlike it, on an error.

A station setting turns them on or off (`Settings.sound`, "Geluid"); left at its default they
play where hands and eyes are busy (the gate, the workshop, material out) and not at the till,
where a customer stands. Qt Multimedia (PySide6-Addons) plays them; without it, without a
sound card or with a broken WAV the app stays silent and goes on: a sound is never needed.
The WAV files are made by `ui/sounds/make_sounds.py`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal

from intake.settings import Settings

log = logging.getLogger("ambacht")
FOLDER = Path(__file__).resolve().parent / "sounds"
SAVED, ERROR = "saved", "error"
ON_BY_DEFAULT = frozenset({"gate", "workshop", "material"})  # screens: not the till


def sound_on(settings: Settings, place: str) -> bool:
    """Whether sounds play on the screen `place` ("gate", "shop", ...) at this station."""
    chosen = settings.sound
    return place in ON_BY_DEFAULT if chosen is None else chosen


class Sounds(QObject):
    """Plays the saved and error sounds; `played` says which one went to the speaker."""

    played = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effects: dict[str, Any] = {}  # QSoundEffect by name, made at first use
        self._missing = False  # no Qt Multimedia: stay silent without asking again

    def play(self, name: str) -> None:
        """Play SAVED or ERROR now; quietly nothing when the station cannot play sound."""
        effect = self._effect(name)
        if effect is None:
            return
        effect.play()
        self.played.emit(name)

    def _effect(self, name: str) -> Any:
        if name in self._effects or self._missing:
            return self._effects.get(name)
        try:
            from PySide6.QtMultimedia import QSoundEffect  # PySide6-Addons: optional
        except ImportError:
            log.info("no Qt Multimedia: the app plays no sounds")
            self._missing = True
            return None
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(FOLDER / f"{name}.wav")))
        self._effects[name] = effect
        return effect
