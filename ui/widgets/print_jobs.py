"""The labels waiting for a printer: a button that counts them, and panels to retry or cancel.

The button shows only while labels wait. Cancelling a label loses no item: it was saved before
its label was queued, and 'Label again' makes a new one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from labels.jobs import PrintJob
from ui.context import AppContext
from ui.device_messages import waiting_labels
from ui.style import mm
from ui.widgets.base import Retranslating
from ui.widgets.icons import icon
from ui.widgets.panels import ChoicePanel, choose

RETRY_ALL = "*retry"


class WaitingLabelsButton(Retranslating, QPushButton):
    """'3 labels waiting': hidden while nothing waits; a tap lists them."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setProperty("role", "danger")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setIcon(icon("printer", "#ffffff"))
        self.setIconSize(QSize(mm(6), mm(6)))
        self.waiting = WaitingLabels(ctx, self)
        self.clicked.connect(self.show_list)
        ctx.printer_queue.changed.connect(self.refresh)
        self.refresh()

    def retranslate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        count = len(self.ctx.printer_queue.waiting())
        self.setText(waiting_labels(count))
        self.setVisible(count > 0)

    def show_list(self) -> None:
        if not self.waiting.show_list(self.window()):
            self.refresh()


class WaitingLabels(QObject):
    """The list of labels waiting, to try them again or cancel one: from the waiting-labels
    button and from the printer's part of the status strip."""

    def __init__(self, ctx: AppContext, parent: QObject) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def show_list(self, host: QWidget) -> bool:
        """Open the list over `host`'s window; False when no label waits."""
        jobs = self.ctx.printer_queue.waiting()
        if not jobs:
            return False
        title = self.tr("Labels waiting for the printer")
        if self.ctx.printer_queue.problem:  # the detail is in the log
            title += "\n" + self.ctx.printer_queue.problem
        options = [(RETRY_ALL, self.tr("Try all again now"))]
        options += [(job.id, self._describe(job)) for job in jobs]
        panel = choose(host, title, options, self.tr("Close"))
        panel.chosen.connect(lambda key: self._chosen(host, key))
        panel.open()
        return True

    def _describe(self, job: PrintJob) -> str:
        if job.attempts == 0:
            return self.tr("{code} · not tried yet").format(code=job.code)
        return self.tr("{code} · %n attempts", "", job.attempts).format(code=job.code)

    def _chosen(self, host: QWidget, key: str) -> None:
        if key == RETRY_ALL:
            self.ctx.printer_queue.retry_now()
            return
        job = next((job for job in self.ctx.printer_queue.waiting() if job.id == key), None)
        if job is None:  # printed or cancelled meanwhile
            return
        text = self.tr("Label of {code}").format(code=job.code)
        panel = ChoicePanel(host, text,
                            [("retry", self.tr("Try again now")),
                             ("cancel", self.tr("Cancel this label"))], self.tr("Back"))
        panel.chosen.connect(lambda action: self.ctx.printer_queue.retry_now()
                             if action == "retry" else self.ctx.printer_queue.cancel(job.id))
        panel.open()
