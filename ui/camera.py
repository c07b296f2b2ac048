"""Scanning a label with a webcam, for stations without a barcode scanner.

Qt Multimedia delivers the camera's frames to a QVideoSink; a few times a second one is
decoded with zxing-cpp (Code128 only, the labels' symbology) and the first item code found is
read. Qt Multimedia comes with PySide6-Addons (and on Linux needs PulseAudio's libpulse0), and
zxing-cpp is a package of its own: both are loaded only when a camera is used, so a station
without them runs as before and the settings say what is missing.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from intake.codes import normalize_item_code
from intake.errors import AmbachtError

DECODE_EVERY_S = 0.2  # five tries a second: quick to answer, light on an old PC
DECODE_WIDTH = 960  # frames are scaled down to this before decoding: bars stay wide enough


def camera_names() -> list[tuple[str, str]]:
    """(id, description) of the cameras Qt sees; empty when Qt Multimedia is not installed."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return []
    return [(bytes(device.id().data()).decode(errors="replace"), device.description())
            for device in QMediaDevices.videoInputs()]


def missing_parts() -> str | None:
    """What a camera scanner still needs installed, or None."""
    try:
        from PySide6 import QtMultimedia  # noqa: F401
    except ImportError:
        return "PySide6-Addons (Qt Multimedia) and libpulse0"
    try:
        import zxingcpp  # noqa: F401
    except ImportError:
        return "zxing-cpp"
    return None


def codes_in(image: QImage) -> list[str]:
    """The item codes of the Code128 barcodes in `image`, in the order zxing-cpp finds them;
    barcodes that are not item codes (a shop's EAN, another kind of label) are left out."""
    import zxingcpp

    if image.width() > DECODE_WIDTH:
        image = image.scaledToWidth(DECODE_WIDTH)
    found = []
    for barcode in zxingcpp.read_barcodes(
        image.convertToFormat(QImage.Format.Format_Grayscale8),
        formats=zxingcpp.BarcodeFormat.Code128,
    ):
        try:
            found.append(normalize_item_code(barcode.text))
        except AmbachtError:
            continue
    return found


class CameraScanner(QObject):
    """One camera, read while a screen asks for it: `frame` for the preview, `scanned` with
    the first item code seen, `failed` with what went wrong (in English, for the log)."""

    frame = Signal(QImage)
    scanned = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._camera: Any = None
        self._session: Any = None
        self._sink: Any = None
        self._last_try = 0.0

    def start(self, camera_id: str) -> bool:
        """Open the camera (the first one when `camera_id` is not found); False if none."""
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink

        devices = QMediaDevices.videoInputs()
        chosen = next((d for d in devices if bytes(d.id().data()).decode(errors="replace")
                       == camera_id), devices[0] if devices else None)
        if chosen is None:
            self.failed.emit("no camera found")
            return False
        self._camera = QCamera(chosen, self)
        self._camera.errorOccurred.connect(lambda _error, text: self.failed.emit(text))
        self._sink = QVideoSink(self)
        self._sink.videoFrameChanged.connect(self.take_frame)
        self._session = QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._camera.start()
        return True

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
        self._camera = self._session = self._sink = None

    def take_frame(self, frame: Any) -> None:
        """A QVideoFrame from the camera: shown, and decoded when it is time to try again."""
        image = frame.toImage()
        if image.isNull():
            return
        self.frame.emit(image)
        now = time.monotonic()
        if now - self._last_try < DECODE_EVERY_S:
            return
        self._last_try = now
        codes = codes_in(image)
        if codes:
            self.scanned.emit(codes[0])
