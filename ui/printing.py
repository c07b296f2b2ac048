"""Printing off the UI thread, with label jobs kept in the database until a printer confirms.

An item's label becomes a print job (`LabelService.queue_item`) before anything is sent, so
a printer that is off, out of paper or unplugged loses nothing. Labels go out one job at a time
in the order the items went in; when one fails, the queue waits (5 s, 15 s, 1 min, then 5 min
between tries) and tries the oldest again, at once when someone asks ('Label again', the
waiting list, a new printer in the settings), and after a restart of the app.

The worker is a plain Python thread that gets labels and a printer object, never widgets or
the database connection. It puts its outcome in a queue, and a timer on the UI thread writes
it to the job and turns it into the `printed` and `failed` signals. (PySide6 6.12 on Python
3.11 loses a reference to `True` on every signal emitted from a foreign thread, which crashes
the interpreter at exit after a few hundred.) Delivery notes and the test label are printed
once, without a job: whoever asked for them is there to see the answer.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait

from PySide6.QtCore import QObject, QTimer, Signal

from intake.labelling import LabelService
from intake.model import Item
from labels.jobs import PrintJob
from labels.layout import LabelContent
from labels.printing import DocumentPrinter, LabelPrinter, PrintError
from labels.setting import PrinterSetting, open_printer

POLL_MS = 50
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
    failed = Signal(str, str)  # job name, what went wrong (not for unasked retries)
    changed = Signal()  # the waiting label jobs changed

    def __init__(self, labels: LabelService, parent: QObject | None = None, *,
                 retry_delays_s: Sequence[float] = RETRY_DELAYS_S) -> None:
        super().__init__(parent)
        self.labels = labels
        self.retry_delays_s = tuple(retry_delays_s)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ambacht-print")
        # (job id or None, job name, printed?, where it went or what went wrong)
        self._outcomes: queue.SimpleQueue[tuple[str | None, str, bool, str]] = (
            queue.SimpleQueue())
        self._work: set[Future[None]] = set()
        self._sending: PrintJob | None = None  # the label job with the worker now
        self._failures = 0  # failed tries in a row: the printer's, not one job's
        self._not_before = 0.0  # time.monotonic() of the next try after a failure
        self._asked: set[str] = set()  # jobs someone just asked for: say it if they fail
        self._stopped = False  # the database is closing: touch it no more
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._deliver)
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
        try:
            printer = printer_for(self.labels.printer_setting())
        except PrintError as exc:
            self._outcomes.put((None, job_name, False, str(exc)))
            self._poll.start()
            return
        size = self.labels.size()
        self._start(None, job_name, lambda: printer.print_labels([label], size, 1, job_name))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the work sent and the jobs due now are done and their signals sent
        (shutdown and tests); jobs waiting for a retry later are left for later."""
        deadline = time.monotonic() + msecs / 1000
        while self._work:
            _, not_done = wait(self._work, timeout=max(0, deadline - time.monotonic()))
            self._deliver()
            if not_done:
                return False
        return True

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
            self._retry.start(max(POLL_MS, round(wait_s * 1000)))
        elif waiting:
            job = self.labels.start_attempt(waiting[0])
            self._sending = job
            try:
                printer = printer_for(job.printer)
            except PrintError as exc:
                self._outcomes.put((job.id, job.code, False, str(exc)))
                self._poll.start()
                return
            self._start(job.id, job.code, lambda: printer.print_labels(
                job.labels, job.label_size, job.copies, job.code))

    def _start(self, job_id: str | None, name: str, send: Callable[[], str]) -> None:
        self._work.add(self._executor.submit(self._run, job_id, name, send))
        self._poll.start()

    def _run(self, job_id: str | None, name: str, send: Callable[[], str]) -> None:
        """Runs on the worker thread."""
        try:
            where = send()
        except PrintError as exc:
            self._outcomes.put((job_id, name, False, str(exc)))
        except Exception as exc:  # noqa: BLE001 - any printer failure must reach the coach
            self._outcomes.put((job_id, name, False, f"{type(exc).__name__}: {exc}"))
        else:
            self._outcomes.put((job_id, name, True, where))

    def _deliver(self) -> None:
        """On the UI thread: record and announce finished work; stop polling when none is left."""
        self._work = {work for work in self._work if not work.done()}
        while True:
            try:
                job_id, name, ok, text = self._outcomes.get_nowait()
            except queue.Empty:
                break
            if job_id is None:
                (self.printed if ok else self.failed).emit(name, text)
            else:
                self._finish(ok, text)
        if not self._work and self._outcomes.empty():
            self._poll.stop()

    def _finish(self, ok: bool, text: str) -> None:
        job, self._sending = self._sending, None
        assert job is not None
        if ok:
            self.labels.job_printed(job, text)
            self._failures = 0
            self._asked.discard(job.id)
            self.printed.emit(job.code, text)
        else:
            self.labels.job_failed(job, text)
            self._failures += 1
            delay = self.retry_delays_s[min(self._failures, len(self.retry_delays_s)) - 1]
            self._not_before = time.monotonic() + delay
            # The labels just asked for wait behind this one: say so for each. A retry nobody
            # asked for fails quietly (the waiting list shows it).
            for waiting in self.labels.waiting_jobs():
                if waiting.id in self._asked:
                    self.failed.emit(waiting.code, text)
            self._asked.clear()
        self.changed.emit()
        self._next()
