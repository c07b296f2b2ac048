"""The Qt print path (for Windows): QtPdf renders the label onto a QPrinter, here one that
writes a PDF file, since no physical printer is at hand; the file scans back at 203 dpi."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from labelcheck import decode_pdf

from labels.layout import LabelContent
from labels.printing import PrintError
from ui.qt_printer import QtPrinter

pytest.importorskip("PySide6.QtPdf", reason="Qt printing needs PySide6-Addons (QtPdf)")

LABELS = [LabelContent(code, "Fietsen", "15 kg", "Verkoop", "21-11-2026", "Ambacht Oss")
          for code in ("A000123", "B000456")]


@pytest.mark.parametrize("size", ["62x29", "102x51", "a4"])
def test_labels_printed_through_qt_scan_back(qapp, tmp_path: Path, size: str) -> None:
    out = tmp_path / "printed.pdf"
    result: dict[str, str] = {}

    def print_on_a_worker_thread() -> None:  # as the print queue does
        result["where"] = QtPrinter("", output_file=out).print_labels(LABELS, size, 2, "A000123")

    worker = threading.Thread(target=print_on_a_worker_thread)
    worker.start()
    worker.join()
    assert result["where"] == str(out)
    found = sorted(text for text, _ in decode_pdf(out))
    assert found == ["A000123", "A000123", "B000456", "B000456"]


def test_an_unknown_qt_printer_is_a_print_error(qapp) -> None:
    with pytest.raises(PrintError, match="no printer called Nowhere"):
        QtPrinter("Nowhere").print_labels(LABELS, "62x29", 1, "A000123")
