"""The coordinator's label printer settings: which printer, label size, labels per item, test;
and where the till's receipts go.

A printer is a CUPS queue (Linux, `lpstat -e`), a system printer through Qt (Windows), a Zebra
on the network (host and port typed on the app's own keyboard and keypad) or a folder of
PDFs. Saving a printer sends the labels waiting for the old one to the new one at once.
"""

from __future__ import annotations

from collections.abc import Callable

from labels.escpos import ReceiptSetting
from labels.layout import LabelContent
from labels.printing import list_cups_queues
from labels.zpl import DPI_CHOICES, ZEBRA_PORT
from ui.qt_printer import qt_printer_names
from ui.screens.admin_base import Section
from ui.widgets.keypad_panel import KeypadPanel

TEST_JOB = "T000000"


class LabelPrinterSection(Section):
    """Printer, label size, labels per item, and a test print with a clear answer."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.change = self.add_button(self.start_change)
        self.test_print = self.add_button(self.print_test)
        self.finish_buttons()
        self.ctx.printer_queue.printed.connect(self._printed)
        self.ctx.printer_queue.failed.connect(self._failed)
        self.ctx.printer_queue.changed.connect(lambda: self.refresh() if self.isVisible() else None)
        self.retranslate()

    def retranslate(self) -> None:
        self.change.setText(self.tr("Change"))
        self.test_print.setText(self.tr("Test print"))

    def kinds(self) -> dict[str, str]:
        return {
            "cups": self.tr("CUPS printer queue"),
            "qt": self.tr("System printer (Windows)"),
            "zebra": self.tr("Zebra printer on the network (ZPL)"),
            "folder": self.tr("No printer: PDF files"),
        }

    def size_names(self) -> dict[str, str]:
        """Each label stock (`labels.layout.SIZES`) as the user reads it."""
        return {
            "62x29": self.tr("Brother QL, 62 mm roll cut at 29 mm"),
            "57x32": self.tr("57 x 32 mm thermal labels"),
            "102x51": self.tr("Zebra / Dymo labels, 102 x 51 mm"),
            "a4": self.tr("A4 sheet of 3 x 8 labels of 70 x 37 mm"),
        }

    def refresh(self) -> None:
        setting = self.ctx.labels.printer_setting()
        s = self.ctx.admin.settings()
        kind = self.kinds()[setting.kind]
        where = (self.tr("PDF files in {folder}").format(folder=setting.folder)
                 if setting.kind == "folder" else setting.describe())
        rows = [(self.tr("Printer: {kind} · {where}").format(kind=kind, where=where), "printer")]
        if setting.kind == "zebra":
            rows.append((self.tr("Print head: {dpi} dpi").format(dpi=setting.dpi), "dpi"))
        rows += [
            (self.tr("Label size: {value}").format(value=self.size_names()[self.ctx.labels.size()]),
             "label_size"),
            (self.tr("Labels per item: {value}").format(value=s.get("labels_per_item")),
             "labels_per_item"),
            (self.tr("%n labels waiting for the printer", "",
                     len(self.ctx.printer_queue.waiting())), "waiting"),
            (self.tr("Till receipts: {where}").format(where=self.receipt_where()), "receipt"),
        ]
        self.set_rows(rows)

    def receipt_kinds(self) -> dict[str, str]:
        return {
            "none": self.tr("No receipts"),
            "label": self.tr("On the label printer"),
            "cups": self.tr("Receipt printer (ESC/POS) through a CUPS raw queue"),
            "network": self.tr("Receipt printer (ESC/POS) on the network"),
        }

    def receipt_where(self) -> str:
        setting = ReceiptSetting.from_settings(self.ctx.admin.settings())
        kind = self.receipt_kinds()[setting.kind]
        if setting.kind == "cups":
            return f"{kind} · {setting.queue}"
        if setting.kind == "network":
            return f"{kind} · {setting.host}:{setting.port}"
        return kind

    def update_buttons(self) -> None:
        self.change.setEnabled(self.selected() in ("printer", "dpi", "label_size",
                                                   "labels_per_item", "receipt"))

    def start_change(self) -> None:
        key, admin, me = self.selected(), self.ctx.admin, self.actor
        if key == "printer":
            self.ask_choice(self.tr("Kind of printer"), list(self.kinds().items()),
                            self.ask_printer)
        elif key == "dpi":
            setting = self.ctx.labels.printer_setting()
            self.ask_dpi(lambda dpi: self.save_printer(
                "zebra", host=setting.host, port=setting.port, dpi=dpi))
        elif key == "label_size":
            self.ask_choice(self.tr("Label size"),
                            list(self.size_names().items()),
                            lambda v: self.attempt(lambda: admin.set_label_size(me, v),
                                                   self.tr("Saved.")))
        elif key == "receipt":
            self.ask_choice(self.tr("Till receipts"), list(self.receipt_kinds().items()),
                            self.ask_receipt_printer)
        elif key == "labels_per_item":
            self.ask_choice(self.tr("Labels per item"), [(str(n), str(n)) for n in range(1, 6)],
                            lambda v: self.attempt(
                                lambda: admin.set_labels_per_item(me, int(v)), self.tr("Saved.")))

    def ask_printer(self, kind: str) -> None:
        """The second question: which printer of that kind."""
        if kind in ("cups", "qt"):
            names = list_cups_queues() if kind == "cups" else qt_printer_names()
            if not names:
                self.message.emit(self.tr("This computer lists no printers of that kind."), True)
                return
            self.ask_choice(self.tr("Printer"), [(name, name) for name in names],
                            lambda name: self.save_printer(kind, name=name))
        elif kind == "zebra":
            setting = self.ctx.labels.printer_setting()
            self.ask_text(self.tr("Host name or IP address of the Zebra printer"),
                          setting.host, lambda host: self.ask_port(
                              lambda port: self.ask_dpi(lambda dpi: self.save_printer(
                                  kind, host=host, port=port, dpi=dpi))), machine_name=True)
        else:
            self.save_printer(kind)

    def ask_receipt_printer(self, kind: str) -> None:
        """The second question for a receipt printer: its CUPS queue, or its address."""
        if kind == "cups":
            names = list_cups_queues()
            if not names:
                self.message.emit(self.tr("This computer lists no printers of that kind."), True)
                return
            self.ask_choice(self.tr("Printer"), [(name, name) for name in names],
                            lambda name: self.save_receipt_printer(kind, queue=name))
        elif kind == "network":
            current = ReceiptSetting.from_settings(self.ctx.admin.settings())
            self.ask_text(self.tr("Host name or IP address of the receipt printer"),
                          current.host, lambda host: self.ask_port(
                              lambda port: self.save_receipt_printer(kind, host=host,
                                                                     port=port)),
                          machine_name=True)
        else:
            self.save_receipt_printer(kind)

    def save_receipt_printer(self, kind: str, **where: object) -> None:
        self.attempt(lambda: self.ctx.admin.set_receipt_printer(self.actor, kind, **where),
                     self.tr("Saved."))

    def ask_port(self, then: Callable[[int], None]) -> None:
        panel = KeypadPanel(self, self.tr("Network port (usually {port})").format(
            port=ZEBRA_PORT), max_digits=5)
        panel.entered.connect(lambda text: then(int(text) if text.isdigit() else 0))
        panel.open()

    def ask_dpi(self, then: Callable[[int], None]) -> None:
        self.ask_choice(self.tr("Resolution of the print head"),
                        [(str(dpi), self.tr("{dpi} dpi").format(dpi=dpi)) for dpi in DPI_CHOICES],
                        lambda dpi: then(int(dpi)))

    def save_printer(self, kind: str, **where: object) -> None:
        self.attempt(lambda: self.ctx.admin.set_label_printer(self.actor, kind, **where),
                     self.tr("Saved. Labels waiting go to this printer now."))
        self.ctx.printer_queue.retry_now()

    def print_test(self) -> None:
        sample = LabelContent(TEST_JOB, self.tr("Test label"), "1 kg", "—",
                              self.ctx.clock.now().strftime("%d-%m-%Y"),
                              self.ctx.settings().site_name)
        self.message.emit(self.tr("Printing a test label…"), False)
        self.ctx.printer_queue.test_print(sample, TEST_JOB)

    def _printed(self, job: str, where: str) -> None:
        if job == TEST_JOB:
            self.message.emit(self.tr("Test label printed: {where}").format(where=where), False)

    def _failed(self, job: str, error: str) -> None:
        if job == TEST_JOB:
            # The coordinator may check the address or queue: the detail too, not just the gist.
            self.message.emit(self.tr("Test print failed. {error}").format(error=error) + "\n"
                              + self.ctx.printer_queue.last_detail, True)
