"""The coordinator's device settings: the scale (protocol, port, speed, framing), a serial
barcode scanner, how slowly a keyboard scanner may type, and a camera, with a test that
connects to the scale and shows what it says."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from devices.protocols import PROTOCOLS, Reading
from devices.serial_link import BAUD_RATES, FRAMINGS, available_ports
from devices.settings import (
    NO_SCALE,
    SCALE_BAUD,
    SCALE_FRAMING,
    SCALE_PORT,
    SCALE_PROTOCOL,
    SCAN_CAMERA,
    SCAN_GAP,
    SCAN_GAPS_MS,
    SCANNER_BAUD,
    SCANNER_PORT,
    device_setting,
)
from ui.camera import camera_names, missing_parts
from ui.devices import describe, explain_fault
from ui.screens.admin_base import Section
from ui.widgets.keyboard import TextEntryPanel

# Port names need / _ : and \ that the name keyboard lacks.
_PORT_KEYS = ("1234567890", "qwertyuiop", "asdfghjkl:", "zxcvbnm_-.", "/\\")
_TYPE_PORT = "\x00type"  # the "type a name" option: no port is called that
TEST_TIMEOUT_MS = 3000


class DevicesSection(Section):
    """Scale and serial scanner settings; each change reconnects the device at once."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.change = self.add_button(self.start_change)
        self.test = self.add_button(self.test_scale)
        self.finish_buttons()
        self._testing = False
        self._test_timeout = QTimer(self)
        self._test_timeout.setSingleShot(True)
        self._test_timeout.setInterval(TEST_TIMEOUT_MS)
        self._test_timeout.timeout.connect(self._test_gave_up)
        self.ctx.devices.scale.changed.connect(self._scale_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.change.setText(self.tr("Change"))
        self.test.setText(self.tr("Test scale"))

    def protocol_names(self) -> dict[str, str]:
        return {NO_SCALE: self.tr("No scale (type weights)"),
                **{key: protocol.name for key, protocol in PROTOCOLS.items()}}

    def framing_names(self) -> dict[str, str]:
        return {"8N1": self.tr("8N1: 8 data bits, no parity (most scales)"),
                "7E1": self.tr("7E1: 7 data bits, even parity (Toledo 8217)"),
                "7O1": self.tr("7O1: 7 data bits, odd parity")}

    def refresh(self) -> None:
        s = self.ctx.admin.settings()
        none = self.tr("none")
        self.set_rows([
            (self.tr("Scale: {value}").format(
                value=self.protocol_names()[device_setting(s, SCALE_PROTOCOL)]), SCALE_PROTOCOL),
            (self.tr("Scale port: {value}").format(value=device_setting(s, SCALE_PORT) or none),
             SCALE_PORT),
            (self.tr("Scale speed: {value} baud").format(value=device_setting(s, SCALE_BAUD)),
             SCALE_BAUD),
            (self.tr("Scale framing: {value}").format(value=device_setting(s, SCALE_FRAMING)),
             SCALE_FRAMING),
            (self.tr("Serial barcode scanner port: {value}").format(
                value=device_setting(s, SCANNER_PORT) or none), SCANNER_PORT),
            (self.tr("Serial barcode scanner speed: {value} baud").format(
                value=device_setting(s, SCANNER_BAUD)), SCANNER_BAUD),
            (self.tr("Barcode scanner: at most {value} ms between keys").format(
                value=device_setting(s, SCAN_GAP)), SCAN_GAP),
            (self.tr("Camera for scanning labels: {value}").format(
                value=self.camera_name(device_setting(s, SCAN_CAMERA)) or none), SCAN_CAMERA),
        ])

    def camera_name(self, camera_id: str) -> str:
        """The camera's description, or its id when it is not plugged in now."""
        return dict(camera_names()).get(camera_id, camera_id)

    def update_buttons(self) -> None:
        self.change.setEnabled(self.selected() is not None)

    def start_change(self) -> None:
        key = self.selected()
        if key == SCALE_PROTOCOL:
            self.ask_choice(self.tr("Which scale?"), list(self.protocol_names().items()),
                            lambda value: self.save(key, value))
        elif key in (SCALE_PORT, SCANNER_PORT):
            self.ask_port(key)
        elif key in (SCALE_BAUD, SCANNER_BAUD):
            self.ask_choice(self.tr("Speed in baud (as set on the device)"),
                            [(str(rate), str(rate)) for rate in BAUD_RATES],
                            lambda value: self.save(key, value))
        elif key == SCAN_GAP:
            self.ask_choice(self.tr("Longest pause between a scanner's keys (longer for a slow "
                                    "Bluetooth scanner, shorter if typing is taken for a scan)"),
                            [(str(gap), self.tr("{gap} ms").format(gap=gap))
                             for gap in SCAN_GAPS_MS],
                            lambda value: self.save(key, value))
        elif key == SCAN_CAMERA:
            self.ask_camera()
        elif key == SCALE_FRAMING:
            self.ask_choice(self.tr("Framing (as set on the scale)"),
                            [(framing, self.framing_names()[framing]) for framing in FRAMINGS],
                            lambda value: self.save(key, value))

    def ask_port(self, key: str) -> None:
        """Pick one of the ports the system sees, or type one on the port keyboard."""
        options = [("", self.tr("None"))]
        options += [(device, f"{device}   {description}".strip())
                    for device, description in available_ports()]
        options.append((_TYPE_PORT, self.tr("Type the port name…")))

        def chosen(value: str) -> None:
            if value != _TYPE_PORT:
                self.save(key, value)
                return
            current = device_setting(self.ctx.admin.settings(), key)
            panel = TextEntryPanel(self, self.tr("Port, e.g. /dev/ttyUSB0 or COM3"), current,
                                   max_length=120, rows=_PORT_KEYS, machine_name=True)
            panel.entered.connect(lambda typed: self.save(key, typed))
            panel.open()

        self.ask_choice(self.tr("Port of the device"), options, chosen)

    def ask_camera(self) -> None:
        """None, or one of the cameras Qt sees (a "Camera" button then shows on the screens
        that scan)."""
        missing = missing_parts()
        if missing is not None:
            self.message.emit(self.tr("Scanning with a camera needs {parts} installed.").format(
                parts=missing), True)
            return
        self.ask_choice(self.tr("Camera for scanning labels"),
                        [("", self.tr("None")), *camera_names()],
                        lambda value: self.save(SCAN_CAMERA, value))

    def save(self, key: str, value: str) -> None:
        self.attempt(lambda: self.ctx.admin.set_device_setting(self.actor, key, value),
                     self.tr("Saved."))
        self.ctx.devices.apply(self.ctx.admin.settings())  # reconnect as set, now

    # --- the scale test ---------------------------------------------------------------------

    def test_scale(self) -> None:
        """Connect afresh and show the scale's first answer, or why there is none."""
        scale = self.ctx.devices.scale
        scale.apply(self.ctx.admin.settings())
        if not scale.configured():
            self.message.emit(self.tr("No scale is set up: choose the scale and its port."),
                              True)
            return
        self.message.emit(self.tr("Testing the scale on {port}…").format(port=scale.port),
                          False)
        self._testing = True
        self._test_timeout.start()

    def _scale_changed(self) -> None:
        scale = self.ctx.devices.scale
        state = scale.state
        if not self._testing or state is None:
            return
        self._testing = False
        self._test_timeout.stop()
        if isinstance(state, Reading):
            weight, note = describe(state, self.ctx.language.code)
            self.message.emit(self.tr("The scale answers: {weight} ({note}). Received: {raw}")
                              .format(weight=weight, note=note, raw=state.raw), False)
        else:
            self.message.emit(explain_fault(state, scale.port, self.test.text()), True)

    def _test_gave_up(self) -> None:
        if self._testing:
            self._testing = False
            self.message.emit(self.tr("No answer from the scale: check the port and that it "
                                      "is on."), True)
