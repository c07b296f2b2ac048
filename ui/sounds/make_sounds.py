"""Make the app's two sounds from sine waves: run `python ui/sounds/make_sounds.py`.

`saved.wav`: two short rising tones, bright and friendly (an item was saved).
`error.wav`: two low, longer tones, unlike the first (look at the screen: something is wrong).
Short (under half a second), with soft edges so that they do not click, mono 16-bit at
22.05 kHz: a few kB each, shipped beside this script.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

HERE = Path(__file__).resolve().parent
RATE = 22_050
VOLUME = 0.5  # of full scale: clear in a hall, not startling
EDGE_S = 0.01  # fade in and out, so that a tone does not click


def tone(hz: float, seconds: float) -> list[float]:
    """One sine tone with faded edges."""
    count = round(RATE * seconds)
    edge = round(RATE * EDGE_S)
    return [math.sin(2 * math.pi * hz * n / RATE) * min(1.0, n / edge, (count - n) / edge)
            for n in range(count)]


def silence(seconds: float) -> list[float]:
    """A pause between two tones."""
    return [0.0] * round(RATE * seconds)


def write(path: Path, samples: list[float]) -> None:
    """Save the samples (-1 to 1) as a WAV file."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", round(sample * VOLUME * 32767))
                                 for sample in samples))


def main() -> None:
    """Write both sounds beside this script."""
    write(HERE / "saved.wav", tone(880, 0.08) + silence(0.03) + tone(1320, 0.12))
    write(HERE / "error.wav", tone(220, 0.18) + silence(0.06) + tone(196, 0.22))


if __name__ == "__main__":
    main()
