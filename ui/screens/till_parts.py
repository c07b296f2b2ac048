"""Parts of the till (`ui.screens.shop`): the cash panel, which shows the change while the
amount received is typed, the undo of a sale just paid, and the day close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from intake.errors import AmbachtError
from intake.model import PaymentMethod, User
from intake.shop import Sale
from intake.till import Payment, Takings, check_payment, quick_amounts
from intake.units import parse_eur
from ui.context import AppContext
from ui.device_messages import receipt_button
from ui.style import mm
from ui.widgets.keypad import Keypad, shown_with_unit
from ui.widgets.panels import ConfirmPanel, Panel
from ui.widgets.reasons import enable

CASH = PaymentMethod.CASH


class CashPanel(Panel):
    """Cash for `total_cents`: the exact amount or a round note in one tap, or the amount
    received typed on the keypad, with the change (or what is short) shown as it is typed.

    `pay(payment)` records the sale and returns None, or the refusal's text, which the panel
    shows while it stays open: nothing was sold.
    """

    def __init__(self, host: QWidget, ctx: AppContext, total_cents: int,
                 pay: Callable[[Payment], str | None]) -> None:
        lang = ctx.language
        super().__init__(host, "")
        self.title.setText(self.tr("Cash: total {total}").format(total=lang.eur(total_cents)))
        self.ctx, self.total_cents, self.pay = ctx, total_cents, pay
        self.quick_buttons: dict[int | None, QPushButton] = {}
        notes = QHBoxLayout()
        notes.setSpacing(mm(4))  # neighbours that pay different amounts
        for amount in [None, *quick_amounts(total_cents)]:
            button = self.button(self.tr("Exact") if amount is None else lang.eur(amount))
            button.setMinimumWidth(mm(30))
            button.clicked.connect(lambda _=False, a=amount: self._pay(Payment(CASH, a)))
            self.quick_buttons[amount] = button
            notes.addWidget(button)
        self.body.addLayout(notes)
        self.display = QLabel(self)
        self.display.setProperty("role", "display")
        self.display.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Two lines' room whatever it says, and no say in the panel's width: the panel keeps
        # its size and "Paid" its place as the change is typed (issue 15).
        self.change = QLabel(self)
        self.change.setProperty("role", "title")
        self.change.setWordWrap(True)
        self.change.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.change.ensurePolished()
        self.change.setText("-\n-")
        self.change.setFixedHeight(self.change.heightForWidth(mm(80)))
        self.keypad = Keypad(decimals=2, max_digits=6, parent=self)
        self.keypad.setMinimumSize(mm(80), mm(60))
        self.keypad.changed.connect(self._show)
        for widget in (self.display, self.change, self.keypad):
            self.body.addWidget(widget)
        row = QHBoxLayout()
        cancel = self.button(self.tr("Cancel"))
        cancel.clicked.connect(self.close_panel)
        self.ok_button = self.button(self.tr("Paid"), "primary")
        self.ok_button.clicked.connect(self._pay_typed)
        row.addWidget(cancel)
        row.addWidget(self.ok_button)
        self.body.addLayout(row)
        self._show("")

    def type_text(self, text: str) -> None:
        """Press the keys of `text` (digits and a comma)."""
        for key in text:
            self.keypad.press(key)

    def _typed(self) -> Payment:
        """The typed amount as a cash payment; AmbachtError when it is no amount."""
        return Payment(CASH, parse_eur(self.keypad.text()))

    def _show(self, text: str) -> None:
        lang = self.ctx.language
        self.display.setText(shown_with_unit(text, "€"))
        if not text:
            hint = self.tr("Type what the customer hands over, or tap a note.")
            enable(self.ok_button, False, hint)
            self.change.setText(hint)
            return
        try:
            payment = self._typed()
            check_payment(payment, self.total_cents)
        except AmbachtError as exc:
            # Too little (or no amount): "Paid" is off, and a tap on it says why.
            enable(self.ok_button, False, lang.error(exc))
            self.change.setText(lang.error(exc))
            return
        enable(self.ok_button, True, "")
        self.change.setText(self.tr("Change {change}").format(
            change=lang.eur(payment.change(self.total_cents))))

    def _pay_typed(self) -> None:
        try:
            payment = self._typed()
        except AmbachtError as exc:
            self.change.setText(self.ctx.language.error(exc))
            return
        self._pay(payment)

    def _pay(self, payment: Payment) -> None:
        refused = self.pay(payment)
        if refused is None:
            self.close_panel()
        else:
            self.change.setText(refused)


class UndoSalePanel(ConfirmPanel):
    """"Wrong? Undo the sale" after paying: asks, then cancels the sale through `attempt` (the
    screen's, which shows a refusal) and tells `done` what to give back."""

    def __init__(self, host: QWidget, ctx: AppContext, user: User, sale: Sale,
                 attempt: Callable[[Callable[[], object]], object],
                 done: Callable[[str], None]) -> None:
        amount = ctx.language.eur(sale.total_cents)
        super().__init__(host, self.tr("Undo this sale of {total}? Give the money back; the "
                                       "items are for sale again.").format(total=amount),
                         self.tr("Undo the sale"), self.tr("Keep it"))

        def undo(yes: bool) -> None:
            if yes and attempt(lambda: ctx.shop.cancel_sale(
                    user, sale, self.tr("Sale undone at the till"))):
                done(self.tr("Sale undone: give back {amount}").format(amount=amount))

        self.answered.connect(undo)


class DayClosePanel(Panel):
    """The day close: what each payment method took in today (sales less the returns paid
    back by it), and the day's count of sales and returns; with `print_receipt`, a button
    that prints it."""

    def __init__(self, host: QWidget, ctx: AppContext, day: str, takings: Takings,
                 print_receipt: Callable[[], None] | None = None) -> None:
        super().__init__(host, self.tr("Day close {day}").format(day=day))
        lang = ctx.language
        names = {PaymentMethod.CASH: self.tr("Cash"), PaymentMethod.PIN: self.tr("Pin"),
                 PaymentMethod.UNKNOWN: self.tr("Not recorded")}
        self.rows: list[QLabel] = []
        for method, sums in takings.by_method.items():
            if method is PaymentMethod.UNKNOWN and not (sums.sales or sums.returns):
                continue  # only sales recorded before the till asked have no method
            text = self.tr("{method}: {net}").format(method=names[method],
                                                     net=lang.eur(sums.net_cents))
            detail = self.tr("%n sales", "", sums.sales) + f" · {lang.eur(sums.sold_cents)}"
            if sums.returns:
                detail += " · " + self.tr("%n returns", "", sums.returns) + (
                    f" · −{lang.eur(sums.refunded_cents)}")
            self._row(text, "title")
            self._row(detail, None)
        self._row(self.tr("Total: {net}").format(net=lang.eur(takings.net_cents)), "big")
        self._row(self.tr("%n sales", "", takings.sales) + " · "
                  + self.tr("%n returns", "", takings.returns), None)
        row = QHBoxLayout()
        row.setSpacing(mm(5))
        if print_receipt is not None:  # a receipt printer is set: the day close on paper
            self.print_button = self.button(receipt_button())
            self.print_button.clicked.connect(print_receipt)
            row.addWidget(self.print_button)
        self.ok_button = self.button(self.tr("OK"), "primary")
        self.ok_button.clicked.connect(self.close_panel)
        row.addWidget(self.ok_button)
        self.body.addLayout(row)

    def _row(self, text: str, role: str | None) -> None:
        label = QLabel(text, self)
        if role:
            label.setProperty("role", role)
        self.rows.append(label)
        self.body.addWidget(label)

    def text(self) -> str:
        """What the panel shows, line by line."""
        return "\n".join(row.text() for row in self.rows)
