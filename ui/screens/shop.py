"""The shop's till: scan items into a sale, change a price on the keypad, and pay; take a
sold item back; give a label to an item that came from elsewhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from intake.model import Item
from intake.shop import Sale
from intake.units import parse_eur
from ui.context import AppContext
from ui.screens.scan_screen import ScanScreen
from ui.widgets.base import touch_list
from ui.widgets.keyboard import SerialPanel, ask_reason
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ChoicePanel


class ShopScreen(ScanScreen):
    """A basket of scanned items and their prices; 'Paid' records them as one sale."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.basket: list[tuple[Item, int | None]] = []
        self.returning = False  # the next scan is an item brought back
        self.lines = touch_list(self)
        self.total = QLabel(self)
        self.total.setProperty("role", "big")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.pay_button = self.action_button(self.pay, "primary")
        self.price_button = self.action_button(self.ask_line_price)
        self.remove_button = self.action_button(self.remove_line)
        self.label_price_button = self.action_button(self.print_price_label)
        self.return_button = self.action_button(self.start_return)
        self.return_button.setCheckable(True)
        self.label_button = self.action_button(self.ask_new_item)
        self.lines.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.lay_out([(self.lines, 1), (self.total, 0)],
                     [self.price_button, self.label_price_button, self.remove_button,
                      self.pay_button, self.return_button, self.label_button])
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.price_button.setText(self.tr("Change price"))
        self.remove_button.setText(self.tr("Remove line"))
        self.label_price_button.setText(self.tr("Price label"))
        self.pay_button.setText(self.tr("Paid"))
        self.return_button.setText(self.tr("Take a return"))
        self.label_button.setText(self.tr("Label an item from elsewhere"))
        self._show_basket()

    def _show_basket(self) -> None:
        lang, names = self.ctx.language, self.ctx.category_names()
        row = self.lines.currentRow()
        self.lines.clear()
        for item, price in self.basket:
            category = names.get(item.category, item.category)
            shown = lang.eur(price) if price is not None else self.tr("no price")
            self.lines.addItem(f"{item.code}   {category}   {shown}")
        self.lines.setCurrentRow(min(row, len(self.basket) - 1))
        total = sum(price or 0 for _, price in self.basket)
        self.total.setText(self.tr("Total {total}").format(total=lang.eur(total)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = 0 <= self.lines.currentRow() < len(self.basket)
        self.price_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
        self.label_price_button.setEnabled(
            selected and self.basket[self.lines.currentRow()][1] is not None)
        self.pay_button.setEnabled(bool(self.basket)
                                   and all(price is not None for _, price in self.basket))
        self.return_button.setChecked(self.returning)

    def handle_scan(self, code: str) -> None:
        if self.returning:
            self.returning = False
            self._update_buttons()
            self.ask_return(code)
            return
        item = self.attempt(lambda: self.ctx.shop.sellable(code))
        if not isinstance(item, Item):
            return
        if item.code in {line.code for line, _ in self.basket}:
            self.banner.error(self.tr("{code} is in the sale already.").format(code=item.code))
            return
        self.basket.append((item, self.ctx.shop.suggested_price(item)))
        self.banner.hide()
        self._show_basket()
        self.lines.setCurrentRow(len(self.basket) - 1)  # the new line, ready for its price
        if self.basket[-1][1] is None:
            self.ask_line_price()

    def ask_line_price(self) -> None:
        row = self.lines.currentRow()
        if not 0 <= row < len(self.basket):
            return
        item = self.basket[row][0]
        panel = KeypadPanel(self, self.tr("Price of {code}").format(code=item.code), decimals=2,
                            max_digits=6, unit="€")

        def priced(text: str) -> None:
            price = self.attempt(lambda: parse_eur(text))
            if isinstance(price, int):
                self.basket[row] = (item, price)
                self._show_basket()

        panel.entered.connect(priced)
        panel.open()

    def print_price_label(self) -> None:
        """Put the line's price on the item and print its label (for the shelf)."""
        row, user = self.lines.currentRow(), self.user
        if user is None or not 0 <= row < len(self.basket):
            return
        item, price = self.basket[row]
        if price is None:
            return
        if price != item.price_cents:
            priced = self.attempt(lambda: self.ctx.workshop.set_price(user, item.code, price))
            if not isinstance(priced, Item):
                return
            item = priced
            self.basket[row] = (item, price)
        self.print_label(item)
        self.banner.ok(self.tr("Price label of {code} is printing.").format(code=item.code))

    def remove_line(self) -> None:
        row = self.lines.currentRow()
        if 0 <= row < len(self.basket):
            del self.basket[row]
            self._show_basket()

    def pay(self) -> None:
        user = self.user
        if user is None or not self.basket:
            return
        lines = [(item.code, price) for item, price in self.basket]
        sale = self.attempt(lambda: self.ctx.shop.sell(user, lines))
        if isinstance(sale, Sale):
            self.basket = []
            self._show_basket()
            self.banner.ok(self.tr("Sold: {items} for {total}.").format(
                items=self.tr("%n items", "", len(sale.items)),
                total=self.ctx.language.eur(sale.total_cents)))

    def start_return(self) -> None:
        self.returning = not self.returning
        self._update_buttons()
        if self.returning:
            self.banner.ok(self.tr("Scan the item the customer brings back."))
        else:
            self.banner.hide()

    def ask_return(self, code: str) -> None:
        user = self.user
        item = self.attempt(lambda: self.ctx.shop.item(code))
        if user is None or not isinstance(item, Item):
            return

        mistake = self.tr("Sold by mistake: cancel the sale")

        def take_back(reason: str) -> None:
            if reason == mistake:  # the sale never happened: a correction, not a refund
                done = self.attempt(lambda: self.ctx.shop.correct_last(
                    user, item.code, self.tr("Sold by mistake")))
            else:
                done = self.attempt(lambda: self.ctx.shop.take_back(user, item.code, reason))
            if done:
                self.banner.ok(self.tr("{code} is back in stock.").format(code=item.code))

        ask_reason(self, self.tr("Why does {code} come back?").format(code=item.code),
                   [self.tr("Does not work"), self.tr("Does not fit"),
                    self.tr("Changed their mind"), mistake], take_back)

    def ask_new_item(self) -> None:
        """Category, then price: the item gets a code and a label at once."""
        options = [(c.code, c.name(self.ctx.language.code)) for c in self.ctx.gate.categories()]
        panel = ChoicePanel(self, self.tr("Which category?"), options, self.tr("Cancel"),
                            columns=3)
        panel.chosen.connect(self._ask_new_item_price)
        panel.open()

    def _ask_new_item_price(self, category: str) -> None:
        user = self.user
        panel = KeypadPanel(self, self.tr("Price"), decimals=2, max_digits=6, unit="€")

        def label(text: str, serial: str | None = None) -> None:
            item = self.attempt(lambda: self.ctx.shop.label_in_shop(
                user, category, None, parse_eur(text), serial=serial)) if user else None
            if isinstance(item, Item):
                self.print_label(item)
                self.banner.ok(self.tr("{code} labelled; the label is printing.").format(
                    code=item.code))

        def priced(text: str) -> None:
            """A category that asks for a number (police register) asks it now."""
            kind = self.ctx.registers.serial_kind(category)
            if kind is None:
                label(text)
                return
            numbered = SerialPanel(self, kind)
            numbered.entered.connect(lambda number: label(text, number or None))
            numbered.open()

        panel.entered.connect(priced)
        panel.open()

    def leave(self) -> None:
        super().leave()
        self.basket = []
        self.returning = False
        self._show_basket()
