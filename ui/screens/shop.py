"""The shop's till: scan items into a sale, change a price on the keypad, and take payment by
pin or in cash (with the change); take a sold item back and pay its price back; park a sale
and pick it up again; the day close; give a label to an item that came from elsewhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from intake.errors import AmbachtError
from intake.model import Item, PaymentMethod, User
from intake.monitoring import Period
from intake.shop import Sale
from intake.till import CARD, Payment, Takings
from intake.units import parse_eur
from ui.context import AppContext
from ui.device_messages import receipt_button
from ui.receipts import Receipts
from ui.screens.scan_screen import ScanScreen
from ui.screens.till_parts import CashPanel, DayClosePanel, UndoSalePanel
from ui.style import mm
from ui.widgets.base import FittingLabel, touch_list
from ui.widgets.keyboard import SerialPanel, ask_reason
from ui.widgets.keypad_panel import KeypadPanel
from ui.widgets.panels import ChoicePanel, ConfirmPanel, choose
from ui.widgets.reasons import enable


class ShopScreen(ScanScreen):
    """A basket of scanned items and their prices; 'Pin' or 'Cash' records them as one sale,
    whose total and change stay on screen until the next scan."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.basket: list[tuple[Item, int | None]] = []
        self.returning = False  # the next scan is an item brought back
        self.done_text = ""  # the last payment or refund, shown in place of the total
        self.last_sale: Sale | None = None  # for its receipt
        self.receipts = Receipts(ctx)
        self.parked_count = 0  # read again on entering and after parking or picking up
        self.receipts_on = False  # a receipt printer is set (read on entering)
        self.lines = touch_list(self)
        # A fixed place: "Paid € 12,50 · cash · change € 7,50" takes smaller letters, not more
        # height, so the rows above and below never move (issue 15).
        self.total = FittingLabel(14, 6, self)
        self.total.setProperty("role", "big")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.total.setFixedHeight(mm(17))
        self.pin_button = self.action_button(self.pay_by_pin, "primary")
        self.cash_button = self.action_button(self.pay_in_cash, "primary")
        self.receipt_button = self.action_button(self.print_receipt)
        self.undo_button = self.action_button(self.ask_undo_sale)
        keep = self.undo_button.sizePolicy()  # shown after a payment until the next scan;
        keep.setRetainSizeWhenHidden(True)  # its place is kept, so nothing else moves
        self.undo_button.setSizePolicy(keep)
        self.price_button = self.action_button(self.ask_line_price)
        self.remove_button = self.action_button(self.remove_line)
        self.label_price_button = self.action_button(self.print_price_label)
        self.park_button = self.action_button(self.park)
        self.parked_button = self.action_button(self.ask_parked)
        self.return_button = self.action_button(self.start_return)
        self.return_button.setCheckable(True)
        self.label_button = self.action_button(self.ask_new_item)
        self.day_close_button = self.action_button(self.show_day_close)
        self.lines.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.lay_out([(self.lines, 1),
                      (self._row(self.price_button, self.label_price_button,
                                 self.remove_button), 0),
                      (self.total, 0),
                      (self._row(self.pin_button, self.cash_button, self.receipt_button,
                                 self.undo_button), 0)],
                     [self.park_button, self.parked_button, self.return_button,
                      self.label_button, self.day_close_button])
        self.retranslate()

    def _row(self, *buttons: QPushButton) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(mm(4))
        for button in buttons:
            layout.addWidget(button, 1)
        return row

    def retranslate(self) -> None:
        super().retranslate()
        self.price_button.setText(self.tr("Change price"))
        self.remove_button.setText(self.tr("Remove line"))
        self.label_price_button.setText(self.tr("Price label"))
        self.pin_button.setText(self.tr("Pin"))
        self.cash_button.setText(self.tr("Cash"))
        self.receipt_button.setText(receipt_button())
        self.undo_button.setText(self.tr("Wrong? Undo the sale"))
        self.park_button.setText(self.tr("Park sale"))
        self.return_button.setText(self.tr("Take a return"))
        self.label_button.setText(self.tr("Label an item from elsewhere"))
        self.day_close_button.setText(self.tr("Day close"))
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
        if self.done_text and not self.basket:
            text = self.done_text
        elif not self.basket:  # an empty till says how a sale starts
            text = self.tr("Scan an item's label to start a sale.")
        else:
            text = self.tr("Total {total}").format(total=lang.eur(self._total()))
        self.total.show_text(text)
        self._update_buttons()

    def _total(self) -> int:
        return sum(price or 0 for _, price in self.basket)

    def _update_buttons(self) -> None:
        selected = 0 <= self.lines.currentRow() < len(self.basket)
        pick = self.tr("Scan an item first") if not self.basket else self.tr("Tap a line first")
        enable(self.price_button, selected, pick)
        enable(self.remove_button, selected, pick)
        enable(self.label_price_button,
               selected and self.basket[self.lines.currentRow()][1] is not None,
               pick if not selected else self.tr("Give this item a price first"))
        payable = bool(self.basket) and all(price is not None for _, price in self.basket)
        unpaid = (self.tr("Scan an item first") if not self.basket
                  else self.tr("Every item needs a price first"))
        enable(self.pin_button, payable, unpaid)
        enable(self.cash_button, payable, unpaid)
        self.receipt_button.setVisible(self.receipts_on)
        enable(self.receipt_button, self.last_sale is not None and not self.basket,
               self.tr("A receipt is for a sale just paid"))
        self.undo_button.setVisible(self.last_sale is not None and not self.basket)
        enable(self.park_button, bool(self.basket), self.tr("Scan an item first"))
        self.parked_button.setText(self.tr("Parked sales ({count})").format(
            count=self.parked_count))
        enable(self.parked_button, self.parked_count > 0, self.tr("No sales are parked"))
        self.return_button.setChecked(self.returning)

    def enter(self, user: User, places: list[tuple[str, str]], here: str) -> None:
        super().enter(user, places, here)
        self.receipts_on = self.receipts.enabled()
        self._count_parked()

    def _count_parked(self) -> None:
        self.parked_count = len(self.ctx.shop.parked())
        self._update_buttons()

    # --- scanning into the basket -----------------------------------------------------------

    def handle_scan(self, code: str) -> None:
        if self.returning:
            self.returning = False
            self._update_buttons()
            self.ask_return(code)
            return
        item = self.attempt(lambda: self.ctx.shop.item(code))
        if not isinstance(item, Item):
            return
        if item.voided:
            self.offer_new_label(item)
            return
        try:
            self.ctx.shop.check_sellable(item)
        except AmbachtError as exc:
            self.banner.error(self.ctx.language.error(exc))
            return
        if item.code in {line.code for line, _ in self.basket}:
            self.banner.error(self.tr("{code} is in the sale already.").format(code=item.code))
            return
        self._add(item, self.ctx.shop.suggested_price(item))

    def _add(self, item: Item, price: int | None) -> None:
        self.done_text = ""  # a new customer: the last one's payment goes
        self.basket.append((item, price))
        self.banner.hide()
        self._show_basket()
        self.lines.setCurrentRow(len(self.basket) - 1)  # the new line, ready for its price
        if price is None:
            self.ask_line_price()

    def offer_new_label(self, item: Item) -> None:
        """A voided code cannot be sold: say why, and offer a new code for the item."""
        reason = self.ctx.shop.void_reason(item) or self.tr("no reason given")
        panel = ConfirmPanel(
            self, self.tr("{code} was voided ({reason}) and cannot be sold with this label. "
                          "Give the item a new label?").format(code=item.code, reason=reason),
            self.tr("New label"), self.tr("Cancel"))
        panel.answered.connect(lambda yes: self.ask_new_item(into_sale=True) if yes else None)
        panel.open()

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

    # --- payment ----------------------------------------------------------------------------

    def pay_by_pin(self) -> None:
        """The pin terminal has approved the total: record the sale."""
        self._sell(CARD)

    def pay_in_cash(self) -> None:
        CashPanel(self, self.ctx, self._total(), self._sell).open()

    def _sell(self, payment: Payment) -> str | None:
        """Record the basket as one sale paid so; None, or why it was refused (nothing sold)."""
        user = self.user
        if user is None or not self.basket:
            return None
        lines = [(item.code, price) for item, price in self.basket]
        try:
            sale = self.ctx.shop.sell(user, lines, payment=payment)
        except AmbachtError as exc:
            self.banner.error(self.ctx.language.error(exc))
            return self.ctx.language.error(exc)
        lang = self.ctx.language
        if payment.method is PaymentMethod.CASH:
            self.done_text = self.tr("Paid {total} · cash · change {change}").format(
                total=lang.eur(sale.total_cents), change=lang.eur(sale.change_cents))
        else:
            self.done_text = self.tr("Paid {total} · pin").format(total=lang.eur(sale.total_cents))
        self.basket, self.last_sale = [], sale
        self.banner.ok(self.tr("Sold: {items} for {total}.").format(
            items=self.tr("%n items", "", len(sale.items)), total=lang.eur(sale.total_cents)))
        self._show_basket()
        return None

    def ask_undo_sale(self) -> None:
        if (sale := self.last_sale) is not None and (user := self.user) is not None:
            UndoSalePanel(self, self.ctx, user, sale, self.attempt, self._refunded).open()

    def print_receipt(self) -> None:
        if self.last_sale is not None:
            self.receipts.print_sale(self.last_sale)
            self.banner.ok(self.tr("The receipt is printing."))

    def _print_failed(self, code: str, error: str) -> None:
        """A receipt's trouble is already one sentence naming the button to tap again."""
        if code == self.receipts.job_name():
            if self.isVisible():
                self.banner.error(error)
            return
        super()._print_failed(code, error)

    # --- parked sales -----------------------------------------------------------------------

    def park(self) -> None:
        """Put the sale aside (the customer fetches something); it stays over a logout."""
        user = self.user
        if user is None or not self.basket:
            return
        total = self._total()
        basket = self.attempt(lambda: self.ctx.shop.park(
            user, [(item.code, price) for item, price in self.basket]))
        if basket is None:
            return
        count = len(self.basket)
        self.basket = []
        self._show_basket()
        self._count_parked()
        self.banner.ok(self.tr("Sale parked: {items}, {total}.").format(
            items=self.tr("%n items", "", count), total=self.ctx.language.eur(total)))

    def ask_parked(self) -> None:
        lang = self.ctx.language
        options = [(basket.id, self.tr("{time} · {items} · {total}").format(
            time=lang.local(basket.parked_at, self.ctx.zone(), "%H:%M"),
            items=self.tr("%n items", "", len(basket.lines)),
            total=lang.eur(sum(price or 0 for _, price in basket.lines))))
            for basket in self.ctx.shop.parked()]
        panel = choose(self, self.tr("Which parked sale?"), options, self.tr("Cancel"))
        panel.chosen.connect(self.pick_up)
        panel.open()

    def pick_up(self, basket_id: str) -> None:
        """Take a parked sale back into the till; a sale in the till now is parked first."""
        user = self.user
        if user is None:
            return
        if self.basket:
            self.park()
        picked = self.attempt(lambda: self.ctx.shop.pick_up(user, basket_id))
        if not isinstance(picked, tuple):
            return
        kept, dropped = picked
        self._count_parked()
        self.done_text = ""
        self.basket = [(item, price if price is not None else self.ctx.shop.suggested_price(item))
                       for item, price in kept]
        self._show_basket()
        if dropped:
            self.banner.error(self.tr("Not in the sale any more (sold or voided meanwhile): "
                                      "{codes}").format(codes=", ".join(dropped)))
        else:
            self.banner.ok(self.tr("Parked sale picked up."))

    # --- returns ----------------------------------------------------------------------------

    def start_return(self) -> None:
        self.returning = not self.returning
        self._update_buttons()
        if self.returning:
            self.banner.instruct(self.tr("Scan the item the customer brings back."))
        else:
            self.banner.hide()

    def ask_return(self, code: str) -> None:
        """Why the item comes back, then how its price is paid back."""
        user = self.user
        item = self.attempt(lambda: self.ctx.shop.item(code))
        refund = self.attempt(lambda: self.ctx.shop.refund(code)) if item else None
        if user is None or not isinstance(item, Item) or not isinstance(refund, int):
            return
        amount = self.ctx.language.eur(refund)
        mistake = self.tr("Sold by mistake: cancel the sale")

        def take_back(reason: str) -> None:
            if reason == mistake:  # the sale never happened: a correction, not a refund
                if self.attempt(lambda: self.ctx.shop.correct_last(
                        user, item.code, self.tr("Sold by mistake"))):
                    self._refunded(self.tr("Sale of {code} cancelled: give back {amount}").format(
                        code=item.code, amount=amount))
                return
            panel = ChoicePanel(self, self.tr("Pay back {amount}: how?").format(amount=amount),
                                [(PaymentMethod.CASH.value, self.tr("Cash")),
                                 (PaymentMethod.PIN.value, self.tr("Pin"))], self.tr("Cancel"))
            panel.chosen.connect(lambda method: self._take_back(item, reason, method, amount))
            panel.open()

        ask_reason(self, self.tr("Why does {code} come back? It was sold for {amount}.").format(
            code=item.code, amount=amount),
            [self.tr("Does not work"), self.tr("Does not fit"),
             self.tr("Changed their mind"), mistake], take_back)

    def _take_back(self, item: Item, reason: str, method: str, amount: str) -> None:
        user = self.user
        if user is None:
            return
        paid_back = PaymentMethod(method)
        if self.attempt(lambda: self.ctx.shop.take_back(user, item.code, reason,
                                                        method=paid_back)):
            how = self.tr("cash") if paid_back is PaymentMethod.CASH else self.tr("pin")
            self._refunded(self.tr("Paid back {amount} · {how}").format(amount=amount, how=how))

    def _refunded(self, text: str) -> None:
        self.done_text, self.last_sale = text, None  # nothing paid now to undo or print
        self._show_basket()
        self.banner.ok(text)

    # --- the day close and items from elsewhere ---------------------------------------------

    def show_day_close(self) -> None:
        now = self.ctx.clock.now()
        today = now.astimezone(self.ctx.zone()).date()
        found = self.attempt(lambda: self.ctx.takings(Period(today, today)))
        if not isinstance(found, Takings):
            return

        def print_receipt() -> None:
            self.receipts.print_day_close(found)
            self.banner.ok(self.tr("The receipt is printing."))

        DayClosePanel(self, self.ctx, self.ctx.language.local(now, self.ctx.zone(), "%d-%m-%Y"),
                      found, print_receipt if self.receipts_on else None).open()

    def ask_new_item(self, into_sale: bool = False) -> None:
        """Category, then price: the item gets a code and a label at once (and, for an item
        on the counter, a line in the sale)."""
        options = [(c.code, c.name(self.ctx.language.code)) for c in self.ctx.gate.categories()]
        panel = ChoicePanel(self, self.tr("Which category?"), options, self.tr("Cancel"),
                            columns=3)
        panel.chosen.connect(lambda category: self._ask_new_item_price(category, into_sale))
        panel.open()

    def _ask_new_item_price(self, category: str, into_sale: bool) -> None:
        user = self.user
        panel = KeypadPanel(self, self.tr("Price"), decimals=2, max_digits=6, unit="€")

        def label(text: str, serial: str | None = None) -> None:
            item = self.attempt(lambda: self.ctx.shop.label_in_shop(
                user, category, None, parse_eur(text), serial=serial)) if user else None
            if isinstance(item, Item):
                self.print_label(item)
                if into_sale:
                    self._add(item, item.price_cents)
                self.banner.ok(self.tr("{code} labelled; the label is printing.").format(
                    code=item.code))

        def priced(text: str) -> None:
            """A category that asks for a number (police register) asks it now."""
            kind = self.ctx.registers.serial_kind(category)
            if kind is None:
                label(text)
                return
            serial_panel = SerialPanel(self, kind)
            serial_panel.entered.connect(lambda number: label(text, number or None))
            serial_panel.open()

        panel.entered.connect(priced)
        panel.open()

    def leave(self) -> None:
        if self.basket:  # logged out mid-sale (or idle): the sale waits, parked
            self.park()
        super().leave()
        self.basket = []
        self.returning = False
        self.done_text, self.last_sale = "", None
        self._show_basket()
