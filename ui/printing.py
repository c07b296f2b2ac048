"""Label printing off the UI thread.

A job gets plain bytes and a printer object (a queue name or a folder), never widgets or the
database connection. The worker is a plain Python thread that touches no Qt object: it puts
its outcome in a queue, and a timer on the UI thread turns outcomes into the `printed` and
`failed` signals. (PySide6 6.12 on Python 3.11 loses a reference to `True` on every signal
emitted from a foreign thread, which crashes the interpreter at exit after a few hundred.)
The item is already committed when a job is queued, so a failed print loses nothing.
"""

from __future__ import annotations

import queue
from concurrent.futures import Future, ThreadPoolExecutor, wait

from PySide6.QtCore import QObject, QTimer, Signal

from labels.printing import LabelPrinter, PrintError

POLL_MS = 50


class PrintQueue(QObject):
    """Sends label PDFs to printers one at a time, in order, in the background."""

    printed = Signal(str, str)  # job name, where it went
    failed = Signal(str, str)  # job name, what went wrong

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # One worker: labels come out in the order the items went in.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ambacht-print")
        self._outcomes: queue.SimpleQueue[tuple[bool, str, str]] = queue.SimpleQueue()
        self._jobs: set[Future[None]] = set()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._deliver)

    def submit(self, printer: LabelPrinter, pdf: bytes, job_name: str) -> None:
        job = self._executor.submit(self._print, printer, pdf, job_name)
        self._jobs.add(job)
        self._timer.start()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued jobs are done and their signals sent (shutdown and tests)."""
        _, not_done = wait(self._jobs, timeout=msecs / 1000)
        self._deliver()
        return not not_done

    def _print(self, printer: LabelPrinter, pdf: bytes, job_name: str) -> None:
        """Runs on the worker thread."""
        try:
            where = printer.print_pdf(pdf, job_name)
        except PrintError as exc:
            self._outcomes.put((False, job_name, str(exc)))
        except Exception as exc:  # noqa: BLE001 - any printer failure must reach the coach
            self._outcomes.put((False, job_name, f"{type(exc).__name__}: {exc}"))
        else:
            self._outcomes.put((True, job_name, where))

    def _deliver(self) -> None:
        """On the UI thread: announce finished jobs; stop polling when none are left."""
        self._jobs = {job for job in self._jobs if not job.done()}
        while True:
            try:
                ok, job_name, text = self._outcomes.get_nowait()
            except queue.Empty:
                break
            (self.printed if ok else self.failed).emit(job_name, text)
        if not self._jobs and self._outcomes.empty():
            self._timer.stop()
