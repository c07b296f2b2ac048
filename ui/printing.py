"""Label printing off the UI thread.

A job gets plain bytes and a printer object (a queue name or a folder), never widgets or the
database connection; it reports back on the UI thread with `printed` or `failed`. The item is
already committed when a job is queued, so a failed print loses nothing and can be redone.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from labels.printing import LabelPrinter, PrintError


class _JobSignals(QObject):
    printed = Signal(str, str)  # job name, where it went
    failed = Signal(str, str)  # job name, what went wrong


class _PrintJob(QRunnable):
    def __init__(self, printer: LabelPrinter, pdf: bytes, job_name: str) -> None:
        super().__init__()
        self.printer, self.pdf, self.job_name = printer, pdf, job_name
        self.signals = _JobSignals()

    def run(self) -> None:
        try:
            where = self.printer.print_pdf(self.pdf, self.job_name)
        except PrintError as exc:
            self.signals.failed.emit(self.job_name, str(exc))
        except Exception as exc:  # noqa: BLE001 - any printer failure must reach the coach
            self.signals.failed.emit(self.job_name, f"{type(exc).__name__}: {exc}")
        else:
            self.signals.printed.emit(self.job_name, where)


class PrintQueue(QObject):
    """Sends label PDFs to printers one at a time, in order, in the background."""

    printed = Signal(str, str)
    failed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # labels come out in the order the items went in

    def submit(self, printer: LabelPrinter, pdf: bytes, job_name: str) -> None:
        job = _PrintJob(printer, pdf, job_name)
        job.signals.printed.connect(self.printed)
        job.signals.failed.connect(self.failed)
        self.pool.start(job)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued jobs are done (shutdown and tests)."""
        return self.pool.waitForDone(msecs)
