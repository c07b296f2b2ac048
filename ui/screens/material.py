"""Material out: scan items or weigh a batch per category, pick the recipient, check the summary,
and a delivery note is printed with kg per category. The list is the station's: it stays over a
logout, for whoever goes on loading the container, and is kept in the station's file at each
line (`intake.drafts`), so that a crash, a power cut or a restart gives it back."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidgetItem, QWidget

from intake.errors import AmbachtError
from intake.lifecycle import check_in_stock
from intake.material import Shipment, grams_per_category
from intake.model import Item, Route, User
from intake.units import parse_kg
from ui.context import AppContext
from ui.screens.scan_screen import ScanScreen
from ui.widgets.base import touch_list
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ChoicePanel, ConfirmPanel, choose
from ui.widgets.reasons import enable


class MaterialScreen(ScanScreen):
    """Collects the lines of one delivery note, then sends them to a recipient."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.items: list[Item] = []
        self.batches: list[tuple[str, int]] = []  # (category code, grams)
        self._restored = False  # the list kept in the file is read at the first entry
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.lines = touch_list(self)
        self.lines.itemClicked.connect(self._line_tapped)
        self.total = QLabel(self)
        self.total.setProperty("role", "big")
        self.batch_button = self.action_button(self.ask_batch)
        self.clear_button = self.action_button(self.ask_clear)
        self.send_button = self.action_button(self.ask_recipient, "primary")
        self.lay_out([(self.title, 0), (self.hint, 0), (self.lines, 1), (self.total, 0)],
                     [self.batch_button, self.clear_button, self.send_button])
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Material out"))
        self.hint.setText(self.tr("Scan each item that leaves, or add a weighed batch. Tap a "
                                  "line to take it off. Then send it all to one recipient."))
        self.batch_button.setText(self.tr("Add a weighed batch"))
        self.clear_button.setText(self.tr("Start over"))
        self.send_button.setText(self.tr("Send out and print note"))
        self._show_lines()

    def _show_lines(self) -> None:
        lang = self.ctx.language
        names = self.ctx.category_names()
        self.lines.clear()
        for item in self.items:
            self.lines.addItem(f"{item.code}   {names[item.category]}   "
                               f"{lang.kg(item.weight_g, estimated=item.weight_estimated)}")
        batch = self.tr("batch")
        for category, grams in self.batches:
            self.lines.addItem(f"{batch}   {names[category]}   {lang.kg(grams)}")
        grams = sum(i.weight_g for i in self.items) + sum(g for _, g in self.batches)
        self.total.setText(self.tr("Total {weight}").format(weight=lang.kg(grams)))
        empty = self.tr("Scan an item or add a batch first")
        enable(self.send_button, bool(self.items or self.batches), empty)
        enable(self.clear_button, bool(self.items or self.batches), empty)

    def enter(self, user: User, places: list[tuple[str, str]], here: str) -> None:
        """Show the list as the last person left it, without what has left the centre (or
        been voided) meanwhile, elsewhere."""
        super().enter(user, places, here)
        codes = [item.code for item in self.items]
        if not self._restored:  # after a start: the list as the station's file kept it
            self._restored = True
            draft = self.ctx.drafts.material()
            if draft is not None:
                codes, self.batches = draft.codes, draft.batches
        if not codes and not self.batches:
            return
        kept = []
        for code in codes:
            try:
                now = self.ctx.material.item(code)
            except AmbachtError:  # gone from this file (a restored backup): off the list
                continue
            if self._in_stock(now):
                kept.append(now)
        gone = [code for code in codes if code not in {i.code for i in kept}]
        self.items = kept
        if gone:
            self._changed()
            self.banner.error(self.tr("Taken off the list, no longer at the centre: "
                                      "{codes}").format(codes=", ".join(gone)))
        else:
            self._show_lines()
            self.banner.ok(self.tr("The list from before is kept: {count}.").format(
                count=self.tr("%n lines", "", self.lines.count())))

    @staticmethod
    def _in_stock(item: Item) -> bool:
        try:
            check_in_stock(item)
        except AmbachtError:
            return False
        return True

    def handle_scan(self, code: str) -> None:
        item = self.attempt(lambda: self.ctx.material.item(code))
        if not isinstance(item, Item):
            return
        if item.code in {i.code for i in self.items}:
            self.banner.error(self.tr("{code} is on the note already.").format(code=item.code))
            return
        try:
            check_in_stock(item)
        except AmbachtError as exc:
            self.banner.error(self.ctx.language.error(exc))
            return
        warning = {
            Route.SALE: self.tr("{code} is meant for the shop, not for material. Send it out "
                                "as material anyway?"),
            Route.REPAIR: self.tr("{code} is waiting for repair, not for material. Send it out "
                                  "as material anyway?"),
        }.get(item.route)
        if warning is None:
            self._add(item)
            return
        panel = ConfirmPanel(self, warning.format(code=item.code), self.tr("Yes, add it"),
                             self.tr("No, leave it"))
        panel.answered.connect(lambda yes: self._add(item) if yes else None)
        panel.open()

    def _add(self, item: Item) -> None:
        self.banner.hide()
        self.items.append(item)
        self._changed()

    def _changed(self) -> None:
        """Show the list and keep it in the station's file; a refusal (a full disk) is shown,
        and the list stays on screen."""
        self._show_lines()
        self.attempt(lambda: self.ctx.drafts.save_material(
            [item.code for item in self.items], self.batches))

    def _line_tapped(self, row: QListWidgetItem) -> None:
        """Take one line off the list, after a question."""
        index = self.lines.row(row)
        panel = ConfirmPanel(self, self.tr("Take this line off the list?\n{line}").format(
            line=row.text()), self.tr("Yes, take it off"), self.tr("No, keep it"))
        panel.answered.connect(lambda yes: self._remove(index) if yes else None)
        panel.open()

    def _remove(self, index: int) -> None:
        if index < len(self.items):
            del self.items[index]
        elif index - len(self.items) < len(self.batches):
            del self.batches[index - len(self.items)]
        self._changed()

    def ask_batch(self) -> None:
        options = [(c.code, c.name(self.ctx.language.code)) for c in self.ctx.gate.categories()]
        panel = ChoicePanel(self, self.tr("Which material?"), options, self.tr("Cancel"),
                            columns=3)
        panel.chosen.connect(self._ask_batch_weight)
        panel.open()

    def _ask_batch_weight(self, category: str) -> None:
        panel = KeypadPanel(self, self.tr("Weight of the batch"), decimals=3, max_digits=7,
                            unit="kg")

        def weighed(text: str) -> None:
            grams = self.attempt(lambda: parse_kg(text))
            if isinstance(grams, int):
                self.batches.append((category, grams))
                self._changed()

        panel.entered.connect(weighed)
        panel.open()

    def ask_recipient(self) -> None:
        recipients = self.ctx.material.recipients()
        if not recipients:
            self.banner.error(self.tr("There are no recipients yet. The coordinator adds them "
                                      "under Settings."))
            return
        panel = choose(self, self.tr("Who takes it?"), [(r, r) for r in recipients],
                       self.tr("Cancel"))
        panel.chosen.connect(self.ask_send)
        panel.open()

    def ask_send(self, recipient: str) -> None:
        """What leaves, to whom, before anything is written: lines, kg per category."""
        lang = self.ctx.language
        names = self.ctx.category_names()
        per_category = grams_per_category(
            [(i.category, i.weight_g) for i in self.items] + self.batches)
        grams = sum(g for _, g in per_category)
        text = "\n".join([
            self.tr("To {recipient}: {lines} · {weight}").format(
                recipient=recipient, lines=self.tr("%n lines", "", self.lines.count()),
                weight=lang.kg(grams)),
            *[f"{names.get(cat, cat)}: {lang.kg(g)}" for cat, g in per_category],
        ])
        for_sale = [i.code for i in self.items if i.route is not Route.MATERIAL]
        if for_sale:
            text += "\n" + self.tr("Not meant for material: {codes}").format(
                codes=", ".join(for_sale))
        panel = ConfirmPanel(self, text, self.tr("Send and print note"), self.tr("No, back"))
        panel.answered.connect(lambda yes: self.send(recipient) if yes else None)
        panel.open()

    def send(self, recipient: str) -> None:
        user = self.user
        if user is None:
            return
        shipment = self.attempt(lambda: self.ctx.material.send(
            user, recipient, [i.code for i in self.items], self.batches))
        if not isinstance(shipment, Shipment):
            return
        self.items, self.batches = [], []
        self._changed()
        self.ctx.printer_queue.submit(self.ctx.labels.document_printer(),
                                      self.ctx.material.delivery_note_pdf(shipment.code),
                                      shipment.code)
        self.banner.ok(self.tr("Delivery note {code}: {weight} to {recipient}.").format(
            code=shipment.code, weight=self.ctx.language.kg(shipment.grams),
            recipient=shipment.recipient))

    def ask_clear(self) -> None:
        """Emptying the list asks first: scanning it again takes a while."""
        panel = ConfirmPanel(self, self.tr("Empty the list? Nothing has been sent."),
                             self.tr("Yes, empty it"), self.tr("No, keep it"))
        panel.answered.connect(lambda yes: self.clear() if yes else None)
        panel.open()

    def clear(self) -> None:
        self.items, self.batches = [], []
        self.banner.hide()
        self._changed()

    def leave(self) -> None:
        """Logging out keeps the list: it is the station's, not the user's."""
        super().leave()
        self.banner.hide()
