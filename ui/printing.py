"""Printing off the UI thread, with label jobs kept in the database until a printer confirms.

An item's label becomes a print job (`LabelService.queue_item`) before anything is sent, so a
printer that is off, out of paper or unplugged loses nothing. Labels go out one job at a time in
the order the items went in; when one fails, the queue waits (5 s, 15 s, 1 min, then 5 min
between tries) and tries the oldest again, at once when someone asks ('Label again', the waiting
list, a new printer in the settings), and after a restart of the app.

The sending runs on a background `Worker` (`ui.background`) that gets labels and a printer
setting, never widgets or the database connection; its outcome is written to the job and turned
into the `printed` and `failed` signals on the UI thread. Delivery notes and the test label are
printed once, without a job: whoever asked for them is there to see the answer. A failure's
detail goes to the log and the job; the signal and `problem` carry a few translated words
(`ui.device_messages`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from intake.labelling import LabelService
from intake.model import Item
from labels.jobs import PrintJob
from labels.layout import LabelContent
from labels.printing import DocumentPrinter, LabelPrinter, PrintError
from labels.setting import PrinterSetting, open_printer
from ui.background import Worker
from ui.device_messages import print_problem

log = logging.getLogger("ambacht")

SOONEST_RETRY_MS = 50  # a retry due now still waits for the event loop
RETRY_DELAYS_S = (5.0, 15.0, 60.0, 300.0)  # after the 1st, 2nd, 3rd and every later failure


def printer_for(setting: PrinterSetting) -> LabelPrinter:
    """The printer object for a setting; a Qt printer needs this app's Qt."""
    if setting.kind == "qt":
        from ui.qt_printer import QtPrinter  # QtPdf loads only for stations that use it

        return QtPrinter(setting.name, dpi=setting.dpi)
    return open_printer(setting)


class PrintQueue(QObject):
    """Sends labels and documents to printers one at a time, in order, in the background."""

    printed = Signal(str, str)  # job name (the item's code), where it went
    failed = Signal(str, str)  # job name, what went wrong in short (not for unasked retries)
    changed = Signal()  # the waiting label jobs changed, or the printer's `problem`

    def __init__(self, labels: LabelService, parent: QObject | None = None, *,
                 retry_delays_s: Sequence[float] = RETRY_DELAYS_S) -> None:
        super().__init__(parent)
        self.labels = labels
        self.retry_delays_s = tuple(retry_delays_s)
        self._worker = Worker("print", parent=self)
        self._sending: PrintJob | None = None  # the label job with the worker now
        self._failures = 0  # failed tries in a row: the printer's, not one job's
        self._not_before = 0.0  # time.monotonic() of the next try after a failure
        self._asked: set[str] = set()  # jobs someone just asked for: say it if they fail
        self._stopped = False  # the database is closing: touch it no more
        self.problem: str | None = None  # the label printer's last failure, until one prints
        self.last_detail = ""  # the last failure's detail (the coordinator's test print)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._next)
        # Jobs left waiting when the app last stopped go out as soon as the loop runs.
        QTimer.singleShot(0, self._next)

    # --- asking ----------------------------------------------------------------------------

    def print_item(self, item: Item) -> PrintJob:
        """Keep a job for the item's label and send it as soon as the printer is free."""
        job = self.labels.queue_item(item)
        self._not_before = 0.0
        self._asked.add(job.id)
        self.changed.emit()
        self._next()
        return job

    def retry_now(self) -> None:
        """Try every waiting job again now (the printer is back, or another one was chosen)."""
        self._not_before = 0.0
        self._asked.update(job.id for job in self.waiting())
        self._next()

    def cancel(self, job_id: str) -> bool:
        """Cancel a waiting job; False when it has printed or is being sent."""
        cancelled = self.labels.cancel_job(job_id) is not None
        if cancelled:
            self.changed.emit()
        return cancelled

    def waiting(self) -> list[PrintJob]:
        return self.labels.waiting_jobs()

    def submit(self, printer: DocumentPrinter, pdf: bytes, job_name: str) -> None:
        """Print a PDF document once (a delivery note): no job is kept."""
        self._start(None, job_name, lambda: printer.print_pdf(pdf, job_name))

    def test_print(self, label: LabelContent, job_name: str) -> None:
        """Print one label once on the station's printer, in its size: no job is kept."""
        setting, size = self.labels.printer_setting(), self.labels.size()
        self._start(None, job_name, lambda: printer_for(setting).print_labels(
            [label], size, 1, job_name))

    def send_once(self, job_name: str, send: Callable[[], str],
                  describe: Callable[[Exception], str] = print_problem) -> None:
        """Print once by calling `send` on the print thread (a receipt): no job is kept. A
        failure is told as `describe` says it."""
        self._start(None, job_name, send, describe)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the work sent and the jobs due now are done and their signals sent
        (shutdown and tests); jobs waiting for a retry later are left for later."""
        return self._worker.wait(msecs / 1000)

    def stop(self) -> None:
        """No more sending or retrying (the app is closing its database); waiting jobs stay
        in the database for the next start."""
        self._stopped = True
        self._retry.stop()

    # --- sending ---------------------------------------------------------------------------

    def _next(self) -> None:
        """On the UI thread: send the oldest waiting job, or wake up when it is time to."""
        if self._sending is not None or self._stopped:
            return
        waiting = self.labels.waiting_jobs()
        wait_s = self._not_before - time.monotonic()
        if waiting and wait_s > 0:
            self._retry.start(max(SOONEST_RETRY_MS, round(wait_s * 1000)))
        elif waiting:
            job = self.labels.start_attempt(waiting[0])
            self._sending = job
            self._start(job.id, job.code, lambda: printer_for(job.printer).print_labels(
                job.labels, job.label_size, job.copies, job.code))

    def _start(self, job_id: str | None, name: str, send: Callable[[], str],
               describe: Callable[[Exception], str] = print_problem) -> None:
        """Send in the background; the outcome comes back to `_finish` (a job) or straight
        out as a signal (a document or test label)."""
        def failed(exc: Exception) -> None:
            detail = _failure_text(exc)
            log.warning("printing %s failed: %s", name, detail)
            self.last_detail = detail
            if job_id is not None:
                self._finish(False, detail, describe(exc))
            else:
                self.failed.emit(name, describe(exc))

        def printed(where: str) -> None:
            if job_id is not None:
                self._finish(True, where, None)
            else:
                self.printed.emit(name, where)

        self._worker.submit(send, printed, failed)

    def _finish(self, ok: bool, text: str, short: str | None) -> None:
        """A label job's outcome: `text` where it went or the failure's detail (kept with
        the job), `short` the failure as the user is told."""
        job, self._sending = self._sending, None
        assert job is not None
        if ok:
            self.labels.job_printed(job, text)
            self._failures = 0
            self._asked.discard(job.id)
            self.problem = None
            self.printed.emit(job.code, text)
        else:
            self.labels.job_failed(job, text)
            self.problem = short
            self._failures += 1
            delay = self.retry_delays_s[min(self._failures, len(self.retry_delays_s)) - 1]
            self._not_before = time.monotonic() + delay
            # The labels just asked for wait behind this one: say so for each. A retry nobody
            # asked for fails quietly (the waiting list shows it).
            for waiting in self.labels.waiting_jobs():
                if waiting.id in self._asked:
                    self.failed.emit(waiting.code, short or text)
            self._asked.clear()
        self.changed.emit()
        self._next()


def _failure_text(exc: Exception) -> str:
    """The detail of a failed print for the log and the job: a PrintError says it in words,
    anything else (a driver's bug) by its type."""
    return str(exc) if isinstance(exc, PrintError) else f"{type(exc).__name__}: {exc}"
