"""A panel that shows the webcam's picture until it reads a label, then closes with the code."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from ui.camera import CameraScanner
from ui.style import mm
from ui.widgets.panels import Panel


class CameraPanel(Panel):
    """The camera's live picture, large enough to aim a label by; `code_read` when it has one.
    Closing the panel (Cancel, a read, a scanner's scan, logging out) turns the camera off."""

    code_read = Signal(str)

    def __init__(self, host: QWidget, title: str, cancel: str) -> None:
        super().__init__(host, title)
        self.scanner = CameraScanner(self)
        self.preview = QLabel(self)
        self.preview.setFixedSize(mm(128), mm(72))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #111111;")
        self.body.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignCenter)
        self.cancel_button = self.add_cancel(cancel)
        self.scanner.frame.connect(self._show)
        self.scanner.scanned.connect(self._read)
        self.closed.connect(self.scanner.stop)

    def start(self, camera_id: str) -> bool:
        """Turn the camera on; False when there is none."""
        return self.scanner.start(camera_id)

    def _show(self, image: QImage) -> None:
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def _read(self, code: str) -> None:
        self.scanner.scanned.disconnect(self._read)  # one code per opening
        self.close_panel()
        self.code_read.emit(code)
