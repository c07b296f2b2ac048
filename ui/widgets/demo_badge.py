"""The mark of a demo: a yellow strip with the demo's PINs, so nobody takes it for real."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from intake.demo import COORDINATOR_PIN, STAFF
from intake.model import Role
from ui.widgets.base import Retranslating


def demo_pins() -> dict[Role, str]:
    """The PIN to try for each role: the demo's first member of staff in it."""
    pins = {Role.COORDINATOR: COORDINATOR_PIN}
    for _name, role, pin in STAFF:
        pins.setdefault(role, pin)
    return pins


class DemoBadge(Retranslating, QLabel):
    """"DEMO", with the PINs of the roles (`with_pins`, on the login screen) or without (in
    the top bar, where room is short). Hidden unless the app was started as a demo."""

    def __init__(self, demo: bool, parent: QWidget, *, with_pins: bool) -> None:
        super().__init__(parent)
        self.with_pins = with_pins
        self.setProperty("role", "demo")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(with_pins)
        self.setVisible(demo)
        self.retranslate()

    def retranslate(self) -> None:
        if not self.with_pins:
            self.setText(self.tr("DEMO"))
            return
        pins = demo_pins()
        self.setText(self.tr(
            "DEMO - PINs: coordinator {coordinator}, coach {coach}, workshop {workshop}, "
            "shop {shop}").format(
                coordinator=pins[Role.COORDINATOR], coach=pins[Role.COACH],
                workshop=pins[Role.WORKSHOP], shop=pins[Role.SHOP]))
