"""Printing labels through Qt: any printer the system lists, Windows printers included.

The label PDF is rendered by QtPdf at the printer's resolution, made pure black and white (a
thermal head has no grey: a grey bar edge would print at the whim of the driver) and painted
page by page onto a QPrinter with the label's page size and no margins. Runs on the print
queue's worker thread, which Qt allows for QPainter on a QPrinter or a QImage.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPoint, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from labels.geometry import THERMAL_DPI
from labels.printing import PdfPrinter, PrintError, Problem

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument


def qt_printer_names() -> list[str]:
    """The printers the system offers Qt (on Windows: those in the Windows settings)."""
    return QPrinterInfo.availablePrinterNames()


class QtPrinter(PdfPrinter):
    """A system printer by name, or (`output_file`) a PDF file as Qt would print it."""

    def __init__(self, name: str, *, dpi: int = THERMAL_DPI,
                 output_file: Path | None = None) -> None:
        self.name, self.dpi, self.output_file = name, dpi, output_file

    def print_pdf(self, pdf: bytes, job_name: str) -> str:
        try:  # in PySide6-Addons: a station without it can still use the other printers
            from PySide6.QtPdf import QPdfDocument
        except ImportError:
            raise PrintError("Qt printing needs QtPdf: install PySide6-Addons",
                             Problem.SETUP) from None

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "label.pdf"
            path.write_bytes(pdf)
            document = QPdfDocument()
            if document.load(str(path)) != QPdfDocument.Error.None_:
                raise PrintError(f"printer {self.name}: the label could not be read")
            printer = self._printer(job_name)
            first = document.pagePointSize(0)
            printer.setPageLayout(QPageLayout(
                QPageSize(QSizeF(first.width(), first.height()), QPageSize.Unit.Point),
                QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
            printer.setFullPage(True)
            painter = QPainter()
            if not painter.begin(printer):
                raise PrintError(f"printer {self.name} cannot be opened", Problem.UNREACHABLE)
            try:
                for page in range(document.pageCount()):
                    if page:
                        printer.newPage()
                    target = printer.pageLayout().fullRectPixels(printer.resolution())
                    painter.drawImage(QRect(QPoint(0, 0), target.size()),
                                      self._page_image(document, page, printer.resolution()))
            finally:
                painter.end()
            document.close()
        return str(self.output_file) if self.output_file else self.name

    def _printer(self, job_name: str) -> QPrinter:
        if self.output_file is not None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.output_file))
            printer.setResolution(self.dpi)
        else:
            info = QPrinterInfo.printerInfo(self.name)
            if info.isNull():
                raise PrintError(f"there is no printer called {self.name} on this computer",
                                 Problem.SETUP)
            printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setDocName(job_name)
        return printer

    @staticmethod
    def _page_image(document: QPdfDocument, page: int, dpi: int) -> QImage:
        """One page at `dpi`, black on white without grey."""
        points = document.pagePointSize(page)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        rendered = document.render(page, size)
        page_image = QImage(size, QImage.Format.Format_RGB32)
        page_image.fill(Qt.GlobalColor.white)  # the rendered page is transparent where blank
        with_paper = QPainter(page_image)
        with_paper.drawImage(0, 0, rendered)
        with_paper.end()
        return page_image.convertToFormat(
            QImage.Format.Format_Mono,
            Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.MonoOnly)
