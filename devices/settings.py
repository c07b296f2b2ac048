"""The station's device settings: which scale on which port, a serial scanner, a camera, and
how slowly a keyboard scanner may type.

They are kept with the other station settings (`AdminService.set_device_setting`); a key that
was never set has its default here, which leaves both devices off.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from devices.protocols import PROTOCOLS, Protocol
from devices.serial_link import BAUD_RATES, FRAMINGS, PortSettings
from intake.errors import QT_TRANSLATE_NOOP, ValidationError

SCALE_PROTOCOL = "scale_protocol"
SCALE_PORT = "scale_port"
SCALE_BAUD = "scale_baud"
SCALE_FRAMING = "scale_framing"
SCANNER_PORT = "scanner_port"
SCANNER_BAUD = "scanner_baud"
SCAN_CAMERA = "scan_camera"  # the camera's id as Qt Multimedia gives it; '' for none
SCAN_GAP = "scan_gap_ms"  # the longest pause between two keys of a keyboard scanner's burst
NO_SCALE = "none"
# A USB scanner types a key every 2 to 20 ms; a Bluetooth one on a busy PC up to about 80 ms.
# People type 80 ms apart or slower, so a longer gap lets more typing pass as a scan.
SCAN_GAPS_MS = (50, 100, 150, 200, 300)

DEFAULTS: dict[str, str] = {
    SCALE_PROTOCOL: NO_SCALE, SCALE_PORT: "", SCALE_BAUD: "9600", SCALE_FRAMING: "8N1",
    SCANNER_PORT: "", SCANNER_BAUD: "9600", SCAN_CAMERA: "", SCAN_GAP: "100",
}
# /dev/ttyUSB0, /dev/serial/by-id/usb-FTDI_FT232R-if00-port0, COM3: no spaces, no quotes.
_PORT = re.compile(r"[A-Za-z0-9_./:\\-]{1,120}")


def check_setting(key: str, value: str) -> str:
    """`value` cleaned for `key`, or ValidationError."""
    value = str(value).strip()
    if key == SCALE_PROTOCOL:
        if value != NO_SCALE and value not in PROTOCOLS:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown scale protocol '{name}'."),
                                  name=value[:30])
    elif key in (SCALE_PORT, SCANNER_PORT):
        if value and not _PORT.fullmatch(value):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "'{name}' is not a serial port name such as /dev/ttyUSB0 or COM3."),
                name=value[:60])
    elif key in (SCALE_BAUD, SCANNER_BAUD):
        if value not in {str(rate) for rate in BAUD_RATES}:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "The speed is one of {rates} baud."),
                rates=", ".join(str(rate) for rate in BAUD_RATES))
    elif key == SCALE_FRAMING:
        if value not in FRAMINGS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "The framing is one of {framings}."), framings=", ".join(FRAMINGS))
    elif key == SCAN_GAP:
        if value not in {str(gap) for gap in SCAN_GAPS_MS}:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "The pause between a scanner's keys is one of {gaps} ms."),
                gaps=", ".join(str(gap) for gap in SCAN_GAPS_MS))
    elif key == SCAN_CAMERA:
        if len(value) > 200 or not value.isprintable():
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "That is not a camera's name."))
    else:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown device setting '{key}'."),
                              key=str(key)[:30])
    return value


def device_setting(settings: Mapping[str, str], key: str) -> str:
    """A device setting as stored, or its default."""
    return settings.get(key) or DEFAULTS[key]


def scale_settings(settings: Mapping[str, str]) -> tuple[PortSettings, Protocol] | None:
    """The scale's port and protocol, or None when no scale is set up."""
    protocol = PROTOCOLS.get(device_setting(settings, SCALE_PROTOCOL))
    port = device_setting(settings, SCALE_PORT)
    if protocol is None or not port:
        return None
    return PortSettings(port, _baud(settings, SCALE_BAUD), _framing(settings)), protocol


def scanner_settings(settings: Mapping[str, str]) -> PortSettings | None:
    """The serial scanner's port (always 8N1, as scanners come), or None without one."""
    port = device_setting(settings, SCANNER_PORT)
    return PortSettings(port, _baud(settings, SCANNER_BAUD)) if port else None


def scan_gap_s(settings: Mapping[str, str]) -> float:
    """The longest pause between two keys of a scanner's burst, in seconds."""
    value = device_setting(settings, SCAN_GAP)
    return int(value if value.isdigit() else DEFAULTS[SCAN_GAP]) / 1000


def _baud(settings: Mapping[str, str], key: str) -> int:
    value = device_setting(settings, key)
    return int(value) if value.isdigit() else int(DEFAULTS[key])


def _framing(settings: Mapping[str, str]) -> str:
    value = device_setting(settings, SCALE_FRAMING)
    return value if value in FRAMINGS else DEFAULTS[SCALE_FRAMING]
