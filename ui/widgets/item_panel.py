"""A scanned item shown over the gate: its card, and what a coach may do with it there."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from intake.model import Item
from ui.context import AppContext
from ui.style import apart, mm
from ui.widgets.item_card import ItemCard
from ui.widgets.panels import Panel


class ItemPanel(Panel):
    """Card plus 'Label again', 'Change route', 'Correct' (category, weight or the last step),
    'Void' and 'Close'; emits what was asked."""

    reprint = Signal(object)  # the Item
    change_route = Signal(object)
    correct = Signal(object)
    void = Signal(object)

    def __init__(self, host: QWidget, ctx: AppContext, item: Item) -> None:
        super().__init__(host, item.code)
        self.card = ItemCard(ctx, self)
        self.card.setMinimumSize(mm(200), mm(90))
        self.card.show_item(item)
        self.title.hide()  # the card's heading names the item
        self.body.addWidget(self.card)
        row = QHBoxLayout()
        # Separate actions, one of them red and final: 4 mm apart (tests/fit_check.py). Void
        # asks why first, and its question can be cancelled.
        row.setProperty("distinct", True)
        row.setSpacing(apart())
        self.reprint_button = self.button(self.tr("Label again"))
        self.route_button = self.button(self.tr("Change route"))
        self.correct_button = self.button(self.tr("Correct"))
        self.void_button = self.button(self.tr("Void"), "danger")
        self.close_button = self.button(self.tr("Close"), "primary")
        open_item = not item.voided
        self.route_button.setEnabled(open_item)
        self.correct_button.setEnabled(open_item)
        self.void_button.setEnabled(open_item)
        for button, signal in ((self.reprint_button, self.reprint),
                               (self.route_button, self.change_route),
                               (self.correct_button, self.correct),
                               (self.void_button, self.void)):
            button.clicked.connect(lambda _=False, s=signal: self._emit(s, item))
            row.addWidget(button)
        self.close_button.clicked.connect(self.close_panel)
        row.addWidget(self.close_button)
        self.body.addLayout(row)

    def _emit(self, signal: Signal, item: Item) -> None:  # type: ignore[type-arg]
        self.close_panel()
        signal.emit(item)  # type: ignore[attr-defined]
