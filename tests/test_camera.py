"""Scanning with a webcam: frames decoded with zxing-cpp, the panel, the setting, the screens.

No camera is attached here, so the camera's frames are made from a printed label: the label
PDF rasterised as a camera would see it (grey, scaled, with room around it) and handed to the
scanner as QVideoFrames, the type Qt Multimedia's video sink delivers.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtMultimedia import QVideoFrame

from db import Store
from devices.settings import SCAN_CAMERA
from intake.clock import FixedClock, SystemClock
from intake.gate import GateService
from intake.labelling import LabelService
from intake.model import User
from ui.app import build_context
from ui.camera import CameraScanner, camera_names, codes_in, missing_parts
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.camera_panel import CameraPanel


def camera_view(store: Store, code: str, tmp_path: Path) -> QImage:
    """What a 1280x720 webcam sees of the item's label held up at arm's length."""
    item = store.item_by_code(code)
    assert item is not None
    pdf = tmp_path / f"{code}.pdf"
    pdf.write_bytes(LabelService(store, SystemClock()).render([item]))
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf),
                    str(tmp_path / code)], check=True)
    label = QImage(str(tmp_path / f"{code}.png"))
    view = QImage(1280, 720, QImage.Format.Format_RGB32)
    view.fill(QColor("#7a7f86"))  # a grey workshop wall behind it
    painter = QPainter(view)
    painter.drawImage(340, 200, label.scaledToWidth(
        600, Qt.TransformationMode.SmoothTransformation))
    painter.end()
    return view


@pytest.fixture
def code(gate: GateService, coach: User) -> str:
    return gate.take_in(coach, gate.prepare("books", "sale")).code


def test_a_label_in_the_picture_is_read(store: Store, code: str, tmp_path: Path) -> None:
    assert missing_parts() is None
    assert codes_in(camera_view(store, code, tmp_path)) == [code]
    empty = QImage(1280, 720, QImage.Format.Format_RGB32)
    empty.fill(QColor("white"))
    assert codes_in(empty) == []


def test_camera_frames_become_one_scan(qtbot, store: Store, code: str, tmp_path: Path) -> None:
    scanner = CameraScanner()
    frames, scans = [], []
    scanner.frame.connect(frames.append)
    scanner.scanned.connect(scans.append)
    frame = QVideoFrame(camera_view(store, code, tmp_path))
    scanner.take_frame(frame)
    scanner.take_frame(frame)  # the next frame within 0.2 s is shown, not decoded again
    assert len(frames) == 2 and scans == [code]


@pytest.fixture
def ctx(store: Store, clock: FixedClock, coach: User, tmp_path: Path) -> Iterator[AppContext]:
    store.set_setting("label_folder", str(tmp_path / "labels"))
    ctx = build_context(store, clock, "en")
    yield ctx
    ctx.devices.stop()


def test_the_panel_shows_the_picture_and_closes_with_the_code(
    qtbot, window: MainWindow, store: Store, code: str, tmp_path: Path
) -> None:
    panel = CameraPanel(window, "Hold the label in front of the camera", "Cancel")
    panel.open()
    with qtbot.waitSignal(panel.code_read) as read:
        panel.scanner.take_frame(QVideoFrame(camera_view(store, code, tmp_path)))
    assert read.args == [code]
    assert panel.preview.pixmap() is not None and not panel.preview.pixmap().isNull()
    assert not panel.isVisible()


def test_the_camera_button_shows_only_when_a_camera_is_set(
    qtbot, window: MainWindow, ctx: AppContext
) -> None:
    for digit in "1111":
        qtbot.mouseClick(window.login.pinpad.keypad.buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.login.pinpad.ok_button, Qt.MouseButton.LeftButton)
    assert not window.gate.camera_button.isVisible()
    window.logout()
    ctx.store.set_setting(SCAN_CAMERA, "usb-webcam-that-is-not-here")
    for digit in "1111":
        qtbot.mouseClick(window.login.pinpad.keypad.buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.login.pinpad.ok_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.gate.visit_start.buttons[None], Qt.MouseButton.LeftButton)
    assert window.gate.camera_button.isVisible()
    for screen in (window.workshop, window.shop, window.material):
        screen.camera_button.show()  # as `enter` does with a camera set up
    assert window.minimumSizeHint().height() <= 800  # every screen still fits 1280x800
    if camera_names():
        pytest.skip("a real camera is attached: the refusal below needs none")
    qtbot.mouseClick(window.gate.camera_button, Qt.MouseButton.LeftButton)
    assert window.gate.banner.is_error()
    assert "No camera found" in window.gate.banner.text()
    # Closed again: nothing is left over the screen.
    assert not [p for p in window.findChildren(CameraPanel) if p.isVisible()]
