"""The till's receipts: built from the sale (`intake.receipts`) and sent once, off the UI
thread, to the station's receipt printer: an ESC/POS printer (CUPS raw queue or TCP 9100) or
the label printer. A failure shows like a label's, as a banner on the till."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from intake.receipts import day_close_receipt, receipt_of
from intake.shop import Sale
from intake.till import Takings
from labels.escpos import ReceiptSetting, render_escpos
from labels.printing import PrintError
from labels.receipt import Receipt, receipt_pdf, receipt_zpl
from labels.zpl import ZebraPrinter
from ui.context import AppContext
from ui.device_messages import receipt_button, receipt_problem
from ui.printing import printer_for

log = logging.getLogger(__name__)


class Receipts:
    """Prints a sale's receipt where the station's setting says."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def setting(self) -> ReceiptSetting:
        return ReceiptSetting.from_settings(self.ctx.settings())

    def enabled(self) -> bool:
        return self.setting().kind != "none"

    def print_sale(self, sale: Sale) -> None:
        """Send the receipt of `sale` (paid now) once; the queue's `printed` or `failed`
        signal says how it went."""
        self._print(receipt_of(self.ctx.store, sale, self.ctx.clock.now()))

    def print_day_close(self, takings: Takings) -> None:
        """Print the day close (the takings by payment method) as a receipt, once."""
        self._print(day_close_receipt(self.ctx.store, takings, self.ctx.clock.now()))

    def _print(self, receipt: Receipt) -> None:
        job = self.job_name()
        try:
            send = self._sender(receipt)
        except (PrintError, ValueError) as exc:  # a setting this station cannot print with
            log.warning("receipt not printed: %s", exc)
            self.ctx.printer_queue.failed.emit(job, self.problem(exc))
            return
        self.ctx.printer_queue.send_once(job, send, self.problem)

    @staticmethod
    def problem(exc: Exception) -> str:
        """A failed receipt as the till says it: one sentence, naming the button to tap."""
        return receipt_problem(exc, receipt_button())

    @staticmethod
    def job_name() -> str:
        """The receipt's name in the print queue's messages, in the user's language."""
        return QCoreApplication.translate("Receipts", "receipt")

    def _sender(self, receipt: Receipt) -> Callable[[], str]:
        setting = self.setting()
        if setting.kind != "label":
            printer = setting.printer()
            data = render_escpos(receipt)
            return lambda: printer.send(data)
        labels = self.ctx.labels
        where, size = labels.printer_setting(), labels.size()
        label_printer = printer_for(where)
        if isinstance(label_printer, ZebraPrinter):
            zpl = receipt_zpl(receipt, size, label_printer.dpi)
            return lambda: label_printer.send(zpl)
        pdf = receipt_pdf(receipt, size)
        return lambda: label_printer.print_pdf(pdf, "receipt")  # type: ignore[union-attr]
